"""The quiz page (Ôn tập): every question rendered at build time into the page itself.

Nothing is fetched: the questions, answers and explanations are in the HTML, so the quiz works
offline and under file://. `overrides/assets/javascripts/on-tap.js` only checks answers and keeps
the score in localStorage, on the member's device. The HTML is `overrides/partials/on-tap.html`.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from ..registry.quiz import Quiz, reference_label
from . import partials
from .blocks import relative_link
from .labels import labels


def page(quiz: Quiz, page_src: str, docs_dir: Path, lang: str, left_out: frozenset[str] = frozenset(),
         theme_dir: Path = partials.THEME_DIR) -> str:
    """The quiz as raw HTML; a reference to a page the publication gate left out stays plain text."""
    return partials.render("on-tap.html", theme_dir, t=labels(lang, "quiz"), lang=lang,
                           questions=[_question(q, page_src, docs_dir, lang, left_out) for q in quiz.questions])


def _question(q, page_src: str, docs_dir: Path, lang: str, left_out: frozenset[str]) -> SimpleNamespace:
    """One question as the partial shows it; its reference (`xem`) is linked unless its page is left out."""
    ref_page, _, anchor = q.xem.partition("#")
    href = relative_link(page_src, ref_page).removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
    label, label_lang = reference_label(q.xem, docs_dir, lang)
    hoi, lua_chon, giai_thich = q.text(lang)
    return SimpleNamespace(
        id=q.id, answer=q.answer_index, hoi=hoi, choices=lua_chon, giai_thich=giai_thich,
        # Said before the link, in the page's language, when it leads to a page in another one (`in_vi`)
        reference=SimpleNamespace(label=label, lang=label_lang,
                                  href=None if ref_page.removesuffix(".md") in left_out else href))
