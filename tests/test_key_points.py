"""Key points (điểm chính): proposed verbatim by `hoctap import --key-points`, kept by the editors in
docs/includes/diem-chinh.yml, refused by `hoctap check` and the build when not verbatim or not under
their anchor, and shown as quotations on Đọc nhanh, the speaker page and sheets, and in the PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hoctap.importing import import_file
from hoctap.importing.key_point_proposals import is_target, propose
from hoctap.text.markdown_escape import unescape
from hoctap.text.outline import normal
from tests import import_samples as samples
from tests.test_import import FORMATS, hoctap

ROOT = Path(__file__).resolve().parent.parent
PLAN = "sources/ke-hoach-ldld-lai-chau-2026-03-31.txt"
DATA = "docs/includes/diem-chinh.yml"


@pytest.mark.parametrize("sentence, target", [
    ("Phấn đấu đến năm 2030, tỷ lệ đảng viên được học tập nghị quyết đạt 100%.", True),
    ("Dự kiến 110 người.", True),
    ("01 ngày - Dự kiến trung tuần tháng 4/2026.", True),
    ("Đến năm 2030 hoàn thành việc chuyển đổi số.", True),
    ("Chương trình số 15-CTr/TU, ngày 04/3/2026 của Ban Chấp hành đảng bộ tỉnh.", False),
    ("Nghị quyết Đại hội Công đoàn tỉnh Lai Châu lần thứ XIV nhiệm kỳ 2025 - 2030.", False),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;", False),
    ("Thực hiện Chương trình số 14/CTr-LĐLĐ, ngày19/12/2025 của Ban Chấp hành.", False),
    ("Báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.", False),
    ("Quy định tại Điều 5, khoản 2 của Luật Công đoàn năm 2024.", False),
])
def test_a_target_has_a_percentage_a_quantity_or_a_horizon_never_just_a_date_or_a_number(sentence, target):
    assert is_target(sentence) is target


EXPECTED = {
    "ke-hoach-mau": [("muc-tieu", "muc-i-2", "Phấn đấu đến năm 2030 có 90% đoàn viên"),
                     ("to-chuc-thuc-hien", "muc-iii-1", "Chủ trì, tham mưu tổ chức hội nghị;"),
                     ("to-chuc-thuc-hien", "muc-iii-2", "Các cấp công đoàn trong tỉnh")],
    "quyet-dinh-mau": [("to-chuc-thuc-hien", "dieu-2-khoan-1", "Chánh Văn phòng Sở chịu trách nhiệm"),
                       ("to-chuc-thuc-hien", "dieu-2-khoan-2", "Các phòng thuộc Sở có trách nhiệm:"),
                       ("to-chuc-thuc-hien", "dieu-2-khoan-2-diem-a", "Thực hiện đúng Quy chế;"),
                       ("to-chuc-thuc-hien", "dieu-2-khoan-2-diem-b", "Báo cáo kết quả thực hiện trước ngày 15")],
    "chuong-trinh-dang-mau": [("muc-tieu", "muc-i", "Phấn đấu đến năm 2030, tỷ lệ đảng viên"),
                              ("nhiem-vu", "muc-ii-1", "Tăng cường sự lãnh đạo của cấp ủy"),
                              ("to-chuc-thuc-hien", "muc-iii", "Các cấp ủy, tổ chức đảng xây dựng kế hoạch")],
    "cong-van-mau": [],
}


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_proposes_its_targets_tasks_and_assignments_verbatim(tmp_path, name, fmt):
    path = tmp_path / f"{name}.{fmt}"
    FORMATS[fmt](samples.SAMPLES[name], path)
    imported = import_file(path)
    proposals = propose(imported.body)
    assert [(p.loai, p.neo) for p in proposals] == [(kind, anchor) for kind, anchor, _ in EXPECTED[name]]
    assert all(p.trich.startswith(words) for p, (_, _, words) in zip(proposals, EXPECTED[name]))
    text = normal(unescape(imported.markdown))
    assert all(p.trich in text and p.trich == normal(p.trich) for p in proposals)
    assert all(f"{{#{p.neo}}}" in imported.markdown or f"{{: #{p.neo} }}" in imported.markdown for p in proposals)


def test_the_plans_kept_points_are_the_tools_proposals_with_the_pages_anchors():
    """Every point the site keeps for the plan is one the tool proposed, word for word, at the anchor
    of the plan's page (the text's `III.1` is the page's `#ldld-tinh`): none was typed by hand."""
    done = hoctap("import", "--dry-run", "--format", "json", "--key-points", "--into", "docs/ke-hoach.md", PLAN)
    assert done.returncode == 0, done.stderr
    proposed = {(p["trich"], p["neo"]) for p in json.loads(done.stdout)["diem_chinh"]}
    kept = yaml.safe_load((ROOT / DATA).read_text(encoding="utf-8"))["ke-hoach"]
    assert len(kept) >= 3 and {(p["trich"], p["neo"]) for p in kept} <= proposed
    text = hoctap("import", "--dry-run", "--key-points", "--into", "docs/ke-hoach.md", PLAN).stdout
    pasted = yaml.safe_load(text[text.index("# Đề xuất điểm chính"):])
    assert {(p["trich"], p["neo"]) for p in pasted["ke-hoach"]} == proposed


def _codes(project: Path) -> list[tuple[str, str]]:
    data = json.loads(hoctap("check", "--format", "json", cwd=project).stdout)
    return [(f["code"], f"{f['path']}:{f['line']}") for f in data if f["code"].startswith("D")]


