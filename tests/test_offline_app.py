"""What a publish gives a phone to keep (issue 23): the web app manifest and its icons, the service
worker listing every file of the release with its hash, as nginx serves them; `verify` refuses a
worker that does not match its release; previews and bundles have none of it. The phone itself:
tests/browser/test_offline_phone.py."""

from __future__ import annotations

import json
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from hoctap.publish import offline_app
from hoctap.publish.releases import PublishError
from hoctap.publish.verify import worker_keeps_release
from hoctap.render.installable import MANIFEST, OFFLINE_PAGE, THEME_COLOUR, WORKER


def fetch(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def kept(site: Path) -> dict[str, str]:
    """url → integrity, as the worker lists them."""
    return dict(re.findall(r'\{url:"([^"]+)",revision:(?:"[^"]*"|null),integrity:"([^"]+)"\}',
                           (site / WORKER).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def release(intranet) -> Path:
    return (intranet[0] / "current").resolve()


def test_worker_keeps_every_page_of_both_languages_and_the_pdf(release):
    listed = kept(release)
    pages = {p.relative_to(release).as_posix() for p in release.rglob("*.html") if p.name != "404.html"}
    assert {"index.html", "en/index.html", OFFLINE_PAGE, f"en/{OFFLINE_PAGE}"} <= pages <= listed.keys()
    assert {"tai-lieu-hoc-tap.pdf", MANIFEST, "assets/stylesheets/hoctap.css", "assets/javascripts/hoctap-search.js",
            "search/hoctap-vi.js", "search/hoctap-en.js"} <= listed.keys()
    assert not [url for url in listed if url.endswith((".map", "404.html")) or url.startswith(("assets/social/", "assets/javascripts/lunr/"))]
    assert offline_app.release_of((release / WORKER).read_text(encoding="utf-8")) == release.name
    assert worker_keeps_release(release) == []


def test_manifest_and_icons(release):
    manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "Học tập — LĐLĐ tỉnh Lai Châu" and manifest["lang"] == "vi"
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == THEME_COLOUR
    for icon in manifest["icons"]:
        with Image.open(release / icon["src"]) as image:
            assert icon["sizes"] == f"{image.width}x{image.height}" and image.width == image.height
            assert image.getpixel((2, 2)) == (198, 40, 40)  # the header's red
            assert image.getpixel((image.width // 2, image.height // 2)) == (255, 255, 255)  # the logo, white
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    # every page of both languages links it, by a path that leads to it
    for page in ("index.html", "en/index.html", "en/hoi-nghi.html"):
        href = re.search(r'<link rel="manifest" href="([^"]+)">', (release / page).read_text(encoding="utf-8")).group(1)
        assert ((release / page).parent / href).resolve() == release / MANIFEST, page


def test_nginx_serves_the_worker_fresh_and_the_manifest_with_its_type(intranet, release):
    _, url = intranet
    status, headers = fetch(url + WORKER)
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert headers["Cache-Control"] == "no-cache"  # every visit asks whether a new release is out
    csp = headers["Content-Security-Policy"]
    assert "worker-src 'self';" in csp and "manifest-src 'self';" in csp
    status, headers = fetch(url + MANIFEST)
    assert status == 200 and headers["Content-Type"] == "application/manifest+json"
    assert headers["Cache-Control"] == "no-cache" and "Content-Security-Policy" in headers
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_verify_refuses_a_worker_that_does_not_match_its_release(release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    page = copy / "hoi-nghi.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    (copy / "thuat-ngu.html").unlink()
    worker = copy / WORKER
    text = worker.read_text(encoding="utf-8")
    worker.write_text(text.replace('{url:"on-tap.html"', '{url:"on-tap-khac.html"', 1)
                      .replace(f"// hoctap release {release.name}", "// hoctap release 20200101T000000Z-0000000"),
                      encoding="utf-8")
    messages = [f"{f.code} {f.message}" for f in worker_keeps_release(copy)]
    assert "R005 keeps hoi-nghi.html with another content than the release's" in messages
    assert "R005 keeps thuat-ngu.html, which is not in the release" in messages
    assert any("does not keep on-tap.html" in m for m in messages)
    assert any("written for release 20200101T000000Z-0000000" in m for m in messages)


def test_downloads_past_the_budget_are_kept_when_first_opened(release, tmp_path, monkeypatch):
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    monkeypatch.setattr(offline_app, "DOWNLOADS_KEPT_MAX", 1000)
    result = offline_app.write_worker(copy, release.name)
    assert result["downloads_on_open"] and result["count"] == len(kept(release)) - 1
    assert "tai-lieu-hoc-tap.pdf" not in kept(copy)
    assert "hoctap-tai-lieu" in (copy / WORKER).read_text(encoding="utf-8")  # its cache for the PDF and decks


def test_previews_link_no_manifest_and_register_no_worker(site, site_with_url):
    for built in (site, site_with_url):
        assert not (built / WORKER).exists() and not (built / MANIFEST).exists() and not (built / OFFLINE_PAGE).exists()
        for page in ("index.html", "en/index.html"):
            html = (built / page).read_text(encoding="utf-8")
            assert 'rel="manifest"' not in html and "serviceWorker" not in html and "ht-update" not in html


def test_logo_shapes_are_its_straight_lines_and_a_curve_is_refused():
    logo = '<svg viewBox="0 0 24 24"><path d="M12 3 1 9l11 6 9-4.91V17h2V9M5 13.18v4L12 21l7-3.82v-4L12 17z"/></svg>'
    shapes = offline_app.logo_shapes(logo)
    assert [len(shape) for shape in shapes] == [7, 6]
    assert [xy for shape in shapes for point in shape for xy in point] == pytest.approx(
        [12, 3, 1, 9, 12, 15, 21, 10.09, 21, 17, 23, 17, 23, 9, 5, 13.18, 5, 17.18, 12, 21, 19, 17.18, 19, 13.18, 12, 17])
    with pytest.raises(PublishError, match="curves or arcs"):
        offline_app.logo_shapes('<path d="M0 0C1 1 2 2 3 3z"/>')
