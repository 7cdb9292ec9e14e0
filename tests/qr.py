"""Read QR codes back from a PDF as a phone would from paper: poppler rasterises each page
(pdftoppm), zbar decodes what is printed on it (zbarimg, Debian's zbar-tools)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def decoded_pages(pdf: Path, dpi: int = 150) -> list[list[str]]:
    """For each page of `pdf`, the text of every QR code zbar finds on it."""
    for tool in ("pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run `make setup` (poppler-utils, zbar-tools)")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{folder}/p"], check=True)
        pages = []
        for image in sorted(Path(folder).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            # zbarimg exits 4 when a page has no code: that is an answer, not an error
            out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                                 capture_output=True, text=True)
            assert out.returncode in (0, 4), out.stderr
            pages.append([line for line in out.stdout.splitlines() if line])
        return pages
