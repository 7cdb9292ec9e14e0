"""The editors' desk in process (Starlette's TestClient): every screen, the import from a Word file
made here to a reviewed page, the history and its undo, and the guards (Host, CSRF, login, size,
hostile files, writes through a link)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from hoctap.desk.app import MAX_UPLOAD, Desk, make_app
from hoctap.desk.security import hash_password, served_hosts
from hoctap.importing import import_file
from tests import import_samples as samples

HOST = "testserver"
ROOT = Path(__file__).resolve().parent.parent


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def outside(tmp_path_factory) -> Path:
    """A folder outside the project (project_copy is tmp_path itself): uploads, publishes, twins."""
    return tmp_path_factory.mktemp("outside")


@pytest.fixture
def desk(project_copy, outside) -> Desk:
    _git(project_copy, "init", "-q")
    _git(project_copy, "add", ".")
    _git(project_copy, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    return Desk(project_copy / "mkdocs.yml", hosts=frozenset({HOST}), publish_to=outside / "publish",
                site_url="http://intranet.test/hoc-tap/", work_dir=outside / "work")


@pytest.fixture
def client(desk) -> TestClient:
    return TestClient(make_app(desk), base_url=f"http://{HOST}")


def token(client: TestClient, path: str = "/nhap") -> str:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)


def word_file(tmp_path: Path, name: str = "ke-hoach-mau") -> Path:
    path = tmp_path / f"{name}.docx"
    samples.write_docx(samples.SAMPLES[name], path)
    return path


def upload(client: TestClient, path: Path, content: bytes | None = None):
    """"Nhập", then its screen until the reading is over, as the screen refreshes itself."""
    answer = client.post("/nhap", data={"csrftoken": token(client)},
                         files={"tep": (path.name, content if content is not None else path.read_bytes())})
    deadline = time.monotonic() + 300
    while "data-status-url" in answer.text and time.monotonic() < deadline:
        time.sleep(0.3)
        answer = client.get(answer.url)
    return answer


def test_every_screen_answers_in_vietnamese(client):
    for path, heading in (("/", "Việc cần làm"), ("/nhap", "Nhập văn bản"), ("/trang", "Các trang"), ("/dang", "Đăng")):
        page = client.get(path)
        assert page.status_code == 200
        assert f"<h1>{heading}</h1>" in page.text
        assert 'lang="vi"' in page.text


def test_pages_are_listed_by_symbol_with_their_states(client):
    page = client.get("/trang").text
    assert '<a href="/trang/van-ban/15-ctr-tu">15-CTr/TU</a>' in page
    assert "dự thảo" in page


def test_a_word_file_becomes_the_page_hoctap_import_writes(client, desk, outside):
    source = word_file(outside)
    proposed = upload(client, source)
    assert proposed.status_code == 200, proposed.text
    expected = import_file(source)
    assert f'value="{expected.fields.so_ky_hieu}"' in proposed.text
    assert "Lưu trang" in proposed.text and 'for="f-so_ky_hieu">Số ký hiệu</label>' in proposed.text
    # Nothing in docs/ until it is saved
    assert not list(desk.docs_dir.rglob("ke-hoach-mau*")) and not _git(desk.root, "status", "--porcelain")
    upload_id = re.search(r'name="tai_len" value="([^"]+)"', proposed.text).group(1)
    fields = dict(re.findall(r'<input id="f-\w+" name="(\w+)" value="([^"]*)"', proposed.text))
    fields.update({name: text.strip() for name, text in
                   re.findall(r'<textarea id="f-\w+" name="(\w+)"[^>]*>([^<]*)</textarea>', proposed.text)})
    saved = client.post("/nhap/luu", data={"csrftoken": token(client), "tai_len": upload_id, "ten_bien_tap": "Lò Văn A",
                                           **{k: v.replace("&#34;", '"') for k, v in fields.items()}},
                        follow_redirects=False)
    assert saved.status_code == 303
    page_path = saved.headers["location"].split("?")[0].removeprefix("/trang/")
    written = (desk.docs_dir / f"{page_path}.md").read_text(encoding="utf-8")
    # The same bytes as `hoctap import` writes into an untouched copy of the project
    twin = outside / "twin"
    for name in ("docs", "sources", "overrides"):
        shutil.copytree(ROOT / name, twin / name)
    shutil.copy(ROOT / "mkdocs.yml", twin)
    command = subprocess.run([sys.executable, "-m", "hoctap.cli", "import", str(source)], cwd=twin, capture_output=True, text=True)
    assert command.returncode == 0, command.stderr
    assert written == (twin / "docs" / f"{page_path}.md").read_text(encoding="utf-8")
    original = Path(page_path).name + ".docx"
    assert (desk.sources_dir / original).read_bytes() == (twin / "sources" / original).read_bytes() == source.read_bytes()
    assert _git(desk.root, "log", "-1", "--format=%an").strip() == "Lò Văn A"
    assert client.get(saved.headers["location"]).status_code == 200


def test_a_scan_shows_which_page_ocr_reads_then_its_fields(client, outside):
    """"Nhập" answers at once with the job's screen; its JSON says the page OCR is on, then the form."""
    scan = samples.write_scanned_pdf(outside)
    answer = client.post("/nhap", data={"csrftoken": token(client)}, files={"tep": (scan.name, scan.read_bytes())},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/nhap/viec/")
    screen = client.get(answer.headers["location"])
    assert 'http-equiv="refresh"' in screen.text and 'aria-live="polite"' in screen.text
    assert "Đang đọc" in screen.text, screen.text
    said = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        status = client.get(answer.headers["location"] + "/tinh-trang").json()
        if status["xong"]:
            break
        said.add(status["chu"])
        time.sleep(0.2)
    pages = {"Đang đọc bản quét: trang 1/2", "Đang đọc bản quét: trang 2/2"}
    assert said & pages and said <= pages | {"Đang đọc tệp…"}, said
    form = client.get(answer.headers["location"]).text
    assert "Lưu trang" in form and 'for="f-so_ky_hieu">Số ký hiệu</label>' in form and "http-equiv" not in form
    assert client.get("/nhap/viec/khong-co-viec-nay").status_code == 404


def test_an_import_waits_its_turn_and_says_so(desk, outside):
    """One reading at a time (OCR takes a core a page): a Word file sent while a scan is read waits,
    and its screen says why, instead of holding "Nhập" until the scan is done."""
    scan = desk.jobs.start("quet", samples.write_scanned_pdf(outside))
    scan.worth_watching(300)
    assert scan.pages == 2 and not scan.done.is_set()
    word = desk.jobs.start("word", word_file(outside))
    word.worth_watching(300)
    assert word.queued and not word.done.is_set() and word.status == "Đang chờ: bàn biên tập đang đọc một tệp khác."
    assert word.done.wait(300) and word.imported is not None and scan.done.is_set()


def test_ocr_tells_its_progress_page_by_page(outside):
    told = []
    import_file(samples.write_scanned_pdf(outside), progress=lambda page, pages: told.append((page, pages)))
    assert told == [(1, 2), (2, 2)]


def test_review_records_who_and_when_and_a_change_returns_the_page_to_draft(client, desk):
    page = desk.docs_dir / "van-ban" / "15-ctr-tu.md"
    refused = client.post("/trang/van-ban/15-ctr-tu/duyet", data={"csrftoken": token(client), "nguoi_duyet": " "})
    assert refused.status_code == 422 and "Ghi họ tên và chức vụ người duyệt" in refused.text
    approved = client.post("/trang/van-ban/15-ctr-tu/duyet", follow_redirects=False,
                           data={"csrftoken": token(client), "nguoi_duyet": "Nguyễn Văn B, Trưởng ban Tuyên giáo",
                                 "ngay_duyet": "2026-04-02", "ten_bien_tap": "Lò Văn A"})
    assert approved.status_code == 303
    text = page.read_text(encoding="utf-8")
    assert "trang_thai: da-duyet\n" in text and "nguoi_duyet: Nguyễn Văn B, Trưởng ban Tuyên giáo\n" in text
    assert "ngay_duyet: 2026-04-02\n" in text
    shown = client.get("/trang/van-ban/15-ctr-tu").text
    assert "Bỏ duyệt" in shown and "Duyệt trang" not in shown
    # A change of a field: back to draft, and the screen says so
    changed = client.post("/trang/van-ban/15-ctr-tu/luu", data={"csrftoken": token(client), "ten_ngan": "Tên ngắn mới"})
    assert "trở lại dự thảo" in changed.text
    text = page.read_text(encoding="utf-8")
    assert "trang_thai: du-thao\n" in text and "nguoi_duyet" not in text and "ten_ngan: Tên ngắn mới\n" in text
    log = _git(desk.root, "log", "--format=%an|%s", "-3").splitlines()
    assert log[0].startswith("Lò Văn A|Sửa 15-CTr/TU") and log[1].startswith("Lò Văn A|Duyệt 15-CTr/TU")
    assert "Lò Văn A" in client.get("/trang/van-ban/15-ctr-tu").text  # the page screen lists its changes


def test_the_front_matter_as_yaml_is_written_only_when_it_passes_the_schema(client, desk):
    page = desk.docs_dir / "van-ban" / "18-ctr-tu.md"
    before = page.read_text(encoding="utf-8")
    screen = client.get("/trang/van-ban/18-ctr-tu").text
    assert "<summary>Xem/sửa YAML</summary>" in screen and "<details class=\"card yaml\">" in screen  # closed
    typed = re.search(r'<textarea id="yaml" name="yaml"[^>]*>([^<]*)</textarea>', screen).group(1)
    assert typed.replace("&#34;", '"').replace("&#39;", "'") == before.split("---\n")[1]
    for broken, line, said in (("so_ky_hieu: [\n", 2, "YAML"), ("khoa_la: 1\n", 1, "khoa_la"),
                               ("ngay_ban_hanh: 2026-13-45\n", 1, "ngay_ban_hanh"), ("---\n", 1, "---")):
        answer = client.post("/trang/van-ban/18-ctr-tu/yaml", data={"csrftoken": token(client), "yaml": broken})
        assert answer.status_code == 422, broken
        assert "Chưa lưu: phần đầu trang có lỗi, tệp vẫn như cũ." in answer.text and said in answer.text
        assert f"dòng {line} trong ô YAML" in answer.text, (broken, answer.text[-4000:])
        assert "<details class=\"card yaml\" open>" in answer.text and "Traceback" not in answer.text
        assert page.read_text(encoding="utf-8") == before
    # Approved, then a value changed as YAML: written, committed, back to draft
    client.post("/trang/van-ban/18-ctr-tu/duyet", data={"csrftoken": token(client), "nguoi_duyet": "Người C, Phó Chủ tịch"})
    approved = page.read_text(encoding="utf-8").split("---\n")[1]
    saved = client.post("/trang/van-ban/18-ctr-tu/yaml", data={"csrftoken": token(client), "ten_bien_tap": "Lò Văn A",
                                                               "yaml": approved.replace("ten_ngan: Thực hiện Chỉ", "ten_ngan: Chỉ").replace("\n", "\r\n")})
    assert saved.status_code == 200 and "trở lại dự thảo" in saved.text
    text = page.read_text(encoding="utf-8")
    assert "ten_ngan: Chỉ thị số 58-CT/TW\n" in text and "trang_thai: du-thao\n" in text and "nguoi_duyet" not in text
    assert text.split("---\n", 2)[2] == before.split("---\n", 2)[2]  # the body as it was
    assert _git(desk.root, "log", "-1", "--format=%an|%s").startswith("Lò Văn A|Sửa YAML của 18-CTr/TU: ten_ngan")


def test_unapprove_and_undo(client, desk):
    page = desk.docs_dir / "van-ban" / "18-ctr-tu.md"
    before = page.read_text(encoding="utf-8")
    client.post("/trang/van-ban/18-ctr-tu/duyet", data={"csrftoken": token(client), "nguoi_duyet": "Người C, Phó Chủ tịch"})
    assert "da-duyet" in page.read_text(encoding="utf-8")
    client.post("/trang/van-ban/18-ctr-tu/bo-duyet", data={"csrftoken": token(client)})
    assert "trang_thai: du-thao" in page.read_text(encoding="utf-8") and "nguoi_duyet" not in page.read_text(encoding="utf-8")
    undone = client.post("/hoan-tac", data={"csrftoken": token(client), "tiep": "/trang/van-ban/18-ctr-tu"})
    assert "Đã hoàn tác" in undone.text
    assert "trang_thai: da-duyet" in page.read_text(encoding="utf-8")
    client.post("/hoan-tac", data={"csrftoken": token(client)})
    assert page.read_text(encoding="utf-8") == before
    assert _git(desk.root, "log", "-1", "--format=%s").startswith("Hoàn tác")


def test_safe_fixes_from_the_todo_list(client, desk):
    page = desk.docs_dir / "van-ban" / "58-ct-tw.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nChỉ thị của Ban Bí thư Trung ương Ðảng.\n", encoding="utf-8")
    todo = client.get("/").text
    assert "Sửa tự động" in todo and "Ðảng" in todo
    client.post("/sua", data={"csrftoken": token(client), "trang": "van-ban/58-ct-tw", "tiep": "/"})
    assert "Ð" not in page.read_text(encoding="utf-8")


