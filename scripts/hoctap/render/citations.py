"""Sources as a reader cites them: `ke-hoach-….txt:81-84` becomes "Kế hoạch ngày 31/3/2026, mục II.1",
linked to that section of the plan's page. File and line stay in the editors' tools (`hoctap check`).

The section comes from the source text's own headings (hoctap.text.sources.section_of); the cited
document is the one whose page gives that text as its `toan_van`, and the section's place on
that page is the heading numbered the same way (`## II. …` then `### 1. …`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..checks.fidelity import quotations
from ..registry.documents import Registry
from ..text.sources import OPENING, section_of
from .blocks import relative_link
from .labels import labels
from ..text.vietnamese import slugify
from .titles import Values, name

_HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*(?:\{:?\s*#([\w-]+)[^}]*\})?\s*$", re.M)
_NUMBER = re.compile(r"^([IVX]+|\d{1,2})\.\s")
_NUMBERED = re.compile(r"^[IVX\d]")


@dataclass(frozen=True)
class Citation:
    label: str  # "Kế hoạch ngày 31/3/2026, mục II.1"
    page: str | None  # path in docs/ of the cited document's page, None when no page holds the source
    anchor: str = ""  # the section's heading on that page, "" for the page's top


def cite(ref: str, registry: Registry, source_dir: Path, values: Values) -> Citation:
    """One `nguon:` reference, as a reader cites it."""
    t = labels(values.lang, "citations")
    found = section_of(source_dir, ref)
    file, section = found if found else (str(ref).partition(":")[0], None)
    document = registry.with_full_text(file)
    if document is None:
        return Citation(file, None)
    said = name(document, values) or document.ma
    if section is None:
        return Citation(said, document.page.path.as_posix())
    anchor = _anchors(document.page.body).get(section.split("–")[0], "")
    if section == OPENING:
        label = t["opening"].format(name=said)
    elif _NUMBERED.match(section):
        label = t["section"].format(name=said, section=section)
    else:
        label = t["named"].format(name=said, section=t["section_names"].get(section, section))
    return Citation(label, document.page.path.as_posix(), anchor)


def cite_all(refs: list[str], registry: Registry, source_dir: Path, values: Values,
             known: dict[str, Citation] | None = None) -> list[Citation]:
    """Each reference cited once: two line ranges in one section are one citation. `known` keeps each
    reference's citation from one call to the next (one language build's cards: most documents cite
    the same lines of the plan, and each citation reads its source's sections)."""
    known = {} if known is None else known
    for ref in refs:
        if ref not in known:
            known[ref] = cite(ref, registry, source_dir, values)
    return list(dict.fromkeys(known[ref] for ref in refs))


@functools.lru_cache(maxsize=8)
def _anchors(markdown: str) -> dict[str, str]:
    """Section number (`II`, `II.1`, or an unnumbered heading's text) → the heading's anchor on the page;
    an unnumbered heading before the first numbered one is the opening's (OPENING)."""
    found, part = {}, ""
    for level, text, explicit in _HEADING.findall(markdown):
        anchor = explicit or slugify(text, "-")
        number = _NUMBER.match(text)
        if level == "##":
            if not number and not found:
                found[OPENING] = anchor
            part = number.group(1) if number else ""
            found[part or text] = anchor
        elif number and part:
            found[f"{part}.{number.group(1)}"] = anchor
    return found


def cite_quotations(markdown: str, page_src: str, registry: Registry, source_dir: Path, values: Values) -> str:
    """Each quotation's `> nguồn: file:lines` line (hoctap.checks.fidelity) as its reader cites it:
    `> — [Kế hoạch ngày 31/3/2026, mục II.1](ke-hoach.md#noi-dung-hoc-tap)`."""
    for quote in reversed(quotations(markdown)):
        if quote.ref is None:
            continue
        start = markdown.rfind("\n", 0, quote.ref_offset) + 1
        end = markdown.find("\n", quote.ref_offset)
        end = len(markdown) if end < 0 else end
        prefix = markdown[start:markdown.index(">", start) + 1]
        citation = cite(quote.ref, registry, source_dir, values)
        if citation.page is None:
            shown = citation.label
        else:
            href = relative_link(page_src, citation.page) + (f"#{citation.anchor}" if citation.anchor else "")
            shown = f"[{citation.label}]({href})"
        markdown = markdown[:start] + f"{prefix} — {shown}\n{prefix} {{: .ht-quote__source }}" + markdown[end:]
    return markdown
