"""What a phone keeps of a release (issue 23), and how long its first visit takes to keep it on the
budget's slow 3G: a publish (drafts allowed, so every page and slide deck is there) served
gzip-compressed under /hoc-tap/, one visit to the home page in a fresh phone context.

    .venv/bin/python benchmarks/offline_keep.py [--report benchmarks/results/offline_keep.json]

The page and its service worker are throttled alike: the worker is a target of its own, which
Chromium's network emulation on the page does not reach, so it is throttled through the browser's
DevTools session as soon as it appears (the worker's own script is fetched before that).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests are a package (`tests.browser…`); their helpers are measured here
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE  # noqa: E402
from tests.browser.gzip_server import serve_gzip  # noqa: E402
from tests.browser.test_page_weight import THROTTLE  # noqa: E402

CONDITIONS = {"offline": False, "latency": THROTTLE["latency_ms"],
              "downloadThroughput": THROTTLE["download_kbit"] * 1000 / 8,
              "uploadThroughput": THROTTLE["upload_kbit"] * 1000 / 8}


def throttle_workers(browser) -> None:
    """Throttle every service worker that starts from now on, as the page is."""
    session = browser.new_browser_cdp_session()

    def attach(event):
        if event["targetInfo"]["type"] != "service_worker":
            return
        worker = session.send("Target.attachToTarget", {"targetId": event["targetInfo"]["targetId"], "flatten": False})
        for n, (method, params) in enumerate([("Network.enable", {}), ("Network.emulateNetworkConditions", CONDITIONS)]):
            session.send("Target.sendMessageToTarget", {"sessionId": worker["sessionId"],
                                                        "message": json.dumps({"id": n + 1, "method": method, "params": params})})

    session.on("Target.targetCreated", attach)
    session.send("Target.setDiscoverTargets", {"discover": True})


def main() -> int:
    from playwright.sync_api import sync_playwright

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "results" / "offline_keep.json")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "hoctap.cli", "publish", "--to", str(work / "srv"), "--allow-draft",
                        "--site-url", "http://127.0.0.1/hoc-tap/"], cwd=ROOT, check=True, capture_output=True)
        release = (work / "srv" / "current").resolve()
        (work / "root").mkdir()
        (work / "root" / "hoc-tap").symlink_to(release, target_is_directory=True)
        server, url = serve_gzip(work / "root")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        throttle_workers(browser)
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", CONDITIONS)
        started = time.monotonic()
        page.goto(url + "hoc-tap/", wait_until="load", timeout=120_000)
        loaded = time.monotonic() - started
        page.evaluate("navigator.serviceWorker.ready")
        kept_after = time.monotonic() - started
        usage = page.evaluate("navigator.storage.estimate().then(e => e.usage)")
        browser.close()
        server.shutdown()
        listed = re.findall(r'\{url:"([^"]+)"', (release / "sw.js").read_text(encoding="utf-8"))
        result = {
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "throttle": THROTTLE,
            "files_kept": len(listed), "bytes_kept": sum((release / u).stat().st_size for u in listed),
            "bytes_on_the_wire": sum(size for _, size in server.sent), "browser_storage_bytes": usage,
            "load_s": round(loaded, 1), "kept_after_s": round(kept_after, 1),
        }
    print(f"{result['files_kept']} files, {result['bytes_kept'] / 1e6:.2f} MB kept "
          f"({result['browser_storage_bytes'] / 1e6:.2f} MB of browser storage; "
          f"{result['bytes_on_the_wire'] / 1e6:.2f} MB sent, gzip); page loaded after {result['load_s']} s, "
          f"release kept after {result['kept_after_s']} s on slow 3G")
    opts.report.parent.mkdir(parents=True, exist_ok=True)
    opts.report.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
