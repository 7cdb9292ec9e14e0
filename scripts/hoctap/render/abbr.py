"""Abbreviations inside links, for touch screens: the first use on a page is spelled out.

A tap on an abbreviation shows its meaning (overrides/partials/hoctap-abbr.html); inside a link a
tap must follow the link, so there the meaning cannot be tapped for. The first time an abbreviation
sits in a link before the page has used it anywhere else, it is written out instead:
`<a>Ban Chấp hành <abbr title="Liên đoàn Lao động">LĐLĐ</abbr> tỉnh</a>` becomes
`<a>Ban Chấp hành Liên đoàn Lao động (LĐLĐ) tỉnh</a>`. An abbreviation that is part of a document
symbol (`15/CTr-LĐLĐ`) is left alone: the symbol is canonical and stays whole, and it is marked so
that no underline runs through the symbol.

Runs after Python-Markdown's `abbr` (its treeprocessor has priority 7), on the element tree.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_SYMBOL_JOINERS = ("-", "/")
SYMBOL_CLASS = "ht-abbr--symbol"
"""An abbreviation inside a document symbol: shown without the dotted underline (hoctap.css)."""


def in_symbol(before: str, after: str) -> bool:
    """`CTr` in `18-CTr/TU`: joined to its neighbours by a hyphen or a slash."""
    return before.endswith(_SYMBOL_JOINERS) or after.startswith(_SYMBOL_JOINERS)


class _SpellOutInLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()
        self._walk(root, None, seen)

    def _walk(self, element: etree.Element, link: etree.Element | None, seen: set[str]) -> None:
        link = element if element.tag == "a" else link
        for child in list(element):
            if child.tag == "abbr" and child.get("title"):
                self._abbr(element, child, link, seen)
            else:
                self._walk(child, link, seen)

    def _abbr(self, parent: etree.Element, abbr: etree.Element, link: etree.Element | None, seen: set[str]) -> None:
        """`seen`: the abbreviations whose meaning the reader already had, by a tap or spelled out."""
        key = abbr.text or ""
        symbol = in_symbol(_text_before(parent, abbr), abbr.tail or "")
        if symbol:  # part of `15/CTr-LĐLĐ`: its meaning still a tap away, no underline through the symbol
            abbr.set("class", SYMBOL_CLASS)
        if link is None:
            seen.add(key)
        elif key not in seen and not symbol:
            seen.add(key)
            _replace_with_text(parent, abbr, f"{abbr.get('title')} ({key})")


def _text_before(parent: etree.Element, child: etree.Element) -> str:
    children = list(parent)
    index = children.index(child)
    return (children[index - 1].tail if index else parent.text) or ""


def _replace_with_text(parent: etree.Element, child: etree.Element, text: str) -> None:
    children = list(parent)
    index = children.index(child)
    joined = text + (child.tail or "")
    if index:
        previous = children[index - 1]
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(child)


class SpellOutInLinksExtension(Extension):
    """Added by the hoctap plugin next to `abbr`."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_SpellOutInLinks(md), "hoctap_abbr_links", 6)


def extension(config) -> SpellOutInLinksExtension | None:
    """The extension in `config.markdown_extensions`, added once, when `abbr` is used."""
    if "abbr" not in config.markdown_extensions:
        return None
    found = next((e for e in config.markdown_extensions if isinstance(e, SpellOutInLinksExtension)), None)
    if found is None:
        found = SpellOutInLinksExtension()
        config.markdown_extensions.append(found)
    return found
