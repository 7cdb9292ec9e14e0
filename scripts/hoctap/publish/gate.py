"""The publication gate: which pages a build leaves out, and why.

Three rules, from the pages' front matter:

- a page marked `chi_xem_truoc: true` (preview only: the editors' guide, with its commands and
  finding codes) is in editors' previews only, never in a publish or a bundle, whatever the options;
- a page whose `trang_thai` is `du-thao` (draft; for a document page, anything not `da-duyet`)
  is left out unless drafts are allowed — editors' previews allow them, a publish does not;
- a page marked `noi_bo: true` (internal only) is left out of a `public` build.

A page is decided once for all its languages: `ten.en.md` goes wherever `ten.md` goes, and a
mark on either version counts. What is left out is absent everywhere: its files are removed
before the site is assembled, the registry the plugin renders from no longer holds it (so the
catalogue, the cards and the map do not name it), the navigation no longer lists it, and links
to it in other pages become plain text.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import get_plugin_logger

from ..content import Page, is_document, to_document
from ..registry import Registry

log = get_plugin_logger("hoctap")

PROFILES = ("intranet", "public")

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


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
        if not preview and page.meta.get("chi_xem_truoc"):
            reasons.append("preview only (`chi_xem_truoc: true`): editors' pages are never published")
        if not drafts and _is_draft(page):
            reasons.append("draft (`trang_thai: du-thao`); publish it with --allow-draft, "
                           "or approve it (`trang_thai: da-duyet`)")
        if profile == "public" and page.meta.get("noi_bo"):
            reasons.append("internal (`noi_bo: true`) and this is a public build")
    return [LeftOut(stem, reasons[0]) for stem, reasons in sorted(marks.items()) if reasons]


def _is_draft(page: Page) -> bool:
    if is_document(page) and page.lang == "vi":
        return to_document(page)[0].is_draft
    return page.meta.get("trang_thai") == "du-thao"


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


def remove_files(files, left_out: list[LeftOut]):
    """Remove the left-out pages (every language) from MkDocs' file list, before i18n assembles it."""
    gone = {item.stem for item in left_out}
    for file in [f for f in files if f.src_uri.endswith(".md") and stem_of(f.src_uri) in gone]:
        files.remove(file)
    return files


def prune_nav(nav, left_out: list[LeftOut]):
    """The `nav:` of mkdocs.yml without entries for left-out pages, nor sections left empty."""
    gone = {item.stem for item in left_out}
    if not gone or nav is None:
        return nav

    def keep(entry):
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            children = [kept for kept in map(keep, value) if kept is not None]
            return {next(iter(entry)): children} if children else None
        if isinstance(value, str) and not _SCHEME.match(value) and stem_of(value) in gone:
            return None
        return entry

    return [kept for kept in map(keep, nav) if kept is not None]


class _UnlinkLeftOut(Treeprocessor):
    """Turn links to left-out pages into plain text, before MkDocs validates them."""

    def __init__(self, md, gate: GateExtension):
        super().__init__(md)
        self.gate = gate

    def run(self, root: etree.Element) -> None:
        if not self.gate.gone or self.gate.page_src is None:
            return
        for element in root.iter("a"):
            target = (element.get("href") or "").split("#")[0].split("?")[0]
            if not target.endswith(".md") or _SCHEME.match(target):
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(self.gate.page_src), target))
            if stem_of(path.lstrip("/")) in self.gate.gone:
                element.tag = "span"
                element.attrib.clear()


class GateExtension(Extension):
    """Markdown extension the plugin adds once; it is told the page being rendered and what is gone."""

    def __init__(self):
        super().__init__()
        self.gone: set[str] = set()
        self.page_src: str | None = None

    def extendMarkdown(self, md):
        # Above MkDocs' own `relpath` (priority 0), which reports links to missing pages.
        md.treeprocessors.register(_UnlinkLeftOut(md, self), "hoctap_gate", 1)


def extension(config, left_out: list[LeftOut]) -> GateExtension:
    """The gate's Markdown extension in `config.markdown_extensions`, added once per configuration."""
    found = next((e for e in config.markdown_extensions if isinstance(e, GateExtension)), None)
    if found is None:
        found = GateExtension()
        config.markdown_extensions.append(found)
    found.gone = {item.stem for item in left_out}
    return found


class Gate:
    """The gate inside one MkDocs build: the plugin calls it from its events, one line each."""

    def __init__(self, *, drafts: bool, profile: str, release: str = "", preview: bool = True):
        self.drafts, self.profile, self.release, self.preview = drafts, profile, release, preview
        self.left_out: list[LeftOut] = []
        self._reported = False
        self._extension: GateExtension | None = None

    def configure(self, config, registry: Registry) -> Registry:
        """Decide what is left out, say so once per build, and return the registry to render from."""
        self.left_out = decide(registry, drafts=self.drafts, profile=self.profile, preview=self.preview)
        config.nav = prune_nav(config.nav, self.left_out)
        self._extension = extension(config, self.left_out)
        if not self._reported:
            self._reported = True
            self._report()
        return published(registry, self.left_out)

    def files(self, files):
        return remove_files(files, self.left_out)

    def page(self, src_uri: str) -> None:
        """Tell the link rewriter which page is rendered next (links are relative to it)."""
        if self._extension is not None:
            self._extension.page_src = src_uri

    def stamp(self, html: str) -> str:
        """Plant the release's name in the page's head, so anyone can tell which release they see."""
        if not self.release:
            return html
        head, found, rest = html.partition("</head>")
        return f'{head}<meta name="hoctap-release" content="{escape(self.release)}">\n{found}{rest}' if found else html

    def _report(self) -> None:
        drafts = "drafts included" if self.drafts else "drafts left out"
        kind = "preview" if self.preview else "publish"
        log.info(f"publication gate: {kind}, {drafts}, profile {self.profile}, {len(self.left_out)} page(s) left out")
        for item in self.left_out:
            log.info(item.format())
