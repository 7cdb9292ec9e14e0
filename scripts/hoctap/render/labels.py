"""What the site says about a document, in each language: card labels and dates."""

from __future__ import annotations

import datetime as dt
import functools
from types import SimpleNamespace

from .. import dates

LABELS = {
    "vi": {
        "so_ky_hieu": "Số ký hiệu",
        "loai": "Loại văn bản",
        "ngay_ban_hanh": "Ngày ban hành",
        "co_quan_ban_hanh": "Cơ quan ban hành",
        "trich_yeu": "Trích yếu",
        "thuc_hien": "Thực hiện",
        "can_cu": "Căn cứ",
        "thuc_hien_boi": "Được thực hiện bởi",
        "can_cu_boi": "Là căn cứ của",
        "trang_thai": "Trạng thái",
        "nguon": "Nguồn",
        "unknown": "chưa rõ",
        "none": "không có",
        "du-thao": "Dự thảo — chưa được duyệt",
        "da-duyet": "Đã duyệt",
        "approved_by": "duyệt bởi {who}, {when}",
        "card": "Thông tin văn bản",
        "print": "In trang này",
        "search_dialog": "Tìm kiếm",
        "awaiting_title": "Văn bản chính thức",
        "awaiting_heading": "Đang chờ văn bản chính thức",
        "awaiting": "Trang này chỉ tóm tắt những gì Kế hoạch ngày 31/3/2026 "
                    "của Ban Thường vụ LĐLĐ tỉnh nêu; nội dung đầy đủ sẽ được bổ sung khi có văn bản.",
        # The full text of an imported official document (render/toan_van.py, toan-van.js)
        "outline": "Mục lục toàn văn",
        "original": "Văn bản gốc",
        "copy_link": "Chép liên kết",
        "copied_link": "Đã chép liên kết",
        "copy_failed": "Không chép được; hãy chép địa chỉ này:",
        "unreviewed_title": "Chưa soát",
        "unreviewed": "Toàn văn dưới đây được {how}, chưa được biên tập viên đối chiếu với văn bản gốc. "
                      "Trích dẫn sau khi đã soát.",
        "read_from_ocr": "nhận dạng chữ (OCR) từ bản quét",
        "read_from_tcvn3": "chuyển từ bảng mã TCVN3",
        "read_from_vni": "chuyển từ bảng mã VNI",
        "read_from_other": "chuyển đổi tự động",
    },
    "en": {
        "so_ky_hieu": "Symbol",
        "loai": "Kind",
        "ngay_ban_hanh": "Date of issue",
        "co_quan_ban_hanh": "Issued by",
        "trich_yeu": "Title as issued",
        "thuc_hien": "Implements",
        "can_cu": "Based on",
        "thuc_hien_boi": "Implemented by",
        "can_cu_boi": "Basis for",
        "trang_thai": "Status",
        "nguon": "Source",
        "unknown": "unknown",
        "none": "none",
        "du-thao": "Draft — not yet approved",
        "da-duyet": "Approved",
        "approved_by": "approved by {who}, {when}",
        "card": "Document details",
        "print": "Print this page",
        "search_dialog": "Search",
        "awaiting_title": "Official text",
        "awaiting_heading": "Awaiting the official text",
        "awaiting": "This page only summarises what the federation's plan of "
                    "31 March 2026 says; the full content will be added once the text is available.",
        "outline": "Outline of the full text",
        "original": "Original document",
        "copy_link": "Copy link",
        "copied_link": "Link copied",
        "copy_failed": "Could not copy; copy this address:",
        "unreviewed_title": "Not yet reviewed",
        "unreviewed": "The full text below was {how}; no editor has checked it against the original yet. "
                      "Quote it once it has been reviewed.",
        "read_from_ocr": "read by OCR from a scan",
        "read_from_tcvn3": "converted from the TCVN3 encoding",
        "read_from_vni": "converted from the VNI encoding",
        "read_from_other": "converted automatically",
    },
}

def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["vi"])


@functools.cache
def template_labels(lang: str) -> SimpleNamespace:
    """The labels for templates (`hoctap_t.print`): Jinja reads `x.name` as an attribute first, so
    on a dict each label cost a raised AttributeError (the card rendered twice as slowly)."""
    return SimpleNamespace(**labels(lang))


def format_date(value: dt.date | None, lang: str = "vi") -> str:
    """A date as the pages show it; an unknown one says so, in the page's language."""
    return labels(lang)["unknown"] if value is None else dates.format_date(value, lang)
