"""The study conference's agenda (`docs/includes/hoi-nghi.yml`), filled by the editors once the
federation announces it, and its calendar file (`.ics`, RFC 5545) once the date is known.

Every slot may stay empty: the page then says "chưa có" (one line when all are). Nothing is filled in for the editors; a
filled slot needs the notice it comes from (`nguon`), so that the page cites it like every other fact.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..text import data_file
from ..text.findings import Finding
from ..text.sources import cited

FILE = "includes/hoi-nghi.yml"
"""Where the agenda is, in docs/."""
KEYS = ("ngay", "bat_dau", "ket_thuc", "dia_diem", "nguon", "muc")
ITEM_KEYS = ("gio", "noi_dung", "trinh_bay")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Vietnam keeps one offset all year (no daylight saving): times convert to UTC without a VTIMEZONE."""


@dataclass
class Item:
    gio: str = ""
    noi_dung: str = ""
    trinh_bay: str = ""


@dataclass
class Agenda:
    ngay: dt.date | None = None
    bat_dau: str = ""
    ket_thuc: str = ""
    dia_diem: str = ""
    nguon: str = ""
    muc: list[Item] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def filled(self) -> bool:
        return bool(self.ngay or self.bat_dau or self.ket_thuc or self.dia_diem or self.muc)


def load(path: Path, docs_dir: Path, source_dir: Path) -> Agenda:
    """Read the agenda; every problem is a K005 finding at its line, never an exception."""
    rel = data_file.shown(path, docs_dir)
    agenda = Agenda()
    root, agenda.findings = data_file.root(path, rel, "K005", yaml.MappingNode,
                                           "expected the keys " + ", ".join(f"`{k}`" for k in KEYS))
    if root is None:
        return agenda
    problem = lambda line, message: agenda.findings.append(Finding(rel, line, 1, "K005", message))
    data = data_file.value_of(root)
    for key, _ in root.value:
        line = key.start_mark.line + 1
        value = data.get(key.value)
        if key.value not in KEYS:
            problem(line, f"unknown key `{key.value}` (known: {', '.join(KEYS)})")
        elif key.value == "muc":
            agenda.muc = _items(value, line, problem)
        elif value is None or value == "":
            continue
        elif key.value == "ngay":
            try:
                agenda.ngay = dt.date.fromisoformat(str(value))
            except ValueError:
                problem(line, f"`ngay: {value}` is not a date; write it as YYYY-MM-DD")
        elif key.value in ("bat_dau", "ket_thuc"):
            if _TIME.match(_time_text(value)):
                setattr(agenda, key.value, _time_text(value))
            else:
                problem(line, f"`{key.value}: {value}` is not a time; write it as HH:MM, in quotes (\"07:30\")")
        else:
            setattr(agenda, key.value, str(value).strip())
    if agenda.filled and not agenda.nguon:
        problem(1, "the agenda is filled in but says nowhere where from: add `nguon` (the notice, in sources/)")
    elif agenda.nguon and cited(source_dir, agenda.nguon)[0] is None:
        problem(1, f"`nguon`: {cited(source_dir, agenda.nguon)[1]}")
    if agenda.bat_dau and agenda.ket_thuc and agenda.ket_thuc <= agenda.bat_dau:
        problem(1, f"`ket_thuc` {agenda.ket_thuc} is not after `bat_dau` {agenda.bat_dau}")
    return agenda


def _items(value, line: int, problem) -> list[Item]:
    if value in (None, []):
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problem(line, "`muc` is a list of `- gio: … noi_dung: … trinh_bay: …`")
        return []
    items = []
    for entry in value:
        unknown = set(entry) - set(ITEM_KEYS)
        if unknown:
            problem(line, f"unknown key `{sorted(unknown)[0]}` in `muc` (known: {', '.join(ITEM_KEYS)})")
        item = Item(**{k: str(entry.get(k) or "").strip() for k in ITEM_KEYS})
        item.gio = _time_text(entry.get("gio")) if entry.get("gio") is not None else ""
        if item.gio and not _TIME.match(item.gio):
            problem(line, f"`gio: {item.gio}` is not a time; write it as HH:MM, in quotes")
        if any((item.gio, item.noi_dung, item.trinh_bay)):
            items.append(item)
    return items


# -- the calendar file ----------------------------------------------------------------

def ics(agenda: Agenda, *, title: str, url: str | None, stamp: dt.datetime, host: str = "hoctap") -> str | None:
    """The conference as one VEVENT, or None while the date is not set. Times given: UTC from Vietnam's
    time; no times: an all-day event. Lines end in CRLF and fold at 75 octets, as RFC 5545 asks."""
    if agenda.ngay is None:
        return None
    day = agenda.ngay
    if agenda.bat_dau:
        start = _at(day, agenda.bat_dau)
        end = _at(day, agenda.ket_thuc) if agenda.ket_thuc else start + dt.timedelta(hours=1)
        when = [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}"]
    else:
        when = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//LĐLĐ tỉnh Lai Châu//hoctap//VI", "CALSCALE:GREGORIAN",
             "BEGIN:VEVENT", f"UID:hoi-nghi-{day:%Y%m%d}@{host}", f"DTSTAMP:{_utc(stamp)}", *when,
             f"SUMMARY:{escape(title)}"]
    if agenda.dia_diem:
        lines.append(f"LOCATION:{escape(agenda.dia_diem)}")
    programme = [" — ".join(p for p in (i.gio, i.noi_dung, i.trinh_bay) if p) for i in agenda.muc]
    description = "\n".join(programme + ([url] if url else []))
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon and comma escaped, line breaks as `\\n`."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line into pieces of at most `limit` octets, never inside a UTF-8 character."""
    pieces, piece = [], ""
    for char in line:
        room = limit if not pieces else limit - 1  # a continuation starts with one space
        if len((piece + char).encode("utf-8")) > room:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return "\r\n ".join(pieces)


def _time_text(value) -> str:
    """`07:30` as written; YAML 1.1 reads an unquoted `07:30` as the number 450 (base 60): read it back."""
    return f"{value // 60:02d}:{value % 60:02d}" if isinstance(value, int) and not isinstance(value, bool) else str(value).strip()


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), VIETNAM)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
