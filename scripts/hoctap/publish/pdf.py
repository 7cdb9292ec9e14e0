"""The combined PDF "Tài liệu học tập", made from the built site by WeasyPrint.

The PDF is a view of the site, not a second copy of the content: it takes the
article of every document page as the build rendered it (card, summary, the
"awaiting the official text" section), in the catalogue's reading order, and
adds a cover, a table of contents, the quick read, the conference, the map and timeline, the
speaker sheets, the quiz (answers after the questions: `printable`) and the glossary. Every link
to a page inside it prints that page's number; what only works on a screen (`ht-no-pdf`, buttons,
forms) is left out. With the site's address, each document has the QR code of its page.

Why WeasyPrint and not Chromium's `page.pdf()`, measured on this very HTML and stylesheet (21
A4 pages, best of 3): WeasyPrint 1.9 s / 90 KB, Chromium 156 1.1 s / 148 KB. Both shape Vietnamese
through HarfBuzz, embed subset DejaVu and extract as identical NFC text; but Chromium leaves the
table of contents without page numbers (no `leader()`/`target-counter()`) and the pages without a
running header (no `string()`), which WeasyPrint lays out in the same pass that places the pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from markupsafe import Markup

from ..content.page import Document
from ..text.dates import format_date
from ..text import html_tags
from ..text.findings import Finding
from ..registry.documents import Registry
from ..render import partials
from ..sharing import qr
from ..sharing.links import absolute, page_url
from . import printable

TITLE = "Tài liệu học tập"
STYLESHEET = Path(__file__).with_name("pdf.css")

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")


class PdfError(Exception):
    """The PDF cannot be made; carries the findings to report."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(f.format() for f in findings))
        self.findings = findings


@dataclass
class Section:
    """One page of the site inside the PDF: its anchor, its line in the table of contents, its HTML."""

    key: str
    symbol: str
    title: str
    body: str
    url: str = ""
    document: bool = False  # a document's page: its QR code beside its title


KIT_BEFORE = ("doc-nhanh.html", "hoi-nghi.html", "ban-do.html")
"""Before the documents: what to read first, the conference, the map and timeline."""
KIT_AFTER = ("bao-cao-vien.html", "on-tap.html", "thuat-ngu.html")
"""After them: the speaker sheets, the quiz with its answers, the glossary."""
ALIASES = {"van-ban/index.html": "toc"}
"""Pages whose place on paper is another part: the catalogue is the table of contents."""
QR_CAPTION = "Mở trang này trên điện thoại"


def section_key(url: str) -> str:
    return "p-" + re.sub(r"[^a-z0-9]+", "-", url.removesuffix(".html").lower()).strip("-")


def article_of(site_dir: Path, url: str) -> str:
    """The rendered article of a built page; the PdfError names the page when it is not built."""
    path = site_dir / url
    if not path.is_file():
        raise PdfError([Finding(path.as_posix(), 1, 1, "P001", "page is not built",
                                "run `hoctap build` first, or pass the site folder with -d")])
    page = path.read_text(encoding="utf-8")
    article = next((e for e in html_tags.parse(page).elements if e.tag.name == "article"
                    and e.tag.classes == ["md-content__inner", "md-typeset"]), None)
    if article is None:
        raise PdfError([Finding(path.as_posix(), 1, 1, "P002", "no Material article in the page",
                                "build the site with the project's mkdocs.yml")])
    return page[article.tag.end:article.inner_end].strip()


def rebase(body: str, url: str, key: str, included: dict[str, str]) -> str:
    """Make a page's HTML fit in one document: unique ids, links to included pages become PDF links.

    Links to pages left out of the PDF keep their text only; links to other sites keep their address,
    which the stylesheet prints after the text.
    """
    dropped = [e for e in html_tags.parse(body).elements if _screen_only(e.tag)]
    body = html_tags.splice(body, [(e.tag.start, e.close, "") for e in _outermost(dropped)])
    parsed = html_tags.parse(body)
    links = {e.tag.start: e for e in parsed.elements if e.tag.name == "a" and "href" in e.tag.attrs}
    edits = []
    for tag in parsed.tags:
        text = tag.text
        if "id" in tag.attrs:
            text = text.replace(f'id="{tag.attrs["id"]}"', f'id="{key}--{tag.attrs["id"]}"', 1)
        element = links.get(tag.start)
        if element is not None:
            href = text.split(' href="', 1)[1].split('"', 1)[0] if ' href="' in text else None
            anchor = _anchor(href, url, included) if href is not None else ""
            if anchor is None:  # the link's text only: its end tag goes too
                text = ""
                edits.append((element.inner_end, element.close, ""))
            elif anchor:
                text = text.replace(f'href="{href}"', f'href="#{anchor}"', 1)[:-1] + ' class="ht-internal">'
        if text != tag.text:
            edits.append((tag.start, tag.end, text))
    return html_tags.splice(body, edits)


