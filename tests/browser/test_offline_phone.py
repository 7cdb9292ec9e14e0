"""A member's phone keeps the published site (issue 23): a release served by the real nginx
configuration under /hoc-tap/, visited once online, then opened with the network off; a new release
and a rollback reach the phone whole; the installability checks Chromium (and Lighthouse) make.

The network is off twice over while offline: Playwright's `set_offline` and the publish directory's
`current` moved away, so that anything not kept on the phone could not come from the server either;
every response the pages get must come from the service worker.
"""

from __future__ import annotations

import json
import time
import tomllib
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.conftest import PHONE

ROOT = Path(__file__).resolve().parents[2]
BUDGET = tomllib.loads((ROOT / "benchmarks" / "budget.toml").read_text(encoding="utf-8"))
VISIT, THROTTLE = BUDGET["first_visit"], BUDGET["throttle"]
RELEASE = "meta[name=hoctap-release]"
KEPT = "navigator.serviceWorker.ready.then(r => r.active.scriptURL)"


@pytest.fixture(scope="module")
def published(tmp_path_factory, nginx, run_hoctap):
    """A publish directory served by nginx, with every page (drafts allowed: each document page and
    its slide deck is there); returns (publish dir, base URL)."""
    target = tmp_path_factory.mktemp("phone") / "srv"
    url = nginx(target)
    publish(run_hoctap, target, url)
    return target, url


def publish(run_hoctap, target: Path, url: str) -> str:
    result = run_hoctap("publish", "--to", str(target), "--site-url", url, "--allow-draft")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "a phone keeps" in result.stdout
    return current(target).name


def current(target: Path) -> Path:
    return (target / "current").resolve()


@pytest.fixture(scope="module")
def phone_context(browser, published):
    """One phone for the whole module, as a member keeps theirs: the worker and its caches stay."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  service_workers="allow")
    yield context
    context.close()


def release_of(page) -> str:
    return page.locator(RELEASE).get_attribute("content")


def waiting_taken_over(context, seconds: float = 30) -> None:
    """Wait until no worker of the phone waits any more: a waiting worker takes over once its last page
    is closed, a moment after, as a member's next visit would come (a page opened in that moment is
    still the old release's, and shows the notice again)."""
    for _ in range(int(seconds * 10)):
        states = []
        for worker in context.service_workers:
            try:
                states.append(worker.evaluate("self.registration.waiting === null"))
            except Exception:  # a worker stopped meanwhile: not one that answers
                continue
        if states and all(states):
            return
        time.sleep(0.1)
    raise AssertionError(f"a worker still waits {seconds} s after its last page closed")


