"""Header and closing: where they are, and the fields they print.

The header is everything above the type line (`KẾ HOẠCH`) — or, for a công văn, down to its
`V/v` line — split into the left column (superior body, issuing body, `Số`) and the right one
(motto, place and date); the trích yếu follows the type line. The closing starts at `Nơi nhận`
or the signing authority: recipients on the left, authority, title and signer on the right.
A cell is placed by what it says first (a motto, a date, `Số`, a dash item) and by where it
stands second, so a text file that lost its columns reads as well as a PDF that kept them.

Every field the document does not print is None, with a warning saying so: nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..text import symbols
from . import forms
from .layout import paragraphs
from .model import Cell, Row
from .rules import AUTHORITY, DATE_LINE, MARKER, MOTTO_STARTS, SO, VV, is_motto, opens_body, type_name
_CONTINUES_NAME = re.compile(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|VIỆT NAM|VÀ|CỦA|KHÓA|KHOÁ)\b")
_GLUED_MOTTO = re.compile(r"\s(?=CỘNG H[OÒ]À?|ĐẢNG CỘNG SẢN|Độc lập\s*[-–])")
_GLUED_DATE = re.compile(r"\s(?=[A-ZĐ][^\d,;:]{1,30},\s*ng[àa]y)")
_COLUMN_GAP = 0.012  # of the page's width: wider than a space between words, narrower than a column gap
_LEFT_EDGE = 0.45  # a cell starting right of this (fraction of the page) is in the right-hand column


@dataclass
class Zones:
    header: list[Row]
    type_row: Row | None
    title: list[Row]
    body: list[Row]
    closing: list[Row]
    tail: list[Row]


def zones(rows: list[Row], positioned: bool) -> Zones:
    t = next((i for i, r in enumerate(rows[:30]) if len(r.cells) == 1 and type_name(r.text.strip())), None)
    if t is not None:
        end = _title_end(rows, t + 1)
        header, type_row, title, start = rows[:t], rows[t], rows[t + 1:end], end
        while start < len(rows) and _separator(rows[start].text):
            start += 1  # the rule under the title
    else:
        start = _cong_van_header_end(rows, positioned)
        header, type_row, title = rows[:start], None, []
    closing_at = _closing_start(rows, start)
    if closing_at is None:
        return Zones(header, type_row, title, rows[start:], [], [])
    closing_end = _closing_end(rows, closing_at, positioned)
    return Zones(header, type_row, title, rows[start:closing_at], rows[closing_at:closing_end], rows[closing_end:])


def _title_end(rows: list[Row], first: int) -> int:
    """The row after the trích yếu: where a body opener, a separator, a marker, a line in capitals
    (`GIÁM ĐỐC SỞ NỘI VỤ`, the authority issuing a decision) or a new block starts."""
    bold = first < len(rows) and all(c.bold for c in rows[first].cells)
    i = first
    while i < len(rows) and i - first < 8:
        row, text = rows[i], rows[i].text.strip()
        if i > first and capitals(text) != capitals(rows[first].text) and text[:1].isupper():
            return i  # a title in capitals ends where small letters start, and the other way round; a line
            # that opens otherwise (small letters, a date) goes on (`KẾT LUẬN` / `CỦA BỘ CHÍNH TRỊ` / `về tiếp tục…`)
        if _separator(text):
            return i
        if i > first and (opens_body(text) or MARKER.match(text) and not MARKER.match(text)["bullet"]):
            return i
        if i > first and bold and not all(c.bold for c in row.cells):
            return i
        if i > first and row.blank_before and text[:1].isupper() and not bold:
            return i
        i += 1
    return i


def _cong_van_header_end(rows: list[Row], positioned: bool) -> int:
    """A công văn has no type line: its header ends after the date and the `V/v` lines under the number."""
    last = -1
    for i, row in enumerate(rows[:20]):
        if any(VV.match(c.text) for c in row.cells):  # perhaps beside the date: the `V/v` lines go on below
            last = i
            while last + 1 < len(rows) and _continues_vv(rows[last + 1], positioned):
                last += 1
            break
        if any(DATE_LINE.match(c.text) or is_motto(c.text) or SO.match(c.text) for c in row.cells):
            last = i
    return last + 1


def _continues_vv(row: Row, positioned: bool) -> bool:
    text = row.text.strip()
    if opens_body(text) or MARKER.match(text) or row.blank_before:
        return False
    return row.x1 < 0.55 if positioned else len(text) < 60


def _closing_start(rows: list[Row], start: int) -> int | None:
    recipients = next((i for i in range(start, len(rows)) if any(c.text.startswith("Nơi nhận") for c in rows[i].cells)), None)
    authorities = [i for i in range(start, len(rows)) if any(AUTHORITY.match(c.text) for c in rows[i].cells)]
    if recipients is not None:
        return min([recipients] + [a for a in authorities if recipients - 3 <= a < recipients])
    return authorities[-1] if authorities else None


def _closing_end(rows: list[Row], first: int, positioned: bool) -> int:
    i = first
    while i < len(rows):
        text = rows[i].text.strip()
        if re.match(r"^(?:PHỤ LỤC|Phụ lục)\b", text):
            break
        prose = [c for c in rows[i].cells if len(c.text) >= 70 and not c.text.startswith(("-", "+", "–"))
                 and (not positioned or c.x0 < _LEFT_EDGE)]
        if prose:
            break
        i += 1
    return i


@dataclass
class Fields:
    """The header and closing as printed; None where the document does not show a field."""

    loai: str | None = None
    so_ky_hieu: str | None = None
    so_ky_hieu_in: str | None = None
    ngay_ban_hanh: str | None = None
    noi_ban_hanh: str | None = None
    co_quan_ban_hanh: str | None = None
    co_quan_chu_quan: str | None = None
    trich_yeu: str | None = None
    tham_quyen_ky: str | None = None
    chuc_vu_ky: str | None = None
    nguoi_ky: str | None = None
    noi_nhan: list[str] = field(default_factory=list)
    noi_nhan_in: list[str] = field(default_factory=list)  # as printed, dash and final punctuation kept
    warnings: list[str] = field(default_factory=list)


def read_fields(z: Zones, positioned: bool) -> Fields:
    """The header's fields (the closing's are read by `closing.read`)."""
    f = Fields()
    left, right = _columns(z.header, positioned)
    _issuer(f, left)
    _number(f, left)
    _place_and_date(f, right)
    _type_and_title(f, z, left, positioned)
    return f


def accept(f: Fields, key: str, value: str | None, check, where: str, cells=()) -> bool:
    """Set the field when its value has the field's form and OCR was sure of its words; else leave
    it empty with a warning that says what was read and where."""
    if value is None:
        return False
    doubtful = list(dict.fromkeys(w for c in cells for w in c.doubtful))
    reason = ("OCR was unsure of " + ", ".join(f"`{w}`" for w in doubtful)) if doubtful else check(value) if check else None
    if reason:
        f.warnings.append(f"{key}: `{value[:80]}` in {where} {reason}; left empty: fill it in from the original")
        return False
    setattr(f, key, value)
    return True


def _separator(text: str) -> bool:
    """A rule or a star under a name or a title (`-----`, `——`, `*`): no letter, no digit."""
    return not any(ch.isalnum() for ch in text)


def part(cell: Cell, text: str, x0: float, x1: float, words: tuple = ()) -> Cell:
    doubtful = tuple(w for w in cell.doubtful if w in text.split())
    return Cell(text, x0, x1, cell.bold, words, doubtful)


def _split_glued(cell: Cell) -> list[Cell]:
    """A cell that holds both columns (their gap too narrow to see): cut before the motto or the date."""
    if DATE_LINE.match(cell.text) or is_motto(cell.text):
        return [cell]
    if len(cell.words) == len(cell.text.split()) > 1:  # a PDF: cut at the widest gap, if the right part is one
        gaps = [(b[1] - a[2], k) for k, (a, b) in enumerate(zip(cell.words, cell.words[1:]), 1)]
        gap, k = max(gaps)
        start = len(" ".join(cell.text.split()[:k]))
        rest = cell.text[start:].strip()
        if gap >= _COLUMN_GAP and (DATE_LINE.match(rest) or is_motto(rest)):
            return cut(cell, start, start)
        return [cell]
    for pattern in (_GLUED_MOTTO, _GLUED_DATE):
        m = pattern.search(cell.text)
        if m and m.start() > 0:
            left, right = cut(cell, m.start(), m.end())
            return [left, dataclasses.replace(right, glued=True)]
    return [cell]


def cut(cell: Cell, start: int, end: int) -> list[Cell]:
    """The cell as two: its text up to `start` and from `end`, with their words where known."""
    k = len(cell.text[:start].split())
    words = (cell.words[:k], cell.words[k:]) if len(cell.words) == len(cell.text.split()) else ((), ())
    cut = words[1][0][1] if words[1] else cell.x0 + (cell.x1 - cell.x0) * start / len(cell.text)
    return [part(cell, cell.text[:start].strip(), cell.x0, cut, words[0]),
            part(cell, cell.text[end:].strip(), cut, cell.x1, words[1])]


def _right_column_edge(rows: list[Row]) -> float | None:
    """Where the right-hand column starts: just left of the motto's first word."""
    starts = [w[i][1] for row in rows for c in row.cells for w in [c.words] for i in range(len(w) - 1)
              if (w[i][0], w[i + 1][0]) in MOTTO_STARTS]
    return min(starts) - 0.01 if starts else None