def test_a_kept_point_not_verbatim_or_not_under_its_anchor_is_refused_at_its_line(project_copy):
    data = project_copy / DATA
    assert _codes(project_copy) == []
    good = data.read_text(encoding="utf-8")
    planted = good.replace("Dự kiến 110 người.", "Khoảng 110 người.", 1)  # a paraphrase
    planted = planted.replace("neo: thoi-gian", "neo: thoi-gian-hoc", 1)  # no such anchor
    planted = planted.replace("neo: cong-doan-co-so", "neo: ldld-tinh", 1)  # an anchor, but not where it is said
    planted += "99/KH-XYZ:\n  - trich: Dự kiến 110 người.\n    neo: doi-tuong\nke-hoach-2:\n  - noi_dung: x\n"
    data.write_text(planted, encoding="utf-8")
    lines = planted.splitlines()
    line = lambda words: 1 + next(n for n, l in enumerate(lines) if words in l)
    last = lambda words: len(lines) - next(n for n, l in enumerate(reversed(lines)) if words in l)
    path = "docs/includes/diem-chinh.yml"
    assert sorted(_codes(project_copy)) == sorted([
        ("D003", f"{path}:{line('Khoảng 110')}"), ("D004", f"{path}:{line('thoi-gian-hoc')}"),
        ("D005", f"{path}:{last('neo: ldld-tinh')}"), ("D002", f"{path}:{line('99/KH-XYZ')}"),
        ("D002", f"{path}:{line('ke-hoach-2')}")])
    # The build refuses them too, at the same lines
    built = subprocess.run(hoctap_build(project_copy), cwd=project_copy, capture_output=True, text=True)
    assert built.returncode == 1 and f"{path}:{line('Khoảng 110')}:1: D003" in built.stdout + built.stderr
    # Whitespace and line breaks are not words: a quote folded over two lines is the same quote
    data.write_text(good.replace('"Dự kiến 110 người."', '"Dự kiến\n      110   người."'), encoding="utf-8")
    assert _codes(project_copy) == []


def hoctap_build(project: Path) -> list[str]:
    return [sys.executable, "-m", "hoctap.cli", "build", "--no-pdf", "--site-dir", str(project / "site")]


def test_the_site_shows_the_plans_points_as_quotations_linked_to_their_place(site):
    kept = yaml.safe_load((ROOT / DATA).read_text(encoding="utf-8"))["ke-hoach"]
    quick = (site / "doc-nhanh.html").read_text(encoding="utf-8")
    speaker = (site / "bao-cao-vien.html").read_text(encoding="utf-8")
    for page in (quick, speaker):
        block = page[page.index('id="diem-chinh"'):]
        for point in kept:
            assert f"<p>{point['trich']}</p>" in block.replace('<abbr title="Mặt trận Tổ quốc">MTTQ</abbr>', "MTTQ")
            assert f'<a href="ke-hoach.html#{point["neo"]}">Kế hoạch ngày 31/3/2026, mục ' in block
    assert 'href="ke-hoach.html#doi-tuong">Kế hoạch ngày 31/3/2026, mục II.3</a>' in quick
    assert "diem-chinh" not in (site / "en" / "doc-nhanh.html").read_text(encoding="utf-8")
    pdf = subprocess.run(["pdftotext", str(site / "tai-lieu-hoc-tap.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Điểm chính, trích nguyên văn" in pdf and "Dự kiến 110 người.\n— Kế hoạch ngày 31/3/2026, mục II.3 (tr." in pdf


def test_a_programmes_own_points_go_on_its_speaker_sheet(project_copy, tmp_path):
    """A study programme with a full text of its own (a sample's, put in a throw-away copy's page
    between the import's markers) shows its kept points on its own sheet, linked to their anchors."""
    from hoctap.text.toan_van_markers import BEGIN, END

    path = tmp_path / "mau.docx"
    samples.write_docx(samples.SAMPLES["ke-hoach-mau"], path)
    imported = import_file(path)
    page = project_copy / "docs" / "van-ban" / "01-ctr-ldld.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n## Toàn văn {{#toan-van}}\n\n{BEGIN}\n\n{imported.markdown}\n{END}\n",
                    encoding="utf-8")
    proposals = json.loads(hoctap("import", "--dry-run", "--format", "json", "--key-points", str(path),
                                  cwd=project_copy).stdout)["diem_chinh"][:2]
    data = project_copy / DATA
    data.write_text(data.read_text(encoding="utf-8") + yaml.safe_dump(
        {"01/CTr-LĐLĐ": [{"trich": p["trich"], "neo": p["neo"]} for p in proposals]}, allow_unicode=True), encoding="utf-8")
    assert _codes(project_copy) == []
    built = subprocess.run(hoctap_build(project_copy), cwd=project_copy, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    html = (project_copy / "site" / "bao-cao-vien.html").read_text(encoding="utf-8")
    sheet = html[html.index('id="phieu-01-ctr-ldld"'):html.index('id="phieu-02-ctr-ldld"')]
    assert 'id="phieu-01-ctr-ldld-diem-chinh"' in sheet
    for p in proposals:
        assert f"<p>{p['trich']}</p>" in sheet and f'href="van-ban/01-ctr-ldld.html#{p["neo"]}"' in sheet
    other = html[html.index('id="phieu-02-ctr-ldld"'):]
    assert "-diem-chinh" not in other
