"""The document map and the timeline, drawn as inline SVG at build time.

No script and no request: the boxes are SVG links, so they work offline, under file://, by
keyboard and by touch. Both drawings are 360 units wide — a phone's width — and read top to
bottom, as a phone shows them: on a 360 px screen a unit is about 0.9 px, so text is 16 units
(14.5 px) and every box at least 50 units (45 px) high, a finger's tap. Titles are wrapped, never
cut: a box is as tall as its text.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from dataclasses import dataclass

from ..content import Document
from ..registry import Registry
from ..timeline import Event
from .blocks import relative_link

WIDTH = 360
INDENT = 22  # one level deeper in the map: a programme under the plan, what it implements under it
FONT = 16
HEAD_FONT = 17
LINE_HEIGHT = 21
PAD = 10
MIN_BOX = 50
CHAR = 0.56  # a letter's width, in ems, erring wide: a line must never run out of its box
GAP = 12  # between two boxes
# Presentation attributes: what the drawing looks like where no stylesheet reaches it (the PDF);
# the site's stylesheet overrides them (colours of the theme, dark mode).
TEXT = f'font-family="DejaVu Sans, sans-serif" font-size="{FONT}" fill="#111"'
HEADING = f'font-family="DejaVu Sans, sans-serif" font-size="{HEAD_FONT}" font-weight="bold" fill="#b71c1c"'
NOTE = f'font-family="DejaVu Sans, sans-serif" font-size="{FONT}" font-style="italic" fill="#555"'
LINE = 'stroke="#666" stroke-width="1.5" fill="none"'


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _url(page_src: str, target_md: str) -> str:
    return relative_link(page_src, target_md).removesuffix(".md") + ".html"


def name(document: Document) -> str:
    return document.so_ky_hieu or document.loai


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines that fit `width` units of 16-unit text; all of it."""
    return textwrap.wrap(text, max(8, int(width / (FONT * CHAR)))) or [""]


def _box(x: int, y: int, w: int, href: str, heading: str, text: str, label: str, extra: str = "") -> tuple[str, int]:
    """A tappable box, as tall as its text: a link around a rectangle, a bold first line, the title
    under it. Returns the SVG and the height."""
    lines = _wrap(text, w - 2 * PAD) if text else []
    h = max(MIN_BOX, PAD + HEAD_FONT + 4 + LINE_HEIGHT * len(lines) + PAD)
    stroke = "#8a4b00" if "draft" in extra else "#b71c1c\" stroke-dasharray=\"5 3" if "approx" in extra else "#1b5e20"
    top = y + PAD + HEAD_FONT - 2 if lines else y + h // 2 + HEAD_FONT // 3
    body = "".join(
        f'<text x="{x + PAD}" y="{top + LINE_HEIGHT * (i + 1)}" class="ht-svg__text" {TEXT}>{_e(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        # The name is the visible text (what a speech-input user says); the full title is the description
        f'<a href="{_e(href)}" class="ht-svg__node{extra}" lang="vi"><desc>{_e(label)}</desc>'
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#fff" stroke="{stroke}" stroke-width="1.5"/>'
        f'<text x="{x + PAD}" y="{top}" class="ht-svg__heading" {HEADING}>{_e(heading)}</text>{body}</a>'
    ), h


def _arrow(x: int, y: int) -> str:
    """An arrowhead pointing right at (x, y): drawn, not a <marker>, so each piece of a drawing
    stands alone (a marker is found by id, and the PDF renders every SVG by itself)."""
    return f'<path d="M{x - 7},{y - 4} L{x},{y} L{x - 7},{y + 4} z" class="ht-svg__arrowhead" fill="#666"/>'


def _svg(height: int, content: str) -> str:
    return (f'<svg class="ht-svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg">{content}</svg>')


def _stack(title: str, pieces: list[str]) -> str:
    """A drawing as a stack of SVG pieces, one under the other: one long SVG shrinks to a page's
    height in the PDF (text 5 pt) and cannot break across pages; pieces can."""
    return f'<div class="ht-svg-stack" role="group" aria-label="{_e(title)}">{"".join(pieces)}</div>'


@dataclass
class _Row:
    """One box of the map: its document, its depth, and how its parent points to it."""

    document: Document
    level: int
    kind: str = ""  # "hoc_tap" (the plan lists it for study), "thuc_hien" or "can_cu"; "" for a root
    again: bool = False  # drawn higher up already: here only its name


def map_rows(registry: Registry, documents: list[Document]) -> list[_Row]:
    """The map as a tree, top to bottom: the plan (the document with `noi_dung_hoc_tap`), what it
    implements and is based on, then the programmes it lists for study, each with what it implements
    and is based on; then every other document of `documents` not drawn yet, with its own."""
    drawn: set[str] = set()
    rows: list[_Row] = []

    def place(d: Document, level: int, kind: str = "") -> None:
        rows.append(_Row(d, level, kind, d.ma in drawn))
        if d.ma in drawn:
            return
        drawn.add(d.ma)
        for ma, relation in [(m, "thuc_hien") for m in d.thuc_hien] + [(m, "can_cu") for m in d.can_cu]:
            target = registry.get(ma)
            if target is not None and not target.noi_bo:
                rows.append(_Row(target, level + 1, relation, target.ma in drawn))
                drawn.add(target.ma)

    listed = {d.ma for d in documents}
    plan = next((d for d in documents if d.page.meta.get("noi_dung_hoc_tap")), None)
    if plan is not None:
        place(plan, 0)
        for ma in plan.page.meta["noi_dung_hoc_tap"]:
            programme = registry.get(str(ma))
            if programme is not None and programme.ma in listed:
                place(programme, 1, "hoc_tap")
    for d in documents:
        if d.ma not in drawn:
            place(d, 0)
    return rows


