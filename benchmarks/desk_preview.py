"""The desk's save-to-preview time on a site of 300 imported documents with full texts, against a
full `hoctap build` of the same site, in the same run.

    .venv/bin/python benchmarks/desk_preview.py [--documents 300] [--saves 5] [--report PATH]

The documents are made by the real importer (hoctap.importing), each from a text file of the
import tests' Kế hoạch sample with its own number and a longer body, so every page holds a full
text between the markers and its original in sources/. The desk runs in process (Starlette's
TestClient, the same app `hoctap desk` serves); a save is "Lưu trang" on a page's fields: the
request's checks, the atomic write, the git commit and the preview's refresh (the pages the save
touched rendered again), until the preview's HTML of that page shows the new trích yếu; then as many
imports' "Lưu trang" (a page added), until the new page's preview is there. Goal in
benchmarks/budget.toml ([desk]).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from hoctap.desk.app import Desk, make_app  # noqa: E402
from hoctap.importing import import_file  # noqa: E402
from hoctap.importing.page import write_page  # noqa: E402
from tests import import_samples as samples  # noqa: E402

BUDGET = tomllib.loads((ROOT / "benchmarks" / "budget.toml").read_text(encoding="utf-8"))["desk"]
HOST = "desk.benchmark"


def project(work: Path, count: int) -> Path:
    """Our site with `count` imported documents, a git repository as the desk expects."""
    for name in ("docs", "overrides", "sources"):
        shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    base = samples.SAMPLES["ke-hoach-mau"]
    body = base.body[:4] + [samples.LONG] * 20 + base.body[4:]
    originals = work.parent / "originals"
    originals.mkdir()
    for i in range(1, count + 1):
        sample = dataclasses.replace(base, number=f"Số: {1000 + i}/KH-LĐLĐ", body=body)
        text_file = originals / f"ke-hoach-{i:04d}.txt"
        text_file.write_text(samples.as_text(sample), encoding="utf-8")
        write_page(import_file(text_file), work / "docs", work / "sources")
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "start"]):
        subprocess.run(["git", "-C", str(work), *args], check=True, capture_output=True)
    return work


def full_build(work: Path) -> float:
    """`hoctap build --no-pdf`, as an editor without the desk would run it after each change."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "hoctap.cli", "build", "--no-pdf", "--site-dir", str(work.parent / "site")],
                            cwd=work, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the full build failed:\n{result.stderr[-3000:]}")
    return elapsed


def saves(work: Path, count: int) -> tuple[float, list[float], list[float]]:
    """(the preview's first, whole build; each save's time until its page's preview shows it; each import's)."""
    from starlette.testclient import TestClient

    desk = Desk(work / "mkdocs.yml", hosts=frozenset({HOST}), work_dir=work.parent / "desk")
    started = time.perf_counter()
    desk.preview.refresh()
    first = time.perf_counter() - started
    client = TestClient(make_app(desk), base_url=f"http://{HOST}")
    stems = sorted(p.relative_to(work / "docs").with_suffix("").as_posix() for p in (work / "docs" / "van-ban").glob("1*.md"))
    times = []
    for n in range(count):
        stem = stems[(n * 37) % len(stems)]
        form = client.get(f"/trang/{stem}").text
        token = re.search(r'name="csrftoken" value="([^"]+)"', form).group(1)
        marker = f"Trích yếu đã sửa lần {n + 1}"
        started = time.perf_counter()
        answer = client.post(f"/trang/{stem}/luu", data={"csrftoken": token, "trich_yeu": marker}, follow_redirects=False)
        while marker not in (desk.preview.folder / f"{stem}.html").read_text(encoding="utf-8"):
            if time.perf_counter() - started > 60:
                raise SystemExit(f"the preview of {stem} did not show the save within 60 s")
            time.sleep(0.01)
        times.append(time.perf_counter() - started)
        assert answer.status_code == 303, answer.text[-2000:]
    return first, times, imports(client, desk, count)


def imports(client, desk, count: int) -> list[float]:
    """Each "Lưu trang" of an import (a page added: the files and navigation made again), timed until
    the new page's preview shows it."""
    base, times = samples.SAMPLES["ke-hoach-mau"], []
    for n in range(count):
        sample = dataclasses.replace(base, number=f"Số: {5000 + n}/KH-LĐLĐ")
        token = re.search(r'name="csrftoken" value="([^"]+)"', client.get("/nhap").text).group(1)
        read = client.post("/nhap", data={"csrftoken": token},
                           files={"tep": (f"moi-{n}.txt", samples.as_text(sample).encode("utf-8"))})
        upload_id = re.search(r'name="tai_len" value="([^"]+)"', read.text).group(1)
        started = time.perf_counter()
        answer = client.post("/nhap/luu", data={"csrftoken": token, "tai_len": upload_id}, follow_redirects=False)
        stem = answer.headers["location"].split("?")[0].removeprefix("/trang/")
        while not desk.preview.has(stem):
            if time.perf_counter() - started > 60:
                raise SystemExit(f"the preview of the imported {stem} did not show within 60 s")
            time.sleep(0.01)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "results" / "desk_preview.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hoctap-desk-bench-") as temporary:
        work = project(Path(temporary) / "project", args.documents)
        builds = [full_build(work) for _ in range(2)]
        first, times, imported = saves(work, args.saves)
    report = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_before": round(os.getloadavg()[0], 1)},
        "documents": args.documents,
        "full_build_seconds": round(min(builds), 2),
        "preview_first_build_seconds": round(first, 2),
        "save_to_preview_seconds": {"median": round(statistics.median(times), 2), "max": round(max(times), 2),
                                    "each": [round(t, 2) for t in times]},
        "import_to_preview_seconds": {"median": round(statistics.median(imported), 2), "max": round(max(imported), 2),
                                      "each": [round(t, 2) for t in imported]},
        "goal_seconds": BUDGET["save_to_preview_max_seconds"],
    }
    report["ratio_to_full_build"] = round(report["save_to_preview_seconds"]["median"] / report["full_build_seconds"], 2)
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    slowest = max(report["save_to_preview_seconds"]["median"], report["import_to_preview_seconds"]["median"])
    return 0 if slowest <= report["goal_seconds"] else 1


if __name__ == "__main__":
    sys.exit(main())
