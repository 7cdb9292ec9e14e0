"""Output kept from one build to the next (render/kept.py): taken again only for the same input and
the same code, made again otherwise; a kept file that cannot be read or written never fails a build."""

from __future__ import annotations

import pytest

from hoctap.render.kept import Kept, code_of
from hoctap.text import safe_html

CODE = code_of(__file__, versions="test 1")
UNSAFE = '<p onclick="x()">Đoàn viên <script>alert(1)</script><a href="javascript:x()">đọc</a></p>'


def sanitised(kept: Kept, page: str) -> str:
    return kept.made(page, lambda: safe_html.sanitise(page))


def test_the_same_page_is_taken_again_without_being_made(tmp_path):
    path = tmp_path / "safe-vi.marshal"
    first = Kept(path, CODE)
    assert sanitised(first, UNSAFE) == safe_html.sanitise(UNSAFE) == '<p>Đoàn viên <a>đọc</a></p>'
    first.save()

    def made_again():
        raise AssertionError("made again")

    assert Kept(path, CODE).made(UNSAFE, made_again) == safe_html.sanitise(UNSAFE)


def test_an_edited_page_or_other_code_is_made_again(tmp_path):
    path = tmp_path / "safe-vi.marshal"
    first = Kept(path, CODE)
    sanitised(first, "<p>Đoàn viên</p>")
    first.save()
    edited = "<p>Đoàn viên</p><script>alert(1)</script>"
    assert sanitised(Kept(path, CODE), edited) == "<p>Đoàn viên</p>"
    calls = []
    Kept(path, code_of(__file__, versions="test 2")).made("<p>Đoàn viên</p>", lambda: calls.append(1) or "new")
    assert calls == [1]


def test_what_no_page_asked_for_is_dropped_and_an_unchanged_build_writes_nothing(tmp_path):
    path = tmp_path / "safe-vi.marshal"
    kept = Kept(path, CODE)
    sanitised(kept, "<p>Một</p>")
    sanitised(kept, "<p>Hai</p>")
    kept.save()
    kept = Kept(path, CODE)
    sanitised(kept, "<p>Một</p>")
    kept.save()
    assert len(Kept(path, CODE).kept) == 1
    written = path.stat().st_mtime_ns
    kept = Kept(path, CODE)
    sanitised(kept, "<p>Một</p>")
    kept.save()
    assert path.stat().st_mtime_ns == written


@pytest.mark.parametrize("written", [b"", b"\x00\x01garbage", b"i\x05\x00\x00\x00", b"[\x00\x00\x00\x00"])
def test_a_kept_file_that_cannot_be_read_is_made_again(tmp_path, written):
    path = tmp_path / "safe-vi.marshal"
    path.write_bytes(written)
    assert sanitised(Kept(path, CODE), UNSAFE) == safe_html.sanitise(UNSAFE)


def test_a_folder_that_cannot_be_written_leaves_the_build_as_it_was(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    kept = Kept(blocked / "safe-vi.marshal", CODE)
    sanitised(kept, "<p>Một</p>")
    kept.save()
    assert blocked.read_text() == "not a folder"


def test_an_unchanged_kept_file_is_read_once_and_a_changed_one_again(tmp_path, monkeypatch):
    """The desk's preview makes new stores at every save: the file is read again only when it changed."""
    import marshal

    from hoctap.render import kept as kept_module

    path = tmp_path / "safe-vi.marshal"
    first = Kept(path, CODE)
    sanitised(first, "<p>Một</p>")
    first.save()
    loads = []
    real = marshal.loads
    monkeypatch.setattr(kept_module.marshal, "loads", lambda data: loads.append(1) or real(data))
    assert len(Kept(path, CODE).kept) == len(Kept(path, CODE).kept) == 1
    assert len(loads) == 1  # the first store after the save reads it, the next one does not
    again = Kept(path, CODE)
    sanitised(again, "<p>Hai</p>")
    again.save()
    read_before = len(loads)
    assert len(Kept(path, CODE).kept) == 1 and len(loads) == read_before + 1
