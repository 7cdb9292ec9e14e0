"""Search benchmark: our search against Material's default search, in the same run.

For this site and for a synthetic Vietnamese corpus (2,000 pages by default), each built twice
(ours; `hoctap: search: false`, i.e. Material's own lunr search), served over HTTP under
/hoc-tap/ and opened in Debian's headless Chromium at 360 px with the CPU throttled ×4
(DevTools `Emulation.setCPUThrottlingRate`). It prints:

- bytes on a page view before search is opened, and all bytes downloaded until the first
  result shows (page + search), raw as served and gzip-estimated per file;
- ms from the keystroke to results: cold (search opened and the query typed at once, so the
  index is still loading) and warm (median of the next queries, typing mistakes among them);
- on this site, the ranking cases (`RANKING`: typing mistakes, exact diacritics, titles,
  abbreviations and the glossary), for ours and for Material's in the same run;
- on this site, members' questions (tests/search/__init__.py, which tuned the engine, and
  `HELD_OUT`, written before measuring and never tuned on): how often the page that answers is
  in the first three results, for ours and for Material's in the same run;
- the evidence for the typo distances (`TYPO_POLICIES`): on this site's own two-word phrases with
  one letter wrong in the last word, each policy's recall (the right page in the first three) and
  its false hits (pages the phrase typed right does not find), with the engine alone in Chromium;
  and the short words (two or three letters) typed with a letter doubled or in Telex with the
  keyboard's Vietnamese off, which every policy reads the same way.

    .venv/bin/python benchmarks/search.py               # this site and 2,000 pages
    .venv/bin/python benchmarks/search.py --pages 200   # quicker, while developing

The figures go to benchmarks/results/search.json (`--report`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
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
    "site": ["đổi mới sáng tạo", "thương lượng tập thể", "18-CTr/TU", "nghị quyết đại hội", "thuong luong tap the",
             "thuong luongg", "doi thaoi", "mặt trận tổ quốc", "hoi nghi khi nao", "chuyen doi soo"],
    "corpus": ["đổi mới sáng tạo", "công đoàn cơ sở", "nghị quyết đại hội", "thuong luong tap the", "tuyên truyền",
               "thuong luongg", "tuyen truyenn", "cong doan co so can lam gi"],
}
RANKING = [  # (query, the page that must come first, or before each of the pages listed)
    ("thuong luongg", "van-ban/03-ctr-ldld.html", []),
    ("doi thaoi", "van-ban/03-ctr-ldld.html", []),
    ("đảng", "van-ban/nghi-quyet-dai-hoi-xiv-dang.html", ["huong-dan-bien-tap.html"]),
    ("hoi nghi", "hoi-nghi.html", []),
    ("mặt trận tổ quốc", "van-ban/03-ctr-mttq-ub.html", ["thuat-ngu.html"]),
    ("mttq", "van-ban/03-ctr-mttq-ub.html", ["thuat-ngu.html"]),
    ("lien doan lao dong", "van-ban/14-ctr-ldld.html", ["thuat-ngu.html"]),
]
HELD_OUT = [  # (question, the pages that answer it): written before any was measured; never tuned on
    ("hoi nghi co bao nhieu nguoi", {"hoi-nghi.html", "ke-hoach.html", "doc-nhanh.html"}),
    ("ai la bao cao vien", {"hoi-nghi.html", "bao-cao-vien.html", "ke-hoach.html"}),
    ("chương trình 18 nói về gì", {"van-ban/18-ctr-tu.html"}),
    ("ke hoach ban hanh ngay nao", {"ke-hoach.html"}),
    ("doi thoai thuong luong la gi", {"van-ban/03-ctr-ldld.html"}),
    ("chuong trinh lam viec nam 2026 la gi", {"van-ban/14-ctr-ldld.html"}),
    ("cong van 1447 ve viec gi", {"van-ban/1447-tld-qhld.html"}),
    ("nghi quyet dai hoi cong doan tinh la gi", {"van-ban/nghi-quyet-dai-hoi-cong-doan-tinh-xiv.html"}),
    ("doan vien hoc gi", {"doc-nhanh.html", "ke-hoach.html"}),
    ("hoi nghi quan triet trong bao lau", {"hoi-nghi.html", "ke-hoach.html", "doc-nhanh.html"}),
    ("thanh phan du hoi nghi gom nhung ai", {"hoi-nghi.html", "ke-hoach.html"}),
    ("chi thi 58 cua ai", {"van-ban/58-ct-tw.html"}),
    ("tuyen giao cong doan nam 2026", {"van-ban/1447-tld-qhld.html"}),
    ("muc dich cua ke hoach la gi", {"ke-hoach.html"}),
    ("chuyen doi so trong cong doan", {"van-ban/02-ctr-ldld.html"}),
    ("cai thien dieu kien lam viec o dau", {"van-ban/03-ctr-ldld.html"}),
    ("tiền lương", {"van-ban/03-ctr-ldld.html"}),
    ("ubkt co phai du hoi nghi khong", {"hoi-nghi.html"}),
    ("on tap o dau", {"on-tap.html"}),
    ("hoi ngi quan triet", {"hoi-nghi.html"}),
    ("thuong luongf tap the", {"van-ban/03-ctr-ldld.html"}),
    ("nang cao chat luogn", {"van-ban/01-ctr-ldld.html"}),
    ("dooi moi sang taoo", {"van-ban/02-ctr-ldld.html"}),
    ("tuyeen truyeenf", {"van-ban/18-ctr-tu.html", "van-ban/58-ct-tw.html", "van-ban/1447-tld-qhld.html"}),
    ("an toan ve sinh lao dongg", {"van-ban/03-ctr-ldld.html"}),
    ("mttq tinh lai chau", {"van-ban/03-ctr-mttq-ub.html", "van-ban/nghi-quyet-dai-hoi-mttq-tinh-xiv.html"}),
    ("ddaij hooij", {"van-ban/nghi-quyet-dai-hoi-xiv-dang.html", "van-ban/nghi-quyet-dai-hoi-cong-doan-tinh-xiv.html",
                     "van-ban/nghi-quyet-dai-hoi-mttq-tinh-xiv.html"}),
    ("quaan trieetj", {"hoi-nghi.html", "ke-hoach.html"}),
]
TYPO_POLICIES = [  # (name, edit distance by folded length: index = letters, the last for longer words; swaps; known words too)
    ("no guesses (Telex, doubled letters)", [0], False, False),
    ("1 from 4 letters", [0, 0, 0, 0, 1], False, False),
    ("1 from 3 letters + swaps", [0, 0, 0, 1, 1, 1, 1, 1, 2], True, False),
    ("0/1/2 (≤3, 4–7, 8+)", [0, 0, 0, 0, 1, 1, 1, 1, 2], False, False),
    ("0/1/2 + swaps (chosen)", [0, 0, 0, 0, 1, 1, 1, 1, 2], True, False),
    ("0/1/2 + swaps, known words too", [0, 0, 0, 0, 1, 1, 1, 1, 2], True, True),
    ("2 from 5 letters + swaps", [0, 0, 0, 0, 1, 2], True, False),
]

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


WORKER_SCRIPTS = "overrides/assets/javascripts/"
"""Where the worker's scripts are (`hoctap-search*.js`): `--engine REV` takes them from an older commit."""


