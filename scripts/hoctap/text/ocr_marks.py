"""Words a scan's OCR read with low confidence, marked in the full text for an editor to check.

`hoctap import` keeps every word Tesseract reads; each one below its confidence threshold is
written inside `<mark class="hoctap-ocr-nghi">…</mark>` in the page's Markdown, exactly as OCR read
it. The mark is part of the page's text, so it survives a re-import (the import writes it again)
and the editor's edits: an editor compares the word with the original, corrects it if need be and
removes the mark. Previews show each mark highlighted, titled with the words file's `ocr_nghi`;
a publish never shows one: a page that still holds a mark stays out of it, as an incomplete page
does (registry.gate_decision), so the verbatim text is never altered behind the editor's back.
"""

from __future__ import annotations

import html
import re

CLASS = "hoctap-ocr-nghi"
OPEN = f'<mark class="{CLASS}">'
CLOSE = "</mark>"
_MARKED = re.compile(re.escape(OPEN) + r"(.*?)" + re.escape(CLOSE), re.S)


def mark(markdown: str, words: set[str], escaped) -> str:
    """`markdown` (text as `escaped` writes it) with every whole occurrence of each of `words` marked."""
    if not words:
        return markdown
    forms = sorted({escaped(w) for w in words if w.strip()}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\\])(" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
    return pattern.sub(lambda m: OPEN + m[1] + CLOSE, markdown)


def left(page_text: str, full_texts: list[tuple[int, int]]) -> list[int]:
    """Where the marks still in a page's full texts (their spans: hoctap.text.toan_van_markers.regions)
    are, as offsets; a mark quoted elsewhere (the editors' guide shows one) is no OCR's doubt."""
    return [m.start() for start, end in full_texts for m in re.finditer(re.escape(OPEN), page_text[:end])
            if m.start() >= start]


def unmarked(text: str) -> str:
    """`text` without its marks, each word as OCR read it."""
    return _MARKED.sub(r"\1", text)


def titled(page_html: str, title: str) -> str:
    """The rendered marks with their title, what a preview shows on hover or a long press."""
    return page_html.replace(OPEN, f'<mark class="{CLASS}" title="{html.escape(title)}">')
