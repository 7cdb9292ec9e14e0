"""The per-language index: MiniSearch's serialised form, symbols on their pages, Material's index left empty."""

from __future__ import annotations

import json

from hoctap.search.index import EXCERPT, build_index, excerpt, plain, take_entries, write_index

ENTRIES = [
    {"location": "van-ban/18-ctr-tu.html", "title": "Chương trình số 18-CTr/TU",
     "text": "<p>Chương trình số 18-CTr/TU của Tỉnh ủy &amp; hòa</p>"},
    {"location": "van-ban/18-ctr-tu.html#trong-tam", "title": "Trọng tâm", "text": "<p>tuyên truyền</p>"},
    {"location": "ke-hoach.html", "title": "Kế hoạch", "text": "<p>Kế hoạch 18-CTr/TU</p>"},
]
SYMBOLS = {"van-ban/18-ctr-tu.html": ("18-CTr/TU", "Chương trình")}


def built():
    return build_index(ENTRIES, SYMBOLS, "vi", {"van-ban/18-ctr-tu.html"})


def test_index_has_minisearch_shape():
    index = built()["index"]
    assert index["serializationVersion"] == 2
    assert index["documentCount"] == 3 and index["nextId"] == 4
    assert index["documentIds"] == {1: "van-ban/18-ctr-tu.html", 2: "van-ban/18-ctr-tu.html#trong-tam", 3: "ke-hoach.html"}
    assert index["fieldIds"] == {"title": 0, "text": 1, "symbol": 2}
    assert all(len(lengths) == 3 for lengths in index["fieldLength"].values())
    terms = dict(index["index"])
    assert terms["hoa"] == {1: {1: 1}}  # folded, in the text of document 1, once
    assert terms["=hoa2"] == {1: {1: 1}}  # and as written
    assert terms["tuyen"] == {1: {2: 1}}
    assert terms["18"] == {0: {1: 1}, 1: {1: 1, 3: 1}}


def test_symbol_spellings_go_to_the_document_page_only():
    data = built()
    assert data["symbols"]["18ctrtu"] == ["van-ban/18-ctr-tu.html"]
    assert data["symbols"]["ctr18"] == ["van-ban/18-ctr-tu.html"]
    assert data["symbols"]["chuongtrinh18"] == ["van-ban/18-ctr-tu.html"]
    symbol_field = {term: fields[2] for term, fields in data["index"]["index"] if 2 in fields}
    assert set(symbol_field) == set(data["symbols"])
    assert all(docs == {1: 1} for docs in symbol_field.values())


def test_stored_fields_are_plain_text_and_mark_documents():
    stored = built()["index"]["storedFields"]
    assert stored[1] == {"t": "Chương trình số 18-CTr/TU", "x": "Chương trình số 18-CTr/TU của Tỉnh ủy & hòa", "d": 1}
    assert stored[3] == {"t": "Kế hoạch", "x": "Kế hoạch 18-CTr/TU"}


def test_excerpt_cuts_at_a_word():
    text = "chữ " * 200
    cut = excerpt(text)
    assert len(cut) <= EXCERPT + 2 and cut.endswith(" …") and not cut[:-2].endswith(" ")
    assert plain("<p>a&nbsp;<b>b</b></p>") == "a b"


def test_written_as_a_script_for_file_urls(tmp_path):
    path = write_index(tmp_path, built())
    assert path == tmp_path / "search" / "hoctap-vi.js"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("self.hoctapIndex=") and text.endswith(";\n")
    assert json.loads(text.removeprefix("self.hoctapIndex=").rstrip(";\n"))["lang"] == "vi"


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
