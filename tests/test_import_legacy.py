"""TCVN3 and VNI: our tables round-trip every Vietnamese letter, and detection picks the right one."""

from __future__ import annotations

import unicodedata

import pytest

from hoctap.importing import legacy

LETTERS = "".join(unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy"
                  for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")) + "đ"
SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Chương trình của Tỉnh ủy; người lao động."


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_lower_case_letter_round_trips(encoding):
    encode = getattr(legacy, f"encode_{encoding}")
    assert legacy.DECODERS[encoding](encode(LETTERS)) == LETTERS
    assert legacy.DECODERS[encoding](encode(SENTENCE)) == SENTENCE


def test_vni_capitals_round_trip():
    capitals = LETTERS.upper()
    assert legacy.decode_vni(legacy.encode_vni(capitals)) == capitals


def test_tcvn3_byte_ad_is_u_horn_not_a_soft_hyphen():
    assert legacy.decode_tcvn3("Ch\u00ad\u00acng tr\u00d7nh") == "Chương trình"


def test_tcvn3_capitals_come_back_from_a_line_in_capitals_only():
    assert legacy.decode_tcvn3(legacy.encode_tcvn3("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert legacy.decode_tcvn3(legacy.encode_tcvn3("Số: 07/KH-LĐLĐ")) == "Số: 07/KH-LĐLĐ"  # one plain capital: as typed
    assert legacy.decode_tcvn3(legacy.encode_tcvn3("phó chủ tịch"), capitals=True) == "PHÓ CHỦ TỊCH"  # a .VnTimeH run


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detection(encoding):
    assert legacy.detect(getattr(legacy, f"encode_{encoding}")(SENTENCE * 3)) == encoding
    assert legacy.detect(SENTENCE * 3) == "unicode"
    assert legacy.detect("Giá 5 µm, café, naïve résumé: Unicode text with a few Latin-1 letters") == "unicode"


def test_font_names():
    assert [legacy.font_encoding(f) for f in (".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman", None)] == \
        ["tcvn3", "tcvn3", "vni", None, None]
    assert legacy.capitals_font(".VnTimeH") and not legacy.capitals_font(".VnTime")
