"""Auto-linking: every registered symbol in a page's prose links to its document page.

Editors never write those links by hand. Left alone: headings, code, existing links,
raw HTML, admonition titles, abbreviation definitions and the page's own symbol.
"""

from __future__ import annotations

import re

from ..checks.source import MASK, blank, mask_markdown
from ..content.page import Document
from ..registry.documents import Registry
from ..text.symbols import find_mentions
from .blocks import relative_link

# Only at a line's start or a `!`/`[`, where every branch starts: `re` tries the others at every character
_NOT_HERE = re.compile(
    r"(?:^|(?=[!\[]))(?:"
    r"^[ \t]{0,3}#{1,6}(?:[ \t].*)?$"          # ATX headings
    r"|^.+\n[ \t]{0,3}(?:=+|-+)[ \t]*$"        # setext headings (title and underline)
    rf"|!?\[[^\]\n]*\]{MASK}+"                   # links and images (destination already masked)
    r"|!?\[[^\]\n]*\]\[[^\]\n]*\]"             # reference links
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$"         # admonition and details titles
    r"|^\*\[[^\]\n]+\]:.*$)",                  # abbreviation definitions
    re.M,
)
_HTML_BLOCK = re.compile(  # Markdown is not read in a raw HTML block (one without `markdown`)
    r"^<(?P<tag>div|table|p|section|details|figure|aside|ul|ol|dl|blockquote|pre)\b(?![^>]*\bmarkdown)"
    r"[^>]*>.*?</(?P=tag)>",
    re.M | re.S,
)



def link_symbols(markdown: str, page_src: str, registry: Registry, own: Document | None) -> str:
    """`markdown` with each mention of a known symbol, other than the page's own, made a link.

    A page whose text names no other registered document is left as it is before its code, links and
    headings are masked (most of this stage's time): masking only hides symbols, never makes one, but
    for a symbol glued to a URL or code after it, which is no prose to link."""
    if not any(registry.by_symbol.get(m.symbol.canonical) not in (None, own) for m in find_mentions(markdown)):
        return markdown
    masked = _NOT_HERE.sub(blank, mask_markdown(markdown))
    for block in _HTML_BLOCK.finditer(markdown):
        masked = masked[:block.start()] + blank(block) + masked[block.end():]
    out, last = [], 0
    for mention in find_mentions(masked):
        document = registry.by_symbol.get(mention.symbol.canonical)
        if document is None or document is own:
            continue
        link = relative_link(page_src, document.page.path.as_posix())
        out += [markdown[last:mention.start], f"[{mention.raw}]({link})"]
        last = mention.end
    return "".join(out) + markdown[last:] if out else markdown
