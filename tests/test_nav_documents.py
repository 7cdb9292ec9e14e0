"""Beyond `documents_listed_max` documents the navigation lists the catalogue, not every document,
and the map and timeline draw the catalogue's first documents: otherwise each page's HTML grows
with the number of documents (benchmarks/build_scaling.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from build_scaling import NAV_DOCUMENTS_MAX, synthetic_documents  # noqa: E402


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_many_documents_leave_the_navigation_to_the_catalogue(project_copy, build):
    synthetic_documents(project_copy / "docs", NAV_DOCUMENTS_MAX)
    result = build(project_copy, project_copy / "site", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project_copy / "site"
    program = (site / "van-ban" / "03-ctr-ldld.html").read_text(encoding="utf-8")
    # Nothing on the program page but a navigation listing them would link the new documents.
    assert not any("tong-hop-" in link for link in links(program))
    catalogue = (site / "van-ban" / "index.html").read_text(encoding="utf-8")
    assert catalogue.count('href="tong-hop-') >= NAV_DOCUMENTS_MAX
    for page, note in (("ban-do.html", "văn bản khác có trong"), ("en/ban-do.html", "are in the")):
        drawing = (site / page).read_text(encoding="utf-8")
        boxes = drawing.count('class="ht-svg__node')
        assert NAV_DOCUMENTS_MAX < boxes < 3 * NAV_DOCUMENTS_MAX, page  # map and timeline, a few relation targets
        assert re.search(rf'{note} <a href="(van-ban/)?index\.html">', drawing), page
        assert "15-ctr-tu.html" in drawing  # the plan's documents come first


def test_few_documents_are_listed_in_the_navigation(site):
    program = (site / "van-ban" / "03-ctr-ldld.html").read_text(encoding="utf-8")
    nav = program[program.index("md-nav--primary"):program.index("md-sidebar--secondary")]
    assert "15-ctr-tu.html" in " ".join(links(nav))
