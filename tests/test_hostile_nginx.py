"""Issue 21: nginx as shipped (deploy/nginx/hoctap.conf, started by the shared fixture) serves a release
and nothing else: no link followed out of it, no dotfile, Markdown or original, one range at most,
and the security headers on every answer, redirects and errors included."""

from __future__ import annotations

import http.client
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_publish import fetch

SECURITY = ("X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy")


@pytest.fixture(scope="module")
def served(nginx, tmp_path_factory) -> tuple[str, Path]:
    """A publish directory holding a small release with what must never be served planted in it."""
    target = tmp_path_factory.mktemp("publish")
    release = target / "releases" / "20260401T000000Z-abc1234"
    (release / "van-ban").mkdir(parents=True)
    (release / "index.html").write_text("<!doctype html><title>Học tập</title><p>trang chủ</p>\n", encoding="utf-8")
    (release / "404.html").write_text("<!doctype html><title>404</title><p>không có trang này</p>\n", encoding="utf-8")
    (release / "big.txt").write_text("x" * 10_000, encoding="utf-8")
    (release / ".env").write_text("SECRET=1\n", encoding="utf-8")
    (release / ".git").mkdir()
    (release / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (release / "van-ban" / "ke-hoach.md").write_text("---\ntitle: nguồn\n---\n", encoding="utf-8")
    (release / "sources").mkdir()
    (release / "sources" / "goc.txt").write_text("bản gốc\n", encoding="utf-8")
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("bí mật ngoài bản phát hành\n", encoding="utf-8")
    (release / "passwd.html").symlink_to("/etc/passwd")
    (release / "secret.html").symlink_to(outside)
    (release / "thu-muc").symlink_to(outside.parent, target_is_directory=True)
    os.symlink(f"releases/{release.name}", target / "current")
    return nginx(target), release


def test_the_release_itself_is_served_through_the_current_link(served):
    url, _ = served
    status, headers, body = fetch(url + "index.html")
    assert status == 200 and "trang chủ".encode() in body
    assert all(name in headers for name in SECURITY)


@pytest.mark.parametrize("path", ["passwd.html", "secret.html", "thu-muc/secret.txt"])
def test_a_link_inside_a_release_is_never_followed(served, path):
    url, _ = served
    status, _, body = fetch(url + path)
    assert status in (403, 404) and b"root:" not in body and "bí mật".encode() not in body


@pytest.mark.parametrize("path", [".env", ".git/config", "van-ban/ke-hoach.md", "sources/goc.txt"])
def test_dotfiles_markdown_and_originals_are_not_served(served, path):
    url, _ = served
    status, headers, body = fetch(url + path)
    assert status == 404 and b"SECRET" not in body and "nguồn".encode() not in body and "bản gốc".encode() not in body
    assert all(name in headers for name in SECURITY)


def test_many_ranges_are_answered_with_the_whole_file_once(served):
    url, _ = served
    ranges = ",".join(f"{i}-{i}" for i in range(0, 1000, 2))  # 500 ranges, a header nginx takes
    status, headers, body = fetch(url + "big.txt", {"Range": f"bytes={ranges}"})
    assert status == 200 and len(body) == 10_000 and "multipart" not in headers.get("Content-Type", "")
    status, _, body = fetch(url + "big.txt", {"Range": "bytes=0-9"})
    assert status == 206 and body == b"x" * 10


@pytest.mark.parametrize("path", ["/", "/hoc-tap", "/hoc-tap/khong-co.html", "/hoc-tap/en/sitemap.xml"])
def test_every_answer_carries_the_security_headers_redirects_included(served, path):
    url, _ = served
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status in (301, 302, 404), response.status
    for name in SECURITY:
        assert response.getheader(name), (path, name)
