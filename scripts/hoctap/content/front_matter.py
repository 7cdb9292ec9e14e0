"""The front matter's schema: every key a page may have, its type and its checks, declared once (pydantic).

Field names stay Vietnamese, as editors write them:

- `so_ky_hieu` — document symbol, canonical form (`15-CTr/TU`, `15/CTr-LĐLĐ`); empty when unknown.
- `loai` — kind of document (Chương trình, Chỉ thị, Nghị quyết, Công văn, Kế hoạch…).
- `ngay_ban_hanh` — date of issue, strictly `YYYY-MM-DD`, not after the day of the build; empty when unknown.
- `co_quan_ban_hanh` — issuing body.
- `trich_yeu` — the title as issued (or as the source cites it).
- `ten_ngan` — short title, the subject in a few of the trích yếu's own words, in their order
  ("Đối thoại, thương lượng tập thể"): menus, cards and titles read "symbol — short title".
- `tinh_trang` — the document's own status: `da-ban-hanh` (issued, the default: everything the
  plan cites is issued) or `het-hieu-luc` (no longer in force). Not the page's review state.
- `thuc_hien` / `can_cu` — documents this one implements / is based on, each named by its
  symbol, or by its page name (`nghi-quyet-dai-hoi-xiv-dang`) when it has no known symbol.
- `trich_dan` — how the text cites what it implements or is based on, written by `hoctap import`:
  each item the symbol with the date (`ngay`) and the issuer (`co_quan`) printed beside it; a cited
  document with no page yet is shown by them on the map and in the catalogue ("được nhắc đến").
- `trang_thai` — editorial review of the page (not of the document): `du-thao` (draft) or
  `da-duyet` (approved, with `nguoi_duyet` who approved and `ngay_duyet` when, as the editors
  record it). Shown in previews only.
- `nguon` — where the facts come from: files in the sources folder (`sources/`), with lines.
- `noi_bo` — internal only: left out of a public build.
- `chi_xem_truoc` — preview only (the editors' guide): never in a publish or a bundle.

Unknown facts are left empty and shown as unknown, never guessed. The schema (`FrontMatter`,
`DocumentMeta`, below) declares every key a page may have and its type; each page is validated
once (`Page.checked`) and everything downstream reads the validated values.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from ..text.findings import Finding
from ..text.pages import DEFAULT_LANG, PAGE_KINDS

if TYPE_CHECKING:
    from .page import Page

TRANG_THAI = {"du-thao": "Dự thảo", "da-duyet": "Đã duyệt"}
TINH_TRANG = {"da-ban-hanh": "Đã ban hành", "het-hieu-luc": "Hết hiệu lực"}
"""A document's own status; `da-ban-hanh` when the front matter does not say."""
_WORD = re.compile(r"\w+")


def is_document(page: Page) -> bool:
    """A page describes an official document when its front matter has `loai` or `so_ky_hieu`."""
    return "loai" in page.meta or "so_ky_hieu" in page.meta


def parse_date(value) -> dt.date | None:
    """A date written strictly `YYYY-MM-DD`, or None when left empty; ValueError for anything else.

    `date.fromisoformat` alone also takes `20260520` and `2026-W21-3`, and YAML reads `20260520`
    as a number: a date an editor cannot read back is not a date of the site."""
    if value in (None, ""):
        return None
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value.strip())):
        raise ValueError(f"not a date written YYYY-MM-DD: {value!r}")
    return dt.date.fromisoformat(value.strip())


# -- the schema ---------------------------------------------------------------------
# Every front-matter key a page may have, with its type, declared once (pydantic). A key not
# declared here is a mistake (`noibo:` for `noi_bo:`) and an error, never silently ignored.

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
GENERATED = PAGE_KINDS.all
"""Values of `hoctap:`, the block the plugin generates on the page (render/kit.py, render/blocks.py)."""


def _date(value):
    try:
        return parse_date(value)
    except ValueError:
        raise PydanticCustomError("date", "not a real date written YYYY-MM-DD") from None


def _not_after_today(value: dt.date | None):
    """A document cannot be issued, nor a page approved, after the day the site is built."""
    if value is not None and value > dt.date.today():
        raise PydanticCustomError("future", "after today, the day of the build")
    return value


def _listed(value):
    """`thuc_hien: 15-CTr/TU` means the list of that one symbol; an empty key, the empty list."""
    if value is None or value == "":
        return []
    return [value] if isinstance(value, str) else value


def _plain(value: str | None):
    """Material prints a page's `title` into its HTML as it is: markup there would be run."""
    if value is not None and ("<" in value or ">" in value):
        raise PydanticCustomError("markup", "plain text, without `<` or `>`")
    return value


