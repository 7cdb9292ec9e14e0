"""The quiz page (Ôn tập): every question rendered at build time into the page itself.

Nothing is fetched: the questions, answers and explanations are in the HTML, so the quiz works
offline and under file://. `overrides/assets/javascripts/on-tap.js` only checks answers and keeps
the score in localStorage, on the member's device.
"""

from __future__ import annotations

import html
from pathlib import Path

from ..quiz import Quiz, reference_label
from .blocks import relative_link
from .labels import labels


def page(quiz: Quiz, page_src: str, docs_dir: Path, lang: str, left_out: frozenset[str] = frozenset()) -> str:
    """The quiz as raw HTML; a reference to a page the publication gate left out stays plain text."""
    t = labels(lang, "quiz")
    e = lambda s: html.escape(s, quote=True)
    data = " ".join(f'data-t-{k}="{e(t[k])}"' for k in ("right", "wrong", "choose", "score"))
    parts = [
        f'<div class="ht-quiz" data-ht-quiz {data}>',
        f'<p class="ht-quiz__intro">{t["intro"]}</p>',
        '<p class="ht-quiz__score" role="status" aria-live="polite" data-ht-quiz-score></p>',
    ]
    for n, q in enumerate(quiz.questions, start=1):
        ref_page, _, anchor = q.xem.partition("#")
        href = relative_link(page_src, ref_page).removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
        label, label_lang = reference_label(q.xem, docs_dir, lang)
        marked = f'<span lang="{label_lang}">{e(label)}</span>' if label_lang != lang else e(label)
        # Said before the link, in the page's language, when it leads to a page in another one
        reference = (t["in_vi"] + " " if label_lang != lang and t["in_vi"] else "") + (
            marked if ref_page.removesuffix(".md") in left_out else f'<a href="{e(href)}">{marked}</a>')
        hoi, lua_chon, giai_thich = q.text(lang)
        choices = "".join(
            f'<label class="ht-quiz__choice"><input type="radio" name="{q.id}" value="{i}"> '
            f'<span>{e(choice)}</span></label>'
            for i, choice in enumerate(lua_chon)
        )
        parts.append(
            f'<form class="ht-quiz__q" id="{q.id}" data-answer="{q.answer_index}">'
            f'<fieldset><legend><span class="ht-quiz__n">{t["question"].format(n=n)}.</span> {e(hoi)}</legend>'
            f"{choices}</fieldset>"
            f'<button type="submit" class="md-button">{t["answer"]}</button>'
            '<p class="ht-quiz__feedback" role="status" aria-live="polite"></p>'
            f'<div class="ht-quiz__explain" hidden><p>{e(giai_thich)}</p>'
            f'<p>{t["see"]}: {reference}</p></div>'
            "</form>"
        )
    parts.append(f'<p><button type="button" class="md-button" data-ht-quiz-reset>{t["reset"]}</button></p></div>')
    return "\n\n" + "\n".join(parts) + "\n"
