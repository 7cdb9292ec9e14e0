"""Heading ids for Vietnamese headings.

Python-Markdown's default slugify decomposes accents and drops what is not ASCII, so `Đ`
(which has no decomposition) vanishes: "Vì sao cần đọc" became `vi-sao-can-oc`. Map it first.
"""

from markdown.extensions.toc import slugify as _ascii_slugify


def slugify(value: str, separator: str) -> str:
    return _ascii_slugify(value.replace("Đ", "D").replace("đ", "d"), separator)
