"""Every page type passes axe-core in the light and the dark scheme, reflows at 200 % text
on a 360 px phone, shows where the keyboard focus is, and says its language.

Limits in benchmarks/budget.toml ([accessibility]).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from tests.browser.axe import axe_violations, describe

ROOT = Path(__file__).resolve().parents[2]
RULES = tomllib.loads((ROOT / "benchmarks" / "budget.toml").read_text(encoding="utf-8"))["accessibility"]

# One page of each type; a type another issue has not built yet is skipped, with the reason.
PAGE_TYPES = {
    "home": ["index.html"],
    "plan": ["ke-hoach.html"],
    "program": ["van-ban/03-ctr-ldld.html"],
    "parent document": ["van-ban/58-ct-tw.html"],
    "catalogue": ["van-ban/index.html"],
    "glossary": ["thuat-ngu.html"],
    "editors' guide": ["huong-dan-bien-tap.html"],
    "English page": ["en/index.html"],
    "quiz": ["on-tap.html"],
    "document map": ["ban-do.html", "so-do.html"],
}


@pytest.fixture(params=list(PAGE_TYPES), ids=lambda kind: kind.replace(" ", "-").replace("'", ""))
def page_path(request, site) -> str:
    built = [path for path in PAGE_TYPES[request.param] if (site / path).is_file()]
    if not built:
        pytest.skip(f"no {request.param} page in the site yet (looked for {', '.join(PAGE_TYPES[request.param])})")
    return built[0]


def open_page(browser, url: str, scheme: str):
    """A phone page in the reader's system colour scheme; Material picks its palette from it."""
    context = browser.new_context(viewport={"width": RULES["viewport_width"], "height": 780},
                                  color_scheme=scheme, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious(browser, site_url, page_path, scheme):
    page = open_page(browser, site_url + page_path, scheme)
    try:
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        violations = axe_violations(page, RULES["failing_impacts"])
        assert violations == [], f"{page_path} ({scheme}):\n{describe(violations)}"
    finally:
        page.context.close()


def test_lang_is_right(browser, site_url, page_path):
    page = open_page(browser, site_url + page_path, "light")
    try:
        assert page.evaluate("document.documentElement.lang") == ("en" if page_path.startswith("en/") else "vi")
    finally:
        page.context.close()


def test_reflows_at_200_percent_text(browser, site_url, page_path):
    page = open_page(browser, site_url + page_path, "light")
    try:
        # The browser's own text-size setting (what a reader with poor eyesight changes), not page zoom.
        base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        cdp = page.context.new_cdp_session(page)
        scale = RULES["text_zoom_percent"] / 100
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": round(16 * scale), "fixed": round(13 * scale)}})
        page.wait_for_timeout(100)
        zoomed = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert zoomed >= base * scale * 0.99, f"text did not grow: {base}px → {zoomed}px"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{page_path} scrolls sideways by {overflow}px at {RULES['text_zoom_percent']}% text"
    finally:
        page.context.close()


# The ring is on the focused element, or on the visible label that stands in for a hidden
# radio button (Material's palette switch: hidden radios, one visible label in their form).
FOCUS_RING = """() => {
  const el = document.activeElement;
  const ringed = e => { const s = getComputedStyle(e);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"; };
  const labels = el.type === "radio" && el.form ? el.form.querySelectorAll("label:not([hidden])") : el.labels;
  const shown = [el, ...(labels || [])];
  return {tag: el.tagName, text: (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
          visible: shown.some(ringed)};
}"""


def test_keyboard_focus_is_visible(browser, site_url, page_path):
    page = open_page(browser, site_url + page_path, "light")
    try:
        missing = []
        for _ in range(12):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_RING)
            if focus["tag"] != "BODY" and not focus["visible"]:
                missing.append(focus)
        assert missing == [], f"{page_path}: focus not visible on {missing}"
    finally:
        page.context.close()


def test_checks_report_planted_violations(browser, project_copy, build):
    """A throw-away copy with an image without alt, grey-on-white text, a wide table cell and
    no focus ring: axe, the reflow check and the focus check each report theirs."""
    page = project_copy / "docs" / "thuat-ngu.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        '\n\n<img src="assets/images/favicon.svg" width="40" height="40">\n\n'
        '<p class="ht-planted-grey">Chữ xám nhạt trên nền trắng.</p>\n\n'
        '<pre class="ht-planted-wide">' + "x" * 200 + "</pre>\n"), encoding="utf-8")
    css = project_copy / "overrides" / "assets" / "stylesheets" / "hoctap.css"  # a page may not hold `style`
    css.write_text(css.read_text(encoding="utf-8") + "\n*:focus, *:focus-visible, *.focus-visible + label,"
                   " label { outline: none !important; }\n.ht-planted-grey { color: #bbb !important; }\n"
                   ".ht-planted-wide { white-space: pre !important; }\n",
                   encoding="utf-8")
    result = build(project_copy, project_copy / "site", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    url = (project_copy / "site" / "thuat-ngu.html").as_uri()

    page = open_page(browser, url, "light")
    try:
        found = {v["id"] for v in axe_violations(page, RULES["failing_impacts"])}
        assert {"image-alt", "color-contrast"} <= found, found
    finally:
        page.context.close()
    with pytest.raises(AssertionError, match="scrolls sideways"):
        test_reflows_at_200_percent_text(browser, url.removesuffix("thuat-ngu.html"), "thuat-ngu.html")
    with pytest.raises(AssertionError, match="focus not visible"):
        test_keyboard_focus_is_visible(browser, url.removesuffix("thuat-ngu.html"), "thuat-ngu.html")


def test_a_map_with_a_cited_document_passes_axe(browser, project_copy, tmp_path):
    """An imported dispatch whose programme has no page yet: the map draws it as cited, a box that
    is no link (a group with its description), and the page still passes axe in both schemes."""
    from tests import import_traps as traps
    from tests.browser.conftest import serve
    from tests.import_samples import write_docx
    from tests.test_import import hoctap

    dispatch = write_docx(traps.CHAIN["cong-van-1"], tmp_path / "cong-van-1.docx")
    assert hoctap("import", str(dispatch), cwd=project_copy).returncode == 0
    built = hoctap("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), cwd=project_copy)
    assert built.returncode == 0, built.stderr
    server, url = serve(tmp_path / "site")
    try:
        for scheme in ("light", "dark"):
            page = open_page(browser, url + "ban-do.html", scheme)
            try:
                assert page.locator("g.ht-svg__node--cited").count() == 1
                violations = axe_violations(page, RULES["failing_impacts"])
                assert violations == [], f"ban-do.html with a cited document ({scheme}):\n{describe(violations)}"
            finally:
                page.context.close()
    finally:
        server.shutdown()
