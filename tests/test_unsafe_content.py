"""Issue 13, items 3 and 4, row by row: what an editor's folder can hold that could run code or
slip past the front matter. Each row is planted in a throw-away copy and run through the real
commands (`check`, `build`, and for what could leak `publish` and `bundle`); the finding names the
file and line, the status is 1, there is no traceback, and the planted text is nowhere in the
site, the release or the bundle."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import hoctap

SITE_URL = "http://127.0.0.1/hoc-tap/"

# (name, what is planted in a paragraph of docs/doc-nhanh.md, where the finding points, code, needle)
HTML_ROWS = [
    ("script", "Xem <script>alert(1357)</script> nhé.", "<script>", "H001", "alert(1357)"),
    ("onerror", 'Ảnh <img src="x.png" alt="" onerror="alert(2468)">.', "onerror", "H002", "alert(2468)"),
    ("javascript-link", "[Mở trang](javascript:alert(3579)) ngay.", "javascript:", "H003", "alert(3579)"),
    ("form", '<form action="http://elsewhere.example/thu"><input name="ho_ten"></form>', "<form", "H001",
     "elsewhere.example"),
    ("iframe", '<iframe src="https://elsewhere.example/khung"></iframe>', "<iframe", "H001", "elsewhere.example/khung"),
    ("style", "<style>body{display:none}</style>", "<style>", "H001", "body{display:none}"),
    ("data-url", '<a href="data:text/html,alert(4680)">Tải</a>', "href", "H003", "alert(4680)"),
]


def plant_paragraph(project: Path, text: str, at: str) -> tuple[int, int]:
    """Append a paragraph to docs/doc-nhanh.md; the line and column of `at` in it."""
    page = project / "docs" / "doc-nhanh.md"
    before = page.read_text(encoding="utf-8")
    page.write_text(before.rstrip("\n") + f"\n\n{text}\n", encoding="utf-8")
    return len(before.rstrip("\n").split("\n")) + 2, text.index(at) + 1


def set_key(project: Path, rel: str, key: str, line: str) -> int:
    """Replace (or, when absent, add after `trang_thai:`) a front-matter key; the line it is on."""
    page = project / "docs" / rel
    lines = page.read_text(encoding="utf-8").split("\n")
    at = next((i for i, l in enumerate(lines) if l.startswith(f"{key}:")), None)
    if at is None:
        at = next(i for i, l in enumerate(lines) if l.startswith("trang_thai:")) + 1
        lines.insert(at, line)
    else:
        lines[at] = line
    page.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def run(project: Path, *args: str):
    result = hoctap("-f", str(project / "mkdocs.yml"), *args, cwd=project)
    return result, result.stdout + result.stderr


def leaked(needle: str, *places: Path) -> list[str]:
    """Files under `places` (folders or zips) holding `needle`."""
    found = []
    for place in places:
        if place.suffix == ".zip" and place.is_file():
            with zipfile.ZipFile(place) as archive:
                found += [n for n in archive.namelist() if needle.encode() in archive.read(n)]
        elif place.is_dir():
            found += [str(p) for p in place.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]
    return found


def assert_refused(project: Path, args: tuple[str, ...], expected: str):
    result, output = run(project, *args)
    assert result.returncode == 1, output
    assert expected in output, output
    assert "Traceback" not in output


@pytest.mark.parametrize("name, text, at, code, needle", HTML_ROWS, ids=[row[0] for row in HTML_ROWS])
def test_content_that_could_run_code_is_refused_everywhere(project_copy, tmp_path, name, text, at, code, needle):
    line, col = plant_paragraph(project_copy, text, at)
    expected = f"docs/doc-nhanh.md:{line}:{col}: {code} "
    site, target, bundle = tmp_path / "site", tmp_path / "srv", tmp_path / "hoc-tap.zip"
    assert_refused(project_copy, ("check",), expected)
    assert_refused(project_copy, ("build", "-d", str(site)), expected)
    assert_refused(project_copy, ("publish", "--to", str(target), "--site-url", SITE_URL), expected)
    assert_refused(project_copy, ("bundle", "--out", str(bundle)), expected)
    assert not (target / "current").exists() and not bundle.exists()
    assert leaked(needle, site, target, bundle, project_copy / "site") == []


def test_markup_in_trich_yeu_is_refused_and_leaks_nowhere(project_copy, tmp_path):
    """The title as issued becomes the page's title, its menu entry and <title>, which Material prints
    as written: markup there is a finding at its line (the card and the other templates escape it too)."""
    raw = "<img src=x onerror=alert(7)>Thử"
    line = set_key(project_copy, "van-ban/18-ctr-tu.md", "trich_yeu", f'trich_yeu: "{raw}"')
    expected = f"docs/van-ban/18-ctr-tu.md:{line}:1: M008 `trich_yeu` must be plain text"
    site, target, bundle = tmp_path / "site", tmp_path / "srv", tmp_path / "hoc-tap.zip"
    assert_refused(project_copy, ("check",), expected)
    assert_refused(project_copy, ("build", "-d", str(site)), expected)
    assert_refused(project_copy, ("publish", "--allow-draft", "--to", str(target), "--site-url", SITE_URL), expected)
    assert_refused(project_copy, ("bundle", "--allow-draft", "--out", str(bundle)), expected)
    assert leaked(raw, site, target, bundle, project_copy / "site") == []


def test_a_misspelt_noi_bo_stops_a_public_publish(project_copy, tmp_path):
    """`noibo: true` on the approved plan: ignored before, so `--profile public` published the page."""
    line = set_key(project_copy, "ke-hoach.md", "noibo", "noibo: true")
    expected = f"docs/ke-hoach.md:{line}:1: M007 unknown key `noibo` (did you mean `noi_bo`?)"
    target, bundle = tmp_path / "srv", tmp_path / "hoc-tap.zip"
    assert_refused(project_copy, ("check",), expected)
    assert_refused(project_copy, ("publish", "--profile", "public", "--to", str(target), "--site-url", SITE_URL), expected)
    assert_refused(project_copy, ("bundle", "--profile", "public", "--out", str(bundle)), expected)
    assert not (target / "current").exists() and not bundle.exists()
    assert leaked("Kế hoạch học tập, quán triệt", target, bundle) == []


@pytest.mark.parametrize("line, expected", [
    ("trich_yeu: [a, b]", "M008 `trich_yeu` must be text, not a list"),
    ("loai: {a: 1}", "M008 `loai` must be text, not a mapping"),
    ("ngay_ban_hanh: 2099-05-20", "M009 `ngay_ban_hanh` is after today, the day of the build: 2099-05-20"),
    ("ngay_ban_hanh: 2026-W21-3", "M002 `ngay_ban_hanh` is not a real date written YYYY-MM-DD: 2026-W21-3"),
    ("ngay_ban_hanh: 20260520", "M002 `ngay_ban_hanh` is not a real date written YYYY-MM-DD: 20260520"),
], ids=["list", "mapping", "future", "week-date", "no-dashes"])
def test_a_wrong_front_matter_value_is_an_error_at_its_line(project_copy, tmp_path, line, expected):
    at = set_key(project_copy, "van-ban/18-ctr-tu.md", line.split(":")[0], line)
    expected = f"docs/van-ban/18-ctr-tu.md:{at}:1: {expected}"
    for args in (("check",), ("build", "--no-pdf", "-d", str(tmp_path / "site"))):
        result, output = run(project_copy, *args)
        assert result.returncode == 1, output
        assert expected in output, output
        assert "Traceback" not in output and "['a', 'b']" not in output and "{'a': 1}" not in output


def test_markup_in_a_short_title_is_refused(project_copy):
    """`ten_ngan` becomes the page's title in menus and <title>, which Material prints as written."""
    line = set_key(project_copy, "van-ban/18-ctr-tu.md", "ten_ngan", 'ten_ngan: "<b>Thực hiện</b>"')
    assert_refused(project_copy, ("check",), f"docs/van-ban/18-ctr-tu.md:{line}:1: M008 `ten_ngan` must be plain text")
