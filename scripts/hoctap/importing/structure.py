"""The body's outline as Markdown: Phần, Chương, Mục, Điều and `I.`, `1.`, `1.1.` become headings,
khoản and điểm paragraphs with an anchor, `-` and `+` list items.

Anchors are made from the numbers as printed (`#dieu-5`, `#muc-ii-1`, `#dieu-5-khoan-2-diem-a`),
never from the words or a counter, so that a re-import of the same text, or of a corrected
one, keeps every link that points into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import footnotes
from .layout import Paragraph
from .rules import MARKER
from ..text import ocr_marks
from ..text.markdown_escape import escape as _escape, escape_inline as _escape_inline

HEADING_BASE = 3  # the full text sits under the page's "## Toàn văn"
_SHORT_HEADING = 110  # characters: a numbered line longer than this is a paragraph, not a title
_LEVEL_ORDER = ("phan", "chuong", "muc", "tieu_muc", "dieu", "roman", "arabic", "dotted")  # headings, outer first
_UNIT = {"phần": "phan", "chương": "chuong", "mục": "muc", "tiểu mục": "tieu_muc", "điều": "dieu"}


@dataclass
class Heading:
    level: int
    text: str
    anchor: str


@dataclass
class Body:
    markdown: str
    outline: list[Heading] = field(default_factory=list)
    passages: list[tuple[str, str]] = field(default_factory=list)  # each paragraph as printed, and its anchor
    warnings: list[str] = field(default_factory=list)


_DEPTH = ("phan", "chuong", "muc", "tieu_muc", "dieu", "roman", "arabic", "khoan", "dotted", "diem")
_LAW = ("phan", "chuong", "muc", "tieu_muc")


class _Outline:
    """Where the reader is in the document: the printed numbers of the units above the paragraph."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix
        self.path: dict[str, str] = {}
        self.seen: set[str] = set()
        self.last_n: dict[str, int] = {}  # where each anchor's count stopped: `-2`, `-3`… are not tried again
        self.current = ""

    def enter(self, kind: str, number: str) -> str:
        depth = _DEPTH.index(kind)
        self.path = {k: v for k, v in self.path.items() if _DEPTH.index(k) < depth}
        self.path[kind] = number
        self.current = self._unique(self.prefix + self._anchor(kind))
        return self.current

    def _anchor(self, kind: str) -> str:
        p = self.path
        if kind in _LAW:
            return "-".join(f"{k.replace('_', '-')}-{p[k]}" for k in _LAW if k in p)
        if "dieu" in p:
            return "-".join(f"{k}-{p[k]}" for k in ("dieu", "khoan", "diem") if k in p)
        numbers = [p[k] for k in ("roman", "dotted" if "dotted" in p else "arabic", "diem") if k in p]
        return (f"phan-{p['phan']}-" if "phan" in p else "") + "muc-" + "-".join(numbers)

    def _unique(self, anchor: str) -> str:
        n = self.last_n.get(anchor, 1)
        candidate = anchor if n == 1 else f"{anchor}-{n}"
        while candidate in self.seen:
            n += 1
            candidate = f"{anchor}-{n}"
        self.last_n[anchor] = n
        self.seen.add(candidate)
        return candidate


def to_markdown(paragraphs: list[Paragraph], prefix: str = "") -> Body:
    """The paragraphs as Markdown; `prefix` goes before every anchor (an appendix's `phu-luc-`)."""
    units, warnings = _units(paragraphs)
    ranks = [k for k in _LEVEL_ORDER if k in {kind for kind, _ in units}]
    outline = _Outline(prefix)
    blocks: list[str] = []
    body = Body("")
    body.warnings = warnings
    i = 0
    while i < len(paragraphs):
        text = paragraphs[i].text
        kind, number = units[i]
        if kind in _LAW + ("dieu",) and i + 1 < len(paragraphs) and _title_only(text) and units[i + 1][0] == "text" \
                and _is_title(paragraphs[i + 1].text, kind):
            text = f"{text} {paragraphs[i + 1].text}"  # `Chương I` above `QUY ĐỊNH CHUNG`: one heading
            i += 1
        if kind == "arabic" and "dieu" in outline.path:
            kind = "khoan"
        if kind == "letter":
            kind = "diem"
        doubtful = paragraphs[i].doubtful | (paragraphs[i - 1].doubtful if text != paragraphs[i].text else set())
        escape, escape_inline = _marking(_escape, doubtful), _marking(_escape_inline, doubtful)
        if footnotes.REF in text or paragraphs[i].grid:  # a footnote's mark: `[^1]`, once escaped
            escape, escape_inline = (lambda e: lambda t: footnotes.markdown_refs(e(t)))(escape), \
                (lambda e: lambda t: footnotes.markdown_refs(e(t)))(escape_inline)
        block = _grid(paragraphs[i].grid, escape_inline) if kind == "table" \
            else _block(kind, number, text, outline, ranks, body, escape, escape_inline)
        if kind in ("bullet", "sub") and blocks and blocks[-1].startswith(("- ", "    - ")):
            blocks[-1] += "\n" + block  # items of one list stay together
        else:
            blocks.append(block)
        body.passages.append((footnotes.without(text), outline.current))
        i += 1
    body.markdown = "\n\n".join(blocks) + "\n" if blocks else ""
    return body


def _marking(escaping, doubtful: set[str]):
    """`escaping` that also marks the words OCR doubted on the paragraph's lines (hoctap.text.ocr_marks)."""
    return (lambda text: ocr_marks.mark(escaping(text), doubtful, _escape_inline)) if doubtful else escaping


