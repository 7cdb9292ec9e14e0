"""The content model: one official document is one page, its front matter the single source of truth.

Field names stay Vietnamese, as editors write them:

- `so_ky_hieu` — document symbol, canonical form (`15-CTr/TU`, `15/CTr-LĐLĐ`); empty when unknown.
- `loai` — kind of document (Chương trình, Chỉ thị, Nghị quyết, Công văn, Kế hoạch…).
- `ngay_ban_hanh` — date of issue, ISO `YYYY-MM-DD`; empty when unknown.
- `co_quan_ban_hanh` — issuing body.
- `trich_yeu` — the title as issued (or as the source cites it).
- `ten_ngan` — short title, the subject in a few of the trích yếu's own words, in their order
  ("Đối thoại, thương lượng tập thể"): menus, cards and titles read "symbol — short title".
- `tinh_trang` — the document's own status: `da-ban-hanh` (issued, the default: everything the
  plan cites is issued) or `het-hieu-luc` (no longer in force). Not the page's review state.
- `thuc_hien` / `can_cu` — documents this one implements / is based on, each named by its
  symbol, or by its page name (`nghi-quyet-dai-hoi-xiv-dang`) when it has no known symbol.
- `trang_thai` — editorial review of the page (not of the document): `du-thao` (draft) or
  `da-duyet` (approved, with `nguoi_duyet` who approved and `ngay_duyet` when, as the editors
  record it). Shown in previews only.
- `nguon` — where the facts come from: files in the sources folder (`sources/`), with lines.
- `noi_bo` — internal only: left out of a public build.

Unknown facts are left empty and shown as unknown, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import Finding

REQUIRED = ("so_ky_hieu", "loai", "ngay_ban_hanh", "co_quan_ban_hanh", "trich_yeu", "trang_thai", "nguon")
"""Keys every document page must have; `so_ky_hieu` and `ngay_ban_hanh` may be left empty when unknown."""
MAY_BE_EMPTY = {"so_ky_hieu", "ngay_ban_hanh"}
TRANG_THAI = {"du-thao": "Dự thảo", "da-duyet": "Đã duyệt"}
TINH_TRANG = {"da-ban-hanh": "Đã ban hành", "het-hieu-luc": "Hết hiệu lực"}
"""A document's own status; `da-ban-hanh` when the front matter does not say."""
_WORD = re.compile(r"\w+")

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML without implicit timestamps: dates stay text, so an impossible one is our finding, not a crash.
    libyaml's parser when PyYAML has it: three times faster on thousands of pages (build benchmark)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)


@dataclass
class Page:
    """A Markdown page as read from disk: its front matter, its body and where each key sits."""

    path: Path  # relative to docs_dir, posix
    meta: dict
    body: str
    body_line: int  # line number of the body's first line in the file
    text: str  # the whole file, for the checks and the render: reading it again cost a file open per page
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        suffixes = self.path.suffixes
        return suffixes[-2].lstrip(".") if len(suffixes) >= 2 else "vi"

    @property
    def stem(self) -> str:
        """Page name without language suffix: `van-ban/15-ctr-tu`."""
        name = self.path.name.split(".")[0]
        return (self.path.parent / name).as_posix().removeprefix("./")

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass
class Document:
    """An official document, as its page's front matter describes it."""

    page: Page
    so_ky_hieu: str | None
    loai: str
    ngay_ban_hanh: dt.date | None
    co_quan_ban_hanh: str | None
    trich_yeu: str | None
    ten_ngan: str | None
    tinh_trang: str
    thuc_hien: list[str]
    can_cu: list[str]
    trang_thai: str
    nguoi_duyet: str | None
    ngay_duyet: dt.date | None
    nguon: list[str]
    noi_bo: bool

    @property
    def ma(self) -> str:
        """Key of the document in the registry: its symbol, or its page name when it has none."""
        return self.so_ky_hieu or self.page.path.name.split(".")[0]

    @property
    def is_draft(self) -> bool:
        return self.trang_thai != "da-duyet"


class ContentError(Exception):
    """A page that cannot be read at all; carries the finding to report."""

    def __init__(self, finding: Finding):
        super().__init__(finding.format())
        self.finding = finding


def read_page(path: Path, docs_dir: Path) -> Page:
    """Read a Markdown page and its YAML front matter, keeping line numbers for diagnostics."""
    rel = path.relative_to(docs_dir).as_posix()
    return parse_page(read_text(path, rel), Path(rel))


