"""Text as printed, written as Markdown that shows it as printed, and back: the importer escapes every
paragraph of an official text, and the key points are compared with the text unescaped."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")


def escape_inline(text: str) -> str:
    """Markup characters escaped, for text inside a heading or a list item."""
    return _ESCAPE.sub(r"\\\1", text)


def escape(text: str) -> str:
    """A paragraph as Markdown that shows it as printed: markup characters escaped, a leading `1.` too."""
    text = escape_inline(text)
    return re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", re.sub(r"^([#+=-])", r"\\\1", text))


def unescape(markdown: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|#+=.-])", r"\1", markdown)
