"""`hoctap` — one command for editors: build, preview, check, publish.

Each verb is a thin wrapper: the work lives in the pipeline's modules and in the
MkDocs plugin, so `mkdocs build` and `hoctap build` report the same findings.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from .checks import check_paths, check_project
from .checks.fix import fix_files
from .checks.source import Site
from .text.findings import Finding, errors, format_json, format_text, shown_from
from .build import project
from .commands import build as site_build
from .registry.gate_decision import PROFILES
from .importing import command as importing
from . import desk as editors_desk
from .build.project import docs_dir_of
from .publish import commands as publishing
from .publish.pdf_command import make_pdf
from .registry.documents import Registry
from .sharing.links import check_site_url


def cmd_build(args: argparse.Namespace) -> int:
    if args.site_url:
        try:
            args.site_url = check_site_url(args.site_url)
        except ValueError as error:
            print(f"hoctap build: {error}", file=sys.stderr)
            return 2
    return site_build.build(args.config_file, args.site_dir, pdf=args.pdf, site_url=args.site_url,
                            drafts=args.drafts, profile=args.profile)


def cmd_pdf(args: argparse.Namespace) -> int:
    return make_pdf(args.config_file, args.site_dir, args.output)


def cmd_poster(args: argparse.Namespace) -> int:
    from .publish.poster import make_posters

    return make_posters(args.config_file, args.site_url, args.out)


def cmd_serve(args: argparse.Namespace) -> int:
    from .commands.serve import serve  # imported here: MkDocs' server is not needed to build or check

    return serve(args.config_file, args.dev_addr)


def _lint(args: argparse.Namespace, docs_dir: Path) -> list[Finding]:
    """Findings for the paths given, or for the whole site as a build checks it (the same function,
    hoctap.checks.check_project); paths shown as the editor typed them."""
    if args.paths:
        return check_paths([Path(p) for p in args.paths], Registry.load(docs_dir))
    return shown_from(check_project(project.project_of(args.config_file)).findings, docs_dir)


def _site_of(args: argparse.Namespace) -> Path:
    """The docs folder to check against; ValueError says what is wrong with the command line."""
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise ValueError(f"{missing[0]}: no such file or folder")
    docs_dir = docs_dir_of(args.config_file)
    if not docs_dir.is_dir():
        raise ValueError(f"{os.path.relpath(docs_dir)}: no such folder (docs_dir in {args.config_file})")
    return docs_dir


def cmd_check(args: argparse.Namespace) -> int:
    try:
        docs_dir = _site_of(args)
    except ValueError as error:
        print(f"hoctap check: {error}", file=sys.stderr)
        return 2
    findings = _lint(args, docs_dir)
    refused: list[str] = []
    if args.fix and any(f.fix for f in findings):
        fixed, refused = fix_files(findings, Site(Registry.load(docs_dir)), Path(args.config_file).resolve().parent)
        for reason in refused:
            print(f"hoctap check: {reason}", file=sys.stderr)
        print(f"hoctap check: {fixed} fix(es) applied", file=sys.stderr)
        findings = _lint(args, docs_dir)
    if args.format == "json":
        print(format_json(findings))
    elif findings:
        print(format_text(findings))
    fixable = sum(1 for f in findings if f.fix)
    failing = len(errors(findings))
    summary = f"{failing} problem(s)" + (f", {fixable} fixable with --fix" if fixable else "")
    if len(findings) > failing:  # slips in official texts kept verbatim: reported, not failed on
        summary += f", {len(findings) - failing} warning(s)"
    if not failing:
        summary = summary.replace("0 problem(s)", "no problems", 1)
    print(f"hoctap check: {summary}" if findings else "hoctap check: no problems", file=sys.stderr)
    return 1 if failing or refused else 0


def _import_folders(config_file: str) -> tuple[Path, Path]:
    """Where `hoctap import` writes pages and keeps originals: docs_dir and the plugin's source_dir."""
    site = project.project_of(config_file)
    return site.docs_dir, site.root / site.source_dir


def collect_garbage_less_often() -> None:
    """A build makes millions of short-lived objects and a few hundred thousand that live to its end:
    Python's collector, at its default of every 700 allocations, ran 1,100 times and re-examined the
    imported modules' objects at each full pass (0.45 s of a 1,000-document build). What is imported
    is set aside for good (`gc.freeze`), and young objects are collected every 10,000 allocations
    (0.25 s; memory the same: 120 MiB at its peak)."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="hoctap", description=__doc__.splitlines()[0])
    root.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    verbs = root.add_subparsers(dest="verb", required=True, metavar="VERB")

    build = verbs.add_parser("build", help="validate the content and build the site into site/")
    build.add_argument("-d", "--site-dir", default="site", help="where to write the site (default: site/)")
    build.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip the combined PDF")
    build.add_argument("--no-drafts", dest="drafts", action="store_false",
                       help="leave drafts out, as a publish does (default: a preview, drafts included)")
    build.add_argument("--profile", choices=PROFILES, default="intranet",
                       help="`public` also leaves out pages marked `noi_bo: true`, as `publish --profile public` does")
    build.add_argument("--site-url", default=os.environ.get("HOCTAP_SITE_URL", ""), metavar="URL",
                       help="address the site will be served at (default: $HOCTAP_SITE_URL): link previews "
                            "and QR codes need it")
    build.set_defaults(run=cmd_build)

    pdf = verbs.add_parser("pdf", help="make the combined PDF 'Tài liệu học tập' from the built site")
    pdf.add_argument("-d", "--site-dir", default="site", help="the built site (default: site/)")
    pdf.add_argument("-o", "--output", help="where to write it (default: SITE_DIR/tai-lieu-hoc-tap.pdf)")
    pdf.set_defaults(run=cmd_pdf)

    poster = verbs.add_parser("poster", help="the conference hall's poster, A4 and A3, with a QR code to the home page")
    poster.add_argument("--site-url", default=os.environ.get("HOCTAP_SITE_URL", ""), metavar="URL",
                        help="address the site is served at (default: $HOCTAP_SITE_URL); needed for the QR code")
    poster.add_argument("-o", "--out", default=".", metavar="DIR", help="where to write poster-a4.pdf and poster-a3.pdf")
    poster.set_defaults(run=cmd_poster)

    serve = verbs.add_parser("serve", help="live preview at http://127.0.0.1:8000/ with the same checks")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to listen on")
    serve.set_defaults(run=cmd_serve)

    check = verbs.add_parser("check", help="check the site (or the Markdown and text files given) without building")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders, also outside docs/ (default: the site)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="one finding per line, or JSON")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes: NFC, Ð→Đ, canonical symbols, missing space")
    check.set_defaults(run=cmd_check)

    publishing.add_verbs(verbs)
    importing.add_verb(verbs, _import_folders)
    editors_desk.add_verb(verbs)
    return root


def main(argv: list[str] | None = None) -> int:
    collect_garbage_less_often()
    args = parser().parse_args(argv)
    if not Path(args.config_file).is_file():
        print(f"hoctap: {args.config_file}: no such file; run hoctap from the site's folder or pass -f", file=sys.stderr)
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
