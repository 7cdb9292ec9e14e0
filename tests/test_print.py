"""Every document page offers printing, in both languages, and carries the print stylesheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoctap.registry.documents import Registry

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_document_page_has_a_print_button(site, prefix):
    for document in Registry.load(DOCS).documents:
        if prefix and not (DOCS / document.page.path).with_suffix(f".{prefix[:-1]}.md").is_file():
            continue  # no English copy: English links lead to the Vietnamese page
        html = (site / f"{prefix}{document.page.stem}.html").read_text(encoding="utf-8")
        assert 'data-ht-print="page"' in html, document.ma
        assert "assets/stylesheets/hoctap.css" in html and "assets/javascripts/print.js" in html
