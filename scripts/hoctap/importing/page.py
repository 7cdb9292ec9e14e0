"""Writing the page: `docs/van-ban/<slug>.md` made or updated from an imported document.

The full text sits between two markers under a "Toàn văn" heading; a re-import replaces what is
between them and nothing else, unless an editor has changed it there (`--replace-text` to replace
it all the same). Front-matter keys are set line by line, so the editor's other keys, their order
and their comments stay as written. The original is kept in the sources folder, its SHA-256 in the
front matter. The same file imported twice gives the same bytes.

On a page written by hand, the fields the original prints replace the page's (the original is the
primary source; each change is reported). Once imported, the page's fields are the editor's: a
re-import keeps every value the page holds and reports where it reads otherwise.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from ..content import page as content
from ..content.front_matter_text import FRONT, REMOVE, set_keys
from ..text.disk import linked_part, write_atomic
from ..text.toan_van_markers import BEGIN, END, HEADING_ID
from . import Imported
from .model import ImportFailure

DOCUMENT_KEYS = ("so_ky_hieu", "loai", "ngay_ban_hanh", "co_quan_ban_hanh", "trich_yeu")
IMPORT_KEYS = ("toan_van", "sha256", "toan_van_sha256", "ma_goc", "chua_soat", "so_ky_hieu_in", "noi_ban_hanh",
               "co_quan_chu_quan", "tham_quyen_ky", "chuc_vu_ky", "nguoi_ky", "noi_nhan")
"""Keys the import writes: where the text came from, whether it is reviewed, the header as printed."""
PRINTED_KEYS = DOCUMENT_KEYS + IMPORT_KEYS[5:]
"""Keys read from the original. The first import onto a page written by hand sets them (the original is the
primary source; each change reported); after that they are the editor's to correct: a re-import keeps them."""
NEEDS_REVIEW = ("tcvn3", "vni", "ocr")
"""How a text was read when an editor must check it against the original: marked `chua_soat: true`."""


def slug_of(imported: Imported) -> str:
    f = imported.fields
    if f.so_ky_hieu:
        base = f.so_ky_hieu
    elif f.loai and f.ngay_ban_hanh:
        base = f"{f.loai} {f.ngay_ban_hanh}"
    else:
        base = imported.source.stem
    ascii_ = unicodedata.normalize("NFD", base.replace("Đ", "D").replace("đ", "d"))
    ascii_ = "".join(ch for ch in ascii_ if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "van-ban"


def write_page(imported: Imported, docs_dir: Path, sources_dir: Path, into: Path | None = None,
               replace_text: bool = False, replace_source: bool = False) -> tuple[Path, list[str]]:
    """Write or update the page; return it and where the page and the import differ. The editor's
    values and an edited full text are kept (the full text is replaced when `replace_text`); an
    original already kept under the same name is replaced only when `replace_source`."""
    slug = slug_of(imported)
    page = confined_page(into or docs_dir / "van-ban" / f"{slug}.md", docs_dir)
    original = _keep_original(imported.source, sources_dir, slug, replace_source)
    old = page.read_text(encoding="utf-8") if page.exists() else None
    meta, front, body = _split(old) if old else ({}, None, "")
    updates, notes = _updates(imported, meta, original.name)
    written = _full_text(body)
    edited = written is not None and meta.get("toan_van_sha256") not in (None, _digest(written))
    if edited and not replace_text:
        notes.append("toan_van: the full text was edited on the page since it was imported; kept as it is "
                     "(import with --replace-text to replace it with the original's)")
        body_after, updates["toan_van_sha256"] = body, meta["toan_van_sha256"]  # still the import's, to tell edits by
    else:
        body_after = _with_full_text(body, imported, meta.get("title") or _title(imported))
        updates["toan_van_sha256"] = _digest(_full_text(body_after))
    updates = {k: REMOVE if v is None and k in IMPORT_KEYS else v for k, v in updates.items()}
    front = set_keys(front if front is not None else "", updates)
    text = f"---\n{front}---\n" + body_after
    if text != old:
        page.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(page, text.encode("utf-8"))
    return page, notes


def confined_page(page: Path, docs_dir: Path) -> Path:
    """`page` if it is a Markdown page inside docs/ reached without a link; else ImportFailure. `--into`
    once wrote to /tmp, through `docs/../../`, over mkdocs.yml and the on-tập data file."""
    docs = Path(os.path.abspath(docs_dir))
    lexical = Path(os.path.abspath(page))
    if page.suffix.lower() != ".md" or not lexical.is_relative_to(docs) or lexical == docs:
        raise ImportFailure(f"{page}: not a page inside {docs_dir}/: --into takes a Markdown page (.md) of the site, "
                            f"such as {docs_dir}/van-ban/ten-van-ban.md")
    if lexical.is_dir():
        raise ImportFailure(f"{page}: a folder; --into takes a page (.md) inside it")
    link = linked_part(lexical, docs)
    if link:
        raise ImportFailure(f"{link}: a symbolic link; the importer never writes through one "
                            "(it could point outside the site): replace it with the real file or folder")
    return lexical


def _keep_original(source: Path, sources_dir: Path, slug: str, replace: bool = False) -> Path:
    """The original kept in sources/: under the page's name, unless another file holds that name; then
    under a name made of its own SHA-256, which no other file can have. A file already there is
    replaced only with `replace` (the plan's text once was, by a document that shared its name)."""
    source = source.resolve()
    if source.parent == sources_dir.resolve():
        return source
    data = source.read_bytes()
    target = sources_dir / f"{slug}{source.suffix.lower()}"
    if sources_dir.is_symlink():
        raise ImportFailure(f"{sources_dir}: a symbolic link; originals are never written through one")
    taken = target.is_symlink() or target.exists()
    if taken and not target.is_symlink() and target.is_file() and target.read_bytes() == data:
        return target
    if taken and not replace:
        target = sources_dir / f"{slug}-{hashlib.sha256(data).hexdigest()[:16]}{source.suffix.lower()}"
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            return target
    if target.is_dir() and not target.is_symlink():
        raise ImportFailure(f"{target}: a folder where the original would be kept; move it away")
    sources_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data)
    return target


