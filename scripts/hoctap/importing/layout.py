"""Layout repair: drop what the page adds (page numbers, running headers and footers) and join
hard-wrapped lines back into paragraphs.

A line ends its paragraph when it stops short of the right margin, when it ends a sentence and
the next opens with a capital or a marker (`1.`, `a)`, `-`). A marker opens a unit only where the
line above has ended: `…theo Điều 4 và` / `Điều 47 của Luật…` is one sentence wrapped. A dash
that opens a wrapped line (`2025\n- 2030 nhằm…`) continues the sentence above it.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from .model import Row
from .rules import MARKER, OPENERS

_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$", re.I)
_EDGE = 0.09  # the top and bottom 9 % of a page hold its running header and footer
_ENDS_SENTENCE = re.compile(r"[.:;!?](?:\s*\([^)]*\))?[”\"]?$")
_ENDS_STATEMENT = re.compile(r"[.:!?](?:\s*\([^)]*\))?[”\"]?$")  # not `;`: `…của Đảng;\nChỉ thị số…` goes on
_TAIL = 1000  # characters at a paragraph's end that the two patterns above look at


def drop_furniture(rows: list[Row], positioned: bool) -> tuple[list[Row], int]:
    """Rows without page numbers and running headers or footers; and how many were dropped."""
    pages = len({r.page for r in rows})
    at_edge = [r for r in rows if positioned and (r.top < _EDGE or r.top > 1 - _EDGE)]
    repeated = Counter(_shape(r.text) for r in at_edge)
    kept = []
    for row in rows:
        text = row.text.strip()
        edge = row in at_edge if positioned else True
        if edge and _PAGE_NUMBER.match(text):
            continue
        if positioned and pages >= 2 and row in at_edge and repeated[_shape(text)] >= max(2, pages // 2):
            continue
        kept.append(row)
    return kept, len(rows) - len(kept)


def _shape(text: str) -> str:
    """A running line with its page number taken out: `Trang 3/12` and `Trang 4/12` repeat."""
    return re.sub(r"\d+", "#", " ".join(text.split()))


@dataclass
class Paragraph:
    text: str
    rows: list[Row]
    grid: list[list[str]] | None = None  # a table's cells, row by row: the body's tables stay tables

    @property
    def bold(self) -> bool:
        return all(c.bold for r in self.rows for c in r.cells)

    @property
    def doubtful(self) -> set[str]:
        """The words OCR read with low confidence on its lines: marked for checking (hoctap.text.ocr_marks)."""
        return {w for r in self.rows for c in r.cells for w in c.doubtful}


def paragraphs(rows: list[Row], positioned: bool, wrapped: bool = True) -> list[Paragraph]:
    """Hard-wrapped rows joined into paragraphs (each row one paragraph when not `wrapped`); the rows
    of a table of two or more rows and columns, one paragraph holding its grid."""
    out: list[Paragraph] = []
    for table, run in itertools.groupby(rows, key=lambda r: r.table[0] if r.table else None):
        run = list(run)
        out += _text_paragraphs(run, positioned, wrapped) if table is None else _table(run, positioned, wrapped)
    return out


def _table(rows: list[Row], positioned: bool, wrapped: bool) -> list[Paragraph]:
    """A table's rows as its grid: a cell's stacked lines joined, each cell in its column."""
    grid: dict[int, list[str]] = {}
    columns = max(r.table[2] for r in rows)
    for row in rows:
        line = grid.setdefault(row.table[1], [""] * columns)
        if row.grid is not None:
            line[:len(row.grid)] = row.grid
            continue
        for cell in row.cells:
            at = min(columns - 1, round(cell.x0 * row.table[2]))
            line[at] = f"{line[at]} {cell.text}".strip()
    if len(grid) < 2 or columns < 2:
        return _text_paragraphs([Row(r.cells, r.page, r.top, r.blank_before) for r in rows], positioned, wrapped)
    cells = [grid[k] for k in sorted(grid)]
    return [Paragraph(" ".join(" ".join(line) for line in cells), rows, cells)]


def _text_paragraphs(rows: list[Row], positioned: bool, wrapped: bool) -> list[Paragraph]:
    if not wrapped:
        return [Paragraph(r.text.strip(), [r]) for r in rows]
    if not rows:
        return []
    measure = _Measure(rows, positioned)
    out: list[Paragraph] = []
    counts: list[tuple[int, int]] = []  # each paragraph's letters and capitals, kept as it grows: linear time
    for row in rows:
        text = row.text.strip()
        letters, capitals = _letters(text)
        if out and not _breaks(out[-1], row, text, measure, _capitals(*counts[-1])):
            out[-1].text = f"{out[-1].text} {text}"
            out[-1].rows.append(row)
            counts[-1] = (counts[-1][0] + letters, counts[-1][1] + capitals)
        else:
            out.append(Paragraph(text, [row]))
            counts.append((letters, capitals))
    return out


class _Measure:
    """Where a full line ends: the right margin of a PDF, the usual length of a text file's lines."""

    def __init__(self, rows: list[Row], positioned: bool):
        self.positioned = positioned
        ends = sorted(r.x1 if positioned else len(r.text) for r in rows)
        self.full = ends[int(len(ends) * 0.9)] if ends else 1
        starts = sorted(r.x0 for r in rows)
        self.left = statistics.median(starts[: max(1, len(starts) // 2)]) if positioned else 0

    def part_full(self, row: Row) -> bool:
        """Short of the margin by more than a word: a line that ended, not one the wrap filled."""
        if self.positioned:
            return row.x1 < self.full - 0.03 * (self.full - self.left)
        return len(row.text) < 0.9 * self.full

    def short(self, row: Row) -> bool:
        if self.positioned:
            return row.x1 < self.full - 0.08 * (self.full - self.left)
        return len(row.text) < 0.75 * self.full


def _breaks(last: Paragraph, row: Row, text: str, measure: _Measure, last_capitals: bool) -> bool:
    previous = last.rows[-1]
    end = last.text[-_TAIL:]  # how the paragraph ends: a sentence's end never needs more
    marker = MARKER.match(text)
    if marker and marker["bullet"] and not _ENDS_SENTENCE.search(end) and not measure.short(previous):
        after = text[marker.end():marker.end() + 1]
        if after.islower() or after.isdigit():
            return False  # `2025\n- 2030 nhằm…`: a wrapped range, not a list item
    ended = measure.short(previous) or _ENDS_SENTENCE.search(end) or last_capitals
    if marker or OPENERS.match(text):
        return bool(ended)  # `…theo Điều 4 Điều lệ và\nĐiều 47 của Luật…`: a reference wrapped to the line's start
    if measure.short(previous) or last_capitals != _capitals(*_letters(text)):
        return True
    unit = MARKER.match(last.text)
    if unit and unit["kind"] and text[:1].isupper() and not _ENDS_SENTENCE.search(end) \
            and (measure.part_full(previous) or _weight(previous) != _weight(row)):
        return True  # a Điều's title, wrapped, and the first sentence of its body
    if _ENDS_STATEMENT.search(end) and (text[:1].isupper() or text[:1] in "“\"("):
        return True
    return row.blank_before and bool(_ENDS_SENTENCE.search(end))


def _weight(row: Row) -> bool:
    return all(c.bold for c in row.cells)


def _letters(text: str) -> tuple[int, int]:
    """How many letters a text has, and how many of them are capitals."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters), sum(1 for ch in letters if ch.isupper())


def _capitals(letters: int, capitals: int) -> bool:
    """Written all in capitals (a title, a heading), by its letters' counts."""
    return letters >= 2 and capitals == letters

