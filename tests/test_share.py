"""Link previews: the Open Graph and Twitter tags of every built page, read back as a crawler reads
them, and the preview images they name."""

from __future__ import annotations

import html
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import DOCS, ROOT, SITE_URL
from hoctap.registry.documents import Registry
from hoctap.sharing import card
from hoctap.render.titles import Values, title

REGISTRY = Registry.load(DOCS)
VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and (key.startswith(("og:", "twitter:"))):
            self.tags.setdefault(key, []).append(attrs.get("content") or "")


def preview_of(path: Path) -> dict[str, str]:
    parser = _Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    assert all(len(v) == 1 for v in parser.tags.values()), f"{path}: a tag twice: {parser.tags}"
    return {k: v[0] for k, v in parser.tags.items()}


def built_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def first_paragraph(path: Path) -> str:
    article = path.read_text(encoding="utf-8").split("</h1>", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", article)).split())


def test_every_page_has_a_full_preview(site_with_url):
    pages = built_pages(site_with_url)
    assert len(pages) > 20
    for path in pages:
        rel = path.relative_to(site_with_url).as_posix()
        tags = preview_of(path)
        english = rel.startswith("en/")
        assert tags["og:locale"] == ("en_US" if english else "vi_VN"), rel
        assert tags["og:url"] == SITE_URL + rel, rel
        assert tags["og:title"] and tags["og:description"], rel
        assert tags["twitter:card"] == "summary_large_image", rel
        assert tags["og:image"].startswith(SITE_URL), rel
        image = site_with_url / tags["og:image"].removeprefix(SITE_URL)
        assert png_size(image) == (1200, 630), f"{rel}: {image}"
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")


def test_document_previews_name_the_subject(site_with_url):
    for document in REGISTRY.documents:
        path = site_with_url / (document.page.stem + ".html")
        tags = preview_of(path)
        assert tags["og:title"] == title(document, Values("vi")), "the title the site gives it everywhere"
        if document.so_ky_hieu:
            assert tags["og:title"].startswith(document.so_ky_hieu + " — ")
        assert (document.ten_ngan or document.trich_yeu) in tags["og:title"]
        assert tags["og:type"] == "article"
        assert tags["og:image"] == f"{SITE_URL}assets/social/{document.page.stem}.png"
        # The description is the page's own first lines, word for word (the card is not prose)
        shown = tags["og:description"].removesuffix("…")
        assert shown in first_paragraph(path), document.ma


def test_share_title_example(site_with_url):
    tags = preview_of(site_with_url / "van-ban" / "03-ctr-ldld.html")
    assert tags["og:title"] == "03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể"


def test_without_a_site_url_the_address_tags_are_left_out(site):
    for path in built_pages(site):
        tags = preview_of(path)
        assert "og:url" not in tags and "og:image" not in tags, path
        assert tags["twitter:card"] == "summary"
        assert tags["og:title"] and tags["og:description"]
    assert not (site / "assets" / "social").exists(), "no images drawn for tags that are not there"


def test_the_build_says_once_that_it_has_no_site_url(site_messages):
    assert site_messages.count("no site_url") == 1, site_messages


@pytest.mark.parametrize("name", [card.REGULAR, card.BOLD])
def test_card_font_has_every_vietnamese_letter(name):
    from fontTools.ttLib import TTFont

    cmap = TTFont(card.font_path(name)).getBestCmap()
    letters = VIETNAMESE_LETTERS + TONED
    missing = [c for c in letters + letters.upper() if ord(c) not in cmap]
    assert not missing, f"{name} lacks {missing}"


def test_long_subject_is_drawn_whole(tmp_path):
    """No text is cut: a long subject gets a smaller size, and nothing reaches the margins."""
    from PIL import Image

    document = max(REGISTRY.documents, key=lambda d: len(d.trich_yeu or ""))
    out = card.draw(card.Card("Liên đoàn Lao động tỉnh Lai Châu", document.so_ky_hieu or "", document.trich_yeu,
                              "footer"), tmp_path / "x.png")
    image = Image.open(out).convert("L")
    assert image.size == (1200, 630)
    assert image.crop((60, 600, 1140, 630)).getextrema()[0] > 200, "text under the footer"
    assert image.crop((1150, 0, 1200, 630)).getextrema()[0] > 200, "text in the right margin"
