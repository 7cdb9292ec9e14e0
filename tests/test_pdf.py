"""The combined PDF "Tài liệu học tập": every document, intact Vietnamese, a true table of contents,
embedded fonts. Read back with poppler's pdftotext/pdffonts, as a reader's viewer would."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from hoctap.publish.pdf import page_url, section_key, sections
from hoctap.text.pages import PDF_NAME
from hoctap.registry.documents import Registry

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_BLOCK = re.compile(r"<(p|li|h[1-3]|td|dd)\b[^>]*>(.*?)</\1>", re.S)


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks and justification differ, the characters must not."""
    return re.sub(r"\s+", "", text)


def plain(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.fixture(scope="module")
def pdf(site) -> Path:
    return site / PDF_NAME


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    """The text of each page, as pdftotext lays it out."""
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(DOCS)


def test_text_is_nfc_vietnamese(pages):
    text = "".join(pages)
    assert unicodedata.normalize("NFC", text) == text
    assert "\u00d0" not in text, "Ð (U+00D0) instead of Đ"
    assert "Đ" in text and "Ủy" in text and "khóa" in text


def test_every_document_symbol_and_title(pages, registry):
    text = squeeze("".join(pages))
    for document in registry.catalogue():
        if document.so_ky_hieu:
            assert squeeze(document.so_ky_hieu) in text, document.so_ky_hieu
        assert squeeze(document.trich_yeu) in text, document.trich_yeu


def test_pages_text_identical_to_the_site(pages, registry, site):
    """Every paragraph, item, heading and card field of every document page, character for character."""
    text = squeeze("".join(pages))
    checked = 0
    for document in registry.catalogue():
        built = (site / page_url(document)).read_text(encoding="utf-8")
        article = built.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        article = re.sub(r'<div class="[^"]*\bht-no-pdf\b.*?</div>', "", article, flags=re.S)  # site-only hints
        for _, inner in _BLOCK.findall(article):
            if "<a " in inner or "<ul" in inner:  # links get their page number after them in print
                continue
            expected = squeeze(plain(inner))
            if expected:
                assert expected in text, f"{page_url(document)}: {plain(inner)!r} is not in the PDF"
                checked += 1
    assert checked > 100


def test_table_of_contents_page_numbers_match(pages, registry, site):
    """Each number in the table of contents is the page where that section's title stands, and the
    page's running header and footer agree."""
    expected = sections(registry, site)
    assert [s.key for s in expected if s.document] == [section_key(page_url(d)) for d in registry.catalogue()], \
        "every document, in catalogue order"
    toc_start = next(i for i, page in enumerate(pages) if "Mục lục" in page)
    numbers = []
    for page in pages[toc_start:]:
        numbers += [int(n) for n in re.findall(r"(?:\. ){3,}\.?\s*(\d+)\s*$", page, re.M)]
        if len(numbers) >= len(expected):
            break
    assert len(numbers) == len(expected)
    assert numbers == sorted(numbers) and numbers[0] > toc_start + 1
    for section, number in zip(expected, numbers):
        heading = plain(re.search(r"<h1\b[^>]*>(.*?)</h1>", section.body, re.S).group(1))
        page = pages[number - 1]
        assert squeeze(page.splitlines()[0]) == squeeze(heading), f"TOC says page {number} for {heading!r}"
        assert squeeze(heading) in squeeze("\n".join(page.splitlines()[1:])), "the title stands on the page"
        assert squeeze(pages[number - 2].splitlines()[0]) != squeeze(heading), "the section starts on that page"
        assert f"Trang{number}/{len(pages)}" in squeeze(page), "page footer numbering"


def test_fonts_are_embedded(pdf):
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", f"{name} is not embedded"
        assert "DejaVu" in name, f"{name}: not the Vietnamese-complete font"


def test_hoctap_pdf_verb(site, tmp_path):
    out = tmp_path / "tai-lieu.pdf"
    result = subprocess.run([sys.executable, "-m", "hoctap.cli", "pdf", "-d", str(site), "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_hoctap_pdf_without_a_built_site(tmp_path):
    result = subprocess.run([sys.executable, "-m", "hoctap.cli", "pdf", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r"site/van-ban/[\w-]+\.html:1:1: P001 page is not built", result.stderr)
    assert "Traceback" not in result.stderr


# -- the kit on paper (issue 14, item 12) and QR codes (issue 17) ------------------------------------

from hoctap.publish.pdf import KIT_AFTER, KIT_BEFORE, combined_html  # noqa: E402
from tests.conftest import SITE_URL  # noqa: E402
from tests.qr import decoded_pages  # noqa: E402

SCREEN_WORDS = re.compile(r"\b(chạm|bấm|nhấn|nhấp|click|tap|tải về|Tải bài|Tải “)", re.I)


def test_the_kit_is_in_the_pdf_in_order(pages, registry, site):
    """Quick read, conference, map first; the documents in catalogue order; then the speaker sheets,
    the quiz with its answers after the last question, the glossary."""
    keys = [s.key for s in sections(registry, site)]
    documents = [section_key(page_url(d)) for d in registry.catalogue()]
    kit = [section_key(u) for u in KIT_BEFORE] + documents + [section_key(u) for u in KIT_AFTER]
    assert keys == kit
    text = squeeze("".join(pages))
    for heading in ("Đọc nhanh cho đoàn viên", "Hội nghị quán triệt", "Chuẩn bị bài nói cho báo cáo viên", "Ôn tập"):
        assert squeeze(heading) in text, heading
    for programme in ("15-CTr/TU", "18-CTr/TU", "03/CTr-MTTQ-UB", "15/CTr-LĐLĐ", "01/CTr-LĐLĐ", "02/CTr-LĐLĐ", "03/CTr-LĐLĐ"):
        assert squeeze(f"Phiếu báo cáo viên: {programme}") in text, programme
    quiz = text[text.index("Câu1."):]
    last_question, answers = quiz.index("Câu12."), quiz.index("Đápán")
    assert last_question < answers, "the answers come after every question"
    assert re.search(r"Câu1\.[A-D]\.", quiz[answers:]), "each answer gives its letter"


def test_every_cross_reference_names_its_page(site, registry, pages):
    """Every link inside the PDF leads to a part of it, and prints that part's page number."""
    document = combined_html(registry, site, "x")
    ids = set(re.findall(r'\bid="([^"]+)"', document))
    internal = re.findall(r'<a\b[^>]*href="#([^"]*)"[^>]*>', document)
    assert len(internal) > 50
    assert not [href for href in internal if href not in ids], "links to nowhere"
    links = re.findall(r'<a\b[^>]*href="([^"#][^"]*)"', document)
    assert all(h.startswith(("http:", "https:", "mailto:")) for h in links), [h for h in links if not h.startswith("http")]
    text = squeeze("".join(pages))
    # a box of the map is a link too, its page given in the key under the drawing
    prose = re.sub(r"<svg\b.*?</svg>", "", document, flags=re.S)
    assert text.count("(tr.") == len(re.findall(r'class="ht-internal"', prose))
    assert "XemHộinghịquántriệt(tr." in text, "the plan's pointer to the conference has its page"


def test_no_screen_instructions_in_the_pdf(pages):
    found = [(n, m.group(0)) for n, page in enumerate(pages, 1) for m in SCREEN_WORDS.finditer(page)]
    assert not found, found


def test_nothing_is_cut_in_the_pdf(pages, registry, site):
    """An ellipsis in the PDF is one the content itself writes (a quotation's elision), never a cut;
    the map's and timeline's keys give every title in full."""
    sources = squeeze("".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md")) +
                      "".join(p.read_text(encoding="utf-8") for p in (DOCS / "includes").glob("*.yml")))
    sources = re.sub(r"[`*]", "", sources)  # code and emphasis marks are not printed
    text = squeeze("".join(pages))
    for match in re.finditer("…", text):
        before = text[max(0, match.start() - 12):match.end()]
        assert before in sources, f"cut text in the PDF: {before!r}"
    drawings = next(s for s in sections(registry, site) if s.key == section_key("ban-do.html"))
    keys = squeeze(plain(drawings.body))
    for document in registry.catalogue():
        assert keys.count(squeeze(document.trich_yeu)) >= 2, f"map and timeline keys: {document.ma}"


def test_each_document_has_the_qr_code_of_its_page(site_with_url, registry):
    pdf = site_with_url / PDF_NAME
    decoded = decoded_pages(pdf)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout.split("\f")
    for document in registry.catalogue():
        url = SITE_URL + page_url(document)
        where = [n for n, codes in enumerate(decoded) if url in codes]
        assert where, f"no QR code for {url}"
        built = (site_with_url / page_url(document)).read_text(encoding="utf-8")
        heading = squeeze(plain(re.search(r"<h1\b[^>]*>(.*?)</h1>", built, re.S).group(1)))
        assert any(squeeze(text[n].splitlines()[0]) == heading for n in where), f"{url}: not beside its document"
    every = {code for codes in decoded for code in codes}
    assert every <= {SITE_URL + page_url(d) for d in registry.documents}, every


def test_without_a_site_url_no_qr_code(pdf):
    assert not any(decoded_pages(pdf, dpi=100)), "a QR code needs the site's address"


def test_the_contents_name_each_document_once(pages):
    """Issue 24: a resolution without a symbol read "Nghị quyết Nghị quyết Đại hội…" in the contents."""
    toc = squeeze("".join(pages[:6]))
    assert "NghịquyếtNghịquyết" not in toc and "NghịquyếtĐạihộiCôngđoàntỉnhLaiChâulầnthứXIV" in toc


def test_the_map_and_timeline_boxes_show_each_documents_subject(registry, site):
    """Issue 24: on paper the boxes kept only their symbols; a box says what the document is about."""
    from hoctap.render.diagram import about

    drawings = next(s for s in sections(registry, site) if s.key == section_key("ban-do.html"))
    boxes = squeeze(html.unescape(" ".join(re.findall(r'class="ht-svg__text"[^>]*>([^<]*)</text>', drawings.body))))
    for document in registry.catalogue():
        assert boxes.count(squeeze(about(document))) >= 2, document.ma  # on the map and on the timeline


def test_each_speaker_sheet_is_one_a4_page(site_with_url):
    """Issue 24: each "one-page" sheet took two pages; with its QR code it fits one, the notes included."""
    pdf = site_with_url / PDF_NAME
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout.split("\f")
    starts = [n for n, page in enumerate(text) if "Phiếu báo cáo viên:" in page]
    assert len(starts) == 7
    for n in starts:
        assert "Ghi chú của báo cáo viên" in text[n], text[n].splitlines()[2]
    assert starts == list(range(starts[0], starts[0] + 7)), "one page each, nothing of a sheet on the next page"
    assert "Ôn tập" in text[starts[-1] + 1].splitlines()[0]
