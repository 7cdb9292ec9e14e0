"""The search worker alone, on a small index of our own: its terms are the Python side's terms,
and a query typed with diacritics ranks the page written that way first, whatever the tone placement."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.browser.conftest import serve
from hoctap.search import build_index, record, terms, write_index

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
WORKER, QUERY, ENGINE = SCRIPTS / "hoctap-search.js", SCRIPTS / "hoctap-search-query.js", SCRIPTS / "hoctap-search-engine.js"
VENDOR = SCRIPTS / "vendor" / "minisearch.min.js"

ENTRIES = [
    {"location": "hoa.html", "title": "Hoa", "text": "<p>Vườn hoa nở</p>"},
    {"location": "hoa2.html", "title": "Hòa", "text": "<p>Hòa bình, hòa giải</p>"},
    {"location": "hoa5.html", "title": "Họa", "text": "<p>Họa sĩ vẽ tranh</p>"},
    {"location": "dang.html", "title": "Đảng", "text": "<p>Nghị quyết của Đảng</p>"},
    {"location": "mot-muc.html#muc", "title": "Mục", "text": "<p>Chỉ một mục, không có mục của trang</p>"},
]
PAGE = """<!doctype html><meta charset="utf-8"><script>
  var worker = new Worker("assets/javascripts/hoctap-search.js#vi"), answers = [];
  worker.onmessage = function (ev) { answers.push(ev.data); };
  worker.postMessage({type: 0, data: {}});
  function ask(query) {
    var seen = answers.length;
    worker.postMessage({type: 2, data: query});
    return new Promise(function wait(done) {
      answers.length > seen && answers[answers.length - 1].type === 3 ? done(answers.pop().data)
        : setTimeout(function () { wait(done); }, 10);
    });
  }
</script>"""


ENGLISH = [
    {"location": "en/dang.html", "title": "The Party", "text": "<p>Resolutions of the Party: Đảng, hòa</p>"},
    {"location": "en/plan.html", "title": "Plan", "text": "<p>The plan of the federation</p>"},
]
"""An English index: `en/dang.html` translates `dang.html`, the other Vietnamese pages are not translated."""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("worker") / "site"
    (root / "assets" / "javascripts" / "vendor").mkdir(parents=True)
    shutil.copy(WORKER, root / "assets" / "javascripts")
    shutil.copy(QUERY, root / "assets" / "javascripts")
    shutil.copy(ENGINE, root / "assets" / "javascripts")
    shutil.copy(VENDOR, root / "assets" / "javascripts" / "vendor")
    write_index(root, build_index([record(entry) for entry in ENTRIES], "vi"))
    write_index(root, build_index([record(entry) for entry in ENGLISH], "en",
                                  originals={"lang": "vi", "translated": ["dang.html"]}))
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "en.html").write_text(PAGE.replace("#vi", "#en"), encoding="utf-8")
    server, url = serve(root)
    yield url
    server.shutdown()


def worker_page(browser, url):
    page = browser.new_page()
    page.goto(url)
    return page


@pytest.fixture(scope="module")
def lab(browser, served):
    page = worker_page(browser, served + "index.html")
    yield page
    page.close()


@pytest.fixture(scope="module")
def english_lab(browser, served):
    page = worker_page(browser, served + "en.html")
    yield page
    page.close()


def ranked(page, query: str) -> list[str]:
    result = page.evaluate("q => ask(q)", query)
    return [group[0]["location"].split("#")[0] for group in result["items"]]


@pytest.mark.parametrize("query,first", [
    ("hòa", "hoa2.html"), ("hoà", "hoa2.html"), ("HOÀ", "hoa2.html"), (unicodedata.normalize("NFD", "hoà"), "hoa2.html"),
    ("họa", "hoa5.html"), ("hoạ", "hoa5.html"), ("hoa nở", "hoa.html"), ("Ðảng", "dang.html"), ("dang", "dang.html"),
])
def test_query_with_diacritics_ranks_exact_spelling_first(lab, query, first):
    assert ranked(lab, query)[0] == first


def test_a_section_without_its_page_section_is_found_all_the_same(lab):
    assert ranked(lab, "chi mot muc") == ["mot-muc.html"]


def test_query_without_diacritics_finds_every_spelling(lab):
    assert set(ranked(lab, "hoa")) == {"hoa.html", "hoa2.html", "hoa5.html"}
    assert ranked(lab, "xyzzy") == []


def in_worker(page, function: str, arg):
    """Run `function` (JavaScript, one argument) inside a worker started from the engine's scripts."""
    return page.evaluate(f"""async arg => {{
        const w = new Worker(URL.createObjectURL(new Blob([
          await (await fetch("assets/javascripts/hoctap-search-query.js")).text(), "\\n",
          await (await fetch("assets/javascripts/hoctap-search-engine.js")).text(),
          "\\nonmessage = e => postMessage(({function})(e.data));"])));
        return new Promise(done => {{ w.onmessage = e => done(e.data); w.postMessage(arg); }});
    }}""", arg)


def test_worker_terms_are_the_python_terms(lab):
    """Every word of the site's pages, and the tricky ones, give the same terms on both sides."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md")))
    text += " Ðảng ÐẢNG ð hoà thuý uỷ khoá " + unicodedata.normalize("NFD", "nghị quyết đổi mới")
    worker_terms = in_worker(lab, "t => words(t).flatMap(w => [fold(w), exact(w)].filter(Boolean))", text)
    assert worker_terms == terms(text)
    assert len(worker_terms) > 1000


def test_excerpt_marks_words_and_escapes_the_rest(lab):
    result = lab.evaluate("q => ask(q)", "hoa no")
    first = result["items"][0][0]
    assert first["text"] == "<p>Vườn <mark data-md-highlight>hoa</mark> <mark data-md-highlight>nở</mark></p>"
    assert first["terms"] == {"hoa": True, "nở": True}
    escaped = in_worker(lab, "t => mark(t, [{folded: 'amp', matched: new Set(['amp'])}]).html", "a <b> & amp")
    assert escaped == "a &lt;b&gt; &amp; <mark data-md-highlight>amp</mark>"


def test_english_search_reads_its_own_index_and_the_untranslated_vietnamese_pages(english_lab):
    """The English index holds its own pages; the Vietnamese one, read beside it, gives the pages
    not translated, and not those the English index replaces (`dang.html`)."""
    assert ranked(english_lab, "dang") == ["en/dang.html"]
    assert set(ranked(english_lab, "hoa")) == {"en/dang.html", "hoa.html", "hoa2.html", "hoa5.html"}
    assert ranked(english_lab, "federation") == ["en/plan.html"]
    assert ranked(english_lab, "ve tranh") == ["hoa5.html"]