def test_no_other_site_may_frame_the_desk(client):
    assert client.get("/").headers["content-security-policy"] == "frame-ancestors 'self'"


def test_a_forged_host_is_refused(client):
    answer = client.get("/", headers={"host": "attacker.example:8765"})
    assert answer.status_code == 400 and "Host" in answer.text


def test_a_post_without_its_token_is_refused(client, desk):
    page = desk.docs_dir / "van-ban" / "15-ctr-tu.md"
    before = page.read_text(encoding="utf-8")
    client.get("/")  # the browser holds the cookie, the forged form has no token
    for data in ({"nguoi_duyet": "X"}, {"nguoi_duyet": "X", "csrftoken": "0" * 64}):
        answer = client.post("/trang/van-ban/15-ctr-tu/duyet", data=data)
        assert answer.status_code == 403 and "CSRF" in answer.text
    fresh = TestClient(client.app, base_url=f"http://{HOST}")  # no cookie at all
    assert fresh.post("/hoan-tac", data={"tiep": "/"}).status_code == 403
    assert page.read_text(encoding="utf-8") == before


def test_login_beyond_loopback(desk):
    desk.password_hash = hash_password("mật khẩu dài")
    client = TestClient(make_app(desk), base_url=f"http://{HOST}")
    first = client.get("/", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/dang-nhap"
    wrong = client.post("/dang-nhap", data={"csrftoken": token(client, "/dang-nhap"), "mat_khau": "sai"})
    assert wrong.status_code == 401 and "Mật khẩu không đúng" in wrong.text
    right = client.post("/dang-nhap", data={"csrftoken": token(client, "/dang-nhap"), "mat_khau": "mật khẩu dài"})
    assert right.status_code == 200 and "<h1>Việc cần làm</h1>" in right.text


def test_the_hosts_served(desk):
    assert served_hosts("127.0.0.1", 8765) >= {"127.0.0.1:8765", "localhost:8765"}
    assert "192.168.1.5:80" in served_hosts("192.168.1.5", 80)
    assert "192.168.1.5:80" not in served_hosts("127.0.0.1", 80)


def test_hostile_uploads_are_answered_with_a_message(client, desk, outside):
    cases = {"zip-named-docx.docx": b"PK\x03\x04" + b"\x00" * 200, "empty.docx": b"",
             "script.exe": b"MZ\x90\x00", "../../etc/passwd.txt": b"\x00\x01\x02binary",
             "broken.docx": b"PK\x03\x04garbage that is no zip"}
    for name, content in cases.items():
        answer = upload(client, outside / Path(name).name, content)
        assert answer.status_code in (400, 422), (name, answer.status_code)
        assert "Không nhập được tệp này" in answer.text or "Chưa chọn tệp" in answer.text
        assert "Traceback" not in answer.text
    assert not _git(desk.root, "status", "--porcelain", "docs", "sources")
    assert not (desk.root.parent / "etc").exists()


def test_an_upload_too_large_is_refused_before_it_is_read(client):
    answer = client.post("/nhap", data={"csrftoken": token(client)},
                         files={"tep": ("big.pdf", b"%PDF" + b"0" * (MAX_UPLOAD + 1))})
    assert answer.status_code == 413 and "quá lớn" in answer.text


def test_a_page_that_is_a_link_is_never_written_through(client, desk, outside):
    elsewhere = outside / "elsewhere.md"
    page = desk.docs_dir / "van-ban" / "15-ctr-tu.md"
    elsewhere.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    before = elsewhere.read_text(encoding="utf-8")
    page.unlink()
    page.symlink_to(elsewhere)
    client.post("/trang/van-ban/15-ctr-tu/duyet", data={"csrftoken": token(client), "nguoi_duyet": "X, Y"})
    assert elsewhere.read_text(encoding="utf-8") == before


def test_publish_holds_the_approved_page_and_a_release_can_be_taken_back(client, desk):
    plan = client.get("/dang").text
    assert "Đăng lên mạng nội bộ" in plan and "dự thảo, chưa duyệt" in plan
    client.post("/trang/van-ban/15-ctr-tu/duyet", data={"csrftoken": token(client), "nguoi_duyet": "Nguyễn Văn B, Trưởng ban"})
    assert '<a href="/trang/van-ban/15-ctr-tu">15-CTr/TU</a></li>' in client.get("/dang").text.split("Để lại")[0]
    for _ in range(2):
        published = client.post("/dang", data={"csrftoken": token(client, "/dang")})
        assert "Đã đăng lên mạng nội bộ" in published.text, published.text[-3000:]
    current = desk.publish_to / "current"
    assert (current / "van-ban" / "15-ctr-tu.html").is_file()
    assert not (current / "van-ban" / "18-ctr-tu.html").exists()  # a draft stays out
    names = sorted(p.name for p in (desk.publish_to / "releases").iterdir())
    assert current.resolve().name == names[-1]
    back = client.post("/dang/quay-lai", data={"csrftoken": token(client, "/dang"), "ban": names[0]})
    assert "Đã quay lại bản đã chọn" in back.text
    assert current.resolve().name == names[0]
    refused = client.post("/dang/quay-lai", data={"csrftoken": token(client, "/dang"), "ban": "../../etc"})
    assert refused.status_code == 404


def test_key_points_are_chosen_from_the_importers_proposals(client, desk, outside):
    source = word_file(outside)
    proposed = upload(client, source)
    upload_id = re.search(r'name="tai_len" value="([^"]+)"', proposed.text).group(1)
    saved = client.post("/nhap/luu", data={"csrftoken": token(client), "tai_len": upload_id}, follow_redirects=False)
    stem = saved.headers["location"].split("?")[0].removeprefix("/trang/")
    screen = client.get(f"/trang/{stem}").text
    offered = re.findall(r'name="giu" value="(\d+)"', screen)
    assert offered and "Chọn điểm chính" in screen
    chosen = client.post(f"/trang/{stem}/diem-chinh", data={"csrftoken": token(client), "giu": offered[:2]})
    assert "Đã lưu các điểm chính" in chosen.text
    assert len(re.findall(r'name="giu" value="\d+" checked', chosen.text)) == len(offered[:2])
    data = (desk.docs_dir / "includes" / "diem-chinh.yml").read_text(encoding="utf-8")
    assert data.startswith("# Điểm chính của các văn bản") and "ke-hoach:" in data  # the others' blocks kept
    from hoctap.build.project import project_of
    from hoctap.checks import check_project

    codes = {f.code for f in check_project(project_of(desk.config_file)).findings if f.path.startswith("includes/")}
    assert not codes & {"D003", "D004", "D005"}, codes
    client.post(f"/trang/{stem}/diem-chinh", data={"csrftoken": token(client)})  # none kept: the block goes
    assert (desk.docs_dir / "includes" / "diem-chinh.yml").read_text(encoding="utf-8").count("- trich:") \
        == data.count("- trich:") - 2


ENGLISH = {"hoi_en": "What must the province's federation ensure?", "dap_an_en": "The conditions of the conference",
           "lua_chon_sai_en": "Lunch for everyone\nA new hall", "giai_thich_en": "The plan says so."}


def test_quiz_questions_sit_under_the_key_points_they_rest_on(client, desk):
    quiz = desk.docs_dir / "includes" / "on-tap.yml"
    before = quiz.read_text(encoding="utf-8")
    screen = client.get("/trang/ke-hoach").text
    part = screen.split('id="cau-hoi"')[1]
    # The CĐCS question rests on the point of III.2 whose words hold its answer
    point, question = part.find("Căn cứ kế hoạch, báo cáo cấp ủy"), part.find("Công đoàn cơ sở cần làm gì")
    assert 0 < point < question
    bare = "Đảm bảo các điều kiện tổ chức Hội nghị."
    assert "Chưa có câu hỏi ôn tập nào dựa trên điểm này." in part.split(bare)[1].split("</li>")[0]
    ask = {"csrftoken": token(client, "/trang/ke-hoach"), "diem": bare, "hoi": "LĐLĐ tỉnh cần đảm bảo điều gì cho Hội nghị?",
           "lua_chon_sai": "Bữa trưa cho mọi người\nMột hội trường mới", "giai_thich": "Kế hoạch (mục III.1) ghi như vậy."}
    invented = client.post("/trang/ke-hoach/cau-hoi", data={**ask, **ENGLISH, "dap_an": "Đảm bảo kinh phí cho Hội nghị"})
    assert invented.status_code == 422 and "Đáp án đúng phải chép nguyên văn từ điểm chính" in invented.text
    assert 'value="LĐLĐ tỉnh cần đảm bảo điều gì cho Hội nghị?"' in invented.text  # the editor's words kept
    untranslated = client.post("/trang/ke-hoach/cau-hoi", data={**ask, "dap_an": "các điều kiện tổ chức Hội nghị"})
    assert untranslated.status_code == 422 and "Q005" in untranslated.text and "bản dịch" in untranslated.text
    assert quiz.read_text(encoding="utf-8") == before
    added = client.post("/trang/ke-hoach/cau-hoi", data={**ask, **ENGLISH, "dap_an": "các điều kiện tổ chức Hội nghị",
                                                          "ten_bien_tap": "Lò Văn A"})
    assert added.status_code == 200 and "Đã thêm câu hỏi ôn tập" in added.text
    text = quiz.read_text(encoding="utf-8")
    assert text.startswith(before.rstrip("\n")) and "  dap_an: các điều kiện tổ chức Hội nghị\n" in text
    assert "    - các điều kiện tổ chức Hội nghị\n" in text and "  xem: ke-hoach.md#ldld-tinh\n" in text
    assert "LĐLĐ tỉnh cần đảm bảo" in added.text.split('id="cau-hoi"')[1].split(bare)[1].split("</li>")[0]
    from hoctap.build.project import project_of
    from hoctap.checks import check_project

    assert not [f for f in check_project(project_of(desk.config_file)).findings if f.code.startswith("Q")]
    assert _git(desk.root, "log", "-1", "--format=%an|%s").startswith("Lò Văn A|Câu hỏi ôn tập về Kế hoạch")


def test_dropping_a_key_point_a_question_rests_on_warns_first(client, desk, outside):
    proposed = upload(client, word_file(outside))
    upload_id = re.search(r'name="tai_len" value="([^"]+)"', proposed.text).group(1)
    saved = client.post("/nhap/luu", data={"csrftoken": token(client), "tai_len": upload_id}, follow_redirects=False)
    stem = saved.headers["location"].split("?")[0].removeprefix("/trang/")
    chosen = client.post(f"/trang/{stem}/diem-chinh", data={"csrftoken": token(client), "giu": ["0", "1"]})
    quote = re.search(r'<input type="hidden" name="diem" value="([^"]+)"', chosen.text).group(1)
    answer = " ".join(quote.replace("&#34;", '"').split()[:4])
    added = client.post(f"/trang/{stem}/cau-hoi", data={
        "csrftoken": token(client), "diem": quote.replace("&#34;", '"'), "hoi": "Văn bản nêu điều gì?",
        "dap_an": answer, "lua_chon_sai": "Một điều khác\nĐiều thứ ba", "giai_thich": "Văn bản ghi như vậy.", **ENGLISH})
    assert "Đã thêm câu hỏi ôn tập" in added.text, added.text[-3000:]
    assert f"  nguon: {stem}.md\n" in (desk.docs_dir / "includes" / "on-tap.yml").read_text(encoding="utf-8")
    points = (desk.docs_dir / "includes" / "diem-chinh.yml").read_text(encoding="utf-8")
    warned = client.post(f"/trang/{stem}/diem-chinh", data={"csrftoken": token(client), "giu": ["1"]})
    assert warned.status_code == 409 and "Chưa lưu: có câu hỏi ôn tập dựa trên điểm chính sắp bỏ." in warned.text
    assert "Văn bản nêu điều gì?" in warned.text and "Vẫn bỏ các điểm này" in warned.text
    assert (desk.docs_dir / "includes" / "diem-chinh.yml").read_text(encoding="utf-8") == points
    confirmed = client.post(f"/trang/{stem}/diem-chinh", data={"csrftoken": token(client), "giu": ["1"], "xac_nhan": "1"})
    assert "Đã lưu các điểm chính" in confirmed.text
    assert (desk.docs_dir / "includes" / "diem-chinh.yml").read_text(encoding="utf-8").count("- trich:") \
        == points.count("- trich:") - 1


def test_a_page_that_cannot_be_read_is_a_message(client, desk):
    (desk.docs_dir / "van-ban" / "15-ctr-tu.md").write_text("---\nso_ky_hieu: [\n---\n# x\n", encoding="utf-8")
    answer = client.get("/trang/van-ban/15-ctr-tu")
    assert answer.status_code == 404 and "Không có trang này" in answer.text
    assert "E003" in client.get("/").text  # the to-do list says what is wrong with it


def test_an_unforeseen_failure_is_a_message_not_a_traceback(desk, monkeypatch):
    from hoctap.desk import todo

    monkeypatch.setattr(todo, "overview", lambda project: 1 / 0)
    client = TestClient(make_app(desk), base_url=f"http://{HOST}", raise_server_exceptions=False)
    answer = client.get("/")
    assert answer.status_code == 500 and "Bàn biên tập gặp lỗi" in answer.text and "Traceback" not in answer.text
