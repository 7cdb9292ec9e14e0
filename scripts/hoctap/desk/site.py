"""The site as the desk's screens show it: its pages with their states, and its findings grouped
per page, errors first, each with its line quoted and what to do, in Vietnamese.

Every finding comes from the one checks stage (hoctap.checks.check_project), as a build reports it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..checks import check_file, check_project, links
from ..checks.source import Site
from ..content.page import Page
from ..registry.documents import Registry
from ..text.findings import CODES, Finding
from ..text.pages import DEFAULT_LANG

STATES = {"du-thao": "dự thảo", "da-duyet": "đã duyệt", "chua-soat": "chưa soát"}


@dataclass
class Entry:
    """One page of the site as the desk lists it."""

    page: Page
    stem: str  # `van-ban/15-ctr-tu`: the page's address in the desk, /trang/<stem>
    name: str  # its symbol, or its title where it has none
    states: list[str]  # keys of STATES
    findings: list["Shown"] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.finding.is_error)

    @property
    def fixable(self) -> int:
        return sum(1 for f in self.findings if f.finding.fix)


@dataclass
class Shown:
    """A finding as the editor reads it: what is wrong (in Vietnamese), the line, what to do."""

    finding: Finding
    what: str
    line_text: str
    todo: str


def title_of(page: Page) -> str:
    meta = page.meta
    if meta.get("title"):
        return str(meta["title"])
    heading = re.search(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", page.body, re.M)
    return heading.group(1) if heading else page.stem


def entry_of(page: Page) -> Entry:
    meta = page.meta
    states = ["da-duyet" if meta.get("trang_thai") == "da-duyet" else "du-thao"]
    if meta.get("chua_soat"):
        states.append("chua-soat")
    name = str(meta.get("so_ky_hieu") or "").strip() or title_of(page)
    return Entry(page, page.stem, name, states)


def shown(finding: Finding, text: str) -> Shown:
    code = CODES.get(finding.code, {})
    lines = text.splitlines()
    line_text = lines[finding.line - 1].strip() if 0 < finding.line <= len(lines) else ""
    todo = code.get("fix_vi") if finding.fix else ""
    return Shown(finding, code.get("vi", finding.message), line_text[:300], todo or finding.fix_hint)


@dataclass
class Overview:
    registry: Registry
    entries: list[Entry]
    other: list[Shown]  # findings on files that are no page of the list (data files…)

    def entry(self, stem: str) -> Entry | None:
        return next((e for e in self.entries if e.stem == stem), None)

    def counts(self) -> dict[str, int]:
        return {state: sum(1 for e in self.entries if state in e.states) for state in STATES}


def overview(project) -> Overview:
    """Every Vietnamese page with its states and findings (errors first), from one check of the site."""
    checked = check_project(project)
    pages = [p for p in checked.registry.pages if p.lang == DEFAULT_LANG]
    entries = {p.path.as_posix(): entry_of(p) for p in pages}
    texts = {p.path.as_posix(): p.text for p in checked.registry.pages}
    other, by_path = [], defaultdict(list)
    for finding in sorted(checked.findings, key=lambda f: (not f.is_error, f.path, f.line, f.col)):
        item = shown(finding, texts.get(finding.path, ""))
        (by_path[finding.path] if finding.path in entries else other).append(item)
    for path, items in by_path.items():
        entries[path].findings = items
    ordered = sorted(entries.values(), key=lambda e: (-e.errors, -len(e.findings), e.stem))
    return Overview(checked.registry, ordered, other)


def listing(project) -> list[Entry]:
    """Every Vietnamese page with its states, from the registry alone (no check): the list of pages."""
    registry = Registry.load(project.docs_dir)
    return sorted((entry_of(p) for p in registry.pages if p.lang == DEFAULT_LANG), key=lambda e: e.stem)


def one_page(project, stem: str) -> tuple[Entry, Registry] | None:
    """One page with its findings, checked alone against the site's registry by the same checks
    (as `hoctap check PATH` does): its screen and its saves need no check of every other page."""
    registry = Registry.load(project.docs_dir)
    page = next((p for p in registry.pages if p.stem == stem and p.lang == DEFAULT_LANG), None)
    if page is None:
        return None
    rel = page.path.as_posix()
    site = Site(registry, project.root / project.source_dir, whole_site=True)
    own = [f for f in registry.findings + links.card_links(registry, project.left_out) if f.path == rel]
    found = own + [f for f in check_file(project.docs_dir / rel, rel, site, page) if f not in own]
    entry = entry_of(page)
    entry.findings = [shown(f, page.text) for f in sorted(found, key=lambda f: (not f.is_error, f.line, f.col))]
    return entry, registry
