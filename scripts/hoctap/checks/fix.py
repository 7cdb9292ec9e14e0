"""`hoctap check --fix`: apply the safe fixes findings carry (NFC, Ð→Đ, canonical symbols, a missing space)."""

from __future__ import annotations

from typing import Callable

from ..findings import Finding

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