def project(target: Path, docs: Path | None, ours: bool, engine: str | None = None) -> Path:
    """A copy of the project's site sources, with our search on or off, and `docs` if given; our
    search's worker scripts as they were at commit `engine` if given (a before and after)."""
    target.mkdir(parents=True)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    if engine:
        for script in (target / WORKER_SCRIPTS).glob("hoctap-search*.js"):
            script.unlink()
        listed = subprocess.run(["git", "ls-tree", "--name-only", engine, WORKER_SCRIPTS], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.split()
        for path in [p for p in listed if Path(p).name.startswith("hoctap-search")]:
            (target / path).write_bytes(subprocess.run(["git", "show", f"{engine}:{path}"], cwd=ROOT, capture_output=True,
                                                       check=True).stdout)
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


RESULT_PAGES = """base => [...document.querySelectorAll('.md-search-result__item > a')]
  .map(a => a.href.split('?')[0].split('#')[0].replace(base, ''))"""


def asked_in_box(browser, url: str, queries: list[str]) -> list[list[str]]:
    """Each query typed into the search box at 360 px, a space after it (a key Material's own search
    needs): the pages of its results, in order."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    context.add_init_script(LOG)
    page = context.new_page()
    page.goto(url + "index.html", wait_until="load")
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("[data-md-component=search-query]")
    orders = []
    for query in queries:
        box.fill("")
        page.wait_for_function(ANSWERED, arg=None, timeout=120_000)
        box.press_sequentially(query)
        box.press(" ")
        page.wait_for_function(ANSWERED, arg=query + " ", timeout=120_000)
        page.wait_for_timeout(200)  # Material renders the answer
        orders.append(list(dict.fromkeys(page.evaluate(RESULT_PAGES, url))))
    context.close()
    return orders


def ranking(browser, url: str, cases: list[tuple[str, str, list[str]]]) -> list[dict]:
    """Whether each case's page comes first, or before the pages named."""
    rows = []
    for (query, expected, below), order in zip(cases, asked_in_box(browser, url, [case[0] for case in cases])):
        if below:
            ok = expected in order and all(other not in order or order.index(expected) < order.index(other) for other in below)
        else:
            ok = bool(order) and order[0] == expected
        rows.append({"query": query, "expected": expected, "below": below, "ok": ok, "top": order[:3]})
    return rows


def questions(browser, url: str, cases: list[tuple[str, set[str]]]) -> list[dict]:
    """Whether one of the pages that answer each question is in its first three results."""
    return [{"query": query, "expected": sorted(expected), "ok": bool(expected & set(order[:3])), "top": order[:3]}
            for (query, expected), order in zip(cases, asked_in_box(browser, url, [case[0] for case in cases]))]


def question_sets() -> dict[str, list[tuple[str, set[str]]]]:
    sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]
    from tests.search import QUESTIONS  # noqa: E402 (the tests' own list)
    return {"tested": QUESTIONS, "held out": HELD_OUT}


