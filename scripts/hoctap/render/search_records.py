"""Our search inside the build: Material's search box stays, its index is left empty
(`leave_material_index_empty`); each page's sections become our records (kept for the next build:
`kept_of_page`), written per language by `hoctap.search`, and copied where Material reads the index
under file://."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .. import search
from ..text.pages import DEFAULT_LANG
from .kept import Kept, code_of


def leave_material_index_empty(config: MkDocsConfig):
    """Material's index is left empty (its search box stays, fed by our worker and index): its page
    event, which adds each page to it (one HTML parse of every page) and strips `data-search-*`
    attributes the sanitiser removes anyway, is taken off the build; Material writes its index with
    no page in it."""
    material = config.plugins.get("material/search") or config.plugins.get("search")
    if material is not None:
        page_events = config.plugins.events["page_context"]
        page_events[:] = [event for event in page_events if getattr(event, "__self__", None) is not material]


def of_page(page: Page, document, lang: str) -> list[search.Record]:
    """The page's search records, none where its front matter says `search: exclude`."""
    options = page.meta.get("search") or {}
    if options.get("exclude"):
        return []
    named = (document.so_ky_hieu, document.loai) if document is not None and document.so_ky_hieu else None
    found = search.sections(page.content, page.url, str(page.meta.get("title", page.title)))
    # A document's result names it as a member asks for it: "Chương trình hành động số 03/CTr-MTTQ-UB — …"
    if named and lang == DEFAULT_LANG and document.loai:
        for section in found:
            if section["location"] == page.url:
                section["title"] = f"{document.loai} số {page.meta['title']}"
    return [search.record(section, named, options.get("boost")) for section in found]


CODE = code_of(Path(__file__), *sorted(Path(search.__file__).parent.glob("*.py")),
               versions=f"{sys.version} {unicodedata.unidata_version}")
"""What makes a page's records besides the page: the code that indexes it, its Python and Unicode versions."""


def kept_of_page(kept: Kept, page: Page, document, lang: str) -> list[search.Record]:
    """`of_page`, taken from the last build (render.kept) when the page's HTML, address, title, options and
    document and the language are the same: an unchanged page is not indexed again (a third of a second at
    1,000 documents), an edited one is."""
    named = (document.so_ky_hieu, document.loai) if document is not None else None
    made_of = repr((page.url, str(page.meta.get("title", page.title)), repr(page.meta.get("search")), named, lang))
    records = kept.made(made_of + (page.content or ""), lambda: tuple(tuple(found) for found in of_page(page, document, lang)))
    return [search.Record(*found) for found in records]


def write_file_index(site_dir: Path):
    """Under file:// Material reads its (now empty) index from search/search_index.js: write it,
    as Material's offline plugin did (dropped: it also fetched a worker shim from unpkg)."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
