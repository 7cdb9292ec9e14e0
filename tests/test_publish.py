"""Publishing to the intranet, through Debian's nginx with the repository's sample configuration:
atomic switch under load, failed publishes that change nothing, rollback, the lock, headers."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hoctap.publish import releases as rel
from hoctap.publish.verify import inline_script_hashes

ROOT = Path(__file__).resolve().parent.parent
NGINX_SITE_CONF = ROOT / "deploy" / "nginx" / "hoctap.conf"
# Published pages: the plan page is a draft until an editor records its review (issue 14), like every
# document page today, and a publish leaves drafts out.
PAGES = ["index.html", "hoi-nghi.html", "van-ban/index.html", "en/index.html", "en/hoi-nghi.html",
         "search/search_index.json", "assets/stylesheets/hoctap.css"]


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def current(target: Path) -> Path:
    return (target / "current").resolve()


def served(url: str) -> dict[str, bytes]:
    return {page: fetch(url + page)[2] for page in PAGES}


@pytest.fixture(scope="module")
def first(intranet) -> tuple[str, dict[str, str]]:
    """The first release: its name and the hash of every file in it."""
    target, _ = intranet
    return current(target).name, hashes(current(target))


@pytest.fixture(scope="module")
def second(intranet, first, run_hoctap):
    """Publish release 2 while a client keeps fetching pages; return what the client saw.

    The client is paced and bounded (count and time); it keeps a digest of each body, not the body.
    """
    target, url = intranet
    releases = {first[0]: current(target)}
    seen: list[tuple[str, int, int, int, str, str | None]] = []
    stop = threading.Event()

    def client():
        deadline = time.monotonic() + 180
        while not stop.is_set() and len(seen) < 100_000 and time.monotonic() < deadline:
            page = PAGES[len(seen) % len(PAGES)]
            status, headers, body = fetch(url + page)
            marker = re.search(rb'<meta name="hoctap-release" content="([^"]+)">', body)
            seen.append((page, status, int(headers.get("Content-Length", -1)), len(body),
                         hashlib.sha256(body).hexdigest(), marker and marker.group(1).decode()))
            time.sleep(0.002)

    reader = threading.Thread(target=client)
    reader.start()
    time.sleep(0.3)
    result = run_hoctap("publish", "--to", str(target), "--site-url", url)
    time.sleep(0.3)
    stop.set()
    reader.join()
    assert result.returncode == 0, result.stdout + result.stderr
    releases[current(target).name] = current(target)
    return releases, seen


def test_first_release_is_named_and_current(intranet, first, run_hoctap):
    target, _ = intranet
    assert re.fullmatch(r"\d{8}T\d{6}Z-([0-9a-f]{4,}(-dirty)?|nogit)(-\d+)?", first[0])
    assert os.readlink(target / "current") == f"releases/{first[0]}"
    listing = run_hoctap("releases", "--to", str(target))
    assert listing.returncode == 0 and f"* {first[0]}" in listing.stdout


def test_switch_under_load_serves_whole_releases(second):
    releases, seen = second
    assert len(releases) == 2
    digests = {name: hashes(site) for name, site in releases.items()}
    names_seen = set()
    for page, status, length, received, digest, name in seen:
        assert status == 200, page
        assert length == received, f"{page}: incomplete response"
        if page.endswith(".html"):
            # Every page names its release; its bytes must be exactly that release's file.
            assert digest == digests[name][page], f"{page}: bytes from a mix of releases"
            names_seen.add(name)
        else:
            assert digest in {d[page] for d in digests.values()}, f"{page}: bytes from neither release"
    assert names_seen == set(releases), "the client never saw the switch; the test proves nothing"


def test_failed_build_changes_nothing(intranet, second, project_copy, run_hoctap):
    target, url = intranet
    before_link, before_files, before_served = os.readlink(target / "current"), hashes(current(target)), served(url)
    before_releases = sorted(p.name for p in (target / "releases").iterdir())
    bad = project_copy / "docs" / "van-ban" / "03-ctr-ldld.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("ngay_ban_hanh: 2026-01-21", "ngay_ban_hanh: 2026-02-30"),
                   encoding="utf-8")
    result = run_hoctap("-f", str(project_copy / "mkdocs.yml"), "publish", "--to", str(target), "--site-url", url)
    assert result.returncode == 1
    assert "van-ban/03-ctr-ldld.md:4:1: M002" in result.stdout + result.stderr
    assert "current release is unchanged" in result.stderr and "Traceback" not in result.stderr
    assert os.readlink(target / "current") == before_link
    assert hashes(current(target)) == before_files
    assert served(url) == before_served
    assert sorted(p.name for p in (target / "releases").iterdir()) == before_releases


def test_failed_verification_changes_nothing(intranet, second, project_copy, run_hoctap):
    """The build passes, but a page loads an image from another origin: the release never goes live."""
    target, url = intranet
    before_link, before_served = os.readlink(target / "current"), served(url)
    before_releases = sorted(p.name for p in (target / "releases").iterdir())
    page = project_copy / "docs" / "doc-nhanh.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="https://cdn.example.org/logo.png" alt="">\n',
                    encoding="utf-8")
    result = run_hoctap("-f", str(project_copy / "mkdocs.yml"), "publish", "--to", str(target), "--site-url", url)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "doc-nhanh.html" in result.stderr and "R004 loads https://cdn.example.org/logo.png" in result.stderr
    assert os.readlink(target / "current") == before_link
    assert served(url) == before_served
    assert sorted(p.name for p in (target / "releases").iterdir()) == before_releases


def test_rollback_restores_the_first_release_exactly(intranet, first, second, run_hoctap):
    target, url = intranet
    result = run_hoctap("rollback", "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert current(target).name == first[0]
    assert hashes(current(target)) == first[1]
    for page in PAGES:
        assert fetch(url + page)[2] == (current(target) / page).read_bytes()
    listing = run_hoctap("releases", "--to", str(target)).stdout
    assert f"* {first[0]}" in listing and len(listing.splitlines()) == 2
    # Nothing is older than the first release: a second rollback refuses and changes nothing.
    again = run_hoctap("rollback", "--to", str(target))
    assert again.returncode == 1 and "nothing older" in again.stderr and current(target).name == first[0]


def test_two_publishes_at_once_one_release_one_refusal(tmp_path):
    target = tmp_path / "srv"
    url = "http://intranet.example/hoc-tap/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "hoctap.cli", "publish", "--to", str(target), "--site-url", url, "--wait", "1"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [0, 3], results
    refusal = next(err for status, _, err in results if status == 3)
    assert "another publish or rollback is running" in refusal and "Traceback" not in refusal
    finished = [p.name for p in (target / "releases").iterdir()]
    assert len(finished) == 1 and os.readlink(target / "current") == f"releases/{finished[0]}"
    assert (target / "current" / "index.html").is_file()


def test_publish_needs_the_site_address(tmp_path, run_hoctap):
    result = run_hoctap("publish", "--to", str(tmp_path / "srv"))
    assert result.returncode == 1 and "--site-url" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "srv" / "current").exists()


def test_headers_cache_types_and_gzip(intranet, first):
    _, url = intranet
    status, headers, body = fetch(url + "index.html", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip" and b"<h1" in gzip.decompress(body)
    assert headers["Cache-Control"] == "no-cache"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "http" not in csp and "*" not in csp and "unsafe-inline" not in csp

    bundle = next((current(intranet[0]) / "assets" / "javascripts").glob("bundle.*.min.js")).name
    status, headers, _ = fetch(url + f"assets/javascripts/{bundle}")
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in headers

    for page, mime in [("search/search_index.json", "application/json"), ("assets/images/favicon.svg", "image/svg+xml"),
                       ("assets/stylesheets/hoctap.css", "text/css"), ("sitemap.xml", "text/xml")]:
        status, headers, _ = fetch(url + page)
        assert status == 200 and headers["Content-Type"].startswith(mime), page
        assert headers["Cache-Control"] == "no-cache", page


def test_missing_page_gets_the_site_404(intranet, first):
    _, url = intranet
    status, headers, body = fetch(url + "khong-co/trang-nay.html")
    assert status == 404
    assert body == (current(intranet[0]) / "404.html").read_bytes()
    assert b'<html lang="vi"' in body  # the site's language, not the last language built
    assert "Content-Security-Policy" in headers
    # The 404 page links its styles under the sub-path, so it is styled wherever it is shown.
    stylesheet = re.search(rb'<link rel="stylesheet" href="([^"]+main\.[0-9a-f]+\.min\.css)"', body).group(1).decode()
    assert stylesheet.startswith("/hoc-tap/assets/") and fetch(url.removesuffix("/hoc-tap/") + stylesheet)[0] == 200
    assert fetch(url.removesuffix("hoc-tap/") + "hoc-tap")[0] == 200  # redirected to /hoc-tap/
    # What Material asks for beside each other-language link: a short 404, not the whole 404 page.
    status, _, body = fetch(url + "en/van-ban/sitemap.xml")
    assert status == 404 and len(body) < 1000
    assert fetch(url + "sitemap.xml")[0] == 200


def test_csp_allows_every_inline_script_of_the_release(intranet, first):
    """Material's inline scripts run only if the CSP lists their hashes; name the missing ones."""
    # the site's policy (the one with a script-src), not the short one every other answer carries
    csp = re.search(r'Content-Security-Policy "([^"]*script-src [^"]+)"', NGINX_SITE_CONF.read_text()).group(1)
    allowed = set(re.search(r"script-src ([^;]+)", csp).group(1).split())
    missing = inline_script_hashes(current(intranet[0])) - allowed
    assert not missing, f"add {' '.join(sorted(missing))} to script-src in {NGINX_SITE_CONF} (see `hoctap csp`)"


