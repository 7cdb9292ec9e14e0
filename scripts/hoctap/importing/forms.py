"""What a value of each header field looks like: a value that does not is never written.

Each check takes the value as printed and returns None when it has the form of its field, or why
not (a short phrase for the warning). The forms come from the layout rules (data/the-thuc.yml):
an issuing body opens with a body's name (`SỞ`, `BAN`, `LIÊN ĐOÀN`…), a position with a known
title (`PHÓ CHỦ TỊCH`), a person's name is two to six capitalised syllables and no title. A real body or
title the lists do not know yet gives an empty field and a warning, never a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .rules import AUTHORITY, OPENERS_ANYWHERE, data, fold, plain

_RULE = re.compile(r"[-_=*—–─‒―~.…·]{3,}")
_OPENS_NOT_A_NAME = {w.casefold() for w in (
    "Chương", "Điều", "Mục", "Phần", "Khoản", "Điểm", "Nơi", "Như", "Các", "Số", "Ngày", "Tháng", "Kính", "Đã",
    "Trang", "Mẫu", "Ban")}
"""Words that open a unit, a list or a form line (`Chương Ii`, `Nơi Nhận`, `Kính Gửi`), never a name's
first word; as a later word several are given names (`Nguyễn Văn Chương`, `Nguyễn Thu Trang`)."""
_NEVER_IN_A_NAME = {w.casefold() for w in (
    "Phụ", "Lục", "Nhận", "Gửi", "Ký", "Sở", "Bộ", "Tỉnh", "Huyện", "Xã", "Phường", "Quận", "Phố", "Ủy", "Uỷ",
    "Chủ", "Tịch", "Ương")}
"""Words of titles, bodies and places, in no name. Compared with their tone marks: `Huyện` is not
`Huyền`, `Quận` not `Quân`, `Phường` not `Phương`, `Chủ` not the surname `Chu`."""


def _letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _starts_with_one_of(text: str, heads: list[str]) -> bool:
    folded = fold(text)
    return any(folded == fold(h) or folded.startswith(fold(h) + " ") for h in heads)


def organisation(text: str) -> str | None:
    """`LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU`: letters, the opening word of a body's name, no sentence."""
    if not _letters(text) or _RULE.search(text):
        return "not a name (a rule or punctuation)"
    if re.search(r"[;:!?“”\"]|\d{3,}", text) or len(text.split()) > 16:
        return "reads as a sentence, not a body's name"
    if not _starts_with_one_of(re.sub(r"^[^\w]+", "", text), data()["co_quan"]):
        return "does not open with a body's name (Ban, Sở, Liên đoàn…) the importer knows"
    return None


def position(text: str) -> str | None:
    """`PHÓ CHỦ TỊCH`, `TRƯỞNG BAN TUYÊN GIÁO`: a known title first, a short line."""
    if AUTHORITY.match(text):
        return "is a signing authority, not a position"
    if len(text.split()) > 10 or re.search(r"[;:.!?]|\d", text):
        return "too long or punctuated for a position"
    if not _starts_with_one_of(text, data()["chuc_vu"]):
        return "does not open with a position title the importer knows (Chủ tịch, Giám đốc…)"
    mine = toned(text.upper())
    if not any(mine == title or mine.startswith(title + " ") for title in (toned(t.upper()) for t in data()["chuc_vu"])):
        return "a known position title with a tone mark lost or changed (a scan's misreading?)"
    if any(len(w) == 1 for w in text.split()):
        return "a stray letter in it (a scan's speck?)"
    return None


