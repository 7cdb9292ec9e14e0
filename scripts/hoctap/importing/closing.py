"""The closing: the Nơi nhận column on the left, the signature block on the right (authority lines
`TM.`/`T/M`/`KT.`/`TL.`/`TUQ.`, one position line, the signer's name).

The two columns are interleaved line by line in a PDF's text and stacked in a Word table or a
text file, so a line goes by what it says first: a dash item is a recipient, an authority mark,
a line in capitals or a person's name belongs to the signature; by where it stands second.
"""

from __future__ import annotations

import re

from . import forms
from .header import Fields, accept, capitals as _capitals, cut, part, split_at
from .model import Cell, Row
from .rules import AUTHORITY, plain

_LEFT_EDGE = 0.45
_NOT_SIGNATURE = re.compile(r"^\(.*\)$|^\[.*\]$|^(?:đã ký|Đã ký|ĐÃ KÝ)\b")
_INNER_AUTHORITY = re.compile(r"(?<=\S)\s+(?=(?:TM|KT|TL|TUQ)\.\s*[A-ZĐ]{2}|(?:T/M|K/T|T/L)\.?\s+[A-ZĐ]{2})")
"""Where a signing authority starts inside a line that also holds a recipient (`- Lưu VP. T/M BAN…`)."""


def read(f: Fields, rows: list[Row], positioned: bool) -> None:
    """Nơi nhận on the left, the signature on the right: a line goes by what it says first (a dash
    item, an authority mark, capitals, a name), by where it stands second."""
    left: list[str] = []
    right: list[Cell] = []
    for cell, columns in _closing_cells(rows, positioned):
        text = cell.text
        if text.startswith(("Nơi nhận", "-", "–", "+", "•")) or plain(text).startswith("luu"):
            left.append(text)
        elif AUTHORITY.match(text) or _NOT_SIGNATURE.match(text) or _capitals(text):
            right.append(cell)  # no recipient is printed in capitals without its dash
        elif positioned or columns > 1:
            (right if cell.x0 >= _LEFT_EDGE else left).append(cell if cell.x0 >= _LEFT_EDGE else text)
        elif forms.person(text) is None or right:
            right.append(cell)
        else:
            left.append(text)  # a wrapped recipient
    f.noi_nhan_in = _recipients(left)
    f.noi_nhan = [re.sub(r"\s*[;,.]$", "", item) for item in f.noi_nhan_in]
    wrong = next(((item, why) for item in f.noi_nhan if (why := forms.recipient(item))), None)
    if wrong:
        f.noi_nhan = []  # the list is the field: one item misread makes it wrong; the full text keeps it as read
        f.warnings.append(f"noi_nhan: `{wrong[0]}` {wrong[1]}; fill the list in from the original")
    elif not f.noi_nhan:
        f.warnings.append("noi_nhan: no `Nơi nhận` list")
    _signature(f, [c for c in right if not _NOT_SIGNATURE.match(c.text)])


def _closing_cells(rows: list[Row], positioned: bool) -> list[tuple[Cell, int]]:
    """The closing's cells, a recipient and a signature line that share a cell cut apart: at an
    authority mark, or (a PDF) at the signature column's left edge."""
    cells = []
    for row in rows:
        for cell in row.cells:
            m = _INNER_AUTHORITY.search(cell.text)
            cells += [(c, len(row.cells) + 1) for c in cut(cell, m.start(), m.end())] if m else [(cell, len(row.cells))]
    if positioned:
        starts = [c.x0 for c, _ in cells if c.x0 >= 0.35 and (AUTHORITY.match(c.text) or _capitals(c.text))]
        edge = min(starts) - 0.01 if starts else None
        cells = [(piece, n) for c, n in cells for piece in split_at(c, edge)]
    return cells


def _recipients(left: list[str]) -> list[str]:
    """`Nơi nhận` items without their dash; a wrapped item is joined again."""
    items: list[str] = []
    for text in left:
        heading = text.startswith("Nơi nhận")
        pieces = re.split(r"(?:^|\s)[-–+•]\s+", re.sub(r"^Nơi nhận\s*:?\s*", "", text))
        first = pieces[0].strip()
        if first and items and not heading and not plain(first).startswith("luu"):
            items[-1] += " " + first
        elif first:
            items.append(first)
        items += [p.strip() for p in pieces[1:] if p.strip()]
    return items


def _signature(f: Fields, right: list[Cell]) -> None:
    """Authority lines (`TM. …`, `KT. …`, with their wrapped lines), then one position line, then the
    name: a block that holds anything else is not read, for a wrong line is worse than none."""
    authority: list[list[Cell]] = []
    after: list[Cell] = []
    name: Cell | None = None
    unread: Cell | None = None
    for cell in right:
        if name is not None:
            break
        if AUTHORITY.match(cell.text):
            authority.append([cell])
        elif _capitals(cell.text) and authority and not after and forms.position(cell.text):
            authority[-1].append(cell)  # `T/M BAN CHẤP HÀNH TRUNG` / `ƯƠNG`: the authority line wrapped
        elif _capitals(cell.text):
            after.append(cell)
        elif forms.person(cell.text) is None:
            name = cell
        else:
            unread = cell if len(cell.text.split()) <= 6 else None  # a name the form check refused, or a sentence
            break  # the block has ended
    if name is None and len(after) >= 2 and forms.person(after[-1].text.title()) is None \
            and forms.position(after[-1].text) and forms.organisation(after[-1].text):
        name = after.pop()  # the name printed in capitals
    where = "the signature block"
    if authority:
        accept(f, "tham_quyen_ky", ", ".join(" ".join(c.text for c in part) for part in authority), forms.authority,
                where, [c for part in authority for c in part])
    else:
        f.warnings.append("tham_quyen_ky: no signing authority (`TM.`, `KT.`, `T/M`…): "
                          "signed in the signer's own name, or not shown")
    if len(after) == 2 and len(after[1].text.split()) <= 3 and name is not None:
        after = [part(after[0], f"{after[0].text} {after[1].text}", after[0].x0, after[1].x1)]  # `PHÓ CHỦ TỊCH` / `THƯỜNG TRỰC`
    if len(after) == 1:
        accept(f, "chuc_vu_ky", after[0].text, forms.position, where, after)
    elif after:
        f.warnings.append("chuc_vu_ky: the signature block holds more lines than an authority, a position and a name "
                          f"({' / '.join(c.text for c in after)[:100]}); left empty: fill it in from the original")
    else:
        f.warnings.append("chuc_vu_ky: the signature block prints no position line")
    if name is not None:
        accept(f, "nguoi_ky", name.text, lambda t: forms.person(t.title() if _capitals(t) else t), where, [name])
    elif unread is not None and (authority or after):
        f.warnings.append(f"nguoi_ky: `{unread.text}` under the signature does not read as a person's name "
                          f"({forms.person(unread.text)}); left empty: fill it in from the original")
    else:
        f.warnings.append("nguoi_ky: the signer's name is not printed (a signed PDF may show it only in its signature)")
