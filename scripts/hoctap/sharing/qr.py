"""QR codes of the site's addresses (segno): vector SVG for print, PNG for slide decks.

Error correction `M` (15 %): a printed handout survives a fold or a thumb, and the code stays small
enough to scan from the back of a hall when printed large (the poster).
"""

from __future__ import annotations

import html
import io


def svg(url: str, *, title: str = "") -> str:
    """An inline `<svg>` that scales to its box (no fixed size: the stylesheet gives it one)."""
    import segno  # here: a build without a site URL (every preview) draws no code

    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, title=title or None, svgclass="ht-qr__code",
                           lineclass=None, dark="#000", light="#fff")


def png(url: str, *, scale: int = 12) -> bytes:
    """A PNG for tools without SVG (python-pptx pictures)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def figure(url: str, caption: str) -> str:
    """The code with what it opens, in words and as the address, for a printed page."""
    e = lambda text: html.escape(text, quote=True)
    return (f'<figure class="ht-qr">{svg(url, title=caption)}'
            f'<figcaption>{e(caption)}<span class="ht-qr__url">{e(url)}</span></figcaption></figure>')
