"""What a file really is, from its first bytes, checked against what its name says."""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import limits
from .model import ImportFailure

FORMATS = {".txt": "text", ".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".html": "html", ".htm": "html",
           ".png": "image", ".jpg": "image", ".jpeg": "image"}
_NAMES = {"text": "a text file", "pdf": "a PDF", "docx": "a Word (.docx) document", "doc": "an old Word (.doc) document",
          "html": "an HTML page", "image": "an image", "zip": "a zip archive", "binary": "binary data"}


def content_format(path: Path, head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "zip"
        except zipfile.BadZipFile:
            return "binary"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return "image"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head.lower():
        return "html"
    return "text"


def sniff(path: Path) -> str:
    """The file's format (`text`, `pdf`, `docx`, `doc`, `html`, `image`); ImportFailure when the name lies."""
    expected = FORMATS.get(path.suffix.lower())
    if expected is None:
        raise ImportFailure(f"{path.name}: cannot import a `{path.suffix or 'nameless'}` file; "
                            f"give a {', '.join(sorted(FORMATS))} file")
    limits.check_file_size(path)
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head.strip():
        raise ImportFailure(f"{path.name}: empty file, nothing to import")
    found = content_format(path, head)
    if found != expected and not (expected == "text" and found == "html"):
        raise ImportFailure(f"{path.name}: named {_NAMES[expected]} but it is {_NAMES[found]}; "
                            "export it again, or rename it to what it is")
    return expected
