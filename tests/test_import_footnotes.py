"""Footnotes of a PDF and of a scan (hoctap.importing.footnotes): small text at a page's foot that opens
with its number becomes a Markdown footnote attached where its raised mark stands; a foot line that
cannot be attributed stays in the text."""

from __future__ import annotations

import re

import pytest

from hoctap.importing import import_file
from tests.import_samples import SAMPLES, as_html

NOTE = "Nghị quyết số 02-NQ/TU ngày 10/01/2026 của Ban Chấp hành Đảng bộ tỉnh Mẫu."
CSS = """
  .fn { float: footnote; font-size: 10pt }
  ::footnote-call { content: counter(footnote); vertical-align: super; font-size: 8pt; line-height: 1 }
  ::footnote-marker { content: counter(footnote); vertical-align: super; font-size: 7pt; padding-right: 2pt }
"""


def _pdf(path, *, marked: bool = True, note: str = NOTE):
    """The plan sample with one footnote on "Ban Thường vụ…" (`marked`), or a small numbered line at the
    page's foot that no mark in the text points to."""
    html = as_html(SAMPLES["ke-hoach-mau"], for_pdf=True).replace("</style>", CSS + "</style>")
    said = "Ban Thường vụ Liên đoàn Lao động tỉnh Mẫu ban hành Kế hoạch như sau:"
    if marked:
        html = html.replace(said, said.replace("Kế hoạch", f'Kế hoạch<span class="fn">{note}</span>'))
    else:
        html = html.replace("<table class=close>", f'<p style="font-size:10pt;margin-top:6cm">1 {note}</p><table class=close>')
    from weasyprint import HTML

    HTML(string=html).write_pdf(path)
    return path


def test_a_pdfs_footnote_is_set_apart_and_attached_where_its_mark_stands(tmp_path):
    result = import_file(_pdf(tmp_path / "ke-hoach.pdf"))
    markdown = result.markdown
    assert "ban hành Kế hoạch[^1] như sau:" in markdown
    assert f"[^1]: {NOTE}" in markdown
    assert markdown.count("02-NQ/TU") == 1  # not run into the body as well
    fields = result.as_json()
    assert fields["so_ky_hieu"] == "07/KH-LĐLĐ" and fields["nguoi_ky"] == "Nguyễn Văn An"


def test_a_pdfs_footnote_renders_as_one(tmp_path):
    import markdown as md

    html = md.markdown(import_file(_pdf(tmp_path / "ke-hoach.pdf")).markdown, extensions=["footnotes", "attr_list"])
    assert re.search(r'Kế hoạch<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"', html)
    assert '<div class="footnote">' in html and "02-NQ/TU ngày 10/01/2026" in html.split('<div class="footnote">')[1]


def test_a_foot_line_no_mark_points_to_stays_in_the_text(tmp_path):
    markdown = import_file(_pdf(tmp_path / "ke-hoach.pdf", marked=False)).markdown
    assert "[^" not in markdown
    assert f"1 {NOTE}" in markdown


@pytest.mark.parametrize("text, number", [("1", "1"), ("¹", "1"), ("(2)", "2"), ("12", "12"), ("1.", None), ("a", None)])
def test_a_footnotes_number(text, number):
    from hoctap.importing.footnotes import number as read

    assert read(text) == number


def _one_page(tmp_path):
    """A one-page dispatch whose last paragraph carries a footnote on its sixth word."""
    from weasyprint import HTML

    sample = SAMPLES["cong-van-mau"]
    words = sample.body[-1].split()
    html = as_html(sample, for_pdf=True).replace("</style>", CSS + "</style>")
    html = html.replace(" ".join(words[:6]), " ".join(words[:6]) + f'<span class="fn">{NOTE}</span>', 1)
    HTML(string=html).write_pdf(tmp_path / "cong-van.pdf")
    return tmp_path / "cong-van.pdf"


def test_a_footnote_on_its_marks_page(tmp_path):
    markdown = import_file(_one_page(tmp_path)).markdown
    assert "Đề nghị các đơn vị thực[^1] hiện./." in markdown and f"[^1]: {NOTE}" in markdown


def test_a_scans_footnote_is_attached_or_left_in_the_text_never_guessed(tmp_path):
    """Tesseract reads the raised `1` as `!` glued to its word: nothing says it is a mark, so no note is
    attached, and the foot line stays in the text, every word of it."""
    from PIL import Image

    from tests.import_samples import write_scan

    png = write_scan(_one_page(tmp_path), tmp_path / "scan.png")
    with Image.open(png) as image:
        image.save(tmp_path / "scan.pdf", resolution=300)
    markdown = import_file(tmp_path / "scan.pdf").markdown
    if "[^1]" in markdown:
        assert "thực[^1] hiện" in markdown and f"[^1]: {NOTE}" in markdown
    else:
        assert "[^" not in markdown and NOTE in markdown
