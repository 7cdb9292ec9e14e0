"""The offline bundle: the built site in one zip, for a USB stick or a phone with no connection.

Everything sits under one folder, so unzipping never scatters files; the site opens from
`file://` because it links relatively and the `offline` plugin inlines the search index. A bundle of
a release leaves its service worker out: no browser runs one from `file://`, and its pages register
none there (overrides/partials/hoctap-offline.html).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..text import disk
from .offline_app import WORKER

FOLDER = "hoc-tap"


def write(site: Path, out: Path) -> tuple[int, int]:
    """Zip `site` into `out` (written aside, then renamed into place); return its size and file count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    disk.remove_stale(out.parent, f".{out.name}.", ".partial")  # what a bundle killed with -9 left
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith(".map") and p != site / WORKER)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
        with open(partial, "rb") as written:  # the zip's directory is written as it closes: flush after
            os.fsync(written.fileno())
        os.replace(partial, out)
        disk.fsync_folder(out.parent)
    finally:
        partial.unlink(missing_ok=True)
    return out.stat().st_size, len(files)
