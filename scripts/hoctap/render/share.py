"""Link previews: what Zalo and Facebook show for a shared link (Open Graph and Twitter tags,
overrides/partials/hoctap-share.html), and the preview images the tags point to.

The title names the subject (the plugin passes `render.titles.title`), the description is the page's own first
paragraph, the image is drawn from the front matter. The address and the image need the site's
absolute URL: without `site_url` those tags are left out and no image is drawn.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

from ..content.page import Document
from ..sharing import card as cards
from ..sharing.links import FEDERATION, absolute, site_root, subject
from .labels import format_date

LOCALES = {"vi": "vi_VN", "en": "en_US"}
IMAGE_DIR = "assets/social"
DESCRIPTION_MAX = 300
"""Characters: Facebook shows about two lines of it; a longer paragraph ends at a word, with "…"."""

_SKIPPED = re.compile(r'<(div|details|aside|figure|table|nav)\b[^>]*>.*?</\1>', re.S)
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def description(content: str, fallback: str) -> str:
    """The page's first paragraph of prose, outside notices, tables and figures, as plain text."""
    for match in _PARAGRAPH.finditer(_SKIPPED.sub("", content.partition("</h1>")[2] or content)):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if text:
            return _shorten(text)
    return _shorten(fallback)


def _shorten(text: str) -> str:
    if len(text) <= DESCRIPTION_MAX:
        return text
    return text[:DESCRIPTION_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def image_path(document: Document | None, lang: str) -> str:
    """Site-relative path of a page's image: its document's card, or the site's card in its language."""
    return f"{IMAGE_DIR}/{document.page.stem}.png" if document else f"{IMAGE_DIR}/trang-web.{lang}.png"


class Previews:
    """One build's previews: the tags of each page, and the images those tags name, drawn at the end."""

    def __init__(self, site_url: str | None, site_name: str, site_description: str):
        self.root = site_root(site_url)
        self.site_name, self.site_description = site_name, site_description
        self.cards: dict[str, cards.Card] = {}

    def tags(self, *, title: str, content: str, url: str, document: Document | None, lang: str,
             homepage: bool) -> SimpleNamespace:
        """The values overrides/partials/hoctap-share.html prints (escaped there); `title` is the page's,
        for a document its symbol and subject."""
        shown = self.site_name if homepage and document is None else title
        image = None
        if self.root:
            path = image_path(document, lang)
            self.cards.setdefault(path, self._card(document, lang))
            image = absolute(self.root, path)
        return SimpleNamespace(
            title=shown,
            description=description(content, self.site_description),
            url=absolute(self.root, url),
            image=image, image_width=cards.WIDTH, image_height=cards.HEIGHT,
            locale=LOCALES.get(lang, "vi_VN"),
            type="article" if document else "website",
        )

    def _card(self, document: Document | None, lang: str) -> cards.Card:
        address = self.root.split("://", 1)[1].rstrip("/")
        if document is None:
            return cards.Card(FEDERATION, self.site_name, self.site_description, address)
        footer = " · ".join(p for p in (document.loai, format_date(document.ngay_ban_hanh, lang) if document.ngay_ban_hanh else "",
                                        document.co_quan_ban_hanh) if p)
        return cards.Card(FEDERATION, document.so_ky_hieu or document.loai, subject(document), footer)

    def draw(self, site_dir: Path) -> int:
        """Draw the images this build's pages named; returns how many."""
        for path, card in self.cards.items():
            cards.draw(card, Path(site_dir) / path)
        return len(self.cards)