def read_text(path: Path, rel: str) -> str:
    """A text file's content; a binary or non-UTF-8 file is a finding (shown as `rel`), never a crash."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(Finding(rel, 1, 1, "E002", "file is UTF-16, not UTF-8", "re-save the file as UTF-8"))
    if b"\x00" in raw:
        raise ContentError(Finding(rel, 1, 1, "E001", "binary file, not a Markdown page", "remove it from docs/"))
    try:
        text = raw.decode("utf-8-sig")  # as MkDocs reads it: a byte-order mark is not content
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            Finding(rel, line, 1, "E002", "file is not UTF-8", "re-save the file as UTF-8")
        ) from None
    return text


def parse_page(text: str, rel: Path) -> Page:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Page(rel, {}, text, 1, text)
    block = match.group(1) or ""
    try:
        meta = yaml.load(block, Loader=_Loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        col = mark.column + 1 if mark else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ContentError(
            Finding(rel.as_posix(), line, col, "E003", f"front matter is not valid YAML: {problem}",
                    "check quotes, colons and indentation")
        ) from None
    if not isinstance(meta, dict):
        raise ContentError(Finding(rel.as_posix(), 2, 1, "E003", "front matter must be a mapping of keys to values"))
    key_lines = {m.group(1): block.count("\n", 0, m.start()) + 2 for m in _KEY_LINE.finditer(block)}
    body_line = text.count("\n", 0, match.end()) + 1
    return Page(rel, meta, text[match.end():], body_line, text, key_lines)


def is_document(page: Page) -> bool:
    """A page describes an official document when its front matter has `loai` or `so_ky_hieu`."""
    return "loai" in page.meta or "so_ky_hieu" in page.meta


def parse_date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def _as_list(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()]


def _text(value) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def to_document(page: Page) -> tuple[Document, list[Finding]]:
    """Validate a document page's front matter against the schema; return the document and what is wrong."""
    meta, rel = page.meta, page.path.as_posix()
    findings: list[Finding] = []

    for key in REQUIRED:
        if key not in meta:
            findings.append(Finding(rel, 1, 1, "M001", f"document page lacks required field `{key}`",
                                    f"add `{key}:` to the front matter (leave it empty if unknown)"
                                    if key in MAY_BE_EMPTY else f"add `{key}:` to the front matter"))
        elif key not in MAY_BE_EMPTY and meta[key] in (None, "", []):
            findings.append(Finding(rel, page.line_of(key), 1, "M001", f"required field `{key}` is empty"))

    dates = {}
    for key in ("ngay_ban_hanh", "ngay_duyet"):
        try:
            dates[key] = parse_date(meta.get(key))
        except ValueError:
            dates[key] = None
            findings.append(Finding(rel, page.line_of(key), 1, "M002",
                                    f"`{key}` is not a real date: {meta.get(key)!r}", "write it as YYYY-MM-DD"))

    trang_thai = str(meta.get("trang_thai") or "")
    if trang_thai and trang_thai not in TRANG_THAI:
        findings.append(Finding(rel, page.line_of("trang_thai"), 1, "M003",
                                f"`trang_thai` must be `du-thao` or `da-duyet`, not {trang_thai!r}"))
    if trang_thai == "da-duyet" and not (meta.get("nguoi_duyet") and meta.get("ngay_duyet")):
        findings.append(Finding(rel, page.line_of("trang_thai"), 1, "M003",
                                "an approved page names who approved it and when",
                                "add `nguoi_duyet:` and `ngay_duyet:`"))

    tinh_trang = str(meta.get("tinh_trang") or "da-ban-hanh")
    if tinh_trang not in TINH_TRANG:
        findings.append(Finding(rel, page.line_of("tinh_trang"), 1, "M008",
                                f"`tinh_trang` must be one of {', '.join(TINH_TRANG)}, not {tinh_trang!r}",
                                "leave it out for an issued document"))
    ten_ngan, trich_yeu = _text(meta.get("ten_ngan")), _text(meta.get("trich_yeu"))
    if ten_ngan and trich_yeu and not is_shortening(ten_ngan, trich_yeu):
        findings.append(Finding(rel, page.line_of("ten_ngan"), 1, "M007",
                                f"`ten_ngan` {ten_ngan!r} is not a shortening of `trich_yeu`",
                                "keep words of the trích yếu, in its order; never reword it"))

    document = Document(
        page=page,
        so_ky_hieu=_text(meta.get("so_ky_hieu")),
        loai=_text(meta.get("loai")) or "",
        ngay_ban_hanh=dates["ngay_ban_hanh"],
        co_quan_ban_hanh=_text(meta.get("co_quan_ban_hanh")),
        trich_yeu=trich_yeu,
        ten_ngan=ten_ngan,
        tinh_trang=tinh_trang,
        thuc_hien=_as_list(meta.get("thuc_hien")),
        can_cu=_as_list(meta.get("can_cu")),
        trang_thai=trang_thai or "du-thao",
        nguoi_duyet=_text(meta.get("nguoi_duyet")),
        ngay_duyet=dates["ngay_duyet"],
        nguon=_as_list(meta.get("nguon")),
        noi_bo=bool(meta.get("noi_bo", False)),
    )
    return document, findings


def is_shortening(short: str, full: str) -> bool:
    """Every word of `short` is a word of `full`, in the same order (case aside): a shortening, not a rewording."""
    words = iter(w.casefold() for w in _WORD.findall(full))
    return all(any(w == word for w in words) for word in (w.casefold() for w in _WORD.findall(short)))
