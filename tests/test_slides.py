"""The slide decks: one per study programme, opened by LibreOffice Impress (headless, converting each to
PDF, as a speaker's machine would open it) with the slide count the content gives, cited, linked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import DOCS, ROOT, SITE_URL
from tests.qr import decoded_pages
from hoctap.registry.documents import Registry
from hoctap.sharing.slides import KEPT_DAYS, Deck, Slide, deck_path, write, write_kept
from hoctap.text.clauses import is_whole

REGISTRY = Registry.load(DOCS)
PROGRAMMES = [d for d in REGISTRY.catalogue() if d.ma in REGISTRY.study_order]
FOCUS = yaml.safe_load((DOCS / "includes" / "bao-cao-vien.yml").read_text(encoding="utf-8"))["chuong_trinh"]


def expected_slides(document) -> int:
    """Title, what the plan says of it, its focus areas in bao-cao-vien.yml as one list (if it has
    any), closing (the site's address is known)."""
    return 1 + 1 + (1 if FOCUS.get(document.ma) else 0) + 1


@pytest.fixture(scope="module")
def converted(site_with_url, tmp_path_factory) -> Path:
    """Every deck converted to PDF by LibreOffice Impress in one headless run, with its own profile."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("soffice is missing: run `make setup` (Debian's libreoffice-impress)")
    out = tmp_path_factory.mktemp("decks")
    decks = [str(site_with_url / deck_path(d)) for d in PROGRAMMES]
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out), *decks],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.mark.parametrize("document", PROGRAMMES, ids=lambda d: d.ma)
def test_libreoffice_opens_each_deck_with_its_slides(converted, document):
    pdf = converted / (Path(deck_path(document)).stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice could not open {deck_path(document)}"
    assert pdf_pages(pdf) == expected_slides(document)


@pytest.mark.parametrize("document", PROGRAMMES, ids=lambda d: d.ma)
def test_deck_content_is_the_programme_cited(site_with_url, document):
    from pptx import Presentation

    deck = Presentation(site_with_url / deck_path(document))
    slides = list(deck.slides)
    text = lambda slide: " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    notes = lambda slide: slide.notes_slide.notes_text_frame.text
    assert document.so_ky_hieu in text(slides[0]) and (document.ten_ngan or document.trich_yeu) in text(slides[0])
    assert document.trich_yeu in notes(slides[0]), "the trích yếu as issued, for the speaker"
    assert document.co_quan_ban_hanh in text(slides[0])
    focus = FOCUS.get(document.ma) or []
    if focus:  # one list, as many items as the data has: the same number on page, sheet and deck
        items = [p.text for p in slides[2].shapes[1].text_frame.paragraphs]
        assert items == [f"• {f['noi_dung']}" for f in focus], "each focus area verbatim, one bullet each"
    for slide in slides[1:-1]:
        assert "Nguồn: Kế hoạch ngày 31/3/2026, mục " in text(slide)
        quoted = notes(slide).split("Nguyên văn: “", 1)[1].split("”", 1)[0]
        assert is_whole(ROOT / "sources", document.nguon[0], quoted), "whole clauses, never cut inside one"
        assert ".txt" not in text(slide) + notes(slide), "file names stay in the editors' tools"
    quote = text(slides[1]).split("“", 1)[1].split("”", 1)[0]
    assert is_whole(ROOT / "sources", document.nguon[0], quote)
    awaiting = not document.page.meta.get("toan_van")
    assert all(("Đang chờ văn bản chính thức" in notes(s)) == awaiting for s in slides)
    assert not any("Đang chờ" in text(s) for s in slides), "an organisers' caveat is for the speaker notes"
    assert SITE_URL + document.page.stem + ".html" in text(slides[-1])


def test_closing_slide_qr_code_opens_the_programme(converted):
    for document in PROGRAMMES:
        pages = decoded_pages(converted / (Path(deck_path(document)).stem + ".pdf"), dpi=60)
        assert pages[-1] == [SITE_URL + document.page.stem + ".html"], document.ma


def test_without_an_address_no_slide_shows_a_path(tmp_path):
    """A closing slide without the site's address had only a bare path to show: it is left out, and
    the path goes to the speaker notes; no audience slide shows an organisers' note."""
    from pptx import Presentation

    from hoctap.sharing.slides import outline

    document = next(d for d in PROGRAMMES if d.so_ky_hieu == "03/CTr-LĐLĐ")
    focus = [(f["noi_dung"], f["nguon"]) for f in FOCUS["03/CTr-LĐLĐ"]]
    deck = outline(document, focus, ROOT / "sources", "Kế hoạch ngày 31/3/2026", "21/01/2026", None)
    assert deck.slide_count == 3
    slides = list(Presentation(write(deck, tmp_path / "d.pptx")).slides)
    shown = " ".join(shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame)
    assert len(slides) == 3 and ".html" not in shown and "Đang chờ" not in shown
    assert "van-ban/03-ctr-ldld.html" in slides[-1].notes_slide.notes_text_frame.text
    assert "lương, tiền thưởng, thời giờ làm việc, thời giờ nghỉ ngơi" in shown  # the whole clause, not its line


def test_decks_are_linked_from_the_speaker_page_and_the_programme_page(site_with_url):
    sheets = (site_with_url / "bao-cao-vien.html").read_text(encoding="utf-8")
    for document in PROGRAMMES:
        assert f'href="{deck_path(document)}"' in sheets, document.ma
        own = (site_with_url / (document.page.stem + ".html")).read_text(encoding="utf-8")
        assert f'href="../{deck_path(document)}"' in own, document.ma
        assert (site_with_url / deck_path(document)).is_file()


def test_a_deck_is_the_same_file_each_build_and_names_no_one_else(tmp_path):
    """Two builds of the same content publish the same deck (no save time inside), and its
    properties name the federation, not the template's author."""
    registry = Registry.load(DOCS)
    document = next(d for d in registry.documents if d.so_ky_hieu == "15-CTr/TU")
    deck = lambda: Deck(document, "15-CTr/TU", "Chủ đề", "04/3/2026", [Slide("Ý", ["Lời"], "Nguồn", "Nguyên văn")],
                        url=SITE_URL)
    first = write(deck(), tmp_path / "a.pptx").read_bytes()
    time.sleep(2.1)  # a zip's timestamps count in two-second steps
    second = write(deck(), tmp_path / "b.pptx").read_bytes()
    assert first == second
    core = zipfile.ZipFile(tmp_path / "a.pptx").read("docProps/core.xml").decode()
    assert "Steve Canny" not in core and "python-pptx" not in core
    assert "<cp:lastModifiedBy>Liên đoàn Lao động tỉnh Lai Châu</cp:lastModifiedBy>" in core


def test_a_kept_deck_is_used_only_while_its_content_is_the_same(tmp_path):
    """A build copies the deck an earlier build laid out from the same content; a changed programme
    gets a new deck, and a kept deck no build has used for KEPT_DAYS is removed."""
    registry = Registry.load(DOCS)
    document = next(d for d in registry.documents if d.so_ky_hieu == "15-CTr/TU")
    deck = lambda words: Deck(document, "15-CTr/TU", "Chủ đề", "04/3/2026", [Slide("Ý", [words], "Nguồn", words)])
    from pptx import Presentation

    kept = tmp_path / "kept"
    [first] = write_kept([deck("Lời")], tmp_path / "a", kept)
    assert first.read_bytes() == write(deck("Lời"), tmp_path / "fresh.pptx").read_bytes()
    [old] = list(kept.glob("*.pptx"))
    old.write_bytes(b"kept")  # what a build reads only when it does not lay the deck out again
    [again] = write_kept([deck("Lời")], tmp_path / "b", kept)
    assert again.read_bytes() == b"kept"
    [changed] = write_kept([deck("Lời khác")], tmp_path / "c", kept)
    assert "Lời khác" in " ".join(shape.text_frame.text for s in Presentation(changed).slides for shape in s.shapes
                                  if shape.has_text_frame)
    assert old.exists() and len(list(kept.glob("*.pptx"))) == 2  # used a moment ago: kept
    long_ago = time.time() - (KEPT_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    write_kept([deck("Lời khác")], tmp_path / "d", kept)
    assert not old.exists() and len(list(kept.glob("*.pptx"))) == 1
