"""Document symbols in text: known to the registry, spelled canonically, cited with the right date and issuer."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from typing import Iterator

from ..content.page import Document
from ..text.dates import format_date
from ..text.findings import ERROR, WARNING, Finding
from ..text.sources import marked_as_printed
from ..text.symbols import Mention, Symbol, issuer_named, parse
from .source import Site, Source

_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july",
              "august", "september", "october", "november", "december")
_DATE_AFTER = re.compile(
    r"[ \t]*,?\s*(?:ngày\s*(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"|ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
    rf"|(?:of|dated)\s+(?P<d3>\d{{1,2}})\s+(?P<m3>{'|'.join(_MONTHS_EN)})\s+(?P<y3>\d{{4}}))",
    re.I,
)
_ISSUER_AFTER = re.compile(r"[ \t]*,?\s*(?:của|of)\s+(?:the\s+)?", re.I)
_ISSUER_WINDOW = 80


def _date(m: re.Match) -> dt.date | None:
    if m["d"]:
        day, month, year = m["d"], m["m"], m["y"]
    elif m["d2"]:
        day, month, year = m["d2"], m["m2"], m["y2"]
    else:
        day, month, year = m["d3"], _MONTHS_EN.index(m["m3"].lower()) + 1, m["y3"]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def nearest(canonical: str, known: list[str]) -> str | None:
    """The known symbol closest in spelling to an unknown one, to suggest as a fix."""
    close = difflib.get_close_matches(canonical, known, n=1, cutoff=0.6)
    return close[0] if close else None


def mentions(source: Source, site: Site) -> Iterator[Finding]:
    """S101 unknown symbol, S102 non-canonical spelling, S103 wrong date, S104 wrong issuer."""
    for mention in source.mentions:
        canonical = mention.symbol.canonical
        document = site.by_symbol.get(canonical)
        if document is None:
            guess = nearest(canonical, list(site.by_symbol))
            yield source.finding(mention.start, "S101", f"`{mention.raw}` is not a document of the registry",
                                 f"did you mean `{guess}`?" if guess else "add a page for it under docs/van-ban/")
            continue
        if mention.raw != canonical and not marked_as_printed(source.prose, mention.end):
            yield source.finding(mention.start, "S102", f"`{mention.raw}` is not the canonical spelling",
                                 f"write `{canonical}`", fix=canonical, length=len(mention.raw))
        yield from _date_and_issuer(source, mention, document, site)


def _date_and_issuer(source: Source, mention: Mention, document: Document, site: Site) -> Iterator[Finding]:
    end = mention.end
    date = _DATE_AFTER.match(source.prose, end)
    if date:
        end = date.end()
        written = _date(date)
        start = date.start() + len(date.group()) - len(date.group().lstrip(" \t,\n"))
        if written is None:
            yield source.finding(start, "S103", f"`{date.group().strip(' ,')}` is not a real date")
        elif document.ngay_ban_hanh and written != document.ngay_ban_hanh:
            yield source.finding(start, "S103",
                                 f"`{mention.symbol.canonical}` is dated {format_date(document.ngay_ban_hanh)}, "
                                 f"not {format_date(written)}",
                                 f"see `ngay_ban_hanh` in {document.page.path.as_posix()}")
            if site.whole_site:
                yield _header_side(source, start, document, "ngay_ban_hanh", format_date(document.ngay_ban_hanh),
                                   f"dates it {format_date(written)}")
    issuer = _ISSUER_AFTER.match(source.prose, end)
    if issuer:
        yield from _issuer(source, mention.symbol, issuer.end(), document, site)


def _issuer(source: Source, symbol: Symbol, start: int, document: Document, site: Site) -> Iterator[Finding]:
    """S104, only for a body we know by name: loose wordings ("Ban Chấp hành đảng bộ tỉnh") pass."""
    code = issuer_named(source.prose[start:start + _ISSUER_WINDOW])
    if code is not None and code not in symbol.issuers:
        yield source.finding(start, "S104", f"`{symbol.canonical}` is not issued by a {code} body",
                             f"the issuer is {document.co_quan_ban_hanh or '/'.join(symbol.issuers)}")
        if site.whole_site and document.co_quan_ban_hanh and issuer_named(document.co_quan_ban_hanh) != code:
            yield _header_side(source, start, document, "co_quan_ban_hanh", repr(document.co_quan_ban_hanh),
                               f"names a {code} body as its issuer")


def _header_side(source: Source, offset: int, document: Document, key: str, value: str, cited: str) -> Finding:
    """S106: the other place of an S103/S104, the document's own header, pointing back at the citation.

    Both are errors while the citation is editable; inside an official text kept verbatim
    (hoctap.text.toan_van_markers) both are warnings: neither text may be changed, an editor notes the conflict."""
    line, col = source.position(offset)
    where = f"{os.path.relpath(source.file) if source.file else source.path}:{line}:{col}"
    return Finding(document.page.path.as_posix(), document.page.line_of(key), 1, "S106",
                   f"`{key}` of `{document.so_ky_hieu}` says {value}; {where} {cited}",
                   "check both against the original; correct the one that is wrong",
                   severity=WARNING if source.in_full_text(offset) else ERROR)


def front_matter(source: Source, site: Site) -> Iterator[Finding]:
    """S105: `so_ky_hieu` that is not a symbol; S104: `co_quan_ban_hanh` that cannot issue it."""
    value = source.meta.get("so_ky_hieu")
    if value in (None, ""):
        return
    symbol = parse(str(value))
    line = source.key_lines.get("so_ky_hieu", 1)
    if symbol is None:
        yield Finding(source.path, line, 1, "S105", f"`so_ky_hieu` is not a document symbol: {value!r}",
                      "write it as `15-CTr/TU` (Party) or `15/CTr-LĐLĐ` (state, mass organisations)")
        return
    issuer = str(source.meta.get("co_quan_ban_hanh") or "")
    code = issuer_named(issuer)
    if code is not None and code not in symbol.issuers:
        yield Finding(source.path, source.key_lines.get("co_quan_ban_hanh", 1), 1, "S104",
                      f"`co_quan_ban_hanh` names a {code} body, but `{symbol.canonical}` is issued by "
                      f"{'/'.join(symbol.issuers)}", "correct the issuer or the symbol")


CHECKS = (mentions, front_matter)
