"""Vietnamese text helpers every layer shares: Unicode form, the look-alike `Ð`, comparing as a reader
would, and heading ids. Each exists once, here; the search index has its own folding for what a
reader types (`search/text.py`), which drops the diacritics these keep.
"""

from __future__ import annotations

import re
import unicodedata

from markdown.extensions.toc import slugify as _ascii_slugify

LOOKALIKE_D = str.maketrans({"Ð": "Đ", "ð": "đ"})
"""`Ð` (U+00D0, Icelandic eth) is what some keyboards and PDF extractions give instead of `Đ` (U+0110)."""


INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Bidirectional controls (U+202E turns `gnp.exe` around) and zero-width characters: invisible, never
needed in Vietnamese, able to make a title read other than it is written."""


def invisible_names(text: str) -> list[str]:
    """`U+202E`, … : the invisible characters of `text`, each once, as an editor can search for them."""
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in INVISIBLE.findall(text)))


def fix_lookalike_d(text: str) -> str:
    return text.translate(LOOKALIKE_D)


def reading_key(text: str) -> str:
    """Text as a reader compares it: NFC, `Ð` read as `Đ`, case-folded, any run of whitespace one space.

    The sources are PDF extractions: words run across line breaks and symbols vary in case (`Ctr`).
    """
    text = fix_lookalike_d(unicodedata.normalize("NFC", text)).casefold()
    return " ".join(text.split())


def slugify(value: str, separator: str) -> str:
    """Heading ids for Vietnamese headings (the `toc` extension's `slugify` in mkdocs.yml).

    Python-Markdown's default slugify decomposes accents and drops what is not ASCII, so `Đ`
    (which has no decomposition) vanishes: "Vì sao cần đọc" became `vi-sao-can-oc`. Map it first.
    """
    return _ascii_slugify(value.replace("Đ", "D").replace("đ", "d"), separator)


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_BASE = {ch: ch for ch in _ALPHABET}
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng: after the letters, in this order


def sort_key(text: str) -> tuple:
    """Vietnamese dictionary order: the alphabet a ă â b c d đ e ê … (so `CĐCS` comes before `CTr`),
    tone marks only to break ties. Letters outside it (f, j, w, z, digits, signs) follow their code point."""
    letters, tones = [], []
    for ch in unicodedata.normalize("NFC", text).casefold():
        parts = unicodedata.normalize("NFD", ch)
        tone = next((_TONE_MARKS.index(m) + 1 for m in parts if m in _TONE_MARKS), 0)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONE_MARKS))
        letters.append((0, _ALPHABET.index(base)) if base in _ALPHABET else (1, ord(base[0]) if base else 0))
        tones.append(tone)
    return tuple(letters), tuple(tones), text