def document_map(registry: Registry, documents: list[Document], page_src: str, t: dict) -> str:
    """The plan, the programmes hanging from it, and under each what it implements (solid arrow:
    `thuc_hien`) or is based on (dashed: `can_cu`), as `map_rows` orders them. A new piece of the
    stack begins at every document of the first two levels, carrying on the connectors above it."""
    rows = map_rows(registry, documents)
    pieces, parts, y = [], [], 8
    parents: list[tuple[int, int]] = []  # (x of the connector, y it has reached) per level
    study_noted = False
    for i, row in enumerate(rows):
        d, x = row.document, 4 + INDENT * row.level
        w = WIDTH - x - 4
        if i and row.level <= 1 and not row.again:
            for level in range(row.level):  # the connectors that go on below, down to the piece's end
                px, py = parents[level]
                parts.insert(0, f'<path d="M{px},{py} V{y}" class="ht-svg__edge" {LINE}/>')
                parents[level] = (px, 0)
            pieces.append(_svg(y, "".join(parts)))
            parts, y = [], 0
        note = t["map_study"] if row.kind == "hoc_tap" and not study_noted else t.get(row.kind) if row.kind != "hoc_tap" else None
        study_noted = study_noted or row.kind == "hoc_tap"
        for line in _wrap(note, w) if note else []:
            parts.append(f'<text x="{x}" y="{y + FONT}" class="ht-svg__note" {NOTE}>{_e(line)}</text>')
            y += LINE_HEIGHT
        y += 4 if note else 0
        href = _url(page_src, d.page.path.as_posix())
        label = f"{name(d)}: {d.trich_yeu or ''}"
        svg, h = _box(x, y, w, href, name(d), "" if row.again else d.trich_yeu or t["unknown"], label, _status(d))
        del parents[row.level:]
        if row.kind and parents:
            px, py = parents[-1]
            dash = ' stroke-dasharray="4 3"' if row.kind == "can_cu" else ""
            parts.insert(0, f'<path d="M{px},{py} V{y + h // 2} H{x - 2}" class="ht-svg__edge ht-svg__edge--{row.kind}" '
                            f'{LINE}{dash}/>{_arrow(x - 1, y + h // 2)}')
            parents[-1] = (px, y + h // 2)
        parts.append(svg)
        parents.append((x + INDENT // 2, y + h))
        y += h + GAP
    pieces.append(_svg(y, "".join(parts)))
    return _stack(t["map_title"], pieces)


def _status(d: Document) -> str:
    return " ht-svg__node--draft" if d.is_draft else ""


def timeline(documents: list[Document], events: list[Event], page_src: str, t: dict, lang: str) -> str:
    """`documents` by date of issue, the events in their place, undated documents last."""
    dated = sorted((d for d in documents if d.ngay_ban_hanh), key=lambda d: (d.ngay_ban_hanh, d.ma))
    # (sort key, date in the label, date beside the dot, heading, text, link, extra class)
    items = [(d.ngay_ban_hanh, d.ngay_ban_hanh.strftime("%d/%m/%Y"), d.ngay_ban_hanh.strftime("%d/%m"), name(d),
              d.trich_yeu or "", _url(page_src, d.page.path.as_posix()), _status(d)) for d in dated]
    items += [(e.start, e.note, e.start.strftime("~%m/%Y"), e.title, e.note, _url(page_src, e.page),
               " ht-svg__node--approx") for e in events]
    items.sort(key=lambda item: item[0])
    items += [(None, t["no_date"], "—", name(d), d.trich_yeu or "", _url(page_src, d.page.path.as_posix()), _status(d))
              for d in documents if not d.ngay_ban_hanh]
    pieces, y, year = [], 8, None
    axis_x, box_x = 92, 106
    for when, date_label, date_short, heading, text, href, extra in items:
        parts = []
        group = when.year if when else t["no_date"]
        if group != year:
            parts.append(f'<text x="4" y="{y + HEAD_FONT}" class="ht-svg__year" {HEADING.replace("#b71c1c", "#111")}>{_e(str(group))}</text>')
            y += LINE_HEIGHT + 6
            year = group
        dot = "ht-svg__dot ht-svg__dot--approx" if "approx" in extra else "ht-svg__dot"
        svg, h = _box(box_x, y, WIDTH - box_x - 4, href, heading, text, f"{date_label}: {heading} — {text}", extra)
        top = 8 if not pieces else 0
        parts.insert(0, f'<line x1="{axis_x}" y1="{top}" x2="{axis_x}" y2="{y + h + GAP}" class="ht-svg__axis" {LINE}/>')
        parts.append(f'<text x="{axis_x - 10}" y="{y + PAD + HEAD_FONT - 2}" class="ht-svg__date" text-anchor="end" {TEXT}>{_e(date_short)}</text>'
                     f'<circle cx="{axis_x}" cy="{y + PAD + HEAD_FONT // 2}" r="5" class="{dot}" fill="#666"/>{svg}')
        pieces.append(_svg(y + h + GAP, "".join(parts)))
        y = 0
    return _stack(t["timeline_title"], pieces)
