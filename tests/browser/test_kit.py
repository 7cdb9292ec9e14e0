"""The speaker's and learner's kit in a phone's browser: the quiz answers right and wrong, offline;
the map's and timeline's boxes open existing pages; a printed page carries no navigation."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from hoctap.registry import quiz
from hoctap.registry.documents import Registry

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def questions():
    return quiz.load(DOCS / quiz.FILE, DOCS, ROOT / "sources", ("en",)).questions


def local_file(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_quiz_right_and_wrong_answers(phone, site, questions):
    phone.goto((site / "on-tap.html").as_uri())  # file://: nothing to fetch, no server
    first, second = questions[0], questions[1]

    form = phone.locator(f"#{first.id}")
    group = form.get_by_role("group", name=first.hoi)  # fieldset + legend: one named radio group
    group.get_by_role("radio", name=first.dap_an).check()
    form.get_by_role("button", name="Trả lời").click()
    feedback = form.get_by_role("status")
    assert feedback.inner_text() == "Đúng."
    explain = form.locator(".ht-quiz__explain")
    assert explain.is_visible() and first.giai_thich in explain.inner_text()
    link = explain.get_by_role("link")
    assert local_file(link.evaluate("a => a.href")).is_file(), "the explanation links to a real page"

    wrong = next(choice for choice in second.lua_chon if choice != second.dap_an)
    form = phone.locator(f"#{second.id}")
    form.get_by_role("radio", name=wrong).check()
    form.get_by_role("button", name="Trả lời").click()
    assert form.get_by_role("status").inner_text() == f"Chưa đúng. Đáp án đúng: {second.dap_an}"
    assert form.locator(".ht-quiz__explain").is_visible()

    total = len(questions)
    score = phone.locator("[data-ht-quiz-score]")
    assert score.inner_text() == f"Đúng 1/{total} câu (đã trả lời 2 câu)."
    # The first answer counts: after a wrong answer the question is locked, resubmitting scores nothing
    assert form.get_by_role("radio", name=second.dap_an).is_disabled()
    assert form.get_by_role("button", name="Trả lời").is_disabled()
    form.evaluate("f => f.requestSubmit()")
    assert score.inner_text() == f"Đúng 1/{total} câu (đã trả lời 2 câu)."

    phone.reload()  # the answers stay on the device, and show as they were
    assert phone.locator("[data-ht-quiz-score]").inner_text() == f"Đúng 1/{total} câu (đã trả lời 2 câu)."
    for question, picked, feedback in ((first, first.dap_an, "Đúng."),
                                       (second, wrong, f"Chưa đúng. Đáp án đúng: {second.dap_an}")):
        form = phone.locator(f"#{question.id}")
        assert form.get_by_role("radio", name=picked).is_checked()
        assert form.get_by_role("radio", name=picked).is_disabled()
        assert form.get_by_role("status").inner_text() == feedback
        assert form.locator(".ht-quiz__explain").is_visible()
    third = phone.locator(f"#{questions[2].id}")
    assert not third.get_by_role("radio").first.is_disabled() and not third.locator(".ht-quiz__explain").is_visible()
    assert phone.requests and all(url.startswith("file:") for url in phone.requests)


def test_quiz_page_has_no_editors_note(site):
    """A `# comment` in hoi-nghi.md's front matter was read as its title ("On the timeline: …")."""
    html = (site / "on-tap.html").read_text(encoding="utf-8")
    assert "On the timeline" not in html and "Hội nghị quán triệt › Ai tham dự" in html


def test_english_quiz(phone, site, questions):
    phone.goto((site / "en/on-tap.html").as_uri())
    first = questions[0]
    english = first.translations["en"]
    form = phone.locator(f"#{first.id}")
    form.get_by_role("group", name=english["hoi"]).get_by_role("radio", name=english["lua_chon"][first.answer_index]).check()
    form.get_by_role("button", name="Answer").click()
    assert form.get_by_role("status").inner_text() == "Correct."
    explain = form.locator(".ht-quiz__explain")
    assert english["giai_thich"] in explain.inner_text()
    # the page it points to is in English where translated; else the link says, before it, that it is Vietnamese
    for n, question in enumerate(questions):
        text = phone.locator(f"#{question.id} .ht-quiz__explain").inner_text()
        href = phone.locator(f"#{question.id} .ht-quiz__explain a").evaluate("a => a.href")
        assert text.startswith(question.translations["en"]["giai_thich"]), n
        assert ("/en/" in href) != ("See: (in Vietnamese) " in text), n
    assert phone.locator("[data-ht-quiz-score]").inner_text() == f"1/{len(questions)} correct (1 answered)."


