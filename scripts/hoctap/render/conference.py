"""The conference page's agenda block (`hoctap: hoi-nghi`): the slots the editors fill in
`docs/includes/hoi-nghi.yml`, "chưa có" where they have not, and the calendar download once the date is set."""

from __future__ import annotations

import html

from ..sharing.agenda import Agenda
from .labels import format_date, labels

ICS_NAME = "hoi-nghi.ics"
"""The calendar file, at the site's root."""


def block(agenda: Agenda, lang: str, ics_href: str, raw=lambda html: html) -> str:
    """Markdown, every value escaped, an empty slot saying so; the download link is raw HTML,
    through `raw` (render/stash.py)."""
    t = labels(lang, "conference")
    cell = lambda text: html.escape(text or t["none"]).replace("|", "\\|").replace("\n", " ")
    hours = "–".join(p for p in (agenda.bat_dau, agenda.ket_thuc) if p)
    rows = [(t["day"], format_date(agenda.ngay, lang) if agenda.ngay else ""), (t["time"], hours),
            (t["place"], agenda.dia_diem)]
    table = "| | |\n|---|---|\n" + "".join(f"| **{k}** | {cell(v)} |\n" for k, v in rows)
    if agenda.muc:
        items = f"| {t['at']} | {t['what']} | {t['who']} |\n|---|---|---|\n" + "".join(
            f"| {cell(i.gio)} | {cell(i.noi_dung)} | {cell(i.trinh_bay)} |\n" for i in agenda.muc)
    else:
        items = f"**{t['items']}:** {t['none']}\n"
    download = ""
    if agenda.ngay:
        download = "\n" + raw(f'<p class="ht-ics ht-no-pdf"><a class="md-button" href="{html.escape(ics_href)}" download '
                               f'type="text/calendar">{html.escape(t["ics"])}</a></p>') + "\n"
    return f"\n\n## {t['heading']} {{#chuong-trinh}}\n\n{table}\n{items}{download}"
