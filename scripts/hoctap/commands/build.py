"""`hoctap build` (and each rebuild of `hoctap serve`): build beside the target, swap it in only
when everything passed.

MkDocs empties `site/` before it builds, so a build that failed halfway used to leave a site
with half its pages. Here MkDocs and the PDF write into a new folder next to `site/`; only when
the build, its checks and the PDF all passed does that folder take the name `site/`, and the
old one is removed. A failed build leaves the previous `site/` exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ..text import disk
from ..build import project
from ..publish.pdf_command import make_pdf
from ..text.pages import PDF_NAME


def build(config_file: str, site_dir: str, *, pdf: bool = True, strict: bool = True, site_url: str = "",
          verb: str = "hoctap build", **options) -> int:
    """Build the site into `site_dir` (relative to mkdocs.yml's folder, as MkDocs reads it) with the
    plugin's `options` (hoctap.build.project.build); the exit status. Messages start with `verb`; without
    one (the preview's rebuilds), a failed build only lists its findings."""
    target = (Path(config_file).resolve().parent / site_dir).resolve()
    if target.exists() and not target.is_dir():
        print(f"{verb or 'hoctap'}: {target} is a file, not a folder: move it away, or build elsewhere with --site-dir",
              file=sys.stderr)
        return 1
    staging = target.with_name(f".{target.name}.building-{os.getpid()}")
    try:
        # what builds killed with -9 left: their staging folders and the old sites they were swapping out
        disk.remove_stale(target.parent, f".{target.name}.building-")
        disk.remove_stale(target.parent, f".{target.name}.old-")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        built = project.build(config_file, staging, site_url=site_url, strict=strict, **options)
        status = 0 if built is not None else 1
        if built is not None and pdf:
            # The site links to the PDF, so the site that `hoctap build` writes contains it, of the same documents
            status = make_pdf(config_file, str(staging), registry=built.registry, shown=_relative(target) + PDF_NAME)
        if status == 0:
            swap_in(staging, target)
        elif verb:
            print(f"{verb}: the build failed; {_relative(target)} is unchanged", file=sys.stderr)
        return status
    except OSError as error:
        print(f"{verb or 'hoctap'}: {disk.explain(error, target)}; {_relative(target)} is unchanged", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Give `staging` the name `target`: two renames on one disk, then the old site is removed."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _relative(path: Path) -> str:
    try:
        return os.path.relpath(path) + "/"
    except ValueError:
        return str(path)