def toned(text: str) -> str:
    """`text` with each word's tone mark moved to its end: `HOÀ` and `HÒA` alike, `TỊCH` and `TICH` not."""
    words = []
    for word in unicodedata.normalize("NFD", text).split():
        marks = "".join(ch for ch in word if ch in _TONES)
        words.append(unicodedata.normalize("NFC", "".join(ch for ch in word if ch not in _TONES)) + marks)
    return " ".join(words)


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def recipient(item: str) -> str | None:
    """A Nơi nhận item as printed: words and the punctuation lists use; a `Lưu:` item's unit codes
    apart by commas (`Lưu: VT, TG`; a scan's `Lưu: VE TL` lost one)."""
    if re.search(r"[^\w\s,.;:()/\-–&\"'+]|_", item):
        return "holds a sign no recipient has (a scan's misreading?)"
    store = re.match(r"^[-–+•]?\s*Lưu\b:?\s*(.*)$", item.strip(), re.I)
    if store and any(sum(1 for w in part.split() if re.fullmatch(r"[A-ZĐ]{2,6}", w)) > 1
                     for part in store[1].split(",")):
        return "unit codes not apart by commas (a scan's misreading?)"
    return None


def person(text: str) -> str | None:
    """`Lò Thị Hằng`, `Giàng A Páo`, `Nguyễn Thu Trang`: two to six syllables, each a capital then small
    letters and a vowel; no word of a title or a body, no heading's or list's opening word first, not a
    position title."""
    words = text.split()
    if not 2 <= len(words) <= 6:
        return "not two to six words"
    for w in words:
        if not w.isalpha() or not w[0].isupper() or not (w[1:].islower() or _bare(w) in ("A", "Y")) or len(w) > 7:
            return f"`{w}` is not a syllable of a name"
        if w.casefold() in _NEVER_IN_A_NAME or (w is words[0] and w.casefold() in _OPENS_NOT_A_NAME):
            return f"`{w}` opens a heading or a list, not a name"
        if not _VOWEL.search(_bare(w)):
            return f"`{w}` has no vowel, so is no syllable (a unit code?)"
    # a title as printed (`Thứ Trưởng`), or with every mark lost (`Chu Tich`); a name differing from a title
    # by its tone (`Trương Khoa Nam`, `TRƯỞNG KHOA`) is a name
    same = _bare if text.isascii() else str.casefold
    if any(same(text) == same(t) or same(text).startswith(same(t) + " ") for t in data()["chuc_vu"]):
        return "a position title (or one with its marks lost), not a name"
    return None


_VOWEL = re.compile(r"[aeiouy]", re.I)


def _bare(text: str) -> str:
    """Letters without any mark, `Đ` as `D`, in capitals: `Giam Doc` is `GIÁM ĐỐC` read without its marks."""
    text = unicodedata.normalize("NFD", text.upper().replace("Đ", "D"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def authority(text: str) -> str | None:
    """`TM. BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`: each part an authority mark and a body or a title."""
    for part in text.split(", "):
        if not AUTHORITY.match(part) or re.search(r"[;:!?]|\d", part) or len(part.split()) > 12:
            return f"`{part}` is not a signing authority line"
    return None


def place(text: str) -> str | None:
    """`Lai Châu`, `Hà Nội`, `TP. Hồ Chí Minh`: capitalised words, no digits, at most six."""
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"\d|[;:]", text):
        return "not a place name"
    if not all(w[0].isupper() for w in words if w[0].isalpha()):
        return "not a place name (words in small letters)"
    return None


def date(year: int, month: int, day: int) -> str | None:
    try:
        when = dt.date(year, month, day)
    except ValueError:
        return "not a real date"
    if not 1945 <= when.year <= dt.date.today().year + 1:
        return "not a year a document of today's Vietnam carries"
    return None


def subject(text: str) -> str | None:
    """A trích yếu is the document's subject alone: no preamble, rule, salutation or list in it."""
    if not _letters(text):
        return "no words"
    if _RULE.search(text):
        return "holds the rule under the title"
    if OPENERS_ANYWHERE.search(plain(text)):
        return "runs on into the preamble or the salutation"
    if text.rstrip().endswith((":", "-", "–", ",")) or len(text) > 500:
        return "does not end where a subject ends"
    return None