# -- typing mistakes: which edit distance ---------------------------------------------------

LAB = """<!doctype html><meta charset="utf-8"><script>
  self.hoctapIndex = {}; self.hoctapShards = {};
  function script(lang, name) { return "search/hoctap-" + lang + name + ".js"; }
  function importScripts() {  /* the worker's, synchronous, in a page */
    for (var i = 0; i < arguments.length; i++) {
      var request = new XMLHttpRequest(); request.open("GET", arguments[i], false); request.send(); (0, eval)(request.responseText);
    }
  }
</script>
<script src="assets/javascripts/vendor/minisearch.min.js"></script>
<script src="assets/javascripts/hoctap-search-query.js"></script>
<script src="assets/javascripts/hoctap-search-engine.js"></script>
<script src="search/hoctap-vi.js"></script>
<script>start([self.hoctapIndex.vi]);</script>"""
LETTERS = "abcdeghiklmnopqrstuvxy"


def index_head(site: Path) -> dict:
    """The head of this site's Vietnamese index, read back from its script (a JS string literal
    in which index.py escaped only backslashes and quotes)."""
    text = (site / "search" / "hoctap-vi.js").read_text(encoding="utf-8")
    body = text[text.index("JSON.parse('") + len("JSON.parse('"):text.rindex("')")]
    return json.loads(re.sub(r"\\(.)", r"\1", body))


