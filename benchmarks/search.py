"""Search benchmark: our search against Material's default search, in the same run.

For this site and for a synthetic Vietnamese corpus (2,000 pages by default), each built twice
(ours; `hoctap: search: false`, i.e. Material's own lunr search), served over HTTP under
/hoc-tap/ and opened in Debian's headless Chromium at 360 px with the CPU throttled ×4
(DevTools `Emulation.setCPUThrottlingRate`). It prints:

- bytes on a page view before search is opened, and all bytes downloaded until the first
  result shows (page + search), raw as served and gzip-estimated per file;
- ms from the keystroke to results: cold (search opened and the query typed at once, so the
  index is still loading) and warm (median of the next queries).

    .venv/bin/python benchmarks/search.py               # this site and 2,000 pages
    .venv/bin/python benchmarks/search.py --pages 200   # quicker, while developing
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sources"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
THROTTLE = 4
QUERIES = {  # the first is typed as soon as search opens (cold), the others after (warm)
    "site": ["đổi mới sáng tạo", "thương lượng tập thể", "18-CTr/TU", "nghị quyết đại hội", "thuong luong tap the"],
    "corpus": ["đổi mới sáng tạo", "công đoàn cơ sở", "nghị quyết đại hội", "thuong luong tap the", "tuyên truyền"],
}

# -- the synthetic corpus ------------------------------------------------------------------

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s",
          "t", "th", "tr", "v", "x"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ua", "uô", "ươ", "oa", "oe", "uy"]
CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]


def lexicon(rng: random.Random, size: int = 5000) -> list[str]:
    """Vietnamese-shaped syllables, each with one tone on its nucleus, to widen the plan's vocabulary."""
    found: set[str] = set()
    while len(found) < size:
        nucleus = rng.choice(NUCLEI)
        at = len(nucleus) - 1 if len(nucleus) > 1 and rng.random() < 0.5 else 0
        toned = nucleus[:at + 1] + rng.choice(TONES) + nucleus[at + 1:]
        found.add(unicodedata.normalize("NFC", rng.choice(ONSETS) + toned + rng.choice(CODAS)))
    return sorted(found)


def sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SOURCE.glob("*.txt")))
    text += " ".join(p.read_text(encoding="utf-8").split("---", 2)[-1] for p in sorted((ROOT / "docs").rglob("*.md")))
    text = re.sub(r"[#*`|>\[\]()_-]{2,}|\[[^\]]*\]\([^)]*\)|<[^>]+>", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+|\n\s*\n", " ".join(text.split(" "))) if len(s.split()) >= 6]


def corpus(target: Path, pages: int, seed: int = 1) -> None:
    """`pages` pages of about 3 KB in sections of 50 (like the 6.2 MB Material index of 2,000 pages)."""
    rng = random.Random(seed)
    said, words = sentences(), lexicon(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf: a few syllables are everywhere

    def paragraph() -> str:
        out = []
        for sentence in rng.sample(said, 3):
            out.append(" ".join(rng.choices(words, weights)[0] if rng.random() < 0.3 else w for w in sentence.split()))
        return " ".join(out)

    target.mkdir(parents=True, exist_ok=True)
    (target / "index.md").write_text("# Kho tài liệu thử\n\nTrang đầu của kho tài liệu thử.\n", encoding="utf-8")
    for n in range(pages):
        folder = target / f"phan-{n // 50:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        title = " ".join(rng.sample(said, 1)[0].split()[:8])
        body = [f"# {title} {n}", "", paragraph(), ""]
        for s in range(3):
            body += [f"## Mục {s + 1}: {' '.join(rng.choices(words, weights, k=3))}", "", paragraph(), "", paragraph(), ""]
        (folder / f"trang-{n:04d}.md").write_text("\n".join(body), encoding="utf-8")


# -- building both variants ------------------------------------------------------------------

def hoctap_option(config: str, option: str) -> str:
    """mkdocs.yml with `option` (`search: false`) given to the hoctap plugin, listed bare or with options."""
    return re.sub(r"^  - hoctap:?$", "  - hoctap:\n      " + option, config, count=1, flags=re.M)


def search_off(config: str) -> str:
    return hoctap_option(config, "search: false")


def drop(config: str, header: str) -> str:
    """mkdocs.yml without the block that starts with the line `header` (and its deeper lines)."""
    out, skipping = [], None
    for line in config.split("\n"):
        indent = len(line) - len(line.lstrip())
        if skipping is not None and (not line.strip() or indent > skipping):
            continue
        skipping = indent if line.rstrip() == header.rstrip() or line.startswith(header) else None
        if skipping is None:
            out.append(line)
    return "\n".join(out)


def project(target: Path, docs: Path | None, ours: bool) -> Path:
    """A copy of the project's site sources, with our search on or off, and `docs` if given."""
    target.mkdir(parents=True)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "sources", target / "sources")
    shutil.copytree(docs or ROOT / "docs", target / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not ours:
        config = search_off(config)
    if docs is not None:  # the corpus: its own pages, one language, no nav, link or content checks of ours
        for header in ("  - i18n:", "nav:", "not_in_nav:", "validation:"):
            config = drop(config, header)
        # Its sentences cite the plan's symbols, which have no page here (S101): search is measured, not content
        config = hoctap_option(config, "checks: false")
        (target / "docs" / "includes").mkdir(exist_ok=True)  # the abbreviations every page appends; not the
        shutil.copy(ROOT / "docs" / "includes" / "abbreviations.md", target / "docs" / "includes")  # kit's data
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = target / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=target, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build of {target} failed:\n{done.stderr[-3000:]}")
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    root = site.parent / "_served"
    root.mkdir(exist_ok=True)
    (root / "hoc-tap").symlink_to(site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/hoc-tap/"


# -- measuring in Chromium -------------------------------------------------------------------

LOG = """(() => {
  // Pair Material's QUERY messages with the worker's RESULT answers (a worker answers in order).
  const Base = window.Worker;
  window.__log = [];
  window.__keys = [];
  addEventListener("keydown", () => __keys.push(performance.now()), true);
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ev => {
        if (ev.data.type === 3)  // shown: the frame after Material renders it
          requestAnimationFrame(() => __log.push(["result", performance.now(), ev.data.data.items.length]));
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) __log.push(["query", performance.now(), message.data]);
      return super.postMessage(message, ...rest);
    }
  };
})()"""
ANSWERED = """q => { const n = t => __log.filter(e => e[0] === t).length, qs = __log.filter(e => e[0] === "query");
  return n("result") >= n("query") && (q === null || (qs.length && qs[qs.length - 1][2] === q)); }"""


def measure(browser, url: str, site: Path, queries: list[str]) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    context.add_init_script(LOG)
    page = context.new_page()
    seen: list[str] = []
    page.on("requestfinished", lambda request: seen.append(request.url))
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.goto(url + "index.html", wait_until="load")
    page.wait_for_timeout(300)
    on_view = list(seen)
    box = page.locator("[data-md-component=search-query]")

    def ask(query: str, cold: bool = False) -> tuple[float, int]:
        """ms from a keystroke until the results of the query it completes are shown, and how many pages.

        The query is typed, then a space: a key with keydown and keyup, on which Material's own
        search runs too (it misses letters that arrive without keys, as `ể` does here). Warm, the
        space is pressed once the typed query is answered; cold, at once, so the time includes
        loading the index and answering every letter typed before it."""
        page.wait_for_function(ANSWERED, arg=None, timeout=120_000)
        box.press_sequentially(query)
        if not cold:
            page.wait_for_timeout(300)
            page.wait_for_function(ANSWERED, arg=None, timeout=120_000)
            page.evaluate("() => { __log.length = 0; __keys.length = 0; }")
        box.press(" ")
        try:
            page.wait_for_function(ANSWERED, arg=query + " ", timeout=120_000)
        except Exception:
            sys.exit(f"no answer to {query!r} at {url}: {page.evaluate('() => __log')}")
        shown, found = page.evaluate("() => __log.filter(e => e[0] === 'result').pop().slice(1)")
        return shown - page.evaluate("() => __keys[__keys.length - 1]"), found

    page.locator("label.md-header__button[for=__search]").click()
    cold, cold_found = ask(queries[0], cold=True)
    upto_first = list(seen)
    page.wait_for_load_state("networkidle")
    warm = []
    for query in queries[1:] * 3:
        box.fill("")
        warm.append(ask(query))
    context.close()
    return {
        "view": _bytes(on_view, url, site), "first": _bytes(upto_first, url, site),
        "search": _bytes([u for u in upto_first if u not in on_view], url, site),
        "cold_ms": cold, "cold_found": cold_found,
        "warm_ms": statistics.median(ms for ms, _ in warm),
        "misses": sorted({q for q, (_, n) in zip(queries[1:] * 3, warm) if not n}),
    }


def _bytes(requests: list[str], url: str, site: Path) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip-estimated bytes) of the site's files requested (the server sends them as they are)."""
    raw = zipped = count = 0
    for address in requests:
        path = site / address[len(url):].split("?")[0].split("#")[0] if address.startswith(url) else None
        if path is None or not path.is_file():
            continue
        count += 1
        data = path.read_bytes()
        raw += len(data)
        zipped += len(gzip.compress(data, 6))
    return count, raw, zipped


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the synthetic corpus (default 2000)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites (path printed)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    corpus(work / "corpus-docs", args.pages)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for name, docs in (("site", None), ("corpus", work / "corpus-docs")):
            for engine, ours in (("ours", True), ("material", False)):
                site = project(work / f"{name}-{engine}", docs, ours)
                files = (site / "search").glob("hoctap-vi*.js" if ours else "search_index.json")
                index = sum(f.stat().st_size for f in files)  # all a Vietnamese reader could download
                server, url = serve(site)
                result = measure(browser, url, site, QUERIES[name])
                server.shutdown()
                rows.append((name, engine, index, result))
        browser.close()

    label = {"site": "this site", "corpus": f"synthetic corpus, {args.pages} pages"}
    print(f"Chromium {THROTTLE}× CPU throttle, 360 px, served over HTTP under /hoc-tap/ (no compression).")
    for name in ("site", "corpus"):
        print(f"\n## {label[name]}")
        print(f"{'':10} {'index (vi)':>12} {'page view: req / raw / gzip':>34} "
              f"{'until 1st result: req / raw / gzip':>40} {'of which search':>24} {'cold ms':>8} {'warm ms':>8}")
        for row_name, engine, index, r in rows:
            if row_name != name:
                continue
            view, first, search = r["view"], r["first"], r["search"]
            warm = f"{r['warm_ms']:.0f}"
            print(f"{engine:10} {kib(index):>12} {view[0]:>6} / {kib(view[1]):>11} / {kib(view[2]):>11} "
                  f"{first[0]:>8} / {kib(first[1]):>12} / {kib(first[2]):>11} "
                  f"{kib(search[1]):>12} / {kib(search[2]):>9} {r['cold_ms']:>8.0f} {warm:>8}")
            if r["misses"] or not r["cold_found"]:
                print(f"{'':10} found nothing for: {', '.join(r['misses'] + ([] if r['cold_found'] else [QUERIES[name][0]]))}")
        ours = next(r for n, e, _, r in rows if n == name and e == "ours")
        material = next(r for n, e, _, r in rows if n == name and e == "material")
        material_index = next(i for n, e, i, _ in rows if n == name and e == "material")
        print(f"bytes until first result, ours / Material: {ours['first'][1] / material['first'][1]:.2f} raw, "
              f"{ours['first'][2] / material['first'][2]:.2f} gzip; "
              f"our search bytes / Material's index: {ours['search'][1] / material_index:.2f} raw")
    if args.keep:
        print(f"\nsites kept in {work}")
    else:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
