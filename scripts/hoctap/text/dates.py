"""Dates as the site writes them, in each language: one helper for the checks, the pages and the PDF."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date as _babel_format_date


def format_date(value: dt.date, lang: str = "vi") -> str:
    """`ngày 04/3/2026`, as a sentence says it; other languages as Babel (CLDR) writes them: `4 March 2026`."""
    return f"ngày {field_date(value, lang)}" if lang == "vi" else field_date(value, lang)


def field_date(value: dt.date, lang: str = "vi") -> str:
    """`04/3/2026`, the value of a field labelled with its own name ("Ngày ban hành: 04/3/2026", never
    "Ngày ban hành: ngày …"): Vietnamese administrative style pads days below 10 and months 1 and 2
    with a zero, which no locale's pattern does; other languages as Babel writes them: `4 March 2026`."""
    if lang == "vi":
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        return f"{value.day:02d}/{month}/{value.year}"
    return _in_words(value, lang)


@functools.lru_cache(maxsize=4096)
def _in_words(value: dt.date, lang: str) -> str:
    """Babel looks its locale up at every call: a catalogue of 1,000 documents has a few hundred dates."""
    return _babel_format_date(value, "d MMMM y", locale=lang)
