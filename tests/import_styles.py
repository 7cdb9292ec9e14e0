"""Trap documents in the styles real files have (issue 26, the acceptance run on files not in this
repository): a Party Kết luận signed `T/M BỘ CHÍNH TRỊ`, a ministry's Thông tư signed `KT. BỘ TRƯỞNG /
THỨ TRƯỞNG`, a provincial Quyết định with its list of Điều and a PHỤ LỤC, a union Công văn with its
`V/v` trích yếu and a `Kính gửi:` list. Each goes through every format of tests/import_traps.py (a
legal portal's page with menus among them). Made up, like the other samples ("tỉnh Mẫu", numbers 9x).

STYLES_TRUTH holds what each field really is; a test accepts the value or an empty field with its
warning, nothing else."""

from __future__ import annotations

from tests.import_samples import Sample

STYLES = {
    "ket-luan-bct-mau": Sample(
        left=["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"], bold_from=0, number="Số 92-KL/TW", right=["ĐẢNG CỘNG SẢN VIỆT NAM"],
        date="Hà Nội, ngày 12 tháng 3 năm 2026", type_line="KẾT LUẬN",
        title=["CỦA BỘ CHÍNH TRỊ", "về tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2022",
               "của Hội nghị Trung ương mẫu"],
        rule="-----",
        body=["Tại phiên họp ngày 05/3/2026, sau khi nghe Ban Tuyên giáo Trung ương báo cáo kết quả 3 năm thực hiện "
              "Nghị quyết số 20-NQ/TW ngày 01/11/2022 của Hội nghị Trung ương mẫu, Bộ Chính trị kết luận như sau:",
              "1. Các cấp ủy, tổ chức đảng tiếp tục quán triệt, thực hiện nghiêm Nghị quyết.",
              "2. Đảng đoàn Tổng Liên đoàn Lao động Việt Nam lãnh đạo các cấp công đoàn tổ chức học tập Kết luận này."],
        recipients=["- Các tỉnh ủy, thành ủy,", "- Các ban đảng, đảng đoàn,", "- Lưu Văn phòng Trung ương Đảng."],
        signature=["T/M BỘ CHÍNH TRỊ", "THƯỜNG TRỰC BAN BÍ THƯ", "Trần Cẩm Tú"],
    ),
    "thong-tu-bo-mau": Sample(
        left=["BỘ NỘI VỤ"], bold_from=0, number="Số: 05/2026/TT-BNV",
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Hà Nội, ngày 20 tháng 3 năm 2026", type_line="THÔNG TƯ",
        title=["Hướng dẫn thực hiện chế độ mẫu đối với cán bộ công đoàn", "chuyên trách ở cơ sở"],
        rule="-----------",
        body=["Căn cứ Luật Ban hành văn bản quy phạm pháp luật mẫu ngày 19 tháng 02 năm 2025;",
              "Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, "
              "quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;",
              "Theo đề nghị của Vụ trưởng Vụ Tiền lương;",
              "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn thực hiện chế độ mẫu đối với cán bộ công đoàn chuyên trách.",
              "Điều 1. Phạm vi điều chỉnh",
              "Thông tư này hướng dẫn thực hiện chế độ mẫu quy định tại Điều 4 Nghị định số 63/2022/NĐ-CP.",
              "Điều 2. Đối tượng áp dụng",
              "Cán bộ công đoàn chuyên trách ở cơ sở theo quy định của Điều lệ Công đoàn Việt Nam.",
              "Điều 3. Hiệu lực thi hành",
              "1. Thông tư này có hiệu lực thi hành từ ngày 01 tháng 5 năm 2026.",
              "2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Nội vụ để xem xét, giải quyết./."],
        recipients=["- Ban Bí thư Trung ương Đảng;", "- Các Bộ, cơ quan ngang Bộ;", "- Tổng Liên đoàn Lao động Việt Nam;",
                    "- Lưu: VT, TL."],
        signature=["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Thị Thanh"],
    ),
    "quyet-dinh-tinh-mau": Sample(
        left=["ỦY BAN NHÂN DÂN", "TỈNH MẪU"], bold_from=0, number="Số: 95/QĐ-UBND",
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày 25 tháng 02 năm 2026", type_line="QUYẾT ĐỊNH",
        title=["Ban hành Quy chế phối hợp mẫu giữa Ủy ban nhân dân tỉnh", "và Liên đoàn Lao động tỉnh Mẫu"],
        rule="-----------",
        body=["ỦY BAN NHÂN DÂN TỈNH MẪU",
              "Căn cứ Luật Tổ chức chính quyền địa phương mẫu ngày 19 tháng 02 năm 2025;",
              "Căn cứ Luật Công đoàn mẫu ngày 27 tháng 6 năm 2024;",
              "Theo đề nghị của Chủ tịch Liên đoàn Lao động tỉnh tại Tờ trình số 15/TTr-LĐLĐ ngày 10 tháng 02 năm 2026.",
              "QUYẾT ĐỊNH:",
              "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp mẫu giữa Ủy ban nhân dân tỉnh và Liên đoàn "
              "Lao động tỉnh Mẫu (danh sách cơ quan phối hợp tại Phụ lục kèm theo).",
              "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
              "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Chủ tịch Liên đoàn Lao động tỉnh và các cơ quan, đơn vị "
              "có liên quan chịu trách nhiệm thi hành Quyết định này./."],
        recipients=["- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "- Lưu: VT, VX."],
        signature=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Văn Dũng"],
        appendix=["PHỤ LỤC", "DANH SÁCH CƠ QUAN PHỐI HỢP",
                  "(Kèm theo Quyết định số 95/QĐ-UBND ngày 25 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh Mẫu)"],
        table=[["STT", "Cơ quan", "Đầu mối"], ["1", "Sở Nội vụ", "Phòng Công chức"], ["2", "Liên đoàn Lao động tỉnh", "Ban Tổ chức"]],
    ),
    "cong-van-cong-doan-mau": Sample(
        left=["LĐLĐ TỈNH MẪU", "CÔNG ĐOÀN NGÀNH GIÁO DỤC"], bold_from=1, number="Số: 94/CĐN-TG",
        vv=["V/v tổ chức học tập, quán triệt Chương trình", "số 15/CTr-LĐLĐ của Ban Chấp hành LĐLĐ tỉnh"],
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày 03 tháng 4 năm 2026", type_line=None, title=[],
        body=["Kính gửi:", "- Các công đoàn cơ sở trực thuộc;", "- Các trường học trên địa bàn tỉnh.",
              "Thực hiện Chương trình số 15/CTr-LĐLĐ ngày 10/3/2026 của Ban Chấp hành Liên đoàn Lao động tỉnh Mẫu, "
              "Ban Thường vụ Công đoàn ngành đề nghị các công đoàn cơ sở:",
              "1. Tổ chức học tập, quán triệt Chương trình đến toàn thể đoàn viên.",
              "2. Báo cáo kết quả về Công đoàn ngành trước ngày 30/5/2026./."],
        recipients=["- Như trên;", "- LĐLĐ tỉnh (để b/c);", "- Lưu: VT, TG."],
        signature=["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lường Thị Hoa"],
    ),
}

STYLES_TRUTH = {
    "ket-luan-bct-mau": {
        "loai": "Kết luận", "so_ky_hieu": "92-KL/TW", "so_ky_hieu_in": "92-KL/TW", "ngay_ban_hanh": "2026-03-12",
        "noi_ban_hanh": "Hà Nội", "co_quan_ban_hanh": "BAN CHẤP HÀNH TRUNG ƯƠNG", "co_quan_chu_quan": None,
        "trich_yeu": "CỦA BỘ CHÍNH TRỊ về tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2022 của Hội nghị "
                     "Trung ương mẫu",
        "thuc_hien": ["20-NQ/TW"], "can_cu": None,
        "tham_quyen_ky": "T/M BỘ CHÍNH TRỊ", "chuc_vu_ky": "THƯỜNG TRỰC BAN BÍ THƯ", "nguoi_ky": "Trần Cẩm Tú",
        "noi_nhan": ["Các tỉnh ủy, thành ủy", "Các ban đảng, đảng đoàn", "Lưu Văn phòng Trung ương Đảng"],
    },
    "thong-tu-bo-mau": {
        "loai": "Thông tư", "so_ky_hieu": "05/2026/TT-BNV", "so_ky_hieu_in": "05/2026/TT-BNV", "ngay_ban_hanh": "2026-03-20",
        "noi_ban_hanh": "Hà Nội", "co_quan_ban_hanh": "BỘ NỘI VỤ", "co_quan_chu_quan": None,
        "trich_yeu": "Hướng dẫn thực hiện chế độ mẫu đối với cán bộ công đoàn chuyên trách ở cơ sở",
        "thuc_hien": None, "can_cu": ["63/2022/NĐ-CP"],
        "tham_quyen_ky": "KT. BỘ TRƯỞNG", "chuc_vu_ky": "THỨ TRƯỞNG", "nguoi_ky": "Nguyễn Thị Thanh",
        "noi_nhan": ["Ban Bí thư Trung ương Đảng", "Các Bộ, cơ quan ngang Bộ", "Tổng Liên đoàn Lao động Việt Nam",
                     "Lưu: VT, TL"],
    },
    "quyet-dinh-tinh-mau": {
        "loai": "Quyết định", "so_ky_hieu": "95/QĐ-UBND", "so_ky_hieu_in": "95/QĐ-UBND", "ngay_ban_hanh": "2026-02-25",
        "noi_ban_hanh": "Tỉnh Mẫu", "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN TỈNH MẪU", "co_quan_chu_quan": None,
        "trich_yeu": "Ban hành Quy chế phối hợp mẫu giữa Ủy ban nhân dân tỉnh và Liên đoàn Lao động tỉnh Mẫu",
        "thuc_hien": None, "can_cu": None,
        "tham_quyen_ky": "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH", "chuc_vu_ky": "PHÓ CHỦ TỊCH", "nguoi_ky": "Hoàng Văn Dũng",
        "noi_nhan": ["Như Điều 3", "Thường trực Tỉnh ủy", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT, VX"],
    },
    "cong-van-cong-doan-mau": {
        "loai": "Công văn", "so_ky_hieu": "94/CĐN-TG", "so_ky_hieu_in": "94/CĐN-TG", "ngay_ban_hanh": "2026-04-03",
        "noi_ban_hanh": "Tỉnh Mẫu", "co_quan_ban_hanh": "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "co_quan_chu_quan": "LĐLĐ TỈNH MẪU",
        "trich_yeu": "tổ chức học tập, quán triệt Chương trình số 15/CTr-LĐLĐ của Ban Chấp hành LĐLĐ tỉnh",
        "thuc_hien": ["15/CTr-LĐLĐ"], "can_cu": None,
        "tham_quyen_ky": "TM. BAN THƯỜNG VỤ", "chuc_vu_ky": "CHỦ TỊCH", "nguoi_ky": "Lường Thị Hoa",
        "noi_nhan": ["Như trên", "LĐLĐ tỉnh (để b/c)", "Lưu: VT, TG"],
    },
}
"""`None` for a field the document does not print: any value there is wrong."""
