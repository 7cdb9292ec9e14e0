"""Sources as a reader cites them (hoctap.text.sources.section_of, hoctap.render.citations): the section
comes from the source's own headings, the place from the cited document's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoctap.registry.documents import Registry
from hoctap.render.citations import cite, cite_all
from hoctap.render.titles import Values
from hoctap.text.sources import section_of

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = ROOT / "sources"
PLAN = "ke-hoach-ldld-lai-chau-2026-03-31.txt"


@pytest.mark.parametrize("lines, section", [
    ("81-84", "II.1"), ("35-36", "I.1"), ("49-50", "I.2"), ("94", "II.4"), ("103-104", "III.1"),
    ("14-16", ""), ("86-110", "II.2–III.2"), ("118-123", "Nơi nhận"), ("1-128", None),
])
def test_section_from_the_sources_own_headings(lines, section):
    assert section_of(SOURCES, f"{PLAN}:{lines}") == (PLAN, section)


def test_headings_come_from_the_text_not_a_table(tmp_path):
    (tmp_path / "kh.txt").write_text("Mở đầu\nI. MỘT\n1. Một\nchữ\nII. HAI\n 3. Ba\nchữ\n", encoding="utf-8")
    assert [section_of(tmp_path, f"kh.txt:{n}")[1] for n in (1, 4, 5, 7)] == ["", "I.1", "II", "II.3"]
    assert section_of(tmp_path, "kh.txt:99") is None


def test_cited_as_the_plan_and_section_with_its_place_on_the_plans_page():
    registry = Registry.load(DOCS)
    vi, en = Values.load(DOCS, "vi"), Values.load(DOCS, "en")
    citation = cite(f"{PLAN}:81-84", registry, SOURCES, vi)
    assert (citation.label, citation.page, citation.anchor) == (
        "Kế hoạch ngày 31/3/2026, mục II.1", "ke-hoach.md", "noi-dung-hoc-tap")
    assert cite(f"{PLAN}:103-104", registry, SOURCES, vi).anchor == "ldld-tinh"
    opening = cite(f"{PLAN}:14-16", registry, SOURCES, vi)
    assert (opening.label, opening.anchor) == ("Kế hoạch ngày 31/3/2026, phần mở đầu", "mo-dau")
    assert cite(f"{PLAN}:81-84", registry, SOURCES, en).label == "Plan of 31 March 2026, section II.1"
    # two line ranges of one section are one citation; no file name, no line reaches the reader
    both = cite_all([f"{PLAN}:60-63", f"{PLAN}:55-58"], registry, SOURCES, vi)
    assert len(both) == 1 and ".txt" not in both[0].label
