"""Fidelity checks (hoctap.checks.fidelity): quotations are the source's words, a correction is marked,
and prose claims only the relations the registry has. The project's own pages pass them."""

from __future__ import annotations

from pathlib import Path

from hoctap.checks import check_site, check_source
from hoctap.checks.fidelity import quotations
from hoctap.checks.source import Site, Source
from hoctap.registry.documents import Registry

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = ROOT / "sources"
REF = "ke-hoach-ldld-lai-chau-2026-03-31.txt:60-63"


def codes(text: str, name: str = "trang.md") -> list[tuple[str, int]]:
    site = Site(Registry.load(DOCS), SOURCES)
    return [(f.code, f.line) for f in check_source(Source.from_text(text, name), site) if f.code.startswith("F")]


def test_the_plans_slip_kept_and_marked_passes_silently_corrected_fails():
    marked = f"> Chương trình số18-Ctr/TU [nguyên văn, đúng là 18-CTr/TU], ngày 24/3/2026 của Tỉnh ủy Lai Châu\n>\n> nguồn: {REF}\n"
    assert codes(marked) == []
    assert codes(marked.replace("18-Ctr/TU [nguyên văn, đúng là 18-CTr/TU]", "18-CTr/TU")) == [("F101", 1)]
    # the symbol check leaves the marked slip alone, and still reports it unmarked outside a quotation
    site = Site(Registry.load(DOCS), SOURCES)
    found = {f.code for f in check_source(Source.from_text(marked, "trang.md"), site)}
    assert "S102" not in found
    assert "S102" in {f.code for f in check_source(Source.from_text("Chương trình số 18-Ctr/TU.\n", "t.md"), site)}


def test_a_left_out_part_is_marked_and_a_rewording_is_not_a_quotation():
    assert codes(f"> Chương trình số 18-Ctr/TU [nguyên văn] … của Ban Bí thư\n>\n> nguồn: {REF}\n") == []
    assert codes(f"> Chương trình số 18-Ctr/TU [nguyên văn] của Ban Bí thư\n>\n> nguồn: {REF}\n") == [("F101", 1)]
    assert codes(f"> chương trình số 18-Ctr/TU [nguyên văn]\n>\n> nguồn: {REF}\n") == [("F101", 1)]  # case counts


def test_a_vietnamese_quotation_marks_a_slip_in_vietnamese_not_with_sic():
    """Issue 24: "[sic]" is Latin to a Vietnamese reader; on a Vietnamese page it is not a marker."""
    assert codes(f"> Chương trình số 18-Ctr/TU [sic: 18-CTr/TU], ngày 24/3/2026\n>\n> nguồn: {REF}\n") == [("F101", 1)]
    assert codes(f"> Chương trình số 18-Ctr/TU [nguyên văn], ngày 24/3/2026\n>\n> nguồn: {REF}\n") == []


def test_a_translated_quotation_checks_its_source_line_only():
    english = f"> Programme No. 18-Ctr/TU [sic: 18-CTr/TU] of 24 March 2026\n>\n> nguồn: {REF}\n"
    assert codes(english, "trang.en.md") == []
    assert codes(english.replace(":60-63", ":900"), "trang.en.md") == [("F102", 3)]


def test_quotations_in_code_are_examples_not_quotations():
    text = f"```markdown\n> sai hoàn toàn\n>\n> nguồn: {REF}\n```\n"
    assert quotations(text) == [] and codes(text) == []


def test_the_home_page_claim_of_issue_14_is_found():
    """All seven programmes "thực hiện … Chỉ thị số 58-CT/TW": the plan says so of 18-CTr/TU alone."""
    old = ("Tài liệu học tập: bảy chương trình hành động thực hiện Nghị quyết Đại hội XIV của Đảng, Chỉ thị số\n"
           "58-CT/TW của Ban Bí thư.\n")
    assert codes(old) == [("F103", 1)]
    assert codes("Chương trình số 18-CTr/TU của Tỉnh ủy Lai Châu — thực hiện Chỉ thị số 58-CT/TW.\n") == []
    assert codes("Chương trình số 01/CTr-LĐLĐ căn cứ Công văn số 1447/TLĐ-QHLĐ.\n") == [("F103", 1)]


def test_the_project_passes_its_fidelity_checks():
    findings = [f for f in check_site(Registry.load(DOCS), SOURCES) if f.code.startswith("F")]
    assert findings == []
    plan = (DOCS / "ke-hoach.md").read_text(encoding="utf-8")
    assert "18-Ctr/TU [nguyên văn, đúng là 18-CTr/TU]" in plan and "15/Ctr-LĐLĐ [nguyên văn, đúng là 15/CTr-LĐLĐ]" in plan
    assert "sic" not in plan
    assert len([q for q in quotations(plan) if q.ref]) >= 8


def test_a_pages_sources_name_files_and_lines_the_sources_folder_has(tmp_path):
    """F104: the card cites a page's `nguon` to the reader and its full text comes from `toan_van`; a file
    that is not there, an original's binary file cited by lines, lines past the end or a path out of the
    folder is an error at the item's line, never a traceback nor a citation silently left out."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "ke-hoach.txt").write_text("một\nhai\nba\n", encoding="utf-8")
    (sources / "ban-goc.pdf").write_bytes(b"%PDF-1.4\n\xff\xfe\xf7 binary")
    (tmp_path / "ngoai.txt").write_text("ngoài thư mục\n", encoding="utf-8")
    site = Site(Registry.load(DOCS), sources)

    def found(nguon: str, toan_van: str = "") -> list[tuple[int, str]]:
        text = f"---\ntitle: Trang\nnguon:\n  - ke-hoach.txt:1-2\n  - {nguon}\n{toan_van}---\n\n# Trang\n"
        return [(f.line, f.message) for f in check_source(Source.from_text(text, "trang.md"), site) if f.code == "F104"]

    assert found("ke-hoach.txt:3") == found("ban-goc.pdf") == []  # lines it has; an original named whole
    assert found("khong-co.txt:1") == [(5, "`nguon`: `khong-co.txt` is not in the sources folder " + str(sources))]
    assert found("ke-hoach.txt:2-9") == [(5, "`nguon`: `ke-hoach.txt:2-9`: lines 2-9 are outside ke-hoach.txt (3 lines)")]
    [(line, message)] = found("ban-goc.pdf:1-2")
    assert line == 5 and "`ban-goc.pdf` is not a text file" in message
    assert found("../ngoai.txt:1") == [(5, "`nguon`: `../ngoai.txt` is outside the sources folder")]
    (sources / "lien-ket.txt").symlink_to(tmp_path / "ngoai.txt")  # a file of the folder by name, a link out
    assert found("lien-ket.txt:1") == [(5, "`nguon`: `lien-ket.txt` is outside the sources folder")]
    (sources / "thu-muc.txt").mkdir()
    assert found("thu-muc.txt:1") == [(5, "`nguon`: `thu-muc.txt` is not in the sources folder " + str(sources))]
    assert found("ke-hoach.txt:1", "toan_van: khong-co.docx\n") == [
        (6, "`toan_van`: `khong-co.docx` is not in the sources folder " + str(sources))]
