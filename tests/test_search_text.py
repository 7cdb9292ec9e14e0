"""Folding, exact forms and symbol spellings: what a member types must meet what the pages say."""

from __future__ import annotations

import unicodedata

import pytest

from hoctap.search.text import aliases, compact, exact, fold, terms, words

# (typed, folded, exact form): the worker (hoctap-search-engine.js) must give the same; see tests/browser/test_search_worker.py.
CASES = [
    ("nghị", "nghi", "=nghi5"),
    ("quyết", "quyet", "=quyêt1"),
    ("hòa", "hoa", "=hoa2"),
    ("hoà", "hoa", "=hoa2"),  # old-style tone placement, same exact form
    ("Ủy", "uy", "=uy3"),
    ("uỷ", "uy", "=uy3"),
    ("khoá", "khoa", "=khoa1"),
    ("Đảng", "dang", "=đang3"),
    ("Ðảng", "dang", "=đang3"),  # Ð (U+00D0) typed for Đ
    ("thương", "thuong", "=thương"),
    ("LĐLĐ", "ldld", "=lđlđ"),
    ("thuong", "thuong", None),
    ("XIV", "xiv", None),
    ("2026", "2026", None),
]


@pytest.mark.parametrize("typed,folded,exact_form", CASES)
def test_fold_and_exact(typed, folded, exact_form):
    assert fold(typed) == folded
    assert exact(typed) == exact_form
    assert fold(unicodedata.normalize("NFD", typed)) == folded
    assert terms(unicodedata.normalize("NFD", typed)) == terms(typed)


def test_words_split_symbols_and_dates():
    assert words("Chương trình số 15/CTr-LĐLĐ, ngày 31/12/2025") == [
        "Chương", "trình", "số", "15", "CTr", "LĐLĐ", "ngày", "31", "12", "2025"]


def test_words_are_the_runs_of_letters_and_digits_of_every_page():
    """`words` splits at spaces first, for speed: it must give what one regular expression over
    the NFC text gives (letters and digits, no `_`), on every page of the site and on odd pieces."""
    import re
    from tests.conftest import DOCS

    odd = "a_b __init__ x²y ¾ (việc)—“làm” 15/CTr-LĐLĐ;\t" + unicodedata.normalize("NFD", "Học tập") + " ٣٤ ..."
    for text in [odd] + [page.read_text(encoding="utf-8") for page in DOCS.rglob("*.md")]:
        assert words(text) == re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text))


def test_terms_keep_folded_then_exact():
    assert terms("Thương lượng tập thể") == [
        "thuong", "=thương", "luong", "=lương5", "tap", "=tâp5", "the", "=thê3"]


@pytest.mark.parametrize("typed", ["18-CTr/TU", "18 ctr tu", "18ctrtu", "18-ctr/tu", "18 CTr TU"])
def test_every_spelling_of_a_symbol_compacts_alike(typed):
    assert compact(typed) == "18ctrtu"
    assert compact(typed) in aliases("18-CTr/TU", "Chương trình")


def test_aliases_name_number_with_kind():
    assert aliases("58-CT/TW", "Chỉ thị") == {"58cttw", "58ct", "ct58", "chithi58", "chithiso58"}
    assert {"15ctrldld", "ctr15", "chuongtrinh15", "chuongtrinhhanhdong15"} <= aliases(
        "15/CTr-LĐLĐ", "Chương trình hành động")
    assert {"ctr1", "ctr01", "01ctrldld"} <= aliases("01/CTr-LĐLĐ", "Chương trình")


def test_a_symbol_without_number_is_only_itself():
    assert aliases("CTr/TU") == {"ctrtu"}
    assert aliases("") == set()
