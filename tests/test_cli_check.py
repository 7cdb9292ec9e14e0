"""`hoctap check` as editors run it, and the same checks failing `hoctap build`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

SOURCE = ROOT / "sources"
PLAN = SOURCE / "ke-hoach-ldld-lai-chau-2026-03-31.txt"
CORPUS = ROOT / "tests" / "corpus"

# The slips of the plan of 31/3/2026 as printed: (line, column, code).
PLAN_SLIPS = [
    (18, 44, "V104"),  # "ngày19/12/2025"
    (19, 54, "V103"),  # "của của Thường trực"
    (55, 48, "V107"),  # "của  Ban Chấp hành"
    (60, 18, "S102"),  # "số18-Ctr/TU": Ctr → CTr
    (60, 18, "V104"),  # … and the missing space after "số"
    (69, 29, "S102"),  # "15/Ctr-LĐLĐ"
]


def hoctap(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hoctap.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def rows(stdout: str) -> list[tuple[int, int, str]]:
    return [(int(m[1]), int(m[2]), m[3]) for m in re.finditer(r"^.+?:(\d+):(\d+): ([A-Z]\d{3}) ", stdout, re.M)]


def test_the_site_is_clean():
    result = hoctap("check")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_the_plan_as_printed_shows_its_real_slips_and_nothing_else():
    result = hoctap("check", str(PLAN))
    assert result.returncode == 1
    assert rows(result.stdout) == PLAN_SLIPS
    assert all(line.startswith(f"{PLAN}:") for line in result.stdout.splitlines())


def test_json_is_the_same_findings():
    result = hoctap("check", "--format", "json", str(PLAN))
    findings = json.loads(result.stdout)
    assert [(f["line"], f["col"], f["code"]) for f in findings] == PLAN_SLIPS
    assert findings[3]["fix"] == {"line": 60, "col": 18, "old": "18-Ctr/TU", "new": "18-CTr/TU"}


def test_fix_applies_only_the_safe_fixes(project_copy):
    copy = project_copy / "sources" / PLAN.name  # --fix writes only inside the project
    result = hoctap("check", "--fix", str(copy), cwd=project_copy)
    assert result.returncode == 1  # "của của" and the double space need an editor
    assert [code for _, _, code in rows(result.stdout)] == ["V103", "V107"]
    before, after = PLAN.read_text(encoding="utf-8").splitlines(), copy.read_text(encoding="utf-8").splitlines()
    changed = {i + 1: new for i, (old, new) in enumerate(zip(before, after)) if old != new}
    assert sorted(changed) == [18, 60, 69]
    assert "ngày 19/12/2025" in changed[18] and "số 18-CTr/TU" in changed[60] and "15/CTr-LĐLĐ" in changed[69]


@pytest.mark.parametrize("name, code", [
    ("e003-broken-yaml.md", "E003"), ("e001-binary.md", "E001"), ("e004-empty.md", "E004"),
    ("e002-other-encoding.md", "E002"),
])
def test_bad_input_is_a_finding_not_a_traceback(name, code):
    result = hoctap("check", str(CORPUS / name))
    assert result.returncode == 1
    assert re.fullmatch(rf"{re.escape(str(CORPUS / name))}:\d+:\d+: {code} .+\n", result.stdout)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("check", "no-such-page.md"), ("check", "--format", "xml"), ("check", "--nope")])
def test_bad_usage_exits_2(args):
    result = hoctap(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_a_folder_is_checked_file_by_file():
    result = hoctap("check", str(CORPUS))
    assert result.returncode == 1
    found = {Path(line.split(":")[0]).name for line in result.stdout.splitlines()}
    assert found == {p.name for p in CORPUS.iterdir()} - {"clean.md"}


def test_build_fails_listing_every_finding_with_its_place(project_copy):
    page = project_copy / "docs" / "doc-nhanh.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nChương trình số18-Ctr/TU của Tỉnh ủy Lai Châu. Hội nghị hoà giải của của đoàn viên.\n",
                    encoding="utf-8")
    result = hoctap("build", "--site-dir", str(project_copy / "site"), cwd=project_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    for code in ("S102", "V104", "V103", "V105"):
        assert re.search(rf"^docs/doc-nhanh\.md:\d+:\d+: {code} ", output, re.M), output


def test_build_fails_when_a_card_links_to_a_page_left_out(project_copy):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  includes/\n", "  includes/\n  van-ban/58-ct-tw.md\n"),
                      encoding="utf-8")
    result = hoctap("build", "--site-dir", str(project_copy / "site"), cwd=project_copy)
    assert result.returncode != 0
    assert "van-ban/18-ctr-tu.md:7:1: L103" in result.stdout + result.stderr


def test_a_page_saved_with_windows_line_endings_builds_as_written(project_copy):
    """The build renders the text the registry read (not a second read of the file): with CRLF
    its front matter is still front matter, and the card and body are those of the page."""
    page = project_copy / "docs" / "van-ban" / "58-ct-tw.md"
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    result = hoctap("build", "--no-pdf", "--site-dir", str(project_copy / "site"), cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project_copy / "site" / "van-ban" / "58-ct-tw.html").read_text(encoding="utf-8")
    assert 'class="ht-card' in html and "so_ky_hieu:" not in html and "\r" not in html


def test_the_front_matter_reaches_mkdocs_from_the_registry_and_the_body_as_written(project_copy):
    """MkDocs gets the body and the registry's front matter (not a second YAML parse): the `title:`
    and `hoctap:` keys still act, and a first line that reads like MultiMarkdown metadata
    (`Note: …`) is still text."""
    page = project_copy / "docs" / "doc-nhanh.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Đọc nhanh\n")
    front, end, body = text.partition("\n---\n")
    page.write_text(front.replace("title: Đọc nhanh", "title: Tiêu đề từ front matter", 1) + end
                    + "Note: dòng đầu vẫn là nội dung.\n" + body, encoding="utf-8")
    result = hoctap("build", "--no-pdf", "--site-dir", str(project_copy / "site"), cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project_copy / "site" / "doc-nhanh.html").read_text(encoding="utf-8")
    assert "<title>Tiêu đề từ front matter" in html
    assert "<p>Note: dòng đầu vẫn là nội dung.</p>" in html
    catalogue = (project_copy / "site" / "van-ban" / "index.html").read_text(encoding="utf-8")
    assert '<table class="ht-catalogue">' in catalogue and "hoctap:danh-muc" not in catalogue  # `hoctap: danh-muc` still read


def test_symbols_link_to_their_pages_in_both_languages(site):
    for page in ("doc-nhanh.html", "en/ke-hoach.html", "van-ban/18-ctr-tu.html", "en/doc-nhanh.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<a href="(\.\./)?(van-ban/)?58-ct-tw\.html"( hreflang="vi")?>58-', html), page
    own = (site / "van-ban" / "58-ct-tw.html").read_text(encoding="utf-8")
    assert '<a href="58-ct-tw.html">58-' not in own  # never the page's own symbol
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", (site / "van-ban" / "18-ctr-tu.html").read_text(encoding="utf-8"), re.S)
    assert "<a href=\"58-ct-tw" not in heading.group(1) and "18-" in heading.group(1)
