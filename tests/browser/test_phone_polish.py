"""Issue 24, the phone polish, at 360 px in Debian's Chromium: the site's name whole in the header,
no abbreviation underline through a symbol or a heading, a locked quiz button that looks locked, and
Đọc nhanh's first screen answering a member before anything for organisers."""

from __future__ import annotations

import pytest

NAME = ".md-header__title .md-header__topic:first-child .md-ellipsis"


@pytest.mark.parametrize("path", ["index.html", "doc-nhanh.html", "van-ban/03-ctr-mttq-ub.html", "en/index.html"])
def test_the_sites_name_is_whole_in_the_header(phone, site, path):
    phone.goto((site / path).as_uri())
    name = phone.locator(NAME)
    expected = "Học tập — LĐLĐ tỉnh Lai Châu" if not path.startswith("en/") else "Study — Lai Châu Federation of Labour"
    assert " ".join(name.inner_text().split()) == expected
    cut = name.evaluate("e => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1")
    assert not cut, "the name is cut with an ellipsis"
    box, header = name.bounding_box(), phone.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"], "inside the bar"
    buttons = [b.bounding_box() for b in phone.locator(".md-header label.md-header__button, .md-header .md-header__option").all()
               if b.is_visible()]
    assert all(b["x"] >= box["x"] + box["width"] or b["x"] + b["width"] <= box["x"] for b in buttons), "no button over it"


def _underlined(locator) -> list[str]:
    """The abbreviations under `locator` drawn with a dotted underline."""
    return locator.evaluate_all(
        "els => els.filter(e => getComputedStyle(e).borderBottomStyle !== 'none'"
        " && parseFloat(getComputedStyle(e).borderBottomWidth) > 0).map(e => e.textContent)")


def test_no_underline_through_a_symbol_or_a_heading(phone, site):
    phone.goto((site / "doc-nhanh.html").as_uri())
    assert _underlined(phone.locator("article :is(h1, h2, h3) abbr")) == []
    assert _underlined(phone.locator("article abbr.ht-abbr--symbol")) == []
    assert phone.locator("article abbr.ht-abbr--symbol").count() > 5  # 15/CTr-LĐLĐ, 58-CT/TW…
    assert _underlined(phone.locator("article p abbr:not(.ht-abbr--symbol)")), "a word in prose keeps its hint"
    phone.goto((site / "van-ban" / "15-ctr-ldld.html").as_uri())
    assert _underlined(phone.locator("article h1 abbr, .ht-card__symbol abbr, article a abbr")) == []
    catalogue = phone.goto((site / "van-ban" / "index.html").as_uri())
    assert catalogue is None or catalogue.ok
    assert _underlined(phone.locator("article table abbr.ht-abbr--symbol")) == []


def test_a_locked_quiz_button_looks_locked(phone, site):
    phone.goto((site / "on-tap.html").as_uri())
    forms = phone.locator("form.ht-quiz__q")
    first, second = forms.nth(0), forms.nth(1)
    style = "b => { const s = getComputedStyle(b); return [s.color, s.borderColor, s.cursor, s.pointerEvents]; }"
    first.locator("input[type=radio]").first.check()
    first.get_by_role("button").click()
    locked, open_ = first.get_by_role("button"), second.get_by_role("button")
    assert locked.is_disabled() and not open_.is_disabled()
    looks_locked, looks_open = locked.evaluate(style), open_.evaluate(style)
    assert looks_locked[0] != looks_open[0] and looks_locked[1] != looks_open[1], "greyed, not the active colour"
    assert looks_locked[2] == "not-allowed" and looks_locked[3] == "none"


def test_the_first_screen_of_quick_read_answers_a_member(phone, site):
    phone.goto((site / "doc-nhanh.html").as_uri())
    first_screen = phone.evaluate(
        "() => [...document.querySelectorAll('article h1, article h2, article p, article li')]"
        ".filter(e => e.getBoundingClientRect().top < innerHeight).map(e => e.innerText).join('\\n')")
    assert "Học gì?" in first_screen and "Ai dự hội nghị quán triệt?" in first_screen
    assert "dự kiến 110 người" in first_screen and "Đoàn viên khác không có tên" in first_screen
    assert "Đảm bảo các điều kiện" not in first_screen
    organisers = phone.locator("#danh-cho-to-chuc").bounding_box()
    members = phone.locator("#ai-du").bounding_box()
    assert members["y"] < organisers["y"]