def pages_of(site: Path) -> list[str]:
    """Every page a member can open, in both languages (the web server's 404 and the offline pages aside)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name not in ("404.html", "ngoai-tuyen.html"))


class NetworkOff:
    """Playwright's offline switch, and the server's `current` moved away while it is on."""

    def __init__(self, context, target: Path):
        self.context, self.link, self.away = context, target / "current", target / "current.away"

    def __enter__(self):
        self.context.set_offline(True)
        self.link.rename(self.away)

    def __exit__(self, *exc):
        self.away.rename(self.link)
        self.context.set_offline(False)


def test_one_visit_then_every_page_pdf_and_search_offline(phone_context, published):
    target, url = published
    release = current(target).name
    page = phone_context.new_page()
    page.goto(url)
    assert release_of(page) == release
    assert page.evaluate(KEPT) == url + "sw.js"  # the whole release is kept once the worker is active
    page.close()

    site = current(target)
    page = phone_context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))

    with NetworkOff(phone_context, target):
        for path in pages_of(site):
            response = page.goto(url + path)
            assert response.status == 200 and response.from_service_worker, path
            assert release_of(page) == release, path
            assert page.locator("h1").first.is_visible(), path
        # Styled: the header is the site's red, so the stylesheets came from the phone too
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(198, 40, 40)"
        assert all(r.from_service_worker for r in responses if r.url.startswith("http")), \
            [r.url for r in responses if not r.from_service_worker]

        # The PDF and the slide decks, whole, as the release holds them
        downloads = ["tai-lieu-hoc-tap.pdf", *sorted(p.relative_to(site).as_posix() for p in site.glob("trinh-chieu/*.pptx"))]
        assert len(downloads) > 1, "the release has slide decks"
        for path in downloads:
            size = page.evaluate("path => fetch(path).then(r => r.ok ? r.arrayBuffer() : null).then(b => b && b.byteLength)",
                                 url + path)
            assert size == (site / path).stat().st_size, path

        # Search in both languages (each its own index: the English one found by the worker's name)
        for home, query, found in [("", "cong doan", "Công đoàn"), ("en/", "study conference", "conference")]:
            page.goto(url + home)
            page.wait_for_load_state("networkidle")
            page.locator("label.md-header__button[for=__search]").click()
            page.locator("input[data-md-component=search-query]").fill(query)
            page.locator(".md-search-result__item > a").first.wait_for(timeout=15_000)
            assert found in page.locator(".md-search-result__item").first.inner_text()

        # A page the release does not hold: the offline page in the page's language, styled
        for path, words in [("khong-co-trang-nay.html", "Không có mạng"), ("en/no-such-page.html", "No network")]:
            response = page.goto(url + path)
            assert response.from_service_worker, path
            assert page.locator("h1").first.inner_text() == words
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(198, 40, 40)"
    page.close()


def test_a_new_release_and_a_rollback_reach_the_phone_whole(phone_context, published, run_hoctap):
    target, url = published
    first = current(target).name
    page = phone_context.new_page()
    page.goto(url)
    page.evaluate(KEPT)
    page.close()

    second = publish(run_hoctap, target, url)
    assert second != first
    # Visit 1: the phone shows the release it keeps, takes the new one in the background, and says so
    page = phone_context.new_page()
    page.goto(url + "hoi-nghi.html")
    assert release_of(page) == first
    notice = page.locator("#ht-update")
    notice.wait_for(state="visible", timeout=60_000)
    assert "Đã có bản mới" in notice.inner_text()
    # Never mixed: until the switch, what the page asks for is still of the release it shows
    assert first in page.evaluate("fetch('index.html').then(r => r.text())")
    # "tải lại" switches every open page at once
    with page.expect_navigation():
        notice.click()
    page.wait_for_load_state()
    assert release_of(page) == second
    page.close()

    # A rollback reaches the phone the same way, here without the notice: at the latest on the second visit
    result = run_hoctap("rollback", "--to", str(target))
    assert result.returncode == 0, result.stderr
    seen = []
    for _ in range(2):
        page = phone_context.new_page()
        page.goto(url + "en/index.html")
        seen.append(release_of(page))
        if seen[-1] == second:
            page.locator("#ht-update").wait_for(state="visible", timeout=60_000)
        page.close()
        waiting_taken_over(phone_context)
    assert seen[-1] == first, seen
    assert seen[0] in (first, second)


UPDATE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  const next = registration.installing;
  if (!next) return registration.waiting ? "installed" : "none";
  return new Promise(done => next.addEventListener("statechange", () => {
    if (next.state === "installed" || next.state === "redundant") done(next.state);
  }));
}"""


def test_a_release_mixed_on_the_server_is_never_kept(phone_context, published, run_hoctap):
    """A file that is not the one the new worker lists (as when a publish switches `current` while
    a phone is keeping the release) fails its hash check: the phone keeps the release it has, whole,
    and takes the new one once the server serves it whole."""
    target, url = published
    shown = current(target).name
    page = phone_context.new_page()
    page.goto(url)
    page.evaluate(KEPT)
    page.close()

    publish(run_hoctap, target, url)
    # A page (each release's differ: they name it), so the phone has to fetch it
    mixed = current(target) / "thuat-ngu.html"
    whole = mixed.read_bytes()
    mixed.write_bytes(whole.replace(current(target).name.encode(), shown.encode()))
    page = phone_context.new_page()
    page.goto(url + "on-tap.html")
    assert page.evaluate(UPDATE) == "redundant"
    assert release_of(page) == shown and page.locator("#ht-update").is_hidden()

    mixed.write_bytes(whole)
    assert page.evaluate(UPDATE) == "installed"
    page.locator("#ht-update").wait_for(state="visible")
    page.close()


