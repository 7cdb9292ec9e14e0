"""Legacy Vietnamese font encodings: TCVN3 (ABC, `.VnTime` fonts) and VNI (`VNI-Times` fonts).

Both predate Unicode and are still common in older or provincial files. Their text reaches us
as the Latin-1 (or Windows-1252) reading of the bytes: `Céng hoµ` for `Cộng hoà` (TCVN3),
`Ñoäc laäp` for `Độc lập` (VNI).

- TCVN3 spends one byte on each lower-case letter with its marks; capitals with a tone mark
  have no code of their own: they are typed with the lower-case codes in a capitals-only font
  (`.VnTimeH`), so a line in capitals is put back in capitals after converting. Byte 0xAD is
  `ư`; in Latin-1 it is a soft hyphen and must never be stripped before converting.
- VNI writes a base letter followed by one mark byte (`a` + `ù` = `á`, `o` + `ä` = `ộ`).

The tables are ours, written from the encodings' published layouts and tested round-trip from
Unicode (tests/test_import_legacy.py); no converter package is used, so none can strip 0xAD.
"""

from __future__ import annotations

import re
import unicodedata

_TCVN3_LOWER = {
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
_TCVN3_DECODE = {chr(code): letter for letter, code in {**_TCVN3_LOWER, **_TCVN3_UPPER}.items()}

# VNI: a vowel's marks as the byte (read as Latin-1) that follows it; lower-case marks after a
# lower-case letter, capital marks after a capital.
_VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}  # â ê ô
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}  # ă
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}  # i with a tone: one byte
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ỵ": "î"}


def _vni_table() -> dict[str, str]:
    """Every Vietnamese letter → its VNI spelling (lower case; capitals by upper-casing both parts)."""
    table: dict[str, str] = {}
    for base in "aeiouy":
        for tone, mark in _VNI_TONES.items():
            table[unicodedata.normalize("NFC", base + tone)] = base + mark
    for base in "aeo":
        for tone, mark in _VNI_HAT.items():
            table[unicodedata.normalize("NFC", base + "\u0302" + tone)] = base + mark
    for tone, mark in _VNI_BREVE.items():
        table[unicodedata.normalize("NFC", "a\u0306" + tone)] = "a" + mark
    for tone, mark in _VNI_I.items():
        table[unicodedata.normalize("NFC", "i" + tone)] = mark
    for horn, mark in (("ơ", "ô"), ("ư", "ö")):
        table[horn] = mark
        for tone, tone_mark in _VNI_TONES.items():
            table[unicodedata.normalize("NFC", horn + tone)] = mark + tone_mark
    table.update(_VNI_SINGLE)
    return table


_VNI_ENCODE = _vni_table()
_VNI_ENCODE.update({letter.upper(): spelling.upper() for letter, spelling in list(_VNI_ENCODE.items())})
_VNI_DECODE = {spelling: letter for letter, spelling in _VNI_ENCODE.items()}
# Longest spelling first: `oä` (ộ) before `o`… and a two-byte spelling before a one-byte one
_VNI_PATTERN = re.compile("|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True)))

_COMMON = frozenset(
    "của và các có được trong cho với về theo tại để là những một này đã sẽ không người năm ngày tháng "
    "số thực hiện công tác đảng đoàn tỉnh nhân dân việt nam ban chấp hành thường vụ chủ tịch nghị quyết "
    "chương trình kế hoạch học tập nội dung tổ chức lao động cơ quan đơn vị nhiệm vụ giải pháp phát triển "
    "xã hội độc lập tự do hạnh phúc cộng hòa nghĩa nơi nhận lưu văn bản đại hội quán triệt tuyên truyền".split()
)
"""Frequent words of official texts: a conversion that yields many of them is the right one."""


def decode_tcvn3(text: str, capitals: bool = False) -> str:
    """TCVN3 text (as Latin-1 characters) in Unicode NFC; `capitals` for a `.VnTimeH`-style font."""
    converted = "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)
    if capitals:
        return converted.upper()
    return "\n".join(_restore_capitals(line, raw) for line, raw in zip(converted.split("\n"), text.split("\n")))


def _restore_capitals(line: str, raw: str) -> str:
    """A line typed in capitals is all capitals: TCVN3 has no codes for capitals with a tone mark.

    The evidence is the plain letters of the line's words (symbols with digits left out): at least
    three, all capitals, one word with two or more. `Sè: 07/KH-L§L§` (`Số: …`) has too few to tell."""
    words = [w for w in raw.split() if not any(ch in "0123456789" for ch in w)]
    plain = [[ch for ch in w if "A" <= ch <= "Z" or "a" <= ch <= "z"] for w in words]
    letters = [ch for w in plain for ch in w]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters) and any(len(w) >= 2 for w in plain):
        return line.upper()
    return line


def decode_vni(text: str) -> str:
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group()], text))


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 (as Latin-1 characters); capitals with a tone mark as the lower-case code."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_UPPER or ch in _TCVN3_LOWER:
            out.append(chr(_TCVN3_UPPER.get(ch) or _TCVN3_LOWER[ch]))
        elif ch.lower() in _TCVN3_LOWER:
            out.append(chr(_TCVN3_LOWER[ch.lower()]))
        else:
            out.append(ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}


def _score(text: str) -> int:
    return sum(1 for word in re.findall(r"\w+", text.casefold()) if word in _COMMON)


def detect(text: str) -> str:
    """`unicode`, `tcvn3` or `vni`: the reading under which the text has the most common Vietnamese words.

    A legacy reading must do clearly better than the text as it stands (twice as many hits), so
    that a Unicode text with a stray `µ` is left alone."""
    sample = text[:20000]
    if not any("\u00a0" <= ch <= "\u00ff" for ch in sample):
        return "unicode"
    scores = {"unicode": _score(sample), "tcvn3": _score(decode_tcvn3(sample)), "vni": _score(decode_vni(sample))}
    best = max(("tcvn3", "vni"), key=scores.get)
    return best if scores[best] >= max(3, 2 * scores["unicode"]) else "unicode"


def font_encoding(font: str | None) -> str | None:
    """The encoding a font name implies: `.VnTime`, `.VnArialH` → tcvn3; `VNI-Times` → vni; else None."""
    name = (font or "").strip()
    if name.startswith(".Vn") or name.startswith("Vn") and name[2:3].isupper():
        return "tcvn3"
    if name.upper().startswith("VNI"):
        return "vni"
    return None


def capitals_font(font: str | None) -> bool:
    """`.VnTimeH`, `.VnArialH`: TCVN3 fonts that show every letter as a capital."""
    return font_encoding(font) == "tcvn3" and (font or "").rstrip().endswith("H")
