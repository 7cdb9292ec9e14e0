"""render.minify: the stylesheets the site serves mean exactly what their sources say.

Chromium parses the source and the minified text; every rule must read the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoctap.render.minify import css

STYLESHEETS = sorted((Path(__file__).resolve().parents[2] / "overrides" / "assets" / "stylesheets").glob("*.css"))
RULES = "(text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); return [...sheet.cssRules].map(r => r.cssText); }"


@pytest.fixture(scope="module")
def parser(browser):
    page = browser.new_page()
    yield lambda text: page.evaluate(RULES, text)
    page.close()


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_minified_stylesheet_has_the_same_rules(parser, path):
    source = path.read_text(encoding="utf-8")
    small = css(source)
    assert "/*" not in small and len(small) < 0.8 * len(source)
    assert parser(small) == parser(source)


def test_strings_and_combinators_are_kept(parser):
    source = '/* a ; b */ .a  :is(p) ,\n .b > c { content: " ( ; , " ;  width: calc(100% - 2px) ; }\n'
    assert css(source) == '.a :is(p), .b > c{content: " ( ; , ";width: calc(100% - 2px)}\n'
    assert parser(css(source)) == parser(source)
