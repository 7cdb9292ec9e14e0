"""Test documents that reproduce what real official files do to an importer (issue 26): a preamble
typed as a dash list right under the title, a rule under the title, a salutation OCR read without
its marks, signature lines beside or under the Nơi nhận column, references to other Điều wrapped to
a line's start, a Điều title too long for one line, an appendix with a table after the signature,
a legal portal's page around the document, columns kept as spaces (`pdftotext -layout`).

Like tests/import_samples.py these are made up ("tỉnh Mẫu", numbers 9x): samples of the layout
rules, never documents of the federation. TRUTH holds what each field really is; a test accepts
the value or an empty field with its warning, nothing else.
"""

from __future__ import annotations

import html
from pathlib import Path

from tests.import_samples import Sample, _wrap as wrap, as_html, as_text, write_docx, write_pdf

REFERENCES = ("Việc giới thiệu người vào Đảng của các chi bộ thực hiện theo quy định tại khoản 2 Điều 3 Điều lệ Mẫu; thẩm quyền "
              "xem xét thực hiện theo Điều 4 Điều lệ Mẫu và Điều 47 của Luật Mẫu số 99/2025/QH15; thời hạn thực hiện "
              "theo Điều 5 Điều lệ Mẫu, Điều 6 Điều lệ Mẫu, Điều 7 của Quy chế mẫu và Điều 8 Điều lệ Mẫu; hồ sơ "
              "lập theo Điều 9 Điều lệ Mẫu và Điều 10 của Quy chế mẫu.")

TRAPS = {
    "quy-dinh-dang-mau": Sample(
        left=["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"], bold_from=0,
        number="Số 97-QĐ/TW",
        right=["ĐẢNG CỘNG SẢN VIỆT NAM"],
        date="Hà Nội, ngày 20 tháng 01 năm 2026",
        type_line="QUY ĐỊNH",
        title=["THI HÀNH ĐIỀU LỆ MẪU"],
        body=[
            "- Căn cứ Điều lệ Mẫu;",
            "- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương khóa mẫu;",
            "- Xét đề nghị của Ban Tổ chức Trung ương,",
            "Ban Chấp hành Trung ương quy định thi hành Điều lệ Mẫu như sau:",
            "Điều 1. Về người vào Đảng",
            REFERENCES,
            "Điều 2. Thẩm quyền và trách nhiệm của cấp ủy các cấp trong việc xem xét, quyết định kết nạp người "
            "vào Đảng và công nhận đảng viên chính thức",
            REFERENCES,
            "Điều 3. Hiệu lực thi hành",
            "Quy định này có hiệu lực từ ngày ký.",
        ],
        recipients=["- Các tỉnh ủy, thành ủy,", "- Các ban đảng, ban cán sự đảng, đảng đoàn,", "- Lưu Văn phòng Trung ương Đảng."],
        signature=["T/M BAN CHẤP HÀNH TRUNG ƯƠNG", "TỔNG BÍ THƯ", "Nguyễn Văn Hòa"],
    ),
    "nghi-dinh-mau": Sample(
        left=["CHÍNH PHỦ"], bold_from=0,
        number="Số: 98/2026/NĐ-CP",
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Hà Nội, ngày 15 tháng 01 năm 2026",
        type_line="NGHỊ ĐỊNH",
        title=["QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT MẪU", "VỀ CÔNG TÁC VĂN THƯ"],
        rule="-----------",
        body=[
            "Căn cứ Luật Tổ chức Chính phủ mẫu ngày 18 tháng 02 năm 2025;",
            "Căn cứ Luật Mẫu số 99/2025/QH15 ngày 19 tháng 02 năm 2025;",
            "Theo đề nghị của Bộ trưởng Bộ Nội vụ;",
            "Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Mẫu về công tác văn thư.",
            "Chương I",
            "QUY ĐỊNH CHUNG",
            "Điều 1. Phạm vi điều chỉnh",
            "Nghị định này quy định chi tiết một số điều của Luật Mẫu về công tác văn thư. " + REFERENCES,
            "Điều 2. Đối tượng áp dụng và trách nhiệm của cơ quan, tổ chức, cá nhân có liên quan trong việc "
            "thực hiện công tác văn thư",
            "1. Nghị định này áp dụng đối với cơ quan, tổ chức nhà nước (sau đây gọi chung là cơ quan, tổ chức).",
            "2. Doanh nghiệp nhà nước căn cứ quy định của Nghị định này và NĐ-CP khác có liên quan để áp dụng.",
            "Chương II",
            "TỔ CHỨC THỰC HIỆN",
            "Điều 3. Hiệu lực thi hành",
            "1. Nghị định này có hiệu lực thi hành từ ngày ký ban hành.",
            "2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị định này./.",
        ],
        recipients=["- Ban Bí thư Trung ương Đảng;", "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
                    "- Các bộ, cơ quan ngang bộ;", "- Lưu: VT, PL (2b)."],
        signature=["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Văn Bình"],
        appendix=["PHỤ LỤC", "MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN",
                  "(Kèm theo Nghị định số 98/2026/NĐ-CP ngày 15 tháng 01 năm 2026 của Chính phủ)"],
        table=[["STT", "Nội dung", "Kết quả"], ["1", "Số văn bản đến", "120"], ["2", "Số văn bản đi", "85"]],
    ),
    "cong-van-ocr-mau": Sample(
        left=["UBND TỈNH MẪU", "SỞ NỘI VỤ"], bold_from=1,
        number="Số: 96/SNV-VP",
        vv=["V/v triển khai thực hiện Kế hoạch", "số 12/KH-UBND của UBND tỉnh"],
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày 9 tháng 5 năm 2026",
        type_line=None, title=[],
        body=["Kinh gửi: Các phòng, đơn vị thuộc Sở.",
              "Thực hiện Kế hoạch số 12/KH-UBND ngày 02/5/2026 của UBND tỉnh Mẫu, Sở Nội vụ đề nghị các đơn vị "
              "triển khai thực hiện các nội dung của Kế hoạch và báo cáo kết quả trước ngày 30/6/2026./."],
        recipients=["- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, VP."],
        signature=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lò Thị Hằng"],
    ),
}

