"""The document map and the timeline, drawn as inline SVG at build time.

No script and no request: the boxes are SVG links, so they work offline, under file://, by
keyboard and by touch. Both drawings are 360 units wide — a phone's width — and read top to
bottom, as a phone shows them: on a 360 px screen a unit is about 0.9 px, so text is 16 units
(14.5 px) and every box at least 50 units (45 px) high, a finger's tap. Titles are wrapped, never
cut: a box is as tall as its text. Python lays the drawings out (`Shape`s in `Piece`s); the
partial `overrides/partials/so-do.html` draws them.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from ..content.page import Document
from ..registry.documents import CitedDocument, Registry
from ..registry.timeline import Event
from ..text.dates import field_date
from . import partials
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
SIZE = SimpleNamespace(width=WIDTH, font=FONT, head_font=HEAD_FONT)


class Shape(SimpleNamespace):
    """One thing drawn: its `kind` (box, edge, down, note, year, axis, date, dot) and where it is."""


@dataclass
class Piece:
    """One SVG of a drawing's stack: its height and its shapes, in drawing order."""

    height: int
    shapes: list[Shape] = field(default_factory=list)


def _url(page_src: str, target_md: str) -> str:
    return relative_link(page_src, target_md).removesuffix(".md") + ".html"


def name(document: Document) -> str:
    return document.so_ky_hieu or document.loai


