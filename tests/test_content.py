"""The front matter schema: what makes a document page valid."""

from pathlib import Path

import pytest

from hoctap.content.page import ContentError, parse_page, read_page, to_document

GOOD = """---
so_ky_hieu: 15-CTr/TU
loai: Chương trình
ngay_ban_hanh: 2026-03-04
co_quan_ban_hanh: Ban Chấp hành Đảng bộ tỉnh
trich_yeu: Chương trình hành động
thuc_hien: []
can_cu: []
trang_thai: du-thao
nguon: [ke-hoach.txt:1]
---

# Chương trình
"""


def codes(text: str) -> list[str]:
    _, findings = to_document(parse_page(text, Path("van-ban/x.md")))
    return [f.code for f in findings]


def test_complete_page_has_no_finding():
    assert codes(GOOD) == []


@pytest.mark.parametrize("field", ["loai", "co_quan_ban_hanh", "trich_yeu", "trang_thai", "nguon", "so_ky_hieu"])
def test_missing_required_field(field):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(field + ":")) + "\n"
    assert "M001" in codes(text)


def test_unknown_symbol_and_date_may_be_left_empty():
    text = GOOD.replace("so_ky_hieu: 15-CTr/TU", "so_ky_hieu:").replace("ngay_ban_hanh: 2026-03-04", "ngay_ban_hanh:")
    assert codes(text) == []


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "04/3/2026", "hôm qua"])
def test_impossible_date(value):
    text = GOOD.replace("ngay_ban_hanh: 2026-03-04", f"ngay_ban_hanh: {value}")
    page = parse_page(text, Path("van-ban/x.md"))
    _, findings = to_document(page)
    [finding] = [f for f in findings if f.code == "M002"]
    assert finding.line == 4


def test_approved_page_names_who_and_when():
    assert "M003" in codes(GOOD.replace("trang_thai: du-thao", "trang_thai: da-duyet"))
    approved = GOOD.replace("trang_thai: du-thao", "trang_thai: da-duyet\nnguoi_duyet: A\nngay_duyet: 2026-04-01")
    assert codes(approved) == []


def test_unknown_status():
    assert "M003" in codes(GOOD.replace("trang_thai: du-thao", "trang_thai: xong"))


