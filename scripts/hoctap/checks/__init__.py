"""Checks: small functions that read a text and return findings; nothing here prints.

Every finding has a stable code, listed once with what it means and its safe fix in
`scripts/hoctap/finding_codes.yml` (`hoctap.findings.CODES`); the editors' guide shows that table.

Prose checks skip code, URLs and HTML tags; front matter is checked too (it is shown on
the document card), except V106/V107, for which it is YAML syntax.

Every finding is an error, except the V1xx, S101–S104 and F103 findings inside an official text kept
verbatim (between the markers of hoctap.toan_van) and an S106 whose citation is there: those are
warnings, listed by the build and `hoctap check`, never failed on, never changed by `--fix`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ..content import ContentError, Page
from ..docs_tree import entries, walk
from ..findings import Finding
from ..key_points import FILE as KEY_POINTS_FILE, load as load_key_points
from ..registry import Registry
from . import fidelity, links, markup, symbols, text
from .source import Site, Source

FILE_SUFFIXES = (".md", ".txt")


VERBATIM = ("V1", "S101", "S102", "S103", "S104", "F103")
"""Codes about wording, citations and claimed relations: inside an official text kept verbatim (hoctap.toan_van) they are
warnings with no fix, listed by the build and `hoctap check`, never failed on, never "fixed"."""


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
    findings += wording
    findings += markup.unsafe(source)
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
    """Every check on every Markdown file of docs/ (paths relative to it), besides the registry's own findings,
    and on the kept key points (hoctap.key_points); quotations are checked against `source_dir` (default:
    `sources/` beside docs/).

    The files are those of the registry's walk of docs/ (hoctap.docs_tree): no link is followed.
    The plugin runs it once per build round, for both languages (hoctap.render.plugin)."""
    docs_dir = registry.docs_dir
    tree = registry.tree or walk(docs_dir)
    site = Site.of(registry, source_dir)
    pages = {page.path.as_posix(): page for page in registry.pages}
    known = set(registry.findings)  # an unreadable page is already the registry's finding
    findings = [f for rel in tree.files if rel.endswith(".md")
                for f in check_file(docs_dir / rel, rel, site, pages.get(rel)) if f not in known]
    if KEY_POINTS_FILE in tree.files:  # a link in its place is the walk's finding, not followed
        findings += load_key_points(docs_dir / KEY_POINTS_FILE, docs_dir, site.source_dir, registry).findings
    return findings


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
    site = Site(registry, source_dir or registry.docs_dir.parent / "sources")
    findings = []
    for path in paths:
        files, problems = files_under(path)
        findings += problems + [f for file in files for f in check_file(file, str(file), site)]
    return findings