TRUTH = {
    "quy-dinh-dang-mau": {
        "loai": "Quy định", "so_ky_hieu": "97-QĐ/TW", "so_ky_hieu_in": "97-QĐ/TW", "ngay_ban_hanh": "2026-01-20",
        "noi_ban_hanh": "Hà Nội", "co_quan_ban_hanh": "BAN CHẤP HÀNH TRUNG ƯƠNG", "co_quan_chu_quan": None,
        "trich_yeu": "THI HÀNH ĐIỀU LỆ MẪU", "tham_quyen_ky": "T/M BAN CHẤP HÀNH TRUNG ƯƠNG",
        "chuc_vu_ky": "TỔNG BÍ THƯ", "nguoi_ky": "Nguyễn Văn Hòa",
        "noi_nhan": ["Các tỉnh ủy, thành ủy", "Các ban đảng, ban cán sự đảng, đảng đoàn", "Lưu Văn phòng Trung ương Đảng"],
    },
    "nghi-dinh-mau": {
        "loai": "Nghị định", "so_ky_hieu": "98/2026/NĐ-CP", "so_ky_hieu_in": "98/2026/NĐ-CP",
        "ngay_ban_hanh": "2026-01-15", "noi_ban_hanh": "Hà Nội", "co_quan_ban_hanh": "CHÍNH PHỦ", "co_quan_chu_quan": None,
        "trich_yeu": "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT MẪU VỀ CÔNG TÁC VĂN THƯ",
        "tham_quyen_ky": "TM. CHÍNH PHỦ, KT. THỦ TƯỚNG", "chuc_vu_ky": "PHÓ THỦ TƯỚNG", "nguoi_ky": "Trần Văn Bình",
        "noi_nhan": ["Ban Bí thư Trung ương Đảng", "Thủ tướng, các Phó Thủ tướng Chính phủ", "Các bộ, cơ quan ngang bộ",
                     "Lưu: VT, PL (2b)"],
    },
    "cong-van-ocr-mau": {
        "loai": "Công văn", "so_ky_hieu": "96/SNV-VP", "so_ky_hieu_in": "96/SNV-VP", "ngay_ban_hanh": "2026-05-09",
        "noi_ban_hanh": "Tỉnh Mẫu", "co_quan_ban_hanh": "SỞ NỘI VỤ", "co_quan_chu_quan": "UBND TỈNH MẪU",
        "trich_yeu": "triển khai thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh",
        "tham_quyen_ky": "KT. GIÁM ĐỐC", "chuc_vu_ky": "PHÓ GIÁM ĐỐC", "nguoi_ky": "Lò Thị Hằng",
        "noi_nhan": ["Như trên", "Lãnh đạo Sở", "Lưu: VT, VP"],
    },
}


def _pad(left: str, right: str, width: int = 46) -> str:
    return f"{left:<{width}}{right}".rstrip()


def as_layout_text(s: Sample) -> str:
    """A text file that kept the columns with spaces (`pdftotext -layout`, or typed so): the header
    and the closing side by side, the signature beside the Nơi nhận list."""
    left = s.left + [s.number] + s.vv
    right = s.right + [s.date]
    lines = [_pad(left[i] if i < len(left) else "", right[i] if i < len(right) else "") for i in range(max(len(left), len(right)))]
    lines += [""] + [f"{' ' * 30}{t}" for t in ([s.type_line] if s.type_line else []) + s.title + ([s.rule] if s.rule else [])]
    lines += [""] + [line for paragraph in s.body for line in wrap(paragraph, 80)]
    closing_left = ["Nơi nhận:"] + s.recipients
    closing_right = s.signature[:-1] + ["", "", s.signature[-1]]
    lines += [""] + [_pad(closing_left[i] if i < len(closing_left) else "", closing_right[i] if i < len(closing_right) else "")
                     for i in range(max(len(closing_left), len(closing_right)))]
    lines += ([""] + s.appendix + [""] + ["   ".join(row) for row in s.table]) if s.appendix else []
    return "\n".join(lines) + "\n"


def as_portal_html(s: Sample) -> str:
    """The document as a legal portal shows it: menus, a breadcrumb, the page's own title and a side
    panel (with `Người ký`, a table of contents, related documents) around the document's content block."""
    e = html.escape
    document = as_html(s).split("<body>", 1)[1].rsplit("</body>", 1)[0]
    toc = "".join(f"<li><a href='#c{i}'>{e(t)}</a></li>" for i, t in enumerate(s.body) if t.startswith(("Chương", "Điều")))
    return (f"<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>{e(s.type_line or 'Văn bản')} "
            f"{e(s.number)} {e(' '.join(s.title))}</title></head><body>"
            "<div class=top-menu><ul><li>TRANG CHỦ</li><li>VĂN BẢN PHÁP LUẬT</li><li>NGHỊ ĐỊNH</li><li>QUYẾT ĐỊNH</li>"
            "<li>HỎI ĐÁP PHÁP LUẬT</li></ul></div>"
            "<div class=breadcrumb><a>Trang chủ</a> › <a>Văn bản</a> › <a>Bộ máy hành chính</a></div>"
            f"<h1 class=doc-title>{e(s.type_line or '')} {e(s.number)} {e(' '.join(s.title))}</h1>"
            "<div class=layout><div class=side><div class=attr><p>Người ký: Chương I</p>"
            f"<p>Cơ quan ban hành: {e(' '.join(s.title))}</p><p>Tình trạng: Còn hiệu lực</p></div>"
            f"<p><b>MỤC LỤC</b></p><ul class=toc>{toc}</ul>"
            "<p><b>VĂN BẢN LIÊN QUAN</b></p><p>PHÓ THỦ TƯỚNG QUY ĐỊNH CHUNG</p></div>"
            f"<div class=content1><div id=toanvancontent>{document}</div></div></div>"
            "<div class=site-footer><p>CƠ SỞ DỮ LIỆU VĂN BẢN MẪU</p><p>Bản quyền thuộc về cổng thông tin mẫu.</p></div>"
            "</body></html>")


def write_docx_tabbed_closing(s: Sample, path: Path) -> Path:
    """A Word file whose closing is typed with tabs instead of a table: `Nơi nhận:⇥⇥TM. …`, and
    signature lines with nothing on their left but the tabs (`⇥⇥⇥CHỦ TỊCH`)."""
    import docx

    write_docx(Sample(**{**vars(s), "recipients": [], "signature": ["-"]}), path)
    document = docx.Document(str(path))
    for table in document.tables[1:2]:  # the closing table the sample writer made: replaced by tabs
        table._element.getparent().remove(table._element)
    left = ["Nơi nhận:"] + s.recipients
    right = s.signature[:-1] + ["", s.signature[-1]]
    for i in range(max(len(left), len(right))):
        paragraph = document.add_paragraph()
        text = (left[i] if i < len(left) else "") + ("\t\t\t" + right[i] if i < len(right) and right[i] else "")
        paragraph.add_run(text).bold = i >= len(left) or i == 0
    document.save(path)
    return path


FORMATS = {
    "txt": lambda s, p: p.write_text(as_text(s), encoding="utf-8"),
    "layout.txt": lambda s, p: p.write_text(as_layout_text(s), encoding="utf-8"),
    "html": lambda s, p: p.write_text(as_html(s), encoding="utf-8"),
    "portal.html": lambda s, p: p.write_text(as_portal_html(s), encoding="utf-8"),
    "pdf": lambda s, p: write_pdf(s, p),
    "docx": lambda s, p: write_docx(s, p),
    "tab.docx": lambda s, p: write_docx(s, p, tabs=True),
    "closing-tabs.docx": write_docx_tabbed_closing,
}


def made(tmp_path: Path, name: str, fmt: str) -> Path:
    stem, _, suffix = fmt.rpartition(".")
    path = tmp_path / f"{name}{'-' + stem if stem else ''}.{suffix}"
    FORMATS[fmt](TRAPS[name], path)
    return path


def _party(number: str, type_line: str, title: list[str], body: list[str], issuer: list[str], signature: list[str]) -> Sample:
    return Sample(left=issuer + ["*"], number=number, right=["ĐẢNG CỘNG SẢN VIỆT NAM"], date="Hà Nội, ngày 10 tháng 01 năm 2026",
                  type_line=type_line, title=title, body=body,
                  recipients=["- Các tỉnh ủy, thành ủy,", "- Lưu Văn phòng."], signature=signature)


def _dispatch(number: str, vv: list[str], body: list[str], signature: list[str]) -> Sample:
    return Sample(left=["LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU"], number=number, vv=vv,
                  right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                  date="Tỉnh Mẫu, ngày 20 tháng 02 năm 2026", type_line=None, title=[],
                  body=["Kính gửi: Các công đoàn cơ sở trực thuộc."] + body,
                  recipients=["- Như trên;", "- Lưu: VT, TG."], signature=signature)


CHAIN = {
    "ket-luan": _party("Số 89-KL/TW", "KẾT LUẬN", ["CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC MẪU"],
                       ["Tại phiên họp ngày 05/01/2026, Bộ Chính trị thảo luận về công tác mẫu và kết luận như sau:",
                        "1. Các cấp ủy tăng cường lãnh đạo công tác mẫu.", "2. Đảng đoàn Tổng Liên đoàn Lao động Việt Nam "
                        "chỉ đạo triển khai thực hiện theo Chỉ thị số 58-CT/TW của Ban Bí thư."],
                       ["BAN CHẤP HÀNH TRUNG ƯƠNG"], ["T/M BỘ CHÍNH TRỊ", "THƯỜNG TRỰC BAN BÍ THƯ", "Trần Văn Quân"]),
    "ctr-bo-chinh-tri": _party("Số 88-CTr/TW", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                               ["CỦA BỘ CHÍNH TRỊ THỰC HIỆN KẾT LUẬN SỐ 89-KL/TW", "NGÀY 10/01/2026 VỀ CÔNG TÁC MẪU"],
                               ["I. MỤC TIÊU", "Tổ chức thực hiện nghiêm túc Kết luận số 89-KL/TW ngày 10/01/2026.",
                                "II. NHIỆM VỤ", "Các cấp ủy xây dựng chương trình, kế hoạch thực hiện."],
                               ["BAN CHẤP HÀNH TRUNG ƯƠNG"], ["T/M BỘ CHÍNH TRỊ", "THƯỜNG TRỰC BAN BÍ THƯ", "Trần Văn Quân"]),
    "ctr-tinh-uy": Sample(
        left=["ĐẢNG BỘ TỈNH MẪU", "TỈNH ỦY", "*"], bold_from=1, number="Số 87-CTr/TU", right=["ĐẢNG CỘNG SẢN VIỆT NAM"],
        date="Tỉnh Mẫu, ngày 05 tháng 02 năm 2026", type_line="CHƯƠNG TRÌNH",
        title=["hành động của Ban Thường vụ Tỉnh ủy thực hiện Chương trình hành động", "số 88-CTr/TW của Bộ Chính trị"],
        body=["Thực hiện Chương trình hành động số 88-CTr/TW ngày 10/01/2026 của Bộ Chính trị thực hiện Kết luận "
              "số 89-KL/TW ngày 10/01/2026 của Bộ Chính trị về công tác mẫu, Ban Thường vụ Tỉnh ủy xây dựng Chương "
              "trình hành động như sau:", "I. MỤC ĐÍCH, YÊU CẦU", "Quán triệt sâu sắc nội dung Kết luận.",
              "II. NHIỆM VỤ, GIẢI PHÁP", "Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện."],
        recipients=["- Ban Bí thư Trung ương Đảng,", "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."],
        signature=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Văn Cường"]),
    "cong-van-1": _dispatch("Số: 86/LĐLĐ-TG", ["V/v triển khai thực hiện Chương trình", "số 87-CTr/TU của Tỉnh ủy"],
                            ["Thực hiện Chương trình số 87-CTr/TU ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ "
                             "Liên đoàn Lao động tỉnh đề nghị các công đoàn cơ sở tổ chức quán triệt, triển khai thực hiện./."],
                            ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Phạm Thị Dung"]),
    "cong-van-2": _dispatch("Số: 85/LĐLĐ-TG", ["V/v hướng dẫn tổ chức học tập Chương trình"],
                            ["Triển khai thực hiện Chương trình số 87-CTr/Tu ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy và "
                             "Công văn số 86/LĐLĐ-TG ngày 20/02/2026 của Ban Thường vụ Liên đoàn Lao động tỉnh, Ban Thường vụ "
                             "hướng dẫn các công đoàn cơ sở tổ chức học tập./."],
                            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]),
}
"""A chain of five documents, each implementing or deploying the one before: a Kết luận of the Bộ
Chính trị, its Chương trình hành động, a provincial programme, two dispatches deploying it (the
second prints the programme's symbol with a slip, `87-CTr/Tu`)."""

CHAIN_THUC_HIEN = {"ket-luan": [], "ctr-bo-chinh-tri": ["89-KL/TW"], "ctr-tinh-uy": ["88-CTr/TW"],
                   "cong-van-1": ["87-CTr/TU"], "cong-van-2": ["87-CTr/TU", "86/LĐLĐ-TG"]}
CHAIN_SYMBOLS = {"ket-luan": "89-KL/TW", "ctr-bo-chinh-tri": "88-CTr/TW", "ctr-tinh-uy": "87-CTr/TU",
                 "cong-van-1": "86/LĐLĐ-TG", "cong-van-2": "85/LĐLĐ-TG"}
