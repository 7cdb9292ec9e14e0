"""Document symbols: both conventions, canonical spelling, mentions in running text."""

import pytest

from hoctap.text.symbols import TYPE_CODES, canonical, find_mentions, issuer_named, parse


@pytest.mark.parametrize("text, number, kind, issuers, party", [
    ("15-CTr/TU", 15, "CTr", ("TU",), True),
    ("58-CT/TW", 58, "CT", ("TW",), True),
    ("15/CTr-LĐLĐ", 15, "CTr", ("LĐLĐ",), False),
    ("03/CTr-MTTQ-UB", 3, "CTr", ("MTTQ", "UB"), False),
    ("1447/TLĐ-QHLĐ", 1447, None, ("TLĐ", "QHLĐ"), False),  # a letter: no type code
    ("123/QĐ-TTg", 123, "QĐ", ("TTg",), False),
])
def test_parse_both_conventions(text, number, kind, issuers, party):
    symbol = parse(text)
    assert (symbol.number, symbol.type, symbol.issuers, symbol.party) == (number, kind, issuers, party)
    assert symbol.canonical == text


@pytest.mark.parametrize("written, right", [
    ("18-Ctr/TU", "18-CTr/TU"),
    ("15/Ctr-LĐLĐ", "15/CTr-LĐLĐ"),
    ("3/CTr-LÐLÐ", "03/CTr-LĐLĐ"),      # look-alike Ð, number below 10 without its zero
    ("58–ct/tw", "58-CT/TW"),           # en dash, lower case
    ("12/2020/nđ-CP", "12/2020/NĐ-CP"),  # state symbol with a year
])
def test_canonical_spelling(written, right):
    assert canonical(written) == right


@pytest.mark.parametrize("text", ["04/3/2026", "2025-2030", "4/2026", "B/c", "3/ngày-đêm", "15-ctr-tu.md", "II.1", ""])
def test_not_a_symbol(text):
    assert parse(text) is None


def test_type_codes_live_in_one_table():
    assert {"NQ", "CT", "CTr", "KH", "CV", "QĐ", "HD", "TB", "BC"} <= set(TYPE_CODES)


def test_mentions_with_spans_also_glued_to_a_word():
    text = "Chương trình số18-Ctr/TU, ngày 24/3/2026 thực hiện Chỉ thị số 58-CT/TW; xem van-ban/15-ctr-tu.md."
    found = [(m.raw, m.start, m.end, m.symbol.canonical) for m in find_mentions(text)]
    assert found == [("18-Ctr/TU", 15, 24, "18-CTr/TU"), ("58-CT/TW", 62, 70, "58-CT/TW")]
    assert text[15:24] == "18-Ctr/TU"


@pytest.mark.parametrize("phrase, code", [
    ("Ban Chấp hành đảng \n\nbộ tỉnh về chương trình", "TU"),
    ("Tỉnh ủy Lai Châu về", "TU"),
    ("Ban Bí thư về tăng cường", "TW"),
    ("Ban Chấp hành LĐLĐ tỉnh Lai Châu", "LĐLĐ"),
    ("Tổng LĐLĐ Việt Nam", "TLĐ"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "MTTQ"),
    ("Party Secretariat on strengthening", "TW"),
    ("Ban Thường vụ về", None),  # which one? left alone rather than guessed
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", None),
])
def test_issuer_named(phrase, code):
    assert issuer_named(phrase) == code
