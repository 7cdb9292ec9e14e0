"""Issue 24, the words of the sources: what a fluent reader of the plan sent back, each as a check
that fails on the old wording. Facts come from `sources/`; the site's own sentences follow Nghị định
30/2020 Phụ lục II and read as a Vietnamese editor writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoctap.checks import check_site, check_source
from hoctap.checks.source import Site, Source
from hoctap.registry.documents import Registry
from hoctap.render.blocks import glossary
from hoctap.text.dates import field_date, format_date
from hoctap.text.vietnamese import sort_key

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = ROOT / "sources"
PLAN = (SOURCES / "ke-hoach-ldld-lai-chau-2026-03-31.txt").read_text(encoding="utf-8")


def _codes(text: str, name: str = "trang.md") -> list[tuple[str, int]]:
    site = Site(Registry.load(DOCS), SOURCES)
    return [(f.code, f.line) for f in check_source(Source.from_text(text, name), site) if f.code == "V108"]


def _text(html: str) -> str:
    """The words a reader sees in a page's article (or in a fragment)."""
    article = re.search(r"<article.*?</article>", html, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", article.group() if article else html).split())


def test_every_short_title_is_one_run_of_its_trich_yeu():
    """The five titles that reworded theirs ("Đổi mới sáng tạo, chuyển đổi số…") fail M010 now."""
    assert [f for f in check_site(Registry.load(DOCS), SOURCES) if f.code == "M010"] == []


@pytest.mark.parametrize("old, line", [
    ("Ủy viên Ban Chấp hành, ủy viên Ủy ban kiểm tra LĐLĐ tỉnh.\n", 1),
    ("# Học tập, quán triệt các Chương trình hành động\n", 1),
])
def test_the_sites_own_sentences_follow_phu_luc_ii(old, line):
    assert _codes(old) == [("V108", line)]


def test_a_quotation_keeps_the_sources_capitals():
    quoted = ("> - Ủy viên Ban Chấp hành, ủy viên Ủy ban kiểm tra LĐLĐ tỉnh khóa XIV, \n>\n"
              "> nguồn: ke-hoach-ldld-lai-chau-2026-03-31.txt:89-90\n")
    assert _codes(quoted) == []
    assert _codes("Members of the Ủy ban kiểm tra.\n", "trang.en.md") == []  # another language's page


def test_the_project_passes_the_capitals_check():
    assert [f for f in check_site(Registry.load(DOCS), SOURCES) if f.code == "V108"] == []


def test_glossary_is_in_vietnamese_order():
    """Python's order put CĐCS after CTr (Đ is U+0110); the Vietnamese alphabet has đ right after d."""
    table = glossary([("CTr", "Chương trình"), ("CĐCS", "Công đoàn cơ sở"), ("CT", "Chỉ thị"), ("BCH", "Ban Chấp hành")], "vi")
    assert [row.split("|")[1].strip() for row in table.splitlines()[2:]] == ["BCH", "CĐCS", "CT", "CTr"]
    assert sorted(["Đảng", "Dân", "Em"], key=sort_key) == ["Dân", "Đảng", "Em"]


def test_no_abbreviation_expanded_beyond_the_sources():
    """"QHLĐ: Quan hệ lao động" is nowhere in the plan: the glossary does not say it."""
    glossary_file = (DOCS / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    assert "*[QHLĐ]" not in glossary_file and "Quan hệ lao động" not in PLAN
    assert "*[UBKT]: Ủy ban Kiểm tra" in glossary_file


def test_a_field_gives_its_date_without_ngay():
    import datetime as dt
    day = dt.date(2026, 3, 4)
    assert field_date(day) == "04/3/2026" and format_date(day) == "ngày 04/3/2026"


def test_built_pages(site):
    home = _text((site / "index.html").read_text(encoding="utf-8"))
    assert "Mười mấy" not in home and "các chương trình hành động" in home
    assert "CĐCS báo cáo cấp ủy, chính quyền cùng cấp và cử cán bộ tham dự" in home  # III.2, not more
    programme = _text((site / "van-ban" / "15-ctr-ldld.html").read_text(encoding="utf-8"))
    assert "Là một trong bảy" not in programme and "nhằm phổ biến" not in programme  # I.1 is the study's purpose
    plan = _text((site / "ke-hoach.html").read_text(encoding="utf-8"))
    assert not re.search(r"\bsic\b", plan) and "[nguyên văn, đúng là 15/CTr-LĐLĐ]" in plan
    assert "ký thay mặt Ban Thường vụ:" not in plan
    glossary_page = (site / "thuat-ngu.html").read_text(encoding="utf-8")
    assert glossary_page.index(">CĐCS</abbr></td>") < glossary_page.index(">CTr</abbr></td>")
    english = _text((site / "en" / "hoi-nghi.html").read_text(encoding="utf-8"))
    assert "About 110" not in english and "Expected: 110 people" in english
    english_plan = _text((site / "en" / "ke-hoach.html").read_text(encoding="utf-8"))
    assert "Standing Board" not in english_plan  # "Thường trực" is the Standing Office, once


def test_every_table_has_a_real_header_row(site):
    """The Hội nghị page's tables began with an empty header row."""
    for page in list(site.glob("*.html")) + list(site.glob("en/*.html")):
        for head in re.findall(r"<thead>(.*?)</thead>", page.read_text(encoding="utf-8"), re.S):
            assert all(_text(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)), page


def test_the_timeline_writes_dates_as_every_page_does(site):
    drawing = (site / "ban-do.html").read_text(encoding="utf-8")
    dates = re.findall(r'class="ht-svg__date"[^>]*>([^<]+)<', drawing)
    assert "04/3" in dates and "04/03" not in dates
    assert "04/3/2026" in drawing and "04/03/2026" not in drawing


def _card(html: str) -> str:
    return html[html.index('class="ht-card'):html.index("</aside>")]


def test_a_card_says_what_its_type_calls_it(site):
    """A congress adopts its resolution ("thông qua"); nothing says one was "ban hành"."""
    resolution = _card((site / "van-ban" / "nghi-quyet-dai-hoi-cong-doan-tinh-xiv.html").read_text(encoding="utf-8"))
    assert '<dd class="ht-card__status">Đã thông qua</dd>' in resolution and "Đã ban hành" not in resolution
    assert "<dt>Ngày thông qua</dt>" in resolution and "<dt>Thông qua tại</dt>" in resolution
    programme = _card((site / "van-ban" / "18-ctr-tu.html").read_text(encoding="utf-8"))
    assert '<dd class="ht-card__status">Đã ban hành</dd>' in programme  # the plan dates its issue


def test_a_status_only_where_a_source_states_it():
    from hoctap.render.titles import status
    registry = Registry.load(DOCS)
    assert status(registry.get("nghi-quyet-dai-hoi-xiv-dang")) == "da-thong-qua"
    assert status(registry.get("15-CTr/TU")) == "da-ban-hanh"
    undated = registry.get("15-CTr/TU")
    undated.ngay_ban_hanh = None
    assert status(undated) is None


def test_a_relation_is_labelled_in_the_citing_documents_words(site):
    """15/CTr-LĐLĐ implements "Nghị quyết Công đoàn tỉnh Lai Châu khóa XIV", as the plan prints it;
    the identification with the congress's resolution is a note, with its reason, on that page."""
    card = _card((site / "van-ban" / "15-ctr-ldld.html").read_text(encoding="utf-8"))
    assert ">Nghị quyết Công đoàn tỉnh Lai Châu khóa XIV</a>" in card
    assert "Nghị quyết Đại hội Công đoàn tỉnh Lai Châu lần thứ XIV" not in card
    mttq = _text((site / "van-ban" / "03-ctr-mttq-ub.html").read_text(encoding="utf-8"))
    assert "03/CTr-MTTQ-UB — Thực hiện Nghị quyết Đại hội đại biểu MTTQ Việt Nam tỉnh Lai Châu khóa XIV" in mttq
    note = _text((site / "van-ban" / "nghi-quyet-dai-hoi-cong-doan-tinh-xiv.html").read_text(encoding="utf-8"))
    assert "Hai cách gọi trong Kế hoạch" in note and "vì phần mở đầu và mục I.1" in note


def _section(page: str, anchor: str) -> str:
    """A section of a built page: from its heading to the next `h2`."""
    return page.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]


def test_quick_read_answers_members_questions_each_with_its_citation(site):
    """Issue 24: Đọc nhanh's points were organisers' logistics, and never told a member that the
    conference is for 110 officers, not for them."""
    page = (site / "doc-nhanh.html").read_text(encoding="utf-8")
    cited = {"hoc-gi": "#noi-dung-hoc-tap", "ai-du": "#doi-tuong", "khi-nao": "#hinh-thuc",
             "cong-doan-co-so": "ke-hoach.html#cong-doan-co-so", "doc-them": 'href="ke-hoach.html"'}
    for anchor, citation in cited.items():
        assert citation in _section(page, anchor), anchor
    who = _text(_section(page, "ai-du"))
    assert "110 người" in who and "Chủ tịch hoặc Phó Chủ tịch các CĐCS" in who
    assert "Đoàn viên khác không có tên trong thành phần dự hội nghị" in who
    assert "báo cáo cấp ủy, chính quyền cùng cấp và cử cán bộ tham dự" in _text(_section(page, "cong-doan-co-so"))
    # the organisers' points set apart, after the members' answers
    members = _text(page.split('id="diem-chinh"', 1)[1].split('id="danh-cho-to-chuc"', 1)[0])
    organisers = _text(page.split('id="danh-cho-to-chuc"', 1)[1])
    assert "Đảm bảo các điều kiện tổ chức Hội nghị" not in members and "Dự kiến 110 người" in members
    assert "Đảm bảo các điều kiện tổ chức Hội nghị" in organisers
    assert page.index('id="ai-du"') < page.index('id="diem-chinh"') < page.index('id="danh-cho-to-chuc"')


def test_a_key_point_for_someone_else_is_refused(tmp_path):
    from hoctap.registry import key_points

    data = tmp_path / "includes" / "diem-chinh.yml"
    data.parent.mkdir()
    data.write_text("ke-hoach:\n  - trich: Dự kiến 110 người.\n    neo: doi-tuong\n    danh_cho: lanh-dao\n", encoding="utf-8")
    found = key_points.load(data, tmp_path, SOURCES, Registry.load(DOCS))
    assert [(f.code, f.line) for f in found.findings] == [("D001", 2)]
