"""A document's title for sharing and the addresses a phone can open.

A QR code or a link preview only works with an absolute address, which only the site's `site_url`
gives (`hoctap publish --site-url`, or `HOCTAP_SITE_URL`); without one, `absolute()` says None and
whatever needs it is left out.
"""

from __future__ import annotations

import re
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


_UNSAFE = re.compile(r"[\s\"'<>`\\{}|^\[\]\x00-\x1f\x7f]")
"""What an address never holds and a page's canonical link, CSP or QR code must not receive: quotes,
angle brackets and braces close an attribute or open a tag; whitespace and controls split it."""


def check_site_url(value: str) -> str:
    """`value` as the site's address (`http://HOST/hoc-tap/`, a `/` added); ValueError saying what is wrong."""
    bad = _UNSAFE.search(value)
    if bad:
        raise ValueError(f"--site-url {value!r}: an address holds no {'space' if bad.group().isspace() else repr(bad.group())}; "
                         "give it as http://HOST/hoc-tap/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or parts.username:
        raise ValueError(f"--site-url {value!r}: not the address of a site; give it as http://HOST/hoc-tap/ "
                         "(http or https, a host, a path; no ?query, #fragment or user@)")
    return value if value.endswith("/") else value + "/"


def site_root(site_url: str | None) -> str | None:
    """`http://intranet/hoc-tap/`, or None when the site's address is not known, not http, or not safe to print."""
    try:
        return check_site_url(site_url) if site_url else None
    except ValueError:
        return None


def absolute(site_url: str | None, url: str) -> str | None:
    """The address of a page or file of the site (`van-ban/x.html`), or None without a site URL."""
    root = site_root(site_url)
    return urljoin(root, quote(url.lstrip("/"), safe="/#.-_~")) if root else None
