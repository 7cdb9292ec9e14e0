"""`hoctap import` on the styles real files have (tests/import_styles.py), through every format of
tests/import_traps.py: no field is ever wrong; on these well-made files every field is found; the
structure holds (a Quyết định's Điều and its PHỤ LỤC with its table, a Công văn's `Kính gửi:` list)."""

from __future__ import annotations

import pytest

from hoctap.importing import import_file
from tests import import_traps as traps
from tests.import_styles import STYLES, STYLES_TRUTH


def _made(tmp_path, name: str, fmt: str):
    stem, _, suffix = fmt.rpartition(".")
    path = tmp_path / f"{name}{'-' + stem if stem else ''}.{suffix}"
    traps.FORMATS[fmt](STYLES[name], path)
    return path


@pytest.mark.parametrize("fmt", sorted(traps.FORMATS))
@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_field_is_right(tmp_path, name, fmt):
    result = import_file(_made(tmp_path, name, fmt)).as_json()
    got = {key: result[key] if result[key] != [] else None for key in STYLES_TRUTH[name]}
    assert got == STYLES_TRUTH[name]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "portal.html", "txt"])
def test_a_provincial_decision_keeps_its_articles_and_its_appendix(tmp_path, fmt):
    markdown = import_file(_made(tmp_path, "quyet-dinh-tinh-mau", fmt)).markdown
    assert [line for line in markdown.splitlines() if line.startswith("###")] == [
        "### Điều 1. {#dieu-1}", "### Điều 2. {#dieu-2}", "### Điều 3. {#dieu-3}", "### PHỤ LỤC {#phu-luc}"]
    assert "Căn cứ Luật Công đoàn mẫu ngày 27 tháng 6 năm 2024;" in markdown  # the preamble stays
    appendix = markdown.split("### PHỤ LỤC", 1)[1]
    assert "| 2 | Liên đoàn Lao động tỉnh | Ban Tổ chức |" in appendix and "Hoàng Văn Dũng" not in appendix


@pytest.mark.parametrize("fmt", ["pdf", "docx", "portal.html", "txt"])
def test_a_dispatchs_salutation_list_is_a_list_not_its_subject(tmp_path, fmt):
    result = import_file(_made(tmp_path, "cong-van-cong-doan-mau", fmt))
    assert "Kính gửi:\n\n- Các công đoàn cơ sở trực thuộc;\n- Các trường học trên địa bàn tỉnh." in result.markdown
    assert "gửi" not in result.fields.trich_yeu


@pytest.mark.parametrize("name", sorted(STYLES))
def test_a_scan_of_each_style_never_gives_a_wrong_field(tmp_path, name):
    """The first page scanned (noise, skew): OCR's misreadings (`PHÓ CHỦ TICH L`, `Lưu: VE TL`, `b/©`)
    leave their field empty, with its warning; no field is wrong."""
    import json

    from PIL import Image

    from tests.import_samples import write_scan
    from tests.test_import import hoctap

    png = write_scan(_made(tmp_path, name, "pdf"), tmp_path / "scan.png")
    with Image.open(png) as image:
        image.save(tmp_path / "scan.pdf", resolution=300)
    run = hoctap("import", "--dry-run", "--format", "json", str(tmp_path / "scan.pdf"))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    for key, truth in STYLES_TRUTH[name].items():
        if result[key] in (None, []):
            assert truth is None or any(w.startswith(f"{key}:") for w in result["warnings"]), key
        else:
            assert result[key] == truth, key


@pytest.mark.parametrize("text, wrong", [
    ("PHÓ CHỦ TỊCH", False), ("PHÓ CHỦ TICH", True), ("PHÓ CHỦ TỊCH L", True), ("PHÓ CHỦ TỊCH THƯỜNG TRỰC", False)])
def test_a_position_keeps_its_tone_marks(text, wrong):
    from hoctap.importing.forms import position

    assert (position(text) is not None) == wrong


@pytest.mark.parametrize("item, wrong", [
    ("Lưu: VT, TG", False), ("Lưu: VT, PL (2b)", False), ("Lưu Văn phòng Tỉnh ủy", False), ("LĐLĐ tỉnh (để b/c)", False),
    ("Lưu: VE TL", True), ("Lưu: VL_TG", True), ("LĐLĐ tỉnh (để b/©)", True)])
def test_a_recipient_has_the_form_a_printed_one_has(item, wrong):
    from hoctap.importing.forms import recipient

    assert (recipient(item) is not None) == wrong


def test_a_name_the_form_check_refuses_is_not_said_to_be_missing(tmp_path):
    """`Nguyễn Văn Huyện` (`Huyện` is a district, in no name; `Huyền` is a name): empty, and the warning says
    why, not that the original prints no name (never blame the original for the importer's own refusal)."""
    import dataclasses

    from tests.import_samples import write_docx

    sample = dataclasses.replace(STYLES["thong-tu-bo-mau"], signature=["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn Huyện"])
    result = import_file(write_docx(sample, tmp_path / "thong-tu.docx")).as_json()
    assert result["nguoi_ky"] is None
    [warning] = [w for w in result["warnings"] if w.startswith("nguoi_ky:")]
    assert warning.startswith("nguoi_ky: `Nguyễn Văn Huyện` under the signature does not read as a person's name")


@pytest.mark.parametrize("name", sorted(STYLES) + ["nghi-dinh-mau"])
def test_an_old_word_file_reads_its_title_whole(tmp_path, name):
    """antiword prints a blank line before every paragraph: it does not end a title printed over two
    lines (`QUY ĐỊNH CHI TIẾT…` / `VỀ CÔNG TÁC VĂN THƯ` was cut after the first)."""
    from tests.import_samples import write_doc

    sample, truth = (STYLES[name], STYLES_TRUTH[name]) if name in STYLES else (traps.TRAPS[name], traps.TRUTH[name])
    result = import_file(write_doc(sample, tmp_path / f"{name}.doc")).as_json()
    for key, value in truth.items():
        assert result[key] in (None, []) or result[key] == value, key
    assert result["trich_yeu"] == truth["trich_yeu"]
