"""The published site through nginx runs under its Content-Security-Policy without a single
violation, and the offline bundle opens and navigates from file:// after unzipping."""

from __future__ import annotations

import zipfile
from urllib.parse import urlparse

import pytest

# Published pages: the plan page is a draft until an editor records its review (issue 14), like every
# document page today, and a publish leaves drafts out.
PAGES = ["index.html", "hoi-nghi.html", "van-ban/index.html", "en/index.html", "en/hoi-nghi.html",
         "khong-co-trang-nay.html"]

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def watched(phone):
    """The phone page, recording CSP violations (as events) and console errors."""
    phone.add_init_script(LISTEN)
    phone.errors = []
    phone.on("console", lambda message: message.type == "error" and phone.errors.append(message.text))
    phone.on("pageerror", lambda error: phone.errors.append(str(error)))
    phone.missing = []
    phone.on("response", lambda response: response.status == 404 and phone.missing.append(response.url))
    return phone


# Material fetches `sitemap.xml` beside each alternate-language link to map pages between
# languages; mkdocs-static-i18n makes those links point at pages (`en/van-ban/index.html`), not at
# language roots, so Material asks for `en/van-ban/sitemap.xml`, which no build writes. A known 404
# of the theme with i18n, on every server, not of the publication.
KNOWN_MISSING = ("/sitemap.xml",)


@pytest.mark.parametrize("path", PAGES)
def test_page_runs_under_the_csp(watched, intranet, path):
    _, url = intranet
    response = watched.goto(url + path)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.status == (404 if path.startswith("khong-co") else 200)
    assert watched.locator("h1").first.is_visible()
    # Material's scripts ran: it marks the document once its JavaScript is loaded.
    watched.wait_for_function("document.documentElement.classList.contains('js')")
    # The search worker starts and answers under the CSP as well.
    watched.keyboard.press("/")
    watched.keyboard.type("cong doan")
    watched.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    watched.wait_for_timeout(300)
    assert watched.evaluate("window.__violations") == []
    missing = [u for u in watched.missing if not u.endswith(KNOWN_MISSING) and not u.endswith(path)]
    assert missing == []
    assert [e for e in watched.errors if not e.startswith("Failed to load resource")] == []
    assert all(urlparse(r).netloc == urlparse(url).netloc for r in watched.requests if r.startswith("http"))


def test_bundle_opens_and_navigates_from_file_url(watched, intranet, tmp_path, run_hoctap):
    target, _ = intranet
    out = tmp_path / "hoc-tap.zip"
    result = run_hoctap("bundle", "--to", str(target), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "MB" in result.stdout and out.stat().st_size > 0
    with zipfile.ZipFile(out) as archive:
        assert all(name.startswith("hoc-tap/") for name in archive.namelist())
        archive.extractall(tmp_path / "usb")
    home = (tmp_path / "usb" / "hoc-tap" / "index.html").as_uri()
    watched.goto(home)
    watched.get_by_role("link", name="Dự hội nghị quán triệt").click()
    watched.wait_for_load_state()
    assert watched.url.endswith("hoc-tap/hoi-nghi.html")
    watched.get_by_role("link", name="Danh mục văn bản").first.click()
    watched.wait_for_load_state()
    assert watched.url.endswith("hoc-tap/van-ban/index.html")
    # every document page is a draft today: the published catalogue says so rather than show an empty table
    assert watched.get_by_text("Chưa có văn bản nào được đăng").is_visible()
    assert [r for r in watched.requests if not r.startswith(("file:", "data:", "blob:", "about:"))] == []
