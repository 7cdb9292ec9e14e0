"""The publication gate inside a MkDocs build: what `hoctap.gate` decided to leave out is removed from
the files and the navigation, and links to it become plain text; the release's name is planted."""

from __future__ import annotations

import posixpath
import re
from html import escape
from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import get_plugin_logger

from ..gate import LeftOut, decide, published, stem_of
from ..registry import Registry

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
