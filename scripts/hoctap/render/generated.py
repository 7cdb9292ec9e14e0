"""What the plugin generates around the editors' pages: the catalogue (its table and its place in
the navigation), the glossary, the finding codes, each language's 404 page, and the originals of
the full texts."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..registry.documents import Registry
from ..text.pages import DEFAULT_LANG, PAGE_KINDS
from . import blocks, toan_van_section as toan_van
from .titles import Values

CATALOGUE_SLOT = "<!--hoctap:danh-muc-->"
"""Placeholder that `put_catalogue` replaces with the catalogue table, after Markdown."""


def markdown(text: str, kind: str | None, lang: str, abbreviations: list[tuple[str, str]]) -> str:
    """A generated page's Markdown (`hoctap: danh-muc`, `thuat-ngu`), and the finding codes wherever asked for."""
    if kind == PAGE_KINDS.danh_muc:
        text += "\n\n" + CATALOGUE_SLOT + "\n"
    elif kind == PAGE_KINDS.thuat_ngu:
        text += "\n\n" + blocks.glossary(abbreviations, lang)
    if blocks.CODES_SLOT in text:
        text = text.replace(blocks.CODES_SLOT, blocks.finding_codes(lang), 1)
    return text


def put_catalogue(html: str, registry: Registry, values: Values, href: Callable, hreflang: Callable,
                  abbreviations: list[tuple[str, str]], theme_dir: Path) -> tuple[str, str]:
    """The catalogue table in its place (raw HTML, after Markdown: its links are this build's); and the table."""
    table = blocks.catalogue(registry, values, href, abbreviations, theme_dir, hreflang)
    return html.replace(CATALOGUE_SLOT, table), table


def list_documents(nav: Navigation, registry: Registry, file_of: Callable[[str], File | None], listed_max: int):
    """The document pages under the catalogue's section, in reading order (up to `listed_max`: beyond
    it the navigation lists only the catalogue page). A document already in the nav (the plan has its
    own entry) is not listed twice."""
    section = _section_of(nav, "van-ban/index.md")
    if section is None:
        return nav
    listed = {id(page) for page in _pages_of(nav.items)}
    documents = registry.catalogue()
    for document in documents:
        file = file_of(document.page.path.as_posix())
        if file is None or file.page is None or id(file.page) in listed:
            continue
        file.page.parent = section
        if len(documents) <= listed_max:
            section.children.append(file.page)
    nav.pages = _pages_of(nav.items)
    for i, page in enumerate(nav.pages):
        page.previous_page = nav.pages[i - 1] if i else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav


def page_of_language(name: str, output: str, site_dir: Path, lang: str) -> str:
    """Each language its own theme page (404.html, the offline page): the Vietnamese one at the root
    (returned), the others written in their folder (en/404.html); MkDocs would write every language's
    to the root, each over the last."""
    if lang == DEFAULT_LANG:
        return output
    path = site_dir / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output, encoding="utf-8")
    return ""


def copy_originals(registry: Registry, source_dir: Path, site_dir: Path):
    """The originals of the full texts this build publishes ("Văn bản gốc"): the gate has already
    taken the left-out pages out of the registry, so their originals never reach the site."""
    for document in registry.documents:
        original = toan_van.original_of(document.page.meta, source_dir)
        if original is not None and toan_van.has_full_text(document.page.text):
            target = site_dir / original.href_in_site
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original.path, target)


def _section_of(nav: Navigation, src_uri: str) -> Section | None:
    for item in _walk(nav.items):
        if isinstance(item, Section) and any(
            isinstance(child, Page) and child.file.src_uri.split(".")[0] == src_uri.split(".")[0]
            for child in item.children
        ):
            return item
    return None


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _pages_of(items) -> list[Page]:
    return [item for item in _walk(items) if isinstance(item, Page)]
