"""The document map and the timeline, drawn as inline SVG at build time.

No script and no request: the boxes are SVG links, so they work offline, under file://, by
keyboard and by touch. Both drawings are 360 units wide — a phone's width — and scale down or up
with the page; each row is at least 44 units high, a finger's tap.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from dataclasses import dataclass

from ..content import Document
from ..registry import Registry
from .blocks import relative_link

WIDTH = 360
BOX = 160  # width of a box in the map's two columns
GAP = 28  # room for the arrow between the columns
ROW = 66
# Presentation attributes: what the drawing looks like where no stylesheet reaches it (the PDF);
# the site's stylesheet overrides them (colours of the theme, dark mode).
TEXT = 'font-family="DejaVu Sans, sans-serif" font-size="12" fill="#111"'
HEADING = 'font-family="DejaVu Sans, sans-serif" font-size="13.5" font-weight="bold" fill="#b71c1c"'
LINE = 'stroke="#666" stroke-width="1.5" fill="none"'


@dataclass
class Event:
    """Something dated on the timeline that is not a document: the study conference."""

    title: str
    start: dt.date
    end: dt.date
    note: str  # how the sources state the date, e.g. "dự kiến trung tuần tháng 4/2026"
    page: str  # source page, e.g. "hoi-nghi.md"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _url(page_src: str, target_md: str) -> str:
    return relative_link(page_src, target_md).removesuffix(".md") + ".html"


def name(document: Document) -> str:
    return document.so_ky_hieu or document.loai


def _lines(text: str, width: int, count: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > count:
        lines = lines[:count]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _box(x: int, y: int, w: int, h: int, href: str, heading: str, text: str, label: str, extra: str = "") -> str:
    """A tappable box: a link around a rectangle, a bold first line and up to two lines of text."""
    chars = max(12, (w - 14) * 2 // 13)  # about 6.5 units a letter at 12 units
    stroke = "#8a4b00" if "draft" in extra else "#b71c1c\" stroke-dasharray=\"5 3" if "approx" in extra else "#1b5e20"
    body = "".join(
        f'<text x="{x + 7}" y="{y + 35 + 14 * i}" class="ht-svg__text" {TEXT}>{_e(line)}</text>'
        for i, line in enumerate(_lines(text, chars, 2))
    )
    return (
        # The name is the visible text (what a speech-input user says); the full title is the description
        f'<a href="{_e(href)}" class="ht-svg__node{extra}" lang="vi"><desc>{_e(label)}</desc>'
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#fff" stroke="{stroke}" stroke-width="1.5"/>'
        f'<text x="{x + 7}" y="{y + 18}" class="ht-svg__heading" {HEADING}>{_e(heading)}</text>{body}</a>'
    )


def _svg(height: int, title: str, content: str, arrows: bool = False) -> str:
    """An inline SVG; only the map defines the arrowhead, since ids must be unique in the page."""
    defs = ('<defs><marker id="ht-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="ht-svg__arrowhead" fill="#666"/></marker></defs>'
            if arrows else "")
    return (
        f'<svg class="ht-svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="group" '
        f'aria-label="{_e(title)}" xmlns="http://www.w3.org/2000/svg">{defs}{content}</svg>'
    )


def document_map(registry: Registry, documents: list[Document], page_src: str, t: dict) -> str:
    """Two columns: on the left each of `documents` that implements or is based on others, on the right what
    it points to (solid arrow: `thuc_hien`, dashed: `can_cu`); documents with no relation stand alone."""
    targets = {m for d in documents for m in d.thuc_hien + d.can_cu}
    left = [d for d in documents if d.thuc_hien or d.can_cu or d.ma not in targets]
    placed: dict[str, tuple[int, int]] = {}
    nodes, arrows, y = [], [], 8
    for d in left:
        relations = [(m, "thuc_hien") for m in d.thuc_hien] + [(m, "can_cu") for m in d.can_cu]
        relations = [(registry.get(m), kind) for m, kind in relations if registry.get(m) and not registry.get(m).noi_bo]
        rows = max(1, sum(1 for target, _ in relations if target.ma not in placed))
        h = ROW * rows - 10
        nodes.append(_node(d, 4, y, BOX, h, page_src, t))
        row_y = y
        for target, kind in relations:
            if target.ma not in placed:
                nodes.append(_node(target, 4 + BOX + GAP, row_y, BOX, ROW - 10, page_src, t))
                placed[target.ma] = (4 + BOX + GAP, row_y + (ROW - 10) // 2)
                row_y += ROW
            tx, ty = placed[target.ma]
            dash = ' stroke-dasharray="4 3"' if kind == "can_cu" else ""
            arrows.append(f'<path d="M{4 + BOX},{y + h // 2} L{tx - 2},{ty}" class="ht-svg__edge ht-svg__edge--{kind}" {LINE}'
                          f'{dash} marker-end="url(#ht-arrow)"><title>{_e(name(d))} — {_e(t[kind])} — {_e(name(target))}</title></path>')
        y += ROW * rows
    return _svg(y, t["map_title"], "".join(arrows) + "".join(nodes), arrows=True)


def _status(d: Document) -> str:
    return " ht-svg__node--draft" if d.is_draft else ""


def _node(d: Document, x: int, y: int, w: int, h: int, page_src: str, t: dict) -> str:
    label = f"{name(d)}: {d.trich_yeu or ''}"
    return _box(x, y, w, h, _url(page_src, d.page.path.as_posix()), name(d), d.trich_yeu or t["unknown"], label, _status(d))


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
    rows, y, year = [], 8, None
    axis_x, box_x = 84, 100
    for when, date_label, date_short, heading, text, href, extra in items:
        group = when.year if when else t["no_date"]
        if group != year:
            rows.append(f'<text x="4" y="{y + 14}" class="ht-svg__year" {HEADING.replace("#b71c1c", "#111")}>{_e(str(group))}</text>')
            y += 22
            year = group
        dot = "ht-svg__dot ht-svg__dot--approx" if "approx" in extra else "ht-svg__dot"
        rows.append(f'<text x="{axis_x - 10}" y="{y + 27}" class="ht-svg__date" text-anchor="end" {TEXT}>{_e(date_short)}</text>'
                    f'<circle cx="{axis_x}" cy="{y + 23}" r="5" class="{dot}" fill="#666"/>')
        rows.append(_box(box_x, y, WIDTH - box_x - 4, ROW - 10, href, heading, text, f"{date_label}: {heading} — {text}", extra))
        y += ROW
    axis = f'<line x1="{axis_x}" y1="8" x2="{axis_x}" y2="{y - 10}" class="ht-svg__axis" {LINE}/>'
    return _svg(y, t["timeline_title"], axis + "".join(rows))