def split_at(cell: Cell, edge: float | None) -> list[Cell]:
    """A PDF cell whose words straddle the column edge, as two cells."""
    if edge is None or not cell.words or not cell.x0 < edge < cell.x1 or DATE_LINE.match(cell.text) \
            or is_motto(cell.text):
        return [cell]
    left = [w for w in cell.words if w[1] < edge]
    right = [w for w in cell.words if w[1] >= edge]
    if not left or not right or right[0][1] - left[-1][2] < _COLUMN_GAP:
        return [cell]  # no gap where the edge falls: one line of one column, wider than the other's start
    return [part(cell, " ".join(w[0] for w in part), part[0][1], part[-1][2], tuple(part)) for part in (left, right)]


def _columns(rows: list[Row], positioned: bool) -> tuple[list[Cell], list[Cell]]:
    """The header's cells in its left and right columns: by what they say, then by where they stand
    (a PDF's positions; a table's or a tab's column, the only position a Word or text file keeps)."""
    edge = _right_column_edge(rows) if positioned else None
    cells = [(piece, len(row.cells)) for row in rows for cell in row.cells
             for glued in _split_glued(cell) for piece in split_at(glued, edge)]
    edge = _LEFT_EDGE if edge is None else edge
    left, right = [], []
    for cell, columns in cells:
        if _separator(cell.text):
            continue
        if is_motto(cell.text) or DATE_LINE.match(cell.text):
            right.append(cell)
        elif SO.match(cell.text) or VV.match(cell.text) or cell.x0 < edge or not positioned and columns == 1:
            left.append(cell)
        else:
            right.append(cell)
    return left, right


