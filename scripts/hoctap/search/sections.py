"""A page's search sections, split at its headings in one pass over the rendered HTML.

Material's search plugin does this with an HTML parser that visits every tag of every page
(a large share of a big build: benchmarks/README.md) to keep markup our index then strips. We index text and
titles only, so a regular expression does: the same sections Material makes — one per heading
with an `id`, the first `h1` standing for the page itself; permalinks, scripts and styles left
out — and Material's index is left empty (`render/search_records.py`). Material's `data-search-exclude` on an
element is not followed (no page here uses it); `search: {exclude: true}` in a page's front
matter is (the plugin skips that page).
"""

from __future__ import annotations

import html
import re

_LEFT_OUT = re.compile(r'<(script|style|object)\b.*?</\1\s*>|<a class="headerlink"[^>]*>.*?</a>', re.S)
_HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1\s*>', re.S)
# Tags between words (`<p>`, `<td>`, SVG `<text>`) become a space; others (`<abbr>`, `<a>`, `<strong>`) vanish,
# so `18-<abbr>CTr</abbr>/TU` stays one symbol. Entities stay escaped: the index unescapes them once.
_BETWEEN_WORDS = re.compile(r"<br\b[^>]*>|</?(?:p|li|ul|ol|div|table|thead|tbody|tr|td|th|dl|dt|dd|pre|blockquote"
                            r"|figure|figcaption|aside|details|summary|section|svg|g|text|title|desc|h[1-6])\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")


def _text(markup: str) -> str:
    return _TAG.sub("", _BETWEEN_WORDS.sub(" ", markup))


def sections(page_html: str, url: str, title: str) -> list[dict]:
    """`{location, title, text}` for each section of a page, `title` naming the part before the first heading."""
    page_html = _LEFT_OUT.sub(" ", page_html)
    found: list[dict] = []
    start, heading, location = 0, html.escape(title, quote=False), url
    for number, match in enumerate(_HEADING.finditer(page_html)):
        text = page_html[start:match.start()]
        level, anchor, name = match.groups()
        # The page's own section (the worker groups results under it): its opening h1, else what
        # comes before the first heading, under the page's title, even if that is nothing
        if number or level != "1" or text.strip():
            found.append({"location": location, "title": _text(heading), "text": _text(text)})
            location = f"{url}#{anchor}"
        heading, start = name, match.end()
    found.append({"location": location, "title": _text(heading), "text": _text(page_html[start:])})
    return found
