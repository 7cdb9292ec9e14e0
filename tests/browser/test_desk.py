"""The editors' desk in Chromium, at 360 px and 1280 px, driven by the names an editor reads: a
Word file made here becomes a reviewed page and a published release; undo; rollback; the guards
(forged Host, token-less POST, login beyond loopback, a hostile file); axe-core on every screen."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import import_samples as samples
from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import start_desk, stop_desk

PUBLISH_TIMEOUT = 600_000
SCREENS = ["", "nhap", "trang", "trang/van-ban/15-ctr-tu", "trang/ke-hoach", "dang"]


def word_file(folder: Path) -> Path:
    path = folder / "ke-hoach-mau.docx"
    samples.write_docx(samples.SAMPLES["ke-hoach-mau"], path)
    return path


def fits(page) -> None:
    """No sideways scrolling at this width."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url


def publish(page) -> None:
    """"Đăng lên mạng nội bộ", waited for as long as a build, its checks and the PDF take on a busy machine."""
    with page.expect_navigation(timeout=PUBLISH_TIMEOUT):
        page.get_by_role("button", name="Đăng lên mạng nội bộ").click(timeout=PUBLISH_TIMEOUT)
    page.get_by_text("Đã đăng lên mạng nội bộ").wait_for()


def test_from_a_word_file_to_a_published_release(desk_page, desk_url, desk_project, tmp_path):
    page = desk_page
    page.goto(desk_url + "nhap")
    page.get_by_label("Tệp văn bản").set_input_files(str(word_file(tmp_path)))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expected = samples.SAMPLES["ke-hoach-mau"]
    page.get_by_label("Số ký hiệu", exact=True).wait_for(timeout=120_000)  # a busy machine may show the progress first
    for label in ("Loại văn bản", "Số ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Người ký",
                  "Chức vụ", "Nơi nhận", "Thực hiện", "Căn cứ"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    symbol = page.get_by_label("Số ký hiệu", exact=True).input_value()
    assert symbol
    fits(page)
    page.get_by_role("button", name="Lưu trang").click()
    page.wait_for_url(re.compile(r"/trang/van-ban/"))
    assert page.get_by_role("heading", name=symbol).count() == 1
    frame = page.frame_locator('iframe[title="Xem như điện thoại"]')
    assert frame.locator("h1").first.inner_text(timeout=15000)
    assert page.locator('iframe[title="Xem như điện thoại"]').bounding_box()["width"] <= 360
    violations = axe_violations(page, ["serious", "critical"])
    assert not violations, f"an imported page's screen at {page.width}px:\n" + describe(violations)
    page.locator('input[name="giu"]').first.check()
    page.get_by_role("button", name="Chọn điểm chính").click()
    page.get_by_text("Đã lưu các điểm chính").wait_for()
    page.get_by_label("Người duyệt").fill("Nguyễn Văn B, Trưởng ban Tuyên giáo")
    page.get_by_role("button", name="Duyệt trang").click()
    page.get_by_role("button", name="Bỏ duyệt").wait_for()
    stem = page.url.split("/trang/")[1].split("?")[0]
    text = (desk_project / "docs" / f"{stem}.md").read_text(encoding="utf-8")
    assert "nguoi_duyet: Nguyễn Văn B, Trưởng ban Tuyên giáo" in text and "trang_thai: da-duyet" in text
    fits(page)
    page.get_by_role("link", name="Đăng", exact=True).click()
    publish(page)
    assert page.get_by_text("(đang phục vụ)").count() == 1
    assert expected.title[0] in (desk_project / "docs" / f"{stem}.md").read_text(encoding="utf-8")


def test_a_scan_shows_the_page_ocr_reads_then_its_fields(desk_page, desk_url, tmp_path):
    """A scanned PDF of two pages made here: the screen says which page OCR reads, then shows the form."""
    page = desk_page
    page.goto(desk_url + "nhap")
    page.get_by_label("Tệp văn bản").set_input_files(str(samples.write_scanned_pdf(tmp_path)))
    page.get_by_role("button", name="Nhập", exact=True).click()
    progress = page.get_by_role("status").filter(has_text=re.compile(r"Đang đọc bản quét: trang [12]/2"))
    progress.wait_for(timeout=120_000)
    violations = axe_violations(page, ["serious", "critical"])
    assert not violations, f"an import being read at {page.width}px:\n" + describe(violations)
    fits(page)
    page.get_by_label("Số ký hiệu", exact=True).wait_for(timeout=300_000)
    assert page.get_by_role("button", name="Lưu trang").count() == 1
    violations = axe_violations(page, ["serious", "critical"])
    assert not violations, f"a scan's proposed fields at {page.width}px:\n" + describe(violations)
    fits(page)


def test_without_javascript_the_progress_screen_refreshes_itself(browser, desk_url, tmp_path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(desk_url + "nhap")
    page.get_by_label("Tệp văn bản").set_input_files(str(samples.write_scanned_pdf(tmp_path)))
    page.get_by_role("button", name="Nhập", exact=True).click()
    page.get_by_text(re.compile(r"Đang đọc bản quét: trang [12]/2")).wait_for(timeout=120_000)
    page.get_by_label("Số ký hiệu", exact=True).wait_for(timeout=300_000)  # refreshed by the page itself
    assert page.get_by_role("button", name="Lưu trang").count() == 1
    context.close()


def test_the_yaml_shows_only_when_asked_and_an_error_changes_nothing(desk_page, desk_url, desk_project):
    page = desk_page
    file = desk_project / "docs" / "van-ban" / "15-ctr-tu.md"
    before = file.read_text(encoding="utf-8")
    page.goto(desk_url + "trang/van-ban/15-ctr-tu")
    box = page.get_by_label("Phần đầu trang (YAML)")
    assert not box.is_visible()
    page.get_by_text("Xem/sửa YAML", exact=True).click()
    typed = box.input_value()
    assert typed == before.split("---\n")[1]
    box.fill(typed + "khoa_la: 1\n")
    page.get_by_role("button", name="Lưu YAML").click()
    assert "Chưa lưu: phần đầu trang có lỗi, tệp vẫn như cũ." in page.get_by_role("alert").inner_text()
    assert "khoa_la" in page.get_by_role("alert").inner_text() and box.is_visible()
    assert file.read_text(encoding="utf-8") == before
    violations = axe_violations(page, ["serious", "critical"])
    assert not violations, f"the YAML refused at {page.width}px:\n" + describe(violations)
    fits(page)
    box.fill(typed.replace("ten_ngan:", "# Ghi chú của biên tập viên\nten_ngan:"))
    page.get_by_role("button", name="Lưu YAML").click()
    page.get_by_text("Đã lưu trang").wait_for()
    assert "# Ghi chú của biên tập viên\nten_ngan:" in file.read_text(encoding="utf-8")


def ask(item, answer: str) -> None:
    """Fill "Thêm câu hỏi" under a key point: the right answer cut from the point's words, typed choices."""
    item.get_by_text("Thêm câu hỏi cho điểm này").click()
    item.get_by_label("Câu hỏi", exact=True).fill("Kế hoạch giao việc gì?")
    item.get_by_label("Đáp án đúng", exact=True).fill(answer)
    item.get_by_label("Các lựa chọn sai", exact=True).fill("Một việc khác\nViệc thứ ba")
    item.get_by_label("Câu hỏi (en)").fill("What does the plan ask?")
    item.get_by_label("Đáp án đúng (en)").fill("What it says")
    item.get_by_label("Các lựa chọn sai (mỗi dòng một, cùng thứ tự) (en)").fill("Something else\nA third thing")
    item.get_by_label("Giải thích (en)").fill("The plan says so.")
    item.get_by_role("button", name="Thêm câu hỏi").click()


def test_a_quiz_question_is_added_under_the_key_point_it_rests_on(desk_page, desk_url, desk_project):
    page = desk_page
    page.goto(desk_url + "trang/ke-hoach")
    page.get_by_role("heading", name="Câu hỏi ôn tập theo điểm chính").wait_for()
    point = "Đảm bảo các điều kiện tổ chức Hội nghị."
    item = page.locator("ol.points > li", has_text=point)
    assert "Chưa có câu hỏi ôn tập nào dựa trên điểm này." in item.inner_text()
    ask(item, "các điều kiện tổ chức Hội nghị")
    page.get_by_text("Đã thêm câu hỏi ôn tập").wait_for()
    item = page.locator("ol.points > li", has_text=point)
    assert "Kế hoạch giao việc gì?" in item.inner_text() and "Chưa có câu hỏi" not in item.inner_text()
    assert "dap_an: các điều kiện tổ chức Hội nghị" in (desk_project / "docs" / "includes" / "on-tap.yml").read_text(encoding="utf-8")
    violations = axe_violations(page, ["serious", "critical"])
    assert not violations, f"the quiz under key points at {page.width}px:\n" + describe(violations)
    fits(page)


def test_dropping_a_key_point_with_a_question_warns_first(desk_page, desk_url, desk_project, tmp_path):
    page = desk_page
    page.goto(desk_url + "nhap")
    page.get_by_label("Tệp văn bản").set_input_files(str(word_file(tmp_path)))
    page.get_by_role("button", name="Nhập", exact=True).click()
    page.get_by_role("button", name="Lưu trang").click()
    page.wait_for_url(re.compile(r"/trang/van-ban/"))
    page.locator('input[name="giu"]').first.check()
    page.get_by_role("button", name="Chọn điểm chính").click()
    page.get_by_text("Đã lưu các điểm chính").wait_for()
    item = page.locator("ol.points > li").first
    quote = item.locator("q").first.inner_text()
    ask(item, " ".join(quote.split()[:3]))
    page.get_by_text("Đã thêm câu hỏi ôn tập").wait_for()
    page.locator('input[name="giu"]').first.uncheck()
    page.get_by_role("button", name="Chọn điểm chính").click()
    warning = page.get_by_role("alert").filter(has_text="có câu hỏi ôn tập dựa trên điểm chính sắp bỏ")
    assert "Kế hoạch giao việc gì?" in warning.inner_text()
    violations = axe_violations(page, ["serious", "critical"])
    assert not violations, f"the warning before dropping a key point at {page.width}px:\n" + describe(violations)
    fits(page)
    page.get_by_role("button", name="Vẫn bỏ các điểm này").click()
    page.get_by_text("Đã lưu các điểm chính").wait_for()
    assert page.locator("ol.points").count() == 0  # no kept point left, no question under one


def test_undo_and_rollback(browser, desk_url, desk_project):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    file = desk_project / "docs" / "van-ban" / "15-ctr-tu.md"
    before = file.read_text(encoding="utf-8")
    page.goto(desk_url + "trang")
    page.get_by_role("link", name="15-CTr/TU", exact=True).click()
    page.get_by_label("Người duyệt").fill("Nguyễn Văn B, Trưởng ban")
    page.get_by_role("button", name="Duyệt trang").click()
    page.get_by_role("button", name="Bỏ duyệt").wait_for()
    page.get_by_role("button", name="Hoàn tác").click()
    page.get_by_text("Đã hoàn tác").wait_for()
    assert file.read_text(encoding="utf-8") == before
    # Two releases, then back to the first
    page.get_by_label("Người duyệt").fill("Nguyễn Văn B, Trưởng ban")
    page.get_by_role("button", name="Duyệt trang").click()
    page.goto(desk_url + "dang")
    for _ in range(2):
        publish(page)
    page.get_by_role("button", name="Quay lại bản này").click()
    page.get_by_text("Đã quay lại bản đã chọn").wait_for()
    current = page.locator(".releases li", has_text="(đang phục vụ)").inner_text()
    releases = page.locator(".releases li").all_inner_texts()
    assert current == releases[-1]  # newest first: the older one serves now
    page.close()


def test_a_forged_host_and_a_post_without_token_are_refused(browser, desk_url, desk_project):
    port = desk_url.rsplit(":", 1)[1].strip("/")
    request = urllib.request.Request(desk_url, headers={"Host": f"rebound.example:{port}"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 400
    page = browser.new_page()
    page.goto(desk_url)
    before = (desk_project / "docs" / "van-ban" / "15-ctr-tu.md").read_text(encoding="utf-8")
    status = page.evaluate("""async () => {
        const body = new URLSearchParams({nguoi_duyet: "Kẻ giả mạo"});
        return (await fetch("/trang/van-ban/15-ctr-tu/duyet", {method: "POST", body})).status; }""")
    assert status == 403
    assert (desk_project / "docs" / "van-ban" / "15-ctr-tu.md").read_text(encoding="utf-8") == before
    page.close()


def test_login_when_listening_beyond_loopback(browser, desk_project, tmp_path):
    from hoctap.desk.security import hash_password

    password_file = tmp_path / "mat-khau"
    password_file.write_text(hash_password("một mật khẩu dài") + "\n", encoding="utf-8")
    process, url = start_desk(desk_project, tmp_path / "publish", "--listen", "0.0.0.0",
                              "--password-file", str(password_file))
    try:
        page = browser.new_page()
        page.goto(url)
        assert page.url.endswith("/dang-nhap")
        page.get_by_label("Mật khẩu").fill("sai")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_text("Mật khẩu không đúng").wait_for()
        page.get_by_label("Mật khẩu").fill("một mật khẩu dài")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("heading", name="Việc cần làm").wait_for()
        page.close()
    finally:
        stop_desk(process)


def test_a_hostile_upload_is_answered_with_a_message(desk_page, desk_url, tmp_path):
    hostile = tmp_path / "quyet-dinh.docx"
    hostile.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    desk_page.goto(desk_url + "nhap")
    desk_page.get_by_label("Tệp văn bản").set_input_files(str(hostile))
    desk_page.get_by_role("button", name="Nhập", exact=True).click()
    alert = desk_page.get_by_role("alert")
    assert "Không nhập được tệp này" in alert.inner_text()
    assert "Traceback" not in desk_page.content()
    fits(desk_page)


def test_every_screen_passes_axe(desk_page, desk_url):
    for screen in SCREENS:
        desk_page.goto(desk_url + screen)
        violations = axe_violations(desk_page, ["serious", "critical"])
        assert not violations, f"/{screen} at {desk_page.width}px:\n" + describe(violations)
        fits(desk_page)
