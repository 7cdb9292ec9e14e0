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
from hoctap.text.clauses import is_whole

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
    markdown = speaker.sheets(registry, focus, "bao-cao-vien.md", "vi", sources)
    programmes = speaker.study_programmes(registry)
    [plan] = [d for d in registry.documents if d.page.meta.get("noi_dung_hoc_tap")]
    assert [d.ma for d in programmes] == plan.page.meta["noi_dung_hoc_tap"], "the plan's order"
    assert markdown.count('<section class="ht-sheet"') == len(programmes) == 7
    for d in programmes:
        sheet = markdown.split(f"{{#{speaker.sheet_id(d)}}}", 1)[1].split("</section>", 1)[0]
        assert speaker.text(d.trich_yeu) in sheet and "Ghi chú của báo cáo viên" in sheet  # as Markdown that shows it as written
        silent = not focus.chuong_trinh.get(d.ma)
        assert ("Kế hoạch chỉ nêu tên chương trình" in sheet) == silent
        assert "Đang chờ văn bản chính thức" in sheet  # no programme has its official text yet


def _quotes(sheet: str) -> dict[str, str]:
    """The numbered quotations of a sheet, as the reader sees them."""
    shown = re.sub(r"\\(.)", r"\1", sheet)
    return dict(re.findall(r"^> \((\d+)\) “(.*?)”$", shown, re.M))


def test_sheets_quote_whole_clauses_and_ask_members_to_connect_them(registry, sources):
    """Issue 24: quotations are whole clauses; each discussion question starts from one of them and
    asks about the members' own workplace; no answer is written for them ("Gợi ý trả lời" was the
    same "Vì sao…" answer seven times, and recall questions asked for the date of issue)."""
    focus = focus_file.load(DOCS / focus_file.FILE, DOCS, sources, registry)
    markdown = speaker.sheets(registry, focus, "bao-cao-vien.md", "vi", sources)
    for d in speaker.study_programmes(registry):
        sheet = markdown.split(f"{{#{speaker.sheet_id(d)}}}", 1)[1].split("</section>", 1)[0]
        quotes = _quotes(sheet)
        assert is_whole(sources, d.nguon[0], quotes["1"]), d.ma
        refs = {text: ref for text, ref in focus.nguon.items() if text in focus.chung}
        for n, words in quotes.items():
            if n != "1":
                assert any(is_whole(sources, ref, words) for ref in refs.values()), (d.ma, n)
        asked = re.findall(r"^\d+\. (.*)$", sheet.split("Câu hỏi gợi ý thảo luận", 1)[1], re.M)
        assert len(asked) >= 3 and "Gợi ý trả lời" not in sheet
        for question in asked:
            n = re.match(r"Từ trích dẫn \((\d+)\)", question)
            assert n and n.group(1) in quotes, question  # tied to a quotation on the sheet
            assert "đơn vị" in question  # the members' own workplace
            assert "ban hành" not in question and "ngày nào" not in question  # no recall of metadata


def test_sheets_say_the_plan_and_the_documents_as_they_are(registry, sources):
    """Issue 14 and 24: the sheet's title says the subject; "bám sát mục tiêu…" is said of "Nội dung
    triển khai" under the requirements (I.2), never as the study's purpose (I.1); what a programme
    implements is named as the plan cites it; the status is the document's, never the page's review."""
    focus = focus_file.load(DOCS / focus_file.FILE, DOCS, sources, registry)
    # as the reader sees it: Markdown's escapes taken off (speaker.text)
    markdown = re.sub(r"\\(.)", r"\1", speaker.sheets(registry, focus, "bao-cao-vien.md", "vi", sources))
    assert "## Phiếu báo cáo viên: 03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể {#phieu-03-ctr-ldld}" in markdown
    sheet = markdown.split("{#phieu-18-ctr-tu}", 1)[1].split("</section>", 1)[0]
    assert "Chỉ thị số 58-CT/TW, ngày 10/01/2026 của Ban Bí thư" in sheet
    purpose, requirement = sheet.split("**Mục đích**", 1)[1].split("**Yêu cầu**", 1)
    assert "bám sát" not in purpose and "Nội dung triển khai cần bám sát mục tiêu" in requirement
    assert "Kế hoạch, mục I.2" in requirement and "Kế hoạch, mục I.1" in purpose
    assert "Tình trạng\n:   Đã ban hành" in sheet and "Dự thảo" not in markdown and "duyệt" not in markdown
    assert "Ngày ban hành\n:   24/3/2026" in sheet
    trade_union = markdown.split("{#phieu-15-ctr-ldld}", 1)[1].split("</section>", 1)[0]
    assert "[Nghị quyết Công đoàn tỉnh Lai Châu khóa XIV](" in trade_union  # as the plan prints it


