"""`hoctap check --fix`: apply the safe fixes findings carry (NFC, Ð→Đ, canonical symbols, a missing space)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..findings import Finding
from . import check_source
from .source import Site, Source

MAX_PASSES = 5


def apply(text: str, findings: list[Finding]) -> tuple[str, int]:
    """`text` with every non-overlapping fix applied, and how many were applied."""
    starts = [0]
    for i, char in enumerate(text):
        if char == "\n":
            starts.append(i + 1)
    edits = []
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.line > len(starts):
            continue
        at = starts[fix.line - 1] + fix.col - 1
        if text[at:at + len(fix.old)] == fix.old:
            edits.append((at, at + len(fix.old), fix.new))
    applied, end = [], len(text) + 1
    for start, stop, new in sorted(set(edits), reverse=True):
        if stop <= end:  # an edit overlapping one on its right waits for the next pass
            applied.append((start, stop, new))
            end = start
    for start, stop, new in applied:
        text = text[:start] + new + text[stop:]
    return text, len(applied)


def fix_text(text: str, check: Callable[[str], list[Finding]]) -> tuple[str, int]:
    """Fix, check again and fix until nothing safe is left (fixes that overlapped wait for a later pass)."""
    total = 0
    for _ in range(MAX_PASSES):
        text, count = apply(text, check(text))
        total += count
        if not count:
            break
    return text, total


def fix_files(findings: list[Finding], site: Site) -> int:
    """Apply the safe fixes in place, in each file a finding with a fix names; return how many were applied."""
    total = 0
    for path in sorted({f.path for f in findings if f.fix}):
        file = Path(path)
        markdown = file.suffix.lower() != ".txt"
        fixed, count = fix_text(file.read_text(encoding="utf-8"),
                                lambda t: check_source(Source.from_text(t, path, markdown), site))
        if count:
            file.write_text(fixed, encoding="utf-8")
            total += count
    return total
