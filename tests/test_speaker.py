"""Speaker sheets and the timeline say only what the sources state: their data is checked line by
line against the cited source, and their questions are answered by the sheet's own facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoctap.registry import focus as focus_file
from hoctap.checks import data
from hoctap.registry.documents import Registry
from hoctap.render import speaker

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(DOCS)


@pytest.fixture(scope="module")
def sources() -> Path:
    return ROOT / "sources"


def load(tmp_path, registry, sources, text: str) -> focus_file.Focus:
    path = tmp_path / "includes" / "bao-cao-vien.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return focus_file.load(path, tmp_path, sources, registry)


def test_project_focus_file_is_grounded(registry, sources):
    focus = focus_file.load(DOCS / focus_file.FILE, DOCS, sources, registry)
    assert focus.findings == []
    assert focus.chung and focus.chuong_trinh["03/CTr-LĐLĐ"]


def test_focus_not_in_the_source_is_refused(tmp_path, registry, sources):
    text = ("chuong_trinh:\n  03/CTr-LĐLĐ:\n    - noi_dung: tiền lương tối thiểu vùng\n"
            "      nguon: ke-hoach-ldld-lai-chau-2026-03-31.txt:81-84\n  99/CTr-LĐLĐ: []\n")
    focus = load(tmp_path, registry, sources, text)
    assert [f.format() for f in focus.findings] == [
        "includes/bao-cao-vien.yml:3:1: K003 focus area not grounded: 'tiền lương tối thiểu vùng' is not in the "
        "cited lines ke-hoach-ldld-lai-chau-2026-03-31.txt:81-84",
        "includes/bao-cao-vien.yml:5:3: K002 `99/CTr-LĐLĐ`: no document page has this symbol",
    ]


def test_sheets_cover_every_study_programme(registry, sources):
    focus = focus_file.load(DOCS / focus_file.FILE, DOCS, sources, registry)
    markdown = speaker.sheets(registry, focus, "bao-cao-vien.md", "vi")
    programmes = speaker.study_programmes(registry)
    [plan] = [d for d in registry.documents if d.page.meta.get("noi_dung_hoc_tap")]
    assert [d.ma for d in programmes] == plan.page.meta["noi_dung_hoc_tap"], "the plan's order"
    assert markdown.count('<section class="ht-sheet"') == len(programmes) == 7
    for d in programmes:
        sheet = markdown.split(f"{{#{speaker.sheet_id(d)}}}", 1)[1].split("</section>", 1)[0]
        assert speaker.text(d.trich_yeu) in sheet and "Ghi chú của báo cáo viên" in sheet  # as Markdown that shows it as written
        # every suggested answer is a fact already on the sheet (as its reader sees it: links as their text)
        shown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", sheet)
        for line in shown.splitlines():
            if "*Gợi ý trả lời:*" in line:
                answer = line.split("*Gợi ý trả lời:*", 1)[1].strip().rstrip(".")
                parts = [p.strip() for p in answer.removeprefix("Để ").replace(" (Kế hoạch, mục I.1)", "").split(";")]
                assert all(p.split(", ngày ")[0] in shown.replace(line, "") for p in parts), line
        silent = not focus.chuong_trinh.get(d.ma)
        assert ("Kế hoạch chỉ nêu tên chương trình" in sheet) == silent
        assert "Đang chờ văn bản chính thức" in sheet  # no programme has its official text yet


def test_sheets_say_the_plan_and_the_documents_as_they_are(registry, sources):
    """Issue 14: the sheet's title says the subject; the purpose (mục I.1) is not mixed with the
    requirements (I.2) in the answer to "Vì sao…"; what a programme implements is answered with the
    document as the plan cites it; the status is the document's, never the page's review."""
    focus = focus_file.load(DOCS / focus_file.FILE, DOCS, sources, registry)
    # as the reader sees it: Markdown's escapes taken off (speaker.text)
    markdown = re.sub(r"\\(.)", r"\1", speaker.sheets(registry, focus, "bao-cao-vien.md", "vi"))
    assert "## Phiếu báo cáo viên: 03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể {#phieu-03-ctr-ldld}" in markdown
    sheet = markdown.split("{#phieu-18-ctr-tu}", 1)[1].split("</section>", 1)[0]
    assert "*Gợi ý trả lời:* Chỉ thị số 58-CT/TW, ngày 10/01/2026 của Ban Bí thư." in sheet
    assert "bám sát mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp của nghị quyết (mục I.2)" in sheet
    why = next(line for line in sheet.splitlines() if "Gợi ý trả lời:* Để" in line)
    assert "(Kế hoạch, mục I.1)" in why and "bám sát" not in why
    assert "Tình trạng\n:   Đã ban hành" in sheet and "Dự thảo" not in markdown and "duyệt" not in markdown


def test_timeline_event_must_be_grounded(project_copy, sources):
    page = project_copy / "docs" / "hoi-nghi.md"
    page.write_text(page.read_text(encoding="utf-8").replace("ghi: Dự kiến trung tuần tháng 4/2026",
                                                             "ghi: Ngày 15/4/2026"), encoding="utf-8")
    registry = Registry.load(project_copy / "docs")
    [finding] = data.load(registry, sources, project_copy / "docs" / "includes" / "abbreviations.md").findings
    assert finding.path == "hoi-nghi.md" and finding.code == "K003" and "'Ngày 15/4/2026' is not in the cited lines" in finding.message
