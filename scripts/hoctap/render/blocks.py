"""Markdown the plugin writes into pages from the registry, so editors never copy it by hand."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..content import Document, TRANG_THAI
from ..registry import Registry
from .labels import format_date, labels

_ABBR = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<text>.+?)\s*$")


def relative_link(from_page: str, to_page: str) -> str:
    """Link between two source pages (`van-ban/index.md` → `15-ctr-tu.md`), resolved later by MkDocs."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def read_abbreviations(path: Path) -> list[tuple[str, str]]:
    """The `*[LĐLĐ]: Liên đoàn Lao động` lines of the abbreviations file, in file order."""
    if not path.is_file():
        return []
    rows = (_ABBR.match(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [(m["abbr"], m["text"]) for m in rows if m]


def catalogue(registry: Registry, page_src: str, lang: str) -> str:
    """The catalogue table: every document, in reading order."""
    t = labels(lang)
    rows = [
        f"| {t['so_ky_hieu']} | {t['loai']} | {t['ngay_ban_hanh']} | {t['co_quan_ban_hanh']} | {t['trich_yeu']} | {t['trang_thai']} |",
        "|---|---|---|---|---|---|",
    ]
    for d in registry.catalogue():
        link = relative_link(page_src, d.page.path.as_posix())
        name = d.so_ky_hieu or t["unknown"]
        title = _cell(d.trich_yeu) or t["unknown"]
        rows.append(
            f"| [{name}]({link}) | {d.loai} | {format_date(d.ngay_ban_hanh, lang)} "
            f"| {_cell(d.co_quan_ban_hanh) or t['unknown']} | {title} | {_status(d, lang)} |"
        )
    return "\n".join(rows) + "\n"


def glossary(abbreviations: list[tuple[str, str]], lang: str) -> str:
    head = "| Viết tắt | Nghĩa |" if lang == "vi" else "| Abbreviation | Meaning |"
    rows = [head, "|---|---|"] + [f"| {a} | {_cell(text)} |" for a, text in sorted(abbreviations)]
    return "\n".join(rows) + "\n"


def awaiting_official_text(lang: str) -> str:
    """The clearly marked section on a page whose official text is not in the sources yet."""
    t = labels(lang)
    return f"\n\n## {t['awaiting_title']} {{#van-ban-chinh-thuc}}\n\n!!! warning \"{t['awaiting_heading']}\"\n\n    {t['awaiting']}\n"


def _status(d: Document, lang: str) -> str:
    return labels(lang)[d.trang_thai] if d.trang_thai in TRANG_THAI else d.trang_thai


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")
