"""The conference agenda: empty slots say "chưa có", a filled agenda needs its source, and the calendar
file appears once the date is set, valid RFC 5545 (CRLF, folded at 75 octets, escaped text)."""

from __future__ import annotations

import datetime as dt
import re

from tests.conftest import build_site
from hoctap.sharing import agenda

STAMP = dt.datetime(2026, 4, 1, 8, 0, tzinfo=dt.timezone.utc)


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines), "folded at 75 octets"
    out = []
    for line in lines:
        if line.startswith(" "):
            out[-1] += line[1:]
        else:
            out.append(line)
    return out


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_empty_agenda_reads_as_one_line(site):
    """Issue 24: an agenda nobody has announced is one sentence, not four "chưa có" in a table."""
    page = (site / "hoi-nghi.html").read_text(encoding="utf-8")
    section = page.split('id="chuong-trinh"', 1)[1].split("</article>", 1)[0]
    assert "chưa có" not in section and "<table" not in section.split("<h2", 1)[0]
    assert "chưa được thông báo" in section
    assert "hoi-nghi.ics" not in page and not (site / "hoi-nghi.ics").exists(), "no calendar without a date"
    english = (site / "en" / "hoi-nghi.html").read_text(encoding="utf-8")
    assert "not yet known" not in english and "have not been announced yet" in english


def test_calendar_of_a_timed_event():
    filled = agenda.Agenda(ngay=dt.date(2026, 4, 15), bat_dau="07:30", ket_thuc="11:30",
                           dia_diem="Hội trường LĐLĐ tỉnh, phường Tân Phong; Lai Châu", nguon="x.txt:1",
                           muc=[agenda.Item("07:30", "Khai mạc hội nghị, giới thiệu đại biểu và báo cáo viên", "")])
    lines = unfold(agenda.ics(filled, title="Hội nghị quán triệt", url="http://intranet.test/hoc-tap/hoi-nghi.html",
                              stamp=STAMP, host="intranet.test"))
    fields = dict(line.split(":", 1) for line in lines)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert fields["DTSTART"] == "20260415T003000Z" and fields["DTEND"] == "20260415T043000Z", "07:30 in Vietnam is 00:30 UTC"
    assert unescape(fields["LOCATION"]) == filled.dia_diem
    assert unescape(fields["SUMMARY"]) == "Hội nghị quán triệt"
    assert unescape(fields["DESCRIPTION"]).splitlines()[0] == "07:30 — " + filled.muc[0].noi_dung
    assert fields["UID"] == "hoi-nghi-20260415@intranet.test" and fields["DTSTAMP"] == "20260401T080000Z"


def test_calendar_of_a_day_without_times():
    lines = unfold(agenda.ics(agenda.Agenda(ngay=dt.date(2026, 4, 15), nguon="x.txt:1"), title="H", url=None, stamp=STAMP))
    assert "DTSTART;VALUE=DATE:20260415" in lines and "DTEND;VALUE=DATE:20260416" in lines
    assert agenda.ics(agenda.Agenda(), title="H", url=None, stamp=STAMP) is None


def test_filled_agenda_builds_the_page_and_the_calendar(project_copy, tmp_path):
    (project_copy / "sources" / "thong-bao-hoi-nghi.txt").write_text(
        "Hội nghị quán triệt tổ chức ngày 15/4/2026 tại Hội trường LĐLĐ tỉnh.\n", encoding="utf-8")
    (project_copy / "docs" / "includes" / "hoi-nghi.yml").write_text(
        "ngay: 2026-04-15\nbat_dau: 07:30\nket_thuc: '11:30'\ndia_diem: Hội trường LĐLĐ tỉnh\n"
        "nguon: thong-bao-hoi-nghi.txt:1\nmuc:\n  - gio: 07:30\n    noi_dung: Khai mạc <b>hội nghị</b>\n", encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site", "--no-pdf", HOCTAP_SITE_URL="http://intranet.test/hoc-tap/")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "hoi-nghi.html").read_text(encoding="utf-8")
    text = re.sub(r"<(?!/?b>)[^>]+>", "", page)  # abbreviations are tagged; an editor's <b> is escaped
    assert "15/4/2026" in text and "07:30–11:30" in text and "Hội trường LĐLĐ tỉnh" in text
    assert "Khai mạc &lt;b&gt;hội nghị&lt;/b&gt;" in page, "an editor's text is shown, never run as HTML"
    assert 'href="hoi-nghi.ics"' in page
    fields = dict(line.split(":", 1) for line in unfold((tmp_path / "site" / "hoi-nghi.ics").read_bytes().decode("utf-8")))
    assert fields["DTSTART"] == "20260415T003000Z" and fields["URL"] == "http://intranet.test/hoc-tap/hoi-nghi.html"


def test_agenda_without_source_or_with_bad_values_fails_the_build(project_copy, tmp_path):
    (project_copy / "docs" / "includes" / "hoi-nghi.yml").write_text(
        "ngay: 15/4/2026\nbat_dau: '7h30'\nphong: A\ndia_diem: Hội trường\n", encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "includes/hoi-nghi.yml:1:1: K005 `ngay: 15/4/2026` is not a date" in out
    assert "includes/hoi-nghi.yml:2:1: K005 `bat_dau: 7h30` is not a time" in out
    assert "includes/hoi-nghi.yml:3:1: K005 unknown key `phong`" in out
    assert "K005 the agenda is filled in but says nowhere where from" in out
    assert "Traceback" not in out
