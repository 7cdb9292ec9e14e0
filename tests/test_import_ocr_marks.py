"""A scan's low-confidence words: kept in the full text as OCR read them, each marked for checking
(hoctap.text.ocr_marks); previews show the mark with its title, a publish never does."""

from __future__ import annotations

import re

from hoctap.importing.layout import Paragraph
from hoctap.importing.model import Cell, Row
from hoctap.importing.structure import to_markdown
from hoctap.text import ocr_marks
from hoctap.text.markdown_escape import unescape
from hoctap.text.toan_van_markers import regions
from tests.import_samples import SAMPLES, write_docx

MARK = '<mark class="hoctap-ocr-nghi">'


def _paragraph(text: str, doubtful: tuple[str, ...] = ()) -> Paragraph:
    return Paragraph(text, [Row([Cell(text, 0.1, 0.9, doubtful=doubtful)])])


def test_each_doubted_word_is_marked_where_ocr_read_it_and_nothing_else_changes():
    body = to_markdown([_paragraph("Điều 5. Phạm vi", ("5.",)),
                        _paragraph("Luật sửa đổi, sung một số điều [*] của Luật 2026.", ("sung", "[*]")),
                        _paragraph("Không có chữ nào đáng ngờ; sung ở đây được đọc chắc chắn.")])
    first, second, third = body.markdown.strip().split("\n\n")
    assert first == f"### Điều {MARK}5.</mark> Phạm vi {{#dieu-5}}"  # the anchor is never marked
    assert second == f"Luật sửa đổi, {MARK}sung</mark> một số điều {MARK}\\[\\*\\]</mark> của Luật 2026."
    assert MARK not in third  # a word doubted elsewhere is marked only on the lines where it was doubted
    assert unescape(second) == "Luật sửa đổi, sung một số điều [*] của Luật 2026."  # verbatim, as OCR read it
    assert [h.text for h in body.outline] == ["Điều 5. Phạm vi"]


def test_a_table_cell_and_a_list_item_are_marked_too():
    body = to_markdown([_paragraph("- Các công đoàn cơ sở thục hiện.", ("thục",))])
    assert body.markdown.strip() == f"- Các công đoàn cơ sở {MARK}thục</mark> hiện."


def test_a_marked_page_shows_its_marks_in_previews_and_stays_out_of_a_publish(project_copy, tmp_path):
    """Marks in an imported full text: the preview highlights each with the words file's title and lists
    the page's M011 to-do; the gate keeps the page out of a publish, drafts allowed or not, until the
    editor has removed every mark; the words between them are as OCR read them."""
    from hoctap.registry.documents import Registry
    from hoctap.registry.gate_decision import decide
    from tests.test_import import hoctap

    assert hoctap("import", str(write_docx(SAMPLES["ky-so-thieu-so-mau"], tmp_path / "huong-dan.docx")),
                  cwd=project_copy).returncode == 0
    page = project_copy / "docs" / "van-ban" / "huong-dan.md"
    text = page.read_text(encoding="utf-8")
    word = re.search(r"\n\n([^\n#<{|*\\-][^\n]*?) (\w{4,}) ", text.split("## Toàn văn", 1)[1])
    marked = text.replace(f"{word[1]} {word[2]} ", f"{word[1]} {MARK}{word[2]}</mark> ", 1)
    page.write_text(marked, encoding="utf-8")
    built = hoctap("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), cwd=project_copy)
    assert built.returncode == 0, built.stderr
    assert re.search(r"huong-dan\.md:\d+:\d+: M011 warning: 1 word\(s\) read by OCR with low confidence", built.stderr)
    shown = (tmp_path / "site" / "van-ban" / "huong-dan.html").read_text(encoding="utf-8")
    assert (f'<mark class="hoctap-ocr-nghi" title="Chữ đọc từ bản quét chưa chắc chắn — đối chiếu bản gốc">{word[2]}</mark>'
            in shown)
    registry = Registry.load(project_copy / "docs")
    for drafts in (True, False):
        [left] = [item for item in decide(registry, drafts=drafts, profile="intranet", preview=False)
                  if item.stem == "van-ban/huong-dan"]
    assert "still marked for checking" in [item for item in decide(registry, drafts=True, profile="intranet", preview=False)
                                           if item.stem == "van-ban/huong-dan"][0].reason
    page.write_text(text, encoding="utf-8")  # checked: the mark removed
    checked = Registry.load(project_copy / "docs")
    assert not [item for item in decide(checked, drafts=True, profile="intranet", preview=False)
                if item.stem == "van-ban/huong-dan"]
    assert ocr_marks.left(text, regions(text)) == [] and ocr_marks.left(marked, regions(marked)) == [marked.index(MARK)]


def test_an_ocr_import_marks_the_words_its_warning_lists(tmp_path):
    """A real scan (noise, skew) of a decree: each word the warning lists as doubted is kept and marked
    in the full text, and only those (a doubted word of the header makes no field, and has no mark)."""
    import json

    from PIL import Image

    from tests import import_traps as traps
    from tests.import_samples import write_scan
    from tests.test_import import hoctap

    png = write_scan(traps.made(tmp_path, "nghi-dinh-mau", "pdf"), tmp_path / "scan.png")
    with Image.open(png) as image:
        image.save(tmp_path / "scan.pdf", resolution=300)
    run = hoctap("import", "--dry-run", "--format", "json", str(tmp_path / "scan.pdf"))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    [listed] = [w for w in result["warnings"] if w.startswith("ocr: ") and "low confidence" in w]
    assert "marked for checking" in listed
    doubted = set(re.findall(r"`([^`]+)`", listed.split(":", 1)[1]))
    marked = {unescape(m) for m in re.findall(re.escape(MARK) + r"(.*?)</mark>", result["markdown"])}
    assert marked and marked <= doubted
