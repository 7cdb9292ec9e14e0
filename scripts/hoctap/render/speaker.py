"""Speaker sheets (phiếu báo cáo viên): one per programme the plan lists for study, one A4 page each.

A sheet holds only what the sources state: the document's front matter; what the plan says of the
programme, quoted in whole clauses (hoctap.text.clauses); the focus areas the plan names
(`docs/includes/bao-cao-vien.yml`, checked against its source lines by hoctap.registry.focus); the
study's purpose (I.1) and requirement (I.2) as the plan words them, each under its own part; discussion
questions that ask members to connect one of those quotations to their own workplace, each naming
the quotation it starts from, with no answer made up for them; and blank lines for the speaker's notes.
Where the plan is silent the sheet says it is awaiting the official text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.page import Document
from ..registry.focus import Focus
from ..registry.documents import Registry
from . import partials
from .blocks import relative_link
from ..text.clauses import clauses_around, mark_slips
from ..text.sources import section_of
from .labels import field_date, format_date, labels
from .titles import Values, adopted_by_congress, as_named_by, status, subject, title

PARTS = {"I.1": "purpose", "I.2": "requirement"}
"""The plan's sections the common quotations come from, by the word that heads each on the sheet."""


def study_programmes(registry: Registry) -> list[Document]:
    """The programmes the plan lists for study (`noi_dung_hoc_tap`), in the plan's order."""
    return [d for d in registry.catalogue() if d.ma in registry.study_order and not d.noi_bo]


def sheet_id(document: Document) -> str:
    return "phieu-" + document.page.path.name.split(".")[0]


def sheets(registry: Registry, focus: Focus, page_src: str, lang: str, source_dir: Path, raw=lambda html: html,
           beside=lambda document: "", key_points=lambda document: "", theme_dir: Path = partials.THEME_DIR) -> str:
    """Every programme's sheet, one printed page each; `raw(html)` is how its raw HTML goes in (render/stash.py);
    `beside(document)` is raw HTML put under its title (its page's QR code, its slide deck);
    `key_points(document)` its kept key points as quotations (render/key_point_block.py), "" for none."""
    return "".join(_sheet(d, registry, focus, page_src, lang, source_dir, raw, beside(d), key_points(d), theme_dir)
                   for d in study_programmes(registry))


def link_to_sheet(document: Document, registry: Registry, page_src: str, speaker_page: str) -> str:
    """The line a programme's own page gets, pointing to its sheet."""
    if document.ma not in registry.study_order or document.noi_bo:
        return ""
    href = relative_link(page_src, speaker_page) + "#" + sheet_id(document)
    return f"\n\n!!! tip ht-no-pdf \"Báo cáo viên\"\n\n    [Phiếu chuẩn bị bài nói cho chương trình này]({href}), in được trên một trang.\n"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""Characters Markdown (with `attr_list` and `tables`) reads as syntax."""


def text(value: str | None) -> str:
    """A front-matter value as Markdown that shows it as written: no tag, link or emphasis of its own."""
    return _MARKDOWN.sub(r"\\\1", html.escape(value or "", quote=False))


def _sheet(d: Document, registry: Registry, focus: Focus, page_src: str, lang: str, source_dir: Path, raw,
           beside: str = "", quoted: str = "", theme_dir: Path = partials.THEME_DIR) -> str:
    """One sheet, `overrides/partials/phieu-bao-cao-vien.md`: its values as Markdown that shows them as written;
    `quoted` its kept key points as quotations, "" for none."""
    t = labels(lang)
    words = labels(lang, "speaker")
    values = Values(lang)
    link = lambda doc, said=None: f"[{text(said or doc.so_ky_hieu or cited_as(doc, lang))}]({relative_link(page_src, doc.page.path.as_posix())})"
    implements = [registry.get(m) for m in d.thuc_hien + d.can_cu if registry.get(m)]
    adopted = adopted_by_congress(d)
    said = status(d)
    awaiting = t["awaiting_heading"]
    facts = [
        (t["so_ky_hieu"], link(d)),
        (t["loai"], text(d.loai or t["unknown"])),
        (t["ngay_thong_qua" if adopted else "ngay_ban_hanh"], field_date(d.ngay_ban_hanh, lang)),
        (t["co_quan_thong_qua" if adopted else "co_quan_ban_hanh"], text(d.co_quan_ban_hanh or t["unknown"])),
        (t["trich_yeu"], text(d.trich_yeu or t["unknown"])),
        (t["thuc_hien"], "; ".join(_implemented(x, d, values, link, lang) for x in implements) or words["not_said"]),
    ]
    facts += [(t["tinh_trang"], t.get(said, said))] if said else []
    facts += [(words["full_text"], words["has_full_text"] if d.page.meta.get("toan_van") else awaiting)]
    own = focus.chuong_trinh.get(d.ma, [])
    plan_says = [Quote(1, text(mark_slips(passage)), citation_of(d.nguon[0], source_dir))] if d.nguon and (
        passage := clauses_around(source_dir, d.nguon[0])) else []
    common = [Quote(len(plan_says) + n, text(item), focus.muc.get(item) or "")
              for n, item in enumerate(focus.chung, start=1)]
    return partials.render(
        "phieu-bao-cao-vien.md", theme_dir, id=sheet_id(d), title=text(title(d, values)), raw=raw, beside=beside,
        facts=facts, focus=[text(item) for item in own], awaiting=awaiting, quoted=quoted, words=words,
        plan_says=plan_says, common=common, parts=PARTS, asked=_questions(plan_says, own, common, words))


@dataclass
class Quote:
    """A quotation on a sheet: its number (what a question names), its words, the plan's section it is from."""

    n: int
    words: str
    muc: str


def citation_of(ref: str, source_dir: Path) -> str:
    """The plan's section a reference points into (`II.1`), "" for none."""
    found = section_of(source_dir, ref)
    return (found[1] or "") if found else ""


def cited_as(document: Document, lang: str) -> str:
    """A document as the plan cites it: "Chỉ thị số 58-CT/TW, ngày 10/01/2026 của Ban Bí thư"."""
    if not document.so_ky_hieu:
        return document.trich_yeu or document.ma
    said = f"{document.loai} số {document.so_ky_hieu}"
    if document.ngay_ban_hanh:
        said += f", {format_date(document.ngay_ban_hanh, lang)}"
    return said + (f" của {document.co_quan_ban_hanh}" if document.co_quan_ban_hanh else "")


def _implemented(x: Document, d: Document, values: Values, link, lang: str) -> str:
    """One document `d` implements, as its sheet lists it: symbol and subject, or the name `d` prints;
    a document whose subject nobody has written yet (an import that could not read it) by its link alone."""
    if x.so_ky_hieu:
        said = subject(x, values)
        return f"{link(x, cited_as(x, lang))} — {text(said.text)}" if said else link(x, cited_as(x, lang))
    said = as_named_by(d, x, values)
    return link(x, said.text if said else None)


def _questions(plan_says: list[Quote], own: list[str], common: list[Quote], words: dict) -> list[str]:
    """Questions for members' discussion, each starting from one quotation on the sheet (by its number)
    and asking how it meets their own workplace; none has an answer written for them."""
    asked = [words["ask_plan"].format(n=q.n) for q in plan_says]
    if len(own) > 1 and plan_says:
        asked.append(words["ask_focus"].format(n=plan_says[0].n))
    asked += [words["ask_" + PARTS[q.muc]].format(n=q.n) for q in common if q.muc in PARTS]
    return asked
