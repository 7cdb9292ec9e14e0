"""Text as printed, written as Markdown that shows it as printed, and back: the importer escapes every
paragraph of an official text, and the key points are compared with the text unescaped.

An official text comes from outside, so no line of it may become markup: not HTML (`<script>`:
Python-Markdown does not honour `\\<`, so `<` is written `&lt;`), not an entity (`&lt;` is
written `&amp;lt;` and shows as typed), not a block of the site's extensions (`!!! danger`, `???`,
a definition's `: `, a `~~~` fence, a `{: .class }`), not emphasis, a link or a table.
"""

from __future__ import annotations

import html
import re

from .ocr_marks import unmarked

_INLINE = re.compile(r"([\\`*_\[\]{}>|])")
"""Characters Python-Markdown (and its tables extension) unescape after a backslash."""
_ENTITIES = {"&": "&amp;", "<": "&lt;"}
_LINE_START = {"!": "\\!", "#": "\\#", "+": "\\+", "-": "\\-", "=": "&#61;", "?": "&#63;", ":": "&#58;", "~": "&#126;"}
"""What opens a block at the start of a line, and how it is written there instead."""
_FOOTNOTE_REF = re.compile(r"(?<!\\)\[\^[^\]\s]+\](?!:)")
"""A footnote's mark (`[^1]`, hoctap.importing.footnotes): no printed text; `escape` writes a printed bracket escaped."""
_WRITTEN = re.compile(r"\\([\\`*_\[\]{}>|#+.!-])|&(amp|lt|#61|#63|#58|#126);")


def escape_inline(text: str) -> str:
    """Markup characters escaped, for text inside a heading or a list item."""
    text = re.sub(r"[&<]", lambda m: _ENTITIES[m.group()], text)
    return _INLINE.sub(r"\\\1", text)


def escape(text: str) -> str:
    """A paragraph as Markdown that shows it as printed: markup characters escaped, a line's opening too."""
    text = re.sub(r"^[ \t]+", "", escape_inline(text), flags=re.M)  # four spaces would open a code block
    text = re.sub(r"^([ \t]*)([!#+\-=?:~])", lambda m: m.group(1) + _LINE_START[m.group(2)], text, flags=re.M)
    return re.sub(r"^([ \t]*\d+)\.(\s)", r"\1\\.\2", text, flags=re.M)


def unescape(markdown: str) -> str:
    """The text `escape` was given (the entities it writes, its backslashes), in one pass; a scan's
    words marked for checking (hoctap.text.ocr_marks) as OCR read them; a footnote's mark left out."""
    markdown = _FOOTNOTE_REF.sub("", unmarked(markdown))
    return _WRITTEN.sub(lambda m: m.group(1) if m.group(1) is not None else html.unescape(m.group()), markdown)
