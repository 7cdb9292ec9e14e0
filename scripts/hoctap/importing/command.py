"""The `hoctap import` verb: read each file, print what was found (or write the page).

Bad input is one line on standard error and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from ..text import disk
from ..text.outline import sections
from ..text.toan_van_markers import regions
from . import ImportFailure, import_file, key_point_proposals as key_points, limits


def add_verb(verbs, folders) -> None:
    """`folders(config_file)` → (docs folder, sources folder): the command line knows the project."""
    verb = verbs.add_parser("import", help="turn official documents (.docx .doc .pdf .png .jpg .html .txt) into document pages")
    verb.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the documents to import")
    verb.add_argument("--into", type=Path, metavar="PAGE.md", help="update this page instead of docs/van-ban/<slug>.md")
    verb.add_argument("--dry-run", action="store_true", help="write nothing; show what was read")
    verb.add_argument("--replace-text", action="store_true",
                      help="replace a full text an editor has changed on the page with the original's")
    verb.add_argument("--replace", action="store_true",
                      help="replace the original kept in sources/ under the page's name (default: keep it, "
                           "and keep the new one under a name of its own)")
    verb.add_argument("--max-pages", type=_positive, default=limits.MAX_PAGES, metavar="N",
                      help=f"read a PDF of up to N pages (default: {limits.MAX_PAGES}); longer ones are refused")
    verb.add_argument("--format", choices=("text", "json"), default="text", help="how --dry-run shows it")
    verb.add_argument("--key-points", action="store_true",
                      help="propose verbatim key points (targets, tasks, assignments) to paste into "
                           "docs/includes/diem-chinh.yml; in --format json as `diem_chinh`")
    verb.set_defaults(run=cmd_import, folders=folders)


def cmd_import(args: argparse.Namespace) -> int:
    if args.into and len(args.files) > 1:
        print("hoctap import: --into takes one file", file=sys.stderr)
        return 2
    status = 0
    results = []
    known = _known(args)
    for path in args.files:
        try:
            imported = import_file(path, known, args.max_pages, progress=_printer(path))
            if not args.dry_run:
                written, notes = _write(imported, args)
                for note in notes:
                    print(f"{written}: {note}", file=sys.stderr)
                print(f"hoctap import: {path} → {written}", file=sys.stderr)
        except ImportFailure as failure:
            print(f"hoctap import: {failure}", file=sys.stderr)
            status = 1
            continue
        except OSError as error:  # writing the page or the original: a full disk, a refused folder
            print(f"hoctap import: {path.name}: {disk.explain(error, Path(error.filename or '.'))}; "
                  "the page and sources/ are as they were", file=sys.stderr)
            status = 1
            continue
        results.append(imported)
        for warning in imported.warnings:
            print(f"{path}: {warning}", file=sys.stderr)
    if args.dry_run and args.format == "json":
        objects = [r.as_json() | ({"diem_chinh": [p.as_json() for p in _key_points(r, args)[1]]} if args.key_points else {})
                   for r in results]
        if objects:
            print(json.dumps(objects[0] if len(objects) == 1 else objects, ensure_ascii=False, indent=2))
        return status
    for r in results:
        if args.dry_run:
            print(_summary(r))
        if args.key_points:
            print(key_points.as_yaml(*_key_points(r, args)))
    return status


def _printer(path: Path):
    """OCR's progress on the terminal: `scan.pdf: OCR, page 2 of 5`."""
    return lambda page, pages: print(f"{path.name}: OCR, page {page} of {pages}", file=sys.stderr, flush=True)


def _known(args: argparse.Namespace) -> set[str]:
    """The symbols the site has pages for; none when the project cannot be read (a dry run elsewhere)."""
    from .page import known_symbols

    try:
        return known_symbols(args.folders(args.config_file)[0])
    except Exception:  # no mkdocs.yml here, or one that does not parse: import without the registry
        return set()


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of pages, 1 or more")
    return int(value)


def _key_points(imported, args: argparse.Namespace) -> tuple[str, list, dict[str, str]]:
    """(the document's key in the data file, the proposals, anchor → section). Into a page that quotes
    its text instead of holding it (the plan), each anchor is the page's heading of the same section."""
    from .page import slug_of

    proposals = key_points.propose(imported.body)
    imported_sections = {anchor: s for anchor, (s, _, _) in sections(imported.body.markdown).items()}
    page = args.into if args.into and args.into.is_file() else None
    key = imported.fields.so_ky_hieu or (page.name.split(".")[0] if page else slug_of(imported))
    if page is None or regions(text := page.read_text(encoding="utf-8")):
        return key, proposals, imported_sections
    on_page = sections(text)
    anchor_of: dict[str, str] = {}
    for anchor, (section, _, _) in on_page.items():
        anchor_of.setdefault(section, anchor)
    moved = [replace(p, neo=anchor_of.get(imported_sections.get(p.neo), p.neo)) for p in proposals]
    return key, moved, {anchor: s for anchor, (s, _, _) in on_page.items()}


def _write(imported, args: argparse.Namespace):
    from .page import write_page

    docs_dir, sources_dir = args.folders(args.config_file)
    return write_page(imported, docs_dir, sources_dir, args.into, args.replace_text, args.replace)


def _summary(imported) -> str:
    data = imported.as_json()
    lines = [f"# {imported.source}"]
    for key, value in data.items():
        if key in ("markdown", "warnings"):
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + ["", data["markdown"]])
