"""A member's phone, 360 px wide, touch: interface words in Vietnamese, controls a finger can hit,
notices and tables in body-text size (issue 14, items 4, 8 and 9)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.browser.targets import small_targets, small_text

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
PAGES = ["index.html", "van-ban/15-ctr-tu.html", "van-ban/index.html", "on-tap.html", "ban-do.html",
         "bao-cao-vien.html", "thuat-ngu.html", "en/index.html"]


def _material_english() -> set[str]:
    """Material's English interface words (its partials/languages/en.html)."""
    text = (MATERIAL / "en.html").read_text(encoding="utf-8")
    words = {value for key, value in re.findall(r'"([a-z.]+)": "([^"]+)"', text)
             if key not in ("language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator")}
    return words | {"Permanent link"}


def test_vietnamese_pages_have_no_english_interface_words(site):
    """Every built Vietnamese page, as a reader's screen reader and eyes meet it: labels, titles,
    placeholders, visible text, and the words Material's script shows (`__config` translations)."""
    english = _material_english()
    found = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("en/"):
            continue
        text = path.read_text(encoding="utf-8")
        shown = {html.unescape(v) for v in re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', text)}
        shown |= {html.unescape(v).strip() for v in re.findall(r">([^<>]+)<", text)}
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)
        if config:
            shown |= set(__import__("json").loads(config.group(1))["translations"].values())
        wrong = sorted(shown & english)
        if wrong:
            found[rel] = wrong
    assert not found, found


def test_material_words_corrected(phone, site):
    phone.goto((site / "van-ban" / "15-ctr-tu.html").as_uri())
    assert phone.locator(".md-top").inner_text().strip() == "Lên đầu trang"
    assert phone.locator("h1 .headerlink").get_attribute("title") == "Liên kết cố định"
    phone.locator(".md-header label.md-header__button[for=__search]").click()
    phone.locator("input.md-search__input").fill("chương trình")
    more = phone.locator(".md-search-result__more summary").first
    more.wait_for()
    assert re.fullmatch(r"\d+ kết quả khác trong trang", more.inner_text().strip()), more.inner_text()


def test_english_pages_keep_english_words(phone, site):
    phone.goto((site / "en" / "index.html").as_uri())
    assert phone.locator(".md-top").inner_text().strip() == "Back to top"
    assert phone.locator("h1 .headerlink").get_attribute("title") == "Permanent link"


@pytest.mark.parametrize("path", PAGES)
def test_every_control_is_a_finger_wide(phone, site, path):
    """At the top, scrolled back (back-to-top shown), menu open, language list open, search with results."""
    phone.goto((site / path).as_uri())
    assert small_targets(phone) == {}


@pytest.mark.parametrize("path", ["van-ban/15-ctr-tu.html", "van-ban/index.html", "thuat-ngu.html", "bao-cao-vien.html"])
def test_notices_and_tables_read_at_16px(phone, site, path):
    phone.goto((site / path).as_uri())
    assert phone.locator(".admonition, table").count(), "the page has notices or tables to measure"
    assert small_text(phone) == []


# -- abbreviations (item 4) --------------------------------------------------------------------

TIP = "#ht-abbr-tip"