def test_one_list_of_focus_areas_one_number_everywhere(registry, sources, site):
    """Issue 24: 03/CTr-LĐLĐ had six focus areas on its page and in the quiz, five on its sheet and deck."""
    focus = focus_file.load(DOCS / focus_file.FILE, DOCS, sources, registry)
    for symbol, items in focus.chuong_trinh.items():
        page = (DOCS / registry.get(symbol).page.path).read_text(encoding="utf-8")
        section = page.split("## Trọng tâm theo Kế hoạch", 1)[1].split("\n## ", 1)[0]
        listed = [line[2:].replace("**", "").rstrip(";.") for line in section.splitlines() if line.startswith("- ")]
        if listed:
            assert listed == items, symbol
    sheets = (site / "bao-cao-vien.html").read_text(encoding="utf-8")
    sheet = sheets.split('id="phieu-03-ctr-ldld-trong-tam"', 1)[1].split("<h3", 1)[0]
    assert sheet.count("<li>") == len(focus.chuong_trinh["03/CTr-LĐLĐ"]) == 6


def test_timeline_event_must_be_grounded(project_copy, sources):
    page = project_copy / "docs" / "hoi-nghi.md"
    page.write_text(page.read_text(encoding="utf-8").replace("ghi: Dự kiến trung tuần tháng 4/2026",
                                                             "ghi: Ngày 15/4/2026"), encoding="utf-8")
    registry = Registry.load(project_copy / "docs")
    [finding] = data.load(registry, sources, project_copy / "docs" / "includes" / "abbreviations.md").findings
    assert finding.path == "hoi-nghi.md" and finding.code == "K003" and "'Ngày 15/4/2026' is not in the cited lines" in finding.message


def test_sheet_lists_an_implemented_document_whose_subject_the_import_could_not_read(project_copy, sources):
    """An imported page with its trích yếu still empty builds in previews (M001 warning): the sheet of the
    programme implementing it names it by its symbol, without a subject it does not have."""
    page = project_copy / "docs" / "van-ban" / "58-ct-tw.md"
    text = re.sub(r"^(trich_yeu|ten_ngan):.*\n", "", page.read_text(encoding="utf-8"), flags=re.M)
    page.write_text(text.replace("loai: Chỉ thị\n", 'loai: Chỉ thị\ntrich_yeu:\nsha256: "ab12"\n'), encoding="utf-8")
    registry = Registry.load(project_copy / "docs")
    assert [f.code for f in registry.findings if f.path == "van-ban/58-ct-tw.md"] == ["M001"]
    focus = focus_file.load(project_copy / "docs" / focus_file.FILE, project_copy / "docs", sources, registry)
    markdown = speaker.sheets(registry, focus, "bao-cao-vien.md", "vi", sources)
    [listed] = [line for line in markdown.splitlines() if "](van-ban/58-ct-tw.md)" in line]
    assert listed == ":   [Chỉ thị số 58\\-CT/TW, ngày 10/01/2026 của Ban Bí thư](van-ban/58-ct-tw.md)"
