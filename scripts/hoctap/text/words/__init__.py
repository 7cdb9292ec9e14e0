"""The words the site shows readers, in each language: one data file per language (`vi.yml`,
`en.yml`, here). Top-level keys are the card's and the shared words, sections (`kit`, `quiz`,
`slides`…) the words of one part. A language without a file reads Vietnamese. In the text layer,
so that the slide decks (hoctap.sharing) read their words as the pages do (hoctap.render.labels).
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..pages import DEFAULT_LANG
from ..yaml_text import safe_load

WORDS_DIR = Path(__file__).parent


@functools.cache
def _words(lang: str) -> dict:
    path = WORDS_DIR / f"{lang}.yml"
    if not path.is_file():
        path = WORDS_DIR / f"{DEFAULT_LANG}.yml"
    return safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def labels(lang: str, part: str | None = None) -> dict[str, str]:
    """The shared words (`labels("vi")["so_ky_hieu"]`), or one part's (`labels("vi", "quiz")`);
    shared by every caller, never to be changed."""
    words = _words(lang)
    if part is not None:
        return words[part]
    return {key: value for key, value in words.items() if not isinstance(value, dict)}


def all_words(lang: str) -> dict:
    """Every word of a language, its sections as mappings (for templates)."""
    return _words(lang)
