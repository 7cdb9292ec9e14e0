"""`hoctap poster`: the poster for the conference hall, A4 and A3 (WeasyPrint, DejaVu embedded).

It says what the site is, names the conference as the plan and the agenda state it (date and place
only once the editors have filled them in), and carries a large QR code to the home page with the
address written out for those who type it. A poster needs the site's address: without one, none is made.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from ..build.project import read_mkdocs_yml
from ..text.pages import PAGE_KINDS
from ..registry.documents import Registry
from ..text.dates import format_date
from ..sharing import agenda as agendas, qr
from ..sharing.links import FEDERATION, check_site_url

SIZES = {"a4": ("A4", 110), "a3": ("A3", 160)}
"""Paper, and the QR code's side in mm: readable from a few metres at A4, across a hall's entrance at A3."""
STYLESHEET = """
@page {{ size: {paper}; margin: 14mm; }}
html {{ font-family: "DejaVu Sans", sans-serif; color: #111; }}
body {{ margin: 0; text-align: center; font-size: {text}pt; }}
.federation {{ color: #b71c1c; font-weight: bold; letter-spacing: 0.04em; margin: 0 0 4mm; font-size: {small}pt; }}
h1 {{ font-size: {title}pt; margin: 0 0 4mm; }}
.conference {{ font-size: {large}pt; font-weight: bold; margin: 6mm 0 2mm; }}
.subject {{ font-style: italic; margin: 0 8mm 3mm; font-size: {small}pt; }}
.when {{ margin: 0 0 6mm; }}
.ht-qr {{ margin: 0 auto; width: {qr}mm; }}
.ht-qr svg {{ width: {qr}mm; height: {qr}mm; display: block; }}
.ht-qr figcaption {{ margin-top: 3mm; font-size: {text}pt; }}
.ht-qr__url {{ display: block; font-weight: bold; font-size: {large}pt; overflow-wrap: anywhere; margin-top: 2mm; }}
"""


def poster_html(site_name: str, site_url: str, conference: str, subject: str, when: str, paper: str, qr_mm: int) -> str:
    scale = qr_mm / 110
    style = STYLESHEET.format(paper=paper, qr=qr_mm, text=round(14 * scale), small=round(12 * scale),
                              title=round(26 * scale), large=round(18 * scale))
    e = lambda text: html.escape(text, quote=True)
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{e(site_name)}</title>'
            f"<style>{style}</style></head><body>"
            f'<p class="federation">{e(FEDERATION.upper())}</p><h1>{e(site_name)}</h1>'
            f'<p class="conference">{e(conference)}</p><p class="subject">{e(subject)}</p><p class="when">{e(when)}</p>'
            f'{qr.figure(site_url, "Quét mã để mở tài liệu học tập trên điện thoại")}'
            "</body></html>")


def conference_of(registry: Registry, docs_dir: Path, source_dir: Path) -> tuple[str, str]:
    """The conference's name and when it is: the agenda's date and place once set, else the plan's words."""
    page = next((p for p in registry.pages if p.meta.get("hoctap") == PAGE_KINDS.hoi_nghi and p.lang == "vi"), None)
    name = str(page.meta.get("title")) if page and page.meta.get("title") else "Hội nghị quán triệt"
    agenda = agendas.load(docs_dir / agendas.FILE, docs_dir, source_dir)
    if agenda.ngay:
        parts = [format_date(agenda.ngay), "–".join(p for p in (agenda.bat_dau, agenda.ket_thuc) if p), agenda.dia_diem]
        return name, " · ".join(p for p in parts if p)
    mark = (page.meta.get("moc_thoi_gian") or {}) if page else {}
    return name, str(mark.get("ghi") or "")


def make_posters(config_file: str, site_url: str, out_dir: str) -> int:
    """Write poster-a4.pdf and poster-a3.pdf; exit status as every `hoctap` verb."""
    try:
        root = check_site_url(site_url) if site_url else None
    except ValueError as error:
        print(f"hoctap poster: {error}", file=sys.stderr)
        return 2
    if root is None:
        print("hoctap poster: the poster's QR code needs the site's address: pass --site-url "
              "http://HOST/hoc-tap/ (or set HOCTAP_SITE_URL)", file=sys.stderr)
        return 2
    try:
        config = read_mkdocs_yml(config_file)
    except ValueError as error:
        print(f"hoctap poster: {error}", file=sys.stderr)
        return 2
    project = Path(config_file).resolve().parent
    docs_dir = project / str(config.get("docs_dir") or "docs")
    registry = Registry.load(docs_dir)
    name, when = conference_of(registry, docs_dir, project / "sources")
    plan = next((d for d in registry.documents if d.page.meta.get("noi_dung_hoc_tap")), None)
    subject = plan.trich_yeu or "" if plan else ""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        print(f"hoctap poster: cannot make a PDF: {error}; run `make setup`", file=sys.stderr)
        return 1
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for key, (paper, qr_mm) in SIZES.items():
        target = out / f"poster-{key}.pdf"
        weasyprint.HTML(string=poster_html(str(config.get("site_name") or ""), root, name, subject, when, paper, qr_mm)).write_pdf(target)
        print(f"hoctap poster: wrote {target} ({paper})")
    return 0
