"""The publication gate: which pages a build leaves out, and why.

Four rules, from the pages' front matter:

- a page marked `chi_xem_truoc: true` (preview only: the editors' guide, with its commands and
  finding codes) is in editors' previews only, never in a publish or a bundle, whatever the options;
- a page whose `trang_thai` is `du-thao` (draft; for a document page, anything not `da-duyet`)
  is left out unless drafts are allowed — editors' previews allow them, a publish does not;
- a page marked `noi_bo: true` (internal only) is left out of a `public` build;
- a document page with a required field empty (`hoctap import` could not read it) is in previews,
  its gaps listed as warnings, and never in a publish or a bundle until an editor has filled them;
  so is a page whose full text still marks words a scan's OCR doubted (hoctap.text.ocr_marks).

A page is decided once for all its languages: `ten.en.md` goes wherever `ten.md` goes, and a
mark on either version counts. What is left out is absent everywhere: its files are removed
before the site is assembled, the registry the plugin renders from no longer holds it (so the
catalogue, the cards and the map do not name it), the navigation no longer lists it, and links
to it in other pages become plain text.

This module decides; `render/gate_removal.py` applies the decision inside a MkDocs build, and
`publish/` checks the built site against it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..content.front_matter import gaps, is_document
from ..content.page import Page
from ..text import ocr_marks
from ..text.toan_van_markers import regions
from ..text.pages import DEFAULT_LANG
from .documents import Registry

PROFILES = ("intranet", "public")


@dataclass(frozen=True)
class LeftOut:
    """A page the build leaves out: its name without language suffix, and the reason."""

    stem: str  # `van-ban/15-ctr-tu`
    reason: str

    def format(self) -> str:
        return f"left out {self.stem}.md: {self.reason}"


def stem_of(src_uri: str) -> str:
    """`van-ban/15-ctr-tu.en.md` → `van-ban/15-ctr-tu`: the page's name in every language."""
    folder, name = posixpath.split(src_uri)
    return posixpath.join(folder, name.split(".")[0])


def decide(registry: Registry, *, drafts: bool, profile: str, preview: bool = True) -> list[LeftOut]:
    """Every page the gate leaves out, in path order, with the first reason that applies."""
    marks: dict[str, list[str]] = {}
    for page in registry.pages:
        reasons = marks.setdefault(page.stem, [])
        if not preview and page.front_matter.chi_xem_truoc:
            reasons.append("preview only (`chi_xem_truoc: true`): editors' pages are never published")
        if not drafts and _is_draft(page):
            reasons.append("draft (`trang_thai: du-thao`); publish it with --allow-draft, "
                           "or approve it (`trang_thai: da-duyet`)")
        if not preview and is_document(page) and page.lang == DEFAULT_LANG and gaps(page):
            reasons.append("incomplete: " + ", ".join(f"`{key}`" for key in gaps(page)) + " empty (the import "
                           "could not read it); fill it in from the original")
        doubts = ocr_marks.left(page.body, regions(page.body)) if not preview else []
        if doubts:
            reasons.append(f"{len(doubts)} word(s) read by OCR with low confidence still marked for "
                           "checking in the full text; compare them with the original and remove each mark")
        if profile == "public" and page.front_matter.noi_bo:
            reasons.append("internal (`noi_bo: true`) and this is a public build")
    return [LeftOut(stem, reasons[0]) for stem, reasons in sorted(marks.items()) if reasons]


def _is_draft(page: Page) -> bool:
    """A document page is a draft until approved; another page only when marked so."""
    status = page.front_matter.trang_thai
    return status != "da-duyet" if is_document(page) and page.lang == DEFAULT_LANG else status == "du-thao"


def published(registry: Registry, left_out: list[LeftOut]) -> Registry:
    """The registry as the published site sees it: without the pages left out.

    Its findings stay with the full registry: a published page may name a draft one.
    """
    gone = {item.stem for item in left_out}
    if not gone:
        return registry
    return Registry(
        registry.docs_dir,
        pages=[p for p in registry.pages if p.stem not in gone],
        documents=[d for d in registry.documents if d.page.stem not in gone],
    )
