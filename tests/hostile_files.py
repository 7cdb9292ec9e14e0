"""Files made to hurt `hoctap import`, written at test time (no large binaries in the repository).

Each writer makes the smallest file that carries the attack: a zip part that claims to inflate
to gigabytes, a PDF page five metres wide, a PNG whose header claims 400 million pixels.
"""

from __future__ import annotations

import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

from tests import import_samples as samples



def docx(path: Path, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> Path:
    """A real Word file (the samples' writer), with parts replaced or added as raw bytes."""
    good = path.with_name("good-" + path.name)
    samples.write_docx(samples.SAMPLES[sorted(samples.SAMPLES)[0]], good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = (replace or {}).get(info.filename, source.read(info.filename))
            out.writestr(info.filename, data)
        for name, data in (add or {}).items():
            out.writestr(name, data)
    good.unlink()
    return path


def docx_bomb(path: Path, part: str = "word/document.xml", inflated: int = 100 * 2**20) -> Path:
    """A Word file whose `part` inflates to `inflated` bytes (zeros deflate about 1000:1)."""
    docx(path, replace={part: b""})
    patched = path.with_name("patched-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != part:
                out.writestr(info.filename, source.read(info.filename))
                continue
            info = zipfile.ZipInfo(part)
            info.compress_type = zipfile.ZIP_DEFLATED
            with out.open(info, "w", force_zip64=True) as member:
                member.write(b"<w:document>")
                chunk = b" " * 2**20
                for _ in range(inflated // len(chunk)):
                    member.write(chunk)
    patched.replace(path)
    return path


def corrupt_deflate(path: Path) -> Path:
    """A Word file whose document.xml's deflate stream is damaged (its header says nothing of it)."""
    docx(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 5, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
RELS_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&x;</Relationships>')


def pdf(path: Path, pages: int = 1, size: tuple[float, float] = (595, 842), content: bytes = b"",
        flate: bytes | None = None) -> Path:
    """A PDF of `pages` pages sharing one content stream (`content`, or `flate`: already deflated)."""
    body = flate if flate is not None else content
    filters = b"/Filter /FlateDecode " if flate is not None else b""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< " + filters + b"/Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
         % size for _ in range(pages)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


TEXT = b"BT /F1 11 Tf 72 400 Td (Ke hoach hoc tap cac chuong trinh hanh dong cua Tinh uy) Tj ET"


def pdf_bomb(path: Path, inflated: int = 3 * 2**30) -> Path:
    """A text PDF whose content stream inflates to `inflated` bytes of spaces."""
    squeeze = zlib.compressobj(1)
    parts = [squeeze.compress(TEXT)]
    chunk = b" " * 2**24
    for _ in range(inflated // len(chunk)):
        parts.append(squeeze.compress(chunk))
    parts.append(squeeze.flush())
    return pdf(path, flate=b"".join(parts))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(path: Path, width: int = 8, height: int = 8, extra: bytes = b"") -> Path:
    """A grey PNG whose header says width × height; its pixel data is only as long as a small image needs."""
    rows = b"".join(b"\x00" + b"\xff" * min(width, 8) for _ in range(min(height, 8)))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + extra + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b""))
    return path


def png_text_bomb(path: Path, inflated: int = 200 * 2**20) -> Path:
    """A PNG with a compressed text chunk (zTXt) that inflates to `inflated` bytes."""
    squeeze = zlib.compressobj(9)
    data = b"".join(squeeze.compress(b"a" * 2**20) for _ in range(inflated // 2**20)) + squeeze.flush()
    return png(path, extra=_chunk(b"zTXt", b"Comment\x00\x00" + data))


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: a tone mark as a character of its own after its letter."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
            out += (base + tones).encode("cp1258")
    return out


def nested_html(depth: int) -> str:
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" + "<div>" * depth
            + "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>KẾ HOẠCH học tập các chương trình</p>"
            + "<p>Nội dung học tập các chương trình hành động của Tỉnh ủy.</p>" + "</div>" * depth + "</body></html>")
