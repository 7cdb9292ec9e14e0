"""`hoctap` — one command for editors: build, preview, check, publish.

Each verb is a thin wrapper: the work lives in the pipeline's modules and in the
MkDocs plugin, so `mkdocs build` and `hoctap build` report the same findings.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from .publish import commands as publishing


def _mkdocs(*args: str) -> int:
    """Run MkDocs as editors would, in this interpreter, and pass its exit status on."""
    return subprocess.call([sys.executable, "-m", "mkdocs", *args])


def cmd_build(args: argparse.Namespace) -> int:
    return _mkdocs("build", "--strict", "--config-file", args.config_file, "--site-dir", args.site_dir)


def cmd_serve(args: argparse.Namespace) -> int:
    return _mkdocs("serve", "--config-file", args.config_file, "--dev-addr", args.dev_addr)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="hoctap", description=__doc__.splitlines()[0])
    root.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    verbs = root.add_subparsers(dest="verb", required=True, metavar="VERB")

    build = verbs.add_parser("build", help="validate the content and build the site into site/")
    build.add_argument("-d", "--site-dir", default="site", help="where to write the site (default: site/)")
    build.set_defaults(run=cmd_build)

    serve = verbs.add_parser("serve", help="live preview at http://127.0.0.1:8000/ with the same checks")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to listen on")
    serve.set_defaults(run=cmd_serve)

    publishing.add_verbs(verbs)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not Path(args.config_file).is_file():
        print(f"hoctap: {args.config_file}: no such file; run hoctap from the site's folder or pass -f", file=sys.stderr)
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