def _grid(grid: list[list[str]], escape_inline) -> str:
    """A table as a Markdown table, its first row the header, every cell as printed."""
    lines = ["| " + " | ".join(escape_inline(c) or " " for c in row) + " |" for row in grid]
    return "\n".join([lines[0], "|" + " --- |" * len(grid[0])] + lines[1:])


def _is_title(text: str, kind: str) -> bool:
    """The line under `Chương I` (in capitals) or under a bare `Điều 18.` (a title: no final stop)."""
    if kind == "dieu":
        return len(text) <= 200 and not re.search(r"[.;:]$", text)
    return _capitals(text)


def _block(kind: str, number: str, text: str, outline: _Outline, ranks: list[str], body: Body, escape, escape_inline) -> str:
    if kind == "bullet":
        return f"- {escape(_after_marker(text))}"
    if kind == "sub":
        return f"    - {escape(_after_marker(text))}"
    if kind in _LEVEL_ORDER:
        anchor = outline.enter(kind, _number_key(number))
        level = min(6, HEADING_BASE + ranks.index(kind))
        head, rest = _heading_and_rest(kind, text)
        if head is None:
            return f"{escape(text)}\n{{: #{anchor} }}"
        body.outline.append(Heading(level, footnotes.without(head), anchor))
        heading = f"{'#' * level} {escape_inline(head)} {{#{anchor}}}"
        return f"{heading}\n\n{escape(rest)}" if rest else heading
    if kind in ("khoan", "diem"):
        anchor = outline.enter(kind, _number_key(number))
        return f"{escape(text)}\n{{: #{anchor} }}"
    return escape(text)


_SEQUENCED = ("phan", "chuong", "roman", "dieu")
"""The units numbered through the whole text (or a Phần): each follows the one before, by one."""
_STRONG = re.compile(r"^(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+(?:\d+|[IVXLC]+)\s*[.:]")


def _units(paragraphs: list[Paragraph]) -> tuple[list[tuple[str, str]], list[str]]:
    """Each paragraph's unit (kind, printed number), and a warning for each unit out of sequence.

    A Phần, Chương, Mục or Điều opens a unit where its form says so (`Điều 5.`, `Chương II` alone or
    in capitals) or where its number follows the one before and a title follows it; otherwise it is a
    reference that opens a sentence (`Điều 47 của Luật…`) and stays text. A unit in its full form
    numbered out of sequence (`II.` after `II.`: a misprint, or a scan's `III.` read as `II.`) keeps
    its printed number, with a warning: renumbering would guess."""
    last: dict[str, tuple[int, str]] = {}  # kind → the value and printed number of the last one
    units, warnings = [], []
    for p in paragraphs:
        kind, number = ("table", "") if p.grid else _kind(p.text)
        value = int(number) if number.isdigit() else _roman(number)
        if kind not in _SEQUENCED or value is None:
            units.append((kind, number))
            continue
        follows = value == last[kind][0] + 1 if kind in last else value == 1
        rest = p.text[MARKER.match(p.text).end():].strip()
        strong = kind == "roman" or _STRONG.match(p.text) or kind != "dieu" and (not rest or _capitals(p.text))
        titled = rest[:1].isupper() and len(p.text) <= 200 and not re.search(r"[.;,]$", p.text)
        if not strong and not (follows and titled):
            units.append(("text", ""))
            continue
        if kind == "phan":
            last = {k: v for k, v in last.items() if k == "phan"}  # a Phần starts its Chương and parts again
        if kind in last and not follows:
            warnings.append(f"structure: `{p.text[:60]}` is numbered {number} after {last[kind][1]}: "
                            "a misprint, or a scan's misreading (`III.` read as `II.`)? compare with the original; "
                            "its anchor follows the printed number")
        last[kind] = (value, number)
        units.append((kind, number))
    return units, warnings


def _roman(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not numeral or any(ch not in values for ch in numeral.upper()):
        return None
    digits = [values[ch] for ch in numeral.upper()]
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))


def _heading_and_rest(kind: str, text: str) -> tuple[str | None, str]:
    """A numbered line as a heading: whole when it is a title; its label up to `:` when a sentence
    follows (`2. Hình thức…: Hội nghị…`); a Phần, Chương or Điều by its marker; else no heading."""
    if len(text) <= (_SHORT_HEADING if kind not in _LAW + ("dieu",) else 250) and not re.search(r"[.;]$", text):
        return text, ""  # a Điều's title may wrap over two lines: it is still the title
    label = re.match(r"^([^:]{3,80}:)\s+(\S.*)$", text)
    if label:
        return label[1], label[2]
    if kind in ("phan", "chuong", "muc", "tieu_muc", "dieu"):
        return _split_marker(text)
    return None, ""


def _kind(text: str) -> tuple[str, str]:
    m = MARKER.match(text)
    if not m:
        return "text", ""
    if m["kind"]:
        return _UNIT[m["kind"].lower()], m["kn"]
    if m["roman"]:
        return "roman", m["roman"]
    if m["dotted"]:
        return "dotted", m["dotted"]
    if m["arabic"]:
        return "arabic", m["arabic"]
    if m["letter"]:
        return "letter", m["letter"]
    return ("sub" if m["bullet"] == "+" else "bullet"), ""


def _number_key(number: str) -> str:
    return number.lower().replace(".", "-")


def _title_only(text: str) -> bool:
    return len(text.split()) <= 3


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _after_marker(text: str) -> str:
    return text[MARKER.match(text).end():].strip()


def _split_marker(text: str) -> tuple[str, str]:
    m = MARKER.match(text)
    return text[: m.end()].strip(), text[m.end():].strip()
