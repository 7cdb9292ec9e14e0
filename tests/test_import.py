"""`hoctap import`: every sample of the layout rules, in every format, gives the same fields
(tests/import/<name>.json) and the same full text (tests/import/<name>.md); the plan of
31/3/2026 gives its own; bad input is one clear line and exit 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hoctap.importing import JSON_FIELDS, import_file
from tests import import_samples as samples

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "import"
PLAN = ROOT / "sources" / "ke-hoach-ldld-lai-chau-2026-03-31.txt"

FORMATS = {
    "txt": lambda s, p: p.write_text(samples.as_text(s), encoding="utf-8"),
    "html": lambda s, p: p.write_text(samples.as_html(s), encoding="utf-8"),
    "pdf": lambda s, p: samples.write_pdf(s, p),
    "docx": lambda s, p: samples.write_docx(s, p),
    "doc": lambda s, p: samples.write_doc(s, p),  # Word 97, through antiword
    "tab.docx": lambda s, p: samples.write_docx(s, p, tabs=True),
    "vntime.docx": lambda s, p: samples.write_docx(s, p, font=".VnTime", encode=samples.tcvn3),
    "tcvn3.txt": lambda s, p: p.write_bytes(samples.as_text(s, samples.tcvn3).encode("latin-1")),
    "vni.txt": lambda s, p: p.write_bytes(samples.as_text(s, samples.vni).encode("latin-1")),
}
MA_GOC = {"vntime.docx": "tcvn3", "tcvn3.txt": "tcvn3", "vni.txt": "vni"}


def hoctap(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hoctap.cli", *args], cwd=cwd, env=env, capture_output=True, text=True)


def made(tmp_path: Path, name: str, fmt: str) -> Path:
    path = tmp_path / f"{name}.{fmt}" if "." not in fmt else tmp_path / f"{name}-{fmt}"
    if fmt.endswith(".txt") and fmt != "txt":
        path = tmp_path / f"{name}-{fmt.split('.')[0]}.txt"
    elif fmt.endswith(".docx") and fmt != "docx":
        path = tmp_path / f"{name}-{fmt.split('.')[0]}.docx"
    FORMATS[fmt](samples.SAMPLES[name], path)
    return path


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_every_format_gives_the_samples_fields(tmp_path, name, fmt):
    result = import_file(made(tmp_path, name, fmt)).as_json()
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    assert {k: result[k] for k in JSON_FIELDS} == expected
    assert result["ma_goc"] == MA_GOC.get(fmt, "unicode")
    # Null where absent, and a warning for each absent field (naming no other document is no gap)
    for key in JSON_FIELDS:
        if result[key] in (None, []) and key != "nhac_den":
            assert any(w.startswith(f"{key}:") or key == "so_ky_hieu_in" and w.startswith("so_ky_hieu:")
                       for w in result["warnings"]), key


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx", "doc", "html", "vni.txt"])
@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_every_format_gives_the_samples_full_text(tmp_path, name, fmt):
    markdown = import_file(made(tmp_path, name, fmt)).markdown
    assert markdown == (EXPECTED / f"{name}.md").read_text(encoding="utf-8")


def test_the_plan_imports_with_its_printed_fields():
    result = hoctap("import", "--dry-run", "--format", "json", str(PLAN))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)  # exactly one JSON object
    assert (data["loai"], data["ngay_ban_hanh"], data["noi_ban_hanh"]) == ("Kế hoạch", "2026-03-31", "Lai Châu")
    assert (data["tham_quyen_ky"], data["chuc_vu_ky"], data["nguoi_ky"]) == ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Lò Thị Hằng")
    assert data["noi_nhan"] == ["Tổng LĐLĐ Việt Nam", "Ban Tuyên giáo và dân vận Tỉnh ủy; (B/c)",
                                "Ban TTUBMTTQ Việt Nam tỉnh", "Các CĐCS trực thuộc", "Lưu: LĐLĐ tỉnh"]
    # The plan as kept prints no issuer and no number: null, with a warning, never guessed
    assert data["so_ky_hieu"] is None and data["co_quan_ban_hanh"] is None
    assert any(w.startswith("so_ky_hieu:") for w in data["warnings"])
    assert any(w.startswith("co_quan_ban_hanh:") for w in data["warnings"])
    assert data["can_cu"] == ["1447/TLĐ-QHLĐ"]
    assert data["ma_goc"] == "unicode"
    for anchor in ("{#muc-i}", "{#muc-ii-1}", "{#muc-iii-2}"):
        assert anchor in data["markdown"]


def test_the_plan_into_its_page_keeps_the_editors_work_and_shows_its_four_slips(project_copy):
    page = project_copy / "docs" / "ke-hoach.md"
    before = page.read_text(encoding="utf-8")
    result = hoctap("import", "--into", "docs/ke-hoach.md", "sources/ke-hoach-ldld-lai-chau-2026-03-31.txt", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    after = page.read_text(encoding="utf-8")
    editor_prose = before.split("\n---\n", 1)[1]
    assert after.split("\n---\n", 1)[1].startswith(editor_prose)  # the editor's page, then the full text
    assert "co_quan_ban_hanh: Ban Thường vụ LĐLĐ tỉnh Lai Châu" in after  # not printed: the editor's stays
    assert "noi_dung_hoc_tap:" in after and "ten_ngan:" in after and "# Review of this page" in after
    check = hoctap("check", "docs/ke-hoach.md", cwd=project_copy)
    codes = sorted(line.split()[1] for line in check.stdout.splitlines() if " F103 " not in line)
    assert codes == ["S102", "S102", "V103", "V104", "V104"]  # ngày19, của của, số18-Ctr/TU, 15/Ctr-LĐLĐ


def test_a_new_page_is_written_and_a_reimport_is_byte_identical(project_copy, tmp_path):
    pdf = made(tmp_path, "ke-hoach-mau", "pdf")
    assert hoctap("import", str(pdf), cwd=project_copy).returncode == 0
    page = project_copy / "docs" / "van-ban" / "07-kh-ldld.md"
    first = page.read_bytes()
    assert (project_copy / "sources" / "07-kh-ldld.pdf").read_bytes() == pdf.read_bytes()
    assert b"toan_van: 07-kh-ldld.pdf" in first and b"trang_thai: du-thao" in first and b"\n## To\xc3\xa0n v\xc4\x83n" in first
    assert hoctap("import", str(pdf), cwd=project_copy).returncode == 0
    assert page.read_bytes() == first
    # The editor adds prose and a key; a re-import keeps both
    text = first.decode("utf-8").replace("---\n\n# ", "noi_bo: true  # chỉ dùng nội bộ\n---\n\n# ", 1)
    text = text.replace("\n<!-- hoctap import", "\nĐoạn biên tập viên viết.\n\n<!-- hoctap import", 1)
    page.write_text(text, encoding="utf-8")
    assert hoctap("import", str(pdf), cwd=project_copy).returncode == 0
    assert page.read_text(encoding="utf-8") == text
    assert hoctap("check", cwd=project_copy).returncode == 0


def test_a_converted_text_is_marked_unreviewed(project_copy, tmp_path):
    source = made(tmp_path, "ke-hoach-mau", "tcvn3.txt")
    assert hoctap("import", str(source), cwd=project_copy).returncode == 0
    text = (project_copy / "docs" / "van-ban" / "07-kh-ldld.md").read_text(encoding="utf-8")
    assert "chua_soat: true" in text and "ma_goc: tcvn3" in text
    assert "Chưa soát" not in text  # the site shows the mark while `chua_soat: true` (tests/test_toan_van.py)


def test_bad_input_is_one_clear_line_and_exit_1(tmp_path):
    from PIL import Image

    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    renamed = tmp_path / "khong-phai.pdf"
    samples.write_docx(samples.SAMPLES["cong-van-mau"], renamed)
    blank = tmp_path / "trang.png"
    Image.new("L", (800, 1100), 255).save(blank)
    binary = tmp_path / "nhi-phan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    for path, words in ((empty, "empty file"), (renamed, "named a PDF but it is a Word (.docx) document"),
                        (blank, "no text could be read"), (binary, "binary data"),
                        (tmp_path / "khong-co.docx", "no such file")):
        result = hoctap("import", "--dry-run", "--format", "json", str(path))
        assert result.returncode == 1, path
        assert words in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert result.stdout == ""


def test_an_encrypted_pdf_is_one_clear_line_and_one_with_only_restrictions_imports(tmp_path):
    """qpdf (Debian, in the Makefile) encrypts the sample: with a password to open it, the import says
    what to do; with an owner password only (printing, copying restricted), the text is read as usual."""
    pdf = made(tmp_path, "ke-hoach-mau", "pdf")
    locked, restricted = tmp_path / "co-mat-khau.pdf", tmp_path / "han-che.pdf"
    subprocess.run(["qpdf", "--encrypt", "u", "o", "256", "--", str(pdf), str(locked)], check=True)
    subprocess.run(["qpdf", "--encrypt", "", "o", "256", "--extract=n", "--modify=none", "--", str(pdf), str(restricted)],
                   check=True)
    result = hoctap("import", "--dry-run", "--format", "json", str(locked))
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert "co-mat-khau.pdf: the PDF is encrypted with a password" in result.stderr
    opened = hoctap("import", "--dry-run", "--format", "json", str(restricted))
    assert opened.returncode == 0, opened.stderr
    expected = json.loads((EXPECTED / "ke-hoach-mau.json").read_text(encoding="utf-8"))
    assert {k: json.loads(opened.stdout)[k] for k in JSON_FIELDS} == expected