def _anchor(href: str, url: str, included: dict[str, str]) -> str | None:
    """Where a link of page `url` leads in the PDF: an anchor; "" where it stays as it is (another site);
    None where only its text stays (a page left out of the PDF, or an address no paper can follow)."""
    if _SCHEME.match(href):
        return "" if href.startswith(("http:", "https:", "mailto:")) else None
    path, _, fragment = html.unescape(href).partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path)) if path else url
    if target in ALIASES:
        return ALIASES[target]
    if target not in included:
        return None
    return included[target] + (f"--{fragment}" if fragment else "")


def _screen_only(tag: html_tags.StartTag) -> bool:
    """What paper cannot use: the headings' ¶ links, buttons, forms, menus, and what is marked `ht-no-pdf`."""
    return ((tag.name == "a" and "headerlink" in tag.classes) or tag.name in ("button", "form", "nav")
            or (tag.name in ("div", "aside", "p") and "ht-no-pdf" in tag.classes))


def _outermost(elements: list[html_tags.Element]) -> list[html_tags.Element]:
    """Of nested elements (in page order), the outer one only."""
    kept, end = [], -1
    for element in elements:
        if element.tag.start >= end:
            kept.append(element)
            end = element.close
    return kept


def sections(registry: Registry, site_dir: Path, before: tuple[str, ...] = KIT_BEFORE,
             after: tuple[str, ...] = KIT_AFTER) -> list[Section]:
    """The kit's first pages, every public document page in catalogue order, then the rest of the kit."""
    documents = [d for d in registry.catalogue() if not d.noi_bo]
    extra = lambda urls: [u for u in urls if (site_dir / u).is_file()]
    urls = extra(before) + [page_url(d) for d in documents] + extra(after)
    included = {url: section_key(url) for url in urls}
    result = []
    for url in urls:
        body = printable.diagrams(printable.quiz(article_of(site_dir, url)))
        body = rebase(body, url, included[url], included)
        document = next((d for d in documents if page_url(d) == url), None)
        heading = next((e for e in html_tags.parse(body).elements if e.tag.name == "h1"), None)
        title = _text(body[heading.tag.end:heading.inner_end]) if heading else url
        if document is not None:
            result.append(Section(included[url], *_contents_entry(document, title), body, url, document=True))
        else:
            result.append(Section(included[url], "", title, body, url))
    return result


def _contents_entry(document: Document, title: str) -> tuple[str, str]:
    """(symbol, title) of a document in the contents: its kind stands in for a missing symbol, unless
    its trích yếu already begins with it ("Nghị quyết Đại hội…", never "Nghị quyết Nghị quyết Đại hội…")."""
    said = document.trich_yeu or title
    if document.so_ky_hieu:
        return document.so_ky_hieu, said
    kind = document.loai or ""
    return ("", said) if not kind or said.casefold().startswith(kind.casefold()) else (kind, said)


def plan_of(registry: Registry) -> Document | None:
    """The plan that lists what to study: the document whose page carries `noi_dung_hoc_tap`."""
    return next((d for d in registry.documents if d.noi_dung_hoc_tap), None)


def combined_html(registry: Registry, site_dir: Path, author: str, theme_dir: Path = partials.THEME_DIR) -> str:
    """The whole PDF as one HTML document (`overrides/partials/tai-lieu-hoc-tap.html`): cover, table of contents, sections."""
    parts = sections(registry, site_dir)
    site_url = printable.site_url_of(site_dir)
    plan = plan_of(registry)
    cover = None if plan is None else SimpleNamespace(
        ngay_ban_hanh=format_date(plan.ngay_ban_hanh), co_quan_ban_hanh=plan.co_quan_ban_hanh or "",
        trich_yeu=plan.trich_yeu or "")
    return partials.render(
        "tai-lieu-hoc-tap.html", theme_dir, title=TITLE, author=author, plan=cover,
        drafts=sum(1 for d in registry.documents if d.is_draft and not d.noi_bo),
        sections=[SimpleNamespace(key=s.key, symbol=s.symbol, title=s.title, body=Markup(_with_qr(s, site_url)))
                  for s in parts])


def write_pdf(registry: Registry, site_dir: Path, out: Path, author: str, theme_dir: Path = partials.THEME_DIR) -> Path:
    """Lay out the combined HTML and write the PDF; fonts are subset and embedded by WeasyPrint."""
    import weasyprint  # imported here: the site builds and serves without it

    document = weasyprint.HTML(string=combined_html(registry, site_dir, author, theme_dir), base_url=str(site_dir))
    out.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(out, stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))])
    return out


def _with_qr(section: Section, site_url: str | None) -> str:
    """A document's section with the QR code of its page beside its title (with the site's address)."""
    url = absolute(site_url, section.url) if section.document else None
    if not url:
        return section.body
    head, found, rest = section.body.partition("</h1>")
    return head + found + qr.figure(url, QR_CAPTION) + rest if found else section.body


def _text(fragment: str) -> str:
    return " ".join(html_tags.text_of(fragment).split())
