"""A slide deck per programme the plan lists for study (python-pptx), for the speakers at the conference.

Only content, and only what the hall should see: the title slide is the front matter (symbol,
subject, issuer, date); then what the plan says of the programme, quoted in whole clauses
(hoctap.text.clauses), and the focus areas it names, as one list; a closing slide with the QR code of
the programme's page when the site's address is known (without it there is nothing to show, and the
slide is left out). What is for the speaker alone goes to the speaker notes: the cited passage in
full, the notice that the talk rests on the plan while the official text is awaited, the page's path.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import time
import zipfile
from importlib import metadata
from dataclasses import dataclass, field
from pathlib import Path

from ..content.page import Document
from ..text.pages import DEFAULT_LANG, page_stem
from ..text.words import labels
from ..text.clauses import clauses_around, mark_slips
from ..text.disk import write_atomic
from . import citation, qr
from .links import FEDERATION, absolute, page_url, subject

DECK_DIR = "trinh-chieu"
"""Where the decks go in the site: `trinh-chieu/03-ctr-ldld.pptx`."""
RED = (0xB7, 0x1C, 0x1C)


@dataclass
class Slide:
    heading: str
    lines: list[str]  # what the hall sees: one quotation, or the items of a list
    cited: str  # "Kế hoạch ngày 31/3/2026, mục II.1"
    quote: str  # the whole clauses cited, verbatim, for the speaker notes
    listed: bool = False  # `lines` are the items of a list, shown as bullets


@dataclass
class Deck:
    """One programme's deck, as data: what `write` lays out and the tests count."""

    document: Document
    title: str
    subject: str
    issued: str
    points: list[Slide] = field(default_factory=list)
    awaiting: bool = False
    url: str | None = None

    @property
    def slide_count(self) -> int:
        return 1 + len(self.points) + (1 if self.url else 0)


def deck_path(document: Document) -> str:
    return f"{DECK_DIR}/{page_stem(document.page.path.name)}.pptx"


def outline(document: Document, focus: list[tuple[str, str]], source_dir: Path, source_name: str,
            issued: str, site_url: str | None) -> Deck:
    """The deck of one programme: `focus` is its focus areas as (words, source reference)."""
    cite = lambda ref: citation.reference(source_name, source_dir, ref)
    whole = lambda ref, words=None: mark_slips(clauses_around(source_dir, ref, words) or citation.quote(source_dir, ref))
    points = [Slide(_words()["plan_says"], [f"“{whole(ref)}”"], cite(ref), whole(ref)) for ref in document.nguon[:1]]
    if focus:
        passages = list(dict.fromkeys(whole(ref, words) for words, ref in focus))
        places = list(dict.fromkeys(cite(ref) for _, ref in focus))
        points.append(Slide(_words()["focus"], [words for words, _ in focus], "; ".join(places), " ".join(passages), listed=True))
    return Deck(document, document.so_ky_hieu or document.loai, subject(document), issued, points,
                awaiting=not document.page.meta.get("toan_van"), url=absolute(site_url, page_url(document)))


def write(deck: Deck, out: Path) -> Path:
    """Lay the deck out on 16:9 slides of python-pptx's default template and save it."""
    from pptx import Presentation  # imported here: only the build's last step needs it
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    prs.core_properties.title = f"{deck.title} — {deck.subject}"
    prs.core_properties.author = FEDERATION
    prs.core_properties.language = "vi-VN"
    prs.core_properties.last_modified_by = FEDERATION  # not the template's own author
    prs.core_properties.comments = ""
    notice = [_words()["awaiting"]] if deck.awaiting else []
    _title_slide(prs, deck, notice)
    for point in deck.points:
        _point_slide(prs, point, notice)
    if deck.url:
        _closing_slide(prs, deck, notice)
    else:  # no address to show the hall: the page's path is for the speaker
        last = prs.slides[len(prs.slides) - 1]
        _notes(last, [last.notes_slide.notes_text_frame.text, _words()["no_address"].format(path=page_url(deck.document))])
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = io.BytesIO()
    prs.save(saved)
    out.write_bytes(_reproducible(saved.getvalue()))
    return out


KEPT_DAYS = 30
"""A kept deck no build has used for this long is removed: a preview (no site address, no QR code)
and a publish keep different decks of the same programme, and two builds may run at once."""


