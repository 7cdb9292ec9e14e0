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

WORDS_DIR = Path(__file__).with_name("words")
DEFAULT_LANG = "vi"

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")


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


def format_date(value: dt.date | None, lang: str = "vi") -> str:
    """`ngày 04/3/2026`: Vietnamese administrative style pads days below 10 and months 1 and 2 with a zero."""
    if value is None:
        return labels(lang)["unknown"]
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d}/{month}/{value.year}"
