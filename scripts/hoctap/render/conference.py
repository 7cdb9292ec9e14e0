"""The conference page's agenda block (`hoctap: hoi-nghi`): the slots the editors fill in
`docs/includes/hoi-nghi.yml` (one line while none is announced), and the calendar download once the date is set."""

from __future__ import annotations

import html

from ..sharing.agenda import Agenda
from .labels import field_date, labels

ICS_NAME = "hoi-nghi.ics"
"""The calendar file, at the site's root."""


def block(agenda: Agenda, lang: str, ics_href: str, raw=lambda html: html) -> str:
    """Markdown, every value escaped; an agenda nobody has filled in is one line, not a table of
    "chưa có"; a filled one is a table with a real header row, an empty slot in it saying so. The
    download link is raw HTML, through `raw` (render/stash.py)."""
    t = labels(lang, "conference")
    heading = f"\n\n## {t['heading']} {{#chuong-trinh}}\n\n"
    if not agenda.filled:
        return heading + t["not_announced"] + "\n"
    cell = lambda text: html.escape(text or t["none"]).replace("|", "\\|").replace("\n", " ")
    hours = "–".join(p for p in (agenda.bat_dau, agenda.ket_thuc) if p)
    rows = [(t["day"], field_date(agenda.ngay, lang) if agenda.ngay else ""), (t["time"], hours),
            (t["place"], agenda.dia_diem)]
    table = f"| {t['slot']} | {t['announced']} |\n|---|---|\n" + "".join(f"| {k} | {cell(v)} |\n" for k, v in rows)
    if agenda.muc:
        items = f"| {t['at']} | {t['what']} | {t['who']} |\n|---|---|---|\n" + "".join(
            f"| {cell(i.gio)} | {cell(i.noi_dung)} | {cell(i.trinh_bay)} |\n" for i in agenda.muc)
    else:
        items = f"{t['items']}: {t['none']}.\n"
    download = ""
    if agenda.ngay:
        download = "\n" + raw(f'<p class="ht-ics ht-no-pdf"><a class="md-button" href="{html.escape(ics_href)}" download '
                               f'type="text/calendar">{html.escape(t["ics"])}</a></p>') + "\n"
    return f"{heading}{table}\n{items}{download}"
