"""A document page and the catalogue on a 360 px phone (issue 14): the first screen says what the
document is and its focus, the card is folded below; the catalogue is cards, a table from 768 px."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE


def test_first_screen_of_a_programme_page(phone, site_url):
    phone.goto(site_url + "van-ban/03-ctr-ldld.html")
    # As a member sees it published: the preview's review banner is not there
    phone.locator(".ht-review").evaluate("banner => banner.remove()")
    heading = phone.get_by_role("heading", level=1)
    assert " ".join(heading.inner_text().strip("¶ \n").split()) == "03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể"
    lead = phone.locator("article p", has_text="Chương trình số 03/CTr-LĐLĐ")
    focus = phone.get_by_role("heading", name="Trọng tâm theo Kế hoạch")
    first_screen = PHONE["height"]
    for element in (heading, lead, focus):
        box = element.bounding_box()
        assert box["y"] + box["height"] <= first_screen, element
    summary = phone.locator("summary.ht-card__summary")
    assert summary.bounding_box()["y"] > focus.bounding_box()["y"]
    status = phone.locator(".ht-card__status")
    assert not status.is_visible(), "the card is folded away"
    assert summary.bounding_box()["height"] >= 44
    summary.tap()
    assert status.is_visible() and status.inner_text() == "Đã ban hành"
    source = phone.locator(".ht-card dd a", has_text="Kế hoạch ngày 31/3/2026, mục II.1")
    with phone.expect_navigation():
        source.tap()
    assert phone.url.endswith("ke-hoach.html#noi-dung-hoc-tap")


def test_catalogue_is_cards_on_a_phone(phone, site_url):
    phone.goto(site_url + "van-ban/index.html")
    table = phone.locator("table.ht-catalogue")
    assert table.evaluate("t => getComputedStyle(t.querySelector('tr')).display") == "block"
    assert not phone.locator("table.ht-catalogue thead").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rows = table.locator("tbody tr")
    for i in range(rows.count()):
        box = rows.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], i
    links = table.locator("a").all_inner_texts()
    assert len(links) == rows.count() and all(" — " in link or "Nghị quyết" in link for link in links)
    assert "chưa rõ" not in [link.strip() for link in links]
    assert "03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể" in links
    first = rows.first.locator("td").nth(1)
    assert first.evaluate("td => getComputedStyle(td, '::before').content") == '"Số ký hiệu: "'


@pytest.mark.parametrize("width", [768, 1280])
def test_catalogue_is_a_table_from_tablet_width(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "van-ban/index.html")
    table = page.locator("table.ht-catalogue")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert page.locator("table.ht-catalogue thead").is_visible()
    context.close()
