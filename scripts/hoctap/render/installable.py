"""A publish's pages as an app a phone installs and keeps: the names the templates link to, and the
offline page the service worker shows for a page it does not keep.

Only a publish (a release name, the site's address, no preview) is installable: previews (`hoctap
serve`, `hoctap build`) and the offline bundle link no manifest and register no worker. The files
themselves (manifest, icons, worker) are written by `hoctap publish` (hoctap.publish.offline_app).
"""

from __future__ import annotations

from urllib.parse import urlsplit

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
"""At the site's root, so that the worker's scope is the whole site (no Service-Worker-Allowed header)."""
OFFLINE_PAGE = "ngoai-tuyen.html"
"""The page shown, at the address asked for, for a page not kept when there is no network (one per
language: ngoai-tuyen.html, en/ngoai-tuyen.html); it links by absolute paths, as the 404 page does."""
THEME_COLOUR = "#c62828"
"""The header's red (overrides/assets/stylesheets/hoctap.css, `--md-primary-fg-color`)."""


def app(site_url: str, *, release: str, preview: bool) -> dict | None:
    """What the templates link to (`config.extra.hoctap_app`), or None where nothing is installable."""
    if not (release and site_url and not preview):
        return None
    # `root`: the offline page is shown at any address of the site, so it links by absolute path
    return {"manifest": MANIFEST, "theme_colour": THEME_COLOUR, "root": urlsplit(site_url).path}
