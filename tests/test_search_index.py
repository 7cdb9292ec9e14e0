"""The per-language index: pages split into sections, MiniSearch's serialised form, symbols on their pages."""

from __future__ import annotations

import json

from hoctap.search.text import fold, terms, words
from hoctap.search.index import DOCUMENT_WEIGHT, EXCERPT, build_index, excerpt, group_shards, plain, record, shard_name, shard_of, write_index
from hoctap.search.sections import sections

ENTRIES = [
    {"location": "van-ban/18-ctr-tu.html", "title": "Chương trình số 18-CTr/TU",
     "text": "<p>Chương trình số 18-CTr/TU của Tỉnh ủy &amp; hòa, chương trình</p>"},
    {"location": "van-ban/18-ctr-tu.html#trong-tam", "title": "Trọng tâm", "text": "<p>tuyên truyền</p>"},
    {"location": "ke-hoach.html", "title": "Kế hoạch", "text": "<p>Kế hoạch 18-CTr/TU</p>"},
]
SYMBOLS = {"van-ban/18-ctr-tu.html": ("18-CTr/TU", "Chương trình")}


def built():
    return build_index([record(e, SYMBOLS.get(e["location"].split("#")[0])) for e in ENTRIES], "vi", {"van-ban/18-ctr-tu.html"})


def test_postings_are_gaps_with_counts():
    data = built()
    assert data["fields"] == ["title", "text", "symbol"]
    assert [doc[0] for doc in data["docs"]] == ["van-ban/18-ctr-tu.html", "van-ban/18-ctr-tu.html#trong-tam", "ke-hoach.html"]
    terms = data["terms"]
    assert terms["hoa"] == [[], [0]]  # folded, in the text of document 0
    assert "=hoa2" not in terms  # texts keep only the folded word…
    assert terms["=trong5"] == [[1]]  # …titles the exact one too
    assert terms["18"] == [[0], [0, 2]]  # title of 0; texts of 0 and 2
    assert terms["chuong"] == [[0], [0, -2]]  # twice in the text of 0
    assert data["lengths"][0] == [6, 11, 5]  # distinct words per field, as MiniSearch counts them


def test_symbol_spellings_go_to_the_document_page_only():
    data = built()
    assert data["symbols"]["18ctrtu"] == ["van-ban/18-ctr-tu.html"]
    assert data["symbols"]["ctr18"] == ["van-ban/18-ctr-tu.html"]
    assert data["symbols"]["chuongtrinh18"] == ["van-ban/18-ctr-tu.html"]
    in_symbol_field = {term for term, fields in data["terms"].items() if len(fields) == 3}
    assert in_symbol_field == set(data["symbols"])
    assert all(data["terms"][term][2] == [0] for term in in_symbol_field)


def test_stored_text_is_plain_and_weighs_documents():
    docs = built()["docs"]
    assert docs[0] == ["van-ban/18-ctr-tu.html", "Chương trình số 18-CTr/TU", "Chương trình số 18-CTr/TU của Tỉnh ủy & hòa, chương trình",
                       DOCUMENT_WEIGHT]
    assert docs[2] == ["ke-hoach.html", "Kế hoạch", "Kế hoạch 18-CTr/TU"]


def test_a_page_boost_weighs_its_sections():
    """Material's `search: boost:` of a page (the glossary's 0.5) scales its sections' weight."""
    glossary = record({"location": "thuat-ngu.html", "title": "Thuật ngữ", "text": "<p>MTTQ Mặt trận Tổ quốc</p>"}, boost=0.5)
    data = build_index([glossary, record(ENTRIES[2])], "vi")
    assert data["docs"][0][3] == 0.5 and len(data["docs"][1]) == 3


def test_one_word_abbreviations_are_spelled_out_folded():
    data = build_index([record(ENTRIES[2])], "vi", abbreviations=[("MTTQ", "Mặt trận Tổ quốc"), ("LĐLĐ", "Liên đoàn Lao động"),
                                                                    ("B/c", "Báo cáo"), ("TM.", "Thay mặt")])
    assert data["abbreviations"] == {"mttq": "mat tran to quoc", "ldld": "lien doan lao dong", "tm": "thay mat"}
    assert "abbreviations" not in build_index([record(ENTRIES[2])], "vi")


def test_excerpt_cuts_at_a_word():
    text = "chữ " * 200
    cut = excerpt(text)
    assert len(cut) <= EXCERPT + 2 and cut.endswith(" …") and not cut[:-2].endswith(" ")
    assert plain("<p>a&nbsp;<b>b</b></p>") == "a b"


def test_written_as_scripts_for_file_urls_by_two_first_letters(tmp_path):
    path = write_index(tmp_path, built())
    assert path == tmp_path / "search" / "hoctap-vi.js"
    head = path.read_text(encoding="utf-8")
    assert head.startswith("self.hoctapIndex[\"vi\"]=JSON.parse('") and head.endswith("');\n")
    assert '"lang":"vi"' in head and '"terms"' not in head and '"originals"' not in head
    script_of = json.loads(head[len("self.hoctapIndex[\"vi\"]=JSON.parse('"):-len("');\n")])["shards"]
    assert set(script_of) == {shard_of(t) for t in built()["terms"]}
    shard = (tmp_path / "search" / f"hoctap-vi-{shard_name(script_of['ho'])}.js").read_text(encoding="utf-8")
    assert shard.startswith(f'self.hoctapShards["vi/{script_of["ho"]}"]=JSON.parse(\'')
    assert '"hoa":' in shard and '"hoach":' in shard  # hòa, hoạch: both under "ho"
    assert shard_of("=đôi1") == shard_of("doi") == "do"
    assert shard_name("ø1") == "xf8-31"  # a letter folding keeps, spelled out for the file name
    written = sorted(p.name for p in (tmp_path / "search").glob("hoctap-vi-*.js"))
    assert written == sorted(f"hoctap-vi-{shard_name(k)}.js" for k in set(script_of.values()))


