"""Line references into the federation's source texts (`ke-hoach-….txt:81-84`) and the check that a
claim is really there — the guard that keeps generated study material from inventing facts."""

from __future__ import annotations

import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from .vietnamese import reading_key

_REF = re.compile(r"^(?P<file>[^:\s]+):(?P<first>\d+)(?:-(?P<last>\d+))?$")

CORRECTION = {
    "vi": re.compile(r"\s*\[nguyên văn(?:[,;:][^\]]*)?\]"),
    "en": re.compile(r"\s*\[sic(?::[^\]]*)?\]"),
}
"""How a quotation marks the source's own slip, right after it, by the page's language: a Vietnamese
reader knows `của của [nguyên văn]` and `18-Ctr/TU [nguyên văn, đúng là 18-CTr/TU]`; an English
reader knows `[sic: …]`."""


def marked_as_printed(prose: str, end: int) -> bool:
    """The words before `end` are the source's own spelling, kept in a quotation and marked so."""
    return any(marker.match(prose, end) for marker in CORRECTION.values())


def _lines(path: Path) -> tuple[str, ...]:
    return _lines_as_of(path, _stamp(path))


def _stamp(path: Path) -> tuple[int, int, int]:
    """What tells a changed file: the cache below holds a source as it was read, and the desk keeps
    one process between saves, in which an original may be imported again."""
    st = path.stat()
    return st.st_mtime_ns, st.st_size, st.st_ino


@lru_cache(maxsize=32)
def _lines_as_of(path: Path, stamp: tuple) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


def not_a_source_file(source_dir: Path, name: str) -> str | None:
    """Why `name` (`ke-hoach-….txt`, an imported original) names no file of the sources folder, or None:
    a file elsewhere (`../`, an absolute path, a link out) is never read.

    A bare file name that is a regular file, not a link, is in the folder: one `lstat`. Anything else
    (a sub-folder, `..`, a link) is resolved and compared with the folder: every card and check asks,
    two thousand times a build at 1,000 documents, and resolving each path cost a tenth of a second."""
    if os.sep not in name and "/" not in name and name not in (".", ".."):
        try:
            if stat.S_ISREG(os.lstat(os.path.join(source_dir, name)).st_mode):
                return None
        except (OSError, ValueError):
            pass
    folder = Path(source_dir).resolve()
    path = (folder / name).resolve()
    if folder not in path.parents:
        return f"`{name}` is outside the sources folder"
    if not path.is_file():
        return f"`{name}` is not in the sources folder {source_dir}"
    return None


def cited(source_dir: Path, ref: str) -> tuple[str | None, str]:
    """The text a reference points at, or None and why it points at nothing."""
    match = _REF.match(str(ref).strip())
    if not match:
        return None, f"`{ref}` is not a source reference; write it as file.txt:LINE or file.txt:FIRST-LAST"
    problem = not_a_source_file(source_dir, match["file"])
    if problem:
        return None, problem
    path = Path(source_dir) / match["file"]
    try:
        lines = _lines(path)
    except UnicodeDecodeError:
        return None, (f"`{match['file']}` is not a text file (an original Word or PDF file?): cite the lines of its "
                      "text, a .txt file in the sources folder")
    first, last = int(match["first"]), int(match["last"] or match["first"])
    if not 1 <= first <= last <= len(lines):
        return None, f"`{ref}`: lines {first}-{last} are outside {match['file']} ({len(lines)} lines)"
    return "\n".join(lines[first - 1:last]), ""


GAP = "…"
"""Marks words of the source left out of a quotation."""


def ungrounded(source_dir: Path, ref: str, claim: str) -> str:
    """Why `claim` is not backed by the cited lines (its pieces in order, where `…` leaves words out);
    empty when it is."""
    text, problem = cited(source_dir, ref)
    if text is None:
        return problem
    return "" if said_in(text, claim) else f"{claim!r} is not in the cited lines {ref}"


def said_in(text: str, claim: str) -> bool:
    """Whether `text` says `claim`: its pieces (`…` leaves words out) in order, as a reader compares
    them (reading_key: case, Unicode form and line breaks aside)."""
    said, at = reading_key(text), 0
    for piece in (reading_key(p) for p in claim.split(GAP) if p.strip()):
        at = said.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def lines_saying(path: Path, claim: str, most: int = 8) -> tuple[int, int] | None:
    """The fewest consecutive lines of a source (at most `most`) that say `claim`, as (first, last)
    counted from 1, the first such run in the file; None when no run says it."""
    lines = _lines(path)
    for span in range(1, most + 1):
        for first in range(len(lines) - span + 1):
            if said_in("\n".join(lines[first:first + span]), claim):
                return first + 1, first + span
    return None


# A source's own headings: `I. MỤC ĐÍCH, YÊU CẦU`, `1. Mục đích`, ` 4. Thời gian: 01 ngày…`, `Nơi nhận:`
_PART = re.compile(r"^\s*(?P<roman>[IVX]+)\.\s+\S")
_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})\.\s+\S")
_UNNUMBERED = re.compile(r"^\s*(?P<name>Nơi nhận)\s*:")

OPENING = ""
"""The section of the lines before a source's first heading (its opening: căn cứ, title)."""


def _sections(path: Path) -> tuple[str, ...]:
    return _sections_as_of(path, _stamp(path))


@lru_cache(maxsize=32)
def _sections_as_of(path: Path, stamp: tuple) -> tuple[str, ...]:
    """The section each line of a source belongs to, by the source's own headings: `II.1`, `III`,
    `Nơi nhận`, or OPENING before the first heading."""
    part, current, found = "", OPENING, []
    for line in _lines(path):
        if m := _PART.match(line):
            part = current = m["roman"]
        elif (m := _ITEM.match(line)) and part:
            current = f"{part}.{m['n']}"
        elif m := _UNNUMBERED.match(line):
            part, current = "", m["name"]
        found.append(current)
    return tuple(found)


def section_of(source_dir: Path, ref: str) -> tuple[str, str] | None:
    """(source file, section) a reference points into, as a reader cites it: `II.1` when its lines sit in
    one numbered item, `II` when in one part, `II.2–III.2` across parts, OPENING before the first
    heading; None when the reference is broken (then None alone) or runs from the opening on (then
    it is cited as the document itself)."""
    text, _ = cited(source_dir, ref)
    if text is None:
        return None
    match = _REF.match(str(ref).strip())
    sections = _sections(Path(source_dir) / match["file"])
    first, last = int(match["first"]), int(match["last"] or match["first"])
    span = set(sections[first - 1:last])
    if len(span) == 1:
        return match["file"], span.pop()
    parts = {s.split(".")[0] for s in span}
    if OPENING in span:
        return match["file"], None
    if len(parts) == 1:
        return match["file"], parts.pop()
    return match["file"], f"{sections[first - 1]}–{sections[last - 1]}"


def section_text(source_dir: Path, file: str, section: str) -> str | None:
    """The lines of a source under one of its own sections (`III.1`; `III` with its items; OPENING;
    `Nơi nhận`), joined; None when the source is not there or has no such section."""
    path = Path(source_dir) / file
    if not path.is_file():
        return None
    inside = [line for line, where in zip(_lines(path), _sections(path))
              if where == section or section and where.startswith(section + ".")]
    return "\n".join(inside) if inside else None
