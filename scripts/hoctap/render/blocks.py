"""Markdown the plugin writes into pages from the registry, so editors never copy it by hand."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from ..content.page import Document
from ..text.findings import CODES
from ..text.vietnamese import sort_key
from ..registry.documents import Registry
from . import partials
from .abbr import SYMBOL_CLASS, in_symbol
from .labels import field_date, labels
from .titles import Value, Values, status, title


def relative_link(from_page: str, to_page: str) -> str:
    """Link between two source pages (`van-ban/index.md` → `15-ctr-tu.md`), resolved later by MkDocs."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def catalogue(registry: Registry, values: Values, href: Callable[[Document], str | None],
              abbreviations: list[tuple[str, str]], theme_dir: Path = partials.THEME_DIR,
              hreflang: Callable[[Document], str | None] = lambda document: None) -> str:
    """The catalogue (`overrides/partials/danh-muc.html`): every document, in reading order,
    `href(document)` its link from the page, `hreflang(document)` the language of the page it leads to
    when that is not the page's own.

    After them come the documents an imported text cites with no page yet, by symbol, as cited.
    Each document is named by its title ("03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể"), the
    link's text, and its own status, never its page's review state. HTML, not a Markdown table:
    Python-Markdown took half a second per language to parse a table of 1,000 rows. So the plugin
    puts it in after Markdown, and marks the abbreviations as `abbr` would.
    """
    lang = values.lang
    t = labels(lang)
    rows = [dict(
        href=href(d), hreflang=hreflang(d), title=title(d, values), so_ky_hieu=d.so_ky_hieu, loai=values.of("loai", d.loai),
        ngay_ban_hanh=field_date(d.ngay_ban_hanh, lang), co_quan_ban_hanh=values.of("co_quan_ban_hanh", d.co_quan_ban_hanh),
        trich_yeu=Value(d.trich_yeu, "vi") if d.trich_yeu else None, tinh_trang=t.get(status(d), "") if status(d) else "",
    ) for d in registry.catalogue()]
    rows += [dict(href=None, hreflang=None, title=c.so_ky_hieu, so_ky_hieu=c.so_ky_hieu, loai=None,
                  ngay_ban_hanh=c.ngay or "", co_quan_ban_hanh=Value(c.co_quan, "vi") if c.co_quan else None,
                  trich_yeu=None, tinh_trang=t["nhac_den"]) for c in registry.cited_without_page()]
    return partials.render("danh-muc.html", theme_dir, t=t, lang=lang, rows=rows, columns=CATALOGUE_COLUMNS,
                           abbr=_abbreviator(abbreviations)) + "\n"


CATALOGUE_COLUMNS = ("van_ban", "so_ky_hieu", "loai", "ngay_ban_hanh", "co_quan_ban_hanh", "trich_yeu", "tinh_trang")
"""The catalogue's columns, by the word that heads each (`words/*.yml`), and a row's keys: after the
title and the symbol, each a text or a `Value` the partial writes the same way (no Jinja macro per
cell: a macro call costs more than the cell it writes)."""


def _abbreviator(abbreviations: list[tuple[str, str]]) -> Callable[[str], Markup]:
    """Escape a text and wrap each abbreviation in `<abbr title>`, as the `abbr` extension does in Markdown."""
    if not abbreviations:
        return lambda text: Markup(html.escape(text))
    titles = {html.escape(abbr): html.escape(text, quote=True) for abbr, text in abbreviations}
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(titles, key=len, reverse=True)) + r")(?!\w)")
    def mark(m: re.Match) -> str:
        css = f' class="{SYMBOL_CLASS}"' if in_symbol(m.string[:m.start()], m.string[m.end():]) else ""
        return f'<abbr title="{titles[m[1]]}"{css}>{m[1]}</abbr>'

    # One catalogue names a few kinds and issuers hundreds of times: each text marked once
    return functools.cache(lambda text: Markup(pattern.sub(mark, html.escape(text))))


def glossary(abbreviations: list[tuple[str, str]], lang: str) -> str:
    head = "| Viết tắt | Nghĩa |" if lang == "vi" else "| Abbreviation | Meaning |"
    ordered = sorted(abbreviations, key=lambda item: sort_key(item[0]))  # Vietnamese order: CĐCS before CTr
    rows = [head, "|---|---|"] + [f"| {a} | {_cell(text)} |" for a, text in ordered]
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
