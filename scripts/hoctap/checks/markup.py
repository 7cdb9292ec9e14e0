"""H001–H003: markup in a page that could run code, or that is outside the allow-list.

The page's markup (code masked: `Source.markup`) is read by a real HTML tokenizer, the standard
library's, which gives each tag with its attributes and position; the allow-list is the one the
plugin's sanitiser enforces on the rendered page (hoctap.text.safe_html), so what passes here passes
there unchanged. Markdown's own ways to make a link (`[text](url)`, `[name]: url`) or to set an
attribute (`{: key="value"}`, the `attr_list` extension) end up as HTML too, and are read as well.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterator

from markdown.extensions.attr_list import get_attrs_and_remainder

from ..text import ocr_marks
from ..text.findings import Finding
from ..text.safe_html import ATTRIBUTES, FORBIDDEN, MARKDOWN_ONLY, STYLE_PROPERTIES, TAGS, URL_ATTRIBUTES, URL_SCHEMES, allowed_attribute, url_scheme
from .source import MASK, Source

# `(?<!\\)`: a bracket or brace escaped with a backslash is text (an imported document quoting `](`), not markup
_MD_URL = re.compile(r"(?<!\\)\]\([ \t]*<?(?P<url>[^)\s>]*)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<ref>[^\s>]+)", re.M)
_ATTR_LIST = re.compile(r"(?<!\\)\{:?[ \t]*(?P<attrs>[^}\n \t][^}\n]*?)[ \t]*\}")
_EVERY_ATTRIBUTE = frozenset().union(*ATTRIBUTES.values())
_SCHEMES = ", ".join(sorted(URL_SCHEMES))
_SCHEME_DANGER = {"javascript": "runs code", "vbscript": "runs code", "data": "can hold a page that runs code"}
_HINT = "see the tags and attributes a page may use: docs/huong-dan-bien-tap.md, “HTML trong trang”"


def unsafe(source: Source) -> Iterator[Finding]:
    """Every tag, attribute or URL of a page that the sanitiser would remove."""
    if not source.markdown or not ("<" in source.text or "](" in source.text or "]:" in source.text
                                   or "{" in source.text):
        return
    body = re.sub(r"[^\n]", MASK, source.text[:source.body_start]) + source.markup[source.body_start:]
    yield from _tags(source, body)
    yield from _markdown_urls(source, body)
    yield from _attribute_lists(source, body)


class _Tokens(HTMLParser):
    """Start tags (with attributes, position and raw text) and other markup declarations, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, list, str]] = []

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        self.found.append((line, col, tag, attrs, self.get_starttag_text() or ""))

    def handle_decl(self, decl):
        self.found.append((*self.getpos(), "!" + decl.split()[0].lower() if decl.strip() else "!", [], ""))

    def handle_pi(self, data):
        self.found.append((*self.getpos(), "?", [], ""))

    unknown_decl = handle_decl


def _tags(source: Source, body: str) -> Iterator[Finding]:
    tokens = _Tokens()
    tokens.feed(body)
    tokens.close()
    starts = source._line_starts
    for line, col, tag, attrs, raw in tokens.found:
        offset = starts[line - 1] + col
        if ":" in tag or "@" in tag:  # an autolink, `<https://…>` or `<name@host>`: Markdown makes it a link
            scheme = url_scheme(raw.strip("<>")) if ":" in tag else "mailto"
            if scheme not in URL_SCHEMES:
                yield _bad_url(source, offset + 1, scheme, "an automatic link")
            continue
        if tag not in TAGS:
            why = FORBIDDEN.get(tag, "is not among the tags a page may use")
            yield source.finding(offset, "H001", f"`<{tag.lstrip('!?')}>` {why}" if tag[0] not in "!?"
                                 else "markup declarations and processing instructions are not page content", _HINT)
            continue
        for name, value in attrs:
            at = offset + _attribute_offset(raw, name)
            if name.startswith("on"):
                yield source.finding(at, "H002", f"`{name}` on `<{tag}>` is an event handler: it runs code", _HINT)
            elif name in MARKDOWN_ONLY:
                continue
            elif not allowed_attribute(tag, name):
                yield source.finding(at, "H002", f"attribute `{name}` is not allowed on `<{tag}>`", _HINT)
            elif name in URL_ATTRIBUTES and url_scheme(value or "") not in (None, *URL_SCHEMES):
                yield _bad_url(source, at, url_scheme(value or ""), f"`{name}` of `<{tag}>`")
            elif name == "style" and not _only_alignment(value or ""):
                yield source.finding(at, "H002", f"`style` on `<{tag}>` may only set `text-align`", _HINT)


def _only_alignment(style: str) -> bool:
    """Markdown's table alignment (`text-align: left;`), the one style a page may carry."""
    return all(part.split(":")[0].strip().lower() in STYLE_PROPERTIES for part in style.split(";") if part.strip())


def _markdown_urls(source: Source, body: str) -> Iterator[Finding]:
    for m in _MD_URL.finditer(body):
        group = "url" if m["url"] is not None else "ref"
        scheme = url_scheme(m[group])
        if scheme is not None and scheme not in URL_SCHEMES:
            yield _bad_url(source, m.start(group), scheme, "a Markdown link")


def _attribute_lists(source: Source, body: str) -> Iterator[Finding]:
    """`{: onclick="…"}` after a paragraph or a link sets that attribute on it (`attr_list`)."""
    for m in _ATTR_LIST.finditer(body):
        pairs, rest = get_attrs_and_remainder(m["attrs"])
        for name, value in pairs:
            if name in (".", "id"):
                continue
            at = m.start("attrs") + max(m["attrs"].find(name), 0)
            if name.startswith("on"):
                yield source.finding(at, "H002", f"`{name}` in an attribute list is an event handler: it runs code", _HINT)
            elif value is not None and name not in _EVERY_ATTRIBUTE:
                yield source.finding(at, "H002", f"attribute `{name}` is not allowed (in an attribute list)", _HINT)
            elif value is not None and name in URL_ATTRIBUTES and url_scheme(value) not in (None, *URL_SCHEMES):
                yield _bad_url(source, at, url_scheme(value), "an attribute list")


def _bad_url(source: Source, offset: int, scheme: str | None, where: str) -> Finding:
    why = _SCHEME_DANGER.get(scheme or "", f"is not an allowed scheme ({_SCHEMES}, or a relative link)")
    return source.finding(offset, "H003", f"`{scheme}:` URL in {where} {why}", "link to a page of the site or to an http(s) address")


def _attribute_offset(raw: str, name: str) -> int:
    """Where attribute `name` starts in the raw tag `<tag … name=…>` (its start when not found)."""
    m = re.search(r"[\s/\"']" + re.escape(name) + r"(?=[\s=/>]|$)", raw, re.I)
    return m.start() + 1 if m else 0


def ocr_doubts(source: Source) -> Iterator[Finding]:
    """M011, a warning: words a scan's OCR doubted, still marked in the full text (hoctap.text.ocr_marks);
    the editor's to-do, at the first one. The page builds in previews and stays out of a publish until none is left."""
    if not source.markdown or not (left := ocr_marks.left(source.text, source.full_texts)):
        return
    yield source.finding(left[0], "M011",
                         f"{len(left)} word(s) read by OCR with low confidence are marked for checking "
                         f"(`{ocr_marks.OPEN}…{ocr_marks.CLOSE}`)",
                         "compare each with the original, correct it if need be and remove its mark; "
                         "the page stays out of a publish until then").as_warning()
