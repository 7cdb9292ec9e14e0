"""What every layer knows of a page's name, and the names of what every build writes besides the
editors' pages (the kit, the plugin and the PDF alike)."""

from __future__ import annotations

DEFAULT_LANG = "vi"
"""The site's language. `ke-hoach.md` is Vietnamese; `ke-hoach.en.md` is its English translation
(mkdocs-static-i18n's suffix layout): a page of another language names it before `.md`."""

PDF_NAME = "tai-lieu-hoc-tap.pdf"
"""The combined PDF "Tài liệu học tập", at the root of the site: in the site's links and in `hoctap pdf`'s output."""


def page_stem(name: str) -> str:
    """The page a file is, in any language: `ke-hoach.en.md` → `ke-hoach`."""
    return name.split(".")[0]


def page_lang(name: str) -> str:
    """The language a file is written in: `ke-hoach.en.md` → `en`, `ke-hoach.md` → `vi`."""
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 else DEFAULT_LANG