def _issuer(f: Fields, left: list[Cell]) -> None:
    names = []
    for cell in left:
        if SO.match(cell.text) or VV.match(cell.text):
            break
        names.append(cell)
    if not names:
        f.warnings.append("co_quan_ban_hanh: the header names no issuing body")
        return
    if any(c.bold for c in names) and not all(c.bold for c in names):
        superior = [c for c in names if not c.bold]
        issuer = [c for c in names if c.bold]
    else:
        blocks: list[list[Cell]] = []
        for cell in names:
            if blocks and (_CONTINUES_NAME.match(cell.text) or blocks[-1][-1].text.endswith((" VÀ", " CỦA", "-"))
                           or forms.organisation(cell.text)):  # `BAN CHẤP HÀNH` / `TRUNG ƯƠNG`: one name wrapped
                blocks[-1].append(cell)
            else:
                blocks.append([cell])
        issuer, superior = blocks[-1], [c for b in blocks[:-1] for c in b]
    where = "the header's left column"
    accept(f, "co_quan_ban_hanh", " ".join(c.text for c in issuer), forms.organisation, where, issuer)
    if superior:
        accept(f, "co_quan_chu_quan", " ".join(c.text for c in superior), forms.organisation, where, superior)


def _number(f: Fields, left: list[Cell]) -> None:
    at = next((i for i, c in enumerate(left) if SO.match(c.text)), None)
    printed = SO.match(left[at].text)["so"].strip() if at is not None else None
    cells = [left[at]] if at is not None else []
    if printed == "" and at + 1 < len(left) and left[at + 1].text.startswith(("/", "-")):
        printed = left[at + 1].text  # `Số:` and, after the blank for the number, `/HD-LĐLĐ`
        cells.append(left[at + 1])
    if printed is None:
        f.warnings.append("so_ky_hieu: the header prints no number (`Số …`)")
        return
    printed = re.sub(r"[\s_.,;:–-]+$", "", printed)  # the underline below the number, read by OCR as `-_`
    spaced = re.sub(r"\s*([/–-])\s*", lambda m: "-" if m.group(1) == "–" else m.group(1), printed)
    if not accept(f, "so_ky_hieu_in", printed or None, None, "the number line", cells):
        return
    if not re.match(r"\d", spaced):
        f.warnings.append(f"so_ky_hieu: the number is left blank (`Số {printed}`); a signed PDF may carry it "
                          "only in its signature: read it there and fill it in")
        return
    canonical = symbols.canonical(spaced)
    if canonical is None:
        f.warnings.append(f"so_ky_hieu: `{printed}` is not a symbol this project can read; fill it in as "
                          "`15-CTr/TU` (Party) or `15/CTr-LĐLĐ` (state, union), the numbers as printed")
        return
    f.so_ky_hieu = canonical


