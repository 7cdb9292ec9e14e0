"""Start tags of a built page, found by an HTML tokenizer (the standard library's), each with its
place in the text: an edit of a tag (render/languages.py) changes that tag and leaves every other
byte of the page as the build wrote it. A regular expression saw `data-href` as `href`, and tags
inside a script or a comment as tags."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class StartTag:
    start: int  # offset of its `<` in the page
    text: str  # the tag as written, `<a href="…" …>`
    attrs: dict[str, str | None]  # as parsed: names lowercased, values unescaped

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class _Finder(HTMLParser):
    def __init__(self, html: str, name: str):
        super().__init__(convert_charrefs=False)
        self.name, self.found = name, []
        self._line_starts = [0]
        for line in html.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == self.name:
            line, column = self.getpos()
            self.found.append(StartTag(self._line_starts[line - 1] + column, self.get_starttag_text(), dict(attrs)))

    handle_startendtag = handle_starttag


def start_tags(html: str, name: str) -> list[StartTag]:
    """Every `<name …>` of `html` (an SVG's `<a>` too), in order."""
    return _Finder(html, name).found


def replace_tags(html: str, edits: list[tuple[StartTag, str]]) -> str:
    """`html` with each tag (in page order, none overlapping) written as its new text."""
    for tag, text in reversed(edits):
        html = html[:tag.start] + text + html[tag.end:]
    return html
