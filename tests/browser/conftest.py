"""One headless Chromium (Debian's) for every browser test, and the site served over HTTP.

Never `playwright install`: the browser is /usr/bin/chromium, installed by `make setup`.
"""

from __future__ import annotations

import functools
import http.server
import tempfile
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
        # Serve the parent of a symlink named like the prefix, so /hoc-tap/ maps to the site; a folder
        # of its own for each server, since pytest-xdist's workers serve one shared site at once.
        root = Path(tempfile.mkdtemp(prefix="served-", dir=directory.parent))
        (root / prefix.strip("/")).symlink_to(directory, target_is_directory=True)
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


# -- the editors' desk: `hoctap desk` itself, on a copy of the project ------------------------------

def start_desk(project: Path, publish_to: Path, *extra: str):
    """Run `hoctap desk` in `project` (a git repository) on a free port; (process, base URL)."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.conftest import _free_port

    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Its messages (MkDocs logs every preview build) go to a file: a pipe nobody reads fills and stops the desk
    log = open(publish_to.parent / f"desk-{port}.log", "w+", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "hoctap.cli", "desk", "--port", str(port),
                                "--publish-to", str(publish_to), "--site-url", "http://intranet.test/hoc-tap/", *extra],
                               cwd=project, env=env, stdout=log, stderr=log, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"hoctap desk stopped: {log.read()[-3000:]}")
        try:
            urllib.request.urlopen(url + "tai-nguyen/desk.css", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("hoctap desk did not answer within 120 s")


@pytest.fixture
def desk_project(tmp_path_factory) -> Path:
    """A throw-away copy of the project, a git repository of its own, for the desk to change."""
    import shutil
    import subprocess

    root = Path(__file__).resolve().parents[2]
    project = tmp_path_factory.mktemp("desk-project")
    for name in ("docs", "overrides", "sources"):
        shutil.copytree(root / name, project / name)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start"]):
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)
    return project


@pytest.fixture
def desk_url(desk_project, tmp_path_factory):
    """The desk serving `desk_project` on loopback; publishes go to a folder beside it."""
    process, url = start_desk(desk_project, tmp_path_factory.mktemp("desk-publish"))
    yield url
    stop_desk(process)


def stop_desk(process) -> None:
    """Ctrl+C's signal, then, if the desk is still busy a minute later, the end."""
    import subprocess

    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(params=[360, 1280], ids=["360px", "1280px"])
def desk_page(browser, request):
    """A fresh page at a phone's width and at a desktop's."""
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800 if width > 360 else 780})
    page = context.new_page()
    page.width = width
    yield page
    context.close()
