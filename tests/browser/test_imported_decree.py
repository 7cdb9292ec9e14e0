"""An imported Nghị định on a 360 px phone: every heading of its outline at least the body's size, in
its own case and colour; its trích yếu, printed in capitals, in sentence case in the menu."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.browser.conftest import serve
from tests.conftest import ROOT
from tests import import_traps as traps


@pytest.fixture(scope="module")
def decree_url(tmp_path_factory):
    project = tmp_path_factory.mktemp("decree") / "project"
    for name in ("docs", "overrides", "sources"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    original = traps.made(project.parent, "nghi-dinh-mau", "pdf")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for command in (["import", str(original)], ["build", "--no-pdf", "--site-dir", str(project.parent / "site")]):
        done = subprocess.run([sys.executable, "-m", "hoctap.cli", *command], cwd=project, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    server, url = serve(project.parent / "site", "/hoc-tap/")
    yield url + "van-ban/98-2026-nd-cp.html"
    server.shutdown()


def test_the_decrees_outline_reads_on_a_phone(phone, decree_url):
    phone.goto(decree_url)
    body = phone.eval_on_selector(".md-content article p", "p => parseFloat(getComputedStyle(p).fontSize)")
    headings = phone.eval_on_selector_all(
        ".md-content article :is(h3, h4, h5, h6)",
        "hs => hs.map(h => [h.tagName, h.textContent.replace('¶', '').trim(), parseFloat(getComputedStyle(h).fontSize),"
        " getComputedStyle(h).textTransform])")
    assert [h[1] for h in headings][:3] == ["Chương I QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
                                            "Điều 2. Đối tượng áp dụng và trách nhiệm của cơ quan, tổ chức, cá nhân có "
                                            "liên quan trong việc thực hiện công tác văn thư"]
    assert all(size >= body for _, _, size, _ in headings), (body, headings)
    assert all(transform == "none" for *_, transform in headings)
    menu = phone.content()
    assert "Quy định chi tiết một số điều của luật mẫu về công tác văn thư" in menu
