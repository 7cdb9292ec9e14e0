"""The publication gate: drafts, internal pages and the editors' preview-only guide are absent from everything a publish or a
bundle produces, and every link to them degrades to plain text."""

from __future__ import annotations

import gzip
import re
import zipfile
from pathlib import Path

import pytest

from hoctap.registry.gate_decision import decide, stem_of
from hoctap.render.gate_removal import prune_nav
from hoctap.registry.documents import Registry

DRAFT_SENTENCE = "Câu thử nghiệm dự thảo Zqxduthao không bao giờ được đăng."
INTERNAL_SENTENCE = "Câu thử nghiệm nội bộ Zqxnoibo chỉ dành cho cơ quan."
INTERNAL_TITLE = "Trích yếu nội bộ Zqxtrichyeu"
# One ASCII word each: it survives any escaping (the search index writes `\u1ea1` for `ạ`) and the
# search index's folding (lower case, split at hyphens), so it is what is searched, case-insensitively.
DRAFT_TOKEN, INTERNAL_TOKEN, TITLE_TOKEN = "zqxduthao", "zqxnoibo", "zqxtrichyeu"
SECRETS = (DRAFT_TOKEN, INTERNAL_TOKEN, TITLE_TOKEN, "zqx")

INTERNAL_PAGE = f"""---
so_ky_hieu: 99/CV-LĐLĐ
loai: Công văn
ngay_ban_hanh: 2026-04-01
co_quan_ban_hanh: Ban Thường vụ LĐLĐ tỉnh Lai Châu
trich_yeu: {INTERNAL_TITLE}
thuc_hien: [14/CTr-LĐLĐ]
can_cu: []
trang_thai: da-duyet
nguoi_duyet: Người duyệt thử
ngay_duyet: 2026-04-02
noi_bo: true
nguon:
  - ke-hoach-ldld-lai-chau-2026-03-31.txt:1-2
---

# Công văn nội bộ

{INTERNAL_SENTENCE}
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page(front: str, body: str = "# Trang\n") -> str:
    return f"---\n{front}---\n\n{body}"


# -- decisions, without building ------------------------------------------------------------

def test_decide_drafts_and_internal_pages(tmp_path):
    docs = tmp_path / "docs"
    approved = "so_ky_hieu: 1/KH-X\nloai: Kế hoạch\nngay_ban_hanh:\nco_quan_ban_hanh: X\ntrich_yeu: Y\nnguon: [a]\n"
    write(docs / "ok.md", page(approved + "trang_thai: da-duyet\nnguoi_duyet: A\nngay_duyet: 2026-01-01\n"))
    write(docs / "ok.en.md", page("title: OK\n"))
    write(docs / "nhap.md", page(approved.replace("1/KH-X", "2/KH-X") + "trang_thai: du-thao\n"))
    write(docs / "nhap.en.md", page("title: Draft\n"))
    write(docs / "trang.md", page("title: Trang\n"))
    write(docs / "trang-nhap.md", page("trang_thai: du-thao\n"))
    write(docs / "noi-bo.md", page("title: Nội bộ\n"))
    write(docs / "noi-bo.en.md", page("title: Internal\nnoi_bo: true\n"))  # a mark on either language counts
    registry = Registry.load(docs)

    assert decide(registry, drafts=True, profile="intranet") == []
    assert [i.stem for i in decide(registry, drafts=False, profile="intranet")] == ["nhap", "trang-nhap"]
    public = decide(registry, drafts=True, profile="public")
    assert [i.stem for i in public] == ["noi-bo"] and "noi_bo: true" in public[0].reason
    assert [i.stem for i in decide(registry, drafts=False, profile="public")] == ["nhap", "noi-bo", "trang-nhap"]
    assert "--allow-draft" in decide(registry, drafts=False, profile="intranet")[0].reason


def test_preview_only_pages_are_never_published(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "huong-dan.md", page("title: Hướng dẫn\nchi_xem_truoc: true\n"))
    write(docs / "trang.md", page("title: Trang\n"))
    registry = Registry.load(docs)
    assert decide(registry, drafts=True, profile="intranet") == []  # a preview shows it
    for drafts, profile in ((True, "intranet"), (False, "intranet"), (True, "public")):
        left_out = decide(registry, drafts=drafts, profile=profile, preview=False)
        assert [i.stem for i in left_out] == ["huong-dan"] and "chi_xem_truoc" in left_out[0].reason


def test_prune_nav_drops_left_out_pages_and_empty_sections(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "a.md", page("trang_thai: du-thao\n"))
    left_out = decide(Registry.load(docs), drafts=False, profile="intranet")
    nav = [{"Trang chủ": "index.md"}, {"A": "a.md"}, {"Nhóm": [{"A lần nữa": "a.md"}]},
           {"Nhóm 2": ["b.md", {"Ngoài": "https://example.org/a.md"}]}]
    assert prune_nav(nav, left_out) == [{"Trang chủ": "index.md"}, {"Nhóm 2": ["b.md", {"Ngoài": "https://example.org/a.md"}]}]


def test_stem_is_the_same_in_every_language():
    assert stem_of("van-ban/15-ctr-tu.en.md") == stem_of("van-ban/15-ctr-tu.md") == "van-ban/15-ctr-tu"
    assert stem_of("index.md") == "index"


# -- a planted draft and internal page, through publish and bundle ----------------------------

@pytest.fixture
def planted(project_copy) -> Path:
    """The project with a unique sentence in a draft page and in an internal page, both linked by hand."""
    draft = project_copy / "docs" / "van-ban" / "15-ctr-tu.md"
    write(draft, draft.read_text(encoding="utf-8") + f"\n{DRAFT_SENTENCE}\n")
    write(project_copy / "docs" / "van-ban" / "99-cv-ldld.md", INTERNAL_PAGE)
    for home in ("index.md", "index.en.md"):
        path = project_copy / "docs" / home
        write(path, path.read_text(encoding="utf-8")
              + "\nXem [chương trình 15-CTr/TU](van-ban/15-ctr-tu.md#trong-tam-theo-ke-hoach)"
                " và [công văn nội bộ](van-ban/99-cv-ldld.md).\n")
    return project_copy


def every_text(root: Path) -> dict[str, str]:
    """Every file under `root` as text, gzip files decompressed."""
    texts = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        texts[path.relative_to(root).as_posix()] = (gzip.decompress(data) if path.suffix == ".gz" else data).decode(
            "utf-8", errors="replace")
    return texts


_DIGESTS = re.compile(r"sha256-[A-Za-z0-9+/=]+")
"""The service worker's integrity values and the CSP list's hashes: base64, in which three letters occur by
chance (`sw.js` held `zqx` in about one publish in eight), never a page's words."""


