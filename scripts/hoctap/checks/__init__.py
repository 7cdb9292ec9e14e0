"""Checks: small functions that read a text and return findings; nothing here prints.

Every finding has a stable code. The same table, in Vietnamese for editors, is in
docs/huong-dan-bien-tap.md (section "Kiểm tra nội dung").

| Code | What is wrong | Safe fix (`hoctap check --fix`) |
|------|---------------|------|
| E001 | binary file | |
| E002 | not UTF-8 | |
| E003 | front matter is not valid YAML | |
| E004 | empty file | |
| E005 | file cannot be read (permissions; a folder named like a page, `y.md/`; a pipe or a device) | |
| E006 | a symbolic link in docs/ (to a file or a folder, dangling or not): never followed | |
| E007 | a file or folder name that is not Unicode NFC | (rename it: the fix names the NFC name) |
| E008 | a kind of file the site does not publish (not a page, a listed image or a download) | |
| M001 | required field missing or empty | |
| M002 | date not written `YYYY-MM-DD` (`20260520`, `2026-W21-3`, a time), or impossible | |
| M003 | bad `trang_thai` / approval without who and when | |
| M004 | `thuc_hien`/`can_cu`/`noi_dung_hoc_tap` names an unknown document | |
| M005 | relations form a cycle | |
| M006 | two pages describe the same symbol | |
| M007 | unknown front-matter key (`noibo:`; the nearest known key suggested) | |
| M008 | front-matter value of the wrong type (`trich_yeu: [a, b]`, `loai: {a: 1}`), or `<`/`>` in `title` | |
| M009 | date of issue or of approval after the day of the build | |
| M010 | `ten_ngan` is not a shortening of `trich_yeu` (its words, in order) | |
| S101 | symbol not in the registry (nearest known one suggested) | |
| S102 | known symbol, non-canonical spelling (`18-Ctr/TU`) | canonical spelling |
| S103 | date next to a symbol disagrees with its `ngay_ban_hanh`, or is not a date | |
| S104 | issuer next to a symbol (or `co_quan_ban_hanh`) is a body that does not issue it | |
| S105 | `so_ky_hieu` is not a symbol | |
| S106 | the document's `ngay_ban_hanh`/`co_quan_ban_hanh` disagrees with a citation of it elsewhere (the citation's S103/S104, reported at both places) | |
| H001 | a tag outside the allow-list (`<script>`, `<iframe>`, `<object>`, `<embed>`, `<form>`, `<style>`…) | |
| H002 | an attribute outside the allow-list: an event handler (`onerror=`), `style`… | |
| H003 | a URL that is not http(s), mailto, tel or relative (`javascript:`, `data:`) | |
| L101 | raw HTML link to a `.md` page | |
| L102 | raw HTML link to a missing page or anchor | |
| L103 | a document card links to a page missing from a language's build | |
| L104 | a link whose text names one document goes to another document's page | |
| L105 | a link to a page that does not exist (MkDocs' warning, at the link's line) | |
| L106 | a link to a heading (anchor) that does not exist | |
| L107 | a page of docs/ that the navigation does not list | |
| L108 | a link MkDocs leaves as is: absolute (`/x.md`) or to a folder (`foo/`) | |
| L109 | `nav:` in mkdocs.yml names a page that does not exist | |
| L110 | any other warning MkDocs gives about a page | |
| V101 | not Unicode NFC | NFC |
| V102 | `Ð`/`ð` instead of `Đ`/`đ` | `Đ`/`đ` |
| V103 | doubled grammatical word ("của của") | |
| V104 | missing space after "số"/"ngày"/"tháng"/"năm" before a number | a space |
| V105 | old tone-mark placement ("hoà"; the site writes "hòa") | |
| V106 | space before punctuation | |
| V107 | two spaces between words | |
| F101 | a quotation (`> …` then `> nguồn: file:lines`) is not verbatim in its cited lines; a correction is marked `[sic: …]` | |
| F102 | a quotation's source line does not point at source text | |
| F103 | prose says a document implements / is based on another (`thực hiện`, `căn cứ`) and the registry's `thuc_hien`/`can_cu` do not | |
| Q001 | quiz file or question malformed (`docs/includes/on-tap.yml`) | |
| Q002 | quiz answer not among the choices, or two choices the same | |
| Q003 | quiz reference (`xem:`) to a page or heading that does not exist | |
| Q004 | quiz answer not found in the cited source lines (`nguon:`) | |
| Q005 | quiz question lacks its `en:` translation (for `on-tap.en.md`), or its choices differ in number | |
| K001 | speaker-sheet data malformed (`docs/includes/bao-cao-vien.yml`) | |
| K002 | speaker-sheet data names a symbol no document page has | |
| K003 | focus area or timeline wording not found in the cited source lines | |
| K004 | `moc_thoi_gian` incomplete (needs `tu`, `den`, `ghi`, `nguon`) | |
| K005 | conference agenda malformed (`docs/includes/hoi-nghi.yml`): bad date or time, unknown key, filled without `nguon` | |
| A001 | abbreviations file (`docs/includes/abbreviations.md`) missing, or a line that is not `*[ABBR]: meaning` | |
| P001 | `hoctap pdf`: a page of the catalogue is not built | |
| P002 | `hoctap pdf`: a built page has no article to print | |
| R001 | `hoctap publish`: the built release lacks a required file (index.html, 404.html) | |
| R002 | `hoctap publish`: a left-out page, or a link to one, is in the release | |
| R003 | `hoctap publish`: a draft page is in a release made without `--allow-draft` | |
| R004 | `hoctap publish`: a page loads something from another origin | |

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
    """Every check on every Markdown file of docs/ (paths relative to it), besides the registry's own findings;
    quotations are checked against `source_dir` (default: `sources/` beside docs/).

    The files are those of the registry's walk of docs/ (hoctap.docs_tree): no link is followed.
    The plugin runs it once per build round, for both languages (hoctap.render.plugin)."""
    docs_dir = registry.docs_dir
    tree = registry.tree or walk(docs_dir)
    site = Site.of(registry, source_dir)
    pages = {page.path.as_posix(): page for page in registry.pages}
    known = set(registry.findings)  # an unreadable page is already the registry's finding
    return [f for rel in tree.files if rel.endswith(".md")
            for f in check_file(docs_dir / rel, rel, site, pages.get(rel)) if f not in known]


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