def test_a_terms_shard_is_its_whole_folded_form_cut_to_two_letters():
    # shard_of folds a term's first two letters only: the same letters as folding it whole
    text = "Đường ǅo ﬁnal Ångström ŉa 한국어 x İstanbul ǰ ǈ ßa Ⅻ ²3 ᾆa ǖ ṩ ồ ợ ỹ Ðinh"
    for term in terms(text) + [t for word in words(text) for t in terms(word.lower())]:
        assert shard_of(term) == fold(term.removeprefix("="))[:2], term
    assert shard_of("=x\u0302yz") == "xy"  # a mark no letter takes: its two letters fold to one


def test_another_language_names_the_vietnamese_index_it_is_read_with(tmp_path):
    english = [record({"location": "en/ke-hoach.html", "title": "Plan", "text": "<p>The plan</p>"})]
    originals = {"lang": "vi", "translated": ["ke-hoach.html"]}
    path = write_index(tmp_path, build_index(english, "en", originals=originals))
    head = json.loads(path.read_text(encoding="utf-8")[len("self.hoctapIndex[\"en\"]=JSON.parse('"):-len("');\n")])
    assert head["originals"] == originals and [doc[0] for doc in head["docs"]] == ["en/ke-hoach.html"]
    assert path.name == "hoctap-en.js" and not (tmp_path / "search" / "hoctap-vi.js").exists()


def test_small_shards_share_a_script_big_ones_stand_alone():
    sizes = {"an": 12, "ba": 12, "ch": 10_000, "da": 12}  # bytes of each shard's postings as JSON
    groups = group_shards(sizes, at_least=1000)
    assert groups == {"an": ["an", "ba", "ch"], "da": ["da"]}
    assert group_shards(sizes, at_least=1) == {key: [key] for key in sizes}


PAGE = """<h1 id="chuong-trinh">Chương trình 18-<abbr title="Chương trình">CTr</abbr>/TU<a class="headerlink" href="#chuong-trinh">&para;</a></h1>
<!--hoctap:the-van-ban--><p>Của <strong>Tỉnh ủy</strong> &amp; các <a href="58-ct-tw.html">cấp</a>.</p>
<h2 id="trong-tam">Trọng tâm<a class="headerlink" href="#trong-tam">&para;</a></h2>
<ul><li>tuyên truyền</li><li>giáo dục</li></ul><script>var x = "<h2 id='no'>";</script>
<h3>Không có id</h3><p>vẫn thuộc mục trước</p>
<svg><text>15-CTr/TU</text><text>Nghị quyết</text></svg>"""


def test_a_page_is_split_at_its_headings_as_material_splits_it():
    found = sections(PAGE, "van-ban/18-ctr-tu.html", "Tiêu đề")
    assert [s["location"] for s in found] == ["van-ban/18-ctr-tu.html", "van-ban/18-ctr-tu.html#trong-tam"]
    assert [plain(s["title"]) for s in found] == ["Chương trình 18-CTr/TU", "Trọng tâm"]  # no permalink, one symbol
    assert plain(found[0]["text"]) == "Của Tỉnh ủy & các cấp."
    assert plain(found[1]["text"]) == "tuyên truyền giáo dục Không có id vẫn thuộc mục trước 15-CTr/TU Nghị quyết"


def test_text_before_the_first_heading_is_named_by_the_page_title():
    found = sections("<p>Lời mở &lt;đầu&gt;</p><h2 id=\"a\">A</h2><p>b</p>", "x.html", "Trang & tên")
    assert [(s["location"], plain(s["title"]), plain(s["text"])) for s in found] == [
        ("x.html", "Trang & tên", "Lời mở <đầu>"), ("x.html#a", "A", "b")]


def test_a_page_without_h1_has_its_own_section_all_the_same():
    """The worker lists a page's sections under the page's own: a page titled in its front matter
    starts at an h2, and Material's sections give it one, titled by the page, as here."""
    found = sections('<h2 id="a">A</h2><p>b</p><h1 id="c">C</h1><h1 id="d">D</h1>', "x.html", "Trang")
    assert [(s["location"], plain(s["title"]), plain(s["text"])) for s in found] == [
        ("x.html", "Trang", ""), ("x.html#a", "A", "b"), ("x.html#c", "C", ""), ("x.html#d", "D", "")]
    assert [s["location"] for s in sections('<h1 id="t">T</h1><h1 id="u">U</h1>', "y.html", "Y")] == ["y.html", "y.html#u"]


def test_material_index_is_left_empty(site):
    """Material's search box stays (its index file is there, under file:// too), with no page in it."""
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
