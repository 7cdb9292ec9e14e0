"""Our stylesheets as the site serves them: without comments and spare white space.

The sources in overrides/assets/stylesheets/ keep their comments (why each rule is there); a
phone's first visit need not download them (benchmarks/budget.toml: 1.3 KiB of 70 gzip-compressed).
Conservative on purpose: strings are kept as written, and white space goes only where CSS never
reads it (around `{`, `}` and `;`, before `,`: after one, inside `var()`, it is part of the value); a space that can be a descendant combinator stays.
"""

from __future__ import annotations

import re

_STRING_OR_COMMENT = re.compile(r'("(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\')|/\*.*?\*/', re.S)
_STRING = re.compile(r'("(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\')', re.S)
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([{};])\s*|\s*(,)")


def css(text: str) -> str:
    # A comment counts as white space; strings are split out and kept as they are
    text = _STRING_OR_COMMENT.sub(lambda m: m.group(1) or " ", text)
    parts = _STRING.split(text)
    squeezed = [part if i % 2 else _AROUND.sub(lambda m: m.group(1) or m.group(2), _SPACE.sub(" ", part)) for i, part in enumerate(parts)]
    return "".join(squeezed).replace(";}", "}").strip() + "\n"