def known_symbols(docs_dir: Path) -> set[str]:
    """Symbols that have a page: a cited symbol printed with a slip reads as one of them."""
    known = set()
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            page = content.read_page(path, docs_dir)
        except (content.ContentError, OSError):
            continue
        if page.meta.get("so_ky_hieu"):
            known.add(str(page.meta["so_ky_hieu"]).strip())
    return known


def _split(text: str) -> tuple[dict, str, str]:
    m = FRONT.match(text)
    if not m:
        return {}, "", text
    try:
        page = content.parse_page(text, Path("page.md"))
    except content.ContentError as error:
        raise ImportFailure(f"the page to update: {error.finding.format()}") from None
    return page.meta, m.group(1) or "", text[m.end():]


def _updates(imported: Imported, meta: dict, original: str) -> tuple[dict, list[str]]:
    f = imported.fields
    notes = []
    updates: dict = {}
    corrected = bool(meta.get("sha256"))  # imported before: what the page says now is the editor's correction
    for key in PRINTED_KEYS:
        new, old = getattr(f, key) or None, meta.get(key)
        old = None if old in (None, "", []) else old
        updates[key] = old if old is not None and (corrected or new is None) else new
        if old is not None and new is not None and _plain_value(old) != _plain_value(new):
            notes.append(f"{key}: the page says {_plain_value(old)!r} (kept), the import reads {_plain_value(new)!r}"
                         if corrected else f"{key}: the page said {_plain_value(old)!r}, the original says {_plain_value(new)!r}")
    for key, named in (("thuc_hien", imported.thuc_hien), ("can_cu", imported.can_cu)):
        # every symbol the text names, with or without a page yet: a chain imported in any order links itself
        updates[key] = list(dict.fromkeys([str(v) for v in meta.get(key) or []] + named))
    kept = meta.get("trich_dan") if isinstance(meta.get("trich_dan"), list) else []
    listed = {item.get("so_ky_hieu") for item in kept if isinstance(item, dict)}
    cited = kept + [item for item in imported.trich_dan if item["so_ky_hieu"] not in listed]  # the editor's entries kept
    updates["trich_dan"] = cited or REMOVE
    updates["trang_thai"] = meta.get("trang_thai") or "du-thao"
    updates["nguon"] = meta.get("nguon") or [original]
    same_file = meta.get("sha256") == imported.sha256
    updates.update(toan_van=original, sha256=imported.sha256, ma_goc=imported.ma_goc)
    review = imported.ma_goc in NEEDS_REVIEW
    updates["chua_soat"] = (meta.get("chua_soat") if same_file and "chua_soat" in meta else True) if review else None
    return updates, notes


def _plain_value(value):
    return [str(v) for v in value] if isinstance(value, list) else str(value)


def _full_text(body: str) -> str | None:
    """What lies between the full text's two markers, or None when the page has none."""
    if BEGIN not in body or END not in body.split(BEGIN, 1)[1]:
        return None
    return body.split(BEGIN, 1)[1].split(END, 1)[0]


def _digest(text: str | None) -> str | None:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text is not None else None


def _title(imported: Imported) -> str:
    f = imported.fields
    if f.loai and f.so_ky_hieu:
        return f"{f.loai} số {f.so_ky_hieu}"
    if f.loai and f.ngay_ban_hanh:
        y, m, d = f.ngay_ban_hanh.split("-")
        return f"{f.loai} ngày {int(d):02d}/{int(m)}/{y}"
    return f.loai or imported.source.stem


def _with_full_text(body: str, imported: Imported, title: str) -> str:
    section = f"{BEGIN}\n\n## Toàn văn {{#{HEADING_ID}}}\n\n{imported.markdown}\n{END}\n"
    if BEGIN in body and END in body:
        before, rest = body.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        return before + section.rstrip("\n") + after if after.strip() else before + section
    if not body.strip():
        return f"\n# {title}\n\n{section}"
    return body.rstrip("\n") + "\n\n" + section

