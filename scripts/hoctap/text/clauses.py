"""Whole clauses of a source text: what a slide, a speaker sheet or a discussion question may quote.

A quotation cut inside a clause ("…ứng dụng mạnh mẽ chuyển đổi", "lương, tiền thưởng…") says less,
or other, than the text; one that runs from a clause's start to its end does not. A clause ends at
`.`, `;`, `:`, `!` or `?` (followed by a space or the paragraph's end), and a paragraph, a list item
(`- …`) and a heading (`1. Mục đích`) end one too. The lines of the source are PDF extractions:
their breaks, even blank lines, are layout, never an end by themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

from .sources import _ITEM, _PART, _REF, _UNNUMBERED, CORRECTION, GAP, _lines
from .pages import DEFAULT_LANG
from .symbols import find_mentions
from .vietnamese import reading_key

_END = re.compile(r"[.;:!?](?=\s|$)")
_LIST_MARK = re.compile(r"^\s*[-–•]\s+(?!\d)")  # "- 2030" is a year carried over, not an item
_TRAILING = " ;:"


def _blocks(path: Path) -> list[tuple[str, dict[int, int]]]:
    """Each paragraph, list item and heading of a source: its text on one line, and where each of its
    lines (by number, 1-based) starts in that text."""
    blocks: list[tuple[str, dict[int, int]]] = []
    after_break = True  # a heading, or a blank line after a clause's end, ends the paragraph before
    for number, line in enumerate(_lines(path), start=1):
        stripped = " ".join(line.split())
        if not stripped:  # the extraction leaves blank lines inside sentences too: only one after an end counts
            after_break = after_break or bool(blocks and _END.search(blocks[-1][0][-1:]))
            continue
        heading = bool(_PART.match(line) or _ITEM.match(line) or _UNNUMBERED.match(line))
        if after_break or heading or _LIST_MARK.match(line):
            blocks.append((_LIST_MARK.sub("", stripped), {number: 0}))
        else:
            text, starts = blocks[-1]
            starts[number] = len(text) + 1
            blocks[-1] = (f"{text} {stripped}", starts)
        after_break = heading
    return blocks


def clauses_around(source_dir: Path, ref: str, words: str | None = None) -> str | None:
    """The whole clauses of the source that hold `words`, or the cited lines when None, as one
    passage; None when the reference is broken or the words are not in the cited lines' paragraphs."""
    match = _REF.match(str(ref).strip())
    path = Path(source_dir) / match["file"] if match else None
    if path is None or not path.is_file():
        return None
    first, last = int(match["first"]), int(match["last"] or match["first"])
    passages = []
    for text, starts in _blocks(path):
        lines = [n for n in starts if first <= n <= last]
        if not lines:
            continue
        if words is not None:
            found = _find(text, words)
            if found is not None:
                return _whole(text, *found)
            continue
        after = [offset for n, offset in starts.items() if n > lines[-1]]
        passages.append(_whole(text, starts[lines[0]], after[0] - 1 if after else len(text)))
    return " ".join(passages) or None


def is_whole(source_dir: Path, ref: str, quote: str) -> bool:
    """`quote` runs from the start of a clause of the cited source to the end of one (its ending mark
    aside); words left out inside are marked `…`, a slip of the source `[nguyên văn…]`."""
    pieces = [p.strip() for p in CORRECTION[DEFAULT_LANG].sub("", quote).split(GAP) if p.strip()]
    if not pieces:
        return False
    begins = clauses_around(source_dir, ref, pieces[0])
    ends = clauses_around(source_dir, ref, pieces[-1])
    key = lambda text: reading_key(text.rstrip(_TRAILING + "."))
    return (begins is not None and ends is not None and key(begins).startswith(key(pieces[0]))
            and key(ends).endswith(key(pieces[-1])))


def _find(text: str, words: str) -> tuple[int, int] | None:
    """Where `words` are in `text`, spaces and line breaks aside (case kept)."""
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    found = re.search(pattern, text) if pattern else None
    return (found.start(), found.end()) if found else None


def _whole(text: str, start: int, end: int) -> str:
    """`text[start:end]` grown to the clauses around it: back to the end before it, on to the end after it."""
    before = [m.end() for m in _END.finditer(text, 0, start)]
    begin = before[-1] if before else 0
    after = _END.search(text, max(end - 1, begin))
    finish = after.end() if after else len(text)
    return text[begin:finish].strip().rstrip(_TRAILING)


def mark_slips(quote: str) -> str:
    """A quotation with each symbol the source misspells kept as printed and marked right after it, as
    the pages' quotations are (hoctap.text.sources.CORRECTION): `18-Ctr/TU [nguyên văn, đúng là 18-CTr/TU]`."""
    out, at = [], 0
    for mention in find_mentions(quote):
        if mention.raw != mention.symbol.canonical:
            out += [quote[at:mention.end], f" [nguyên văn, đúng là {mention.symbol.canonical}]"]  # CORRECTION["vi"]
            at = mention.end
    return "".join(out) + quote[at:]