Text = Annotated[str | None, AfterValidator(lambda value: (value.strip() or None) if value is not None else None)]
Plain = Annotated[Text, AfterValidator(_plain)]
"""Text that titles, menus and `<title>` show (Material prints them as written): no markup."""
Date = Annotated[dt.date | None, BeforeValidator(_date)]
PastDate = Annotated[Date, AfterValidator(_not_after_today)]
Names = Annotated[list[str], BeforeValidator(_listed)]
"""Symbols (`15-CTr/TU`), page names (`nghi-quyet-dai-hoi-xiv-dang`) or `nguon` references."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Search(_Strict):
    """Material's search options for a page."""

    exclude: bool = False
    boost: float | None = None


class Cited(_Strict):
    """One item of `trich_dan`: a cited document as the citing text prints it."""

    so_ky_hieu: str
    ngay: Text = None  # as printed: `ngày 05/02/2026`
    co_quan: Text = None  # as printed: `Ban Thường vụ Tỉnh ủy`


class FrontMatter(_Strict):
    """Keys any page may have: MkDocs' and Material's (`title`, `hide`, `search`), and ours."""

    title: Annotated[Text, AfterValidator(_plain)] = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    search: Search | None = None
    hoctap: Literal[GENERATED] | None = None  # the generated block of the page
    trang_thai: Literal[tuple(TRANG_THAI)] | None = None
    nguoi_duyet: Text = None
    ngay_duyet: PastDate = None
    noi_bo: bool = False
    chi_xem_truoc: bool = False
    nguon: Names = []
    # The study conference on the timeline (`tu`, `den`, `ghi`, `nguon`); its dates may be in the
    # future. Its contents are checked against the source it cites (hoctap.registry.timeline, K003/K004).
    moc_thoi_gian: dict | None = None


class DocumentMeta(FrontMatter):
    """A document page's front matter; the fields without a default are required."""

    so_ky_hieu: Plain  # may be left empty when unknown
    loai: Plain
    ngay_ban_hanh: PastDate  # may be left empty when unknown
    co_quan_ban_hanh: Plain
    trich_yeu: Plain
    ten_ngan: Plain = None  # one unbroken run of words of `trich_yeu` (M010); titles show it as written
    tinh_trang: Literal[tuple(TINH_TRANG)] = "da-ban-hanh"  # the document's own status
    thuc_hien: Names = []
    can_cu: Names = []
    trich_dan: list[Cited] = []  # written by `hoctap import`: how the text prints what it cites (see above)
    trang_thai: Literal[tuple(TRANG_THAI)] | None
    nguon: Names
    noi_dung_hoc_tap: Names = []  # the plan only: the documents it lists for study, in its order
    toan_van: Text = None  # the official text's file in the sources folder
    # Written by `hoctap import` (hoctap.importing) from the official text itself:
    sha256: Text = None  # of the original in the sources folder, to tell a re-import of the same file
    toan_van_sha256: Text = None  # of the full text as the import wrote it: an editor's change to it shows
    ma_goc: Literal["unicode", "tcvn3", "vni", "ocr"] | None = None  # how its text was read
    chua_soat: bool = False  # converted or OCR'd text no editor has reviewed yet ("chưa soát")
    so_ky_hieu_in: Text = None  # the symbol as printed, before it was made canonical
    noi_ban_hanh: Text = None  # place of issue
    co_quan_chu_quan: Text = None  # the issuing body's superior, in the header's left column
    tham_quyen_ky: Text = None  # signing authority: `TM.`, `KT.`, `T/M`…
    chuc_vu_ky: Text = None  # the signer's title
    nguoi_ky: Text = None  # the signer
    noi_nhan: Names = []  # the Nơi nhận items