def test_quiz_by_keyboard(phone, site_url, questions):
    phone.goto(site_url + "on-tap.html")
    third = questions[2]
    form = phone.locator(f"#{third.id}")
    form.get_by_role("button", name="Trả lời").focus()
    phone.keyboard.press("Enter")
    assert form.get_by_role("status").inner_text() == "Hãy chọn một đáp án."
    form.get_by_role("radio").first.focus()
    for _ in range(third.answer_index):
        phone.keyboard.press("ArrowDown")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert form.get_by_role("status").inner_text() == "Đúng."
    assert form.get_by_role("status").get_attribute("aria-live") == "polite"


def test_map_and_timeline_nodes_open_existing_pages(phone, site):
    phone.goto((site / "ban-do.html").as_uri())
    registry = Registry.load(DOCS)
    figures = phone.locator("figure.ht-diagram")  # each a stack of SVG pieces
    assert figures.count() == 2
    for i in range(2):
        hrefs = figures.nth(i).locator("svg a").evaluate_all("links => links.map(a => a.href.baseVal || a.href)")
        resolved = {phone.evaluate("h => new URL(h, location.href).href", h) for h in hrefs}
        for url in resolved:
            assert local_file(url).is_file(), url
        expected = {(site / (d.page.stem + ".html")).as_uri() for d in registry.documents}
        assert expected <= resolved, "every document is on the map and on the timeline"
    assert (site / "hoi-nghi.html").as_uri() in resolved, "the study conference is on the timeline"

    box = figures.first.locator("svg a rect").first.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= 360, "tappable and within the phone's width"
    with phone.expect_navigation():
        figures.first.locator("svg a").first.tap()  # the plan, at the top of the map
    assert phone.url.endswith("/ke-hoach.html")
    assert phone.locator("aside.ht-card").is_visible()
    assert all(url.startswith("file:") for url in phone.requests), "no request leaves the site"


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


NAVIGATION = ["Hướng dẫn biên tập", "Đọc nhanh", "Bản đồ văn bản", "Đến nội dung chính"]


def test_printed_document_page_has_no_navigation(phone, site_url, tmp_path):
    phone.goto(site_url + "van-ban/03-ctr-ldld.html")
    screen = phone.locator("body").inner_text()
    assert all(label in screen for label in NAVIGATION), "the screen page has the navigation"
    assert phone.get_by_role("button", name="In trang này").is_visible()
    phone.emulate_media(media="print")
    text = pdf_text(phone.pdf(format="A4"), tmp_path)
    for label in NAVIGATION:
        assert label not in text, f"navigation {label!r} printed"
    assert "In trang này" not in text
    # the page's own text first; the card, folded on screen, is printed open after it
    assert text.index("Trọng tâm theo Kế hoạch") < text.index("Số ký hiệu") < text.index("Tình trạng")
    assert "LĐLĐ (Liên đoàn Lao động)" in " ".join(text.split()), "abbreviations are spelled out on paper"
    assert f"<{site_url}bao-cao-vien.html#phieu-03-ctr-ldld>" in " ".join(text.split()).replace("- ", "-"), \
        "links print their address"


@pytest.mark.parametrize("n", range(7))
def test_print_one_speaker_sheet(phone, site_url, tmp_path, n):
    """Every sheet, the longest included, prints on one A4 page (issue 24: as in the PDF)."""
    phone.goto(site_url + "bao-cao-vien.html")
    phone.evaluate("window.print = () => { window.printed = true; }")  # headless: no dialog to open
    sheet = phone.locator("section.ht-sheet").nth(n)
    sheet.get_by_role("button", name="In phiếu này").click()
    assert phone.evaluate("window.printed")
    heading = sheet.locator("h2").inner_text().strip("¶ \n")
    text = pdf_text(phone.pdf(format="A4"), tmp_path)
    assert text.count("\f") == 1, "one sheet, one page"
    assert " ".join(heading.split()) in " ".join(text.split())
    assert "Câu hỏi gợi ý thảo luận" in text and "Ghi chú của báo cáo viên" in text
    assert "Phiếu báo cáo viên" in text and text.count("Phiếu báo cáo viên") == 1


@pytest.mark.parametrize("path", ["bao-cao-vien.html"])
def test_pdf_link_resolves(phone, site, path):
    phone.goto((site / path).as_uri())
    href = phone.locator("a.md-button[href$='.pdf']").evaluate("a => a.href")
    assert local_file(href).read_bytes().startswith(b"%PDF-")
