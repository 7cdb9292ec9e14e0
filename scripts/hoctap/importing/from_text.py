"""Plain text (`.txt`, and the text antiword or catdoc make of a `.doc`): rows of cells by character column.

A run of three or more spaces, or a tab, separates two cells of a row (a header typed in two
columns with spaces). Cells are cut before a legacy encoding is converted, so that a VNI pair
turning into one letter does not shift the columns.
"""

from __future__ import annotations

import re
import unicodedata

from . import legacy
from .model import Cell, Extracted, ImportFailure, Row

_GAP = re.compile(r"(?<=\S)(?:\t+| {3,})")
_TO_FILL = re.compile(r"(?:Số:?|ngày|tháng|năm)$", re.I)
"""Words before a blank left for a number or a day to be written in (`Số:      /HD-…`): no column gap."""


def decode_bytes(raw: bytes, name: str) -> str:
    """The file's characters: UTF-8 (with or without a byte-order mark), UTF-16 with one, else one byte a character."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise ImportFailure(f"{name}: binary data, not a text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # TCVN3 and VNI are one byte a character: Latin-1 keeps every byte


def rows_of_text(text: str, encoding: str | None = None, width: int | None = None) -> Extracted:
    """Rows of a text; `encoding` (`tcvn3`, `vni`) when known, else detected from the characters;
    `width` the page's width in characters, when the longest line is not (a paragraph on one line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    ma_goc = encoding or legacy.detect(text)
    decode = legacy.DECODERS.get(ma_goc)
    width = width or max([len(line.rstrip()) for line in lines] + [1])
    rows: list[Row] = []
    blank = False
    for line in lines:
        line = line.rstrip()
        if not line.strip():
            blank = True
            continue
        cells = []
        start = len(line) - len(line.lstrip())
        gaps = [m for m in _GAP.finditer(line, start) if not _TO_FILL.search((decode or str)(line[:m.start()]))]
        for m in gaps + [None]:
            end = m.start() if m else len(line)
            piece = line[start:end]
            if piece.strip():
                converted = decode(piece) if decode else piece
                cells.append(Cell(_clean(converted), start / width, end / width))
            start = m.end() if m else len(line)
        rows.append(Row(cells, 1, blank_before=blank))
        blank = False
    return Extracted(rows, ma_goc, positioned=False)


def _clean(text: str) -> str:
    """NFC, `Đ` for its look-alike, no-break and other odd spaces as one space."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return " ".join(text.replace("\u00a0", " ").replace("\u00ad", "").split())


def extract(raw: bytes, name: str) -> Extracted:
    text = decode_bytes(raw, name)
    if not text.strip():
        raise ImportFailure(f"{name}: empty file, nothing to import")
    return rows_of_text(text)
