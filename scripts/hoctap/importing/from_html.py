"""HTML (a page saved from a portal, a Word "Save as web page"): the document's own block (never the
portal's menus, breadcrumb, page title or side panel), its blocks in order as rows; a table row's
cells as cells, each cell's lines stacked as in a Word table."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from . import from_text, legacy, limits
from .model import Cell, Extracted, ImportFailure, Row
from .rules import AUTHORITY, is_motto

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "center", "address"}


def extract(path: Path) -> Extracted:
    import lxml.html

    raw = path.read_bytes()
    text = from_text.decode_bytes(raw, path.name, declared_charset(raw, path.name))
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that still declares its bytes' encoding
    parser = lxml.html.HTMLParser(huge_tree=True)  # past 255 levels libxml2 otherwise drops the rest, silently
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as error:  # lxml raises ParserError, ValueError… on a page it cannot read
        raise ImportFailure(f"{path.name}: not a readable HTML page ({error.__class__.__name__})") from None
    _check_depth(root, parser, path.name)
    for junk in root.xpath("//script|//style|//head|//nav|//header|//footer|//aside|//form|//noscript|//iframe"
                           "|//template|//*[@hidden]"):
        junk.drop_tree()
    for hidden in [e for e in root.iter() if isinstance(e.tag, str) and _HIDDEN.search(e.get("style") or "")]:
        hidden.drop_tree()
    rows: list[Row] = []
    _walk(_document_block(root), rows)
    ma_goc = legacy.detect("\n".join(r.text for r in rows))
    decode = legacy.DECODERS.get(ma_goc, str)
    rows = [Row([Cell(_final(decode(c.text)), c.x0, c.x1, c.bold) for c in r.cells], table=r.table) for r in rows]
    return Extracted(rows, ma_goc, positioned=False, wrapped=False)


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
"""Inline styles that hide an element (Word writes `display:none;mso-hide:all`): not text a reader sees."""


def declared_charset(raw: bytes, name: str) -> str | None:
    """The encoding the page declares in its first 4 KB, as Python's codec name; ImportFailure for one Python lacks."""
    found = _DECLARED.search(raw[:4096])
    if not found:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii")
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        raise ImportFailure(f"{name}: declares the encoding `{label}`, which is not known; "
                            "open it in a browser or Word and save it again as UTF-8") from None


def _check_depth(root, parser, name: str) -> None:
    """Read whole, or refuse: a page nested past `MAX_DEPTH` (or past what libxml2 reads) is not imported half."""
    import lxml.etree

    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest > limits.MAX_DEPTH or any("depth" in entry.message.lower() for entry in parser.error_log):
        raise ImportFailure(f"{name}: elements nested more than {limits.MAX_DEPTH} deep, which no saved document "
                            "needs; open it in a browser or Word and save it again")


def _document_block(root):
    """The element that holds the document and nothing else of the page: the innermost one holding
    both its motto (top right of the header) and its `Nơi nhận` or last signing authority. A legal
    portal's menus, breadcrumb, page title and side panel (`Người ký: …`) lie outside it."""
    body = root.body if root.find("body") is not None else root
    texts = [t for t in body.xpath("//text()") if t.strip()]
    motto = next((t for t in texts if is_motto(" ".join(t.split()))), None)
    if motto is None:
        return body
    after = texts[texts.index(motto):]
    end = next((t for t in reversed(after) if " ".join(t.split()).startswith("Nơi nhận")), None) \
        or next((t for t in reversed(after) if AUTHORITY.match(" ".join(t.split()))), None)
    if end is None:
        return body
    around = set(motto.getparent().iterancestors()) | {motto.getparent()}
    for element in [end.getparent(), *end.getparent().iterancestors()]:
        if element in around:
            return element
    return body


def _walk(element, rows: list[Row]) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "table":
            number = len(rows)
            for k, tr in enumerate(child.iter("tr")):
                _table_row(tr, rows, (number, k))
        elif child.tag in _BLOCKS and not any(isinstance(g.tag, str) and (g.tag in _BLOCKS or g.tag == "table") for g in child):
            for line in _lines(child):
                rows.append(Row([Cell(line, 0.0, 1.0, _bold(child))]))
        else:
            _walk(child, rows)


def _lines(element) -> list[str]:
    """An element's text, cut at its <br>s."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [_clean(line) for line in element.text_content().split("\n") if _clean(line)]


def _bold(element) -> bool:
    if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or "bold" in (element.get("style") or ""):
        return True
    strong = "".join(e.text_content() for e in element.iter("b", "strong"))
    return bool(strong.strip()) and _clean(strong) == _clean(element.text_content())


def _table_row(tr, rows: list[Row], where: tuple[int, int]) -> None:
    cells = [td for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
    columns = []
    for td in cells:
        blocks = [b for b in td.iter() if isinstance(b.tag, str) and b.tag in _BLOCKS] or [td]
        columns.append([(line, _bold(b)) for b in blocks for line in _lines(b)])
    for line in range(max((len(c) for c in columns), default=0)):
        row = [Cell(column[line][0], i / len(columns), (i + 1) / len(columns), column[line][1])
               for i, column in enumerate(columns) if line < len(column)]
        if row:
            rows.append(Row(row, table=(*where, len(columns))))


def _clean(text: str) -> str:
    """Spaces only: NFC, `Đ` and soft hyphens wait until the encoding is known (in TCVN3, 0xAD is `ư`)."""
    return " ".join(text.replace("\u00a0", " ").split())


def _final(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ").replace("\u00ad", "")
    return " ".join(text.split())
