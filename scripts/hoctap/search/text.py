"""How Vietnamese text and document symbols become search terms.

The worker's engine (`hoctap-search-engine.js`) applies the same rules to what a member types;
tests/browser/test_search_worker.py checks that both give the same terms for every word of docs/.

- `fold`: no diacritics, `đ`/`Đ`/`Ð` → `d`, lower case — `Nghị Quyết` → `nghi quyet`.
- `exact`: the word as written, with its tone moved to the end (`hòa` and `hoà` → `=hoa2`),
  so a query typed with diacritics ranks the exact spelling first whatever the tone placement.
- `compact`: a symbol with case, diacritics and separators gone — `18-CTr/TU` → `18ctrtu`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
# Combining tone marks and their digit: sắc, huyền, hỏi, ngã, nặng.
TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# Đ (U+0110) is right; Ð (U+00D0, Icelandic eth) is what some keyboards produce instead.
_D = str.maketrans({"Ð": "đ", "ð": "đ", "Đ": "đ"})


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, after NFC.

    Split at spaces first: most pieces are one word already (`str.isalnum` of a piece says that
    `[^\\W_]+` matches all of it), quicker than the regular expression over the whole text (a
    quarter of a search record's time); the other pieces are split by it."""
    found: list[str] = []
    for piece in unicodedata.normalize("NFC", text).split():
        if piece.isalnum():
            found.append(piece)
        else:
            found += _WORD.findall(piece)
    return found


@functools.cache  # a site has a few thousand distinct words, written a million times
def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(_D).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


@functools.cache
def exact(word: str) -> str | None:
    """The exact-spelling term of a word with diacritics, or None when folding changes nothing."""
    decomposed = unicodedata.normalize("NFD", word.translate(_D).lower())
    tone = "".join(TONES[ch] for ch in decomposed if ch in TONES)[-1:]
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    key = base + tone
    return "=" + key if key != fold(word) else None


def terms(text: str) -> list[str]:
    """Every index term of a text: each word folded, plus its exact form when it has diacritics."""
    return terms_of(words(text))


def terms_of(found: list[str]) -> list[str]:
    """The index terms of words already found (`words`)."""
    out: list[str] = []
    for word in found:
        out.append(fold(word))
        key = exact(word)
        if key:
            out.append(key)
    return out


def compact(text: str) -> str:
    return "".join(fold(w) for w in words(text))


def aliases(symbol: str, loai: str = "") -> set[str]:
    """Spellings that name a document: its whole symbol, and its number with its kind.

    `18-CTr/TU`, Chương trình → 18ctrtu, 18ctr, ctr18, chuongtrinh18, chuongtrinhso18.
    """
    parts = [fold(w) for w in words(symbol)]
    found = {"".join(parts)} if parts else set()
    number = next((p for p in parts if p.isdigit()), None)
    if number is None:
        return found
    kind = parts[parts.index(number) + 1:][:1]
    kind_words = [fold(w) for w in words(loai)]
    named = {"".join(kind_words[:2]), "".join(kind_words)} - {""}
    for n in {number, number.lstrip("0") or "0"}:  # "ct 1" names 01/…
        found |= {k + n for k in kind} | {n + k for k in kind}
        found |= {k + n for k in named} | {k + "so" + n for k in named}
    return found