def test_a_tap_on_an_abbreviation_shows_its_meaning(phone, site):
    phone.goto((site / "van-ban" / "03-ctr-ldld.html").as_uri())
    abbr = phone.locator("article p abbr[title]").filter(has_text="LĐLĐ").first
    meaning = abbr.get_attribute("title")
    assert phone.locator(TIP).is_hidden()
    abbr.tap()
    tip = phone.locator(TIP)
    assert tip.is_visible() and tip.inner_text() == meaning == "Liên đoàn Lao động"
    assert tip.get_attribute("role") == "tooltip" and abbr.get_attribute("aria-describedby") == "ht-abbr-tip"
    word, box = abbr.bounding_box(), tip.bounding_box()
    assert box["y"] >= word["y"] + word["height"] - 1, "the meaning is under the word, not over it"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, "the meaning stays on the screen"
    assert float(tip.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
    phone.locator("article h2").first.tap()  # a tap elsewhere hides it
    assert tip.is_hidden()
    assert phone.requests and all(url.startswith("file:") for url in phone.requests), "offline, nothing fetched"


def test_an_abbreviation_by_keyboard(phone, site):
    phone.goto((site / "van-ban" / "03-ctr-ldld.html").as_uri())
    abbr = phone.locator("article p abbr[title]").first
    assert abbr.get_attribute("tabindex") == "0"
    abbr.focus()
    assert phone.locator(TIP).inner_text() == abbr.get_attribute("title")
    phone.keyboard.press("Escape")
    assert phone.locator(TIP).is_hidden()


def test_a_tap_on_an_abbreviation_in_a_link_follows_the_link(phone, site):
    phone.goto((site / "van-ban" / "index.html").as_uri())
    abbr = phone.locator("article a abbr[title]").first
    assert abbr.get_attribute("tabindex") is None, "inside a link the link is the control"
    href = abbr.evaluate("e => e.closest('a').href")
    abbr.tap()
    phone.wait_for_url(href)
    assert phone.locator(TIP).is_hidden()


def test_the_glossary_promise_holds(phone, site):
    """The glossary page says a tap shows the meaning: on its own page too."""
    phone.goto((site / "thuat-ngu.html").as_uri())
    assert "chạm vào từ viết tắt để xem nghĩa" in phone.locator("article").inner_text()
    abbr = phone.locator("article abbr[tabindex]").first
    abbr.tap()
    assert phone.locator(TIP).inner_text() == abbr.get_attribute("title")


# -- the map (item 9) --------------------------------------------------------------------------

DRAWING = r"""() => {
  const found = {small: [], overflow: [], cut: [], underline: [], low: []};
  for (const svg of document.querySelectorAll('figure.ht-diagram svg')) {
    const scale = svg.getScreenCTM().a, frame = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(text).fontSize) * scale, words = text.textContent;
      if (px < 14) found.small.push(`${words}: ${px.toFixed(1)} px`);
      if (words.includes('…')) found.cut.push(words);
      const link = text.closest('a');
      if ([text, link].some((el) => el && getComputedStyle(el).textDecorationLine !== 'none')) found.underline.push(words);
      const box = (link ? link.querySelector('rect') : svg).getBoundingClientRect(), t = text.getBoundingClientRect();
      if (t.left < box.left || t.right > box.right || t.top < box.top || t.bottom > box.bottom) found.overflow.push(words);
    }
    for (const rect of svg.querySelectorAll('a rect')) {
      const r = rect.getBoundingClientRect();
      if (r.height < 44 || r.right > innerWidth) found.low.push(rect.parentNode.textContent.slice(0, 30));
    }
  }
  return found;
}"""


def test_the_map_reads_on_a_phone(phone, site):
    """No text under 14 px as rendered, none out of its box or cut with "…", no underline through
    diacritics, every box a finger's height and within the screen."""
    phone.goto((site / "ban-do.html").as_uri())
    assert phone.locator("figure.ht-diagram").count() == 2
    found = phone.evaluate(DRAWING)
    assert found == {"small": [], "overflow": [], "cut": [], "underline": [], "low": []}
    symbol = phone.locator("figure.ht-diagram svg text.ht-svg__heading", has_text="02/CTr-LĐLĐ").first
    assert symbol.is_visible()


def test_the_map_shows_the_plan_over_its_seven_programmes(phone, site):
    phone.goto((site / "ban-do.html").as_uri())
    headings = phone.locator("figure.ht-diagram").first.locator("a .ht-svg__heading")
    names = headings.evaluate_all("els => els.map(e => e.textContent)")  # SVG text has no innerText
    xs = headings.evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().left))")
    assert names[0] == "Kế hoạch"
    programmes = ["15-CTr/TU", "18-CTr/TU", "03/CTr-MTTQ-UB", "15/CTr-LĐLĐ", "01/CTr-LĐLĐ", "02/CTr-LĐLĐ", "03/CTr-LĐLĐ"]
    at = [names.index(p) for p in programmes]
    assert at == sorted(at), "in the plan's order"
    assert len({xs[i] for i in at}) == 1 and xs[at[0]] > xs[0], "all one step under the plan"
    # what each implements hangs one step further under it
    implemented = {"15-CTr/TU": "Nghị quyết", "18-CTr/TU": "58-CT/TW", "03/CTr-MTTQ-UB": "Nghị quyết", "15/CTr-LĐLĐ": "Nghị quyết"}
    for programme, target in implemented.items():
        i = names.index(programme)
        assert names[i + 1] == target and xs[i + 1] > xs[i], programme
