"""The full text (toàn văn) of an official document inside its page: the two markers `hoctap import`
writes around it, and where in a page's text they are.

What lies between them is the document as issued, kept verbatim: the checks report its slips
as warnings and `hoctap check --fix` leaves it alone; the site gives it an outline and deep links.
"""

from __future__ import annotations

from .markdown_escape import unescape

BEGIN = "<!-- hoctap import: toàn văn, thay mỗi lần nhập lại; sửa bên ngoài hai dấu này -->"
END = "<!-- hoctap import: hết toàn văn -->"
HEADING_ID = "toan-van"
"""The id of the "Toàn văn" heading the import writes (`## Toàn văn {#toan-van}`)."""


def regions(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each full text in `text`, markers included; an unclosed one runs to the end."""
    found, at = [], 0
    while (start := text.find(BEGIN, at)) != -1:
        end = text.find(END, start)
        end = len(text) if end == -1 else end + len(END)
        found.append((start, end))
        at = end
    return found


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def printed(text: str) -> str | None:
    """The page's full texts as printed (markup escapes undone), one after the other; None when it holds none."""
    spans = regions(text)
    return "\n".join(unescape(text[start:end]) for start, end in spans) if spans else None
