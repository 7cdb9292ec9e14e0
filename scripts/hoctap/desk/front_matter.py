"""Editing a page's front matter from the desk's forms: each key set or removed on its own
lines, so the editor's other keys, their order and their comments stay as written (as
`hoctap import` updates a page; values are written as it writes them)."""

from __future__ import annotations

import re

from ..importing.page import _format as format_key

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)


def set_keys(text: str, updates: dict) -> str:
    """`text` with each key of `updates` set in place (added at the end when new); None removes it,
    "" or [] leaves it empty (`key:`), as an unknown fact is written."""
    m = _FRONT.match(text)
    front, body = (m.group(1) or "", text[m.end():]) if m else ("", text)
    lines = front.splitlines(keepends=True)
    for key, value in updates.items():
        start = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
        new = [] if value is None else format_key(key, value if value not in ("", []) else None).splitlines(keepends=True)
        if start is None:
            lines += new
            continue
        end = start + 1
        while end < len(lines) and lines[end].startswith((" ", "\t", "-")):
            end += 1
        lines[start:end] = new
    return f"---\n{''.join(lines)}---\n{body}"
