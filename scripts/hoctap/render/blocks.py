"""Markdown the plugin writes into pages from the registry, so editors never copy it by hand."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from ..content import Document
from ..findings import CODES
from ..registry import Registry
from .labels import format_date, labels
from .titles import Value, Values, title


def relative_link(from_page: str, to_page: str) -> str:
    """Link between two source pages (`van-ban/index.md` → `15-ctr-tu.md`), resolved later by MkDocs."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def catalogue(registry: Registry, values: Values, href: Callable[[Document], str | None],
              abbreviations: list[tuple[str, str]]) -> str:
    """The catalogue: every document, in reading order, `href(document)` its link from the page.

    One table, which a phone shows as one card per document (each cell labelled, hoctap.css) and a
    tablet or wider as a table. Each document is named by its title ("03/CTr-LĐLĐ — Đối thoại,
    thương lượng tập thể"), the link's text, and its own status, never its page's review state.
    HTML, not a Markdown table: Python-Markdown took half a second per language to parse a table of
    1,000 rows. So the plugin puts it in after Markdown, and marks the abbreviations as `abbr` would.
    """
    lang = values.lang
    t = labels(lang)
    if not registry.catalogue():
        return f'<p class="ht-catalogue__empty">{html.escape(t["none_published"])}</p>\n'
    abbreviate = _abbreviator(abbreviations)
    columns = ("van_ban", "so_ky_hieu", "loai", "ngay_ban_hanh", "co_quan_ban_hanh", "trich_yeu", "tinh_trang")
    head = "".join(f"<th>{html.escape(t[key])}</th>" for key in columns)
    rows = []
    for d in registry.catalogue():
        link, name = href(d), abbreviate(title(d, values))
        cells = (f'<a href="{html.escape(link)}">{name}</a>' if link else name,
                 abbreviate(d.so_ky_hieu or t["unknown"]), _value(values.of("loai", d.loai), lang, abbreviate, t),
                 html.escape(format_date(d.ngay_ban_hanh, lang)),
                 _value(values.of("co_quan_ban_hanh", d.co_quan_ban_hanh), lang, abbreviate, t),
                 _value(Value(d.trich_yeu, "vi") if d.trich_yeu else None, lang, abbreviate, t),
                 html.escape(t.get(d.tinh_trang, d.tinh_trang)))
        rows.append("<tr>" + "".join(f'<td data-label="{html.escape(t[key], quote=True)}">{cell}</td>'
                                     for key, cell in zip(columns, cells)) + "</tr>")
    return (f'<table class="ht-catalogue">\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n' + "\n".join(rows)
            + "\n</tbody>\n</table>\n")


def _value(value: Value | None, lang: str, abbreviate: Callable[[str], str], t: dict) -> str:
    """A front-matter value in a cell, marked with its language where it is not the page's."""
    if value is None:
        return html.escape(t["unknown"])
    return abbreviate(value.text) if value.lang == lang else f'<span lang="{value.lang}">{abbreviate(value.text)}</span>'


def _abbreviator(abbreviations: list[tuple[str, str]]) -> Callable[[str], str]:
    """Escape a text and wrap each abbreviation in `<abbr title>`, as the `abbr` extension does in Markdown."""
    if not abbreviations:
        return html.escape
    titles = {html.escape(abbr): html.escape(text, quote=True) for abbr, text in abbreviations}
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(titles, key=len, reverse=True)) + r")(?!\w)")
    return lambda text: pattern.sub(lambda m: f'<abbr title="{titles[m[1]]}">{m[1]}</abbr>', html.escape(text))


def glossary(abbreviations: list[tuple[str, str]], lang: str) -> str:
    head = "| Viết tắt | Nghĩa |" if lang == "vi" else "| Abbreviation | Meaning |"
    rows = [head, "|---|---|"] + [f"| {a} | {_cell(text)} |" for a, text in sorted(abbreviations)]
    return "\n".join(rows) + "\n"


CODES_SLOT = "<!--hoctap:ma-kiem-tra-->"
"""Where a page (the editors' guide) shows the table of finding codes."""


def finding_codes(lang: str) -> str:
    """Every finding code with what it means and its safe fix, from `finding_codes.yml`, as a Markdown table."""
    head = "| Mã | Lỗi | Tự sửa |" if lang == "vi" else "| Code | What is wrong | Safe fix |"
    rows = [f"| {code} | {_cell(item[lang if lang in item else 'vi'])} | {_cell(item.get('fix_' + lang, item.get('fix_vi')))} |"
            for code, item in CODES.items()]
    return "\n".join([head, "|---|---|---|", *rows]) + "\n"


def awaiting_official_text(lang: str) -> str:
    """The clearly marked section on a page whose official text is not in the sources yet."""
    t = labels(lang)
    return f"\n\n## {t['awaiting_title']} {{#van-ban-chinh-thuc}}\n\n!!! warning \"{t['awaiting_heading']}\"\n\n    {t['awaiting']}\n"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")
