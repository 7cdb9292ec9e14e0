"""Which documents a text implements, is based on, and names: read from its own words.

- `thuc_hien`: the documents it implements or deploys, named right after "thực hiện", "triển khai
  (thực hiện)", "cụ thể hóa" in its trích yếu or in an opening paragraph;
- `can_cu`: the documents named right after "Căn cứ" in its preamble;
- `nhac_den`: every other document it cites, with the date and the issuer as printed near it.

"Right after" means before the clause turns to another document: `Thực hiện Chương trình số
15-CTr/TU của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW…` implements 15-CTr/TU, and 57-NQ/TW is
only named (the programme implements it). Symbols are written canonically; a symbol the registry
knows in another spelling (`104-CTr/Tu`, `15/CTr-LĐLD`) is read as the registry's, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import symbols
from .rules import plain

_IMPLEMENTS = re.compile(r"^(?:[-–+•]\s*)?(?:triển khai thực hiện|triển khai|tổ chức thực hiện|thực hiện|cụ thể hóa|"
                         r"cụ thể hoá|quán triệt)\b", re.I)
_VERB = re.compile(r"\b(?:triển khai thực hiện|tổ chức thực hiện|thực hiện|triển khai|cụ thể hóa|cụ thể hoá|quán triệt|"
                   r"căn cứ)\b", re.I)
_BASED_ON = re.compile(r"^(?:[-–+•]\s*)?căn cứ\b", re.I)
_TURN = re.compile(r"\s(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|về việc|về|để|nhằm|theo|tại)\s|;", re.I)
"""Where a clause turns from the document it names to what that document is about or implements."""
_DATE = re.compile(r"^[\s,]*(?:ban hành\s+)?(ngày\s*\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4}|ngày\s*\d{1,2}/\d{1,2}/\d{4})", re.I)
_ISSUER = re.compile(r"^[\s,]*(?:của|do)\s+([^,;:()]{3,80}?)(?=\s+(?:về|thực hiện|triển khai|và|nhằm|để)\s|[,;:.()]|$)")


@dataclass
class Relations:
    thuc_hien: list[str] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    nhac_den: list[dict] = field(default_factory=list)  # {so_ky_hieu, so_ky_hieu_in, ngay, co_quan}: as printed
    warnings: list[str] = field(default_factory=list)
    trich_dan: list[dict] = field(default_factory=list)
    """How the text cites what it implements or is based on: {so_ky_hieu, ngay, co_quan} as printed near the
    symbol, for each of `thuc_hien` and `can_cu` printed with a date or an issuer (the map and the catalogue
    show a cited document without a page by them)."""


def read(trich_yeu: str | None, opening: list[str], text: list[str], own: str | None,
         known: set[str] = frozenset()) -> Relations:
    """`opening`: the paragraphs before the first numbered part; `text`: every paragraph of the body."""
    r = Relations()
    implementing = [trich_yeu] if trich_yeu and _mentions_implementing(trich_yeu) else []
    implementing += [p for p in opening if _IMPLEMENTS.match(p)]
    r.thuc_hien = _first_clause_symbols(implementing, known, r.warnings, "thuc_hien")
    r.can_cu = _first_clause_symbols([p for p in opening if _BASED_ON.match(p)], known, r.warnings, "can_cu")
    related = set(r.thuc_hien) | set(r.can_cu)
    taken = related | {own}
    printed: dict[str, dict] = {}
    for paragraph in ([trich_yeu] if trich_yeu else []) + text:
        for mention in symbols.find_mentions(_spaced(paragraph)):
            canonical = _registry_spelling(mention.symbol.canonical, known)
            ngay, co_quan = _as_printed(_spaced(paragraph)[mention.end:])
            if canonical in related and len(list(filter(None, (ngay, co_quan)))) > len(printed.get(canonical, {})):
                printed[canonical] = {k: v for k, v in (("ngay", ngay), ("co_quan", co_quan)) if v}
            if canonical in taken:
                continue
            taken.add(canonical)
            r.nhac_den.append({"so_ky_hieu": canonical, "so_ky_hieu_in": mention.raw, "ngay": ngay, "co_quan": co_quan})
    r.trich_dan = [{"so_ky_hieu": ma, **printed[ma]} for ma in dict.fromkeys(r.thuc_hien + r.can_cu) if ma in printed]
    return r


def _as_printed(after: str) -> tuple[str | None, str | None]:
    """The date and the issuer printed right after a symbol (`… ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy`)."""
    date = _DATE.match(after)
    issuer = _ISSUER.match(after[date.end():] if date else after)
    return (" ".join(date[1].split()) if date else None), (" ".join(issuer[1].split()) if issuer else None)


def _mentions_implementing(trich_yeu: str) -> bool:
    return bool(re.search(r"\b(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|quán triệt)\b", trich_yeu, re.I))


def _spaced(text: str) -> str:
    return re.sub(r"(?<=số)(?=\d)", " ", text)


def _first_clause_symbols(paragraphs: list[str], known: set[str], warnings: list[str], key: str) -> list[str]:
    """The symbols named from the verb up to where the clause turns (`…về…`, `…thực hiện…`, `;`)."""
    found = []
    for paragraph in paragraphs:
        text = _spaced(paragraph)
        start = _VERB.search(text)
        rest = text[start.end():] if start else text
        first = symbols.find_mentions(rest)
        turn = _TURN.search(rest, first[0].end) if first else None
        for mention in symbols.find_mentions(rest[:turn.start()] if turn else rest):
            canonical = _registry_spelling(mention.symbol.canonical, known)
            if _unpadded(mention.raw) != _unpadded(canonical):
                whose = "the registry's spelling" if canonical in known else "its canonical spelling"
                warnings.append(f"{key}: `{mention.raw}` is printed for {canonical} ({whose}): "
                                "a slip in the original, read as that symbol")
            found.append(canonical)
    return list(dict.fromkeys(found))


def _registry_spelling(canonical: str, known: set[str]) -> str:
    """The registry's symbol that differs from `canonical` only by case, `Đ`/`D` or a leading zero."""
    if canonical in known:
        return canonical
    key = _loose(canonical)
    return next((k for k in sorted(known) if _loose(k) == key), canonical)


def _unpadded(symbol: str) -> str:
    return re.sub(r"(?<!\d)0+(?=\d)", "", " ".join(symbol.split()))


def _loose(symbol: str) -> str:
    return _unpadded(plain(symbol))
