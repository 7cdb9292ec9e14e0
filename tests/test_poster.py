"""`hoctap poster`: A4 and A3, the site and the conference named, a QR code that a phone reads as the
home page's address, the address in text, DejaVu embedded; no address, no poster."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import SITE_URL
from tests.qr import decoded_pages

SIZES_PT = {"a4": (595, 842), "a3": (842, 1191)}


@pytest.fixture(scope="module")
def posters(run_hoctap, tmp_path_factory):
    out = tmp_path_factory.mktemp("poster")
    result = run_hoctap("poster", "--site-url", SITE_URL, "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("size", SIZES_PT)
def test_poster(posters, size):
    pdf = posters / f"poster-{size}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == SIZES_PT[size]
    assert re.search(r"^Pages:\s+1$", info, re.M), "one sheet"
    assert decoded_pages(pdf, dpi=50) == [[SITE_URL]], "the large code opens the home page"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for words in ("Học tập — LĐLĐ tỉnh Lai Châu", "Hội nghị quán triệt", "Dự kiến trung tuần tháng 4/2026", SITE_URL):
        assert words in text, words
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all("DejaVu" in row and row.split()[-5] == "yes" for row in fonts)


def test_poster_needs_the_site_address(run_hoctap, tmp_path):
    result = run_hoctap("poster", "--site-url", "", "-o", str(tmp_path))
    assert result.returncode == 2
    assert "needs the site's address: pass --site-url" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())
