"""The per-language index: MiniSearch's serialised form, symbols on their pages, Material's index left empty."""

from __future__ import annotations

import json

from hoctap.search.index import EXCERPT, build_index, excerpt, plain, shard_name, shard_of, take_entries, write_index

ENTRIES = [
    {"location": "van-ban/18-ctr-tu.html", "title": "Chương trình số 18-CTr/TU",
     "text": "<p>Chương trình số 18-CTr/TU của Tỉnh ủy &amp; hòa, chương trình</p>"},
    {"location": "van-ban/18-ctr-tu.html#trong-tam", "title": "Trọng tâm", "text": "<p>tuyên truyền</p>"},
    {"location": "ke-hoach.html", "title": "Kế hoạch", "text": "<p>Kế hoạch 18-CTr/TU</p>"},
]
SYMBOLS = {"van-ban/18-ctr-tu.html": ("18-CTr/TU", "Chương trình")}


def built():
    return build_index(ENTRIES, SYMBOLS, "vi", {"van-ban/18-ctr-tu.html"})


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


def test_stored_text_is_plain_and_marks_documents():
    docs = built()["docs"]
    assert docs[0] == ["van-ban/18-ctr-tu.html", "Chương trình số 18-CTr/TU", "Chương trình số 18-CTr/TU của Tỉnh ủy & hòa, chương trình", 1]
    assert docs[2] == ["ke-hoach.html", "Kế hoạch", "Kế hoạch 18-CTr/TU"]


def test_excerpt_cuts_at_a_word():
    text = "chữ " * 200
    cut = excerpt(text)
    assert len(cut) <= EXCERPT + 2 and cut.endswith(" …") and not cut[:-2].endswith(" ")
    assert plain("<p>a&nbsp;<b>b</b></p>") == "a b"


def test_written_as_scripts_for_file_urls_one_per_two_first_letters(tmp_path):
    path = write_index(tmp_path, built())
    assert path == tmp_path / "search" / "hoctap-vi.js"
    head = path.read_text(encoding="utf-8")
    assert head.startswith("self.hoctapIndex=JSON.parse('") and head.endswith("');\n")
    assert '"lang":"vi"' in head and '"terms"' not in head
    shard = (tmp_path / "search" / "hoctap-vi-ho.js").read_text(encoding="utf-8")
    assert shard.startswith('self.hoctapShards["ho"]=JSON.parse(\'')
    assert '"hoa":' in shard and '"hoach":' in shard  # hòa, hoạch: both under "ho"
    assert shard_of("=đôi1") == shard_of("doi") == "do"
    assert shard_name("ø1") == "xf8-31"  # a letter folding keeps, spelled out for the file name
    written = sorted(p.name for p in (tmp_path / "search").glob("hoctap-vi-*.js"))
    assert written == sorted(f"hoctap-vi-{shard_name(k)}.js" for k in {shard_of(t) for t in built()["terms"]})


def test_material_index_is_left_empty():
    class Index:
        entries = list(ENTRIES)

    class Search:
        config = type("C", (), {"enabled": True})()
        search_index = Index()

    plugins = {"material/search": Search()}
    assert take_entries(plugins) == ENTRIES
    assert Search.search_index.entries == []
    assert take_entries({}) == []
