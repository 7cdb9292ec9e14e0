"""A page of docs/ as read from disk, and the official document it describes: one official document
is one page, its front matter (content/front_matter.py: every key, its type, its checks) the single
source of truth.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from ..text.findings import Finding
from ..text.pages import page_lang, page_stem
from ..text.yaml_text import SAFE_LOADER
from .front_matter import FrontMatter, validate


class _Loader(SAFE_LOADER):
    """YAML without implicit timestamps: dates stay text, so an impossible one is our finding, not a crash."""


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
        return page_lang(self.path.name)

    @property
    def stem(self) -> str:
        """Page name without language suffix: `van-ban/15-ctr-tu`."""
        return (self.path.parent / page_stem(self.path.name)).as_posix().removeprefix("./")

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    @cached_property
    def checked(self) -> tuple[FrontMatter, list[Finding]]:
        """The front matter validated once, for every reader: the registry, the checks, the gate."""
        return validate(self)

    @property
    def front_matter(self) -> FrontMatter:
        return self.checked[0]

    @property
    def findings(self) -> list[Finding]:
        """What is wrong with the front matter (unknown keys, wrong types, dates…)."""
        return self.checked[1]


@dataclass
class Document:
    """An official document, as its page's front matter describes it."""

    page: Page
    so_ky_hieu: str | None
    loai: str
    ngay_ban_hanh: dt.date | None
    co_quan_ban_hanh: str | None
    trich_yeu: str | None
    thuc_hien: list[str]
    can_cu: list[str]
    trang_thai: str
    nguoi_duyet: str | None
    ngay_duyet: dt.date | None
    nguon: list[str]
    noi_bo: bool
    noi_dung_hoc_tap: list[str] = field(default_factory=list)
    ten_ngan: str | None = None
    tinh_trang: str = "da-ban-hanh"

    @property
    def ma(self) -> str:
        """Key of the document in the registry: its symbol, or its page name when it has none."""
        return self.so_ky_hieu or page_stem(self.page.path.name)

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
    return _parsed(read_text(path, rel), rel)


@functools.lru_cache(maxsize=2048)
def _parsed(text: str, rel: str) -> Page:
    """A page's text parsed once: the desk reads the whole site again after every save, and a page
    whose text did not change is the same page (nothing changes a Page once read)."""
    return parse_page(text, Path(rel))


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


def to_document(page: Page) -> tuple[Document, list[Finding]]:
    """A document page as the registry keeps it, from its validated front matter; and what is wrong."""
    values = page.front_matter
    document = Document(
        page=page,
        so_ky_hieu=values.so_ky_hieu,
        loai=values.loai or "",
        ngay_ban_hanh=values.ngay_ban_hanh,
        co_quan_ban_hanh=values.co_quan_ban_hanh,
        trich_yeu=values.trich_yeu,
        thuc_hien=values.thuc_hien,
        can_cu=values.can_cu,
        trang_thai=values.trang_thai or "du-thao",
        nguoi_duyet=values.nguoi_duyet,
        ngay_duyet=values.ngay_duyet,
        nguon=values.nguon,
        noi_bo=values.noi_bo,
        noi_dung_hoc_tap=values.noi_dung_hoc_tap,
        ten_ngan=values.ten_ngan,
        tinh_trang=values.tinh_trang,
    )
    return document, page.findings
