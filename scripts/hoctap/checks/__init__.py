"""Checks: small functions that read a text and return findings; nothing here prints.

The site is checked in one place, `check_project`: `hoctap check` and every build call it, so both
report the same findings, and the build renders the registry and data files it checked.

Every finding has a stable code, listed once with what it means and its safe fix in
`scripts/hoctap/text/finding_codes.yml` (`hoctap.text.findings.CODES`); the editors' guide shows that table.

Prose checks skip code, URLs and HTML tags; front matter is checked too (it is shown on
the document card), except V106/V107, for which it is YAML syntax.

Every finding is an error, except the V1xx, S101–S104 and F103 findings inside an official text kept
verbatim (between the markers of hoctap.text.toan_van_markers) and an S106 whose citation is there: those are
warnings, listed by the build and `hoctap check`, never failed on, never changed by `--fix`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..registry.abbreviations import FILE as ABBREVIATIONS_FILE
from ..content.page import ContentError, Page
from ..content.docs_tree import entries, walk
from ..text.findings import Finding
from ..registry.documents import Registry
from . import data, fidelity, links, markup, symbols, text
from .source import Site, Source

FILE_SUFFIXES = (".md", ".txt")
SOURCE_DIR = "sources"
"""Where `nguon:` entries point, relative to mkdocs.yml: the plugin's `source_dir` option, unless set."""


VERBATIM = ("V1", "S101", "S102", "S103", "S104", "F103")
"""Codes about wording, citations and claimed relations: inside an official text kept verbatim (hoctap.text.toan_van_markers) they are
warnings with no fix, listed by the build and `hoctap check`, never failed on, never "fixed"."""


AS_PRINTED = ("trich_yeu", "so_ky_hieu_in", "noi_ban_hanh", "co_quan_chu_quan", "tham_quyen_ky", "chuc_vu_ky", "nguoi_ky",
              "noi_nhan")
"""Front-matter keys that hold the original's words as printed (`Uỷ ban`, `khoá`): the spelling checks (V1)
never apply to them, and a citation in them (S1) is a warning, as inside a full text. On a page written
by `hoctap import` (it has `sha256`), `thuc_hien`, `can_cu` and `trich_dan` too: the symbols its text cites."""


def _printed_lines(source: Source) -> set[int]:
    keys = AS_PRINTED + (("thuc_hien", "can_cu", "trich_dan") if source.meta.get("sha256") else ())
    starts = sorted(source.key_lines.values())
    lines = set()
    for key in keys:
        if key in source.key_lines:
            first = source.key_lines[key]
            after = next((n for n in starts if n > first), first + 1)
            lines.update(range(first, after))
    return lines


def check_source(source: Source, site: Site) -> list[Finding]:
    """Every check on one text."""
    if not source.text.strip():
        return [Finding(source.path, 1, 1, "E004", "empty file", "write the page or delete the file")]
    findings = list(source.page.findings) if source.page else []
    wording = [f for check in text.CHECKS for f in check(source)]
    wording += [f for check in symbols.CHECKS for f in check(source, site)]
    wording += [f for check in fidelity.CHECKS for f in check(source, site)]
    if source.full_texts:
        wording = [f.as_warning() if f.code.startswith(VERBATIM) and f.path == source.path
                   and source.finding_in_full_text(f) else f for f in wording]
    printed = _printed_lines(source) if wording and source.markdown else set()
    if printed:
        wording = [f.as_warning() if f.code.startswith(VERBATIM) and f.line in printed else f for f in wording
                   if not (f.code.startswith("V1") and f.line in printed)]
    findings += wording
    findings += markup.unsafe(source)
    findings += markup.ocr_doubts(source)
    findings += links.raw_html(source)
    findings += links.symbol_links(source, site)
    return findings


def check_file(file: Path, shown: str, site: Site, page: Page | None = None) -> list[Finding]:
    """Every check on one file (already parsed as `page` by the registry, if given); never an exception."""
    try:
        source = Source.from_page(page.text, page) if page else Source.read(file, shown)
        source.file = file
    except ContentError as error:
        return [error.finding]
    except OSError as error:
        return [Finding(shown, 1, 1, "E005", f"cannot read: {error.strerror or error}")]
    return check_source(source, site)


def check_site(registry: Registry, source_dir: Path | None = None) -> list[Finding]:
    """Every check on every Markdown file of docs/ (paths relative to it), besides the registry's own findings;
    quotations are checked against `source_dir` (default: `sources/` beside docs/).

    The files are those of the registry's walk of docs/ (hoctap.content.docs_tree): no link is followed.
    Part of `check_project`, which the plugin runs once per build round, for both languages."""
    docs_dir = registry.docs_dir
    tree = registry.tree or walk(docs_dir)
    site = Site(registry, source_dir or docs_dir.parent / SOURCE_DIR, whole_site=True)
    pages = {page.path.as_posix(): page for page in registry.pages}
    known = set(registry.findings)  # an unreadable page is already the registry's finding
    return [f for rel in tree.files if rel.endswith(".md")
            for f in check_file(docs_dir / rel, rel, site, pages.get(rel)) if f not in known]


@dataclass(frozen=True)
class Project:
    """What a check of the whole site reads: mkdocs.yml's folder, docs/, and the plugin's options."""

    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    source_dir: str = SOURCE_DIR  # relative to `root`
    abbreviations: str = ABBREVIATIONS_FILE  # relative to `root`
    left_out: Callable[[str], bool] = field(default_factory=links.left_out_by)
    """Whether MkDocs leaves a page (path in docs/) out of the build (`links.left_out_by`)."""


@dataclass
class Checked:
    """A site checked once: the registry and data files a build renders from, and every finding on them."""

    registry: Registry
    data: data.Data
    findings: list[Finding]


def check_project(project: Project, prose: bool = True) -> Checked:
    """Every check of the site, as `hoctap check` and every build run it: the pages' front matter and
    relations (the registry), the data files (checks.data), the cards' links (L103) and, unless `prose`
    is off (benchmarks only: the plugin's `checks: false`), every page's text. Paths relative to docs/."""
    registry = Registry.load(project.docs_dir)
    source_dir = project.root / project.source_dir
    site_data = data.load(registry, source_dir, project.root / project.abbreviations)
    findings = registry.findings + site_data.findings
    if prose:
        findings += links.card_links(registry, project.left_out) + check_site(registry, source_dir)
    return Checked(registry, site_data, findings)


def files_under(path: Path) -> tuple[list[Path], list[Finding]]:
    """A file as given, or the Markdown and text files of a folder; links are reported, never followed."""
    if path.is_symlink():
        return [], [Finding(str(path), 1, 1, "E006", f"a symbolic link (to {os.readlink(path)}) is not followed",
                            "check the file itself")]
    if not path.is_dir():
        return [path], []
    files, findings = [], []
    for rel, entry, problem in entries(path):
        if problem:
            findings.append(replace(problem, path=str(path / problem.path)))
        elif entry and rel.lower().endswith(FILE_SUFFIXES):
            files.append(path / rel)
    return files, findings


def check_paths(paths: list[Path], registry: Registry, source_dir: Path | None = None) -> list[Finding]:
    """Files given on the command line, anywhere, checked against the site's registry."""
    site = Site(registry, source_dir or registry.docs_dir.parent / SOURCE_DIR)
    findings = []
    for path in paths:
        files, problems = files_under(path)
        findings += problems + [f for file in files for f in check_file(file, str(file), site)]
    return findings
