"""The registry's indexed look-ups answer as a scan of every document would (they replaced one)."""

from __future__ import annotations

from pathlib import Path

from hoctap.registry.documents import Registry

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_indexed_lookups_match_a_scan():
    registry = Registry.load(DOCS)
    assert registry.documents
    for document in registry.documents:
        assert registry.by_page(document.page.stem) is document
        assert registry.implemented_by(document) == [d for d in registry.documents if document.ma in d.thuc_hien]
        assert registry.based_on_by(document) == [d for d in registry.documents if document.ma in d.can_cu]
    assert registry.by_page("khong-co/trang-nay") is None
    assert any(registry.implemented_by(d) for d in registry.documents), "the plan's documents implement others"
