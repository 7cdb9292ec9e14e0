"""The editors' desk in process (Starlette's TestClient): every screen, the import from a Word file
made here to a reviewed page, the history and its undo, and the guards (Host, CSRF, login, size,
hostile files, writes through a link)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
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
    return client.post("/nhap", data={"csrftoken": token(client)},
                       files={"tep": (path.name, content if content is not None else path.read_bytes())})


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
