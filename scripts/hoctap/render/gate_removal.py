"""The publication gate inside a MkDocs build: what `hoctap.registry.gate_decision` decided to leave out is removed from
the files and the navigation, and links to it become plain text; the release's name is planted."""

from __future__ import annotations

import posixpath
import re
from html import escape
from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import get_plugin_logger

from ..registry.gate_decision import LeftOut, decide, published, stem_of
from ..registry.documents import Registry
from . import installable

log = get_plugin_logger("hoctap")

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


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

    def __init__(self, md, gone: frozenset[str]):
        super().__init__(md)
        self.gone = gone

    def run(self, root: etree.Element) -> None:
        page_src = _page_of(self.md)
        if not self.gone or page_src is None:
            return
        for element in root.iter("a"):
            target = (element.get("href") or "").split("#")[0].split("?")[0]
            if not target.endswith(".md") or _SCHEME.match(target):
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), target))
            if stem_of(path.lstrip("/")) in self.gone:
                element.tag = "span"
                element.attrib.clear()


def _page_of(md) -> str | None:
    """The page being rendered (`van-ban/15-ctr-tu.md`), as MkDocs tells its own link rewriter: it makes
    a Markdown instance per page and registers `relpath` with that page's file; None outside MkDocs."""
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    file = getattr(relpath, "file", None)
    return file.src_uri if file is not None else None


class GateExtension(Extension):
    """Markdown extension the plugin adds once per configuration, knowing what is gone; each page's
    Markdown instance gets its own link rewriter, which reads the page from MkDocs (`_page_of`)."""

    def __init__(self, gone: frozenset[str]):
        super().__init__()
        self.gone = gone

    def extendMarkdown(self, md):
        # Above MkDocs' own `relpath` (priority 0), which reports links to missing pages.
        md.treeprocessors.register(_UnlinkLeftOut(md, self.gone), "hoctap_gate", 1)


def extension(config, left_out: list[LeftOut]) -> None:
    """Put the gate's Markdown extension in `config.markdown_extensions`, in place of any earlier one."""
    config.markdown_extensions[:] = [e for e in config.markdown_extensions if not isinstance(e, GateExtension)]
    config.markdown_extensions.append(GateExtension(frozenset(item.stem for item in left_out)))


class Gate:
    """The gate inside one MkDocs build: the plugin calls it from its events, one line each."""

    def __init__(self, *, drafts: bool, profile: str, release: str = "", preview: bool = True):
        self.drafts, self.profile, self.release, self.preview = drafts, profile, release, preview
        self.left_out: list[LeftOut] = []
        self._reported = False

    def configure(self, config, registry: Registry) -> Registry:
        """Decide what is left out, say so once per build, and return the registry to render from."""
        self.left_out = decide(registry, drafts=self.drafts, profile=self.profile, preview=self.preview)
        config.nav = prune_nav(config.nav, self.left_out)
        extension(config, self.left_out)
        # A publish is an app a phone installs and keeps; a preview or a bundle is not
        config.extra["hoctap_app"] = installable.app(config.site_url, release=self.release, preview=self.preview)
        if config.extra["hoctap_app"]:
            config.theme.static_templates.add(installable.OFFLINE_PAGE)
        if not self._reported:
            self._reported = True
            self._report()
        return published(registry, self.left_out)

    def files(self, files):
        return remove_files(files, self.left_out)

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
