"""What a check looks at: a text, where its prose is, and the site it is checked against."""

from __future__ import annotations

import bisect
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..content.page import Document, Page, parse_page, read_text
from ..text.findings import Finding, Fix
from ..text.pages import page_stem
from ..text.sources import cited
from ..registry.documents import Registry
from ..text.symbols import Mention, find_mentions
from ..text.toan_van_markers import regions

MASK = "\x00"
"""Stands for a character that is not prose (code, a URL, an HTML tag): not a letter, not a space."""

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_CODE = r"<!--.*?-->|(?P<tick>`+)(?:[^\n]|\n(?![ \t]*\n))+?(?P=tick)"  # HTML comments, inline code
# Each pattern opens with a lookahead on the characters its matches can start with: the engine
# skips to those instead of trying every branch at every character (half the time of a mask)
_NOT_CODE = re.compile(r"(?=[<`])(?:" + _CODE + ")", re.S)
_NOT_PROSE = re.compile(
    r"(?=[<`(\[ \t{h:])(?:" + _CODE +
    r"|(?<=\])\([^)\n]*\)"               # link and image destinations
    r"|^[ \t]*\[[^\]\n]+\]:[ \t]*\S+"    # reference definitions
    r"|</?[A-Za-z!][^>\n]*>"             # HTML tags and autolinks
    r"|\{[:#.][^}\n]*\}"                 # attribute lists
    r"|https?://\S+"                     # bare URLs
    r"|(?<!\w):[a-z0-9_+-]+:(?!\w))",    # icon and emoji shortcodes
    re.M | re.S,
)
# What the patterns' matches hold, looked for first with `in` (keep in step with the branches above):
# a page of plain prose holds none of them and is its own mask, found without entering the pattern at
# each of its characters (the mask was a tenth of the checks stage at 1,000 documents). An emoji
# shortcode needs a colon right before a lowercase word, looked for by a pattern opening with the colon.
_CODE_MARKS = ("<!--", "`")
_PROSE_MARKS = ("<", "`", "](", "]:", "{", "://")
_SHORTCODE = re.compile(r":(?<!\w:)[a-z0-9_+-]+:(?!\w)")


def blank(match: re.Match) -> str:
    """The matched text as MASK, its line breaks kept."""
    return re.sub(r"[^\n]", MASK, match.group())


def mask_markdown(text: str, code_only: bool = False) -> str:
    """`text` with code (and unless `code_only`, URLs and HTML tags) replaced by MASK, same length and lines."""
    if "```" in text or "~~~" in text:
        text = _mask_fenced_code(text)
    if code_only:
        return _NOT_CODE.sub(blank, text) if any(mark in text for mark in _CODE_MARKS) else text
    if any(mark in text for mark in _PROSE_MARKS) or _SHORTCODE.search(text):
        return _NOT_PROSE.sub(blank, text)
    return text


def _mask_fenced_code(text: str) -> str:
    """`text` with the lines of its fenced code blocks (``` or ~~~, also inside a quotation) as MASK."""
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is None:
            if not m:
                continue
            fence = m.group(1)
        elif m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
            fence = None
        lines[i] = MASK * len(line)
    return "\n".join(lines)


