"""What the site says about a document, in each language: card labels and dates."""

from __future__ import annotations

import datetime as dt
import functools
from types import SimpleNamespace

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
        "tinh_trang": "Tình trạng",
        "da-ban-hanh": "Đã ban hành",
        "het-hieu-luc": "Hết hiệu lực",
        "van_ban": "Văn bản",
        "none_published": "Chưa có văn bản nào được đăng.",
        "nguon": "Nguồn",
        "unknown": "chưa rõ",
        "none": "không có",
        "review_du-thao": "Bản xem trước — trang này là dự thảo: biên tập viên chưa duyệt nội dung trang "
                          "(đây không phải tình trạng của văn bản).",
        "review_da-duyet": "Bản xem trước — nội dung trang đã được duyệt: {who}, {when}.",
        "card": "Thông tin văn bản",
        "card_summary": "Thông tin văn bản: số ký hiệu, ngày, cơ quan ban hành, nguồn",
        "print": "In trang này",
        "search_dialog": "Tìm kiếm",
        "not_found_title": "Không tìm thấy trang",
        "not_found": "Trang bạn tìm không có ở đây, hoặc đã được chuyển đi.",
        "not_found_home": "Về trang chủ",
        "awaiting_title": "Văn bản chính thức",
        "awaiting_heading": "Đang chờ văn bản chính thức",
        "awaiting": "Trang này chỉ tóm tắt những gì Kế hoạch ngày 31/3/2026 "
                    "của Ban Thường vụ LĐLĐ tỉnh nêu; nội dung đầy đủ sẽ được bổ sung khi có văn bản.",
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
        "tinh_trang": "Status",
        "da-ban-hanh": "Issued",
        "het-hieu-luc": "No longer in force",
        "van_ban": "Document",
        "none_published": "No document has been published yet.",
        "nguon": "Source",
        "unknown": "unknown",
        "none": "none",
        "review_du-thao": "Preview — this page is a draft: the editors have not approved its content yet "
                          "(this is not the document's status).",
        "review_da-duyet": "Preview — this page's content was approved by {who}, {when}.",
        "card": "Document details",
        "card_summary": "Document details: symbol, date, issuer, sources",
        "print": "Print this page",
        "search_dialog": "Search",
        "not_found_title": "Page not found",
        "not_found": "The page you are looking for is not here, or has moved.",
        "not_found_home": "Go to the home page",
        "awaiting_title": "Official text",
        "awaiting_heading": "Awaiting the official text",
        "awaiting": "This page only summarises what the federation's plan of "
                    "31 March 2026 says; the full content will be added once the text is available.",
    },
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["vi"])


@functools.cache
def template_labels(lang: str) -> SimpleNamespace:
    """The labels for templates (`hoctap_t.print`): Jinja reads `x.name` as an attribute first, so
    on a dict each label cost a raised AttributeError (the card rendered twice as slowly)."""
    return SimpleNamespace(**labels(lang))


def format_date(value: dt.date | None, lang: str = "vi") -> str:
    """`ngày 04/3/2026`: Vietnamese administrative style pads days below 10 and months 1 and 2 with a zero."""
    if value is None:
        return labels(lang)["unknown"]
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d}/{month}/{value.year}"
