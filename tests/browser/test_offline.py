"""The site opens and navigates from file:// and over HTTP, requests nothing from another origin,
and fits a 360 px phone without horizontal scrolling."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

PAGES = ["index.html", "ke-hoach.html", "hoi-nghi.html", "van-ban/index.html", "van-ban/03-ctr-ldld.html",
         "en/index.html", "en/ke-hoach.html"]


def foreign(requests: list[str], own: str) -> list[str]:
    """Requests that leave the site's own origin (file:// counts as its own; data: is inline)."""
    own_origin = urlparse(own)
    return [
        url for url in requests
        if not url.startswith(("data:", "blob:", "about:"))
        and (urlparse(url).scheme, urlparse(url).netloc) != (own_origin.scheme, own_origin.netloc)
    ]


@pytest.mark.parametrize("path", PAGES)
def test_page_opens_under_file_url(phone, site, path):
    url = (site / path).as_uri()
    phone.goto(url)
    assert phone.locator("h1").first.is_visible()
    assert phone.evaluate("document.documentElement.lang") == ("en" if path.startswith("en/") else "vi")
    assert foreign(phone.requests, url) == []


def test_navigation_under_file_url(phone, site):
    phone.goto((site / "index.html").as_uri())
    phone.get_by_role("link", name="Dự hội nghị quán triệt").click()
    phone.wait_for_load_state()
    assert phone.url.endswith("hoi-nghi.html")
    assert "Hội nghị quán triệt" in phone.locator("h1").inner_text()
    assert foreign(phone.requests, phone.url) == []


@pytest.mark.parametrize("path", ["index.html", "van-ban/03-ctr-ldld.html"])
def test_phone_has_no_horizontal_scroll(phone, site_url, path, tmp_path):
    phone.goto(site_url + path)
    phone.screenshot(path=str(tmp_path / "shot.png"), full_page=True)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    assert foreign(phone.requests, site_url) == []
