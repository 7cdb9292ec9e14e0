"""First-visit figures (gzip bytes, requests, LCP under the budget's slow 3G + CPU ×4) for our
site and for plain Material 9.8.1 with the same pages, built in the same run.

    .venv/bin/python benchmarks/page_weight.py [--report benchmarks/results/page_weight.json]

The same measurement as tests/browser/test_page_weight.py (best LCP of five visits), here
printed for both sites, with and without the search files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests are a package (`tests.browser…`); their helpers are measured here
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the browser tests' Chromium)
from tests.browser.test_page_weight import VISIT, best_visit  # noqa: E402
from tests.vnu import build_plain_material  # noqa: E402


def figures(visit) -> dict:
    page_only = visit.without_search()
    return {"requests": len(visit.requests), "kib": round(visit.kib, 1),
            "requests_without_search": len(page_only.requests), "kib_without_search": round(page_only.kib, 1),
            "lcp_ms": round(visit.lcp_ms)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "results" / "page_weight.json")
    opts = args.parse_args()
    result = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "budget": VISIT}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "hoctap.cli", "build", "--site-dir", str(work / "site")],
                       cwd=ROOT, check=True, capture_output=True)
        sites = {"ours": work / "site", "plain_material": build_plain_material(work / "plain")}
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for label, site in sites.items():
            for page in (VISIT["home_page"], VISIT["program_page"]):
                result.setdefault(label, {})[page] = row = figures(best_visit(browser, site, page))
                print(f"{label:15} {page:26} {row['requests']:3} requests {row['kib']:6.1f} KiB"
                      f"  (without search {row['requests_without_search']} / {row['kib_without_search']} KiB)"
                      f"  LCP {row['lcp_ms']} ms")
        browser.close()
    opts.report.parent.mkdir(parents=True, exist_ok=True)
    opts.report.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
