"""What joins the timeline beside the documents: a page's `moc_thoi_gian` (the study conference),
its wording checked against the source it cites (K003, K004)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..content.front_matter import parse_date
from ..text.findings import Finding
from ..text.pages import DEFAULT_LANG
from .documents import Registry
from ..text.sources import ungrounded


@dataclass
class Event:
    """Something dated on the timeline that is not a document: the study conference."""

    title: str
    start: dt.date
    end: dt.date
    note: str  # how the sources state the date, e.g. "dự kiến trung tuần tháng 4/2026"
    page: str  # source page, e.g. "hoi-nghi.md"


def events(registry: Registry, source_dir: Path) -> tuple[list[Event], list[Finding]]:
    """The Vietnamese pages' `moc_thoi_gian`, each grounded in its `nguon`, or a finding at its line."""
    found, findings = [], []
    for page in registry.pages:
        mark = page.meta.get("moc_thoi_gian")
        if page.lang != DEFAULT_LANG or not mark:
            continue
        rel, line = page.path.as_posix(), page.line_of("moc_thoi_gian")
        try:
            start, end = parse_date(mark.get("tu")), parse_date(mark.get("den"))
        except (ValueError, AttributeError):
            start = end = None
        if not isinstance(mark, dict) or start is None or end is None or end < start or not mark.get("ghi"):
            findings.append(Finding(rel, line, 1, "K004", "`moc_thoi_gian` needs `tu`, `den` (YYYY-MM-DD, tu ≤ den), `ghi` and `nguon`"))
            continue
        problem = ungrounded(source_dir, str(mark.get("nguon") or ""), str(mark["ghi"]))
        if problem:
            findings.append(Finding(rel, line, 1, "K003", f"`moc_thoi_gian.ghi` not grounded: {problem}"))
            continue
        title = page.meta.get("title") or page.stem
        found.append(Event(str(title), start, end, str(mark["ghi"]), page.path.as_posix()))
    return found, findings
