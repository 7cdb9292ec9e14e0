"""Plain text (`.txt`, and the text antiword or catdoc make of a `.doc`): rows of cells by character column.

A run of three or more spaces, or a tab, separates two cells of a row (a header typed in two
columns with spaces). Cells are cut before a legacy encoding is converted, so that a VNI pair
turning into one letter does not shift the columns.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from . import legacy, text_tables
from .model import Cell, Extracted, ImportFailure, Row

_GAP = re.compile(r"(?<=\S)(?:\t+| {3,})")
_TO_FILL = re.compile(r"(?:Số:?|ngày|tháng|năm)$", re.I)
"""Words before a blank left for a number or a day to be written in (`Số:      /HD-…`): no column gap."""


def decode_bytes(raw: bytes, name: str, declared: str | None = None) -> str:
    """The file's characters, or ImportFailure: never a guess that turns the text into something else.

    UTF-16 with its byte-order mark; the charset an HTML page declares (`windows-1258` through
    Python's codec, then NFC: its tone marks are separate characters); else UTF-8. Bytes that are
    not UTF-8 are read one byte a character only when they prove to be TCVN3 or VNI (legacy.detect:
    common words appear once converted); otherwise the file is refused at the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _without_nul(_strict(raw, "utf-16", name), name)
    _without_nul(raw, name)
    if declared and declared not in ("utf_8", "ascii"):
        if declared in ("cp1252", "iso8859_1"):
            return _windows_1252(raw)
        return unicodedata.normalize("NFC", _strict(raw, declared, name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        one_byte = raw.decode("latin-1")
        if legacy.detect(one_byte) != "unicode":
            return one_byte
        raise ImportFailure(f"{name}: not UTF-8 text: byte {error.start} (0x{raw[error.start]:02X}) is not valid UTF-8, "
                            "and the text is not TCVN3 or VNI either; open it and save it again as UTF-8 (Unicode)") from None


def _strict(raw: bytes, codec: str, name: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        raise ImportFailure(f"{name}: byte {error.start} (0x{raw[error.start]:02X}) is not valid {codec}, the encoding "
                            "it declares; open it and save it again as UTF-8 (Unicode)") from None


def _without_nul(data, name: str):
    """A NUL never belongs in a text: it is binary data, or a file cut and pasted into another."""
    at = data.find(b"\x00" if isinstance(data, bytes) else "\x00")
    if at >= 0:
        raise ImportFailure(f"{name}: a NUL character at {'byte' if isinstance(data, bytes) else 'character'} {at}: "
                            "binary data, not a text file; export the document again")
    return data


def _windows_1252(raw: bytes) -> str:
    """Windows-1252 (what Word declares for a `.VnTime` text saved as a web page), with Latin-1 for the five
    bytes it leaves undefined: every byte kept, so that a TCVN3 or VNI text can still be converted."""
    return raw.decode("cp1252", errors=_LATIN_1_FALLBACK)


_LATIN_1_FALLBACK = "hoctap-latin-1"
codecs.register_error(_LATIN_1_FALLBACK, lambda error: (error.object[error.start:error.end].decode("latin-1"), error.end))


def rows_of_text(text: str, encoding: str | None = None, width: int | None = None) -> Extracted:
    """Rows of a text; `encoding` (`tcvn3`, `vni`) when known, else detected from the characters;
    `width` the page's width in characters, when the longest line is not (a paragraph on one line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    ma_goc = encoding or legacy.detect(text)
    decode = legacy.DECODERS.get(ma_goc)
    width = width or max([len(line.rstrip()) for line in lines] + [1])
    rows: list[Row] = []
    blank = False
    tables = text_tables.find([line.rstrip() for line in lines])
    for number, line in enumerate(lines):
        line = line.rstrip()
        if not line.strip():
            blank = True
            continue
        table, k, columns = tables.get(number, (None, 0, None))
        if columns == []:
            continue  # a table's rule line
        cells = []
        start = len(line) - len(line.lstrip())
        gaps = [m for m in _GAP.finditer(line, start) if not _TO_FILL.search((decode or str)(_last_word(line, m.start())))]
        for m in gaps + [None]:
            end = m.start() if m else len(line)
            piece = line[start:end]
            if piece.strip():
                converted = decode(piece) if decode else piece
                cells.append(Cell(_clean(converted), start / width, end / width))
            start = m.end() if m else len(line)
        grid = tuple(_clean(decode(c) if decode else c) for c in columns) if columns else None
        rows.append(Row(cells, 1, blank_before=blank, table=(table, k, len(grid)) if grid else None, grid=grid))
        blank = False
    return Extracted(rows, ma_goc, positioned=False)


def _last_word(line: str, end: int) -> str:
    """The word just before a gap: all `_TO_FILL` looks at, so a line of many gaps is read in linear time."""
    start = end
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:end]


def _clean(text: str) -> str:
    """NFC, `Đ` for its look-alike, no-break and other odd spaces as one space."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return " ".join(text.replace("\u00a0", " ").replace("\u00ad", "").split())


def extract(raw: bytes, name: str) -> Extracted:
    text = decode_bytes(raw, name)
    if not text.strip():
        raise ImportFailure(f"{name}: empty file, nothing to import")
    return rows_of_text(text)
