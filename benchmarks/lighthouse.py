"""Lighthouse (npm, Debian's Chromium) on the built site, phone profile: performance,
accessibility, best practices and SEO for the home page and a program page.

    .venv/bin/python benchmarks/lighthouse.py [--plain] [--runs 3] [--report benchmarks/results/lighthouse.json]

The site is built with `hoctap build` and served gzip-compressed on loopback (Lighthouse needs
HTTP). `--plain` also scores plain Material 9.8.1 with the same pages, built in the same run.
Goals are in benchmarks/budget.toml ([lighthouse]); the exit status is 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]
from gzip_server import serve_gzip  # noqa: E402
from vnu import build_plain_material  # noqa: E402

BUDGET = tomllib.loads((ROOT / "benchmarks" / "budget.toml").read_text(encoding="utf-8"))
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url: str, out: Path) -> dict:
    """Scores (0–100) and the failing audits of one page, mobile form factor, default throttling."""
    subprocess.run(["node", str(LIGHTHOUSE), url, "--chrome-path=/usr/bin/chromium", f"--chrome-flags={CHROME_FLAGS}",
                    "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile", "--output=json",
                    f"--output-path={out}", "--quiet"], check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted(
        audit_id for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] > 0 and (audit := report["audits"][ref["id"]])["score"] is not None and audit["score"] < 0.9
        for audit_id in [ref["id"]]
    )
    metrics = {k: round(report["audits"][k]["numericValue"]) for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")}
    return {"scores": scores, "metrics_ms": metrics, "below_0.9": failing}


def median_run(url: str, out: Path, runs: int) -> dict:
    """Lighthouse's own advice for noisy machines: several runs, report the median (by performance)."""
    results = sorted((lighthouse(url, out) for _ in range(runs)), key=lambda r: r["scores"]["performance"])
    return results[len(results) // 2] | {"performance_runs": [r["scores"]["performance"] for r in results]}


def score_site(site: Path, label: str, work: Path, runs: int) -> dict:
    server, base = serve_gzip(site)
    try:
        pages = [BUDGET["first_visit"]["home_page"], BUDGET["first_visit"]["program_page"]]
        return {page: median_run(base + page, work / f"{label}-{page.replace('/', '_')}.json", runs) for page in pages}
    finally:
        server.shutdown()


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--plain", action="store_true", help="also score plain Material with the same pages")
    args.add_argument("--runs", type=int, default=3, help="runs per page; the median counts")
    args.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "results" / "lighthouse.json")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "hoctap.cli", "build", "--site-dir", str(work / "site")],
                       cwd=ROOT, check=True, capture_output=True)
        result = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  "lighthouse": subprocess.run(["node", str(LIGHTHOUSE), "--version"], capture_output=True,
                                               text=True).stdout.strip(),
                  "goal": BUDGET["lighthouse"], "ours": score_site(work / "site", "ours", work, opts.runs)}
        if opts.plain:
            result["plain_material"] = score_site(build_plain_material(work / "plain"), "plain", work, opts.runs)
    opts.report.parent.mkdir(parents=True, exist_ok=True)
    opts.report.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    missed = []
    for site_label in [k for k in ("ours", "plain_material") if k in result]:
        for page, r in result[site_label].items():
            print(f"{site_label:15} {page:28} " + "  ".join(f"{c} {s}" for c, s in r["scores"].items())
                  + f"  LCP {r['metrics_ms']['largest-contentful-paint']} ms  (performance runs {r['performance_runs']})")
            if site_label == "ours":
                missed += [f"{page} {c} {s} < {BUDGET['lighthouse'][c]}" for c, s in r["scores"].items()
                           if s < BUDGET["lighthouse"][c]]
    print(f"report: {opts.report}")
    for line in missed:
        print("below goal:", line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
