"""Vietnamese text hygiene: the slips that reach print in hand-typed administrative text."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..text.findings import Finding
from ..text.sources import marked_as_printed
from ..text.vietnamese import INVISIBLE
from .source import Source

_COMBINING = re.compile(r".[\u0300-\u036f]+", re.S)
_LOOK_ALIKE = {"Ð": "Đ", "ð": "đ"}

REPEATABLE_NOT = frozenset(
    "của và các những là được bị trong cho với về theo tại để thì mà đã sẽ đang này đó một cũng số "
    "hoặc nhưng như khi nếu vì do bởi qua trên đến nhằm "
    "the a an of and to in for on is with by".split()
)
"""Grammatical words that are never doubled on purpose. Content words are left alone: Vietnamese
doubles them on purpose ("người người, nhà nhà thi đua")."""

# Possessive `\w++`: a word that is not followed by itself fails once, not once per shorter prefix
_DOUBLED = re.compile(r"\b(\w++)(?:[ \t]+|[ \t]*\n[ \t]*)(\1)(?!\w)", re.I)
# The lookahead first: the engine skips to the letters these words start with
_GLUED = re.compile(r"(?=[sSnNtT])(?<!\w)(số|ngày|tháng|năm)(?=\d)", re.I)
_SPACE_BEFORE = re.compile(r"(?=[ \t])(?<=[\w)\]”\"*])[ \t]+(?=[,;:!?]|\.(?![.\w]))")  # lookahead first, as below
_DOUBLE_SPACE = re.compile(r"(?=  )(?<=\w) {2,}(?=\w)")  # the lookahead first: the engine jumps to spaces
# What a slip needs, looked for first: most pages have none. A pattern that opens with a character class
# lets `re` skip to the rare characters (a digit, a punctuation mark) instead of trying the slip's own
# pattern at every letter or space: V104 and V106 were a tenth of the checks stage at 1,000 documents
_LETTER_THEN_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)")
_SPACE_THEN_MARK = re.compile(r"[,;:!?.](?<=[ \t][,;:!?.])")

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def _old_style_pairs() -> dict[str, str]:
    """`oà` → `òa`, `uỷ` → `ủy`…: the tone on the second vowel (old style) moved to the first (the plan's)."""
    pairs = {}
    for first, second in ("oa", "oe", "uy", "Oa", "Oe", "Uy", "OA", "OE", "UY"):
        for tone in _TONES:
            old = first + unicodedata.normalize("NFC", second + tone)
            pairs[old] = unicodedata.normalize("NFC", first + tone) + second
    return pairs


_OLD_STYLE = _old_style_pairs()
_OLD_STYLE_END = re.compile(rf"[oOuU][{''.join(sorted({old[1] for old in _OLD_STYLE}))}](?![^\W\d_])")
_WORD_START = re.compile(r"[^\W\d_]*$")


def not_nfc(source: Source) -> Iterator[Finding]:
    """V101: decomposed letters (a vowel followed by combining marks) look right and break search."""
    if unicodedata.is_normalized("NFC", source.prose):
        return
    offset = 0
    for line in source.prose.split("\n"):
        if not unicodedata.is_normalized("NFC", line):
            bad = [m for m in _COMBINING.finditer(line) if unicodedata.normalize("NFC", m.group()) != m.group()]
            start, end = (bad[0].start(), bad[-1].end()) if bad else (0, len(line))
            old = line[start:end]
            yield source.finding(offset + start, "V101", "text is not in Unicode NFC (decomposed letters)",
                                 "re-save as NFC", fix=unicodedata.normalize("NFC", old), length=len(old))
        offset += len(line) + 1


def look_alike_d(source: Source) -> Iterator[Finding]:
    """V102: `Ð` (U+00D0, Icelandic eth) instead of the Vietnamese `Đ` (U+0110)."""
    if "Ð" not in source.prose and "ð" not in source.prose:
        return
    for m in re.finditer("[Ðð]", source.prose):
        right = _LOOK_ALIKE[m.group()]
        yield source.finding(m.start(), "V102", f"look-alike `{m.group()}` (U+{ord(m.group()):04X}) instead of `{right}`",
                             f"write `{right}`", fix=right, length=1)


def doubled_word(source: Source) -> Iterator[Finding]:
    """V103: a grammatical word written twice ("của của"), unless quoted as the source has it, marked `[nguyên văn]`."""
    for m in _DOUBLED.finditer(source.prose):
        if m.group(1).casefold() in REPEATABLE_NOT and not marked_as_printed(source.prose, m.end()):
            yield source.finding(m.start(2), "V103", f"doubled word `{m.group(1)} {m.group(2)}`",
                                 f"delete one `{m.group(2)}`")


def missing_space(source: Source) -> Iterator[Finding]:
    """V104: "ngày19/12/2025", "số18": a number glued to the word that introduces it."""
    if not _LETTER_THEN_DIGIT.search(source.prose):
        return
    for m in _GLUED.finditer(source.prose):
        yield source.finding(m.end(), "V104", f"missing space between `{m.group()}` and the number",
                             f"write `{m.group()} `", fix=" ")


def tone_mark_style(source: Source) -> Iterator[Finding]:
    """V105: "hoà", "khoá", "uỷ": the old tone placement, where the site (as the plan) writes "hòa", "khóa", "ủy"."""
    for m in _OLD_STYLE_END.finditer(source.prose):
        new = _OLD_STYLE.get(m.group())
        if not new:
            continue  # a tone on another vowel pair than oa, oe, uy (`quả`)
        start = _WORD_START.search(source.prose, max(0, m.start() - 8), m.start()).start()
        word = source.prose[start:m.end()]
        if not word.casefold().startswith("qu"):
            yield source.finding(start, "V105", f"`{word}` places the tone mark in the old style",
                                 f"write `{word[:-2] + new}`, as the plan does")


def space_before_punctuation(source: Source) -> Iterator[Finding]:
    """V106: a space before `,` `.` `;` `:` `!` `?` (body only: front matter is YAML syntax)."""
    if not _SPACE_THEN_MARK.search(source.prose, source.body_start):
        return
    for m in _SPACE_BEFORE.finditer(source.prose, source.body_start):
        mark = source.prose[m.end()]
        yield source.finding(m.start(), "V106", f"space before `{mark}`", f"remove the space before `{mark}`")


def double_space(source: Source) -> Iterator[Finding]:
    """V107: two spaces between words ("của  Ban"), in the body."""
    first = source.prose.find("  ", source.body_start)  # where the first match can start, if anywhere
    if first < 0:
        return
    for m in _DOUBLE_SPACE.finditer(source.prose, first):
        yield source.finding(m.start(), "V107", "two or more spaces between words", "leave one space")


def invisible_control(source: Source) -> Iterator[Finding]:
    """V109: a bidirectional or zero-width character (U+202E, U+200B…), typed or pasted: it cannot be seen,
    and a right-to-left override makes a title or a name read backwards everywhere it is shown."""
    for m in INVISIBLE.finditer(source.text):
        if m.start() == 0 and m.group() == "\ufeff":
            continue  # a byte-order mark that opens the file is not in the text
        yield source.finding(m.start(), "V109", f"invisible control character U+{ord(m.group()):04X}",
                             "delete it (it cannot be seen: retype the words around it)", fix="", length=1)


def _word(phrase: str) -> str:
    """`phrase` as whole words, in a pattern that opens with its letters: `re` skips straight to a
    literal a pattern opens with, but tries one that opens with `\\b` or a lookbehind at every
    character, twenty times slower (V108 was a fifth of the checks stage at 1,000 documents)."""
    return rf"{phrase}(?<=\b{phrase})\b"


_CAPITALS = (
    # an organisation's name: the words of its kind and of its function take capitals (Phụ lục II, IV.1.a)
    (re.compile(_word("Ủy ban kiểm tra")), "Ủy ban Kiểm tra"),
    (re.compile(_word("Ban chấp hành")), "Ban Chấp hành"),
    (re.compile(_word("Ban thường vụ")), "Ban Thường vụ"),
    (re.compile(_word("Ban bí thư")), "Ban Bí thư"),
    (re.compile(_word("Liên đoàn lao động")), "Liên đoàn Lao động"),
    (re.compile(_word("Tỉnh Ủy")), "Tỉnh ủy"),
    # a kind of document named in general, not one document: no capital (Phụ lục II, V.6)
    (re.compile(r"Chương trình\b(?:(?<=\bcác Chương trình)|(?<=\bmọi Chương trình)|(?<=\bnhững Chương trình))"),
     "chương trình"),
)
"""Wrong capitals in the site's own sentences, with the form Nghị định 30/2020 Phụ lục II gives."""


def capitals(source: Source) -> Iterator[Finding]:
    """V108: the site's own Vietnamese sentences follow Phụ lục II for capitals; a quotation and an
    official text keep the source's own (`> …`, the full text), and so do the front matter's values."""
    if not source.markdown or (source.page is not None and source.page.lang != "vi"):
        return
    body = source.prose[source.body_start:]
    for wrong, right in _CAPITALS:
        for m in wrong.finditer(body):
            at = source.body_start + m.start()
            line_start = source.prose.rfind("\n", 0, at) + 1
            if source.prose[line_start:at].lstrip().startswith(">") or source.in_full_text(at):
                continue
            yield source.finding(at, "V108", f"`{m.group()}`: Nghị định 30/2020, Phụ lục II writes `{right}`",
                                 f"write `{right}`", fix=right, length=len(m.group()))


CHECKS = (invisible_control, not_nfc, look_alike_d, doubled_word, missing_space, tone_mark_style, space_before_punctuation,
          double_space, capitals)
