"""PDF with a text layer (pdfplumber, MIT): rows of cells from the characters' positions.

Words on one baseline make a row; a gap wider than three times the font size splits the row
into cells, which is how the header's two columns and the Nơi nhận and signature columns come
apart even where the text stream interleaves them. A PDF without text is a scan (`ocr.py`).
"""

from __future__ import annotations

import statistics
import unicodedata

from . import footnotes, legacy, limits
from .model import Cell, Extracted, ImportFailure, Row
from .rules import is_motto

_CELL_GAP = 3.0  # × font size
_MIN_TEXT_CHARS = 20  # fewer characters on every page: a scan, whatever its invisible layer holds


def open_pdf(path):
    """The PDF opened with pdfplumber; ImportFailure for an encrypted or broken file."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # noqa: B018 — parsing the page tree is where a broken file fails
    except PdfminerException as error:
        cause = error.args[0] if error.args else None
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(error).lower():
            raise ImportFailure(f"{path.name}: the PDF is encrypted with a password; "
                                "save an unprotected copy (print to PDF) and import that") from None
        raise ImportFailure(f"{path.name}: not a readable PDF ({cause.__class__.__name__ if cause else error})") from None
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        raise ImportFailure(f"{path.name}: not a readable PDF ({error.__class__.__name__})") from None
    return pdf


def has_text(pdf) -> bool:
    for page in pdf.pages:
        found = len(page.chars) >= _MIN_TEXT_CHARS
        page.close()
        if found:
            return True
    return False


def extract(path, max_pages: int = limits.MAX_PAGES, progress=None) -> Extracted:
    """The PDF's rows; a PDF with no text is a scan, read by OCR with `progress` told each page (hoctap.importing.ocr)."""
    with open_pdf(path) as pdf:
        limits.check_pages(path, len(pdf.pages), max_pages)
        if not has_text(pdf):
            from . import ocr

            return ocr.extract_pdf(path, [(page.width, page.height) for page in pdf.pages], progress)
        rows: list[Row] = []
        encodings: set[str] = set()
        for number, page in enumerate(pdf.pages, 1):
            rows += _page_rows(page, number, encodings)
            page.close()  # pdfplumber keeps each page's objects until closed: memory grows with the pages
    ma_goc = "tcvn3" if "tcvn3" in encodings else "vni" if "vni" in encodings else "unicode"
    return Extracted(rows, ma_goc, positioned=True)


def _page_rows(page, number: int, encodings: set[str]) -> list[Row]:
    words = page.extract_words(x_tolerance=_word_gap(page), y_tolerance=2, keep_blank_chars=False,
                               extra_attrs=["fontname", "size"])
    tables = _tables(page, words, number, encodings)
    words = [w for w in words if not any(_inside(w, box) for box, _ in tables)]
    if not words:
        return [row for _, rows in tables for row in rows]
    body = footnotes.body_size(words)
    words = footnotes.mark_words(words, body)
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= 0.4 * min(word["size"], lines[-1][0]["size"]):
            lines[-1].append(word)
        else:
            lines.append([word])
    gaps = [b[0]["top"] - a[0]["bottom"] for a, b in zip(lines, lines[1:])]
    usual_gap = statistics.median(gaps) if gaps else 0
    rows = []
    feet = footnotes.foot_lines(lines, body)
    for i, line in enumerate(lines):
        line.sort(key=lambda w: w["x0"])
        cells, current = [], [line[0]]
        for word in line[1:]:
            if word["x0"] - current[-1]["x1"] > _CELL_GAP * word["size"]:
                cells.append(_cell(current, page.width, encodings))
                current = [word]
            else:
                current.append(word)
        cells.append(_cell(current, page.width, encodings))
        blank = i > 0 and gaps[i - 1] > max(usual_gap * 1.8, usual_gap + 4)
        rows.append(Row(cells, number, line[0]["top"] / page.height, blank, foot=feet.get(i)))
    return sorted(rows + [row for _, table in tables for row in table], key=lambda r: r.top)


def _word_gap(page) -> float:
    """How far apart two letters of one word may stand. A page that types its spaces (most do) is cut
    at them and at wide gaps only, so letter-spaced or justified type keeps `NĐ-CP` and `văn thư.`
    whole; a page without space characters is cut at any gap wider than a letter's spacing."""
    chars = page.chars
    if chars and sum(c["text"] == " " for c in chars) * 20 >= len(chars):
        return 0.35 * statistics.median(c["size"] for c in chars)
    return 1.5


def _inside(word: dict, box: tuple) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _tables(page, words: list[dict], number: int, encodings: set[str]) -> list[tuple[tuple, list[Row]]]:
    """The page's ruled tables of two or more rows and columns (pdfplumber finds them by their
    lines), each as its box and its rows, a cell's words in reading order. A table that holds the
    header's motto or the Nơi nhận is the layout of the page, not a table of the text."""
    found = []
    for k, table in enumerate(page.find_tables()):
        grid = [row.cells for row in table.rows]
        if len(grid) < 2 or max(len(r) for r in grid) < 2:
            continue
        rows = []
        for r, cells in enumerate(grid):
            placed = []
            for c, box in enumerate(cells):
                inside = sorted((w for w in words if box and _inside(w, box)), key=lambda w: (round(w["top"]), w["x0"]))
                if inside:
                    cell = _cell(inside, page.width, encodings)
                    placed.append(Cell(cell.text, c / len(cells), (c + 1) / len(cells), cell.bold))
            if placed:
                rows.append(Row(placed, number, table.rows[r].bbox[1] / page.height, table=(number * 1000 + k, r, len(cells))))
        text = " ".join(c.text for row in rows for c in row.cells)
        if rows and "Nơi nhận" not in text and not any(is_motto(c.text) for row in rows for c in row.cells):
            found.append((table.bbox, rows))
    return found


def _cell(words: list[dict], width: float, encodings: set[str]) -> Cell:
    parts = []
    placed = []
    for word in words:
        text, font = word["text"], word.get("fontname") or ""
        family = font.split("+")[-1]
        encoding = legacy.font_encoding(family)
        if encoding:
            encodings.add(encoding)
            text = legacy.decode_tcvn3(text, legacy.capitals_font(family.split(",")[0].split("-")[0])) \
                if encoding == "tcvn3" else legacy.decode_vni(text)
        parts.append(text)
        placed.append((text, word["x0"] / width, word["x1"] / width))
    text = unicodedata.normalize("NFC", " ".join(parts)).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    bold = sum("bold" in (w.get("fontname") or "").lower() for w in words) * 2 > len(words)
    return Cell(" ".join(text.split()), words[0]["x0"] / width, words[-1]["x1"] / width, bold, tuple(placed))