def leaks(texts: dict[str, str]) -> list[str]:
    return [f"{name}: {secret}" for name, text in texts.items() for secret in SECRETS
            if secret in _DIGESTS.sub("", text).lower()]


def test_planted_draft_and_internal_page_are_absent_everywhere(planted, tmp_path, run_hoctap):
    # A preview build shows both, so the search below can find them when they leak (in its HTML and
    # search index: its PDF, compressed, is no text to search).
    preview = tmp_path / "preview"
    built = run_hoctap("build", "--no-pdf", "--site-dir", str(preview), cwd=planted)
    assert built.returncode == 0, built.stdout + built.stderr
    preview_texts = every_text(preview)
    assert any(DRAFT_SENTENCE in t for t in preview_texts.values())
    assert any(INTERNAL_SENTENCE in t for t in preview_texts.values())
    for token in (DRAFT_TOKEN, INTERNAL_TOKEN, TITLE_TOKEN):
        assert any(token in t.lower() for name, t in preview_texts.items() if name.startswith("search/")), token

    target = tmp_path / "srv"
    published = run_hoctap("publish", "--to", str(target), "--profile", "public",
                           "--site-url", "http://intranet.example/hoc-tap/", cwd=planted)
    assert published.returncode == 0, published.stdout + published.stderr
    log = published.stdout + published.stderr
    assert "left out van-ban/15-ctr-tu.md: draft" in log
    assert "left out van-ban/99-cv-ldld.md: internal" in log
    assert "left out huong-dan-bien-tap.md: preview only" in log
    release = (target / "current").resolve()
    texts = every_text(release)
    assert leaks(texts) == []
    assert "van-ban/15-ctr-tu.html" not in texts and "en/van-ban/99-cv-ldld.html" not in texts
    # The editors' guide: in the preview, nowhere in the release (page, menu, search)
    assert "huong-dan-bien-tap.html" in preview_texts
    assert not [name for name, text in texts.items() if "huong-dan-bien-tap" in text or "Hướng dẫn biên tập" in text]
    # Hand-written links to left-out pages are plain text; the pages that carry them are published.
    for home in ("index.html", "en/index.html"):
        assert "Xem <span>chương trình 15-" in texts[home] and "<span>công văn nội bộ</span>" in texts[home]
        assert "15-ctr-tu.html" not in texts[home] and "99-cv-ldld.html" not in texts[home]
    # The catalogue lists neither the draft nor the internal document.
    assert "99/CV-LĐLĐ" not in texts["van-ban/index.html"] and "15-CTr/TU" not in texts["van-ban/index.html"]

    out = tmp_path / "hoc-tap.zip"
    bundled = run_hoctap("bundle", "--out", str(out), "--profile", "public", cwd=planted)
    assert bundled.returncode == 0, bundled.stdout + bundled.stderr
    assert f"{out} (" in bundled.stdout and " MB, " in bundled.stdout
    with zipfile.ZipFile(out) as archive:
        archive.extractall(tmp_path / "unzipped")
    unzipped = every_text(tmp_path / "unzipped" / "hoc-tap")
    assert "index.html" in unzipped and "search/search_index.js" in unzipped
    assert leaks(unzipped) == []
    assert not [name for name, text in unzipped.items() if "huong-dan-bien-tap" in text]


def test_a_build_can_preview_what_a_public_publish_shows(planted, tmp_path, run_hoctap):
    """`hoctap build --no-drafts --profile public` sets the gate on the plugin as a publish does."""
    site = tmp_path / "as-published"
    built = run_hoctap("build", "--no-pdf", "--no-drafts", "--profile", "public", "--site-dir", str(site), cwd=planted)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "left out van-ban/15-ctr-tu.md: draft" in built.stderr
    assert leaks(every_text(site)) == []
    assert not (site / "van-ban" / "58-ct-tw.html").exists()  # every document page is a draft today
    assert (site / "index.html").is_file()
