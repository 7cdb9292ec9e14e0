"""Issue 21: publishing refuses, in one line and before building anything, a site address that could
break out of the pages' markup, a publish directory that is not one, and a bundle that is not a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hoctap.sharing.links import check_site_url, site_root

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_URLS = ['http://x/"><script>alert(1)</script>', "http://x/hoc tap/", "http://x/<b>", "javascript:alert(1)",
                "http://x/'onload='x", "http://[::1]/", "ftp://x/", "http://x/?a=b", "http://x/\u0001"]


def hoctap(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hoctap.cli", *args], cwd=cwd, env=env, capture_output=True, text=True)


def one_line(result: subprocess.CompletedProcess, verb: str, *words: str) -> None:
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"hoctap {verb}: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_hostile_site_address_is_refused_everywhere_it_enters(tmp_path, url):
    with pytest.raises(ValueError):
        check_site_url(url)
    assert site_root(url) is None  # and never printed by what builds links from it
    one_line(hoctap(ROOT, "build", "--no-pdf", "--site-dir", str(tmp_path / "site"), "--site-url", url), "build", "--site-url")
    one_line(hoctap(ROOT, "publish", "--to", str(tmp_path / "srv"), "--site-url", url), "publish", "--site-url")
    one_line(hoctap(ROOT, "poster", "--out", str(tmp_path), "--site-url", url), "poster", "--site-url")
    assert not (tmp_path / "site").exists() and not (tmp_path / "srv").exists()


def test_an_ordinary_address_is_kept_with_its_slash():
    assert check_site_url("http://intranet.ldld/hoc-tap") == "http://intranet.ldld/hoc-tap/"
    assert check_site_url("https://10.0.0.5:8080/hoc-tap/") == "https://10.0.0.5:8080/hoc-tap/"


@pytest.mark.parametrize("to", ["/", "/etc", "/usr/share/hoctap", "~", "/tmp", "/var/www"])
def test_publish_never_takes_over_a_system_folder(to):
    target = str(Path(to).expanduser())
    one_line(hoctap(ROOT, "publish", "--to", target, "--site-url", "http://x/hoc-tap/"), "publish", "system folder")
    one_line(hoctap(ROOT, "rollback", "--to", target), "rollback", "system folder")


def test_publish_never_takes_over_a_folder_holding_other_things(tmp_path):
    (tmp_path / "bao-cao.docx").write_bytes(b"PK")
    one_line(hoctap(ROOT, "publish", "--to", str(tmp_path), "--site-url", "http://x/hoc-tap/"), "publish", "bao-cao.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx"]


@pytest.mark.parametrize("out, words", [("/", ("a folder",)), (".", ("a folder",)), ("hoc-tap.txt", ("not a .zip",))])
def test_bundle_out_errors_are_one_line(tmp_path, out, words):
    one_line(hoctap(tmp_path, "-f", str(ROOT / "mkdocs.yml"), "bundle", "--out", out),
             "bundle", *words)
