"""Speaker sheets (phiếu báo cáo viên): one per programme the plan lists for study.

A sheet holds only what the sources state: the document's front matter, the focus areas quoted from
the plan (`docs/includes/bao-cao-vien.yml`, checked against its source lines by hoctap.registry.focus), discussion
questions built from those same facts — each with its answer — and blank lines for the speaker's
notes. Where the plan is silent the sheet says it is awaiting the official text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..content.page import Document
from ..registry.focus import Focus
from ..registry.documents import Registry
from . import partials
from .blocks import relative_link
from .labels import field_date, format_date, labels
from .titles import Values, subject, title

PURPOSE = "I.1"
"""The plan's section that says why members study (mục I.1, Mục đích): the answer to "Vì sao…"."""


def study_programmes(registry: Registry) -> list[Document]:
    """The programmes the plan lists for study (`noi_dung_hoc_tap`), in the plan's order."""
    return [d for d in registry.catalogue() if d.ma in registry.study_order and not d.noi_bo]


def sheet_id(document: Document) -> str:
    return "phieu-" + document.page.path.name.split(".")[0]


def sheets(registry: Registry, focus: Focus, page_src: str, lang: str, raw=lambda html: html,
           beside=lambda document: "", key_points=lambda document: "", theme_dir: Path = partials.THEME_DIR) -> str:
    """Every programme's sheet, one printed page each; `raw(html)` is how its raw HTML goes in (render/stash.py);
    `beside(document)` is raw HTML put under its title (its page's QR code, its slide deck);
    `key_points(document)` its kept key points as quotations (render/key_point_block.py), "" for none."""
    return "".join(_sheet(d, registry, focus, page_src, lang, raw, beside(d), key_points(d), theme_dir)
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


def _sheet(d: Document, registry: Registry, focus: Focus, page_src: str, lang: str, raw, beside: str = "",
           quoted: str = "", theme_dir: Path = partials.THEME_DIR) -> str:
    """One sheet, `overrides/partials/phieu-bao-cao-vien.md`: its values as Markdown that shows them as written;
    `quoted` its kept key points as quotations, "" for none."""
    t = labels(lang)
    values = Values(lang)
    link = lambda doc, said=None: f"[{text(said or doc.so_ky_hieu or cited_as(doc, lang))}]({relative_link(page_src, doc.page.path.as_posix())})"
    implements = [registry.get(m) for m in d.thuc_hien + d.can_cu if registry.get(m)]
    own = focus.chuong_trinh.get(d.ma, [])
    awaiting = t["awaiting_heading"]
    facts = [
        (t["so_ky_hieu"], link(d)),
        (t["loai"], text(d.loai or t["unknown"])),
        (t["ngay_ban_hanh"], field_date(d.ngay_ban_hanh, lang)),
        (t["co_quan_ban_hanh"], text(d.co_quan_ban_hanh or t["unknown"])),
        (t["trich_yeu"], text(d.trich_yeu or t["unknown"])),
        (t["thuc_hien"], "; ".join(f"{link(x, cited_as(x, lang))} — {text(subject(x, values).text)}"
                                   if x.so_ky_hieu else link(x) for x in implements) or "Kế hoạch không nêu"),
        (t["tinh_trang"], t.get(d.tinh_trang, d.tinh_trang)),
        ("Toàn văn", "có" if d.page.meta.get("toan_van") else awaiting),
    ]
    return partials.render(
        "phieu-bao-cao-vien.md", theme_dir, id=sheet_id(d), title=text(title(d, values)), raw=raw, beside=beside,
        facts=facts, focus=[text(item) for item in own], awaiting=awaiting, quoted=quoted,
        common=[(text(item), focus.muc.get(item)) for item in focus.chung],
        asked=_questions(d, implements, own, focus.chung, focus.muc, lang))


def cited_as(document: Document, lang: str) -> str:
    """A document as the plan cites it: "Chỉ thị số 58-CT/TW, ngày 10/01/2026 của Ban Bí thư"."""
    if not document.so_ky_hieu:
        return document.trich_yeu or document.ma
    said = f"{document.loai} số {document.so_ky_hieu}"
    if document.ngay_ban_hanh:
        said += f", {format_date(document.ngay_ban_hanh, lang)}"
    return said + (f" của {document.co_quan_ban_hanh}" if document.co_quan_ban_hanh else "")


def _questions(d: Document, implements: list[Document], own: list[str], chung: list[str], muc: dict[str, str], lang: str):
    """Questions whose answers are the sheet's own facts, so a speaker can always answer them."""
    name = text(d.so_ky_hieu or d.trich_yeu)
    purpose = [item for item in chung if muc.get(item) == PURPOSE]
    asked = []
    if d.co_quan_ban_hanh and d.ngay_ban_hanh:
        asked.append((f"{name} do cơ quan nào ban hành, vào ngày nào?",
                      f"{text(d.co_quan_ban_hanh)}, {format_date(d.ngay_ban_hanh, lang)}."))
    if implements:
        asked.append((f"{name} được ban hành để thực hiện văn bản nào?",
                      "; ".join(text(cited_as(x, lang)) for x in implements) + "."))
    if own:
        asked.append((f"Theo Kế hoạch, {name} tập trung vào những nội dung nào?", "; ".join(map(text, own)) + "."))
    if purpose:
        asked.append(("Vì sao đoàn viên, người lao động cần học tập, quán triệt chương trình này?",
                      "Để " + "; ".join(map(text, purpose)) + f" (Kế hoạch, mục {PURPOSE})."))
    return asked
