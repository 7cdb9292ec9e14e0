"""`hoctap check --fix`: apply the safe fixes findings carry (NFC, Ð→Đ, canonical symbols, a missing space)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..text.findings import Finding
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


def fix_files(findings: list[Finding], site: Site, project: Path) -> tuple[int, list[str]]:
    """Apply the safe fixes in place, in each file a finding with a fix names; return how many were
    applied, and why each file that was not written was refused.

    Only regular files inside the project are written, never through a link: a page linked to a
    file elsewhere would have been changed there. Each file keeps its line endings (CRLF stays CRLF)."""
    total, refused = 0, []
    for path in sorted({f.path for f in findings if f.fix}):
        file = Path(path)
        problem = _refused(file, project)
        if problem:
            refused.append(f"{path}: {problem}; not fixed")
            continue
        markdown = file.suffix.lower() != ".txt"
        with open(file, encoding="utf-8", newline="") as text:  # newline="": "\r\n" is read as it is
            original = text.read()
        fixed, count = fix_text(original, lambda t: check_source(Source.from_text(t, path, markdown), site))
        if count:
            with open(file, "w", encoding="utf-8", newline="") as text:
                text.write(fixed)
            total += count
    return total, refused


def _refused(file: Path, project: Path) -> str:
    """Why `--fix` may not write `file`, or "" when it may."""
    root, absolute = project.resolve(), file.absolute()
    if not absolute.resolve().is_relative_to(root):
        return f"outside the project ({root})"
    for part in [absolute, *absolute.parents]:
        if part.resolve() == root:
            break
        if part.is_symlink():
            return f"{part} is a symbolic link, and --fix does not write through links"
    return "" if file.is_file() else "not a regular file"
