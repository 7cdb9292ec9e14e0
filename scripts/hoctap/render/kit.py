"""The speaker's and learner's kit inside the build: quiz (Ôn tập), map and timeline, speaker sheets,
and the link to the combined PDF. The plugin calls in here from two events; everything it writes
comes from the registry, the data files in `docs/includes/` and the sources they cite.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Document, parse_date
from ..findings import Finding
from ..pages import PDF_NAME
from ..quiz import Quiz, load as load_quiz
from ..registry import Registry
from ..sources import ungrounded
from . import diagram, on_tap, speaker
from .blocks import relative_link
from .labels import labels
from .stash import Stash

QUIZ_FILE = "includes/on-tap.yml"
FOCUS_FILE = "includes/bao-cao-vien.yml"
SPEAKER_PAGE = "bao-cao-vien.md"
CATALOGUE_PAGE = "van-ban/index.md"


@dataclass
class Kit:
    registry: Registry
    docs_dir: Path
    quiz: Quiz
    focus: speaker.Focus
    # Documents drawn on the map and timeline at most (the plugin's `documents_listed_max`)
    listed_max: int
    events: list[diagram.Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Page names (`van-ban/15-ctr-tu`) the publication gate leaves out of this build
    left_out: frozenset[str] = frozenset()
    # The raw HTML of the page being rendered, put back after the page is sanitised
    raw: Stash = field(default_factory=Stash)

    @classmethod
    def load(cls, registry: Registry, docs_dir: Path, source_dir: Path, listed_max: int) -> "Kit":
        quiz = load_quiz(docs_dir / QUIZ_FILE, docs_dir, source_dir)
        focus = speaker.load_focus(docs_dir / FOCUS_FILE, docs_dir, source_dir, registry)
        events, event_findings = _events(registry, source_dir)
        return cls(registry, docs_dir, quiz, focus, listed_max, events, quiz.findings + focus.findings + event_findings)

    def markdown(self, page, generated: str | None, document: Document | None, lang: str) -> str:
        """What the kit adds to a page's Markdown: its generated block, or a programme's link to its sheet."""
        src = page.file.src_uri
        t = labels(lang) | labels(lang, "kit")
        if generated == "on-tap":
            return "\n\n" + self.raw.put(on_tap.page(self.quiz, src, self.docs_dir, lang, self.left_out).strip()) + "\n"
        if generated == "ban-do":
            documents = [d for d in self.registry.catalogue() if not d.noi_bo]
            drawn = documents[:self.listed_max]
            more = "" if len(drawn) == len(documents) else "\n\n" + t["drawn_first"].format(
                shown=len(drawn), more=len(documents) - len(drawn), link=relative_link(src, CATALOGUE_PAGE))
            return (f"{more}\n\n## {t['map_heading']} {{#ban-do}}\n\n{t['map_note']}\n\n"
                    + self.raw.put(f'<figure class="ht-diagram">{diagram.document_map(self.registry, drawn, src, t)}</figure>')
                    + f"\n\n## {t['timeline_heading']} {{#dong-thoi-gian}}\n\n{t['timeline_note']}\n\n"
                    + self.raw.put(f'<figure class="ht-diagram">{diagram.timeline(drawn, self.events, src, t, lang)}</figure>')
                    + "\n")
        if generated == "bao-cao-vien":
            return self.pdf_link(page.file.url, t) + speaker.sheets(self.registry, self.focus, src, lang, self.raw.put)
        if document is not None:
            return speaker.link_to_sheet(document, self.registry, src, SPEAKER_PAGE)
        return ""

    def pdf_link(self, page_url: str, t: dict) -> str:
        """Raw HTML on purpose: MkDocs does not check it, so a build without the PDF stays strict-clean;
        `hoctap build` makes the PDF right after the site."""
        href = posixpath.relpath(PDF_NAME, posixpath.dirname(page_url) or ".")
        return "\n\n" + self.raw.put(f'<p class="ht-download"><a class="md-button md-button--primary" href="{html.escape(href)}" '
                                     f'type="application/pdf" download>{html.escape(t["pdf"])}</a></p>') + "\n"


def _events(registry: Registry, source_dir: Path) -> tuple[list[diagram.Event], list[Finding]]:
    """Pages with `moc_thoi_gian` (the study conference) join the timeline, their wording checked against the source."""
    events, findings = [], []
    for page in registry.pages:
        mark = page.meta.get("moc_thoi_gian")
        if page.lang != "vi" or not mark:
            continue
        rel, line = page.path.as_posix(), page.line_of("moc_thoi_gian")
        try:
            start, end = parse_date(mark.get("tu")), parse_date(mark.get("den"))
        except (ValueError, AttributeError):
            start = end = None
        if not isinstance(mark, dict) or start is None or end is None or end < start or not mark.get("ghi"):
            findings.append(Finding(rel, line, 1, "K004", "`moc_thoi_gian` needs `tu`, `den` (YYYY-MM-DD, tu ≤ den), `ghi` and `nguon`"))
            continue
        problem = ungrounded(source_dir, str(mark.get("nguon") or ""), str(mark["ghi"]))
        if problem:
            findings.append(Finding(rel, line, 1, "K003", f"`moc_thoi_gian.ghi` not grounded: {problem}"))
            continue
        title = page.meta.get("title") or page.stem
        events.append(diagram.Event(str(title), start, end, str(mark["ghi"]), page.path.as_posix()))
    return events, findings

