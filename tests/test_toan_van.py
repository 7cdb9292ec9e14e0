"""An imported official text on the site (render/toan_van_section.py): its section, outline, the original
to download under the publication gate, the "Chưa soát" mark until an editor reviews it, and
the plan's slips listed by the build as warnings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import os
from pathlib import Path

from hoctap.render import toan_van_section as toan_van
from hoctap.text.toan_van_markers import BEGIN, END
from tests.conftest import IMPORTED, SITE_URL


def page_of(site: Path, page: str) -> str:
    return (site / page.replace(".md", ".html")).read_text(encoding="utf-8")


def section_of(html: str) -> str:
    return re.search(r'<section class="ht-toan-van".*?</section>', html, re.S).group()


def test_the_full_text_is_a_section_with_an_outline_of_its_headings(imported_site):
    section = section_of(page_of(imported_site, "van-ban/15-qd-snv.md"))
    outline = re.search(r'<nav class="ht-outline" aria-label="Mục lục toàn văn"><details><summary>Mục lục toàn văn'
                        r'</summary>(.*?)</details></nav>', section, re.S).group(1)
    headings = re.findall(r'<h[3-6] id="([^"]+)"', section)
    assert headings == ["dieu-1", "dieu-2", "dieu-3"]
    assert re.findall(r'href="#([^"]+)"', outline) == headings
    assert '<a href="#dieu-2">Điều 2. Trách nhiệm thi hành</a>' in outline
    # khoản and điểm keep their own ids, for deep links
    assert 'id="dieu-2-khoan-2-diem-b"' in section
    # The plan's nested outline: mục II and its 1., 2. under it
    plan = section_of(page_of(imported_site, "ke-hoach.md"))
    assert re.search(r'<li><a href="#muc-ii">II\.[^<]*</a><ul><li><a href="#muc-ii-1">', plan)


def test_the_original_is_downloadable_with_its_type_and_size(imported_site, imported_project):
    for page, kind in (("van-ban/15-qd-snv.md", "Word"), ("van-ban/07-kh-ldld.md", "PDF"), ("ke-hoach.md", "TXT")):
        html = page_of(imported_site, page)
        m = re.search(r'<p class="ht-van-ban-goc ht-no-pdf"><a href="([^"]+)" download type="([^"]+)">Văn bản gốc</a> '
                      r'\((\w+), (\d+) KB\)</p>', html)
        assert m, page
        href, mime, shown_kind, kib = m.groups()
        served = (imported_site / page).parent / href
        name = re.search(r"^toan_van: (.+)$", (imported_project / "docs" / page).read_text(encoding="utf-8"), re.M)[1]
        original = imported_project / "sources" / name
        assert served.resolve() == (imported_site / "van-ban-goc" / name).resolve()
        assert served.read_bytes() == original.read_bytes()
        assert shown_kind == kind and int(kib) == max(1, round(original.stat().st_size / 1024))
    assert kind == "TXT" and mime == "text/plain"


def test_the_copy_link_script_is_loaded_only_where_there_is_a_full_text(imported_site):
    script = 'src="../assets/javascripts/toan-van.js"'
    for page in IMPORTED:
        assert script in page_of(imported_site, page), page
    assert script not in page_of(imported_site, "van-ban/03-ctr-ldld.md")  # the budget's programme page
    assert "toan-van.js" not in page_of(imported_site, "index.md")
    labels = re.search(r'<section class="ht-toan-van"[^>]*>', page_of(imported_site, "van-ban/15-qd-snv.md")).group()
    assert 'data-ht-copy="Chép liên kết"' in labels and 'data-ht-copied="Đã chép liên kết"' in labels


def test_an_unreviewed_text_is_marked_until_an_editor_reviews_it(imported_site, imported_project):
    tcvn3 = section_of(page_of(imported_site, "van-ban/09-ctr-tu.md"))
    assert '<p class="admonition-title">Chưa soát</p><p>Toàn văn dưới đây được chuyển từ bảng mã TCVN3' in tcvn3
    assert "chua_soat: true" in (imported_project / "docs" / "van-ban" / "09-ctr-tu.md").read_text(encoding="utf-8")
    assert "Chưa soát" not in section_of(page_of(imported_site, "van-ban/15-qd-snv.md"))  # read as written
    # The editor's step: `chua_soat: false`; the mark goes, and a re-import of the same file keeps it so
    page = "<h1>X</h1>" + BEGIN + '<h2 id="toan-van">Toàn văn</h2><p>…</p>' + END
    meta = {"chua_soat": True, "ma_goc": "ocr"}
    assert "nhận dạng chữ (OCR) từ bản quét" in toan_van.section(page, meta, None, "van-ban/x.html", "vi")
    assert "Chưa soát" not in toan_van.section(page, meta | {"chua_soat": False}, None, "van-ban/x.html", "vi")


def test_reviewed_stays_reviewed_on_a_reimport_of_the_same_file(imported_project, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(imported_project, project)
    page = project / "docs" / "van-ban" / "09-ctr-tu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("chua_soat: true", "chua_soat: false"), encoding="utf-8")
    reviewed = page.read_bytes()
    original = imported_project.parent / "originals" / IMPORTED["van-ban/09-ctr-tu.md"]
    assert hoctap("import", str(original), cwd=project).returncode == 0
    assert page.read_bytes() == reviewed


def test_the_build_lists_the_plans_slips_as_warnings(imported_site):
    log = (imported_site.parent / "build.log").read_text(encoding="utf-8")
    slips = [code for code in re.findall(r"docs/ke-hoach\.md:\d+:\d+: (\w+) warning:", log) if code != "F103"]
    assert sorted(slips) == ["S102", "S102", "V103", "V104", "V104"]


def hoctap(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hoctap.cli", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_a_left_out_pages_original_is_not_published(imported_project, tmp_path):
    """`publish --profile public` leaves out a `noi_bo: true` imported page, and its original with it."""
    project = tmp_path / "project"
    shutil.copytree(imported_project, project)
    page = project / "docs" / "van-ban" / "07-kh-ldld.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\n---\n", "\nnoi_bo: true\n---\n", 1), encoding="utf-8")
    target = tmp_path / "srv"
    result = hoctap("publish", "--to", str(target), "--site-url", SITE_URL, "--profile", "public", "--allow-draft",
                    cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    originals = target / "current" / "van-ban-goc"
    assert sorted(p.name for p in originals.iterdir()) == ["09-ctr-tu.txt", "15-qd-snv.docx",
                                                           "ke-hoach-ldld-lai-chau-2026-03-31.txt"]
    assert not (target / "current" / "van-ban" / "07-kh-ldld.html").exists()
    assert "hoctap publish: 1 unreviewed full text(s) (chưa soát) in the release: van-ban/09-ctr-tu.md" \
        in result.stdout.splitlines()
