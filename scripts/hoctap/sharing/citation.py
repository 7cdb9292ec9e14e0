"""Citing the sources as a reader cites them: "Kế hoạch ngày 31/3/2026, mục II.1", with the cited
words verbatim (the plan's own spelling, slips included); file names and line numbers stay in the
editors' tools."""

from __future__ import annotations

import re
from pathlib import Path

from ..text.sources import OPENING, cited, section_of

_LIST_MARK = re.compile(r"^[-–•]\s+")


def quote(source_dir: Path, ref: str) -> str:
    """The cited lines as one passage: the words and their spelling as in the source, line breaks
    and a leading list dash dropped (layout of the PDF extraction, not words)."""
    text, _ = cited(source_dir, ref)
    return _LIST_MARK.sub("", " ".join((text or "").split()))


def reference(source_name: str, source_dir: Path, ref: str) -> str:
    """`Kế hoạch ngày 31/3/2026, mục II.1`: the section as the site's pages cite it (hoctap.text.sources.section_of)."""
    found = section_of(source_dir, ref)
    part = found[1] if found else None
    return f"{source_name}, mục {part}" if part and part != OPENING else source_name
