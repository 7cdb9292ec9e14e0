"""Line references into the federation's source texts (`ke-hoach-….txt:81-84`) and the check that a
claim is really there — the guard that keeps generated study material from inventing facts."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .vietnamese import reading_key

_REF = re.compile(r"^(?P<file>[^:\s]+):(?P<first>\d+)(?:-(?P<last>\d+))?$")


@lru_cache(maxsize=32)
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


def cited(source_dir: Path, ref: str) -> tuple[str | None, str]:
    """The text a reference points at, or None and why it points at nothing."""
    match = _REF.match(str(ref).strip())
    if not match:
        return None, f"`{ref}` is not a source reference; write it as file.txt:LINE or file.txt:FIRST-LAST"
    path = Path(source_dir) / match["file"]
    if not path.is_file():
        return None, f"`{match['file']}` is not in the sources folder {source_dir}"
    lines = _lines(path)
    first, last = int(match["first"]), int(match["last"] or match["first"])
    if not 1 <= first <= last <= len(lines):
        return None, f"`{ref}`: lines {first}-{last} are outside {match['file']} ({len(lines)} lines)"
    return "\n".join(lines[first - 1:last]), ""


def ungrounded(source_dir: Path, ref: str, claim: str) -> str:
    """Why `claim` is not backed by the cited lines; empty when it is."""
    text, problem = cited(source_dir, ref)
    if text is None:
        return problem
    if reading_key(claim) not in reading_key(text):
        return f"{claim!r} is not in the cited lines {ref}"
    return ""
