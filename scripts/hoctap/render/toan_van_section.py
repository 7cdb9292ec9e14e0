"""An official text's full text (toàn văn) on the site: a section of its own, readable on a phone.

`hoctap import` writes the text between two markers (hoctap.text.toan_van_markers). In the rendered page that
region becomes a `<section>` that carries the copy-link action's labels (overrides/assets/
javascripts/toan-van.js adds a "Chép liên kết" button to every Điều, mục, khoản and điểm); under
its heading come the "Chưa soát" mark while `chua_soat: true`, the download of the original
("Văn bản gốc", type and size) and a collapsible outline of its headings, from the page's own table
of contents. The outline goes in after the search sections are taken (`put_outline`), so search
finds each heading once, in its own section.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..text import ocr_marks
from ..text.toan_van_markers import BEGIN, END, HEADING_ID
from .labels import labels

ORIGINALS_DIR = "van-ban-goc"
"""Where the built site keeps the originals, beside the pages (only those of pages it publishes)."""
OUTLINE_SLOT = "<!--hoctap:muc-luc-toan-van-->"
SECTION_CLASS = "ht-toan-van"

_KINDS = {".pdf": "PDF", ".docx": "Word", ".doc": "Word", ".html": "HTML", ".htm": "HTML", ".txt": "TXT",
          ".png": "PNG", ".jpg": "JPG", ".jpeg": "JPG"}
_MIME = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".doc": "application/msword", ".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
         ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_HEADING_END = re.compile(rf'<h2\b[^>]*\bid="{HEADING_ID}"[^>]*>.*?</h2>', re.S)


@dataclass(frozen=True)
class Original:
    """The original file of a page's full text, in the sources folder."""

    path: Path

    @property
    def href_in_site(self) -> str:
        return f"{ORIGINALS_DIR}/{self.path.name}"

    def kind_and_size(self, lang: str) -> str:
        """`PDF, 184 KB`: what a reader needs before downloading on a phone."""
        size = self.path.stat().st_size
        if size >= 1024 * 1024:
            amount = f"{size / 1024 / 1024:.1f}".replace(".", "," if lang == "vi" else ".") + " MB"
        else:
            amount = f"{max(1, round(size / 1024))} KB"
        return f"{_KINDS.get(self.path.suffix.lower(), self.path.suffix.lstrip('.').upper())}, {amount}"


def has_full_text(page_text: str) -> bool:
    return BEGIN in page_text and END in page_text


def original_of(meta: dict, source_dir: Path) -> Original | None:
    name = meta.get("toan_van")
    path = source_dir / str(name) if name else None
    return Original(path) if path is not None and path.is_file() else None


def section(page_html: str, meta: dict, original: Original | None, page_url: str, lang: str) -> str:
    """The page with its full text wrapped in a section, its heading followed by the mark, the download
    and the outline's slot; a page without the markers as it was."""
    start, end = page_html.find(BEGIN), page_html.find(END)
    if start == -1 or end < start:
        return page_html
    t = labels(lang, "toan_van")
    inner = page_html[start + len(BEGIN):end]
    heading = _HEADING_END.search(inner)
    after = heading.end() if heading else 0
    extra = _unreviewed(meta, t) + _download(original, page_url, t, lang) + OUTLINE_SLOT
    inner = ocr_marks.titled(inner[:after] + "\n" + extra + inner[after:], t["ocr_nghi"])
    opening = (f'<section class="{SECTION_CLASS}" aria-labelledby="{HEADING_ID}" data-ht-copy="{html.escape(t["copy_link"])}" '
               f'data-ht-copied="{html.escape(t["copied_link"])}" data-ht-copy-failed="{html.escape(t["copy_failed"])}">')
    return page_html[:start] + opening + inner + "</section>" + page_html[end + len(END):]


def put_outline(page_html: str, toc, lang: str) -> str:
    """The outline of the full text's headings (the toc's children of "Toàn văn"), collapsed, in its slot."""
    if OUTLINE_SLOT not in page_html:
        return page_html
    entry = next((item for item in _walk(toc) if item.id == HEADING_ID), None)
    if entry is None or not entry.children:
        return page_html.replace(OUTLINE_SLOT, "", 1)
    t = labels(lang, "toan_van")
    outline = (f'<nav class="ht-outline" aria-label="{html.escape(t["outline"])}"><details>'
               f'<summary>{html.escape(t["outline"])}</summary>{_list(entry.children)}</details></nav>')
    return page_html.replace(OUTLINE_SLOT, outline, 1)


def _list(items) -> str:
    return "<ul>" + "".join(f'<li><a href="#{html.escape(item.id)}">{item.title}</a>'
                            f'{_list(item.children) if item.children else ""}</li>' for item in items) + "</ul>"


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def _unreviewed(meta: dict, t: dict) -> str:
    if not meta.get("chua_soat"):
        return ""
    how = t.get(f"read_from_{meta.get('ma_goc')}", t["read_from_other"])
    return (f'<div class="admonition warning ht-chua-soat"><p class="admonition-title">{html.escape(t["unreviewed_title"])}</p>'
            f'<p>{html.escape(t["unreviewed"].format(how=how))}</p></div>\n')


def _download(original: Original | None, page_url: str, t: dict, lang: str) -> str:
    if original is None:
        return ""
    href = posixpath.relpath(original.href_in_site, posixpath.dirname(page_url) or ".")
    mime = _MIME.get(original.path.suffix.lower(), "application/octet-stream")
    return (f'<p class="ht-van-ban-goc ht-no-pdf"><a href="{html.escape(href)}" download type="{mime}">'
            f'{html.escape(t["original"])}</a> ({html.escape(original.kind_and_size(lang))})</p>\n')
