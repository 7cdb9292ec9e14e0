"""Scans: Tesseract with Debian's Vietnamese model (pytesseract); a scanned PDF is first rasterised
with pdftoppm (poppler-utils). Words keep their positions, so the header's columns and the
signature block come apart as in a text PDF. Text read this way is marked `ocr`: unreviewed.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from . import footnotes, limits
from .model import Cell, Extracted, ImportFailure, Row
from .rules import rejoin_fixed

LANGUAGE = "vie"
DPI = 300
_NOISE = 30  # below this, a "word" of no letter or digit is a speck of dust, not text
DOUBT = 60  # below this a word stays in the text but no header field is made of it (Tesseract's 0–100)

Progress = Callable[[int, int], None]
"""Told (n, N) as OCR starts on page n of a scan of N pages: OCR takes seconds a page, so `hoctap import`
prints it and the desk shows it on the import screen."""
_CELL_GAP = 3.0  # × the line's height
_BLANK_CONTRAST = 32  # a page whose darkest grey is this close to its lightest holds no print


def _tesseract():
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        raise ImportFailure("reading a scan needs Tesseract (Debian packages tesseract-ocr tesseract-ocr-vie; "
                            "`make` installs them)") from None
    if LANGUAGE not in languages:
        raise ImportFailure("reading a scan needs Tesseract's Vietnamese model (Debian package tesseract-ocr-vie)")
    return pytesseract


def extract_image(path: Path, progress: Progress | None = None) -> Extracted:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = limits.MAX_PIXELS  # Pillow's decompression-bomb guard, at our limit
    try:
        with Image.open(path) as image:
            limits.check_pixels(path, *image.size)
            image.load()
            if progress:
                progress(1, 1)
            rows = _image_rows(image.convert("L"), 1)
    except Image.DecompressionBombError:  # Pillow's own guard, at twice the limit, before the size is known to us
        raise ImportFailure(f"{path.name}: more than twice the {limits.MAX_PIXELS / 1e6:.0f} million pixels OCR reads, "
                            "as a decompression bomb has; scan it again at 300 dpi") from None
    except (UnidentifiedImageError, OSError, ValueError) as error:
        # ValueError: a text chunk past Pillow's limit (MAX_TEXT_CHUNK), a broken header
        raise ImportFailure(f"{path.name}: not a readable image ({error.__class__.__name__}: {error})") from None
    return _result(rows, path)


def extract_pdf(path: Path, sizes: list[tuple[float, float]], progress: Progress | None = None) -> Extracted:
    """A scanned PDF, page by page (`sizes` in points); the editor sees which page is being read."""
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        raise ImportFailure("reading a scanned PDF needs pdftoppm (Debian package poppler-utils)")
    for number, (width, height) in enumerate(sizes, 1):
        limits.check_pixels(path, round(width * DPI / 72), round(height * DPI / 72), f"page {number} at {DPI} dpi is ")
    Image.MAX_IMAGE_PIXELS = limits.MAX_PIXELS
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(1, len(sizes) + 1):
            if progress:
                progress(number, len(sizes))
            out = Path(tmp) / f"p{number}"
            subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(number), "-l", str(number),
                            "-singlefile", str(path), str(out)], check=True, capture_output=True, timeout=300)
            with Image.open(out.with_suffix(".png")) as image:
                rows += _image_rows(image.convert("L"), number)
            out.with_suffix(".png").unlink()
    return _result(rows, path)


def _result(rows: list[Row], path: Path) -> Extracted:
    if not rows:
        raise ImportFailure(f"{path.name}: no text could be read in the image; scan it again at 300 dpi or more")
    doubtful = list(dict.fromkeys(w for row in rows for cell in row.cells for w in cell.doubtful))
    warnings = [f"ocr: {len(doubtful)} word(s) read with low confidence, kept in the text and marked for checking: "
                + ", ".join(f"`{w}`" for w in doubtful[:12]) + ("…" if len(doubtful) > 12 else "")
                + "; compare them with the original and remove each mark (the page stays out of a publish until then)"] if doubtful else []
    split = []
    for row in rows:
        for i, cell in enumerate(row.cells):
            text, words = rejoin_fixed(cell.text)
            row.cells[i] = dataclasses.replace(cell, text=text)
            split += words
    if split:
        warnings.append("ocr: a space put back in a fixed phrase of the header (" + ", ".join(
            f"`{w}`" for w in dict.fromkeys(split)) + "): OCR had joined its words")
    return Extracted(rows, "ocr", positioned=True, warnings=warnings)


def _image_rows(image, page: int) -> list[Row]:
    low, high = image.getextrema()
    if high - low < _BLANK_CONTRAST:
        return []  # a blank page: nothing for Tesseract to find, and it would take a second to say so
    pytesseract = _tesseract()
    data = pytesseract.image_to_data(image, lang=LANGUAGE, config="--psm 3", output_type=pytesseract.Output.DICT)
    width, height = image.size
    lines: dict[tuple, list[dict]] = {}
    for i, text in enumerate(data["text"]):
        if not text.strip():
            continue
        confidence = float(data["conf"][i])
        if confidence < _NOISE and not any(ch.isalnum() for ch in text):
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append({k: data[k][i] for k in ("left", "top", "width", "height")}
                                         | {"text": text, "conf": confidence, "line": key})
    rows = []
    placed = [w | {"x0": w["left"], "x1": w["left"] + w["width"], "bottom": w["top"] + w["height"], "size": w["height"]}
              for ws in lines.values() for w in ws]
    body = footnotes.body_size(placed)
    kept = {id(w) for w in footnotes.mark_words(placed, body, spaced=True)}
    ordered = [[w for w in placed if w["line"] == key and id(w) in kept] for key in lines]
    ordered = sorted((ws for ws in ordered if ws), key=lambda ws: (min(w["top"] for w in ws), min(w["left"] for w in ws)))
    feet = footnotes.foot_lines(ordered, body)
    for index, words in enumerate(ordered):
        words.sort(key=lambda w: w["left"])
        size = max(w["height"] for w in words)
        cells, current = [], [words[0]]
        for word in words[1:]:
            if word["left"] - (current[-1]["left"] + current[-1]["width"]) > _CELL_GAP * size:
                cells.append(_cell(current, width))
                current = [word]
            else:
                current.append(word)
        cells.append(_cell(current, width))
        rows.append(Row(cells, page, min(w["top"] for w in words) / height, foot=feet.get(index)))
    return _merge_baselines(rows)


def _cell(words: list[dict], width: int) -> Cell:
    def norm(text: str) -> str:
        return unicodedata.normalize("NFC", text).replace("\u00d0", "Đ")

    doubtful = tuple(norm(w["text"]) for w in words if w["conf"] < DOUBT)
    placed = tuple((norm(w["text"]), w["left"] / width, (w["left"] + w["width"]) / width) for w in words)
    return Cell(norm(" ".join(w["text"] for w in words)), words[0]["left"] / width,
                (words[-1]["left"] + words[-1]["width"]) / width, words=placed, doubtful=doubtful)


def _merge_baselines(rows: list[Row]) -> list[Row]:
    """Lines Tesseract put in different blocks but on one baseline (the two header columns) share a row."""
    merged: list[Row] = []
    for row in rows:
        if merged and merged[-1].page == row.page and abs(merged[-1].top - row.top) < 0.006 \
                and row.x0 > merged[-1].x1:
            merged[-1].cells += row.cells
        else:
            merged.append(row)
    return merged
