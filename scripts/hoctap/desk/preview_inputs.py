"""What the phone preview must render again after a change: the inputs of every page's HTML, and
the pages whose inputs changed.

A page's HTML is made from its own file (and its translation's), the registry (its card names the
documents it implements or is based on and those that implement it; its prose links every symbol it
mentions; the navigation shows the titles of the pages it lists), the data files of
`docs/includes/` (quiz, key points, focus areas, agenda: the generated pages), the originals in
`sources/` (full texts, quotations) and, on every page, the abbreviations and the translations of
front-matter values. `Inputs` is a snapshot of those files; `touched` maps a change onto pages,
from the registry before and after it: a small dependency map, not a full build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from ..registry.documents import Registry
from ..text.symbols import find_mentions

EVERY_PAGE = None
"""`touched`'s answer when every page must be rendered again (not the navigation and files: those
only change with the set of pages, and the preview then builds whole)."""


@dataclass(frozen=True)
class Inputs:
    """Every file the preview's pages are made from, by its path under the project's folder, with
    what tells a change (modification time, size, inode: an atomic write is a new inode)."""

    stats: dict[str, tuple[int, int, int]]

    @classmethod
    def read(cls, root: Path, folders: list[Path], files: list[Path]) -> "Inputs":
        stats = {}
        for folder in folders:
            for top, dirs, names in os.walk(folder):
                dirs.sort()
                for name in names:
                    _stat_into(stats, root, Path(top) / name)
        for file in files:
            _stat_into(stats, root, file)
        return cls(stats)

    def changed(self, before: "Inputs") -> set[str]:
        """Paths added, removed or modified since `before`."""
        return {path for path in self.stats.keys() | before.stats.keys() if self.stats.get(path) != before.stats.get(path)}

    def came_or_went(self, before: "Inputs") -> set[str]:
        """Paths added or removed since `before`."""
        return self.stats.keys() ^ before.stats.keys()


def _stat_into(stats: dict, root: Path, path: Path) -> None:
    try:
        st = path.lstat()
    except OSError:
        return
    stats[path.relative_to(root).as_posix()] = (st.st_mtime_ns, st.st_size, st.st_ino)


@dataclass(frozen=True)
class Layout:
    """Where the inputs sit, as paths under the project's folder (`docs`, `sources`…)."""

    docs: str
    sources: str
    data: str  # docs/includes: the data files
    every_page: frozenset[str]  # the abbreviations, the translations of values: on every page

    def structural(self, path: str) -> bool:
        """A change the preview cannot render page by page: mkdocs.yml, the theme, a file copied as it
        is (an image). A page added or removed is not: the files and navigation are made again."""
        if path.startswith(self.docs + "/") and path.endswith(".md"):
            return False
        return not path.startswith((self.data + "/", self.sources + "/")) and path not in self.every_page


def touched(changed: set[str], before: Registry, after: Registry, layout: Layout) -> set[str] | None:
    """The pages (paths in docs/, every language) whose HTML the change alters; EVERY_PAGE when
    every page's does. The caller has ruled out structural changes."""
    if changed & layout.every_page:
        return EVERY_PAGE
    generated = {p.path.as_posix() for p in after.pages if p.meta.get("hoctap")}
    own = {path.removeprefix(layout.docs + "/") for path in changed
           if path.startswith(layout.docs + "/") and path.endswith(".md") and not path.startswith(layout.data + "/")}
    stems = {rel.split(".")[0] for rel in own}
    pages = {p.path.as_posix() for p in after.pages if p.stem in stems}  # the page and its translations
    originals = {path.removeprefix(layout.sources + "/") for path in changed if path.startswith(layout.sources + "/")}
    pages |= {p.path.as_posix() for p in after.pages if any(name in p.text for name in originals)}
    if own or originals or any(path.startswith(layout.data + "/") for path in changed):
        # The generated pages quote the originals, the data files and the pages themselves
        # (key points are found in a page's sections, the quiz names a page by its heading)
        pages |= generated
    moved = _documents_changed(before, after)
    if moved:  # the pages that name a changed document, and the documents it names (its card lists them)
        pages |= {p.path.as_posix() for p in after.pages if _names_any(p.text, moved)}
        texts = [d.page.text for registry in (before, after) for d in registry.documents if d.ma in moved]
        pages |= {d.page.path.as_posix() for d in after.documents if any(_names_any(t, {d.ma}) for t in texts)}
    return pages


def remember(registry: Registry) -> None:
    """Read the symbols every page names now, when the preview is first built, rather than in the
    first save's time (300 documents: a tenth of a second)."""
    for page in registry.pages:
        _symbols(page.text)


def _documents_changed(before: Registry, after: Registry) -> set[str]:
    """The keys (symbol, or page name) of the documents added, removed, or whose fields changed."""
    old, new = ({d.ma: _face(d) for d in r.documents} for r in (before, after))
    return {ma for ma in old.keys() | new.keys() if old.get(ma) != new.get(ma)}


def _face(document) -> tuple:
    """What other pages may show of a document: every field the registry keeps, and its page's text
    (citations link to its headings, key points are found in its sections)."""
    return tuple(getattr(document, f.name) for f in fields(document) if f.name != "page") + (
        document.page.path, document.page.text)


def _names_any(text: str, keys: set[str]) -> bool:
    """Whether a page's text names one of these documents: by a symbol (in any spelling the links
    find), or by the page name of a document that has none."""
    return bool(_symbols(text) & keys) or any(key in text for key in keys if "/" not in key)


@lru_cache(maxsize=8192)
def _symbols(text: str) -> frozenset[str]:
    """Every symbol in a page's text, in canonical form (as the links and the registry key them)."""
    return frozenset(mention.symbol.canonical for mention in find_mentions(text))
