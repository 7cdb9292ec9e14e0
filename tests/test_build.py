"""The built site: every document page carries its card, translations link to counterparts,
nothing refers to another origin, and a broken page fails the build with a clear message."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tests.conftest import DOCS, build_site, hoctap
from hoctap.registry.documents import Registry

DOCUMENT_PAGES = sorted(d.page.path.with_suffix(".html").as_posix() for d in Registry.load(DOCS).documents)


class _Refs(HTMLParser):
    """Every URL an HTML page refers to, with the tag and attribute it sits in."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "poster", "data") and value:
                self.refs.append((tag, name, value))
            elif name == "srcset" and value:
                self.refs.extend((tag, name, part.split()[0]) for part in value.split(",") if part.strip())


def refs_of(html: str) -> list[tuple[str, str, str]]:
    parser = _Refs()
    parser.feed(html)
    return parser.refs


def is_foreign(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme in ("http", "https", "ftp", "ws", "wss")


# URL string literals in Material's JS that are never requested here, each for a reason:
# Mermaid is loaded from unpkg only for pages with a `mermaid` diagram (this site has none);
# GitHub's API only when `repo_url` is set (it is not); the ResizeObserver polyfill only on
# browsers without ResizeObserver (older than Chrome 64 / Safari 13.1). Any other origin fails.
# tests/browser/test_offline.py records every request the pages really make.
INERT_IN_MATERIAL_JS = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
    "https://api.github.com/repos/${e}/${t}",
    "https://api.github.com/users/${e}",
}
URL_LITERAL_IN_JS = re.compile(r"""["'`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^"'`\s]*)""", re.I)
TAG = re.compile(r"<[^>]+>")


def test_every_document_page_has_its_card(site):
    assert len(DOCUMENT_PAGES) >= 14
    for path in DOCUMENT_PAGES:
        for lang_dir in ("", "en/") if (DOCS / path).with_suffix(".en.md").is_file() else ("",):
            html = (site / lang_dir / path).read_text(encoding="utf-8")
            assert 'class="ht-card' in html, f"{lang_dir}{path} has no document card"
            assert "<!--hoctap:the-van-ban-->" not in html


def test_card_shows_facts_from_front_matter(site):
    html = (site / "van-ban/18-ctr-tu.html").read_text(encoding="utf-8")
    card = html[html.index('class="ht-card'):html.index("</aside>")]
    assert "18-CTr/TU" in card
    assert "<dt>Ngày ban hành</dt><dd>24/3/2026</dd>" in card  # a field's date: never "Ngày ban hành: ngày …"
    assert "Tỉnh ủy Lai Châu" in card
    assert 'href="58-ct-tw.html"' in card  # implements
    # The document's own status, never the page's review (issue 14: 58-CT/TW read as a draft)
    assert "<dt>Tình trạng</dt><dd class=\"ht-card__status\">Đã ban hành</dd>" in card
    assert "Dự thảo" not in card and "dự thảo" not in card and "duyệt" not in card
    parent = (site / "van-ban/58-ct-tw.html").read_text(encoding="utf-8")
    assert 'href="18-ctr-tu.html"' in parent[parent.index('class="ht-card'):]  # implemented by


def test_unknown_facts_are_shown_as_unknown(site):
    html = (site / "van-ban/nghi-quyet-dai-hoi-xiv-dang.html").read_text(encoding="utf-8")
    card = html[html.index('class="ht-card'):html.index("</aside>")]
    assert card.count("chưa rõ") >= 2  # symbol and date are not in the plan


