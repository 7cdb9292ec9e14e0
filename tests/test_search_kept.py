"""A page's search records kept for the next build (render/search_records.py, through render/kept.py):
taken again only for the same page, named the same way, in the same language."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hoctap.render import search_records
from hoctap.render.kept import Kept
from hoctap.render.search_records import CODE, kept_of_page

DOCUMENT = SimpleNamespace(so_ky_hieu="18-CTr/TU", loai="Chương trình hành động")


def page(content: str, title: str = "Chương trình 18", url: str = "van-ban/18-ctr-tu.html", meta: dict | None = None):
    return SimpleNamespace(content=content, url=url, title=title, meta={"title": title, **(meta or {})})


def test_an_unchanged_page_is_not_indexed_again_and_gets_the_same_records(tmp_path, monkeypatch):
    path = tmp_path / "search-vi.marshal"
    shown = page('<h1 id="a">Chương trình 18</h1><p>Thương lượng tập thể</p><h2 id="b">Mục 2</h2><p>Đối thoại</p>')
    build = Kept(path, CODE)
    first = kept_of_page(build, shown, DOCUMENT, "vi")
    assert first == search_records.of_page(shown, DOCUMENT, "vi") and len(first) == 2
    build.save()

    def indexed_again(*args):
        raise AssertionError("indexed again")

    monkeypatch.setattr(search_records, "of_page", indexed_again)
    again = kept_of_page(Kept(path, CODE), shown, DOCUMENT, "vi")
    assert again == first and all(type(found) is type(first[0]) for found in again)


@pytest.mark.parametrize("changed", [
    {"content": "<p>Thương lượng tập thể, đối thoại</p>"},
    {"title": "Chương trình 18 (sửa)"},
    {"url": "van-ban/18-ctr-tu-2.html"},
    {"meta": {"search": {"boost": 0.5}}},
])
def test_a_changed_page_is_indexed_again(tmp_path, changed):
    path = tmp_path / "search-vi.marshal"
    before = {"content": "<p>Thương lượng tập thể</p>"}
    build = Kept(path, CODE)
    kept_of_page(build, page(**before), DOCUMENT, "vi")
    build.save()
    edited = page(**(before | changed))
    assert kept_of_page(Kept(path, CODE), edited, DOCUMENT, "vi") == search_records.of_page(edited, DOCUMENT, "vi")
    assert kept_of_page(Kept(path, CODE), edited, None, "vi") == search_records.of_page(edited, None, "vi")
    assert kept_of_page(Kept(path, CODE), edited, DOCUMENT, "en") == search_records.of_page(edited, DOCUMENT, "en")


def test_a_page_with_a_lone_surrogate_is_kept_too(tmp_path):
    path = tmp_path / "search-vi.marshal"
    shown = page("<p>Thương lượng \ud800 tập thể</p>")
    build = Kept(path, CODE)
    assert kept_of_page(build, shown, None, "vi") == search_records.of_page(shown, None, "vi")
    build.save()
    assert kept_of_page(Kept(path, CODE), shown, None, "vi") == search_records.of_page(shown, None, "vi")