def mistype(word: str, rng: random.Random, first: bool = False) -> str:
    """One letter wrong: left out, doubled or added, replaced, or swapped with the next; after the
    first two letters (or within them, `first`)."""
    at = rng.randrange(0, 2) if first else rng.randrange(2, len(word))
    kind = rng.choice(["delete", "insert", "replace", "swap"] if at + 1 < len(word) else ["delete", "insert", "replace"])
    if kind == "delete":
        return word[:at] + word[at + 1:]
    if kind == "insert":
        return word[:at] + rng.choice([word[at], rng.choice(LETTERS)]) + word[at:]
    if kind == "replace":
        return word[:at] + rng.choice([c for c in LETTERS if c != word[at]]) + word[at + 1:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def typo_cases(site: Path, count: int = 150, seed: int = 3) -> list[tuple[str, str, bool]]:
    """(phrase typed right, with one letter wrong in its last word, wrong within the first two letters):
    two-word phrases of this site's own titles and excerpts, the last word at least 4 letters."""
    rng = random.Random(seed)
    fold = lambda w: unicodedata.normalize("NFD", w.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
    phrases = set()
    for _, title, text, *rest in index_head(site)["docs"]:
        found = [fold(w) for w in re.findall(r"[^\W\d_]+", f"{title} {text}")]
        phrases |= {(a, b) for a, b in zip(found, found[1:]) if len(a) >= 2 and len(b) >= 4 and b.isascii() and b.isalpha()}
    picked = rng.sample(sorted(phrases), min(count, len(phrases)))
    cases = [(f"{a} {b}", f"{a} {mistype(b, rng)}", False) for a, b in picked]
    cases += [(f"{a} {b}", f"{a} {mistype(b, rng, first=True)}", True) for a, b in picked[:count // 5]]
    return [case for case in cases if case[0] != case[1]]


TELEX = {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}


def telex(word: str) -> str:
    """A word as typed in Telex with the keyboard's Vietnamese input off: `số` → `soos`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = "".join(TELEX_TONES.get(ch, "") for ch in decomposed)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TELEX_TONES))
    return "".join(TELEX.get(ch, ch) for ch in base) + tone


def short_typo_cases(site: Path, count: int = 60, seed: int = 5) -> list[tuple[str, str, bool]]:
    """(phrase typed right, typed wrong, False): two-word phrases of this site whose last word has two or
    three letters, typed with its last letter doubled (`so` → `soo`) or in Telex (`số` → `soos`)."""
    rng = random.Random(seed)
    fold = lambda w: unicodedata.normalize("NFD", w.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
    phrases = set()
    for _, title, text, *rest in index_head(site)["docs"]:
        found = re.findall(r"[^\W\d_]+", f"{title} {text}")
        phrases |= {(a, b) for a, b in zip(found, found[1:]) if len(fold(a)) >= 2 and len(fold(b)) in (2, 3)}
    cases = []
    for a, b in rng.sample(sorted(phrases), min(count, len(phrases))):
        right = f"{fold(a)} {fold(b)}"
        wrong = telex(b) if telex(b) != fold(b) else fold(b) + fold(b)[-1]
        cases.append((right, f"{fold(a)} {wrong}", False))
    return cases


def typo_study(browser, site: Path, url: str) -> list[dict]:
    """Each policy of TYPO_POLICIES on `typo_cases`: recall@3, false hits, and what it changes for
    the phrases typed right; the engine alone in a page (no worker, no throttle)."""
    (site / "typo-lab.html").write_text(LAB, encoding="utf-8")
    page = browser.new_page()
    page.goto(url + "typo-lab.html")
    cases, short = typo_cases(site), short_typo_cases(site)
    run = "async qs => { const out = []; for (const q of qs) { const t = performance.now(); const r = await answer(q);" \
          " out.push([r.items.map(g => g[0].location.split('#')[0]), performance.now() - t]); } return out; }"
    set_policy = "p => { TYPO_DISTANCE = p[0]; TYPO_SWAPS = p[1]; TYPO_KNOWN_WORDS = p[2]; }"
    page.evaluate(set_policy, [[0], False, False])
    phrases = sorted({c[0] for c in cases + short})
    truth = dict(zip(phrases, [pages for pages, _ in page.evaluate(run, phrases)]))
    cases = [case for case in cases if truth[case[0]]]  # a phrase split by a heading finds nothing, typed right
    short = [case for case in short if truth[case[0]]]
    rows = []
    for name, distances, swaps, known_words in TYPO_POLICIES:
        page.evaluate(set_policy, [distances, swaps, known_words])
        wrong = page.evaluate(run, [c[1] for c in cases])
        right = page.evaluate(run, sorted(truth))
        found = {False: [], True: []}
        false_hits = []
        for (correct, typed, in_first), (pages, _) in zip(cases, wrong):
            target = truth[correct][:1]
            found[in_first].append(bool(target) and target[0] in pages[:3])
            if not in_first:
                false_hits.append(len(set(pages) - set(truth[correct])))
        noise = [len(set(pages) - set(truth[q])) for q, (pages, _) in zip(sorted(truth), right)]
        short_found = page.evaluate(run, [c[1] for c in short])
        short_hits = [truth[c[0]][0] in pages[:3] for c, (pages, _) in zip(short, short_found)]
        short_false = [len(set(pages) - set(truth[c[0]])) for c, (pages, _) in zip(short, short_found)]
        rows.append({
            "policy": name, "distances": distances, "swaps": swaps, "known_words_too": known_words,
            "recall_at_3": round(statistics.mean(found[False]), 3),
            "recall_at_3_mistake_in_first_two_letters": round(statistics.mean(found[True]), 3) if found[True] else None,
            "false_hits_per_query": round(statistics.mean(false_hits), 2),
            "extra_pages_when_typed_right": round(statistics.mean(noise), 2),
            "ms_per_query": round(statistics.mean(ms for _, ms in wrong), 2),
            "cases": len(found[False]),
            "short_words_recall_at_3": round(statistics.mean(short_hits), 3) if short else None,
            "short_words_false_hits_per_query": round(statistics.mean(short_false), 2) if short else None,
            "short_cases": len(short),
        })
    page.close()
    return rows


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
    parser.add_argument("--engine", metavar="REV", help="our search's worker scripts as at this commit (a before)")
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "results" / "search.json",
                        help="where the figures go (default benchmarks/results/search.json)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    corpus(work / "corpus-docs", args.pages)
    rows, ranked, typos, asked = [], {}, [], {}
    sets = question_sets()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for name, docs in (("site", None), ("corpus", work / "corpus-docs")):
            for engine, ours in (("ours", True), ("material", False)):
                site = project(work / f"{name}-{engine}", docs, ours, args.engine if ours else None)
                files = (site / "search").glob("hoctap-vi*.js" if ours else "search_index.json")
                index = sum(f.stat().st_size for f in files)  # all a Vietnamese reader could download
                server, url = serve(site)
                result = measure(browser, url, site, QUERIES[name])
                if name == "site":
                    ranked[engine] = ranking(browser, url, RANKING)
                    asked[engine] = {name: questions(browser, url, cases) for name, cases in sets.items()}
                    if ours:
                        typos = typo_study(browser, site, url)
                server.shutdown()
                rows.append((name, engine, index, result))
        browser.close()

    label = {"site": "this site", "corpus": f"synthetic corpus, {args.pages} pages"}
    print(f"Chromium {THROTTLE}× CPU throttle, 360 px, served over HTTP under /hoc-tap/ (no compression); "
          f"our search's worker scripts: {args.engine or 'this checkout'}.")
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
    print("\n## ranking cases on this site (360 px, the query then a space): first, or before the pages named")
    for i, (query, expected, below) in enumerate(RANKING):
        marks = "  ".join(f"{engine}: {'ok ' if ranked[engine][i]['ok'] else 'NO '}" for engine in ("ours", "material"))
        print(f"{query!r:24} {expected + (' before ' + ', '.join(below) if below else ' first'):70} {marks}")
        if not ranked["material"][i]["ok"] or not ranked["ours"][i]["ok"]:
            print(f"{'':24} top: ours {ranked['ours'][i]['top']}, Material {ranked['material'][i]['top']}")
    print("\n## members' questions on this site (360 px, the question then a space): the answering page in the first three")
    for name in sets:
        rates = {engine: sum(r["ok"] for r in asked[engine][name]) for engine in ("ours", "material")}
        print(f"{name:10} ours {rates['ours']}/{len(sets[name])}, Material {rates['material']}/{len(sets[name])}")
        for row in asked["ours"][name]:
            if not row["ok"]:
                print(f"{'':10} ours missed {row['query']!r}: {row['top']}")
    print(f"\n## typing mistakes: {typos[0]['cases'] if typos else 0} two-word phrases of this site, one letter wrong after "
          "the first two letters of the last word (the engine alone, no throttle)")
    print(f"{'policy':34} {'recall@3':>9} {'false hits':>11} {'extra, typed right':>19} {'first 2 letters':>16} {'ms':>6}")
    for row in typos:
        print(f"{row['policy']:34} {row['recall_at_3']:>9.2f} {row['false_hits_per_query']:>11.2f} "
              f"{row['extra_pages_when_typed_right']:>19.2f} {row['recall_at_3_mistake_in_first_two_letters'] or 0:>16.2f} "
              f"{row['ms_per_query']:>6.1f}")
    if typos and typos[0]["short_cases"]:
        print(f"\n## short words: {typos[0]['short_cases']} two-word phrases of this site, the last word of two or three letters "
              "typed with its last letter doubled or in Telex (Vietnamese input off)")
        for row in typos:
            print(f"{row['policy']:34} recall@3 {row['short_words_recall_at_3']:.2f}, "
                  f"false hits {row['short_words_false_hits_per_query']:.2f}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps({
        "throttle": THROTTLE, "pages": args.pages, "engine": args.engine or "this checkout",
        "latency": [{"set": n, "engine": e, "index_bytes": i, "cold_ms": round(r["cold_ms"]), "warm_ms": round(r["warm_ms"]),
                     "page_view_gzip": r["view"][2], "until_first_result_gzip": r["first"][2], "misses": r["misses"]}
                    for n, e, i, r in rows],
        "ranking": ranked, "questions": asked, "typos": typos,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.keep:
        print(f"\nsites kept in {work}")
    else:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