def test_english_build_writes_the_translated_pages_only(site):
    translated = {p.relative_to(DOCS).as_posix().replace(".en.md", ".html") for p in DOCS.rglob("*.en.md")}
    assert {"index.html", "ke-hoach.html", "van-ban/index.html"} <= translated
    # and its own 404 page, in English
    assert {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*.html")} == translated | {"404.html"}
    menu = (site / "en/index.html").read_text(encoding="utf-8").split('class="md-nav md-nav--primary"', 1)[1]
    # an untranslated page: the Vietnamese one, and its menu entry says so in English
    assert re.search(r'<a href="\.\./bao-cao-vien\.html" class="md-nav__link" hreflang="vi">\s*<span class="md-ellipsis">\s*Preparing a talk \(Vietnamese\)', menu)
    assert re.search(r'<a href="ke-hoach\.html" class="md-nav__link">', menu)  # a translation: no hreflang


def test_language_switcher_links_to_existing_counterparts(site):
    # 404.html is served at any URL, so its links are absolute; it is tested with the web server.
    for page in (p for p in site.rglob("*.html") if p.name != "404.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<a href="([^"]+)" hreflang="(?:vi|en)"', html):
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(site)}: language link {href} leads nowhere"


def test_english_site_links_to_vietnamese_documents_instead_of_copying_them(site):
    untranslated = [p for p in DOCUMENT_PAGES if not (DOCS / p).with_suffix(".en.md").is_file()]
    assert "van-ban/15-ctr-tu.html" in untranslated and "ke-hoach.html" not in untranslated
    assert not [p for p in untranslated if (site / "en" / p).exists()]
    catalogue = (site / "en/van-ban/index.html").read_text(encoding="utf-8")
    for path in untranslated:
        assert f'href="../../{path}" hreflang="vi"' in catalogue, path
    plan_card = (site / "en/ke-hoach.html").read_text(encoding="utf-8").split('class="ht-card', 1)[1]
    assert 'href="../van-ban/14-ctr-ldld.html"' in plan_card  # a card leads to the Vietnamese page too
    menu = re.findall(r'<a href="([^"]+)" hreflang="en" class="md-select__link"',
                      (site / "van-ban/15-ctr-tu.html").read_text(encoding="utf-8"))
    assert menu == ["../en/index.html"]  # no English copy: the English home page
    # The English index holds the English pages and names the Vietnamese one, read with it for the others
    index = (site / "search/hoctap-en.js").read_text(encoding="utf-8")
    originals = json.loads(re.search(r'"originals":(\{[^}]*\})', index).group(1))
    assert originals["lang"] == "vi" and "ke-hoach.html" in originals["translated"]
    assert "van-ban/15-ctr-tu.html" not in originals["translated"]
    assert '"van-ban/15-ctr-tu.html"' not in index and '"en/ke-hoach.html"' in index
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "en/van-ban/15-ctr-tu" not in sitemap and "van-ban/15-ctr-tu.html" in sitemap


def test_every_link_in_the_site_leads_to_a_page_and_anchor(site):
    """Relative links of every page, raw HTML (map, quiz, cards, menus) included, which MkDocs does
    not check: the file exists and so does the `#anchor` in it. 404.html is served at any URL, so
    its links are absolute; it is tested with the web server."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in (p for p in site.rglob("*.html") if p.name != "404.html"):
        for tag, attribute, url in refs_of(page.read_text(encoding="utf-8")):
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or not parsed.path:
                continue
            target = (page.parent / unquote(parsed.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: <{tag} {attribute}={url}> leads nowhere")
            elif parsed.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'\sid="([^"]+)"', target.read_text(encoding="utf-8")))
                if unquote(parsed.fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: <{tag} {attribute}={url}> has no such anchor")
    assert broken == []


def test_no_reference_to_another_origin(site):
    offenders = []
    for file in site.rglob("*"):
        if file.suffix == ".html":
            html = file.read_text(encoding="utf-8")
            offenders += [f"{file.relative_to(site)}: <{t} {a}={u}>" for t, a, u in refs_of(html) if is_foreign(u)]
            offenders += [f"{file.relative_to(site)}: {u}" for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", html)]
        elif file.suffix == ".css":
            css = file.read_text(encoding="utf-8")
            offenders += [f"{file.relative_to(site)}: {u}" for u in re.findall(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^)'\"\s]+)", css)]
        elif file.suffix == ".js":
            text = file.read_text(encoding="utf-8", errors="replace")
            offenders += [f"{file.relative_to(site)}: {u}" for u in URL_LITERAL_IN_JS.findall(text)
                          if u not in INERT_IN_MATERIAL_JS]
    assert offenders == []


def test_catalogue_lists_every_document_in_plan_order(site):
    page = (site / "van-ban/index.html").read_text(encoding="utf-8")
    html = TAG.sub("", page[page.index('<table class="ht-catalogue">'):page.index("</table>")])
    order = [html.index(symbol) for symbol in
             ["15-CTr/TU", "18-CTr/TU", "03/CTr-MTTQ-UB", "15/CTr-LĐLĐ", "01/CTr-LĐLĐ", "02/CTr-LĐLĐ", "03/CTr-LĐLĐ"]]
    assert order == sorted(order)
    rows = (site / "van-ban/index.html").read_text(encoding="utf-8").count("<tr>")
    assert rows - 1 == len(DOCUMENT_PAGES)


def test_the_editors_guide_shows_every_code(site):
    guide = (site / "huong-dan-bien-tap.html").read_text(encoding="utf-8")
    from hoctap.text.findings import CODES

    assert [code for code in CODES if f"<td>{code}</td>" not in guide] == []
    assert "hoctap:ma-kiem-tra" not in guide


def test_abbreviations_become_tooltips(site):
    """In both languages; the abbreviations file's lines are not shown on any page."""
    for path in ("hoi-nghi.html", "en/hoi-nghi.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert '<abbr title="Công đoàn cơ sở">CĐCS</abbr>' in html, path
        assert "*[CĐCS]" not in html, path


# -- bad input fails the build, naming the file and line ---------------------------------------

def _break(project: Path, rel: str, old: str, new: str) -> None:
    page = project / "docs" / rel
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, expected", [
    ("co_quan_ban_hanh: Tỉnh ủy Lai Châu\n", "", "docs/van-ban/18-ctr-tu.md:1:1: M001"),
    ("ngay_ban_hanh: 2026-03-24", "ngay_ban_hanh: 2026-02-30", "van-ban/18-ctr-tu.md:4:1: M002"),
    ("thuc_hien: [58-CT/TW]", "thuc_hien: [59-CT/TW]", "van-ban/18-ctr-tu.md:7:1: M004"),
])
def test_broken_document_page_fails_the_build(project_copy, tmp_path, old, new, expected):
    _break(project_copy, "van-ban/18-ctr-tu.md", old, new)
    result = build_site(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected.split("docs/")[-1] in output
    assert "Traceback" not in output


def test_abbreviation_line_the_glossary_cannot_read_fails_the_build(project_copy, tmp_path):
    """Abbreviations reach pages through `abbr`'s glossary: a line it cannot read would define nothing, silently."""
    _break(project_copy, "includes/abbreviations.md", "*[CĐCS]: Công đoàn cơ sở", "[CĐCS]: Công đoàn cơ sở")
    result = build_site(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/includes/abbreviations.md:2:1: A001 line is not an abbreviation" in output
    assert "Traceback" not in output


def test_english_page_linking_to_a_missing_page_fails_the_build(project_copy, tmp_path):
    _break(project_copy, "hoi-nghi.en.md", "[Catalogue](van-ban/index.md)", "[Catalogue](van-ban/khong-co.md)")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "hoi-nghi.en.md" in result.stdout + result.stderr


def test_every_page_without_its_official_text_says_so_in_its_body_and_contents(site):
    """The hard rule's visible gap: a document page whose official text is not in the sources has
    the section "Văn bản chính thức" with its warning, listed in the page's contents; the plan,
    whose text is there (`toan_van`), has none. The English pages say it in English."""
    documents = {d.page.path.with_suffix(".html").as_posix(): d for d in Registry.load(DOCS).documents}
    pages = [(path, "vi") for path in DOCUMENT_PAGES]
    pages += [(f"en/{path}", "en") for path in DOCUMENT_PAGES if (site / "en" / path).is_file()]
    assert ("en/ke-hoach.html", "en") in pages
    for path, lang in pages:
        html = (site / path).read_text(encoding="utf-8")
        has_text = bool(re.search(r"^toan_van:\s*\S", (DOCS / documents[path.removeprefix("en/")].page.path).read_text(encoding="utf-8"), re.M))
        title, warning = ("Văn bản chính thức", "Đang chờ văn bản chính thức") if lang == "vi" else ("Official text", "Awaiting the official text")
        heading = re.search(r'<h2 id="van-ban-chinh-thuc">(.*?)<a class="headerlink" href="#van-ban-chinh-thuc"', html)
        in_contents = len(re.findall(r'<a href="#van-ban-chinh-thuc" class="md-nav__link">', html))
        if has_text:
            assert heading is None and in_contents == 0, path
            continue
        assert heading and heading.group(1) == title, path
        after = html[heading.end():]
        assert re.match(r'.*?</h2>\s*<div class="admonition warning">\s*<p class="admonition-title">' + warning + "</p>", after, re.S), path
        assert in_contents == 2, path  # the contents, in the sidebar and in the drawer on phones


# -- issue 14: what a member sees ------------------------------------------------------------------

def _card(html: str) -> str:
    return html[html.index('<aside class="ht-card'):html.index("</aside>")]


def test_review_state_is_a_preview_banner_outside_the_card(site):
    html = (site / "van-ban/58-ct-tw.html").read_text(encoding="utf-8")
    banner = re.search(r'<p class="ht-review ht-review--du-thao" role="note">(.*?)</p>', html)
    assert banner and "dự thảo" in banner.group(1) and "không phải tình trạng của văn bản" in banner.group(1)
    assert html.index("ht-review") < html.index("<h1") and "ht-review" not in _card(html)
    assert "Đã ban hành" in _card(html)
    # The plan page: she signed the plan; nobody recorded a review of the page
    plan = (site / "ke-hoach.html").read_text(encoding="utf-8")
    assert "Lò Thị Hằng" not in plan[plan.index("ht-review"):plan.index("<h1")]
    assert "ht-review--du-thao" in plan and "duyệt bởi" not in plan
    assert 'class="ht-review' not in (site / "hoi-nghi.html").read_text(encoding="utf-8")  # no review state


def test_published_build_never_shows_the_review_state(project_copy, tmp_path):
    _break(project_copy, "van-ban/03-ctr-ldld.md", "trang_thai: du-thao",
           "trang_thai: da-duyet\nnguoi_duyet: Biên tập viên A\nngay_duyet: 2026-04-02")
    preview = tmp_path / "preview"
    assert build_site(project_copy, preview, "--no-pdf").returncode == 0
    html = (preview / "van-ban/03-ctr-ldld.html").read_text(encoding="utf-8")
    assert "ht-review--da-duyet" in html and "Biên tập viên A, ngày 02/4/2026" in html
    # As `hoctap publish` builds (render/config.py `preview` off), here with --allow-draft: even a page
    # that is a draft is published without its review state
    published = tmp_path / "published"
    script = ("import sys; from hoctap.build import project; "
              "sys.exit(project.build('mkdocs.yml', sys.argv[1], drafts=True, preview=False) is None)")
    result = subprocess.run([sys.executable, "-c", script, str(published)], cwd=project_copy,
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("van-ban/03-ctr-ldld.html", "van-ban/58-ct-tw.html"):
        html = (published / page).read_text(encoding="utf-8")
        assert "ht-review" not in html and "Biên tập viên A" not in html and "Đã ban hành" in _card(html)
    assert "ht-review" in (preview / "van-ban/58-ct-tw.html").read_text(encoding="utf-8")


def test_a_draft_page_in_a_publish_is_still_caught(site):
    """`hoctap publish` (R003) tells a draft page by its card's `data-review`, now that the card no
    longer shows the review state."""
    from hoctap.publish.verify import no_draft_card

    caught = {f.path for f in no_draft_card(site, drafts=False)}
    assert "van-ban/58-ct-tw.html" in caught and "ke-hoach.html" in caught and "hoi-nghi.html" not in caught
    assert no_draft_card(site, drafts=True) == []


def test_titles_say_the_subject(site):
    html = (site / "van-ban/03-ctr-ldld.html").read_text(encoding="utf-8")
    assert "<title>03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể - " in html
    assert re.search(r"<h1 [^>]*>03/<abbr[^>]*>CTr</abbr>-<abbr[^>]*>LĐLĐ</abbr> — Đối thoại, thương lượng tập thể<", html)
    menu = html.split('class="md-nav md-nav--primary"', 1)[1]
    assert re.search(r'<span class="md-ellipsis">\s*03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể', menu)
    catalogue = TAG.sub("", (site / "van-ban/index.html").read_text(encoding="utf-8"))
    assert "03/CTr-LĐLĐ — Đối thoại, thương lượng tập thể" in catalogue
    raw = (site / "van-ban/index.html").read_text(encoding="utf-8")  # without a symbol, its subject is the link
    assert 'cong-doan-tinh-xiv.html">Nghị quyết Đại hội Công đoàn tỉnh Lai Châu lần thứ XIV</a>' in raw
    card = _card((site / "van-ban/18-ctr-tu.html").read_text(encoding="utf-8"))
    assert "58-CT/TW</a><span class=\"ht-card__title\"> — Công tác tuyên truyền, giáo dục chính trị, tư tưởng, pháp luật cho công nhân" in card


def test_document_page_text_first_card_folded_after_it(site):
    html = (site / "van-ban/03-ctr-ldld.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    h1, lead, focus, card = (article.index(s) for s in ("<h1", "<p>Chương trình số 03/", 'id="trong-tam-theo-ke-hoach"', "<aside"))
    assert h1 < lead < focus < card
    assert re.search(r'<aside class="ht-card"[^>]*>\s*<details class="ht-card__details">\s*<summary', article)
    assert "<details class=\"ht-card__details\" open" not in article


def test_sources_are_cited_as_a_reader_cites_them(site):
    for path in DOCUMENT_PAGES:
        assert ".txt" not in (site / path).read_text(encoding="utf-8"), path
    card = _card((site / "van-ban/03-ctr-ldld.html").read_text(encoding="utf-8"))
    assert '<a href="../ke-hoach.html#noi-dung-hoc-tap">Kế hoạch ngày 31/3/2026, mục II.1</a>' in card
    plan = (site / "ke-hoach.html").read_text(encoding="utf-8")
    assert '— <a href="ke-hoach.html#noi-dung-hoc-tap">Kế hoạch ngày 31/3/2026, mục II.1</a>' in plan  # a quotation's source
    assert "18-Ctr/" in plan and "[nguyên văn, đúng là " in plan  # the plan's slip kept, the correction marked


def test_english_pages_are_english(site):
    card = _card((site / "en/ke-hoach.html").read_text(encoding="utf-8"))
    assert "<dt>Kind</dt><dd>Plan</dd>" in card and "Standing Committee of the Lai Châu Provincial Federation" in card
    assert "Kế hoạch" not in card.replace('lang="vi">Tổ chức', "")
    assert "<dt>Status</dt><dd class=\"ht-card__status\">Issued</dd>" in card
    home = (site / "en/index.html").read_text(encoding="utf-8")
    footer = home[home.index("<footer"):]
    assert "Lai Châu Provincial Federation of Labour" in footer and "Liên đoàn Lao động" not in footer
    for link in re.findall(r'<a href="([^"#]+)"[^>]*>', home[home.index("<article"):home.index("</article>")]):
        target = (site / "en" / link).resolve()
        text = home[:home.index(f'href="{link}"')][-120:]
        assert target.is_relative_to((site / "en").resolve()) or "Vietnamese" in text + home[home.index(f'href="{link}"'):][:200], link
    missing = (site / "en/404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in missing and "Page not found" in missing
    assert "404 - Not found" not in (site / "404.html").read_text(encoding="utf-8")
    assert "Không tìm thấy trang" in (site / "404.html").read_text(encoding="utf-8")


def test_fidelity_findings_of_issue_14_are_fixed(site):
    text = lambda path: " ".join(TAG.sub("", (site / path).read_text(encoding="utf-8")).split())
    quick = text("doc-nhanh.html")
    assert "nâng cao chất lượng, hiệu quả hoạt động của đội ngũ cán bộ Công đoàn" in quick
    assert "cải thiện điều kiện làm việc" in quick and "MTTQ Việt Nam tỉnh Lai Châu — thực hiện Nghị" in quick
    assert "căn cứ đầu tiên" not in text("van-ban/1447-tld-qhld.html")
    assert "mục I.2" not in text("van-ban/15-ctr-ldld.html")
    assert "Mời báo cáo viên" in text("hoi-nghi.html") and "To be invited" in text("en/hoi-nghi.html")
    assert "định hướng một số" in text("ke-hoach.html") and "orientations for a number of" in text("en/ke-hoach.html")


def test_a_straight_quote_in_the_first_lines_stays_inside_the_description(project_copy, tmp_path):
    """Material prints `page.meta.description` into its attribute as it is; ours is escaped."""
    page = project_copy / "docs" / "hoi-nghi.md"
    front, _, body = page.read_text(encoding="utf-8").partition("\n---\n")
    lines = body.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1
    lines[at:at] = ["", 'Hội nghị "quán triệt" <b>một</b> ngày.']
    page.write_text(front + "\n---\n" + "\n".join(lines), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "out" / "hoi-nghi.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Hội nghị &quot;quán triệt&quot; một ngày.' in html
