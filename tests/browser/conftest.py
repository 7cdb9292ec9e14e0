"""One headless Chromium (Debian's) for every browser test, and the site served over HTTP.

Never `playwright install`: the browser is /usr/bin/chromium, installed by `make setup`.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PHONE = {"width": 360, "height": 780}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs Debian's chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A fresh phone-sized page (360×780) that records every request it makes."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path, prefix: str = "") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a free loopback port, optionally under a sub-path such as `/hoc-tap/`."""
    root = directory
    if prefix:
        # Serve the parent of a symlink named like the prefix, so /hoc-tap/ maps to the site.
        root = directory.parent / "_served"
        root.mkdir(exist_ok=True)
        link = root / prefix.strip("/")
        if not link.exists():
            link.symlink_to(directory, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{prefix or '/'}"


@pytest.fixture(scope="session")
def site_url(site):
    """The built site over HTTP, under the sub-path the intranet uses."""
    server, url = serve(site, "/hoc-tap/")
    yield url
    server.shutdown()