def _script_hashes(html: str) -> set[str]:
    return {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
            if "src=" not in attrs and "application/json" not in attrs}


def test_hoctap_csp_lists_exactly_the_scripts_the_templates_emit(intranet, first, run_hoctap, tmp_path):
    """The hashes are of what the templates wrote around each page's content, recorded by the build:
    ours (overrides/partials/hoctap-search.html) and Material's; a script in a page is never listed."""
    site = current(intranet[0])
    result = run_hoctap("csp", "--to", str(intranet[0]))
    assert result.returncode == 0 and result.stdout.startswith("script-src 'self' 'sha256-")
    listed = set(result.stdout.splitlines()[0].split()[2:])
    assert result.stdout.splitlines()[1:] == ["worker-src 'self'; manifest-src 'self'"]  # the release's service worker
    partial = (ROOT / "overrides" / "partials" / "hoctap-search.html").read_text(encoding="utf-8")
    assert _script_hashes(partial.split("-#}", 1)[1]) <= listed
    around = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        head, _, rest = html.partition('<article class="md-content__inner md-typeset">')
        around |= _script_hashes(head + rest.partition("</article>")[2])
    assert listed == around

    # The same release, with a script planted into a page's content after the build
    copy = tmp_path / "srv"
    shutil.copytree(site, copy / "releases" / site.name, symlinks=True)
    rel.switch(copy, site.name)
    page = copy / "releases" / site.name / "doc-nhanh.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", "<script>alert(1)</script></article>", 1), encoding="utf-8")
    planted = run_hoctap("csp", "--to", str(copy))
    assert planted.returncode == 0 and set(planted.stdout.splitlines()[0].split()[2:]) == listed
    assert not _script_hashes("<script>alert(1)</script>") & listed


