"""Measuring a page as a finger meets it: every control's box in each state of Material's phone
layout (at rest, menu open, language list open, search open with results), and the text size of
notices and tables. Shared by the phone tests."""

from __future__ import annotations

MIN_TARGET = 44
"""CSS px, each side (WCAG 2.5.5)."""
MIN_TEXT = 16
"""CSS px: body text of notices and tables."""

_TARGETS = r"""(min) => {
  const controls = 'a[href], button, input:not([type=hidden]), select, summary, label[for], [tabindex]:not([tabindex="-1"])';
  const shown = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden' || style.display === 'none' || parseFloat(style.opacity) === 0) return false;
    }
    const r = el.getBoundingClientRect();
    // Under another layer (Material's search covers the header): not a target now
    const hit = document.elementFromPoint(Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1));
    if (!hit || !(el.contains(hit) || hit.contains(el) || (el.closest('label') || el).contains(hit))) return false;
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
  };
  const small = [];
  for (const el of document.querySelectorAll(controls)) {
    // A radio or checkbox is tapped through its label; a link or an abbreviation inside running
    // text is exempt (WCAG 2.5.8, inline): its size is the text's
    const target = (el.matches('input') && el.closest('label')) || el;
    if (el.matches('abbr')) continue;
    if (el.matches('a') && el.closest('.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset dd, .md-typeset th, .md-typeset figcaption')
        && !el.closest('nav, .md-nav')) continue;
    if (!shown(el) || getComputedStyle(target).pointerEvents === 'none') continue;
    const r = target.getBoundingClientRect();
    if (r.width < min - 0.5 || r.height < min - 0.5) {
      const name = (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || el.className || el.tagName).trim().slice(0, 40);
      small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return small;
}"""

_TEXT = r"""(min) => [...document.querySelectorAll(
    '.md-typeset .admonition :is(p, li, .admonition-title), .md-typeset details :is(p, li, summary), .md-typeset table :is(td, th)')]
  .filter((el) => el.getClientRects().length && parseFloat(getComputedStyle(el).fontSize) < min - 0.01)
  .map((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ${getComputedStyle(el).fontSize}`)"""


def small_targets(page) -> dict[str, list[str]]:
    """Controls under 44×44 px in each state a phone reader puts the page in, by state."""
    found = {"at the top": page.evaluate(_TARGETS, MIN_TARGET)}
    page.evaluate("window.scrollTo(0, 600)")
    page.evaluate("window.scrollTo(0, 300)")  # scrolling back up shows Material's back-to-top button
    page.wait_for_timeout(300)
    found["scrolled back"] = page.evaluate(_TARGETS, MIN_TARGET)
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".md-header label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)
    found["menu open"] = page.evaluate(_TARGETS, MIN_TARGET)
    page.locator("label.md-overlay").click(position={"x": 350, "y": 400})  # beside the drawer
    page.wait_for_timeout(400)
    switcher = page.locator(".md-select button")
    if switcher.count():
        switcher.first.focus()
        page.wait_for_timeout(400)
        found["languages open"] = page.evaluate(_TARGETS, MIN_TARGET)
        switcher.first.blur()
    page.locator(".md-header label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill("chương trình")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    found["search open"] = page.evaluate(_TARGETS, MIN_TARGET)
    page.keyboard.press("Escape")
    return {state: small for state, small in found.items() if small}


def small_text(page) -> list[str]:
    """Notice and table text under 16 px."""
    return page.evaluate(_TEXT, MIN_TEXT)
