"""The key points block (điểm chính): each kept point (hoctap.registry.key_points) as a quotation, its words as
the text prints them, with the citation a reader gives ("Kế hoạch ngày 31/3/2026, mục III.1") linked
to the place on the document's page. Đọc nhanh, the speaker page and its sheets show it; the combined
PDF takes it from those pages. Markdown, in the shape of the site's other quotations
(render/citations.py), so links to a page the gate leaves out become plain words like any other.
"""

from __future__ import annotations

from ..content.page import Document
from ..registry.key_points import KeyPoint, KeyPoints
from ..registry.documents import Registry
from ..text.sources import OPENING
from .blocks import relative_link
from .labels import labels
from .speaker import text
from .titles import Values, name, title


def citation(document: Document, point: KeyPoint, values: Values) -> str:
    t = labels(values.lang, "citations")
    said = name(document, values) or document.ma
    if point.section == OPENING:
        return t["opening"].format(name=said)
    if point.section.startswith("Điều") or not point.section:
        return ", ".join(p for p in (said, point.section) if p)
    if point.section[0] in "IVXLC0123456789":
        return t["section"].format(name=said, section=point.section)
    return t["named"].format(name=said, section=point.section)


def quotes(document: Document, points: list[KeyPoint], page_src: str, values: Values) -> str:
    """The points of one document, in the editors' order, each a quotation in a `div` of its own (two
    quotations in a row would run into one in Markdown)."""
    href = relative_link(page_src, document.page.path.as_posix())
    return "".join(f'<div class="ht-diem-chinh" markdown>\n\n> {text(p.trich)}\n>\n'
                   f"> — [{text(citation(document, p, values))}]({href}#{p.neo})\n> {{: .ht-quote__source }}\n\n</div>\n\n"
                   for p in points)


def shown(registry: Registry, points: KeyPoints, left_out: frozenset[str]) -> list[Document]:
    """The documents whose points a build shows, in catalogue order: not one the gate leaves out
    (its page is not there to link to), nor an internal one (a public page would quote it)."""
    return [d for d in registry.catalogue() if points.of(d) and d.page.stem not in left_out and not d.noi_bo]


def block(registry: Registry, points: KeyPoints, page_src: str, left_out: frozenset[str], values: Values,
          documents: list[Document] | None = None, members: bool = False) -> str:
    """`## Điểm chính` and, under a heading each, the points of each document shown (all, or `documents`).
    For `members` (Đọc nhanh), the points for the organisers (`danh_cho: to-chuc`) are set apart
    under a heading of their own, after the members' points."""
    chosen = [d for d in shown(registry, points, left_out) if documents is None or d in documents]
    if not chosen:
        return ""
    words = labels(values.lang, "key_points")
    everyone = lambda d: [p for p in points.of(d) if not (members and p.danh_cho)]
    parts = [f"\n\n## {words['heading']} {{#diem-chinh}}\n\n{words['intro']}\n\n"]
    parts += _by_document(chosen, everyone, "diem-chinh-", page_src, values)
    organisers = lambda d: [p for p in points.of(d) if p.danh_cho] if members else []
    if any(organisers(d) for d in chosen):
        parts.append(f"## {words['organisers']} {{#danh-cho-to-chuc}}\n\n{words['organisers_intro']}\n\n")
        parts += _by_document(chosen, organisers, "to-chuc-", page_src, values)
    return "".join(parts)


def _by_document(documents: list[Document], kept, prefix: str, page_src: str, values: Values) -> list[str]:
    """Under a heading each, the points `kept(document)` gives, for the documents that have any."""
    return [f"### {text(title(d, values))} {{#{prefix}{d.page.path.name.split('.')[0]}}}\n\n"
            + quotes(d, kept(d), page_src, values) for d in documents if kept(d)]