def about(document: Document) -> str:
    """What a box says under its name: the document's subject (its short title), without the kind
    the name already gives ("Nghị quyết" over "Đại hội Công đoàn tỉnh…", never "Nghị quyết Nghị quyết…")."""
    said = document.ten_ngan or document.trich_yeu or ""
    if not document.so_ky_hieu and document.loai and said.startswith(document.loai + " "):
        said = said[len(document.loai) + 1:]
    return said


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines that fit `width` units of 16-unit text; all of it."""
    return textwrap.wrap(text, max(8, int(width / (FONT * CHAR)))) or [""]


def _box(x: int, y: int, w: int, href: str | None, heading: str, text: str, label: str, state: str = "") -> tuple[Shape, int]:
    """A tappable box, as tall as its text: a link around a rectangle, a bold first line, the title
    under it; `state` is "draft", "approx" (an expected date), "cited" (no page: no link) or "".
    Returns the box and its height."""
    lines = _wrap(text, w - 2 * PAD) if text else []
    h = max(MIN_BOX, PAD + HEAD_FONT + 4 + LINE_HEIGHT * len(lines) + PAD)
    top = y + PAD + HEAD_FONT - 2 if lines else y + h // 2 + HEAD_FONT // 3
    return Shape(kind="box", x=x, y=y, w=w, h=h, href=href, heading=heading, label=label, state=state,
                 text_x=x + PAD, top=top, lines=[(top + LINE_HEIGHT * (i + 1), line) for i, line in enumerate(lines)]), h


def _stack(title: str, pieces: list[Piece], theme_dir: Path) -> str:
    """A drawing as a stack of SVG pieces, one under the other: one long SVG shrinks to a page's
    height in the PDF (text 5 pt) and cannot break across pages; pieces can."""
    return partials.render("so-do.html", theme_dir, title=title, pieces=pieces, size=SIZE)


@dataclass
class _Row:
    """One box of the map: its document (or, for one cited with no page, how it is cited), its depth,
    and how its parent points to it."""

    document: Document | CitedDocument
    level: int
    kind: str = ""  # "hoc_tap" (the plan lists it for study), "thuc_hien" or "can_cu"; "" for a root
    again: bool = False  # drawn higher up already: here only its name

    @property
    def ma(self) -> str:
        return self.document.so_ky_hieu if isinstance(self.document, CitedDocument) else self.document.ma


def map_rows(registry: Registry, documents: list[Document]) -> list[_Row]:
    """The map as a tree, top to bottom: the plan (the document with `noi_dung_hoc_tap`), what it
    implements and is based on, then the programmes it lists for study, each with what it implements
    and is based on; then every other document of `documents` not drawn yet, with its own. A document
    an imported text cites with no page yet hangs from it as cited (`Registry.cited_without_page`)."""
    drawn: set[str] = set()
    rows: list[_Row] = []

    def place(d: Document, level: int, kind: str = "") -> None:
        rows.append(_Row(d, level, kind, d.ma in drawn))
        if d.ma in drawn:
            return
        drawn.add(d.ma)
        for ma, relation in [(m, "thuc_hien") for m in d.thuc_hien] + [(m, "can_cu") for m in d.can_cu]:
            target = registry.get(ma) or registry.cited(ma)
            if target is not None and not getattr(target, "noi_bo", False):
                rows.append(_Row(target, level + 1, relation, ma in drawn))
                drawn.add(ma)

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


def document_map(registry: Registry, documents: list[Document], page_src: str, t: dict,
                 theme_dir: Path = partials.THEME_DIR) -> str:
    """The plan, the programmes hanging from it, and under each what it implements (solid arrow:
    `thuc_hien`) or is based on (dashed: `can_cu`), as `map_rows` orders them. A new piece of the
    stack begins at every document of the first two levels, carrying on the connectors above it."""
    rows = map_rows(registry, documents)
    pieces, shapes, y = [], [], 8
    parents: list[tuple[int, int]] = []  # (x of the connector, y it has reached) per level
    study_noted = False
    for i, row in enumerate(rows):
        d, x = row.document, 4 + INDENT * row.level
        w = WIDTH - x - 4
        if i and row.level <= 1 and not row.again:
            for level in range(row.level):  # the connectors that go on below, down to the piece's end
                px, py = parents[level]
                shapes.insert(0, Shape(kind="down", x=px, y=py, to_y=y))
                parents[level] = (px, 0)
            pieces.append(Piece(y, shapes))
            shapes, y = [], 0
        note = t["map_study"] if row.kind == "hoc_tap" and not study_noted else t.get(row.kind) if row.kind != "hoc_tap" else None
        study_noted = study_noted or row.kind == "hoc_tap"
        for line in _wrap(note, w) if note else []:
            shapes.append(Shape(kind="note", x=x, y=y + FONT, text=line))
            y += LINE_HEIGHT
        y += 4 if note else 0
        if isinstance(d, CitedDocument):
            printed = ", ".join(filter(None, (d.co_quan, d.ngay)))
            text = f"{printed} — {t['nhac_den']}" if printed else t["nhac_den"]
            box, h = _box(x, y, w, None, d.so_ky_hieu, "" if row.again else text, f"{d.so_ky_hieu}: {text}", "cited")
        else:
            href = _url(page_src, d.page.path.as_posix())
            label = f"{name(d)}: {d.trich_yeu or ''}"
            box, h = _box(x, y, w, href, name(d), "" if row.again else about(d) or t["unknown"], label, _status(d))
        del parents[row.level:]
        if row.kind and parents:
            px, py = parents[-1]
            shapes.insert(0, Shape(kind="edge", relation=row.kind, x=px, y=py, to_x=x, to_y=y + h // 2))
            parents[-1] = (px, y + h // 2)
        shapes.append(box)
        parents.append((x + INDENT // 2, y + h))
        y += h + GAP
    pieces.append(Piece(y, shapes))
    return _stack(t["map_title"], pieces, theme_dir)


def _status(d: Document) -> str:
    return "draft" if d.is_draft else ""


def timeline(documents: list[Document], events: list[Event], page_src: str, t: dict, lang: str,
             theme_dir: Path = partials.THEME_DIR) -> str:
    """`documents` by date of issue, the events in their place, undated documents last."""
    dated = sorted((d for d in documents if d.ngay_ban_hanh), key=lambda d: (d.ngay_ban_hanh, d.ma))
    # (sort key, date in the label, date beside the dot, heading, text, link, state)
    # the site's dates everywhere: 04/3/2026, and 04/3 beside the dot under its year
    items = [(d.ngay_ban_hanh, field_date(d.ngay_ban_hanh), field_date(d.ngay_ban_hanh).rsplit("/", 1)[0], name(d),
              about(d), _url(page_src, d.page.path.as_posix()), _status(d)) for d in dated]
    items += [(e.start, e.note, "~" + field_date(e.start).split("/", 1)[1], e.title, e.note, _url(page_src, e.page), "approx")
              for e in events]
    items.sort(key=lambda item: item[0])
    items += [(None, t["no_date"], "—", name(d), about(d), _url(page_src, d.page.path.as_posix()), _status(d))
              for d in documents if not d.ngay_ban_hanh]
    pieces, y, year = [], 8, None
    axis_x, box_x = 92, 106
    for when, date_label, date_short, heading, text, href, state in items:
        shapes = []
        group = when.year if when else t["no_date"]
        if group != year:
            shapes.append(Shape(kind="year", x=4, y=y + HEAD_FONT, text=str(group)))
            y += LINE_HEIGHT + 6
            year = group
        box, h = _box(box_x, y, WIDTH - box_x - 4, href, heading, text, f"{date_label}: {heading} — {text}", state)
        shapes.insert(0, Shape(kind="axis", x=axis_x, y=8 if not pieces else 0, to_y=y + h + GAP))
        shapes += [Shape(kind="date", x=axis_x - 10, y=y + PAD + HEAD_FONT - 2, text=date_short),
                   Shape(kind="dot", x=axis_x, y=y + PAD + HEAD_FONT // 2, state="approx" if state == "approx" else ""),
                   box]
        pieces.append(Piece(y + h + GAP, shapes))
        y = 0
    return _stack(t["timeline_title"], pieces, theme_dir)
