"""The HTML a page may hold: an allow-list of the tags and attributes study material needs.

One list, used twice: `hoctap.checks.html` reports anything else an editor writes in a page as a
finding at its line, and the plugin passes the HTML every page produces from Markdown through the
sanitiser below (nh3, the Python binding of the Rust crate Ammonia), so that nothing missed by the
check reaches a reader. Nothing here can run code: no `<script>`, no `on…` attribute, no
`javascript:` or `data:` URL, no `<iframe>`, `<object>`, `<embed>`, `<form>` or `<style>`.
The editors' guide (docs/huong-dan-bien-tap.md, "HTML trong trang") lists the same.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    # text
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "b", "i", "strong", "em", "u", "s", "del",
    "ins", "mark", "small", "sub", "sup", "q", "cite", "dfn", "kbd", "code", "pre", "blockquote", "span", "div",
    "section",
    # lists and tables
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr",
    "th", "td",
    # figures and folding
    "img", "figure", "figcaption", "details", "summary",
})
ATTRIBUTES = {
    "*": frozenset({"class", "id", "title", "lang"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed"}),
    "details": frozenset({"open"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
}
"""Attributes by tag (`*`: on every tag). `style` only on table cells, for Markdown's column alignment."""
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link or an image may use; a relative URL (another page, an image beside the page) always may."""
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
MARKDOWN_ONLY = frozenset({"markdown"})
"""Attributes of the Markdown source that Markdown itself removes (`md_in_html`)."""

FORBIDDEN = {
    "script": "runs code", "style": "restyles the whole site", "iframe": "embeds another page",
    "frame": "embeds another page", "object": "embeds a plug-in or another page", "embed": "embeds a plug-in",
    "form": "sends what a reader types elsewhere", "input": "is part of a form", "button": "is part of a form",
    "link": "loads a file", "meta": "changes how the page loads", "base": "changes where every link goes",
    "svg": "can hold scripts", "math": "can hold scripts", "template": "hides markup",
}
"""Why a tag that study material never needs is refused, for the finding."""

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these before reading a scheme

_CLEANER = nh3.Cleaner(
    tags=set(TAGS), attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES),
    link_rel=None,  # no `rel` added: every page is ours, links to other sites are rare and reviewed
    strip_comments=False,  # the plugin's placeholders are comments (render/stash.py)
)


def sanitise(html: str) -> str:
    """`html` with every tag, attribute and URL outside the allow-list removed."""
    return _CLEANER.clean(html)


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads in `url` (`javascript` in ` java\\tscript:…`), or None for a relative URL."""
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", url))
    return match.group(1).lower() if match else None


def allowed_attribute(tag: str, name: str) -> bool:
    return name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, ())
