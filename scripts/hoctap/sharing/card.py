"""The preview image a link shows in Zalo or Facebook: 1200×630 PNG, drawn at build time with Pillow.

Why not Material's social plugin: it fetches its fonts from Google Fonts on first use (its only
offline path is fonts copied by hand into its cache, undocumented) and needs CairoSVG and Cairo on
top. Pillow is already here (WeasyPrint's dependency) and draws with Debian's DejaVu, which has every
Vietnamese letter precomposed: nothing is fetched, the text is exactly the page's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
"""The size Facebook and Zalo show without cropping (1.91:1)."""
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
"""Debian's fonts-dejavu-core (Makefile), the same font the PDF embeds."""
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
RED, INK, GREY, PAPER = "#b71c1c", "#1a1a1a", "#555555", "#ffffff"
MARGIN = 72


@dataclass(frozen=True)
class Card:
    """What one image says: a top line (the federation), a large heading, the text under it, a footer."""

    federation: str
    heading: str
    text: str
    footer: str


class FontMissing(Exception):
    """DejaVu is not installed; the message says how to install it."""


def font_path(name: str) -> Path:
    path = FONT_DIR / name
    if not path.is_file():
        raise FontMissing(f"{path}: the DejaVu font is missing; run `make setup` (Debian's fonts-dejavu-core)")
    return path


def draw(card: Card, out: Path) -> Path:
    """Write the card as a PNG; long text gets a smaller size rather than being cut."""
    from PIL import Image, ImageDraw, ImageFont  # imported here: only a build with a site URL draws cards

    font = lambda name, size: ImageFont.truetype(str(font_path(name)), size)
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 24, HEIGHT), fill=RED)
    width = WIDTH - MARGIN - 48
    y = 56
    pen.text((MARGIN, y), card.federation.upper(), font=font(BOLD, 28), fill=RED)
    y += 64
    heading_font, heading_lines = _fit(pen, card.heading, lambda s: font(BOLD, s), width, (76, 64, 52), max_lines=2)
    for line in heading_lines:
        pen.text((MARGIN, y), line, font=heading_font, fill=INK)
        y += int(heading_font.size * 1.2)
    y += 16
    footer_top = HEIGHT - 56 - 30
    room = footer_top - 24 - y
    for size in (44, 40, 36, 32, 28, 24):
        text_font = font(REGULAR, size)
        lines = _wrap(pen, card.text, text_font, width)
        if len(lines) * size * 1.3 <= room:
            break
    for line in lines:
        pen.text((MARGIN, y), line, font=text_font, fill=INK)
        y += int(text_font.size * 1.3)
    pen.line((MARGIN, footer_top - 16, WIDTH - MARGIN, footer_top - 16), fill="#dddddd", width=2)
    pen.text((MARGIN, footer_top), card.footer, font=font(REGULAR, 26), fill=GREY)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out, "PNG")
    return out


def _fit(pen, text: str, font_of, width: int, sizes: tuple[int, ...], max_lines: int):
    for size in sizes:
        lines = _wrap(pen, text, font_of(size), width)
        if len(lines) <= max_lines:
            break
    return font_of(size), lines


def _wrap(pen, text: str, font, width: int) -> list[str]:
    """Words onto lines no wider than `width`; a word is never split."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and pen.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines
