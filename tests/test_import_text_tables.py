"""Tables in plain-text files: lines aligned in columns (tabs, pipes, or two or more spaces at the
same columns on every line) become Markdown tables; anything less consistent stays lines."""

from __future__ import annotations

import pytest

from hoctap.importing import import_file
from hoctap.importing.text_tables import find

HEADER = """LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
     BAN THƯỜNG VỤ                         Độc lập - Tự do - Hạnh phúc

Số: 12/BC-LĐLĐ                        Tỉnh Mẫu, ngày 05 tháng 3 năm 2026

BÁO CÁO
Kết quả học tập chương trình năm 2026

I. KẾT QUẢ
Các công đoàn cơ sở đã tổ chức học tập như sau:
"""
CLOSING = """
Nơi nhận:                               TM. BAN THƯỜNG VỤ
- Như trên;                             CHỦ TỊCH
- Lưu: VT, TG.
                                        Nguyễn Văn An
"""
TABLES = {
    "spaces": "STT   Đơn vị              Số đoàn viên\n1     CĐCS Công ty A      120\n2     CĐCS Trường B       95\n",
    "tabs": "STT\tĐơn vị\tSố đoàn viên\n1\tCĐCS Công ty A\t120\n2\tCĐCS Trường B\t95\n",
    "pipes": "| STT | Đơn vị | Số đoàn viên |\n|-----|--------|--------------|\n| 1 | CĐCS Công ty A | 120 |\n| 2 | CĐCS Trường B | 95 |\n",
}
EXPECTED = ("| STT | Đơn vị | Số đoàn viên |\n| --- | --- | --- |\n| 1 | CĐCS Công ty A | 120 |\n"
            "| 2 | CĐCS Trường B | 95 |")


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_a_table_in_a_text_file_becomes_a_markdown_table(tmp_path, kind):
    path = tmp_path / "bao-cao.txt"
    path.write_text(HEADER + TABLES[kind] + "\nII. KIẾN NGHỊ\nTiếp tục tổ chức học tập.\n" + CLOSING, encoding="utf-8")
    result = import_file(path)
    assert EXPECTED in result.markdown, result.markdown
    assert "Các công đoàn cơ sở đã tổ chức học tập như sau:" in result.markdown
    fields = result.as_json()  # the header's and closing's columns read as before
    assert (fields["so_ky_hieu"], fields["ngay_ban_hanh"], fields["chuc_vu_ky"], fields["nguoi_ky"]) == \
        ("12/BC-LĐLĐ", "2026-03-05", "CHỦ TỊCH", "Nguyễn Văn An")


@pytest.mark.parametrize("lines", [
    # justified prose: double spaces, but not at the same columns
    ["Ban Thường vụ  đề nghị các công đoàn cơ sở  tổ chức học tập", "nghiêm túc,  bảo đảm thời gian và  chất lượng theo kế hoạch"],
    # one line alone
    ["STT   Đơn vị          Số đoàn viên"],
    # columns that do not agree: three cells above, two below
    ["a\tb\tc", "d\te"],
    # a bare rule under a title is text, not a table's
    ["KẾ HOẠCH", "-----"],
])
def test_lines_that_are_not_consistently_in_columns_stay_lines(lines):
    assert find(lines) == {}


def test_prose_beside_a_table_stays_prose(tmp_path):
    path = tmp_path / "bao-cao.txt"
    prose = ("Ban Thường vụ  đề nghị các công đoàn cơ sở  tổ chức học tập\n"
             "nghiêm túc,  bảo đảm thời gian và  chất lượng theo kế hoạch.\n")
    path.write_text(HEADER + prose + "\n" + TABLES["spaces"] + CLOSING, encoding="utf-8")
    markdown = import_file(path).markdown
    assert "Ban Thường vụ đề nghị các công đoàn cơ sở tổ chức học tập nghiêm túc, bảo đảm thời gian và chất lượng" in markdown
    assert markdown.count("| STT |") == 1 and markdown.count("|---") == 0
