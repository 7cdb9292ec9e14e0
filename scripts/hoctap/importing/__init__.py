"""`hoctap import`: an official document's file in, a checked document page out.

The stage reads as its pipeline, one module a job:

    sniff (what the file really is) → from_text / from_pdf / from_docx / from_html / from_doc / ocr
      (rows of positioned cells; legacy: TCVN3 and VNI to Unicode) → layout (page furniture out,
      wrapped lines joined, tables kept) → header and closing (each field from its place in the
      layout, kept only when it has its field's form: forms) → relations (thuc_hien, can_cu,
      nhac_den from the text's own words) → structure (Markdown with stable anchors; appendices
      after the signature) → key_points (verbatim proposals) → page (docs/van-ban/<slug>.md)

It depends on the lower layers only (symbols, content), never on render/ or publish/.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text.vietnamese import INVISIBLE, invisible_names
from . import closing, footnotes, limits, relations
from .header import Fields, read_fields, zones
from .layout import drop_furniture, paragraphs
from .model import Extracted, ImportFailure
from .rules import MARKER
from .sniff import sniff
from ..text.markdown_escape import escape, escape_inline
from .structure import Body, to_markdown

__all__ = ["ImportFailure", "Imported", "import_file"]

JSON_FIELDS = ("loai", "so_ky_hieu", "so_ky_hieu_in", "ngay_ban_hanh", "noi_ban_hanh", "co_quan_ban_hanh",
               "co_quan_chu_quan", "trich_yeu", "can_cu", "thuc_hien", "nhac_den", "tham_quyen_ky", "chuc_vu_ky", "nguoi_ky",
               "noi_nhan")
"""The fields of a document's header and closing, in the order `--format json` prints them."""


@dataclass
class Imported:
    """One file, read: its fields as printed, its body as Markdown, and what could not be read."""

    source: Path
    sha256: str
    ma_goc: str
    fields: Fields
    can_cu: list[str]
    thuc_hien: list[str]
    body: Body
    closing_markdown: str
    warnings: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the printed lines read, in order: what the desk shows beside each field
    appendices: list[Body] = field(default_factory=list)  # PHỤ LỤC after the signature, each its own section
    nhac_den: list[dict] = field(default_factory=list)  # every other document cited: symbol, date, issuer as printed
    trich_dan: list[dict] = field(default_factory=list)  # how it cites thuc_hien and can_cu: symbol, date, issuer as printed

    @property
    def markdown(self) -> str:
        return "\n".join([self.body.markdown] + ([self.closing_markdown] if self.closing_markdown else [])
                         + [a.markdown for a in self.appendices])

    def as_json(self) -> dict:
        """The one JSON object of `hoctap import --dry-run --format json`; None where a field is absent."""
        data = {"can_cu": self.can_cu, "thuc_hien": self.thuc_hien, "nhac_den": self.nhac_den, **vars(self.fields)}
        return {**{key: data[key] for key in JSON_FIELDS},
                "ma_goc": self.ma_goc, "markdown": self.markdown, "warnings": self.warnings}


def extract(path: Path, max_pages: int = limits.MAX_PAGES, progress=None) -> Extracted:
    """The file's rows, read in a child process whose memory is capped (limits.contained): whatever
    the file does to a parser, the editor reads one line naming it. `progress(n, N)` is told, here,
    as OCR starts on each page of a scan (hoctap.importing.ocr.Progress)."""
    return _visible(limits.bounded_rows(limits.contained(path, _extract, path, max_pages, progress=progress)))


def _visible(extracted: Extracted) -> Extracted:
    """Bidirectional and zero-width controls dropped from every cell, with a warning naming them: a
    U+202E in a trích yếu would turn the title round in <title>, the catalogue and the home page."""
    found: list[str] = []
    for row in extracted.rows:
        for index, cell in enumerate(row.cells):
            if INVISIBLE.search(cell.text):
                found += invisible_names(cell.text)
                words = tuple((INVISIBLE.sub("", w), x0, x1) for w, x0, x1 in cell.words)
                row.cells[index] = dataclasses.replace(cell, text=INVISIBLE.sub("", cell.text), words=words)
    if found:
        extracted.warnings.append(f"text: invisible control characters dropped ({', '.join(dict.fromkeys(found))}); "
                                  "compare the page with the original")
    return extracted


def _extract(path: Path, max_pages: int, progress=None) -> Extracted:
    kind = sniff(path)
    if kind == "text":
        from . import from_text

        return from_text.extract(path.read_bytes(), path.name)
    if kind == "pdf":
        from . import from_pdf

        return from_pdf.extract(path, max_pages, progress)
    if kind == "docx":
        from . import from_docx

        return from_docx.extract(path)
    if kind == "doc":
        from . import from_doc

        return from_doc.extract(path)
    if kind == "html":
        from . import from_html

        return from_html.extract(path)
    from . import ocr

    return ocr.extract_image(path, progress)