def test_broken_yaml_is_a_finding_with_its_line(tmp_path):
    page = tmp_path / "x.md"
    page.write_text("---\nso_ky_hieu: 15-CTr/TU\nloai: [Chương trình\n---\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_page(page, tmp_path)
    assert error.value.finding.code == "E003"
    assert error.value.finding.path == "x.md"


@pytest.mark.parametrize("raw, code", [(b"\x00\x01\x02", "E001"), (b"Vi\xea\xf2t Nam, TCVN3 bytes", "E002")])
def test_unreadable_files(tmp_path, raw, code):
    page = tmp_path / "x.md"
    page.write_bytes(raw)
    with pytest.raises(ContentError) as error:
        read_page(page, tmp_path)
    assert error.value.finding.code == code


def findings(text: str, path: str = "van-ban/x.md"):
    return parse_page(text, Path(path)).findings


def test_a_misspelt_key_is_an_error_that_names_the_right_one():
    [finding] = findings(GOOD.replace("can_cu: []", "can_cu: []\nnoibo: true"))
    assert (finding.code, finding.line) == ("M007", 9)
    assert "`noibo`" in finding.message and "did you mean `noi_bo`?" in finding.fix_hint


def test_a_misspelt_key_on_any_page_is_an_error():
    [finding] = findings("---\ntitle: Trang\ntrang_thai: du-thao\nnoibo: true\n---\n\n# Trang\n", "trang.md")
    assert (finding.code, finding.line, finding.fix_hint) == ("M007", 4, "did you mean `noi_bo`?")


@pytest.mark.parametrize("line, said", [
    ("trich_yeu: [a, b]", "`trich_yeu` must be text, not a list"),
    ("loai: {a: 1}", "`loai` must be text, not a mapping"),
    ("thuc_hien: [15-CTr/TU, [x]]", "`thuc_hien` item 2 must be text, not a list"),
    ("noi_bo: có", "`noi_bo` must be `true` or `false`, not `có`"),
])
def test_a_value_of_the_wrong_type_is_an_error_not_shown_as_python(line, said):
    key = line.split(":")[0]
    text = "\n".join(line if l.startswith(key + ":") else l for l in GOOD.splitlines()) + "\n"
    if key not in GOOD:
        text = GOOD.replace("can_cu: []", "can_cu: []\n" + line)
    [finding] = findings(text)
    assert finding.code == "M008" and finding.message == said
    assert "['" not in finding.message and "{'" not in finding.message
    assert finding.line == parse_page(text, Path("x.md")).line_of(key)


@pytest.mark.parametrize("value", ["2026-W21-3", "20260520", "2026-05-20T08:00:00", "2026-05-20 08:00", "2026-5-20"])
def test_dates_are_strictly_year_month_day(value):
    [finding] = findings(GOOD.replace("ngay_ban_hanh: 2026-03-04", f"ngay_ban_hanh: {value}"))
    assert (finding.code, finding.line, finding.fix_hint) == ("M002", 4, "write it as YYYY-MM-DD")


def test_a_date_of_issue_after_the_build_day_is_an_error():
    [finding] = findings(GOOD.replace("ngay_ban_hanh: 2026-03-04", "ngay_ban_hanh: 2099-05-20"))
    assert (finding.code, finding.line) == ("M009", 4)


def test_the_conference_may_be_in_the_future():
    text = ("---\ntitle: Hội nghị\nmoc_thoi_gian:\n  tu: 2099-04-11\n  den: 2099-04-20\n"
            "  ghi: dự kiến\n  nguon: ke-hoach.txt:1\n---\n\n# Hội nghị\n")
    assert findings(text, "hoi-nghi.md") == []


def test_a_title_with_markup_is_an_error():
    [finding] = findings("---\ntitle: <img src=x onerror=alert(1)>\n---\n\n# A\n", "a.md")
    assert (finding.code, finding.line) == ("M008", 2)


def test_a_translation_takes_the_document_fields_from_its_original():
    [finding] = findings("---\ntitle: Plan\ntrich_yeu: Study\n---\n\n# Plan\n", "ke-hoach.en.md")
    assert finding.code == "M007" and "Vietnamese page" in finding.fix_hint


def test_each_page_is_validated_once_per_build(monkeypatch):
    """The registry validates; the checks and the publication gate read its result."""
    import hoctap.content.page
    from hoctap.checks import check_site
    from hoctap.registry.gate_decision import decide
    from hoctap.registry.documents import Registry

    hoctap.content.page._parsed.cache_clear()  # pages another test of this process read are validated already
    seen = []
    validate = hoctap.content.page.validate
    monkeypatch.setattr(hoctap.content.page, "validate", lambda page: seen.append(page.path) or validate(page))
    registry = Registry.load(Path(__file__).resolve().parent.parent / "docs")
    check_site(registry)
    decide(registry, drafts=False, profile="public")
    assert len(seen) == len(set(seen)) > 20  # once each
    assert {page.path for page in registry.pages} <= set(seen)


def test_a_document_is_issued_unless_its_page_says_otherwise():
    """Issue 14: the document's own status (`tinh_trang`) is not the page's review (`trang_thai`)."""
    document, _ = to_document(parse_page(GOOD, Path("van-ban/x.md")))
    assert document.tinh_trang == "da-ban-hanh" and document.trang_thai == "du-thao"
    assert codes(GOOD.replace("trang_thai: du-thao", "trang_thai: du-thao\ntinh_trang: het-hieu-luc")) == []
    [finding] = to_document(parse_page(GOOD.replace("nguon:", "tinh_trang: du-thao\nnguon:"), Path("van-ban/x.md")))[1]
    assert (finding.code, finding.line) == ("M008", 10)


@pytest.mark.parametrize("short, ok", [
    ("Đối thoại, thương lượng tập thể", True),
    ("đối thoại thương lượng", True),           # punctuation aside, one unbroken run
    ("Thương lượng tập thể trọng tâm là tiền lương", True),  # the first word may take a capital
    ("Thương lượng, đối thoại tập thể", False),  # reordered
    ("Đàm phán tập thể", False),                 # reworded
    ("Đẩy mạnh đối thoại, tiền lương", False),   # words of the trích yếu, but not one run (issue 24)
    ("Đối thoại, thương lượng Tập thể", False),  # a capital inside is a rewording
])
def test_short_title_is_a_shortening_of_the_trich_yeu(short, ok):
    full = "Đẩy mạnh đối thoại, thương lượng tập thể trọng tâm là tiền lương"
    text = GOOD.replace("trich_yeu: Chương trình hành động", f"trich_yeu: {full}\nten_ngan: {short}")
    found = to_document(parse_page(text, Path("van-ban/x.md")))[1]
    assert [(f.code, f.line) for f in found] == ([] if ok else [("M010", 7)])


def test_every_project_document_has_a_short_title():
    from hoctap.registry.documents import Registry
    from tests.conftest import DOCS

    assert all(d.ten_ngan for d in Registry.load(DOCS).documents)
