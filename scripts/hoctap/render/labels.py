"""The words the site shows readers, in each language, and its dates.

The words are data, one file per language (`words/vi.yml`, `words/en.yml`): top-level keys are the
card's and the shared words, sections (`kit`, `quiz`, `material`…) the words of one part. A language
without a file reads Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from types import SimpleNamespace

import yaml

from .. import dates
from ..pages import DEFAULT_LANG

WORDS_DIR = Path(__file__).with_name("words")


@functools.cache
def _words(lang: str) -> dict:
    path = WORDS_DIR / f"{lang}.yml"
    if not path.is_file():
        path = WORDS_DIR / f"{DEFAULT_LANG}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def labels(lang: str, part: str | None = None) -> dict[str, str]:
    """The shared words (`labels("vi")["so_ky_hieu"]`), or one part's (`labels("vi", "quiz")`);
    shared by every caller, never to be changed."""
    words = _words(lang)
    if part is not None:
        return words[part]
    return {key: value for key, value in words.items() if not isinstance(value, dict)}


@functools.cache
def template_labels(lang: str) -> SimpleNamespace:
    """The labels for templates (`hoctap_t.print`): Jinja reads `x.name` as an attribute first, so
    on a dict each label cost a raised AttributeError (the card rendered twice as slowly)."""
    return SimpleNamespace(**_words(lang))


def format_date(value: dt.date | None, lang: str = DEFAULT_LANG) -> str:
    """A date as the pages show it; an unknown one says so, in the page's language."""
    return labels(lang)["unknown"] if value is None else dates.format_date(value, lang)
