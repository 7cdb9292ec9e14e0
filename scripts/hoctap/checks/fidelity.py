"""Fidelity to the sources: quotations are verbatim, and what prose says documents implement is in the registry.

A quotation is a Markdown blockquote whose last line names its source lines:

    > Chương trình số 18-Ctr/TU [nguyên văn, đúng là 18-CTr/TU], ngày 24/3/2026 của Tỉnh ủy Lai Châu về …
    >
    > nguồn: ke-hoach-ldld-lai-chau-2026-03-31.txt:60-63

Its words must be the source's, letter for letter and case for case (spaces and line breaks aside:
the sources are PDF extractions). A word left out is marked `…`; a correction is marked right after
the source's own spelling in words its reader knows (hoctap.text.sources.CORRECTION: `[nguyên văn, đúng là
18-CTr/TU]`, `của của [nguyên văn]`; `[sic: …]` on an English page), so the reader sees both. On a translated
page (`ten.en.md`) a quotation is a translation: its source line is checked, its words cannot be.
The site shows the source line as the reader cites it ("Kế hoạch ngày 31/3/2026, mục II.1").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from ..text.findings import Finding
from ..text.pages import DEFAULT_LANG
from ..text.sources import _REF, CORRECTION, not_a_source_file
from ..text.symbols import find_mentions
from .source import MASK, Site, Source, mask_markdown

_QUOTE_LINE = re.compile(r"^(?P<indent>[ \t]*)>[ \t]?(?P<text>.*)$")
_ANY_QUOTE_LINE = re.compile(r"^[ \t]*>", re.M)
_SOURCE_LINE = re.compile(r"^ngu[oồ]n:\s*(?P<ref>\S+)\s*$", re.I)
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_GAP = re.compile(r"\s*(?:\[…\]|…|\.\.\.)\s*")


@dataclass
class Quotation:
    """A blockquote of a page, with where it starts and the source it names (None: not a quotation)."""

    start: int  # offset of its first line in the text
    end: int  # offset after its last line
    text: str  # its lines without `>`, the source line left out
    ref: str | None
    ref_offset: int  # where the source line's reference starts


def quotations(text: str) -> list[Quotation]:
    """Every blockquote of a Markdown text outside code; those ending with `nguồn:` carry their reference."""
    if ">" not in text or not _ANY_QUOTE_LINE.search(text):
        return []  # most pages quote nothing (a document page's `>` is its card's placeholder): no need to mask their code
    masked = mask_markdown(text, code_only=True)
    found, offset, block = [], 0, []
    lines = text.split("\n")
    for i, line in enumerate(lines + [""]):
        is_quote = i < len(lines) and masked[offset:offset + 1] != MASK and _QUOTE_LINE.match(line)
        if is_quote:
            block.append((offset, line))
        elif block:
            found.append(_quotation(block))
            block = []
        offset += len(line) + 1
    return found


def _quotation(block: list[tuple[int, str]]) -> Quotation:
    parts = [(offset, _QUOTE_LINE.match(line)) for offset, line in block]
    texts = [m["text"].strip() for _, m in parts]
    last = max((i for i, t in enumerate(texts) if t), default=0)
    source = _SOURCE_LINE.match(texts[last])
    start, end = block[0][0], block[-1][0] + len(block[-1][1])
    if not source:
        return Quotation(start, end, "\n".join(texts), None, 0)
    offset, m = parts[last]
    ref_offset = offset + m.start("text") + m["text"].index(source["ref"])
    return Quotation(start, end, "\n".join(texts[:last]), source["ref"], ref_offset)


def _letters(text: str) -> str:
    """Text as a quotation is compared: NFC, `Ð` read as `Đ`, no spaces; case kept."""
    return "".join(unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").split())


def _as_quoted(text: str) -> list[str]:
    """A quotation's words in the source's spelling (its list marks are the source's `- ` too):
    markup, links and the correction marker (`[nguyên văn, đúng là …]`) taken off, split
    where `…` marks words left out."""
    plain = _MARKUP.sub("", _LINK.sub(r"\1", CORRECTION[DEFAULT_LANG].sub("", text)))
    return [_letters(part) for part in _GAP.split(plain) if _letters(part)]


def not_verbatim(quote: Quotation, cited_text: str) -> bool:
    """The quotation's pieces are not the cited text's, in order."""
    source, at = _letters(cited_text), 0
    for piece in _as_quoted(quote.text):
        at = source.find(piece, at)
        if at < 0:
            return True
        at += len(piece)
    return False


def quotes_verbatim(source: Source, site: Site) -> Iterator[Finding]:
    """F101 a quotation that is not the source's words; F102 its source line points at nothing."""
    if not source.markdown:
        return
    body = source.text[source.body_start:]
    translated = source.page is not None and source.page.lang != DEFAULT_LANG
    for quote in quotations(body):
        if quote.ref is None:
            continue
        text, problem = site.cited(quote.ref)
        if text is None:
            yield source.finding(source.body_start + quote.ref_offset, "F102", f"quotation's source: {problem}",
                                 "write `> nguồn: file.txt:FIRST-LAST`")
        elif not translated and not_verbatim(quote, text):
            yield source.finding(source.body_start + quote.start, "F101",
                                 f"quotation is not verbatim in {quote.ref}",
                                 "copy the source's words; mark a left-out part `…` and a slip of the source "
                                 "`[nguyên văn]` right after it (`[nguyên văn, đúng là …]` to give the right form)")


def sources_named(source: Source, site: Site) -> Iterator[Finding]:
    """F104: a page's `nguon` item or `toan_van` names no file of the sources folder, or lines it does not
    have: the card cites them to the reader (`Kế hoạch ngày 31/3/2026, mục II.1`)."""
    if not source.markdown or site.source_dir is None:
        return
    named = [("nguon", str(item)) for item in source.meta.get("nguon") or [] if isinstance(item, (str, int))]
    named += [("toan_van", str(source.meta["toan_van"]))] if isinstance(source.meta.get("toan_van"), str) else []
    for key, item in named:
        if _REF.match(item.strip()):
            problem = site.cited(item)[1]
        else:
            problem = not_a_source_file(site.source_dir, item.strip())
        if problem:
            yield source.finding(_item_offset(source, key, item), "F104", f"`{key}`: {problem}",
                                 "name a file of sources/ and lines it has (`file.txt:FIRST-LAST`)")


def _item_offset(source: Source, key: str, item: str) -> int:
    """Where `item` of front-matter `key` is written: from the key's line on, else the key itself."""
    key_at = source._line_starts[source.key_lines.get(key, 1) - 1]
    found = source.text.find(item, key_at, source.body_start)
    return found if found >= 0 else key_at


# -- relations claimed in prose ------------------------------------------------------------------

# Each opens with a lookahead on the characters a match can start with: the engine skips to those
# instead of trying every branch at every character (F103 took a fifth of the checks stage)
_VERB = re.compile(
    r"(?=[đtcibl])(?:(?<!\w)(?P<passive>được\s+)?(?P<verb>thực hiện|căn cứ|implement(?:s|ing|ed)?|based on)(?!\w)(?P<by>\s+(?:qua|bởi|by)\b)?"
    r"|(?<!\w)(?P<basis>(?:là|làm) căn cứ (?:của|cho)|basis for)(?!\w))",
    re.I,
)
_SENTENCE_END = re.compile(r"(?=[.?!\n])(?:(?<!\bNo)(?<!\bsố)[.?!](?=\s)|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d{1,2}\.)[ \t]|\n#)")


def relations_claimed(source: Source, site: Site) -> Iterator[Finding]:
    """F103: "X … thực hiện Y" where the registry does not have X implementing Y (`căn cứ`: based on).

    X is the document named last before the verb in its sentence, else the page's own document;
    every symbol after the verb, to the sentence's end, is a Y. "được thực hiện qua", "là căn cứ của"
    turn the claim round. Quotations are the source's own words and are not read here.
    """
    if not source.markdown:
        return
    prose = source.prose
    for quote in quotations(source.text[source.body_start:]):
        start, end = source.body_start + quote.start, source.body_start + quote.end
        prose = prose[:start] + re.sub(r"[^\n]", MASK, prose[start:end]) + prose[end:]
    named = source.mentions if prose is source.prose else find_mentions(prose)
    body = source.body_start
    # Only the registry's documents named in the body are read: a page naming none claims nothing, and a
    # verb after the last of them has nothing after it (the search stops there: no verb holds a digit)
    known = [(m, d) for m in named if m.start >= body and (d := site.by_symbol.get(m.symbol.canonical)) is not None]
    if not known:
        return
    starts = [m.start for m, _ in known]
    ends = None
    for verb in _VERB.finditer(prose, body, known[-1][0].end):
        first_after = bisect.bisect_left(starts, verb.end())
        if first_after == len(starts):
            continue
        stop = _SENTENCE_END.search(prose, verb.end())
        stop = stop.start() if stop else len(prose)
        if starts[first_after] >= stop:
            continue  # no document named after the verb in its sentence
        if ends is None:
            # Where sentences end, found once: a verb's sentence starts after the last end before it (no end
            # runs into a verb, whose first character is a letter, so these are the ends a search up to it finds)
            ends = [m.end() for m in _SENTENCE_END.finditer(prose, body)]
        before_verb = bisect.bisect_right(ends, verb.start())
        start = ends[before_verb - 1] if before_verb else body
        before = [d for m, d in known if start <= m.start < verb.start()]
        after = [(m, d) for m, d in known if verb.end() <= m.start < stop]
        subject = before[-1] if before else _own_document(source, site)
        kind = "can_cu" if re.search(r"căn cứ|based|basis", verb.group(), re.I) else "thuc_hien"
        reverse = bool(verb["basis"] or (verb["passive"] and verb["by"]) or
                       (verb["verb"] and verb["verb"].lower() == "implemented" and verb["by"]))
        for mention, other in after:
            if subject is None:
                yield source.finding(verb.start(), "F103", f"`{verb.group().strip()} {mention.raw}`: the sentence names "
                                     "no document that does it", "name the document, or say what the plan says")
                break
            if other is subject:
                continue
            doer, done = (other, subject) if reverse else (subject, other)
            if done.ma not in getattr(doer, kind):
                relation = "implements" if kind == "thuc_hien" else "is based on"
                yield source.finding(mention.start, "F103", f"the text says {doer.ma} {relation} {done.ma}; "
                                     f"the registry does not (`{kind}` of {doer.page.path.as_posix()})",
                                     "correct the text, or the front matter if the source says so")


def _own_document(source: Source, site: Site):
    """The document of the page being checked, if it is one (asked only when a sentence names none)."""
    return site.on_disk(source.file) if source.file else None


CHECKS = (quotes_verbatim, sources_named, relations_claimed)
