"""A title printed in capitals (a decree's trích yếu: `QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU…`) in sentence case,
for titles and menus: on a phone eight lines of capitals are hard to read. The words are unchanged,
only their case: symbols and Roman numerals keep theirs, and the names Nghị định 30/2020 Phụ lục II
writes with capitals keep them (`Bộ Chính trị`, `Ban Chấp hành Trung ương`). The field keeps the
title as printed; this is only how it is shown.
"""

from __future__ import annotations

import functools
import re

NAMES = ("Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Trung ương", "Đảng Cộng sản Việt Nam", "Đảng",
         "Chính phủ", "Thủ tướng Chính phủ", "Thủ tướng", "Quốc hội", "Nhà nước", "Chủ tịch Hồ Chí Minh", "Hồ Chí Minh",
         "Mặt trận Tổ quốc Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "Liên đoàn Lao động", "Công đoàn Việt Nam",
         "Công đoàn", "Tỉnh ủy", "Tỉnh uỷ", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân", "Việt Nam",
         "Điều lệ Đảng", "Hiến pháp", "Đại hội")
"""Names of bodies and texts a trích yếu often holds, as Phụ lục II capitalises them; longest first below."""

_KEEP = re.compile(r"^(?=.*[\d/])\S+$|^[IVXLC]+$")  # `89-KL/TW`, `30/2020/NĐ-CP`, `XIV`


def is_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


@functools.cache  # a document's title is asked for by its page, its card, the catalogue and every card that links to it
def sentence_case(text: str) -> str:
    """`THI HÀNH ĐIỀU LỆ ĐẢNG` → `Thi hành Điều lệ Đảng`; a title not all in capitals is returned as it is."""
    if not is_capitals(text):
        return text
    words = [w if _KEEP.match(w) else w.lower() for w in text.split()]
    out = " ".join(words)
    for name in sorted(NAMES, key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, out)
    return out[:1].upper() + out[1:]
