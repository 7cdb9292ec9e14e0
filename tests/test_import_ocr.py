"""What a scan's OCR gets wrong in a header or an outline, and what `hoctap import` does about it:
a space dropped inside a fixed phrase (`VIỆTNAM`) is put back, since a written Vietnamese word is one
syllable; a part numbered out of sequence (`III.` read as `II.`) is a warning, never renumbered."""

from __future__ import annotations


import pytest

from hoctap.importing import import_file
from hoctap.importing.layout import Paragraph
from hoctap.importing.rules import is_motto, rejoin_fixed
from hoctap.importing.structure import to_markdown
from tests import import_samples as samples


@pytest.mark.parametrize("read, fixed, split", [
    ("TỔNG LĐLĐ VIỆTNAM", "TỔNG LĐLĐ VIỆT NAM", ["VIỆTNAM"]),
    ("CỘNG HOÀ XÃHỘI CHỦNGHĨA VIỆTNAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["XÃHỘI", "CHỦNGHĨA", "VIỆTNAM"]),
    ("Độc lập - Tựdo - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc", ["Tựdo"]),
    ("ĐẢNGCỘNG SẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM", ["ĐẢNGCỘNG"]),
    ("Hà Nội, Việt Nam", "Hà Nội, Việt Nam", []),
    ("VIETNAM Airlines", "VIETNAM Airlines", []),  # not the Vietnamese words: left alone
    ("Namđịnh, Hòabình", "Namđịnh, Hòabình", []),  # two syllables, but not of a motto: not ours to split
])
def test_a_space_ocr_dropped_inside_a_motto_is_put_back_and_only_a_space(read, fixed, split):
    assert rejoin_fixed(read) == (fixed, split)


def test_the_motto_is_recognised_without_its_spaces():
    assert is_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆTNAM") and is_motto("ĐỘCLẬP - TỰ DO - HẠNH PHÚC")
    assert not is_motto("TỔNG LĐLĐ VIỆTNAM")


def _body(*lines: str):
    return to_markdown([Paragraph(line, []) for line in lines])


def test_a_part_out_of_sequence_is_a_warning_and_keeps_its_printed_number():
    body = _body("I. MỤC ĐÍCH", "Nội dung.", "II. NỘI DUNG", "Nội dung.", "II. TỔ CHỨC THỰC HIỆN", "Nội dung.")
    [warning] = body.warnings
    assert warning.startswith("structure: `II. TỔ CHỨC THỰC HIỆN` is numbered II after II")
    assert "{#muc-ii-2}" in body.markdown and "muc-iii" not in body.markdown  # not renumbered
    assert _body("I. A", "II. B", "III. C", "IV. D").warnings == []
    assert _body("Điều 1. A", "Điều 2. B", "Điều 4. C").warnings[0].startswith("structure: `Điều 4. C` is numbered 4 after 2")
    # A Phần numbers its own Chương from 1 again
    assert _body("Phần I", "Chương I", "Chương II", "Phần II", "Chương I").warnings == []


def test_the_scan_sample_reads_its_superior_body_and_warns_of_its_misread_part(tmp_path):
    """The noisy 300 dpi scan of the sample plan (tests/import_samples.write_scan) as Tesseract reads it:
    `TỔNG LĐLĐ VIỆTNAM` and `III.` read as `II.`. The first is mended, the second reported."""
    pdf = samples.write_pdf(samples.SAMPLES["ke-hoach-mau"], tmp_path / "mau.pdf")
    result = import_file(samples.write_scan(pdf, tmp_path / "mau.png")).as_json()
    assert result["co_quan_chu_quan"] == "TỔNG LĐLĐ VIỆT NAM" and result["ma_goc"] == "ocr"
    assert any(w.startswith("ocr: a space put back") and "`VIỆTNAM`" in w for w in result["warnings"])
    misread = [w for w in result["warnings"] if w.startswith("structure:")]
    assert misread and "TỔ CHỨC THỰC HIỆN` is numbered II after II" in misread[0]
