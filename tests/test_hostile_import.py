"""Issue 21: files made to hurt `hoctap import`, one test per kind. Each is imported by the command,
as an editor would, into a copy of the project: the refusal is one line naming the file and what is
wrong, exit 1, no traceback, within the time and memory limits, and nothing in the project changed."""

from __future__ import annotations

import hashlib
import html as entities
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import markdown
import pytest

from hoctap.checks.markup import unsafe
from hoctap.checks.source import Source
from hoctap.checks.text import invisible_control
from hoctap.importing import limits
from tests import hostile_files as hostile
from tests import import_samples as samples

ROOT = Path(__file__).resolve().parent.parent
GiB = 2**30
_MEASURED = """import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(done.stdout)
sys.stderr.write(done.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, file=sys.stderr)
sys.exit(done.returncode)
"""


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


class Run:
    def __init__(self, done: subprocess.CompletedProcess, seconds: float):
        *lines, peak = done.stderr.rstrip("\n").split("\n")
        self.status, self.stdout, self.stderr = done.returncode, done.stdout, "\n".join(lines)
        self.peak, self.seconds = int(peak), seconds


def hoctap_import(project: Path, *args: str) -> Run:
    """`hoctap import ARGS` in `project`; its exit status, output, peak memory (itself and every child)
    and time. The peak is read by a parent of its own, so that no other test's processes count."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-m", "hoctap.cli", "import", *args],
                          cwd=project, env=env, capture_output=True, text=True)
    return Run(done, time.monotonic() - started)


def refused(project: Path, file: Path, *words: str, args: tuple[str, ...] = (), seconds: float = 60) -> Run:
    """Import `file`; assert a one-line refusal naming it, saying `words`, and an unchanged project."""
    before = tree(project)
    run = hoctap_import(project, *args, str(file))
    assert run.status == 1, run.stderr
    assert "Traceback" not in run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith(f"hoctap import: {file.name}: "), run.stderr
    for word in words:
        assert word in last, last
    assert run.peak < GiB, f"{run.peak / 2**20:.0f} MiB"
    assert run.seconds < seconds, run.seconds
    assert tree(project) == before
    return run


@pytest.fixture
def project(project_copy) -> Path:
    return project_copy


# -- resources -------------------------------------------------------------------------------------

@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_word_part_that_inflates_past_the_limit_is_refused_before_inflating(project, tmp_path, part):
    bomb = hostile.docx_bomb(tmp_path / "bomb.docx", part, inflated=100 * 2**20)
    assert bomb.stat().st_size < 1_000_000
    run = refused(project, bomb, part, "inflates", seconds=30)
    assert run.peak < 300 * 2**20  # refused from the zip's directory: nothing was inflated


def test_a_pdf_content_stream_that_inflates_past_the_memory_cap_is_refused(project, tmp_path):
    bomb = hostile.pdf_bomb(tmp_path / "bomb.pdf", inflated=3 * GiB // 2)
    refused(project, bomb, "memory", seconds=120)


def test_a_page_too_large_to_rasterise_is_refused_before_pdftoppm(project, tmp_path):
    refused(project, hostile.pdf(tmp_path / "wide.pdf", size=(5000, 5000)), "page 1", "434 million", seconds=30)


def test_an_image_of_400_million_pixels_is_refused_from_its_header(project, tmp_path):
    refused(project, hostile.png(tmp_path / "huge.png", 20000, 20000), "million pixels", seconds=30)


def test_an_image_just_over_the_limit_gets_our_message(project, tmp_path):
    refused(project, hostile.png(tmp_path / "big.png", 10000, 9000), "90 million", seconds=30)


def test_an_image_with_a_200_mb_text_chunk_is_refused(project, tmp_path):
    refused(project, hostile.png_text_bomb(tmp_path / "text.png"), "not a readable image", seconds=30)


def test_too_many_pages_are_refused_with_the_flag_that_allows_them(project, tmp_path):
    run = refused(project, hostile.pdf(tmp_path / "long.pdf", pages=2500, content=hostile.TEXT),
                  "2500 pages", "--max-pages 2500", seconds=60)
    assert run.peak < 500 * 2**20
    refused(project, hostile.pdf(tmp_path / "blank-scan.pdf", pages=1000), "1000 pages", seconds=60)
    three = hostile.pdf(tmp_path / "three.pdf", pages=3, content=hostile.TEXT)
    refused(project, three, "3 pages, more than the 2", args=("--max-pages", "2", "--dry-run"))
    assert hoctap_import(project, "--max-pages", "3", "--dry-run", str(three)).status == 0


def test_a_scan_shows_its_progress_page_by_page(project, tmp_path):
    run = refused(project, hostile.pdf(tmp_path / "blank.pdf", pages=2), "no text", seconds=60)
    assert "blank.pdf: OCR, page 1 of 2" in run.stderr and "page 2 of 2" in run.stderr


def test_a_megabyte_of_text_with_column_gaps_imports_in_seconds(project, tmp_path):
    """Each gap used to convert and search the whole line before it: quadratic (past 120 s for 245 KB)."""
    line = "Nội dung   học tập   các chương trình   " * 6
    text = tmp_path / "gaps.txt"
    text.write_text("KẾ HOẠCH\n" + (line + "\n") * (1_000_000 // len(line.encode())), encoding="utf-8")
    run = hoctap_import(project, "--dry-run", "--format", "json", str(text))
    assert run.status == 0, run.stderr
    assert run.seconds < 60 and run.peak < GiB
    one_line = tmp_path / "one-line.txt"
    one_line.write_text("a\t" * 300_000, encoding="utf-8")  # 300,000 cells on one row: read as one cell
    run = hoctap_import(project, "--dry-run", "--format", "json", str(one_line))
    assert run.status == 0 and run.seconds < 60, run.stderr


def test_the_memory_cap_turns_running_out_into_one_line(tmp_path):
    with pytest.raises(limits.ImportFailure, match="more than 1.1 GB of memory"):
        limits.contained(tmp_path / "x.pdf", bytearray, 2 * GiB)


def test_whatever_an_extractor_raises_becomes_one_line_naming_the_file(tmp_path):
    with pytest.raises(limits.ImportFailure, match=r"^x\.pdf: not readable \(KeyError: 'Root'\)"):
        limits.contained(tmp_path / "x.pdf", {}.__getitem__, "Root")


# -- parsers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, make, words", [
    ("laughs.docx", lambda p: hostile.docx(p, replace={"word/document.xml": hostile.BILLION_LAUGHS}),
     ("word/document.xml", "entities")),
    ("rels.docx", lambda p: hostile.docx(p, replace={"_rels/.rels": hostile.RELS_ENTITY}), ("_rels/.rels", "entities")),
    ("corrupt.docx", hostile.corrupt_deflate, ("damaged Word file",)),
    ("garbage.docx", lambda p: hostile.docx(p, replace={"word/document.xml": b"\x01garbage<<"}), ("not well-formed",)),
    ("empty.docx", lambda p: hostile.docx(p, replace={"word/document.xml": b""}), ("word/document.xml", "not well-formed")),
    ("deep.docx", lambda p: hostile.docx(p, add={"word/deep.xml": b"<a>" * 300 + b"</a>" * 300}), ("250 deep",)),
])
def test_a_broken_or_hostile_word_file_is_one_line(project, tmp_path, name, make, words):
    refused(project, make(tmp_path / name), *words, seconds=30)


# -- faithful or refused ---------------------------------------------------------------------------

def dry_run(project: Path, file: Path) -> tuple[dict, str]:
    run = hoctap_import(project, "--dry-run", "--format", "json", str(file))
    assert run.status == 0, run.stderr
    return json.loads(run.stdout), run.stderr


def test_a_declared_windows_1258_page_is_read_through_its_codec_then_nfc(project, tmp_path):
    page = tmp_path / "cp1258.html"
    page.write_bytes(b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'></head><body>"
                     + hostile.cp1258("<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Nội dung học tập các chương trình</p>")
                     + b"</body></html>")
    assert b"\xf2" in page.read_bytes()  # ộ as ô and a combining dot below
    data, _ = dry_run(project, page)
    assert data["ma_goc"] == "unicode"
    assert "Nội dung học tập các chương trình" in data["markdown"]


def test_invalid_utf8_is_refused_at_its_byte(project, tmp_path):
    text = tmp_path / "bad.txt"
    before = "KẾ HOẠCH học tập\nNội dung ".encode()
    text.write_bytes(before + b"\xff" + "các chương trình\n".encode())
    refused(project, text, f"byte {len(before)}", "0xFF", "UTF-8")


def test_a_legacy_file_is_still_read_one_byte_a_character(project, tmp_path):
    text = tmp_path / "tcvn3.txt"
    text.write_bytes(samples.as_text(samples.SAMPLES[sorted(samples.SAMPLES)[0]], samples.tcvn3).encode("latin-1"))
    assert dry_run(project, text)[0]["ma_goc"] == "tcvn3"


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_a_nul_anywhere_refuses_the_file(project, tmp_path, suffix):
    text = tmp_path / f"nul.{suffix}"
    text.write_bytes(("<html><body><p>" if suffix == "html" else "").encode() + "Nội dung học tập\n".encode() * 500 + b"\x00tail")
    refused(project, text, "NUL", "byte ")


def test_hidden_html_content_is_not_text(project, tmp_path):
    page = tmp_path / "hidden.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                    "<p>Nội dung học tập các chương trình.</p>"
                    "<p style='display: none'>ẨN MỘT</p><p hidden>ẨN HAI</p><template><p>ẨN BA</p></template>"
                    "<div style='visibility:hidden'>ẨN BỐN</div><span style='mso-hide:all'>ẨN NĂM</span>"
                    "</body></html>", encoding="utf-8")
    data, _ = dry_run(project, page)
    assert "Nội dung học tập" in data["markdown"] and "ẨN" not in data["markdown"]


def test_deep_nesting_is_read_whole_or_refused(project, tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_text(hostile.nested_html(240), encoding="utf-8")
    assert "Nội dung học tập các chương trình hành động" in dry_run(project, deep)[0]["markdown"]
    deeper = tmp_path / "deeper.html"
    deeper.write_text(hostile.nested_html(3000), encoding="utf-8")
    refused(project, deeper, "nested more than 250 deep")


MARKUP = ["!!! danger \"Cảnh báo\"", "Thuật ngữ", ": định nghĩa", "&lt;b&gt; và &amp;", "<script>alert(1)</script>",
          "??? note", "~~~", "{: onclick=\"x\" }", "[liên kết](javascript:alert(1))", "| a | b |", "    mã", "*[HTML]: x"]


def test_no_line_of_the_original_becomes_markup(project, tmp_path):
    text = tmp_path / "markup.txt"
    text.write_text("KẾ HOẠCH\nHọc tập các chương trình hành động\n\nI. MỤC ĐÍCH\n\n" + "\n\n".join(MARKUP) + "\n",
                    encoding="utf-8")
    data, _ = dry_run(project, text)
    html = markdown.markdown(data["markdown"], extensions=["abbr", "admonition", "attr_list", "def_list", "md_in_html",
                                                           "tables", "pymdownx.details", "pymdownx.superfences"])
    tags = re.findall(r"<[^>]*>", html)
    assert {re.match(r"</?(\w+)", t).group(1) for t in tags} <= {"p", "h2", "h3", "ul", "li"}, tags
    assert not [t for t in tags if "=" in t and not t.startswith("<h")], tags  # no attribute but a heading's id
    shown = entities.unescape(re.sub(r"<[^>]+>", "", html))
    for line in MARKUP:
        assert line.strip().removeprefix("*") in shown, line  # `*` opens a list item: the importer's reading
    # and a page holding that text passes the HTML checks: they read HTML, not text that quotes it
    page = "---\ntitle: x\n---\n\n" + data["markdown"]
    assert [f.code for f in unsafe(Source.from_text(page, "x.md"))] == []


def test_bidi_and_zero_width_controls_are_dropped_with_a_warning(project, tmp_path):
    text = tmp_path / "rlo.txt"
    text.write_text("KẾ HOẠCH\nHọc tập \u202ecác chương trình\u200b hành động\n", encoding="utf-8")
    data, stderr = dry_run(project, text)
    assert "\u202e" not in json.dumps(data, ensure_ascii=False) and "\u200b" not in data["markdown"]
    assert "U+202E" in stderr and "U+200B" in stderr


def test_a_control_typed_into_front_matter_is_a_finding():
    page = "---\ntitle: Kế hoạch\ntrich_yeu: Học tập \u202ecác chương trình\n---\n\nNội dung.\n"
    found = list(invisible_control(Source.from_text(page, "x.md")))
    assert [(f.code, f.line, f.col) for f in found] == [("V109", 3, 20)]
