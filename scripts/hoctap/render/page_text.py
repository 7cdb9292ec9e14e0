"""A page's text on its way through the build: read as the registry read it, its heading and the
card's place written into a document page's Markdown."""

from __future__ import annotations

import re

from ..content import page as content
from . import blocks

CARD_SLOT = "<!--hoctap:the-van-ban-->"
"""Placeholder that overrides/main.html replaces with the document card: after the page's own text,
whose first screen is the subject and the focus; the card is folded away below them."""
_H1 = re.compile(r"^#[ \t]+(?P<text>.*?)[ \t]*(?P<attrs>\{[^}\n]*\})?[ \t]*$", re.M)


def source_text(source: content.Page) -> str:
    """The text that was checked, as the registry read it (reading each page again cost a file open
    per page), line endings as MkDocs reads them (text mode); the body only, its front matter being
    the registry's already: MkDocs parsing the YAML again cost 0.1 ms a page. The blank line first
    keeps MkDocs from reading a first line such as `Note: …` as metadata."""
    text = "\n" + source.body if source.meta else source.text
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def with_card(markdown: str, document, title: str | None, lang: str) -> str:
    """A document page: its heading the document's title (in Vietnamese, `title`), the card's place
    after the text, and a note where the official text is still awaited."""
    if title is not None:
        markdown = _titled(markdown, title)
    markdown += "\n\n" + CARD_SLOT + "\n"
    # The document's `toan_van`, as the Vietnamese page gives it: a translation has no front matter of its own
    if not document.page.meta.get("toan_van"):
        markdown += blocks.awaiting_official_text(lang)
    return markdown


def _titled(markdown: str, text: str) -> str:
    """The page's first-level heading says the document's title (render.titles), whatever the editor wrote."""
    found = _H1.search(markdown)
    if found is None:
        return f"# {text}\n\n{markdown}"
    attrs = f" {found['attrs']}" if found["attrs"] else ""
    return markdown[:found.start()] + f"# {text}{attrs}" + markdown[found.end():]
