"""Sharing in a real Chromium: the speaker sheets printed from the site carry their programme's QR code,
and the share button shares (Web Share) or copies the link, with a confirmation a reader sees and hears."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DOCS, SITE_URL
from tests.qr import decoded_pages
from hoctap.registry import Registry

REGISTRY = Registry.load(DOCS)
PROGRAMMES = [d for d in REGISTRY.catalogue() if d.ma in REGISTRY.study_order]


def test_printed_speaker_sheets_carry_their_programme_qr_code(browser, site_with_url, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site_with_url / "bao-cao-vien.html").as_uri())
    assert not page.locator(".ht-sheet .ht-qr").first.is_visible(), "on screen the sheet shows no code"
    page.emulate_media(media="print")
    pdf = tmp_path / "phieu.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    context.close()
    found = [code for codes in decoded_pages(pdf, dpi=100) for code in codes]
    assert found == [SITE_URL + d.page.stem + ".html" for d in PROGRAMMES], "one code per sheet, in order"