REQUIRED = tuple(name for name, spec in DocumentMeta.model_fields.items() if spec.is_required())
MAY_BE_EMPTY = {"so_ky_hieu", "ngay_ban_hanh"}
_KINDS = {str: "text", bool: "`true` or `false`", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
_EXPECTED = {"string_type": "text", "bool_type": "`true` or `false`", "list_type": "a list",
             "dict_type": "a mapping", "model_type": "a mapping", "float_type": "a number"}


def validate(page: Page) -> tuple[FrontMatter, list[Finding]]:
    """A page's front matter against its schema: the values, and a finding at the line of each wrong key.

    A key that is wrong is left out of the values, so the rest of the pipeline still reads the page."""
    schema = DocumentMeta if is_document(page) and page.lang == DEFAULT_LANG else FrontMatter
    meta = {key: value for key, value in page.meta.items() if isinstance(key, str)}
    try:
        values = schema.model_validate(meta)
        errors = []
    except ValidationError as error:
        errors = error.errors(include_url=False)
        wrong = {e["loc"][0] for e in errors}
        kept = {key: value for key, value in meta.items() if key not in wrong}
        values = schema.model_validate({name: None for name in REQUIRED if schema is DocumentMeta} | kept)
    findings = [Finding(page.path.as_posix(), 1, 1, "M007", f"`{key}` is not the name of a key",
                        "keys are words, such as `noi_bo:`") for key in page.meta if not isinstance(key, str)]
    findings += [_finding(page, schema, e) for e in errors]
    if schema is DocumentMeta:
        findings += [_empty(page, key) for key in gaps(page, values) if not any(e["loc"][0] == key for e in errors)]
    if schema is DocumentMeta and values.ten_ngan and values.trich_yeu and not is_shortening(values.ten_ngan, values.trich_yeu):
        findings.append(Finding(page.path.as_posix(), page.line_of("ten_ngan"), 1, "M010",
                                f"`ten_ngan` {values.ten_ngan!r} is not one unbroken run of words of `trich_yeu`",
                                "copy one stretch of the trích yếu as it is written: cut words at its ends only, never in the middle"))
    if values.trang_thai == "da-duyet" and not (values.nguoi_duyet and values.ngay_duyet):
        findings.append(Finding(page.path.as_posix(), page.line_of("trang_thai"), 1, "M003",
                                "an approved page names who approved it and when", "add `nguoi_duyet:` and `ngay_duyet:`"))
    return values, findings


def gaps(page: Page, values=None) -> list[str]:
    """The required fields a document page holds empty: on a page `hoctap import` wrote (it has
    `sha256`), the fields it could not read, an editor's to-do."""
    values = values if values is not None else page.front_matter
    return [key for key in REQUIRED if key in page.meta and key not in MAY_BE_EMPTY and getattr(values, key, None) in (None, [])]


def _empty(page: Page, key: str) -> Finding:
    """An empty required field: an error on a page written by hand; on an imported one, a warning (the
    page builds in previews, the gate keeps it out of a publish until the field is filled)."""
    found = Finding(page.path.as_posix(), page.line_of(key), 1, "M001", f"required field `{key}` is empty")
    if not page.meta.get("sha256"):
        return found
    return replace(found.as_warning(), message=f"`{key}` is empty: the import could not read it; fill it in from the "
                                               "original (the page stays out of a publish until then)")


def _finding(page: Page, schema: type[FrontMatter], error: dict) -> Finding:
    """One pydantic error as our finding, in the editor's words."""
    key, kind, rel = str(error["loc"][0]), error["type"], page.path.as_posix()
    where = f"`{key}`" + "".join(f" item {part + 1}" if isinstance(part, int) else f".{part}" for part in error["loc"][1:])
    at = page.line_of(key)
    if kind == "missing":
        return Finding(rel, 1, 1, "M001", f"document page lacks required field `{key}`",
                       f"add `{key}:` to the front matter" + (" (leave it empty if unknown)" if key in MAY_BE_EMPTY else ""))
    if kind == "extra_forbidden":
        return Finding(rel, at, 1, "M007", f"unknown key {where}", _did_you_mean(key, page, schema) if len(error["loc"]) == 1
                       else "the keys a page may have are in docs/huong-dan-bien-tap.md")
    if kind in ("date", "future"):
        value = error["input"]
        value = value if isinstance(value, (str, int)) and not isinstance(value, bool) else _kind(value)
        return Finding(rel, at, 1, "M002" if kind == "date" else "M009", f"{where} is {error['msg']}: {value}",
                       "write it as YYYY-MM-DD" if kind == "date" else "check the year; leave it empty if unknown")
    if key == "trang_thai":
        return Finding(rel, at, 1, "M003", f"`trang_thai` must be `du-thao` or `da-duyet`, not {_kind(error['input'])}")
    if kind == "markup":
        return Finding(rel, at, 1, "M008", f"{where} must be {error['msg']}", "the theme shows it as HTML")
    expected = _EXPECTED.get(kind) or (f"one of {error['ctx']['expected']}" if kind == "literal_error" else error["msg"])
    value = error["input"]
    quoted = (f'write it in quotes: `{key}: "{value}"`' if kind == "string_type" and type(value) in (int, float)
              and len(error["loc"]) == 1 else "")
    return Finding(rel, at, 1, "M008", f"{where} must be {expected}, not {_kind(value)}", quoted)


def _kind(value) -> str:
    """What an editor wrote, said without echoing a list or a mapping back at them."""
    if isinstance(value, str):
        return f"`{value}`"
    return _KINDS.get(type(value), "empty" if value is None else type(value).__name__)


def _did_you_mean(key: str, page: Page, schema: type[FrontMatter]) -> str:
    if schema is FrontMatter and key in DocumentMeta.model_fields:
        return ("a translation takes it from the Vietnamese page" if page.lang != DEFAULT_LANG else
                "a page describes a document only with `loai:` and `so_ky_hieu:`; add them, or remove this key")
    close = difflib.get_close_matches(key, schema.model_fields, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else "the keys a page may have are in docs/huong-dan-bien-tap.md"


def is_shortening(short: str, full: str) -> bool:
    """`short` is one contiguous run of the words of `full` (punctuation aside; the first word may take
    a capital): a shortening cut from the trích yếu, never a rewording nor a patchwork of its words."""
    want, words = _WORD.findall(short), _WORD.findall(full)
    if not want:
        return False
    same = lambda a, b, first: a == b or (first and a.casefold() == b.casefold())
    return any(all(same(w, words[start + i], i == 0) for i, w in enumerate(want))
               for start in range(len(words) - len(want) + 1))