@dataclass
class Source:
    """A file to check: its text, its front matter (Markdown only) and its prose."""

    path: str  # as reported in findings
    text: str
    markdown: bool = True
    meta: dict = field(default_factory=dict)
    key_lines: dict = field(default_factory=dict)
    body_start: int = 0  # offset where the body starts, after the front matter
    file: Path | None = None  # on disk, to resolve relative links
    page: Page | None = None  # Markdown only

    @classmethod
    def from_text(cls, text: str, shown: str, markdown: bool = True) -> "Source":
        """Raises ContentError when the front matter is not YAML."""
        if not markdown:
            return cls(shown, text, markdown=False)
        return cls.from_page(text, parse_page(text, Path(shown)))

    @classmethod
    def from_page(cls, text: str, page: Page) -> "Source":
        """A page the registry has already parsed: its front matter is not parsed twice."""
        return cls(page.path.as_posix(), text, True, page.meta, page.key_lines, len(text) - len(page.body), page=page)

    @classmethod
    def read(cls, file: Path, shown: str) -> "Source":
        """Raises ContentError for a binary, non-UTF-8 or broken-YAML file. The caller sets `file`."""
        return cls.from_text(read_text(file, shown), shown, markdown=file.suffix.lower() != ".txt")

    @cached_property
    def prose(self) -> str:
        """The text with what is not prose masked; front matter is kept, as it is shown on the card."""
        if not self.markdown:
            return self.text
        return self.text[: self.body_start] + mask_markdown(self.text[self.body_start:])

    @cached_property
    def mentions(self) -> list[Mention]:
        """The symbols the prose names, found once for the checks that read them (S1, F103)."""
        return find_mentions(self.prose)

    @cached_property
    def markup(self) -> str:
        """The text with only code masked: HTML and link targets stay, to be checked."""
        return self.text[: self.body_start] + mask_markdown(self.text[self.body_start:], code_only=True)

    @cached_property
    def full_texts(self) -> list[tuple[int, int]]:
        """Where the official texts kept verbatim are (hoctap.text.toan_van_markers), as offsets: none outside Markdown."""
        return regions(self.text) if self.markdown else []

    def in_full_text(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.full_texts)

    def finding_in_full_text(self, finding: Finding) -> bool:
        spans = [(self.position(start), self.position(end)) for start, end in self.full_texts]
        return any(start <= (finding.line, finding.col) < end for start, end in spans)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def finding(self, offset: int, code: str, message: str, hint: str = "", fix: str | None = None,
                length: int = 0) -> Finding:
        """A finding at `offset`; with `fix`, the text[offset:offset+length] is safely replaced by it."""
        line, col = self.position(offset)
        repair = Fix(line, col, self.text[offset:offset + length], fix) if fix is not None else None
        return Finding(self.path, line, col, code, message, hint, repair)


@dataclass
class Site:
    """The registry seen from the checks: documents by canonical symbol."""

    registry: Registry
    source_dir: Path | None = None  # the source texts quotations are checked against
    whole_site: bool = False
    """The site's own check (`check_site`): a citation's other place, the cited document's header (S106), is
    reported too; files checked one by one get only their own findings."""
    _cited: dict[str, tuple[str | None, str]] = field(default_factory=dict, repr=False)

    def cited(self, ref: str) -> tuple[str | None, str]:
        """The lines of the sources folder `ref` points at, or None and why (hoctap.text.sources.cited),
        read once per check: pages cite the same lines again and again, and each reading resolved the
        folder and the file anew (F104 was a tenth of the checks stage at 1,000 documents)."""
        if self.source_dir is None:
            return None, "no sources folder"
        if ref not in self._cited:
            self._cited[ref] = cited(self.source_dir, ref)
        return self._cited[ref]

    def on_disk(self, path: Path) -> Document | None:
        """The document whose page (any language) is `path`, a link's target or a checked file."""
        return self.pages_on_disk.get(os.fspath(path.resolve()))

    @cached_property
    def pages_on_disk(self) -> dict[str, Document]:
        """Documents by the absolute path of their page (any language), as `on_disk` looks them up.
        Strings, not Paths: a Path hashes by rebuilding its parts, and the keys and folders of a
        thousand documents cost more than the links looked up in them."""
        docs_dir = os.fspath(self.registry.docs_dir.resolve())
        found = {}
        translations: dict[str, dict[str, list[str]]] = {}  # folder → stem → `stem.<lang>.md` names, read once
        for document in self.registry.documents:
            folder, name = os.path.split(os.path.join(docs_dir, document.page.path))
            found[os.path.join(folder, name)] = document
            if folder not in translations:
                translations[folder] = defaultdict(list)
                for other in os.listdir(folder) if os.path.isdir(folder) else []:
                    if other.endswith(".md") and other.count(".") >= 2:
                        translations[folder][page_stem(other)].append(other)
            for other in translations[folder].get(page_stem(name), []):
                found[os.path.join(folder, other)] = document
        return found

    @property
    def by_symbol(self) -> dict[str, Document]:
        return self.registry.by_symbol
