"""What every extractor hands on: the document as rows of positioned cells, page by page.

A row is one printed line; its cells are the runs of text separated by a wide gap or a tab
(the header's two columns, Nơi nhận beside the signature). Positions are fractions of the
page's width, so a PDF in points, a text file in characters and a Word table in columns read
alike for the stages after extraction (layout, header, structure).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MA_GOC = ("unicode", "tcvn3", "vni", "ocr")
"""How the text was obtained: as written, converted from a legacy font encoding, or read by OCR."""


class ImportFailure(Exception):
    """A file that cannot be imported: the message says what it is and what to do."""


@dataclass(frozen=True)
class Cell:
    text: str
    x0: float  # left edge, 0 = left margin of the page, 1 = its right edge
    x1: float
    bold: bool = False
    words: tuple[tuple[str, float, float], ...] = ()  # each word and its edges, where the extractor knows them
    doubtful: tuple[str, ...] = ()  # words OCR read below its confidence threshold: no field is made of them
    glued: bool = False  # cut by its words alone from a line that held both columns: where it starts is uncertain


@dataclass
class Row:
    cells: list[Cell]
    page: int = 1
    top: float = 0.0  # 0 = top of the page, 1 = its bottom; unknown (0) for a text file
    blank_before: bool = False  # a text file's empty line, a PDF's larger gap: a weak paragraph break
    table: tuple[int, int, int] | None = None  # in a table: (which table, which of its rows, how many columns)
    grid: tuple[str, ...] | None = None  # a text file's table row, cut by its columns (text_tables); else the cells
    foot: str | None = None  # a line of the footnote of this number, at the page's foot (footnotes.py)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def x0(self) -> float:
        return self.cells[0].x0

    @property
    def x1(self) -> float:
        return self.cells[-1].x1


@dataclass
class Extracted:
    """An extractor's result: rows in reading order, how the text was obtained, what went wrong."""

    rows: list[Row]
    ma_goc: str = "unicode"
    positioned: bool = True  # x positions mean something (PDF, OCR); a text file's spaces less so
    wrapped: bool = True  # rows are printed lines to join into paragraphs; a Word paragraph is one already
    warnings: list[str] = field(default_factory=list)
