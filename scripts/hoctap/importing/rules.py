"""The layout rules the stages share, read once from data/the-thuc.yml (where they come from is noted there)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..text.yaml_text import safe_load


_DATA = Path(__file__).parent / "data" / "the-thuc.yml"


@lru_cache(maxsize=1)
def data() -> dict:
    return safe_load(_DATA.read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Capitals, NFC, one space, old tone placement folded (`HOÀ` = `HÒA`): to compare printed lines."""
    text = unicodedata.normalize("NFD", text.upper())
    text = unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch) or ch in "\u0302\u0306\u031b"))
    return " ".join(text.replace("–", "-").split())


def type_name(line: str) -> str | None:
    """The type a line in capitals names (`KẾ HOẠCH` → `Kế hoạch`), or None: a type line is only that."""
    if line != line.upper():
        return None
    return _types().get(fold(line))


@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    return {fold(t["ten"]): t["ten"] for t in data()["loai_van_ban"]}


def is_motto(line: str) -> bool:
    """A line of the right-hand column's national or Party motto, or its first line when it wraps;
    spaces aside, which a scan's OCR loses (`VIỆTNAM`)."""
    folded = rejoin_fixed(fold(line).rstrip(" ."))[0]
    return any(folded.startswith(fold(m)) or len(folded.split()) >= 2 and fold(m).startswith(folded)
               for m in data()["quoc_hieu"])


_WORD = re.compile(r"\w+")


def rejoin_fixed(text: str) -> tuple[str, list[str]]:
    """The text with the spaces OCR dropped inside the fixed phrases of a header put back (`VIỆTNAM` →
    `VIỆT NAM`, `XÃHỘI` → `XÃ HỘI`), and the words so split. A written Vietnamese word is one
    syllable, so a word that is two or more consecutive words of a motto is never right; only a space
    is added, never a letter changed (`VIETNAM`, without its marks, is not those words)."""
    split: list[str] = []

    def apart(m: re.Match) -> str:
        word = m.group()
        parts = _fixed_runs().get(fold(word))
        if parts is None:
            return word
        split.append(word)
        out, at = [], 0
        for length in parts:
            out.append(word[at:at + length])
            at += length
        return " ".join(out)

    return _WORD.sub(apart, unicodedata.normalize("NFC", text)), split


@lru_cache(maxsize=1)
def _fixed_runs() -> dict[str, tuple[int, ...]]:
    """Folded run of two or more consecutive words of a motto, written as one → the words' lengths."""
    runs = {}
    for motto in data()["quoc_hieu"]:
        words = [w for w in fold(motto).split() if w.isalpha()]
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                runs["".join(words[i:j])] = tuple(len(w) for w in words[i:j])
    return runs


MOTTO_STARTS = (("CỘNG", "HÒA"), ("CỘNG", "HOÀ"), ("ĐẢNG", "CỘNG"), ("Độc", "lập"))
"""The first two words of a motto: where the right-hand column begins, in a PDF's words."""


_AUTH = "|".join(sorted(data()["tham_quyen_ky"], key=len, reverse=True))
AUTHORITY = re.compile(rf"^(?:(?:{_AUTH})\.|T/M\.?|K/T\.?|T/L\.?|T\.M\.?|K\.T\.?)\s*\S", re.I)
"""`TM. BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ` (Party style)."""

DATE_LINE = re.compile(
    r"^(?P<place>[^\W\d_][^,;:/\d]{1,40}?)\s*,\s*ng[àa]y\s*(?P<d>\d{1,2})?[\s.…_]*th[áa]ng\s*(?P<m>\d{1,2})?[\s.…_]*"
    r"n[ăa]m\s*(?P<y>\d{4})?", re.I)
"""`Lai Châu, ngày 31 tháng 3 năm 2026`, also typed loosely (`ngày30`) or with blanks left to fill."""

SO = re.compile(r"^S[ốôỐÔ]\s*[:.]?\s*(?P<so>.*)$")
VV = re.compile(r"^(?:V/v|V/V|Về việc)\s*[:.]?\s*(?P<tv>.+)$")

ROMAN = r"[IVXLC]+"
MARKER = re.compile(
    rf"^(?:(?P<kind>Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Tiểu mục|Điều|ĐIỀU)\s+(?P<kn>\d+|{ROMAN})\b[.:]?"
    rf"|(?P<roman>{ROMAN})[.\-]\s"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?\s"
    r"|(?P<arabic>\d{1,2})[.\-]\s"
    r"|(?P<letter>[a-zđ])\)\s"
    r"|(?P<bullet>[-–•+*])\s*(?=\S))"
)
"""The opening of a structural unit: Phần/Chương/Mục/Điều N, `I.`, `1.1.`, `1.`, `a)`, `-`, `+`."""

OPENERS = re.compile(r"^(?:Căn cứ|Thực hiện|Kính gửi|Xét đề nghị|Xét Tờ trình|Xét tờ trình|Theo đề nghị|Trên đây|Nơi nhận)\b")
"""Words a body's paragraph opens with: where the trích yếu above it has ended."""

_PLAIN_OPENER = re.compile(r"^[-–•+*]?\s*(?:can cu|thuc hien|kinh gui|xet |theo de nghi|tren day|noi nhan)")
OPENERS_ANYWHERE = re.compile(r"(?:^|[;:.]\s*|\s[-–]\s*)(?:can cu|kinh gui|theo de nghi|xet (?:de nghi|to trinh))\b|\bgui\s*:")
"""The same openers inside a line, on text without marks (`plain`): a trích yếu that holds one ran on."""


def plain(text: str) -> str:
    """Marks, `Đ` and case folded away: OCR loses the marks of bold lines (`Kinh gửi`, `Can cu`)."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def opens_body(text: str) -> bool:
    """A line that opens the preamble, salutation or body (`- Căn cứ…`, `Kinh gửi:` read by OCR)."""
    return bool(_PLAIN_OPENER.match(plain(text.strip())))
