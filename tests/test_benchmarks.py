"""The benchmarks still run. Their figures are not CI's business, but two of them stopped working
unnoticed while the code around them changed (one at import, one building its corpus), so each is
exercised here at its smallest."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"


def run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("name", sorted(p.name for p in BENCHMARKS.glob("*.py")))
def test_benchmark_starts(name):
    """Run as its README says (`.venv/bin/python benchmarks/NAME.py`), asking for its usage: every
    import at the top of the script happens, nothing is measured."""
    started = run(str(BENCHMARKS / name), "--help")
    assert started.returncode == 0 and "usage:" in started.stdout, started.stderr[-2000:]


def test_build_scaling_runs_at_its_smallest(tmp_path):
    report = tmp_path / "build_scaling.json"
    done = run(str(BENCHMARKS / "build_scaling.py"), "--sizes", "2,12", "--repeat", "1", "--report", str(report))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    first, second = json.loads(report.read_text(encoding="utf-8"))["rows"]
    assert first["ours"]["html_pages"] > first["documents"] and first["ratio"] > 0
    low, high = first["ratio_paired_range"]
    assert 0 < low <= first["ratio_paired_median"] <= high
    assert low <= first["ratio_first_build"] <= high  # the round built with nothing kept in .cache/hoctap
    assert "per_added_document" not in first
    assert second["ours"]["html_pages"] == first["ours"]["html_pages"] + 10
    assert set(second["per_added_document"]) == {"material_ms", "ours_ms", "ratio"}


def test_search_benchmark_builds_its_corpus_both_ways(tmp_path):
    search = runpy.run_path(str(BENCHMARKS / "search.py"))
    search["corpus"](tmp_path / "docs", 3)
    ours = search["project"](tmp_path / "ours", tmp_path / "docs", True)
    material = search["project"](tmp_path / "material", tmp_path / "docs", False)
    assert (ours / "search" / "hoctap-vi.js").is_file()
    assert not (material / "search" / "hoctap-vi.js").exists()
    assert len(list(Path(ours).rglob("trang-*.html"))) == 3
