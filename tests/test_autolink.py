"""Auto-linking: registered symbols in prose become links, and nothing else changes."""

from pathlib import Path

import pytest

from hoctap.registry.documents import Registry
from hoctap.render.autolink import link_symbols

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(DOCS)


def test_prose_mentions_become_links(registry):
    md = "Chương trình số18-Ctr/TU thực hiện Chỉ thị số 58-CT/TW.\n\n| 15/CTr-LĐLĐ | x |\n"
    assert link_symbols(md, "doc-nhanh.md", registry, None) == (
        "Chương trình số[18-Ctr/TU](van-ban/18-ctr-tu.md) thực hiện Chỉ thị số [58-CT/TW](van-ban/58-ct-tw.md).\n\n"
        "| [15/CTr-LĐLĐ](van-ban/15-ctr-ldld.md) | x |\n"
    )


def test_links_are_relative_to_the_page(registry):
    assert link_symbols("Theo 58-CT/TW.", "van-ban/18-ctr-tu.md", registry, None) == "Theo [58-CT/TW](58-ct-tw.md)."


@pytest.mark.parametrize("md", [
    "# Chỉ thị số 58-CT/TW\n",
    "Chỉ thị 58-CT/TW\n----------------\n",
    "Xem `58-CT/TW`.\n",
    "```\n58-CT/TW\n```\n",
    "[Chỉ thị 58-CT/TW](van-ban/58-ct-tw.md)\n",
    "[Chỉ thị 58-CT/TW][ref]\n",
    '!!! note "Chỉ thị 58-CT/TW"\n',
    '<div class="x">\nChỉ thị 58-CT/TW\n</div>\n',
    "Chương trình 16/CTr-LĐLĐ chưa có trang.\n",
])
def test_left_alone(md, registry):
    assert link_symbols(md, "index.md", registry, None) == md


def test_never_the_pages_own_symbol(registry):
    own = registry.get("58-CT/TW")
    assert link_symbols("Chỉ thị số 58-CT/TW.", "van-ban/58-ct-tw.md", registry, own) == "Chỉ thị số 58-CT/TW."


def test_markdown_inside_html_with_the_markdown_attribute_is_linked(registry):
    md = '<div class="grid" markdown>\nChỉ thị 58-CT/TW\n</div>\n'
    assert "[58-CT/TW](van-ban/58-ct-tw.md)" in link_symbols(md, "index.md", registry, None)
