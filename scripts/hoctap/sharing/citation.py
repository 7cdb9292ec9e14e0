"""Citing the sources as a reader cites them: "Kế hoạch ngày 31/3/2026, mục II.1", with the cited
words verbatim (the plan's own spelling, slips included); file names and line numbers stay in the
editors' tools."""

from __future__ import annotations

import re
from pathlib import Path

from ..sources import cited

_PART = re.compile(r"^\s*([IVX]+)\.\s+\S")
_ITEM = re.compile(r"^\s*(\d+)\.\s+\S")
_LIST_MARK = re.compile(r"^[-–•]\s+")


def section(source_dir: Path, ref: str) -> str:
    """The numbered part (`II.1`) of the plan that a `file.txt:FIRST-LAST` reference starts in; empty before any."""
    text, _ = cited(source_dir, ref)
    if text is None:
        return ""
    first = int(ref.rsplit(":", 1)[1].split("-")[0])
    path = Path(source_dir) / ref.split(":")[0]
    part = item = ""
    for line in path.read_text(encoding="utf-8").splitlines()[:first]:
        if m := _PART.match(line):
            part, item = m.group(1), ""
        elif part and (m := _ITEM.match(line)):
            item = m.group(1)
    return f"{part}.{item}" if item else part


def quote(source_dir: Path, ref: str) -> str:
    """The cited lines as one passage: the words and their spelling as in the source, line breaks
    and a leading list dash dropped (layout of the PDF extraction, not words)."""
    text, _ = cited(source_dir, ref)
    return _LIST_MARK.sub("", " ".join((text or "").split()))


def reference(source_name: str, source_dir: Path, ref: str) -> str:
    """`Kế hoạch ngày 31/3/2026, mục II.1`."""
    part = section(source_dir, ref)
    return f"{source_name}, mục {part}" if part else source_name
