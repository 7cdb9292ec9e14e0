"""Word `.docx` (python-docx): paragraphs and tables in document order, as rows of cells.

A table row's cells are cells of the row (the two-column header, Nơi nhận beside the
signature); a tab inside a paragraph separates cells too (the header typed with tabs). A run
in a TCVN3 or VNI font (`.VnTime`, `.VnTimeH`, `VNI-Times`) is converted to Unicode; a
`.VnTimeH` run is in capitals.
"""

from __future__ import annotations

import unicodedata
import zipfile
import zlib
from pathlib import Path

from . import legacy, limits
from .model import Cell, Extracted, ImportFailure, Row

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract(path: Path) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_parts(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise ImportFailure(f"{path.name}: not a readable Word document ({error.__class__.__name__})") from None
    default_font = _default_font(document)
    encodings: set[str] = set()
    rows: list[Row] = []
    for block in document.element.body.iterchildren():
        if block.tag == _W + "p":
            row = _paragraph_row(block, default_font, encodings)
            if row:
                rows.append(row)
        elif block.tag == _W + "tbl":
            rows += _table_rows(block, default_font, encodings, number=len(rows))
    ma_goc = "tcvn3" if "tcvn3" in encodings else "vni" if "vni" in encodings else "unicode"
    return Extracted(rows, ma_goc, positioned=False, wrapped=False)


def check_parts(path: Path) -> None:
    """Refuse a Word file python-docx should not open: parts that inflate past the limits, XML that
    declares entities (a billion laughs; Word never writes a DOCTYPE), nests past `MAX_DEPTH`, or
    is not XML at all; each refusal names the part."""
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        with zipfile.ZipFile(path) as archive:
            limits.check_archive(path, archive)
            for name in archive.namelist():
                if not name.endswith((".xml", ".rels")):
                    continue
                with archive.open(name) as part:
                    depth = 0
                    try:
                        for event, element in safe_xml.iterparse(part, events=("start", "end"), forbid_dtd=True):
                            depth += 1 if event == "start" else -1
                            if depth > limits.MAX_DEPTH:
                                raise ImportFailure(f"{path.name}: its part {name} nests elements more than "
                                                    f"{limits.MAX_DEPTH} deep; open it in Word and save it again")
                            if event == "end":
                                element.clear()
                    except DefusedXmlException:
                        raise ImportFailure(f"{path.name}: its part {name} declares XML entities (a DOCTYPE), "
                                            "which Word never writes; open it in Word and save it again") from None
                    except safe_xml.ParseError as error:
                        raise ImportFailure(f"{path.name}: its part {name} is not well-formed XML ({error}); "
                                            "open it in Word and save it again") from None
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError) as error:
        # zlib.error: corrupt deflate data; NotImplementedError: a compression Word never uses
        raise ImportFailure(f"{path.name}: a damaged Word file ({error.__class__.__name__}: {error}); "
                            "open it in Word and save it again") from None


def _default_font(document) -> str | None:
    try:
        return document.styles["Normal"].font.name
    except KeyError:
        return None


def _run_font(run, default: str | None) -> str | None:
    fonts = run.find(f"{_W}rPr/{_W}rFonts")
    if fonts is not None:
        return fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or default
    return default


def _bold(run) -> bool:
    b = run.find(f"{_W}rPr/{_W}b")
    return b is not None and b.get(_W + "val") not in ("0", "false")


def _pieces(paragraph, default_font: str | None, encodings: set[str]) -> list[tuple[str, bool]]:
    """The paragraph's text split at tabs, each piece with whether it is bold; legacy runs converted."""
    pieces: list[list] = [["", []]]
    for run in paragraph.iter(_W + "r"):
        font = _run_font(run, default_font)
        encoding = legacy.font_encoding(font)
        for child in run:
            if child.tag == _W + "tab":
                pieces.append(["", []])
            elif child.tag in (_W + "t", _W + "softHyphen"):
                text = child.text or "" if child.tag == _W + "t" else "\u00ad"
                if encoding:
                    encodings.add(encoding)
                    text = legacy.decode_tcvn3(text, legacy.capitals_font(font)) if encoding == "tcvn3" \
                        else legacy.decode_vni(text)
                pieces[-1][0] += text
                if text.strip():
                    pieces[-1][1].append(_bold(run))
            elif child.tag == _W + "br":
                pieces[-1][0] += " "
    return [(_clean(text), bool(bolds) and all(bolds)) for text, bolds in pieces if _clean(text)]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ").replace("\u00ad", "")
    return " ".join(text.replace("\u00a0", " ").split())


def _paragraph_row(paragraph, default_font, encodings) -> Row | None:
    pieces = _pieces(paragraph, default_font, encodings)
    if not pieces:
        return None
    n = len(pieces)
    return Row([Cell(text, i / n, (i + 1) / n, bold) for i, (text, bold) in enumerate(pieces)])


def _table_rows(table, default_font, encodings, number: int) -> list[Row]:
    """A table as rows: a cell's paragraphs are stacked, so row k of the table gives rows k…k+m,
    each marked with the table (`number`), its row and its columns, for the body's tables stay tables."""
    rows: list[Row] = []
    for k, tr in enumerate(table.iter(_W + "tr")):
        cells = list(tr.iter(_W + "tc"))
        columns = [[p for p in (_pieces(par, default_font, encodings) for par in tc.iter(_W + "p")) if p] for tc in cells]
        for line in range(max((len(c) for c in columns), default=0)):
            row = []
            for index, paragraphs in enumerate(columns):
                if line < len(paragraphs):
                    text = " ".join(t for t, _ in paragraphs[line])
                    row.append(Cell(text, index / len(columns), (index + 1) / len(columns),
                                    all(b for _, b in paragraphs[line])))
            if row:
                rows.append(Row(row, table=(number, k, len(columns))))
    return rows