def write_kept(decks: list[Deck], site_dir: Path, kept: Path) -> list[Path]:
    """`write` each deck into the site, or copy the one an earlier build laid out from the same
    content, kept in the folder `kept`: python-pptx's import and layout cost a third of a second a
    build, for decks that change only when a programme, its focus areas or the plan's words do.
    A deck is kept under the hash of its content, its words and the code and library versions that
    lay it out."""
    written = []
    for deck in decks:
        out, made = site_dir / deck_path(deck.document), kept / f"{_fingerprint(deck)}.pptx"
        try:
            laid_out = made.read_bytes()
        except OSError:  # not kept yet, or removed by another build meanwhile
            write(deck, out)
            _keep(out, made)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(laid_out)
            _touch(made)
        written.append(out)
    unused_since = time.time() - KEPT_DAYS * 86400
    for old in kept.glob("*.pptx"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < unused_since:
                old.unlink()
    return written


def _touch(made: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(made)


def _keep(deck: Path, made: Path) -> None:
    """Where the project's folder cannot be written to, decks are laid out at every build, as before."""
    try:
        made.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(made, deck.read_bytes())
    except OSError:
        pass


def _fingerprint(deck: Deck) -> str:
    code = b"".join(Path(module).read_bytes() for module in (__file__, qr.__file__))
    versions = [metadata.version(name) for name in ("python-pptx", "segno")]
    return hashlib.sha256(repr((deck, _words(), versions)).encode() + code).hexdigest()


def _reproducible(deck: bytes) -> bytes:
    """The same deck for the same content, so that two builds publish the same file: python-pptx
    stamps every part of the zip with the time it was saved."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(deck)) as saved, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as fixed:
        for part in saved.infolist():
            fixed.writestr(zipfile.ZipInfo(part.filename, (1980, 1, 1, 0, 0, 0)), saved.read(part), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _title_slide(prs, deck: Deck, notice: list[str]):
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[0])
    title, body = slide.placeholders[0], slide.placeholders[1]
    _place(title, Inches(0.8), Inches(1.0), Inches(11.7), Inches(1.4))
    _place(body, Inches(0.8), Inches(2.6), Inches(11.7), Inches(4.0))
    _say(title, [deck.title], Pt(48), bold=True, color=RED)
    _say(body, [deck.subject, deck.issued], Pt(26))
    # the subject on the slide is the short title; the notes give the trích yếu as issued
    _notes(slide, [f"{deck.title}: {deck.document.trich_yeu or deck.subject}", deck.issued] + notice)


def _point_slide(prs, point: Slide, notice: list[str]):
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    title = slide.shapes.title
    _place(title, Inches(0.8), Inches(0.5), Inches(11.7), Inches(1.2))
    _say(title, [point.heading], Pt(36), bold=True, color=RED)
    box = slide.shapes.add_textbox(Inches(0.8), Inches(2.0), Inches(11.7), Inches(4.2))
    size = sum(len(line) for line in point.lines)
    _say(box, point.lines, Pt(32 if size < 160 else 24), bullets=point.listed)
    source = slide.shapes.add_textbox(Inches(0.8), Inches(6.4), Inches(11.7), Inches(0.6))
    _say(source, [f"{_words()['source']}: {point.cited}"], Pt(16))
    _notes(slide, [f"{_words()['source']}: {point.cited}", f"{_words()['quoted']}: “{point.quote}”"] + notice)


def _closing_slide(prs, deck: Deck, notice: list[str]):
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    title = slide.shapes.title
    _place(title, Inches(0.8), Inches(0.5), Inches(11.7), Inches(1.2))
    _say(title, [_words()["closing"]], Pt(36), bold=True, color=RED)
    slide.shapes.add_picture(io.BytesIO(qr.png(deck.url)), Inches(4.9), Inches(1.9), Inches(3.5), Inches(3.5))
    lines = [deck.url]
    box = slide.shapes.add_textbox(Inches(0.8), Inches(5.7), Inches(11.7), Inches(1.0))
    _say(box, lines, Pt(22), center=True)
    _notes(slide, lines + notice)


def _place(shape, left, top, width, height):
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _say(shape, lines: list[str], size, *, bold: bool = False, color=None, center: bool = False, bullets: bool = False):
    """Write `lines` as paragraphs, wrapped inside the shape; never shrunk out of sight nor cut;
    `bullets`: each line an item of a list, all the same size."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN

    frame = shape.text_frame
    frame.word_wrap = True
    frame.clear()
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER if center else PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = f"• {line}" if bullets else line
        run.font.size = size if i == 0 or bullets else int(size * 0.8)
        run.font.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)


def _notes(slide, lines: list[str]):
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)


def _words() -> dict[str, str]:
    """The decks' words (`words/vi.yml`, `slides`): the decks speak the plan's language."""
    return labels(DEFAULT_LANG, "slides")