def import_file(path: Path, known: set[str] = frozenset(), max_pages: int = limits.MAX_PAGES,
                progress=None) -> Imported:
    """Read one file; ImportFailure (a message for the editor) when it cannot be read at all.
    `known`: the symbols the registry has pages for, so a slip in a cited symbol reads as the registry's;
    `max_pages`: the longest PDF read (limits.MAX_PAGES unless `--max-pages` says more);
    `progress(n, N)`: told as OCR starts on page n of N of a scan (the command prints it, the desk shows it)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailure(f"{path}: no such file" if not path.is_dir() else f"{path}: a folder, not a file")
    extracted = extract(path, max_pages, progress)
    rows, _ = drop_furniture(extracted.rows, extracted.positioned)
    rows, notes = footnotes.take(rows)
    if not any(r.text.strip() for r in rows):
        raise ImportFailure(f"{path.name}: no text found in it")
    z = zones(rows, extracted.positioned)
    z = dataclasses.replace(z, header=footnotes.plain_rows(z.header), title=footnotes.plain_rows(z.title),
                            closing=footnotes.plain_rows(z.closing))
    fields = read_fields(z, extracted.positioned)
    closing.read(fields, z.closing, extracted.positioned)
    body_paragraphs = paragraphs(z.body, extracted.positioned, extracted.wrapped)
    preamble = list(itertools.takewhile(lambda p: not MARKER.match(p.text) or MARKER.match(p.text)["bullet"],
                                        body_paragraphs))
    cited = relations.read(fields.trich_yeu, [p.text for p in preamble], [p.text for p in body_paragraphs],
                           fields.so_ky_hieu, known)
    can_cu, thuc_hien = cited.can_cu, cited.thuc_hien
    body = to_markdown(body_paragraphs)
    if notes:  # each footnote under the body, attached where its mark stands
        body = dataclasses.replace(body, markdown=body.markdown + "\n" + footnotes.definitions(notes, escape))
    appendices = _appendices(paragraphs(z.tail, extracted.positioned, extracted.wrapped))
    warnings = list(extracted.warnings) + fields.warnings + cited.warnings + body.warnings \
        + [w for a in appendices for w in a.warnings]
    data = {"can_cu": can_cu, "thuc_hien": thuc_hien, "nhac_den": cited.nhac_den, **vars(fields)}
    warned = {w.split(":", 1)[0] for w in warnings}
    warnings += [f"{key}: not printed in the document" for key in JSON_FIELDS
                 if data.get(key) in (None, []) and key not in warned and key != "nhac_den" and not (key == "so_ky_hieu_in" and "so_ky_hieu" in warned)]
    if extracted.ma_goc != "unicode":
        warnings.append(f"ma_goc: the text was {'read by OCR' if extracted.ma_goc == 'ocr' else 'converted from ' + extracted.ma_goc.upper()}; "
                        "it is marked unreviewed (chưa soát) until an editor has checked it against the original")
    return Imported(path, hashlib.sha256(path.read_bytes()).hexdigest(), extracted.ma_goc, fields, can_cu, thuc_hien,
                    body, _closing_markdown(fields), warnings, [r.text for r in rows], appendices, cited.nhac_den,
                    cited.trich_dan)


_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?(?P<n>[IVXLC]+|\d+))?\b\.?\s*(?P<rest>.*)$")


def _appendices(tail: list) -> list[Body]:
    """Each `PHỤ LỤC` after the signature as a section of its own (`#phu-luc`, `#phu-luc-ii`): its
    title lines (in capitals, or in brackets: `(Kèm theo…)`) under its heading, its parts anchored inside it."""
    groups: list[list] = []
    for p in tail:
        if _APPENDIX.match(p.text) or not groups:
            groups.append([p])
        else:
            groups[-1].append(p)
    out = []
    for group in groups:
        m = _APPENDIX.match(group[0].text)
        anchor = "phu-luc" + (f"-{m['n'].lower()}" if m and m["n"] else "") if m else "phu-luc"
        title = [group[0].text] if m else []
        rest = group[1:] if m else group
        while rest and (rest[0].text.isupper() or rest[0].text.startswith("(")) and len(title) < 4:
            title.append(rest.pop(0).text)
        part = to_markdown(rest, prefix=anchor + "-")
        heading = f"### {escape_inline(title[0])} {{#{anchor}}}\n\n" if title else ""
        subtitle = "".join(f"{escape(t)}\n\n" for t in title[1:])
        out.append(Body(heading + subtitle + part.markdown, part.outline, part.passages, part.warnings))
    return out


def _closing_markdown(f: Fields) -> str:
    """The closing as printed: Nơi nhận as a list, the signature lines on the right."""
    parts = []
    if f.noi_nhan_in:
        parts.append("**Nơi nhận:**\n\n" + "\n".join(f"- {escape(item)}" for item in f.noi_nhan_in) + "\n")
    signature = [line for line in (f.tham_quyen_ky, f.chuc_vu_ky, f.nguoi_ky) if line]
    if signature:
        parts.append("  \n".join(escape(line) for line in signature) + "\n{: .hoctap-chu-ky }\n")
    return "\n".join(parts)