# -- the release directory itself, without building ----------------------------------------------

def fake_releases(target: Path, *names: str, live: str) -> None:
    for name in names:
        (target / "releases" / name).mkdir(parents=True)
        (target / "releases" / name / "index.html").write_text(name)
    rel.switch(target, live)


def test_prune_keeps_the_newest_and_never_the_current(tmp_path):
    names = [f"20260101T00000{i}Z-abc1234" for i in range(5)]
    fake_releases(tmp_path, *names, live=names[0])  # rolled back to the oldest
    assert rel.prune(tmp_path, 2) == names[1:3]
    assert [r.name for r in rel.releases(tmp_path)] == [names[0], names[3], names[4]]
    assert (tmp_path / "current" / "index.html").read_text() == names[0]


def test_previous_and_switch(tmp_path):
    names = ["20260101T000001Z-nogit", "20260101T000002Z-abc1234-dirty", "20260101T000002Z-abc1234-dirty-2"]
    fake_releases(tmp_path, *names, live=names[2])
    assert rel.previous(tmp_path).name == names[1]
    rel.switch(tmp_path, names[1])
    assert os.readlink(tmp_path / "current") == f"releases/{names[1]}"
    assert {p.name for p in tmp_path.iterdir()} == {"releases", "current"}  # no temporary link left behind
    rel.switch(tmp_path, names[0])
    with pytest.raises(rel.PublishError, match="nothing older"):
        rel.previous(tmp_path)


def test_release_names_say_when_and_from_which_commit(tmp_path):
    import datetime as dt

    when = dt.datetime(2026, 4, 1, 8, 30, tzinfo=dt.UTC)
    assert rel.release_name(tmp_path, when) == "20260401T083000Z-nogit"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a.md").write_text("a")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "a.md"], check=True)
    subprocess.run([*git, "commit", "-qm", "a"], check=True)
    rev = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    assert rel.release_name(tmp_path, when) == f"20260401T083000Z-{rev}"
    (tmp_path / "a.md").write_text("b")
    assert rel.release_name(tmp_path, when) == f"20260401T083000Z-{rev}-dirty"


def test_prepare_removes_leftovers_of_a_killed_publish_and_names_uniquely(tmp_path):
    fake_releases(tmp_path, "20260101T000001Z-nogit", live="20260101T000001Z-nogit")
    (tmp_path / "releases" / ".building-20251231T000000Z-nogit").mkdir()
    building, name = rel.prepare(tmp_path, "20260101T000001Z-nogit")
    assert name == "20260101T000001Z-nogit-2" and building.name == ".building-20260101T000001Z-nogit-2"
    assert not (tmp_path / "releases" / ".building-20251231T000000Z-nogit").exists()


def test_lock_waits_a_bounded_time_then_refuses(tmp_path):
    with rel.locked(tmp_path, 0, create=True):
        started = time.monotonic()
        with pytest.raises(rel.Busy, match=r"another publish or rollback is running \(pid \d+"):
            with rel.locked(tmp_path, 0.5):
                pass
        assert 0.5 <= time.monotonic() - started < 3


def test_lock_is_taken_once_the_holder_finishes(tmp_path):
    holding, release = threading.Event(), threading.Event()

    def holder():
        with rel.locked(tmp_path, 0, create=True):
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    holding.wait(5)
    threading.Timer(0.3, release.set).start()
    with rel.locked(tmp_path, 5):
        assert release.is_set()
    thread.join()
