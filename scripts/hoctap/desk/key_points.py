"""Key points on a page's screen ("Chọn điểm chính"): the importer's proposals for the page's own
original (hoctap.importing.key_point_proposals, as `hoctap import --key-points` makes them), shown as
checkboxes; the ones kept are written as the document's block of `docs/includes/diem-chinh.yml`,
where the build checks them (D003–D005) like any the editors wrote by hand.

Proposals are read from the original once per file (by its SHA-256), and never from a scan (OCR):
reading one again on every visit of the screen would take minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..importing import ImportFailure, import_file
from ..importing.key_point_proposals import KINDS, Proposal, as_yaml, propose
from ..registry.key_points import FILE

_PROPOSED: dict[str, list[Proposal]] = {}


@dataclass
class Choice:
    proposal: Proposal
    kind: str  # in Vietnamese
    kept: bool


def key_of(meta: dict, stem: str) -> str:
    """The document's key in the data file: its symbol, or its page name when it has none."""
    return str(meta.get("so_ky_hieu") or "").strip() or stem.rsplit("/", 1)[-1]


def choices(meta: dict, stem: str, docs_dir: Path, sources_dir: Path) -> list[Choice] | None:
    """The proposals with what the data file keeps now; None when the page has no original to read."""
    original = sources_dir / str(meta.get("toan_van") or "")
    if not meta.get("toan_van") or not original.is_file() or meta.get("ma_goc") == "ocr":
        return None
    digest = str(meta.get("sha256") or original.name)
    if digest not in _PROPOSED:
        try:
            _PROPOSED[digest] = propose(import_file(original).body)
        except ImportFailure:
            return None
    kept = {str(item.get("trich")) for item in _kept(docs_dir).get(key_of(meta, stem)) or [] if isinstance(item, dict)}
    return [Choice(p, KINDS[p.loai], p.trich in kept) for p in _PROPOSED[digest]]


def _kept(docs_dir: Path) -> dict:
    path = docs_dir / FILE
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.is_file() else {}
    except yaml.YAMLError:
        return {}


def with_block(text: str, key: str, kept: list[Proposal]) -> str:
    """The data file with the document's block replaced by the points kept (removed when none);
    every other document's block, and the file's comments, as they were."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(rf'^(?:{re.escape(key)}|"{re.escape(key)}")\s*:', line)), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and (lines[end].startswith((" ", "\t", "\n")) or not lines[end].strip()):
            end += 1
        while start > 0 and lines[start - 1].startswith("# Đề xuất điểm chính"):
            start -= 1
        del lines[start:end]
    text = "".join(lines)
    if kept:
        text = text.rstrip("\n") + "\n" + as_yaml(key, kept, {})
    return text
