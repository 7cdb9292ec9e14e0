"""Sharing in a real Chromium: the speaker sheets printed from the site carry their programme's QR code,
and the share button shares (Web Share) or copies the link, with a confirmation a reader sees and hears."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DOCS, SITE_URL
from tests.qr import decoded_pages
from hoctap.registry.documents import Registry

REGISTRY = Registry.load(DOCS)
PROGRAMMES = [d for d in REGISTRY.catalogue() if d.ma in REGISTRY.study_order]


def test_printed_speaker_sheets_carry_their_programme_qr_code(browser, site_with_url, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site_with_url / "bao-cao-vien.html").as_uri())
    assert not page.locator(".ht-sheet .ht-qr").first.is_visible(), "on screen the sheet shows no code"
    page.emulate_media(media="print")
    pdf = tmp_path / "phieu.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    context.close()
    found = [code for codes in decoded_pages(pdf, dpi=100) for code in codes]
    assert found == [SITE_URL + d.page.stem + ".html" for d in PROGRAMMES], "one code per sheet, in order"


PAGE = "van-ban/03-ctr-ldld.html"
WEB_SHARE = """window.__shared = [];
Object.defineProperty(navigator, "share", {value: data => { window.__shared.push(data); return Promise.resolve(); }});"""
NO_WEB_SHARE = "delete Navigator.prototype.share;"
NO_CLIPBOARD_API = NO_WEB_SHARE + "Object.defineProperty(navigator, 'clipboard', {value: undefined});"


def share_button(page):
    button = page.get_by_role("button", name="Chia sẻ")
    assert button.is_visible()
    return button


def test_share_uses_web_share_where_the_browser_has_it(browser, site_with_url):
    from tests.browser.conftest import PHONE, serve

    server, url = serve(site_with_url, "/hoc-tap/")
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(WEB_SHARE)
    page = context.new_page()
    page.goto(url + PAGE)
    share_button(page).tap()
    shared = page.evaluate("window.__shared")
    assert shared == [{"title": page.title(), "url": SITE_URL + PAGE}], "the page's address, not the test server's"
    context.close()
    server.shutdown()


def test_without_web_share_the_link_is_copied_and_said(browser, site):
    """Keyboard only: Tab to the button, Enter; the link is on the clipboard and the status line says so."""
    from tests.browser.conftest import serve

    server, url = serve(site, "/hoc-tap/")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(NO_WEB_SHARE)
    page = context.new_page()
    page.goto(url + PAGE)
    button = share_button(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Chia sẻ":
            break
    else:
        raise AssertionError("the share button is not reached with Tab")
    page.keyboard.press("Enter")
    status = page.get_by_role("status").filter(has_text="Đã chép liên kết")
    status.wait_for()
    assert status.is_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url + PAGE, "no site URL: the address in use"
    assert button.get_attribute("title") == "Chia sẻ"
    context.close()
    server.shutdown()


def test_over_plain_http_without_clipboard_api_the_link_is_still_copied(browser, site):
    from tests.browser.conftest import serve

    server, url = serve(site, "/hoc-tap/")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(NO_CLIPBOARD_API)
    page = context.new_page()
    page.goto(url + PAGE)
    page.evaluate("document.addEventListener('copy', e => window.__copied = document.getSelection().toString() "
                  "|| document.activeElement.value)")
    share_button(page).click()
    page.get_by_role("status").filter(has_text="Đã chép liên kết").wait_for()
    assert page.evaluate("window.__copied") == url + PAGE
    context.close()
    server.shutdown()


def test_english_share_button(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "en" / "ke-hoach.html").as_uri())
    assert page.get_by_role("button", name="Share").is_visible()
    context.close()
