"""Which pages another language's build writes: its translations only.

mkdocs-static-i18n writes, for every page without an English translation, an English copy of
the Vietnamese page: the same Vietnamese text under English menus. It added no English word,
and for documents it doubled the build and the site as the catalogue grew (half the time of a
1,000-document build). So an English build writes the pages that have an English text
(`<page>.en.md`) and leaves the others out: its menus, links, cards, diagrams and search
results lead to the Vietnamese page itself, marked `hreflang="vi"`, and that page's language
switcher leads to the English home page instead of a copy.

Left out means MkDocs' `excluded` level, given after mkdocs-static-i18n has sorted the other
files: links to the page still resolve, to the Vietnamese URL it keeps, and nothing is written for it.
"""

from __future__ import annotations

import logging
import posixpath
import re

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from ..text import html_tags
from ..text.pages import DEFAULT_LANG


def language_of(config) -> str:
    """This build's language: mkdocs-static-i18n sets the theme's for each language it builds."""
    return str(config.theme.get("language") or "vi")


def leave_out_untranslated(files: Files, lang: str) -> list[File]:
    """Take the pages with no `<page>.<lang>.md` out of the files, before mkdocs-static-i18n sorts
    them (it would make each an English copy: a thousand File objects for nothing, a third of an
    English build of 1,000 documents); return them. Pages the editor excluded stay as they are."""
    sources = {file.src_uri for file in files}
    left_out = []
    for file in files.documentation_pages():
        stem = file.src_uri.removesuffix(".md")
        if "." not in posixpath.basename(stem) and f"{stem}.{lang}.md" not in sources:
            left_out.append(file)
    for file in left_out:
        files.remove(file)
    return left_out


def point_to_originals(files: Files, lang: str, left_out: list[File]) -> dict[str, str]:
    """Put the left-out pages back, excluded, at the URL of their Vietnamese original (which they
    kept: mkdocs-static-i18n never saw them); return {URL they would have had: original's URL}."""
    moved = {}
    for file in left_out:
        file.inclusion = InclusionLevel.EXCLUDED
        files.append(file)
        moved[f"{lang}/{file.url}"] = file.url
    return moved


def drop_missing_alternates(files: Files) -> None:
    """A Vietnamese page's language switcher: only to real translations (else the other language's home)."""
    for file in files.documentation_pages():
        alternates = getattr(file, "alternates", None) or {}
        for lang in [lang for lang, alternate in alternates.items() if alternate.locale != lang]:
            del alternates[lang]


def switch_to_homes(options: list[dict], file: File) -> None:
    """Material's language menu (`extra.alternate`, set per page by mkdocs-static-i18n): a language
    with no translation of this page leads to its home page, by a link that works under file://."""
    translated = getattr(file, "alternates", {})
    for option in options:
        if option["lang"] not in translated:
            option["link"] = "index.html" if option["lang"] == DEFAULT_LANG else f"{option['lang']}/index.html"


def relink(html: str, page_url: str, moved: dict[str, str], linked: str = "") -> str:
    """Point raw-HTML links (map, quiz) at the originals, and mark links to an original (menus too)
    `hreflang="vi"` unless already marked with a language (the map's SVG links carry `lang`, and
    SVG has no `hreflang`; the language switcher has its own). Only the tags changed are rewritten.
    `linked`, a part of the page whose links are so already (the catalogue marks its own: `hreflang`),
    is not read again: tokenizing the English catalogue (1,000 documents, 0.9 MB) was most of this."""
    if not moved:
        return html
    if linked and linked in html:
        before, after = html.split(linked, 1)
        return relink(before, page_url, moved) + linked + relink(after, page_url, moved)
    originals = set(moved.values())
    base = posixpath.dirname(page_url)
    edits = []
    for tag in html_tags.start_tags(html, "a"):
        href = tag.attrs.get("href") or ""
        path = href.partition("#")[0]
        # A page's own address, as written (an escaped one is no page of this site)
        if not path.endswith(".html") or any(c in path for c in ':?"') or f'href="{href}"' not in tag.text:
            continue
        target = posixpath.normpath(posixpath.join(base, path))
        target = moved.get(target, target)
        if target not in originals:
            continue
        text = tag.text.replace(f'href="{path}', f'href="{get_relative_url(target, page_url)}', 1)
        if not any(name.endswith("lang") for name in tag.attrs):
            text = text[:-1] + f' hreflang="{DEFAULT_LANG}">'
        edits.append((tag.start, tag.end, text))
    return html_tags.splice(html, edits)


def hreflang(url: str | None, originals: set[str]) -> str | None:
    """The `hreflang` `relink` gives a link to the page at `url`, `originals` the URLs of the Vietnamese
    pages this build leads to (the values of `moved`); None when it leads to none of them."""
    return DEFAULT_LANG if url in originals else None


def translated_originals(files: Files, lang: str) -> list[str]:
    """The URLs of the Vietnamese pages this build has translated: its search leaves those out of
    the Vietnamese index it reads beside its own (hoctap.search.index)."""
    prefix = f"{lang}/"
    return sorted(file.url.removeprefix(prefix) for file in files.documentation_pages() if file.url.startswith(prefix))


class QuietLinksToOriginals(logging.Filter):
    """MkDocs reports each link and menu entry to an excluded page ("… excluded from the built
    site") at INFO: for a page left out here (`sources`, from point_to_originals) that is by design,
    not news for the editor. One per language build, on MkDocs' page and navigation loggers while
    that build runs (`install`, `remove`)."""

    LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
    _TARGET = re.compile(r"(?:contains a link to|A reference to) '([^']+)' .*excluded from the built site")

    def __init__(self, sources: set[str]):
        super().__init__()
        self.sources = frozenset(sources)

    def filter(self, record: logging.LogRecord) -> bool:
        found = self._TARGET.search(record.getMessage())
        return not (found and found.group(1) in self.sources)

    def install(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).addFilter(self)

    def remove(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeFilter(self)
