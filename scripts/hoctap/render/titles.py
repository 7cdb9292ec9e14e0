"""What a document is called on the site, in each language: "03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể".

A title says the document (its symbol, or for one without a symbol its kind and date) and its
subject (`ten_ngan`, a shortening of the trích yếu; the trích yếu itself when there is none). The
front matter's values are Vietnamese; their translations are data, one file per language
(`docs/includes/values.<lang>.yml`: `loai`, `co_quan_ban_hanh`, and `ten_ngan` by document),
and a value without a translation is shown as written, marked Vietnamese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.page import Document
from ..text.pages import DEFAULT_LANG
from ..text.sentence_case import sentence_case
from ..text.yaml_text import safe_load
from .labels import format_date

VALUES_FILE = "includes/values.{lang}.yml"
FIELDS = ("loai", "co_quan_ban_hanh", "ten_ngan")


@dataclass(frozen=True)
class Value:
    """A front-matter value as one language shows it; `lang` is the language it is written in."""

    text: str
    lang: str


@dataclass
class Values:
    """One language's translations of front-matter values: {field: {Vietnamese value or document: text}}."""

    lang: str = DEFAULT_LANG
    by_field: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, docs_dir: Path, lang: str) -> "Values":
        path = Path(docs_dir) / VALUES_FILE.format(lang=lang)
        if lang == DEFAULT_LANG or not path.is_file():
            return cls(lang)
        data = safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(lang, {key: {str(k): str(v) for k, v in (data.get(key) or {}).items()} for key in FIELDS})

    def of(self, key: str, value: str | None) -> Value | None:
        """`value` of front-matter field `key` in this language, or as written (Vietnamese)."""
        if not value:
            return None
        translated = self.by_field.get(key, {}).get(value)
        return Value(translated, self.lang) if translated else Value(value, DEFAULT_LANG)


def name(document: Document, values: Values) -> str:
    """How a reader names the document: its symbol; without one, its kind and date ("Kế hoạch ngày 31/3/2026")."""
    if document.so_ky_hieu:
        return document.so_ky_hieu
    if document.ngay_ban_hanh is None:
        return ""
    kind = values.of("loai", document.loai)
    joiner = " of " if values.lang == "en" else " "
    return f"{kind.text if kind else ''}{joiner}{format_date(document.ngay_ban_hanh, values.lang)}".strip()


def subject(document: Document, values: Values) -> Value | None:
    """The subject in a few words: the short title (translated by document, if this language has it)."""
    translated = values.by_field.get("ten_ngan", {}).get(document.ma)
    if translated:
        return Value(translated, values.lang)
    text = document.ten_ngan or sentence_case(document.trich_yeu or "")
    return Value(text, DEFAULT_LANG) if text else None


def title(document: Document, values: Values) -> str:
    """`name — subject`, or whichever of the two the document has."""
    said = subject(document, values)
    return " — ".join(part for part in (name(document, values), said.text if said else "") if part) or document.ma


_IMPLEMENTING = re.compile(r"(?<!\w)thực hiện (?P<said>[^,;]+)", re.I)


def as_named_by(citing: Document, target: Document, values: Values) -> Value | None:
    """`target` as `citing` names it, in its own words: a relation is labelled as the citing document
    prints it ("15/CTr-LĐLĐ thực hiện Nghị quyết Công đoàn tỉnh Lai Châu khóa XIV"), not by the name
    the site gives the document it identified (the identification is a note on the target's page).
    Only for a target without a symbol (a symbol names it already), on Vietnamese pages, and when
    `citing` implements that one document; otherwise the target's own subject."""
    said = _IMPLEMENTING.search(citing.trich_yeu or "")
    if values.lang == DEFAULT_LANG and said and not target.so_ky_hieu and citing.thuc_hien == [target.ma]:
        return Value(said["said"].strip(), DEFAULT_LANG)
    return subject(target, values)


ADOPTED = "da-thong-qua"
"""A congress's resolution is adopted ("thông qua") by the congress, not issued."""


def adopted_by_congress(document: Document) -> bool:
    return (document.loai or "") == "Nghị quyết" and (document.co_quan_ban_hanh or "").startswith("Đại hội")


def status(document: Document) -> str | None:
    """The document's own status as its card says it, in the words of its type: what its page states
    (`tinh_trang:`); else a congress's resolution is adopted and a document the source dates is issued;
    else nothing, since no source says it."""
    if "tinh_trang" in document.page.meta:
        return document.tinh_trang
    if adopted_by_congress(document):
        return ADOPTED
    return "da-ban-hanh" if document.ngay_ban_hanh else None
