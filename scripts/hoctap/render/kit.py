"""The speaker's and learner's kit inside the build: quiz (Ôn tập), map and timeline, speaker sheets,
and the link to the combined PDF. The plugin calls in here from two events; everything it writes
comes from the registry, the data files in `docs/includes/` (read and checked by hoctap.checks.data)
and the sources they cite.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..content.page import Document
from ..registry.focus import Focus
from ..registry.key_points import KeyPoints
from ..text.pages import PAGE_KINDS, PDF_NAME
from ..registry.quiz import Quiz
from ..registry.documents import Registry
from ..sharing import agenda as agendas, qr, slides
from ..sharing.links import absolute, page_url
from ..registry.timeline import Event
from . import conference, diagram, key_point_block as key_points, on_tap, partials, speaker
from .blocks import relative_link
from .labels import format_date, labels
from .stash import Stash
from .titles import Values

SPEAKER_PAGE = "bao-cao-vien.md"
CATALOGUE_PAGE = "van-ban/index.md"


@dataclass
class Kit:
    """One build's kit: made by the plugin for each language build from the data the checks stage
    read and checked (hoctap.checks.data) and the registry the publication gate lets through."""

    registry: Registry
    docs_dir: Path
    quiz: Quiz
    focus: Focus
    # Documents drawn on the map and timeline at most (the plugin's `documents_listed_max`)
    listed_max: int
    events: list[Event] = field(default_factory=list)
    # Page names (`van-ban/15-ctr-tu`) the publication gate leaves out of this build
    left_out: frozenset[str] = frozenset()
    source_dir: Path | None = None
    agenda: agendas.Agenda = field(default_factory=agendas.Agenda)
    # The site's address (`site_url`), for QR codes; None: none is printed
    site_url: str | None = None
    # The raw HTML of the page being rendered, put back after the page is sanitised
    raw: Stash = field(default_factory=Stash)
    # The theme's `custom_dir`, whose partials draw the quiz, the map and timeline, the sheets
    theme_dir: Path = partials.THEME_DIR
    # The editors' kept key points (hoctap.registry.key_points), those that passed the check
    points: KeyPoints = field(default_factory=KeyPoints)

    def markdown(self, page, generated: str | None, document: Document | None, lang: str) -> str:
        """What the kit adds to a page's Markdown: its generated block, or a programme's link to its sheet."""
        src = page.file.src_uri
        t = labels(lang) | labels(lang, "kit")
        if generated == PAGE_KINDS.on_tap:
            return "\n\n" + self.raw.put(on_tap.page(self.quiz, src, self.docs_dir, lang, self.left_out, self.theme_dir).strip()) + "\n"
        if generated == PAGE_KINDS.ban_do:
            documents = [d for d in self.registry.catalogue() if not d.noi_bo]
            drawn = documents[:self.listed_max]
            more = "" if len(drawn) == len(documents) else "\n\n" + t["drawn_first"].format(
                shown=len(drawn), more=len(documents) - len(drawn), link=relative_link(src, CATALOGUE_PAGE))
            # What a screen does (tap) is left out on paper (`ht-no-pdf`); the legend stays
            return (f"{more}\n\n## {t['map_heading']} {{#ban-do}}\n\n{t['map_tap']}\n{{: .ht-no-pdf }}\n\n{t['map_note']}\n\n"
                    + self.raw.put(f'<figure class="ht-diagram">{diagram.document_map(self.registry, drawn, src, t, self.theme_dir)}</figure>')
                    + f"\n\n## {t['timeline_heading']} {{#dong-thoi-gian}}\n\n{t['timeline_note']}\n\n"
                    + self.raw.put(f'<figure class="ht-diagram">{diagram.timeline(drawn, self.events, src, t, lang, self.theme_dir)}</figure>')
                    + "\n")
        if generated == PAGE_KINDS.hoi_nghi:
            ics_href = posixpath.relpath(conference.ICS_NAME, posixpath.dirname(page.file.url) or ".")
            return conference.block(self.agenda, lang, ics_href, self.raw.put)
        if generated == PAGE_KINDS.diem_chinh:
            return key_points.block(self.registry, self.points, src, self.left_out, Values(lang), members=True)
        if generated == PAGE_KINDS.bao_cao_vien:
            plan = [d for d in self.registry.documents if d.noi_dung_hoc_tap]
            own = lambda d: key_points.quotes(d, self.points.of(d), src, Values(lang)) \
                if d in key_points.shown(self.registry, self.points, self.left_out) else ""
            return (self.pdf_link(page.file.url, t)
                    + key_points.block(self.registry, self.points, src, self.left_out, Values(lang), plan)
                    + speaker.sheets(self.registry, self.focus, src, lang, self.source_dir, self.raw.put,
                                     lambda d: self.beside_sheet(d, page.file.url, t), own, self.theme_dir))
        if document is not None:
            return speaker.link_to_sheet(document, self.registry, src, SPEAKER_PAGE) + self.deck_link(document, page.file.url, t)
        return ""

    def beside_sheet(self, document: Document, from_url: str, t: dict) -> str:
        """On a printed sheet, the QR code of the programme's page; on screen, its slide deck."""
        url = absolute(self.site_url, page_url(document))
        code = qr.figure(url, t["qr_caption"]) if url else ""
        return code + self.deck_link(document, from_url, t, markdown=False)

    def deck_link(self, document: Document, from_url: str, t: dict, markdown: bool = True) -> str:
        """The download of a study programme's slide deck (made after the build: `decks`); raw HTML, as `pdf_link`."""
        if document.ma not in self.registry.study_order or document.noi_bo:
            return ""
        href = posixpath.relpath(slides.deck_path(document), posixpath.dirname(from_url) or ".")
        link = (f'<p class="ht-deck ht-no-pdf"><a class="md-button" href="{html.escape(href)}" download '
                f'type="application/vnd.openxmlformats-officedocument.presentationml.presentation">'
                f'{html.escape(t["deck"])}</a></p>')
        return f"\n\n{self.raw.put(link)}\n" if markdown else link

    def calendar(self, site_dir: Path, stamp) -> Path | None:
        """Write the conference's calendar file once its date is set (the page links to it then)."""
        page = next((p for p in self.registry.pages if p.meta.get("hoctap") == PAGE_KINDS.hoi_nghi and p.lang == "vi"), None)
        title = str(page.meta.get("title") or "Hội nghị quán triệt") if page else "Hội nghị quán triệt"
        url = absolute(self.site_url, page.stem + ".html") if page else None
        host = self.site_url.split("://", 1)[1].split("/", 1)[0] if self.site_url else "hoctap"
        text = agendas.ics(self.agenda, title=title, url=url, stamp=stamp, host=host)
        if text is None:
            return None
        out = Path(site_dir) / conference.ICS_NAME
        out.write_bytes(text.encode("utf-8"))
        return out

    def decks(self, site_dir: Path, kept: Path) -> list[Path]:
        """Write every study programme's slide deck into the built site, those laid out before from
        the same content copied from the folder `kept` (hoctap.sharing.slides.write_kept)."""
        plan = next((d for d in self.registry.documents if d.page.meta.get("noi_dung_hoc_tap")), None)
        source_name = f"{plan.loai} {format_date(plan.ngay_ban_hanh)}" if plan else "Kế hoạch"
        decks = []
        for document in speaker.study_programmes(self.registry):
            focus = [(words, self.focus.nguon[words]) for words in self.focus.chuong_trinh.get(document.ma, [])]
            issued = ", ".join(p for p in (document.co_quan_ban_hanh, format_date(document.ngay_ban_hanh)) if p)
            decks.append(slides.outline(document, focus, self.source_dir, source_name, issued, self.site_url))
        return slides.write_kept(decks, Path(site_dir), kept)

    def pdf_link(self, page_url: str, t: dict) -> str:
        """Raw HTML on purpose: MkDocs does not check it, so a build without the PDF stays strict-clean;
        `hoctap build` makes the PDF right after the site."""
        href = posixpath.relpath(PDF_NAME, posixpath.dirname(page_url) or ".")
        return "\n\n" + self.raw.put(f'<p class="ht-download ht-no-pdf"><a class="md-button md-button--primary" href="{html.escape(href)}" '
                                     f'type="application/pdf" download>{html.escape(t["pdf"])}</a></p>') + "\n"
