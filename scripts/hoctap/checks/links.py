"""Links MkDocs does not validate: raw HTML links, links to the wrong document, the card's links to a page left out.

MkDocs (`validation:` in mkdocs.yml, `--strict`) already checks Markdown links and their
anchors in every language build; these checks cover only what it never sees.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Iterator
from urllib.parse import unquote, urlsplit

import pathspec

from ..text.findings import Finding
from ..registry.documents import Registry
from ..text.symbols import canonical, find_mentions
from ..text.vietnamese import slugify
from .source import Site, Source

_HREF = re.compile(r"<(?:a|iframe)\b[^>]*?\b(?:href|src)\s*=\s*([\"'])(?P<url>[^\"']*)\1", re.I)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<title>.+?)[ \t#]*?(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*$", re.M)
_MD_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s#]+\.md)(?:#[^)\s]*)?\)")
_ID = re.compile(r"\bid\s*=\s*[\"'](?P<id>[^\"']+)", re.I)
MKDOCS_EXCLUDES = (".*", "/templates/")
"""What MkDocs leaves out of every build, whatever mkdocs.yml says (its `_default_exclude`)."""
GENERATED_ANCHORS = ("van-ban-chinh-thuc",)
"""Anchors the hoctap plugin writes into document pages (render/blocks.py)."""


def anchors(text: str) -> set[str]:
    """Ids a page's headings and HTML will carry, as Python-Markdown's toc makes them."""
    found = {m["id"] or slugify(re.sub(r"[*_`]", "", m["title"]), "-") for m in _HEADING.finditer(text)}
    return found | {m["id"] for m in _ID.finditer(text)} | set(GENERATED_ANCHORS)


def raw_html(source: Source) -> Iterator[Finding]:
    """L101 a raw HTML link to a `.md` page (MkDocs never rewrites it); L102 one whose target or anchor is missing."""
    if not source.markdown or source.file is None or not ("<a" in source.text or "<iframe" in source.text):
        return
    for m in _HREF.finditer(source.markup, source.body_start):
        url = urlsplit(m["url"])
        if url.scheme or url.netloc or url.path.startswith("/") or not (url.path or url.fragment):
            continue
        path = unquote(url.path)
        if path and not path.endswith((".md", ".html")):
            continue  # assets may come from the theme's custom_dir, outside docs/
        offset = m.start("url")
        if path.endswith(".md"):
            yield source.finding(offset, "L101", f"raw HTML link to `{url.path}` is not rewritten by MkDocs",
                                 "use a Markdown link: [text](page.md)")
        target = (source.file.parent / re.sub(r"\.html$", ".md", path)) if path else source.file
        if not target.is_file():
            yield source.finding(offset, "L102", f"link target `{path}` does not exist")
        elif url.fragment and target.suffix == ".md":
            for variant in [target, *target.parent.glob(target.stem + ".*.md")]:
                if url.fragment not in anchors(variant.read_text(encoding="utf-8", errors="replace")):
                    yield source.finding(offset, "L102", f"`{variant.name}` has no anchor `#{url.fragment}`")


def symbol_links(source: Source, site: Site) -> Iterator[Finding]:
    """L104: a link whose text names one document and whose target is another document's page."""
    if source.file is None or "](" not in source.text or ".md" not in source.text:
        return  # no Markdown link to a page: the text's code need not be masked to find out
    for m in _MD_LINK.finditer(source.markup, source.body_start):
        named = {mention.symbol.canonical for mention in find_mentions(m["text"])}
        target = site.on_disk(source.file.parent / unquote(m["url"]))
        if len(named) == 1 and target is not None and target.so_ky_hieu:
            [said] = named
            if said in site.by_symbol and said != canonical(target.so_ky_hieu):
                yield source.finding(m.start("url"), "L104",
                                     f"link text names `{said}` but the link goes to the page of `{target.so_ky_hieu}`",
                                     f"link to {site.by_symbol[said].page.path.as_posix()}")


def left_out_by(*patterns: "str | pathspec.PathSpec | None") -> Callable[[str], bool]:
    """Whether MkDocs leaves a page (`van-ban/58-ct-tw.md`) out of every build: `exclude_docs` and
    `draft_docs` as mkdocs.yml writes them (gitignore lines) or as MkDocs compiled them, after its own
    defaults. Decided as MkDocs decides (mkdocs.structure.files.set_exclusions), so that `hoctap check`
    knows what a build leaves out without running one."""
    specs = [pathspec.GitIgnoreSpec.from_lines(MKDOCS_EXCLUDES)]
    specs += [pathspec.GitIgnoreSpec.from_lines(p.splitlines()) if isinstance(p, str) else p for p in patterns if p]
    return lambda src_uri: any(spec.match_file(src_uri) for spec in specs)


def card_links(registry: Registry, left_out: Callable[[str], bool]) -> list[Finding]:
    """L103: a document card (both directions of a relation) linking to a page the build leaves out
    (`left_out(path in docs/)`, from `left_out_by`). In another language's build a page with no
    translation is not missing: its card links to the Vietnamese original (hoctap.render.languages)."""
    findings = []
    page_built = functools.cache(lambda path: not left_out(path))  # each page asked once, not once per relation
    built = lambda document: page_built(document.page.path.as_posix())
    for document in registry.documents:
        for key in ("thuc_hien", "can_cu"):
            for ma in getattr(document, key):
                target = registry.get(ma)
                if target is None or built(document) == built(target):
                    continue
                missing = target if built(document) else document
                findings.append(Finding(document.page.path.as_posix(), document.page.line_of(key), 1, "L103",
                                        f"`{key}: {ma}` puts a link on a card to "
                                        f"{missing.page.path.as_posix()}, which the build leaves out "
                                        "(`exclude_docs` or `draft_docs` in mkdocs.yml)",
                                        "build both pages, or remove the relation"))
    return findings
