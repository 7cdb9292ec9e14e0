"""A page's outline as its text numbers it: the section each anchor opens (`III.1`, `Điều 5`, the
opening, `Nơi nhận`) and the stretch of the page under it. Key points are checked and cited by it
(hoctap.registry.key_points), and `hoctap import --key-points` finds a page's anchor for a section by it.
"""

from __future__ import annotations

import re
import unicodedata

from .sources import OPENING
from .vietnamese import slugify

_ATTR_ID = re.compile(r"\{:?\s*#([\w-]+)[^}]*\}")
_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*(?:\{:?\s*#([\w-]+)[^}]*\})?\s*$")
_NUMBER = re.compile(r"^([IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\\?\.\s")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def normal(text: str) -> str:
    """The only reading a quote is compared after: Unicode NFC and one space for any whitespace."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def sections(markdown: str) -> dict[str, tuple[str, int, int]]:
    """Anchor → (section as the text numbers it, start, end offsets of what lies under it) for every
    heading and attribute-list id of a page. Numbers nest (`## III.` then `### 1.` is `III.1`; a
    `Điều 5` heading is `Điều 5`); an unnumbered heading before the first numbered one is the
    opening (OPENING), another is named by its words (`Nơi nhận`). An id on a paragraph
    (`{: #dieu-5-khoan-2 }`) is that paragraph and what follows it up to the next heading."""
    text = _FENCE.sub(lambda m: " " * len(m.group(0)), markdown)
    found: dict[str, tuple[str, int, int]] = {}
    open_: list[tuple[int, str, str, int]] = []  # (level, number, anchor, start) of the headings above
    numbered_yet = False
    at = 0
    for line in text.splitlines(keepends=True):
        m = _HEADING.match(line.rstrip("\n"))
        if m:
            level, words = len(m[1]), m[2]
            anchor = m[3] or _slug(words)
            while open_ and open_[-1][0] >= level:
                closed = open_.pop()
                found[closed[2]] = (found[closed[2]][0], closed[3], at)
            number = _number_of(words)
            if number:
                numbered_yet = True
                # `1.2.` under `II.` is `II.1.2`: a dotted number stands for the arabic ones above it
                above = [n for _, n, _, _ in open_ if n and not n.startswith("Điều")
                         and not ("." in number and n.isdigit())]
                section = number if number.startswith("Điều") else ".".join(above + [number])
            else:
                section = OPENING if not numbered_yet and not open_ else re.sub(r"\\(.)", r"\1", words).strip()
            open_.append((level, number, anchor, at))
            found[anchor] = (section, at, len(text))
        else:
            for anchor in _ATTR_ID.findall(line):
                blank = text.rfind("\n\n", 0, at)
                start = blank + 2 if blank >= 0 else 0  # the paragraph the id is on
                above = open_[-1][2] if open_ else ""
                end = text.find("\n#", at)
                found.setdefault(anchor, (found[above][0] if above else "", start, len(text) if end < 0 else end + 1))
        at += len(line)
    return found


def _number_of(words: str) -> str:
    dieu = re.match(r"^(Điều|ĐIỀU)\s+(\d+)", words)
    if dieu:
        return f"Điều {dieu[2]}"
    m = _NUMBER.match(words)
    return m[1] if m else ""


def _slug(words: str) -> str:
    """The id the `toc` extension gives a heading without one (as hoctap.registry.quiz.headings reads it)."""
    return slugify(re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", words).strip(), "-")
