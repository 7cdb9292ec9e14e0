"""The desk's phone preview in Chromium, as an editor sees it: after "Lưu trang" the frame "Xem như
điện thoại" shows the change, and so do the other pages that name the document (the catalogue, the
map); the preview's English addresses say the preview is Vietnamese only. Every kind of change,
page by page against a whole build: tests/test_desk_preview.py."""

from __future__ import annotations

import re

PREVIEW_WAIT = 30_000  # a busy machine: the save, its commit and the pages it touched


def test_a_save_shows_in_the_phone_preview_and_on_the_pages_naming_it(browser, desk_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(desk_url + "trang/van-ban/15-ctr-tu")
    frame = page.frame_locator('iframe[title="Xem như điện thoại"]')
    frame.locator("h1").first.wait_for(timeout=PREVIEW_WAIT)
    marker = "Trích yếu sửa để thử bản xem trước"
    assert frame.get_by_text(marker).count() == 0
    page.get_by_label("Trích yếu", exact=True).fill(marker)
    page.get_by_role("button", name="Lưu trang").click()
    page.wait_for_url(re.compile(r"bao="), timeout=PREVIEW_WAIT)
    frame.get_by_text(marker).first.wait_for(state="attached", timeout=PREVIEW_WAIT)  # in the card, folded at 360 px
    assert page.get_by_text("Bản xem trước chỉ có tiếng Việt").count() == 1
    for other in ("van-ban/index.html", "ban-do.html"):  # the catalogue and the map name it too
        page.goto(desk_url + "xem/" + other)
        assert page.get_by_text(marker).count() >= 1, other
    page.goto(desk_url + "xem/en/van-ban/15-ctr-tu.html")
    assert page.get_by_role("heading", name="Bản xem trước chỉ có tiếng Việt").count() == 1
    page.get_by_role("link", name="Xem trang này bằng tiếng Việt").click()
    page.get_by_text(marker).first.wait_for(state="attached", timeout=PREVIEW_WAIT)
    context.close()
