"""Key points (điểm chính) of the official texts: verbatim quotes the editors keep, drop and order in
`docs/includes/diem-chinh.yml`, each with the anchor of the place it sits under on the document's page.

The file maps a document (its `so_ky_hieu`, or its page name when it has none) to a list of points:

    ke-hoach:
      - trich: Dự kiến 110 người.   # the words of the text, copied as printed
        neo: doi-tuong              # the anchor on the document's page (after `#`)
        danh_cho: to-chuc           # optional: a point for the organisers, set apart on Đọc nhanh

`hoctap import --key-points` proposes them (hoctap.importing.key_point_proposals); nothing here writes one.
A kept point is refused unless its words are in the document's full text, whitespace and Unicode
form (NFC) aside, and under its anchor on the page: a key point is never a paraphrase, and its link
lands where it is said. The full text is the page's own (between hoctap.text.toan_van_markers's markers) or, for
a page that quotes its text instead (the plan), the `.txt` its `toan_van` names in the sources folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.page import Document
from ..text import data_file
from ..text.findings import Finding
from ..text.markdown_escape import unescape
from ..text.outline import normal, sections
from .documents import Registry
from ..text.sources import section_text
from ..text.toan_van_markers import printed, regions

FILE = "includes/diem-chinh.yml"
"""The data file, relative to docs/."""
KEYS = ("trich", "neo")
AUDIENCES = ("to-chuc",)
"""`danh_cho:` values: `to-chuc`, a point for those who organise the study (the federation, the CĐCS
sending officers), which Đọc nhanh sets apart from the points for members."""

@dataclass(frozen=True)
class KeyPoint:
    trich: str
    neo: str
    section: str
    """Where the anchor sits in the text's own numbering (`III.1`, `Điều 5`), or "" for none."""
    danh_cho: str = ""
    """"to-chuc" for the organisers' points; "" for every reader's."""


@dataclass
class KeyPoints:
    by_document: dict[str, list[KeyPoint]] = field(default_factory=dict)
    """Document key (`Document.ma`) → its kept points, in the editors' order; only points that passed."""
    findings: list[Finding] = field(default_factory=list)

    def of(self, document: Document) -> list[KeyPoint]:
        return self.by_document.get(document.ma, [])


def full_text(document: Document, source_dir: Path) -> str | None:
    """The document's full text as printed: the page's own, markup escapes undone, or its `.txt` source."""
    own = printed(document.page.text)
    if own is not None:
        return own
    name = document.page.meta.get("toan_van")
    path = Path(source_dir) / str(name) if name else None
    if path is not None and path.suffix == ".txt" and path.is_file():
        return path.read_text(encoding="utf-8")
    return None


def load(path: Path, docs_dir: Path, source_dir: Path, registry: Registry) -> KeyPoints:
    """Read and check the kept points; findings at the data file's line, relative to docs/ like every other."""
    rel = data_file.shown(path, docs_dir)
    points = KeyPoints()
    root, points.findings = data_file.root(path, rel, "D001", yaml.MappingNode,
                                           "the file maps each document (`so_ky_hieu:` or page name) to its points")
    if root is None:
        return points
    for key, items in root.value:
        document = registry.get(str(key.value))
        if document is None:
            points.findings.append(Finding(rel, key.start_mark.line + 1, key.start_mark.column + 1, "D002",
                                           f"`{key.value}`: no document page has this symbol or page name",
                                           "write the document's so_ky_hieu (or its page name when it has none)"))
            continue
        kept = _points(items, document, rel, source_dir, points.findings)
        if kept:
            points.by_document[document.ma] = kept
    return points


def _points(node, document: Document, rel: str, source_dir: Path, findings: list[Finding]) -> list[KeyPoint]:
    if not isinstance(node, yaml.SequenceNode):
        findings.append(Finding(rel, node.start_mark.line + 1, 1, "D001", "expected a list of `- trich: … neo: …`"))
        return []
    text = full_text(document, source_dir)
    where = sections(document.page.body)
    page = document.page.path.as_posix()
    kept = []
    for n, item in enumerate(node.value, start=1):
        line = item.start_mark.line + 1
        data = data_file.value_of(item) if isinstance(item, yaml.MappingNode) else None
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) and data[k].strip() for k in KEYS) \
                or set(data) - set(KEYS) - {"danh_cho"} or data.get("danh_cho", AUDIENCES[0]) not in AUDIENCES:
            findings.append(Finding(rel, line, 1, "D001", f"point {n} needs `trich` and `neo` (words), and nothing else "
                                    "but `danh_cho: to-chuc` for a point for the organisers"))
            continue
        lines = {k.value: k.start_mark.line + 1 for k, _ in item.value}
        quote, anchor = normal(data["trich"]), data["neo"].strip().removeprefix("#")
        if text is None:
            findings.append(Finding(rel, lines["trich"], 1, "D003", f"point {n}: {page} has no full text to quote "
                                    "(no `hoctap import` text, no `.txt` in `toan_van`)"))
            continue
        if quote not in normal(text):
            findings.append(Finding(rel, lines["trich"], 1, "D003", f"point {n}: {quote!r} is not in the full text of {page}",
                                    "copy the words exactly as the text prints them (hoctap import --key-points proposes them)"))
            continue
        if anchor not in where:
            findings.append(Finding(rel, lines["neo"], 1, "D004", f"point {n}: {page} has no anchor `#{anchor}`",
                                    "write the id of the heading (or Điều, khoản) the quote sits under"))
            continue
        section = where[anchor][0]
        if not _under(quote, anchor, where, document, source_dir):
            findings.append(Finding(rel, lines["neo"], 1, "D005", f"point {n}: the quote is not under `#{anchor}` of {page}",
                                    "write the anchor of the heading the quote sits under"))
            continue
        kept.append(KeyPoint(quote, anchor, section, data.get("danh_cho", "")))
    return kept


def _under(quote: str, anchor: str, where: dict, document: Document, source_dir: Path) -> bool:
    """Whether the quote is said under its anchor: on the page there, or in the full text's section
    of the same number (a summary's `### 3. Đối tượng` for the text's `3. Đối tượng…: Dự kiến…`)."""
    section, start, end = where[anchor]
    if quote in normal(unescape(document.page.body[start:end])):
        return True
    return any(quote in normal(said) for said in _section_texts(document, section, source_dir))


def _section_texts(document: Document, section: str, source_dir: Path) -> list[str]:
    """The full text's passages numbered `section`: in the page's own full text, by its headings;
    else in its `.txt` source, by the source's (hoctap.text.sources.section_text)."""
    page_text = document.page.text
    spans = regions(page_text)
    if not spans:
        said = section_text(source_dir, str(document.page.meta.get("toan_van")), section)
        return [said] if said is not None else []
    return [unescape(page_text[start:end][a:b]) for start, end in spans
            for numbered, a, b in sections(page_text[start:end]).values() if numbered == section]
