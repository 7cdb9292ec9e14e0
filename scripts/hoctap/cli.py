"""`hoctap` — one command for editors: build, preview, check, publish.

Each verb is a thin wrapper: the work lives in the pipeline's modules and in the
MkDocs plugin, so `mkdocs build` and `hoctap build` report the same findings.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def _mkdocs(*args: str) -> int:
    """Run MkDocs as editors would, in this interpreter, and pass its exit status on."""
    return subprocess.call([sys.executable, "-m", "mkdocs", *args])


def cmd_build(args: argparse.Namespace) -> int:
    status = _mkdocs("build", "--strict", "--config-file", args.config_file, "--site-dir", args.site_dir)
    # The site links to the PDF, so the site that `hoctap build` writes contains it.
    return cmd_pdf(args) if status == 0 and args.pdf else status


def cmd_pdf(args: argparse.Namespace) -> int:
    from .publish.cli import make_pdf

    return make_pdf(args.config_file, args.site_dir, getattr(args, "output", None))


def cmd_serve(args: argparse.Namespace) -> int:
    return _mkdocs("serve", "--config-file", args.config_file, "--dev-addr", args.dev_addr)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="hoctap", description=__doc__.splitlines()[0])
    root.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    verbs = root.add_subparsers(dest="verb", required=True, metavar="VERB")

    build = verbs.add_parser("build", help="validate the content and build the site into site/")
    build.add_argument("-d", "--site-dir", default="site", help="where to write the site (default: site/)")
    build.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip the combined PDF")
    build.set_defaults(run=cmd_build)

    pdf = verbs.add_parser("pdf", help="make the combined PDF 'Tài liệu học tập' from the built site")
    pdf.add_argument("-d", "--site-dir", default="site", help="the built site (default: site/)")
    pdf.add_argument("-o", "--output", help="where to write it (default: SITE_DIR/tai-lieu-hoc-tap.pdf)")
    pdf.set_defaults(run=cmd_pdf)

    serve = verbs.add_parser("serve", help="live preview at http://127.0.0.1:8000/ with the same checks")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to listen on")
    serve.set_defaults(run=cmd_serve)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not Path(args.config_file).is_file():
        print(f"hoctap: {args.config_file}: no such file; run hoctap from the site's folder or pass -f", file=sys.stderr)
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
