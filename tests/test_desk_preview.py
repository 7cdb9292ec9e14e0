"""The desk's phone preview is never stale: after each kind of change (a page's fields, the key
points kept, an import and its undo, a data file, an original, the abbreviations) every page of the
preview is what a whole build of the same content makes, and a page's HTML is what `hoctap build`
makes of it. The preview is Vietnamese only, and says so where English would be."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoctap.build import project
from hoctap.desk.preview import Preview
from tests.test_desk import client, desk, outside, token, upload, word_file  # noqa: F401 (fixtures)


def pages_of(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.html"))}


def assert_fresh(desk, outside: Path) -> dict[str, str]:
    """The desk's preview, page for page, against a whole build of the preview made now."""
    whole = Preview(desk.config_file, outside / f"whole-{len(list(outside.glob('whole-*')))}")
    assert whole.refresh()
    expected, shown = pages_of(whole.folder), pages_of(desk.preview.folder)
    assert shown.keys() == expected.keys()
    stale = [name for name in expected if shown[name] != expected[name]]
    assert not stale, f"stale in the preview: {stale}"
    return shown


def test_a_changed_title_shows_on_every_page_that_names_the_document(client, desk, outside):
    client.get("/trang/van-ban/15-ctr-tu")  # the preview's first, whole build
    marker = "Trích yếu đổi để thử bản xem trước"
    saved = client.post("/trang/van-ban/15-ctr-tu/luu", data={"csrftoken": token(client), "trich_yeu": marker},
                        follow_redirects=False)
    assert saved.status_code == 303
    shown = assert_fresh(desk, outside)
    assert marker in shown["van-ban/15-ctr-tu.html"]
    assert len([name for name, html in shown.items() if marker in html]) > 1  # the catalogue, the cards naming it…


def test_key_points_kept_show_on_doc_nhanh(client, desk, outside):
    proposed = upload(client, word_file(outside))
    upload_id = re.search(r'name="tai_len" value="([^"]+)"', proposed.text).group(1)
    saved = client.post("/nhap/luu", data={"csrftoken": token(client), "tai_len": upload_id}, follow_redirects=False)
    stem = saved.headers["location"].split("?")[0].removeprefix("/trang/")
    screen = client.get(f"/trang/{stem}").text
    offered = re.findall(r'name="giu" value="(\d+)"', screen)
    client.post(f"/trang/{stem}/diem-chinh", data={"csrftoken": token(client), "giu": offered[:2]})
    shown = assert_fresh(desk, outside)
    data = (desk.docs_dir / "includes" / "diem-chinh.yml").read_text(encoding="utf-8")
    kept = re.findall(r'- trich: "?([^"\n]{20,60})', data.split(stem.rsplit("/", 1)[-1] + ":", 1)[-1])
    assert kept and kept[0][:20] in shown["doc-nhanh.html"]


def test_undoing_an_import_takes_its_page_out_of_the_preview(client, desk, outside):
    client.get("/trang/van-ban/15-ctr-tu")
    proposed = upload(client, word_file(outside))
    upload_id = re.search(r'name="tai_len" value="([^"]+)"', proposed.text).group(1)
    saved = client.post("/nhap/luu", data={"csrftoken": token(client), "tai_len": upload_id}, follow_redirects=False)
    stem = saved.headers["location"].split("?")[0].removeprefix("/trang/")
    assert (desk.preview.folder / f"{stem}.html").is_file()
    assert_fresh(desk, outside)
    client.post("/hoan-tac", data={"csrftoken": token(client)})
    assert not (desk.docs_dir / f"{stem}.md").exists()
    shown = assert_fresh(desk, outside)
    assert f"{stem}.html" not in shown and client.get(f"/xem/{stem}.html").status_code == 404


