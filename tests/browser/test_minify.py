"""render.minify: the stylesheets and scripts the site serves mean exactly what their sources say.

Chromium parses the source and the minified stylesheet, and every rule must read the same; a
minified script must parse, and run as its source does in the browser tests of the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoctap.render.minify import MINIFIERS, assets

ASSETS = Path(__file__).resolve().parents[2] / "overrides" / "assets"
STYLESHEETS = sorted((ASSETS / "stylesheets").glob("*.css"))
SCRIPTS = sorted((ASSETS / "javascripts").glob("*.js"))
RULES = "(text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); return [...sheet.cssRules].map(r => r.cssText); }"
PARSES = "(text) => { try { new Function(text); return null; } catch (e) { return String(e); } }"
css, js = MINIFIERS["stylesheets"][1], MINIFIERS["javascripts"][1]
AFTER_COMMA = re.compile(r",\s+")


def rules(page, text: str) -> list[str]:
    """The rules as Chromium reads them. A value holding var() is kept as written until it is
    substituted, white space after its commas included, which means nothing there: left out."""
    return [AFTER_COMMA.sub(",", rule) if "var(" in rule else rule for rule in page.evaluate(RULES, text)]


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_minified_stylesheet_has_the_same_rules(page, path):
    source = path.read_text(encoding="utf-8")
    small = css(source)
    assert "/*" not in small and len(small) < 0.8 * len(source)
    assert rules(page, small) == rules(page, source)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_minified_script_parses_and_is_smaller(page, path):
    source = path.read_text(encoding="utf-8")
    small = js(source)
    assert page.evaluate(PARSES, source) is None
    assert page.evaluate(PARSES, small) is None
    assert len(small) < 0.8 * len(source)


def test_strings_regular_expressions_and_combinators_are_kept(page):
    source = '/* a ; b */ .a  :is(p) ,\n .b > c { content: " ( ; , " ;  width: calc(100% - 2px) ; }\n'
    assert rules(page, css(source)) == rules(page, source)
    script = 'var s = "/* not a comment */", r = /[/]\\/*x/g; // gone\nreturn s + r.source;'
    assert page.evaluate(f"() => {{ {js(script)} }}") == page.evaluate(f"() => {{ {script} }}")


def test_only_our_files_are_minified(tmp_path):
    """Vendored scripts come minified, with their licence comment: they are left as they are."""
    custom, site = tmp_path / "overrides", tmp_path / "site"
    for root in (custom, site):
        (root / "assets" / "javascripts" / "vendor").mkdir(parents=True)
        (root / "assets" / "javascripts" / "ours.js").write_text("/* why */\nvar a = 1;\n")
        (root / "assets" / "javascripts" / "vendor" / "lib.js").write_text("/*! MIT */\nvar b = 2;\n")
    assets(custom, site)
    assert (site / "assets" / "javascripts" / "ours.js").read_text() == "var a=1;\n"
    assert (site / "assets" / "javascripts" / "vendor" / "lib.js").read_text() == "/*! MIT */\nvar b = 2;\n"
