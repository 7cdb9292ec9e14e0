"""What a page of the site becomes on paper: the parts a screen needs and paper cannot use, rewritten.

- The quiz: its forms become numbered questions with lettered choices, and the answers, with their
  explanations and references, follow all the questions (a reader can test themselves first).
- The map and timeline: each box keeps its symbol and subject, as on screen, and a key under the
  drawing gives every trích yếu in full, with its page.
- The site's address: read from the built site (Material's canonical link), for QR codes.

These work on the HTML our own build writes (`render.on_tap`, `render.diagram`), not on any HTML.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")
_FORM = re.compile(r'<form class="ht-quiz__q" id="([^"]+)" data-answer="(\d+)">(.*?)</form>', re.S)
_LEGEND = re.compile(r"<legend>(.*?)</legend>", re.S)
_CHOICE = re.compile(r'<label class="ht-quiz__choice">.*?<span>(.*?)</span></label>', re.S)
_EXPLAIN = re.compile(r'<div class="ht-quiz__explain"[^>]*>(.*?)</div>', re.S)
_NUMBER = re.compile(r'<span class="ht-quiz__n">(.*?)</span>\s*', re.S)
_QUIZ_CHROME = re.compile(r'<p class="ht-quiz__(?:intro|score)"[^>]*>.*?</p>|<p><button[^>]*data-ht-quiz-reset.*?</p>', re.S)
_QUIZ = re.compile(r'<div class="ht-quiz"[^>]*>(.*)</div>', re.S)
_FIGURE = re.compile(r'<figure class="ht-diagram">(.*?)</figure>', re.S)
_NODE = re.compile(r'<a href="([^"]*)" class="ht-svg__node[^"]*"[^>]*><desc>(.*?)</desc>', re.S)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
LETTERS = "ABCDEFGH"


def quiz(body: str, heading: str = "Đáp án") -> str:
    """The quiz page's questions on paper, the answers after the last question."""
    answers = []

    def question(m: re.Match) -> str:
        qid, right, inner = m.group(1), int(m.group(2)), m.group(3)
        legend = _LEGEND.search(inner).group(1)
        number = _NUMBER.search(legend)
        label = _TAG.sub("", number.group(1)).strip() if number else ""
        ask = _NUMBER.sub("", legend, count=1)
        choices = _CHOICE.findall(inner)
        explain = _EXPLAIN.search(inner)
        answers.append(f'<li id="{qid}-dap-an"><p><strong>{label} {LETTERS[right]}.</strong> {choices[right]}</p>'
                       f'{explain.group(1) if explain else ""}</li>')
        items = "".join(f"<li>{choice}</li>" for choice in choices)
        return (f'<div class="ht-quiz__q" id="{qid}"><p class="ht-quiz__ask"><strong>{label}</strong> {ask}</p>'
                f'<ol class="ht-quiz__choices" type="A">{items}</ol></div>')

    def whole(m: re.Match) -> str:
        questions = _FORM.sub(question, _QUIZ_CHROME.sub("", m.group(1)))
        return (f'<div class="ht-quiz ht-quiz--print">{questions}'
                f'<h2 class="ht-quiz__answers-heading" id="dap-an">{heading}</h2>'
                f'<ol class="ht-quiz__answers">{"".join(answers)}</ol></div>')

    return _QUIZ.sub(whole, body, count=1)


def diagrams(body: str) -> str:
    """Each drawing as on screen (every box its symbol and subject), and its key: every box's full label, linked."""

    def figure(m: re.Match) -> str:
        svg = m.group(1)
        seen, key = set(), []
        for href, label in _NODE.findall(svg):
            if (href, label) not in seen:
                seen.add((href, label))
                key.append(f'<li><a href="{href}">{label}</a></li>')
        return (f'<figure class="ht-diagram">{svg}</figure>'
                f'<ul class="ht-diagram__key">{"".join(key)}</ul>')

    return _FIGURE.sub(figure, body)


def site_url_of(site_dir: Path) -> str | None:
    """The address the site was built for (`site_url`), from its home page; None when built without one."""
    home = Path(site_dir) / "index.html"
    if not home.is_file():
        return None
    match = _CANONICAL.search(home.read_text(encoding="utf-8"))
    return html.unescape(match.group(1)).removesuffix("index.html") if match else None
