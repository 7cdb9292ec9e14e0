"""A page's front matter edited as text: each key set on its own lines, in place (added at the end when
new), so that the editor's other keys, their order and their comments stay as written. `hoctap import`
and the editors' desk write pages through it, so a key they both write is written the same way."""

from __future__ import annotations

import re

import yaml

FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
REMOVE = object()
"""The value that takes a key out of the front matter; None leaves it empty (`key:`), an unknown fact."""


def set_keys(front: str, updates: dict) -> str:
    """The front matter's text (between the `---` lines) with each key of `updates` set in place."""
    lines = front.splitlines(keepends=True)
    for key, value in updates.items():
        start = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
        new = [] if value is REMOVE else format_key(key, value).splitlines(keepends=True)
        if start is None:
            lines += new
            continue
        end = start + 1
        while end < len(lines) and lines[end].startswith((" ", "\t", "-")):
            end += 1
        lines[start:end] = new
    return "".join(lines)


def format_key(key: str, value) -> str:
    """`key: value` as editors write it: a short list on one line, a long one item by item."""
    if value is None:
        return f"{key}:\n"
    if isinstance(value, list) and any(len(str(v)) > 40 for v in value):
        return f"{key}:\n" + "".join(f"  - {_scalar(v)}\n" for v in value)
    if isinstance(value, list):
        return f"{key}: [{', '.join(_scalar(v) for v in value)}]\n"
    return f"{key}: {_scalar(value)}\n"


def _scalar(value) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value  # as editors write dates; our loader reads them as text
    if isinstance(value, dict):  # one item of a list, on its line: `{so_ky_hieu: 87-CTr/TU, ngay: …}`
        return yaml.safe_dump(value, allow_unicode=True, width=10000, default_flow_style=True, sort_keys=False).strip()
    return yaml.safe_dump(value, allow_unicode=True, width=10000).removesuffix("\n...\n").strip()
