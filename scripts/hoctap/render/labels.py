"""The words the site shows readers, as the renderer and the templates use them, and its dates.

The words are data, one file per language (hoctap.text.words: `words/vi.yml`, `words/en.yml`).
"""

from __future__ import annotations

import datetime as dt
import functools
from types import SimpleNamespace

from ..text import dates
from ..text.pages import DEFAULT_LANG
from ..text.words import all_words, labels  # noqa: F401 (labels: the renderer's way to its words)


@functools.cache
def template_labels(lang: str) -> SimpleNamespace:
    """The labels for templates (`hoctap_t.print`): Jinja reads `x.name` as an attribute first, so
    on a dict each label cost a raised AttributeError (the card rendered twice as slowly)."""
    return SimpleNamespace(**all_words(lang))


def format_date(value: dt.date | None, lang: str = DEFAULT_LANG) -> str:
    """A date as the pages show it; an unknown one says so, in the page's language."""
    return labels(lang)["unknown"] if value is None else dates.format_date(value, lang)


def field_date(value: dt.date | None, lang: str = DEFAULT_LANG) -> str:
    """A date as the value of a labelled field ("Ngày ban hành" 04/3/2026); an unknown one says so."""
    return labels(lang)["unknown"] if value is None else dates.field_date(value, lang)
