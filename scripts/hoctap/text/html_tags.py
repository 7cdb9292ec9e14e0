"""The tags and elements of a built page, found by an HTML tokenizer (the standard library's), each
with its place in the text: an edit (render/languages.py, publish/pdf.py) changes those tags or
elements and leaves every other byte as the build wrote it. Regular expressions saw `data-href` as
`href`, tags inside a script or a comment as tags, and ended a `<div>` at the first `</div>` inside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
"""Elements without content or end tag."""


@dataclass(frozen=True)
class StartTag:
    start: int  # offset of its `<` in the page
    text: str  # the tag as written, `<a href="…" …>`
    attrs: dict[str, str | None]  # as parsed: names lowercased, values unescaped
    name: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


@dataclass(frozen=True)
class Element:
    tag: StartTag
    inner_end: int  # where its end tag begins
    close: int  # just after its end tag


@dataclass
class Parsed:
    tags: list[StartTag] = field(default_factory=list)  # every start tag, in page order
    elements: list[Element] = field(default_factory=list)  # every closed element, by its start


class _Tokens(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.parsed, self._open = Parsed(), []
        self._open_names: Counter[str] = Counter()  # how many of each name are open, to skip a stray end tag at once
        self._line_starts = [0]
        for line in html.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))
        self.feed(html)
        self.close()
        self.parsed.elements.sort(key=lambda e: e.tag.start)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        found = StartTag(self._offset(), self.get_starttag_text(), dict(attrs), tag)
        self.parsed.tags.append(found)
        if tag not in VOID:
            self._open.append(found)
            self._open_names[tag] += 1

    def handle_startendtag(self, tag, attrs):
        self.parsed.tags.append(StartTag(self._offset(), self.get_starttag_text(), dict(attrs), tag))

    def handle_endtag(self, tag):
        """An end tag closes the latest open element of its name, and the unclosed ones inside it."""
        if not self._open_names[tag]:
            return
        start = self._offset()
        close = self.rawdata.index(">", start) + 1
        while True:
            opened = self._open.pop()
            self._open_names[opened.name] -= 1
            if opened.name == tag:
                break
        self.parsed.elements.append(Element(opened, start, close))


class _Text(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.feed(html)
        self.close()

    def handle_data(self, data):
        self.pieces.append(data)


def parse(html: str) -> Parsed:
    return _Tokens(html).parsed


def start_tags(html: str, name: str) -> list[StartTag]:
    """Every `<name …>` of `html` (an SVG's `<a>` too), in order."""
    return [tag for tag in parse(html).tags if tag.name == name]


def splice(html: str, edits: list[tuple[int, int, str]]) -> str:
    """`html` with each span `(start, end)` (none overlapping) replaced by its text."""
    pieces, at = [], 0
    for start, end, text in sorted(edits):
        pieces += [html[at:start], text]
        at = end
    return "".join(pieces) + html[at:]


def text_of(html: str) -> str:
    """The text of an HTML fragment, its character references read."""
    return "".join(_Text(html).pieces)
