"""A document's title for sharing and the addresses a phone can open.

A QR code or a link preview only works with an absolute address, which only the site's `site_url`
gives (`hoctap publish --site-url`, or `HOCTAP_SITE_URL`); without one, `absolute()` says None and
whatever needs it is left out.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit

from ..content.page import Document

FEDERATION = "Liên đoàn Lao động tỉnh Lai Châu"


def page_url(document: Document) -> str:
    """The built page of a document (`use_directory_urls: false`): `van-ban/15-ctr-tu.html`."""
    return document.page.stem + ".html"


def subject(document: Document) -> str:
    """What the document is about in Vietnamese, for what is made below the render (slide decks,
    preview images): its short title, else the trích yếu, as `render.titles.subject` picks it."""
    return (document.ten_ngan or document.trich_yeu or "").strip()


def site_root(site_url: str | None) -> str | None:
    """`http://intranet/hoc-tap/`, or None when the site's address is not known (or not http)."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"


def absolute(site_url: str | None, url: str) -> str | None:
    """The address of a page or file of the site (`van-ban/x.html`), or None without a site URL."""
    root = site_root(site_url)
    return urljoin(root, quote(url.lstrip("/"), safe="/#.-_~")) if root else None
