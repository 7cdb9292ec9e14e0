"""The checks: one corpus file per finding class, each finding's code, line and column asserted."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from hoctap.checks import check_file, check_site, check_source, links
from hoctap.checks.fix import fix_text
from hoctap.checks.source import Site, Source, mask_markdown
from hoctap.registry.documents import Registry

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CORPUS = ROOT / "tests" / "corpus"

EXPECTED = {
    "e001-binary.md": [("E001", 1, 1)],
    "e002-other-encoding.md": [("E002", 3, 1)],
    "e003-broken-yaml.md": [("E003", 4, 1)],
    "e004-empty.md": [("E004", 1, 1)],
    "s101-unknown-symbol.md": [("S101", 3, 27)],
    "s102-non-canonical.md": [("S102", 3, 17)],
    "s103-wrong-date.md": [("S103", 3, 22)],
    "s104-wrong-issuer.md": [("S104", 3, 47)],
    "s105-bad-so-ky-hieu.md": [("S105", 2, 1)],
    "h001-script.md": [("H001", 3, 10), ("H001", 4, 1)],
    "h002-event-handler.md": [("H002", 3, 30), ("H002", 5, 4)],
    "h003-javascript-url.md": [("H003", 3, 6), ("H003", 3, 33)],
    "m007-unknown-key.md": [("M007", 3, 1)],
    "m008-wrong-type.md": [("M008", 3, 1), ("M008", 6, 1)],
    "m009-future-date.md": [("M009", 4, 1)],
    "l101-raw-html-md-link.md": [("L101", 3, 14)],
    "l102-raw-html-missing.md": [("L102", 3, 14), ("L102", 3, 51)],
    "l104-link-to-another-document.md": [("L104", 3, 30)],
    "v101-not-nfc.md": [("V101", 1, 5), ("V101", 3, 2)],
    "v102-look-alike-d.md": [("V102", 3, 1)],
    "v103-doubled-word.md": [("V103", 3, 27)],
    "v104-missing-space.md": [("V104", 3, 34)],
    "v105-old-tone-mark.md": [("V105", 3, 10)],
    "v106-space-before-punctuation.md": [("V106", 3, 10)],
    "v107-double-space.md": [("V107", 3, 4)],
    "f101-not-verbatim.md": [("F101", 3, 1)],
    "f102-quotation-source.md": [("F102", 5, 10)],
    "f103-relation-claimed.md": [("F103", 3, 79), ("F103", 9, 28), ("F103", 11, 56)],
    "clean.md": [],
}


@pytest.fixture(scope="module")
def site() -> Site:
    return Site(Registry.load(DOCS), ROOT / "sources")


def test_corpus_is_complete():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus(name, site):
    findings = check_file(CORPUS / name, name, site)
    assert [(f.code, f.line, f.col) for f in sorted(findings)] == EXPECTED[name]
    assert all(f.path == name and f.message for f in findings)


def test_the_site_itself_is_clean():
    registry = Registry.load(DOCS)
    assert registry.findings + check_site(registry) == []


def check(text: str, site: Site, markdown: bool = True) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.col) for f in sorted(check_source(Source.from_text(text, "x.md", markdown), site))]


def test_symbols_in_front_matter_are_checked(site):
    text = "---\ntrich_yeu: Thực hiện Chỉ thị số 58-Ct/TW, ngày 11/01/2026\nthuc_hien: [99-CTr/TU]\n---\n\n# A\n"
    assert [c for c in check(text, site) if not c[0].startswith("M")] == [("S102", 2, 33), ("S103", 2, 43), ("S101", 3, 13)]


def test_issuer_in_front_matter_must_match_the_symbol(site):
    text = "---\nso_ky_hieu: 15-CTr/TU\nco_quan_ban_hanh: Ban Chấp hành LĐLĐ tỉnh\n---\n\n# A\n"
    assert [c for c in check(text, site) if c[0] != "M001"] == [("S104", 3, 1)]


def test_a_document_page_anywhere_gets_the_schema_checks(site):
    text = "---\nso_ky_hieu: 15-CTr/TU\nloai: Chương trình\nngay_ban_hanh: 2026-02-30\n---\n\n# A\n"
    assert ("M002", 4, 1) in check(text, site) and ("M001", 1, 1) in check(text, site)


@pytest.mark.parametrize("prose", [
    "của của",           # in inline code
    "của `x` của",       # not adjacent
    "Người người, nhà nhà thi đua.",  # Vietnamese doubles content words on purpose
    "Quý, quỳ, thủy, hòa, khỏe, hoàn, khoảng, thuyền.",
    "Xem (B/c) và mục II.1 ... rồi 2025-2030.",
    "Ban Chấp hành đảng bộ tỉnh, Chương trình số 15-CTr/TU, ngày 04/3/2026 của Tỉnh ủy.",
])
def test_no_false_alarm(prose, site):
    text = f"# A\n\n`{prose}`\n" if prose == "của của" else f"# A\n\n{prose}\n"
    assert check(text, site) == []


def test_tables_lists_and_admonitions_are_not_punctuation_slips(site):
    text = "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note \"A\"\n\n    B.\n\nTerm\n:   Definition\n"
    assert check(text, site) == []


def test_plain_text_is_all_prose(site):
    assert check("`của của`\n", site, markdown=False) == [("V103", 1, 6)]


def test_mask_keeps_offsets():
    text = "a `b` c\n```\nd\n```\n[e](f.md) <g>"
    masked = mask_markdown(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "b" not in masked and "d" not in masked and "f.md" not in masked and "[e]" in masked


@pytest.mark.parametrize("markup", ["<!-- x -->", "`x`", "[a](x)", "[a]: x", "<x>", "</x>", "{: .x}", "{#x}",
                                    "http://x", "https://x", ":x:", "(:x-1:)"])
def test_mask_finds_each_kind_of_markup_in_plain_prose(markup):
    """The mask looks for its patterns only in a text holding what they match (_PROSE_MARKS, _SHORTCODE):
    each kind, alone in a page of prose, is masked (the patterns' matches must hold one of the marks)."""
    text = f"Văn bản số 15\n{markup} của Ban\n"
    masked = mask_markdown(text)
    assert "x" not in masked and masked.startswith("Văn bản số 15\n") and masked.endswith(" của Ban\n")
    assert mask_markdown(text, code_only=True) == (text.replace(markup, "\x00" * len(markup))
                                                   if markup in ("<!-- x -->", "`x`") else text)


def test_fix_applies_only_safe_fixes(site):
    text = unicodedata.normalize("NFD", "Học") + " số18-Ctr/TU, Ðoàn của của  Ban , hoà.\n"
    fixed, count = fix_text(text, lambda t: check_source(Source.from_text(t, "x.txt", False), site))
    assert fixed == "Học số 18-CTr/TU, Đoàn của của  Ban , hoà.\n"
    assert count == 4
    assert sorted(f.code for f in check_source(Source.from_text(fixed, "x.txt", False), site)) == ["V103", "V105", "V106", "V107"]


def test_card_links_to_a_page_missing_from_a_build():
    registry = Registry.load(DOCS)
    assert links.card_links(registry, links.left_out_by("includes/\n")) == []
    [finding] = links.card_links(registry, links.left_out_by("includes/\n", "van-ban/58-ct-tw.md\n"))
    assert (finding.path, finding.code, finding.line) == ("van-ban/18-ctr-tu.md", "L103", 7)
    assert "van-ban/58-ct-tw.md, which the build leaves out" in finding.message


@pytest.mark.parametrize("exclude, drafts", [
    ("includes/\n", None), ("van-ban/1*.md\n!van-ban/15-ctr-tu.md\n", None), ("/van-ban/\n", "index.md\n"),
    ("*.en.md\n", "/doc-nhanh.md\n"), ("", "van-ban/**\n"),
])
def test_what_check_takes_as_left_out_is_what_mkdocs_leaves_out(exclude, drafts, tmp_path):
    """`hoctap check` decides without MkDocs which pages a build leaves out (L103): as MkDocs does."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import set_exclusions

    config = load_config(str(ROOT / "mkdocs.yml"), exclude_docs=exclude, draft_docs=drafts or "", site_dir=str(tmp_path))
    files = [File(p.relative_to(DOCS).as_posix(), str(DOCS), str(tmp_path), False) for p in sorted(DOCS.rglob("*.md"))]
    set_exclusions(files, config)
    left_out = links.left_out_by(exclude, drafts)
    assert {f.src_uri for f in files if f.inclusion.is_excluded()} == {f.src_uri for f in files if left_out(f.src_uri)}
    assert any(left_out(f.src_uri) for f in files)


def test_the_table_of_codes_is_the_codes_the_package_emits():
    """One table (finding_codes.yml) for the code and the editors' guide: a code the package emits that
    the table lacks, or a code the table keeps that nothing emits any more, fails."""
    from hoctap.text.findings import CODES

    emitted = set(re.findall(r'"([A-Z]\d{3})"', "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "scripts" / "hoctap").rglob("*.py"))))
    assert emitted == set(CODES) and len(CODES) >= 60
    assert all(item["en"] and item["vi"] and ("fix_en" in item) == ("fix_vi" in item) for item in CODES.values())


def test_english_citations_are_checked_too(site):
    text = "# A\n\nDirective No. 58-CT/TW of 11 January 2026 of the Provincial Party Committee.\n"
    assert check(text, site) == [("S103", 3, 24), ("S104", 3, 50)]


@pytest.mark.parametrize("raw, codes", [
    ("# Thử\n\nHọc tập.\n".encode("utf-16"), ["E002"]),  # another encoding, not "binary"
    (b"\xef\xbb\xbf---\nso_ky_hieu: 18-Ctr/TU\n---\n\n# A\n", ["M001"] * 6 + ["S102"]),  # BOM: still front matter
])
def test_encodings(tmp_path, raw, codes, site):
    page = tmp_path / "x.md"
    page.write_bytes(raw)
    assert sorted(f.code for f in check_file(page, "x.md", site)) == codes
