"""Footnotes of PDFs and scans: set apart from the body, attached where their mark stands.

A footnote is small text at a page's foot, after the body, that starts with its number (`1`, `¹`,
`(1)`); its mark is the same number raised and small, glued to the end of a word in the text
above. The extractors find both from the words' sizes and positions (`mark_words`, `foot_lines`);
`take` then keeps a note apart only where its page holds exactly one mark of its number, and the
Markdown writes it as a footnote (`[^1]`). Never a guess: a foot line that cannot be attributed
stays in the text where it was printed, and a mark with no note stays a superscript number.

Through the stages between, a mark travels inside its word's text as `REF` + label + `END`
(private-use characters no document holds); `markdown_refs` turns it into `[^label]` after escaping.
"""

from __future__ import annotations

import dataclasses
import re
import statistics

from .model import Row

REF, END, SPACED = "\ue000", "\ue001", "\ue002"
_REF = re.compile(f"{REF}([^{END}{SPACED}]*)({SPACED}?){END}")
_NUMBER = re.compile(r"^(?:\d{1,3}|[¹²³⁰⁴-⁹]{1,3}|\(\d{1,3}\))$")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SMALL = 0.85  # × the body's size: a footnote's text, or a mark
_GLUED = 0.35  # × the word's size: a mark stands this close to the word it follows


def body_size(words: list[dict]) -> float:
    """The size most of the page's letters have (`size`: a PDF's font size, a scan's word height)."""
    sizes = [w["size"] for w in words for _ in w["text"]]
    return statistics.median(sizes) if sizes else 0.0


def number(text: str) -> str | None:
    """`1`, `¹`, `(1)` → `1`; anything else None."""
    return text.strip("()").translate(_PLAIN) if _NUMBER.match(text) else None


def mark_words(words: list[dict], body: float, spaced: bool = False) -> list[dict]:
    """The page's words with each raised, small number glued after a word folded into that word as a mark,
    and one glued before a word (a footnote's own number) folded in front of it, a word of its own.
    `spaced`: a mark no note claims goes back as it was read, a word after a space (OCR); else it is
    printed as a superscript number (a PDF's characters say it is one)."""
    small = [w for w in words if number(w["text"]) and w["size"] <= SMALL * body]
    out = [w for w in words if w not in small]
    for mark in small:
        left = [w for w in out if 0 <= mark["x0"] - w["x1"] <= _GLUED * w["size"] and _raised(mark, w)]
        right = [w for w in out if 0 <= w["x0"] - mark["x1"] <= _GLUED * w["size"] and _raised(mark, w)]
        if len(left) == 1:
            left[0]["text"] += REF + number(mark["text"]) + (SPACED if spaced else "") + END
        elif len(right) == 1 and right[0]["size"] <= SMALL * body:
            right[0]["text"] = number(mark["text"]) + " " + right[0]["text"]
        else:
            out.append(mark)
    return out


def _raised(mark: dict, word: dict) -> bool:
    """`mark` stands within `word`'s height, its middle well above the word's: a superscript beside it
    (a digit on the baseline after `ngày`, whose `g` and `y` reach below it, is not)."""
    middle = (mark["top"] + mark["bottom"]) / 2 - (word["top"] + word["bottom"]) / 2
    return word["top"] - 0.2 * word["size"] <= mark["top"] and middle < -0.15 * word["size"] \
        and mark["size"] <= 0.75 * word["size"]


def foot_lines(lines: list[list[dict]], body: float) -> dict[int, str]:
    """Line index → the number of the footnote it belongs to. Notes are the page's last lines of small
    text: each opens with its number, and a line right under one (no wider gap than a line's) continues it;
    a line further down (a running footer) ends them."""
    start = len(lines)
    while start > 0 and all(w["size"] <= SMALL * body for w in lines[start - 1]):
        start -= 1
    if start == 0:
        return {}  # a page all of small text has no foot to tell apart
    found, current = {}, None
    for i in range(start, len(lines)):
        n = number(_first(lines[i]).split(" ")[0])
        below = current is not None and lines[i][0]["top"] - lines[i - 1][0]["bottom"] <= 0.8 * lines[i][0]["size"]
        if n is not None:
            current = n
        elif not below:
            if current is not None:
                break
            continue
        found[i] = current
    return found


def _first(line: list[dict]) -> str:
    return min(line, key=lambda w: w["x0"])["text"]


def take(rows: list[Row]) -> tuple[list[Row], list[tuple[str, str]]]:
    """The rows without the footnotes that can be attributed, their marks labelled; and the notes as
    (label, text), in order. A note's label is its number, with its page where numbers repeat."""
    notes: dict[tuple[int, str], list[Row]] = {}
    for row in rows:
        if row.foot:
            notes.setdefault((row.page, row.foot), []).append(row)
    marks: dict[tuple[int, str], int] = {}
    for row in rows:
        if not row.foot:
            for n, _ in _REF.findall(row.text):
                marks[row.page, n] = marks.get((row.page, n), 0) + 1
    # a note stands on its mark's page, or on the next when the mark ended a page; exactly one mark of its number
    placed = {(page, n): (page if marks.get((page, n)) == 1 else page - 1) for page, n in notes
              if marks.get((page, n)) == 1 or not marks.get((page, n)) and marks.get((page - 1, n)) == 1
              and (page - 1, n) not in notes}
    kept = set(placed)
    repeated = {n for _, n in kept if sum(1 for _, m in kept if m == n) > 1}
    label = {(placed[key], key[1]): f"{key[1]}-trang-{key[0]}" if key[1] in repeated else key[1] for key in kept}
    out = []
    for row in rows:
        if row.foot and (row.page, row.foot) in kept:
            continue
        cells = [dataclasses.replace(c, text=_REF.sub(lambda m: _as_printed(row.page, m, label), c.text))
                 for c in row.cells] if REF in row.text else row.cells
        out.append(dataclasses.replace(row, cells=cells, foot=None))
    texts = [(label[placed[key], key[1]], " ".join(" ".join(r.text.split()) for r in notes[key]).split(" ", 1)[-1])
             for key in notes if key in kept]
    return out, texts


def _as_printed(page: int, mark: re.Match, label: dict) -> str:
    if (page, mark[1]) in label:
        return f"{REF}{label[page, mark[1]]}{END}"
    return " " + mark[1] if mark[2] else mark[1].translate(_SUPERSCRIPT)


def plain(text: str) -> str:
    """A text with its marks as superscript numbers: where a field or a heading's outline holds one."""
    return _REF.sub(lambda m: m[1].split("-")[0].translate(_SUPERSCRIPT), text)


def without(text: str) -> str:
    """A text without its marks: a paragraph as the key points quote it (unescape drops `[^1]` too)."""
    return _REF.sub("", text)


def plain_rows(rows: list[Row]) -> list[Row]:
    """`rows` with their marks as superscript numbers (the header and the closing: no field holds a mark)."""
    return [dataclasses.replace(r, cells=[dataclasses.replace(c, text=plain(c.text)) for c in r.cells])
            if REF in r.text else r for r in rows]


def markdown_refs(markdown: str) -> str:
    """Escaped Markdown with each mark written as a footnote reference."""
    return _REF.sub(lambda m: f"[^{m[1]}]", markdown)


def definitions(notes: list[tuple[str, str]], escape) -> str:
    return "".join(f"[^{label}]: {escape(text)}\n" for label, text in notes)
