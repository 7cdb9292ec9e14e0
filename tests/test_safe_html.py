"""The HTML allow-list: the check (H001–H003) and the sanitiser agree, the project's pages lose
nothing to it, and the sanitiser holds when the check is switched off."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
import tinyhtml5

from hoctap.text import safe_html
from hoctap.checks.markup import unsafe
from hoctap.checks.source import Source


# Written as the sanitiser writes them, so that "kept" is byte for byte
ALLOWED = [
    '<p class="ht-x" id="a" title="t" lang="en">Học <strong>tập</strong>, <abbr title="Liên đoàn Lao động">LĐLĐ</abbr></p>',
    '<a href="../van-ban/15-ctr-tu.html#y" hreflang="vi">Chương trình</a> <a href="https://example.org/">x</a>',
    '<a href="mailto:a@b.vn">thư</a> <a href="tel:+84123">gọi</a>',
    '<img src="anh/so-do.png" alt="Sơ đồ" width="300" height="200" loading="lazy">',
    '<figure><img src="a.png" alt="a"><figcaption>Hình 1</figcaption></figure>',
    '<details open=""><summary>Xem thêm</summary><p>Nội dung</p></details>',
    '<table><caption>Bảng</caption><thead><tr><th scope="col" style="text-align:left">A</th></tr></thead>'
    '<tbody><tr><td colspan="2" style="text-align:right">1</td></tr></tbody></table>',
    '<div class="grid cards"><section><ol start="3"><li>ba</li></ol><blockquote cite="https://x.vn/">“…”</blockquote></section></div>',
]
REFUSED = [
    ("<script>alert(1)</script>", "H001"),
    ('<img src="x" onerror="alert(7)">', "H002"),
    ('<a href="javascript:alert(1)">x</a>', "H003"),
    ('<a href=" JaVa\tScRiPt:alert(1)">x</a>', "H003"),
    ('<img src="data:image/svg+xml,%3Csvg%20onload=alert(1)%3E" alt="">', "H003"),
    ('<form action="http://elsewhere/"><input name="a"></form>', "H001"),
    ('<iframe src="https://example.org/"></iframe>', "H001"),
    ("<object data=\"x.swf\"></object>", "H001"),
    ('<embed src="x.swf">', "H001"),
    ("<style>body{display:none}</style>", "H001"),
    ('<svg><script>alert(1)</script></svg>', "H001"),
    ('<p style="position:fixed">x</p>', "H002"),
    ('<td style="background:url(http://x/)">x</td>', "H002"),
    ('<a href="x.html" target="_blank">x</a>', "H002"),
    ('<a href="vbscript:x">x</a>', "H003"),
]


def codes(fragment: str) -> list[str]:
    return [f.code for f in unsafe(Source.from_text(f"# A\n\n{fragment}\n", "x.md"))]


@pytest.mark.parametrize("fragment", ALLOWED)
def test_what_the_check_allows_the_sanitiser_keeps(fragment):
    assert codes(fragment) == []
    assert safe_html.sanitise(fragment) == fragment


@pytest.mark.parametrize("fragment, code", REFUSED)
def test_what_the_check_refuses_the_sanitiser_removes(fragment, code):
    assert code in codes(fragment)
    cleaned = safe_html.sanitise(fragment)
    assert cleaned != fragment
    assert not re.search(r"<(script|form|input|iframe|object|embed|style|svg)\b|\son\w+=|javascript:|vbscript:|data:",
                         cleaned, re.I)


@pytest.mark.parametrize("markdown, code", [
    ("[Mở](javascript:alert(1))", "H003"),
    ("![Ảnh](data:image/png;base64,AAAA)", "H003"),
    ("[tham khảo]: javascript:alert(1)", "H003"),
    ("Đoạn văn.\n{: onclick=\"alert(1)\" }", "H002"),
    ("[x](a.md){: onmouseover=alert(1) }", "H002"),
])
def test_markdown_that_makes_unsafe_html_is_refused_too(markdown, code):
    assert codes(markdown) == [code]


@pytest.mark.parametrize("markdown", [
    "`<script>` trong mã", "```html\n<iframe src=x></iframe>\n```", "<!-- ghi chú <script> -->",
    "a < b và c > d", "<https://example.org/> và <thu@ldld.vn>", "## Tiêu đề {#id .lop}", "[x](../a.md#b)",
])
def test_code_comments_and_plain_markdown_are_not_findings(markdown):
    assert codes(markdown) == []


def test_the_finding_is_where_the_editor_wrote_it():
    text = "---\ntitle: A\n---\n\n# A\n\nChữ <b>đậm</b> rồi <img src=x\n  onerror=alert(1)> [x](javascript:y)\n"
    found = [(f.line, f.col, f.code) for f in sorted(unsafe(Source.from_text(text, "x.md")))]
    assert found == [(8, 3, "H002"), (8, 25, "H003")]


def _dom(fragment: str) -> bytes:
    return ElementTree.tostring(tinyhtml5.parse(f"<!doctype html><body>{fragment}"))


def test_the_projects_pages_lose_nothing_to_the_sanitiser(project_copy, monkeypatch):
    """Every page of the project, as its Markdown rendered it: the sanitiser gives back the same DOM
    (it writes `&para;` as `¶` and `<br />` as `<br>`, nothing else). A copy, with nothing kept from
    an earlier build (render.kept), so that every page goes through the sanitiser."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    seen: list[tuple[str, str]] = []
    sanitise = safe_html.sanitise
    monkeypatch.setattr(safe_html, "sanitise", lambda html: seen.append((html, sanitise(html))) or seen[-1][1])
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(project_copy / "mkdocs.yml"), site_dir=str(project_copy / "site")))
    assert len(seen) > 25
    for before, after in seen:
        assert _dom(after) == _dom(before)
    changed = [(b, a) for b, a in seen if a != b]
    assert all(a == b.replace("&para;", "¶").replace("<br />", "<br>") for b, a in changed)


def test_the_sanitiser_holds_when_the_checks_are_off(project_copy, build):
    """Defence in depth: with the checks switched off, nothing planted reaches the built page, and
    the plugin's own blocks (the quiz's form, the map's SVG) are still there."""
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^  - hoctap:?\n", "  - hoctap:\n      checks: false\n", text, count=1, flags=re.M),
                      encoding="utf-8")
    assert "checks: false" in config.read_text(encoding="utf-8")
    page = project_copy / "docs" / "doc-nhanh.md"
    page.write_text(page.read_text(encoding="utf-8") + PLANTED, encoding="utf-8")
    result = build(project_copy, project_copy / "site", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project_copy / "site" / "doc-nhanh.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert "Đoạn cắm thử" in article  # the page was built with the planted text
    for needle in ("alert(", "onerror", "onclick", "javascript:", "data:text", "elsewhere", "body{display"):
        assert needle not in html, needle
    assert not re.search(r"<(script|form|input|iframe|style)\b", article)
    assert '<form class="ht-quiz__q"' in (project_copy / "site" / "on-tap.html").read_text(encoding="utf-8")
    assert '<svg class="ht-svg"' in (project_copy / "site" / "ban-do.html").read_text(encoding="utf-8")


PLANTED = """

Đoạn cắm thử. <script>alert(1)</script> <img src="x" onerror="alert(7)">
[mở](javascript:alert(2)) <a href="data:text/html,alert(3)">x</a>
<form action="http://elsewhere/"><input name="a"></form>
<iframe src="https://example.org/"></iframe>

<style>body{display:none}</style>

Đoạn khác.
{: onclick="alert(4)" }
"""