def test_installable_as_chromium_and_lighthouse_check(browser, published):
    """Lighthouse's installability checks (manifest fields, icons, a worker controlling the start URL),
    made here, and Chromium's own list of installability errors."""
    target, url = published
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(url + "doc-nhanh.html")
        href = page.locator("link[rel=manifest]").get_attribute("href")
        manifest_url = urljoin(page.url, href)
        response = page.request.get(manifest_url)
        assert response.headers["content-type"] == "application/manifest+json"
        manifest = json.loads(response.text())
        assert manifest["name"] and 0 < len(manifest["short_name"]) <= 12
        assert manifest["display"] == "standalone" and manifest["theme_color"] and manifest["background_color"]
        start, scope = urljoin(manifest_url, manifest["start_url"]), urljoin(manifest_url, manifest["scope"])
        assert start == scope == url
        sizes = set()
        for icon in manifest["icons"]:
            image = page.request.get(urljoin(manifest_url, icon["src"]))
            assert image.ok and image.headers["content-type"] == "image/png" and "any" in icon["purpose"]
            width = int.from_bytes(image.body()[16:20], "big")  # the PNG's IHDR width
            assert icon["sizes"] == f"{width}x{width}"
            sizes.add(width)
        assert {192, 512} <= sizes
        # A worker controls the start URL, and answers it without a network
        page.evaluate(KEPT)
        page.goto(start)
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == url + "sw.js"
        context.set_offline(True)
        assert page.reload().status == 200
        context.set_offline(False)
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        # A browser context for tests is an incognito one, where Chromium never offers to install
        assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    finally:
        context.close()


def test_first_visit_within_budget(browser, published):
    """The first visit of a publish costs what the budget allows: the worker starts after `load`, and
    what it keeps is not the page's cost (its time on slow 3G: benchmarks/offline_keep.py)."""
    target, url = published
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": THROTTLE["latency_ms"],
            "downloadThroughput": THROTTLE["download_kbit"] * 1000 / 8,
            "uploadThroughput": THROTTLE["upload_kbit"] * 1000 / 8,
        })
        page.goto(url + VISIT["program_page"], wait_until="networkidle", timeout=120_000)
        loaded = list(finished)
        assert page.evaluate(KEPT) == url + "sw.js"
        # Counted as tests/browser/test_page_weight.py counts: everything, Material's empty search stub included
        kib = sum(r.sizes()["responseBodySize"] for r in loaded) / 1024
        summary = [(r.url, r.sizes()["responseBodySize"]) for r in loaded]
        assert not any(r.url.endswith(("/sw.js", ".webmanifest")) for r in loaded), summary
        assert len(loaded) <= VISIT["max_requests"] and kib <= VISIT["max_kib"], summary
        print(f"\nfirst visit of a publish: {len(loaded)} requests, {kib:.2f} KiB", summary)
    finally:
        context.close()


def test_no_worker_in_a_preview_or_a_bundle(phone, site_url, published, run_hoctap, tmp_path):
    """`hoctap serve` and `hoctap build` make previews (served here over HTTP as serve does); a bundle
    opens from file://. Neither registers a worker, and a bundle of a release leaves its worker out."""
    phone.goto(site_url + "hoi-nghi.html")
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert phone.locator("link[rel=manifest]").count() == 0

    target, _ = published
    out = tmp_path / "hoc-tap.zip"
    result = run_hoctap("bundle", "--to", str(target), "--out", str(out))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        assert "hoc-tap/sw.js" not in archive.namelist() and "hoc-tap/index.html" in archive.namelist()
        archive.extractall(tmp_path / "usb")
    phone.goto((tmp_path / "usb" / "hoc-tap" / "index.html").as_uri())
    phone.wait_for_load_state("load")
    phone.wait_for_timeout(300)
    assert not any(r.endswith("sw.js") for r in phone.requests)
    assert phone.evaluate("navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()"
                          ".then(r => r.length, () => 0) : 0") == 0
