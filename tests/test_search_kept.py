"""A page's search records kept for the next build (render/search_records.py): reused only for the same page."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hoctap.render import search_records
from hoctap.render.search_records import KeptRecords

DOCUMENT = SimpleNamespace(so_ky_hieu="18-CTr/TU", loai="Chương trình hành động")


def page(content: str, title: str = "Chương trình 18", url: str = "van-ban/18-ctr-tu.html", meta: dict | None = None):
    return SimpleNamespace(content=content, url=url, title=title, meta={"title": title, **(meta or {})})


def test_an_unchanged_page_is_not_indexed_again_and_gets_the_same_records(tmp_path, monkeypatch):
    kept = tmp_path / "search-vi.marshal"
    shown = page('<h1 id="a">Chương trình 18</h1><p>Thương lượng tập thể</p><h2 id="b">Mục 2</h2><p>Đối thoại</p>')
    builds = KeptRecords(kept)
    first = builds.of_page(shown, DOCUMENT, "vi")
    assert first == search_records.of_page(shown, DOCUMENT, "vi") and len(first) == 2
    builds.save()

    def indexed_again(*args):
        raise AssertionError("indexed again")

    monkeypatch.setattr(search_records, "of_page", indexed_again)
    again = KeptRecords(kept).of_page(shown, DOCUMENT, "vi")
    assert again == first and all(type(found) is type(first[0]) for found in again)


@pytest.mark.parametrize("changed", [
    {"content": "<p>Thương lượng tập thể, đối thoại</p>"},
    {"title": "Chương trình 18 (sửa)"},
    {"url": "van-ban/18-ctr-tu-2.html"},
    {"meta": {"search": {"boost": 0.5}}},
])
def test_a_changed_page_is_indexed_again(tmp_path, changed):
    kept = tmp_path / "search-vi.marshal"
    before = {"content": "<p>Thương lượng tập thể</p>"}
    builds = KeptRecords(kept)
    builds.of_page(page(**before), DOCUMENT, "vi")
    builds.save()
    edited = page(**(before | changed))
    assert KeptRecords(kept).of_page(edited, DOCUMENT, "vi") == search_records.of_page(edited, DOCUMENT, "vi")
    assert KeptRecords(kept).of_page(edited, None, "vi") == search_records.of_page(edited, None, "vi")
    assert KeptRecords(kept).of_page(edited, DOCUMENT, "en") == search_records.of_page(edited, DOCUMENT, "en")


def test_a_page_with_a_lone_surrogate_is_kept_too(tmp_path):
    shown = page("<p>Thương lượng \ud800 tập thể</p>")
    builds = KeptRecords(tmp_path / "search-vi.marshal")
    assert builds.of_page(shown, None, "vi") == search_records.of_page(shown, None, "vi")
    builds.save()
    assert KeptRecords(tmp_path / "search-vi.marshal").of_page(shown, None, "vi") == search_records.of_page(shown, None, "vi")


def test_pages_gone_are_not_kept(tmp_path):
    kept = tmp_path / "search-vi.marshal"
    builds = KeptRecords(kept)
    builds.of_page(page("<p>Một</p>", url="mot.html"), None, "vi")
    builds.of_page(page("<p>Hai</p>", url="hai.html"), None, "vi")
    builds.save()
    builds = KeptRecords(kept)
    builds.of_page(page("<p>Một</p>", url="mot.html"), None, "vi")
    builds.save()
    assert len(KeptRecords(kept).kept) == 1


@pytest.mark.parametrize("written", [b"", b"\x00\x01garbage", b"i\x05\x00\x00\x00"])
def test_a_kept_file_that_cannot_be_read_is_indexed_again(tmp_path, written):
    kept = tmp_path / "search-vi.marshal"
    kept.write_bytes(written)
    shown = page("<p>Thương lượng tập thể</p>")
    assert KeptRecords(kept).of_page(shown, None, "vi") == search_records.of_page(shown, None, "vi")


def test_a_folder_that_cannot_be_written_leaves_the_build_as_it_was(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    builds = KeptRecords(blocked / "search-vi.marshal")
    builds.of_page(page("<p>Một</p>"), None, "vi")
    builds.save()
    assert blocked.read_text() == "not a folder"
