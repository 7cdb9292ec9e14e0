"""Key points proposed from an imported text, for the editors to keep, drop and order
(`docs/includes/diem-chinh.yml`, checked by hoctap.registry.key_points). Three kinds, each a verbatim quote
of the text as printed with the anchor of the place it sits under:

- `muc-tieu` — a target: a sentence with a percentage, a quantity (`110 người`, `01 ngày`),
  `phấn đấu` or `đến năm`; dates, document numbers, terms (`nhiệm kỳ 2025-2030`) and the numbers
  of units (`Điều 5`, `khóa XIV`) are not quantities;
- `nhiem-vu` — the headings under a heading of tasks or solutions (`nhiệm vụ`, `giải pháp`);
  with none, the items listed under it;
- `to-chuc-thuc-hien` — what is assigned under `Tổ chức thực hiện` (or a decision's `Trách nhiệm
  thi hành`): each paragraph and item, under the anchor of its addressee's heading.

Nothing is summarised or reworded: a sentence is cut only where the text itself ends one, and a
list item loses only its printed dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.toan_van_markers import HEADING_ID
from .rules import MARKER, fold
from .structure import Body

KINDS = {"muc-tieu": "mục tiêu", "nhiem-vu": "nhiệm vụ, giải pháp", "to-chuc-thuc-hien": "tổ chức thực hiện"}
"""Each kind of proposal, and how the printed proposals name it."""

_TASKS = re.compile("|".join(map(fold, ("nhiệm vụ", "giải pháp"))))
_ASSIGNMENTS = re.compile("|".join(map(fold, ("tổ chức thực hiện", "trách nhiệm thi hành"))))
"""Headings of tasks and solutions, and of assignments, as hoctap.importing.rules.fold reads them."""
_CLOSING = re.compile(r"^(?:Trên đây|Nơi nhận)\b")
"""The closing formula after the last assignment (`Trên đây là Kế hoạch…`): not one."""
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[^\W_a-zđ]|\d)")
"""Where the text ends a sentence or a clause: after `.`, `;`, `!`, `?`, before a capital or a digit."""
_TARGET_WORDS = re.compile(r"\bphấn đấu\b|\bđến năm \d{4}", re.I)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_NOT_QUANTITIES = (
    re.compile(r"\d+(?:\s?[/-]\s?[\wĐđ]+)+"),  # dates (04/3/2026, 4/2026), symbols (15-CTr/TU), terms (2025-2030)
    re.compile(r"\b(?:ngày|tháng|năm|số|khóa|khoá|Điều|điều|khoản|điểm|kỳ|quý|mục|lần thứ|Phần|Chương|Nghị định)\s*\d+",
               re.I),
)
_QUANTITY = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)?\s+[^\W\d_]")


@dataclass(frozen=True)
class Proposal:
    loai: str  # a key of KINDS
    trich: str
    neo: str

    def as_json(self) -> dict:
        return {"loai": self.loai, "trich": self.trich, "neo": self.neo}


def propose(body: Body) -> list[Proposal]:
    """The proposals of one imported text, in the order of the text, each quote once."""
    headings = {h.anchor: h for h in body.outline}
    # A heading with headings under it (the next one is deeper): its tasks are those, not its items
    parents = {h.anchor for h, after in zip(body.outline, body.outline[1:]) if after.level > h.level}
    stack: list = []  # the headings above the passage, outer first
    found: list[Proposal] = []
    for printed, anchor in body.passages:
        heading = headings.get(anchor)
        words = printed
        if heading is not None and printed.startswith(heading.text):
            while stack and stack[-1].level >= heading.level:
                stack.pop()
            if any(_TASKS.search(fold(h.text)) for h in stack):
                found.append(Proposal("nhiem-vu", _unmarked(heading.text), anchor))
            stack.append(heading)
            words = printed[len(heading.text):].strip()  # `2. Thời gian: Trong quý I.` goes on after its label
        if not words:
            continue
        neo = anchor or HEADING_ID
        item = MARKER.match(words)
        # A list item's dash, a khoản's `1.` or a điểm's `a)` is a label (its anchor says it), not words
        plain = words[item.end():].strip() if item and (item["bullet"] or item["arabic"] or item["letter"]) else words
        if any(_ASSIGNMENTS.search(fold(h.text)) for h in stack):
            if not _CLOSING.match(plain):
                found.append(Proposal("to-chuc-thuc-hien", plain, neo))
        elif item and item["bullet"] and stack and _TASKS.search(fold(stack[-1].text)) and stack[-1].anchor not in parents:
            found.append(Proposal("nhiem-vu", plain, neo))
        else:
            found += [Proposal("muc-tieu", s, neo) for s in _SENTENCE_END.split(plain) if is_target(s)]
    return list({p.trich: p for p in reversed(found)}.values())[::-1]


def is_target(sentence: str) -> bool:
    """A sentence that sets a target: a percentage, `phấn đấu`, `đến năm 2030`, or a quantity of something."""
    if _PERCENT.search(sentence) or _TARGET_WORDS.search(sentence):
        return True
    rest = sentence
    for pattern in _NOT_QUANTITIES:
        rest = pattern.sub(" ", rest)
    return bool(_QUANTITY.search(rest))


def _unmarked(heading: str) -> str:
    """A heading's words without its printed number (`1. Tăng cường…` → `Tăng cường…`)."""
    m = MARKER.match(heading)
    return heading[m.end():].strip() if m and not m["bullet"] and not m["kind"] else heading


def as_yaml(key: str, proposals: list[Proposal], sections: dict[str, str]) -> str:
    """The proposals as a block to paste into `docs/includes/diem-chinh.yml` under the document's key;
    each one's kind and section in a comment above it. Strings in JSON's quoting, which YAML reads."""
    import json

    lines = ["# Đề xuất điểm chính (hoctap import --key-points): giữ, bỏ, xếp lại, không sửa chữ nào.",
             f"{json.dumps(key, ensure_ascii=False)}:"]
    for p in proposals:
        where = sections.get(p.neo)
        lines += [f"  # {KINDS[p.loai]}" + (f" · {where}" if where else ""),
                  f"  - trich: {json.dumps(p.trich, ensure_ascii=False)}", f"    neo: {p.neo}"]
    return "\n".join(lines) + "\n"