@pytest.mark.parametrize("change", ["quiz", "original", "abbreviations", "page body"])
def test_a_change_made_outside_the_desk_shows_too(desk, outside, change):
    assert desk.preview.refresh()
    before = pages_of(desk.preview.folder)
    docs = desk.docs_dir
    path, old, new = {
        "quiz": (docs / "includes" / "on-tap.yml", "  giai_thich: Kế hoạch ghi", "  giai_thich: Thử lại. Kế hoạch ghi"),
        # the quiz's first answer is grounded in these lines: changed, the question is left out
        "original": (desk.sources_dir / "ke-hoach-ldld-lai-chau-2026-03-31.txt", "Ban Thường vụ LĐLĐ tỉnh ban hành",
                     "Ban Thường vụ tỉnh ban hành"),
        "abbreviations": (docs / "includes" / "abbreviations.md", "*[", "*[BCVT]: Báo cáo viên thử\n*["),
        "page body": (docs / "van-ban" / "18-ctr-tu.md", "\n## ", "\n## Mục thêm để thử {#muc-thu}\n\nĐoạn thêm.\n\n## "),
    }[change]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert desk.preview.refresh()
    assert pages_of(desk.preview.folder) != before  # the change shows somewhere
    assert_fresh(desk, outside)


def test_a_page_screen_shows_a_change_made_outside_the_desk(client, desk):
    client.get("/trang/van-ban/18-ctr-tu")
    path = desk.docs_dir / "van-ban" / "18-ctr-tu.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n## ", "\n## Mục viết ngoài bàn biên tập {#ngoai}\n\nĐoạn.\n\n## ", 1), encoding="utf-8")
    client.get("/trang/van-ban/18-ctr-tu")
    assert "Mục viết ngoài bàn biên tập" in client.get("/xem/van-ban/18-ctr-tu.html").text


def test_a_page_is_the_html_hoctap_build_makes(client, desk, outside):
    """Left out of the preview on purpose: the other languages (so its pages have no language menu),
    and after its first build the search index, the decks, the originals' copies and the calendar
    (files beside the pages, not in them)."""
    client.get("/trang/van-ban/18-ctr-tu")
    client.post("/trang/van-ban/18-ctr-tu/duyet", data={"csrftoken": token(client), "nguoi_duyet": "Người D, Trưởng ban"})
    assert project.build(desk.config_file, outside / "site", strict=False) is not None
    for page in ("van-ban/18-ctr-tu.html", "van-ban/index.html", "doc-nhanh.html", "index.html", "ban-do.html"):
        preview, built = ((folder / page).read_text(encoding="utf-8") for folder in (desk.preview.folder, outside / "site"))
        assert "Người D, Trưởng ban" in preview or page != "van-ban/18-ctr-tu.html"
        assert squeezed(preview) == squeezed(without_language_menu(built)), page


def without_language_menu(html: str) -> str:
    """A page of `hoctap build` as the Vietnamese-only preview makes it: no language menu."""
    return re.sub(r'<div class="md-header__option">\s*<div class="md-select">.*?</ul>\s*</div>\s*</div>\s*</div>\n',
                  "", html, count=1, flags=re.S)


def squeezed(html: str) -> str:
    """Without the lines of spaces the theme leaves where it writes nothing (the languages' links)."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def test_the_preview_says_it_is_vietnamese_only(client, desk):
    screen = client.get("/trang/van-ban/15-ctr-tu").text
    assert "Bản xem trước chỉ có tiếng Việt" in screen
    english = client.get("/xem/en/van-ban/15-ctr-tu.html")
    assert english.status_code == 404 and "Bản xem trước chỉ có tiếng Việt" in english.text
    assert 'href="/xem/van-ban/15-ctr-tu.html"' in english.text
    assert not (desk.preview.folder / "en").exists()


def test_a_broken_mkdocs_yml_makes_no_preview_then_a_whole_one_once_mended(desk):
    assert desk.preview.refresh()
    good = desk.config_file.read_text(encoding="utf-8")
    desk.config_file.write_text(good + "\nnav: [\n", encoding="utf-8")
    assert desk.preview.refresh() is False
    desk.config_file.write_text(good, encoding="utf-8")
    assert desk.preview.refresh()