def _place_and_date(f: Fields, right: list[Cell]) -> None:
    cell = next((c for c in right if DATE_LINE.match(c.text)), None)
    if cell is None:
        f.warnings.append("noi_ban_hanh: no place and date line (`…, ngày … tháng … năm …`)")
        f.warnings.append("ngay_ban_hanh: no date of issue in the header")
        return
    line = DATE_LINE.match(cell.text)
    where = "the place-and-date line"
    if cell.glued:
        f.warnings.append(f"noi_ban_hanh: the place-and-date line is glued to the left column's line (`{cell.text[:60]}`): "
                          "where the place starts is not certain; left empty: fill it in from the original")
    else:
        accept(f, "noi_ban_hanh", " ".join(line["place"].split()), forms.place, where, [cell])
    if not (line["d"] and line["m"] and line["y"]):
        f.warnings.append(f"ngay_ban_hanh: the date is incomplete (`{line.group().strip()}`); "
                          "a signed PDF may carry it only in its signature")
        return
    y, m, d = int(line["y"]), int(line["m"]), int(line["d"])
    reason = forms.date(y, m, d)
    if reason:
        f.warnings.append(f"ngay_ban_hanh: `{line.group().strip()}` is {reason}; left empty: fill it in from the original")
        return
    accept(f, "ngay_ban_hanh", f"{y:04d}-{m:02d}-{d:02d}", None, where, [cell])


def _type_and_title(f: Fields, z: Zones, left: list[Cell], positioned: bool) -> None:
    if z.type_row is not None:
        accept(f, "loai", type_name(z.type_row.text.strip()), None, "the type line", z.type_row.cells)
        text = " ".join(p.text for p in paragraphs(z.title, positioned))
        if not text:
            f.warnings.append("trich_yeu: nothing under the type line")
        accept(f, "trich_yeu", text or None, forms.subject, "the lines under the type line",
                [c for r in z.title for c in r.cells])
        return
    vv = [i for i, c in enumerate(left) if VV.match(c.text)]
    if vv:
        f.loai = "Công văn"
        text = " ".join([VV.match(left[vv[0]].text)["tv"]] + [c.text for c in left[vv[0] + 1:]])
        accept(f, "trich_yeu", text, forms.subject, "the `V/v` lines", left[vv[0]:])
        return
    settled = _type_of_symbol(f.so_ky_hieu)
    if settled:
        f.loai = settled
        f.warnings.append(f"loai: no type line; `{f.so_ky_hieu}` says {settled} (the type abbreviations of "
                          "Nghị định 30/2020 Phụ lục III and Hướng dẫn 36-HD/VPTW)")
    else:
        f.warnings.append("loai: no type line (`KẾ HOẠCH`, `QUYẾT ĐỊNH`…) and no `V/v`: the type is not printed")
    f.warnings.append("trich_yeu: no trích yếu under a type line or after `V/v`")


def _type_of_symbol(so_ky_hieu: str | None) -> str | None:
    """The type a symbol settles: its type code (`CTr` → Chương trình, `KL` → Kết luận, `CV` → Công văn), or
    Công văn for a state symbol with none (`1447/TLĐ-QHLĐ`). A Party `QĐ` is quyết định or quy định: not settled."""
    symbol = symbols.parse(so_ky_hieu) if so_ky_hieu else None
    if symbol is None or symbol.party and symbol.type == "QĐ":
        return None
    return symbols.TYPE_CODES.get(symbol.type) if symbol.type else "Công văn"


def capitals(text: str) -> bool:
    return text == text.upper() and any(ch.isalpha() for ch in text)
