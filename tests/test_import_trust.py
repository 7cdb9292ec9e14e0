"""`hoctap import` on what real official files do (tests/import_traps.py): no field is ever wrong.
A field is its true value, or empty with a warning that names it; a wrong value fails."""

from __future__ import annotations

import re

import pytest

from hoctap.importing import import_file
from tests import import_traps as traps
from tests.import_samples import as_text, write_docx, write_pdf


@pytest.mark.parametrize("fmt", sorted(traps.FORMATS))
@pytest.mark.parametrize("name", sorted(traps.TRAPS))
def test_no_field_is_ever_wrong(tmp_path, name, fmt):
    result = import_file(traps.made(tmp_path, name, fmt)).as_json()
    for key, truth in traps.TRUTH[name].items():
        if result[key] in (None, []):
            assert any(w.startswith(f"{key}:") for w in result["warnings"]), (key, result["warnings"])
        else:
            assert result[key] == truth, key


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "portal.html"])
def test_the_decree_reads_right_in_every_field(tmp_path, fmt):
    """Not only never wrong: on a well-made file every field is found."""
    result = import_file(traps.made(tmp_path, "nghi-dinh-mau", fmt)).as_json()
    assert {key: result[key] for key in traps.TRUTH["nghi-dinh-mau"]} == traps.TRUTH["nghi-dinh-mau"]


def test_the_fixtures_reproduce_the_failures():
    """The traps are there: a reference to another Điều wraps to a line's start in the text file,
    the preamble is a dash list right under the title, the portal page's side panel names a signer."""
    text = traps.as_text(traps.TRAPS["quy-dinh-dang-mau"]).splitlines()
    assert any(line.startswith("Điều ") and not line.startswith(("Điều 1.", "Điều 2.", "Điều 3.")) for line in text)
    assert text[text.index("THI HÀNH ĐIỀU LỆ MẪU") + 2].startswith("- Căn cứ")
    assert "Người ký: Chương I" in traps.as_portal_html(traps.TRAPS["nghi-dinh-mau"])


@pytest.mark.parametrize("value, field", [
    ("——", "organisation"), ("CỤC THUẾ TỈNH MẪU", None), ("Chương I", "person"), ("Lò Thị Hằng", None),
    ("Giàng A Páo", None), ("PHÓ THỦ TƯỚNG QUY ĐỊNH CHUNG; CHƯƠNG I", "position"), ("PHÓ CHỦ TỊCH", None),
    ("THI HÀNH ĐIỀU LỆ MẪU - Căn cứ Điều lệ Mẫu;", "subject"), ("triển khai công tác Kinh gửi:", "subject"),
    ("Về công tác mẫu -----", "subject"), ("T/M BAN CHẤP HÀNH TRUNG ƯƠNG", None),
])
def test_each_field_has_a_form(value, field):
    from hoctap.importing import forms

    checks = {"organisation": forms.organisation, "person": forms.person, "position": forms.position,
              "subject": forms.subject}
    for name, check in checks.items():
        if name == field:
            assert check(value) is not None
    if field is None:
        assert any(check(value) is None for check in (*checks.values(), forms.authority))


@pytest.mark.parametrize("name", [
    "Nguyễn Thị Huyền", "Trần Minh Quân", "Lê Thu Phương", "Lưu Quang Nhân", "Chu Thị Diễm", "Nguyễn Thu Trang",
    "Lê Quỳnh Như", "Nguyễn Văn Chương", "Trương Khoa Nam", "Nguyễn Thị Ý", "Vừ A Dính", "Lý Thị Mỷ",
])
def test_a_name_that_shares_its_letters_with_a_title_or_a_heading_is_a_name(name):
    """Compared with their tone marks, `Huyền` is not `Huyện`, `Quân` not `Quận`, `Phương` not `Phường`; a
    heading's opening word (`Chương`, `Trang`, `Như`) only opens a name's line as a heading."""
    from hoctap.importing import forms

    assert forms.person(name) is None


@pytest.mark.parametrize("line", [
    "Chương Ii", "Nơi Nhận", "Kính Gửi", "Như Trên", "Phụ Lục", "Ủy Ban Nhân Dân", "Lưu Vt", "Đã Ký",
    "Thứ Trưởng", "Chu Tich", "Pho Chu Tich", "Giam Doc", "Nguyễn Văn I",
])
def test_a_heading_a_title_or_a_unit_code_is_no_name(line):
    """Lines a signature block or a Nơi nhận column holds next to the name, as `str.title()` gives them
    from capitals, and position titles a scan read without their marks."""
    from hoctap.importing import forms

    assert forms.person(line) is not None


def _outline(result) -> list[str]:
    return [line for line in result.markdown.splitlines() if line.startswith("#")]


@pytest.mark.parametrize("fmt", ["txt", "layout.txt", "pdf", "docx", "portal.html"])
def test_a_reference_that_opens_a_line_is_never_a_heading_and_a_wrapped_title_is_whole(tmp_path, fmt):
    party = import_file(traps.made(tmp_path, "quy-dinh-dang-mau", fmt))
    assert [h.split(" {#")[1] for h in _outline(party)] == ["dieu-1}", "dieu-2}", "dieu-3}"]
    assert "### Điều 2. Thẩm quyền và trách nhiệm của cấp ủy các cấp trong việc xem xét, quyết định kết nạp người " \
           "vào Đảng và công nhận đảng viên chính thức {#dieu-2}" in party.markdown
    decree = import_file(traps.made(tmp_path, "nghi-dinh-mau", fmt))
    assert [h.rsplit(" {#", 1)[1] for h in _outline(decree)] == [
        "chuong-i}", "dieu-1}", "dieu-2}", "chuong-ii}", "dieu-3}", "phu-luc}"]
    assert "thực hiện công tác văn thư {#dieu-2}" in decree.markdown
    assert not [w for w in decree.warnings + party.warnings if w.startswith("structure:")]


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx", "html"])
def test_the_preamble_stays_in_the_full_text_and_the_appendix_follows_the_signature(tmp_path, fmt):
    decree = import_file(traps.made(tmp_path, "nghi-dinh-mau", fmt)).markdown
    for line in traps.TRAPS["nghi-dinh-mau"].body[:4]:
        assert line in decree
    party = import_file(traps.made(tmp_path, "quy-dinh-dang-mau", fmt)).markdown
    assert party.startswith("- Căn cứ Điều lệ Mẫu;\n- Căn cứ Quy chế")
    assert decree.index("{: .hoctap-chu-ky }") < decree.index("### PHỤ LỤC {#phu-luc}")
    assert "\nMẪU BÁO CÁO KẾT QUẢ THỰC HIỆN\n" in decree
    if fmt != "txt":  # a text file keeps no table: its rows stay lines
        assert "| STT | Nội dung | Kết quả |\n| --- | --- | --- |\n| 1 | Số văn bản đến | 120 |" in decree


def test_a_reference_opening_a_paragraph_is_text_and_a_bare_article_number_takes_its_title():
    from hoctap.importing.layout import Paragraph
    from hoctap.importing.structure import to_markdown

    body = to_markdown([Paragraph(t, []) for t in (
        "Điều 1. Phạm vi", "Nội dung.", "Điều 47 của Luật Mẫu quy định việc này.", "Điều 3 Điều lệ Mẫu;",
        "ĐIỀU 2.", "QUYỀN VÀ NGHĨA VỤ CỦA ĐOÀN VIÊN", "Nội dung.", "Chương II của Luật này không áp dụng.")])
    assert [h.anchor for h in body.outline] == ["dieu-1", "dieu-2"]
    assert body.outline[1].text == "ĐIỀU 2. QUYỀN VÀ NGHĨA VỤ CỦA ĐOÀN VIÊN"
    assert "\n\nĐiều 47 của Luật Mẫu quy định việc này.\n\n" in body.markdown and not body.warnings


def test_letter_spaced_pdf_keeps_symbols_and_full_stops_whole(tmp_path):
    from weasyprint import HTML

    HTML(string="<p style='font: 13pt serif; letter-spacing: 0.12em; text-align: justify'>Căn cứ Nghị định số "
                "30/2020/NĐ-CP của Chính phủ về công tác văn thư. Các cơ quan thực hiện.</p>").write_pdf(tmp_path / "x.pdf")
    from hoctap.importing.from_pdf import extract

    text = " ".join(row.text for row in extract(tmp_path / "x.pdf").rows)
    assert text == "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư. Các cơ quan thực hiện."


@pytest.mark.parametrize("name", ["nghi-dinh-mau", "cong-van-ocr-mau"])
def test_a_scan_never_gives_a_wrong_field_keeps_every_word_and_shows_its_progress(tmp_path, name):
    """The first page of the PDF, scanned (noise, skew) and saved as a one-page PDF: fields OCR was
    unsure of are empty and flagged, none is wrong; the terminal shows `page 1 of 1` while it reads."""
    import json

    from PIL import Image

    from tests.import_samples import write_scan
    from tests.test_import import hoctap

    png = write_scan(traps.made(tmp_path, name, "pdf"), tmp_path / "scan.png")
    with Image.open(png) as image:
        image.save(tmp_path / "scan.pdf", resolution=300)
    run = hoctap("import", "--dry-run", "--format", "json", str(tmp_path / "scan.pdf"))
    assert run.returncode == 0, run.stderr
    assert "scan.pdf: OCR, page 1 of 1" in run.stderr
    result = json.loads(run.stdout)
    truth = traps.TRUTH[name]
    for key in ("loai", "so_ky_hieu", "ngay_ban_hanh", "noi_ban_hanh", "co_quan_ban_hanh", "co_quan_chu_quan", "trich_yeu"):
        if result[key] is None:
            assert any(w.startswith(f"{key}:") for w in result["warnings"]), key
        else:
            assert result[key] == truth[key], key


CHAIN_FORMATS = {"docx": lambda s, p: write_docx(s, p), "pdf": lambda s, p: write_pdf(s, p),
                 "txt": lambda s, p: p.write_text(as_text(s), encoding="utf-8")}


@pytest.mark.parametrize("fmt", sorted(CHAIN_FORMATS))
def test_a_chain_of_five_reads_what_each_implements_exactly(tmp_path, fmt):
    """`thuc_hien` holds the documents named right after "thực hiện", "triển khai": the programme
    of the Tỉnh ủy implements 88-CTr/TW, not the 89-KL/TW that programme implements (only named);
    the slip `87-CTr/Tu` reads as the registry's 87-CTr/TU, with a warning."""
    for name, sample in traps.CHAIN.items():
        path = tmp_path / f"{name}.{fmt}"
        CHAIN_FORMATS[fmt](sample, path)
        result = import_file(path, known={"87-CTr/TU"}).as_json()
        assert result["so_ky_hieu"] == traps.CHAIN_SYMBOLS[name]
        assert result["thuc_hien"] == traps.CHAIN_THUC_HIEN[name], name
        if name == "ctr-tinh-uy":
            assert result["nhac_den"] == [{"so_ky_hieu": "89-KL/TW", "so_ky_hieu_in": "89-KL/TW", "ngay": "ngày 10/01/2026",
                                           "co_quan": "Bộ Chính trị"}]
        if name == "cong-van-2":
            assert any(w.startswith("thuc_hien: `87-CTr/Tu` is printed for 87-CTr/TU") for w in result["warnings"])


def test_a_reimport_keeps_the_editors_corrections_and_edited_full_text(project_copy, tmp_path):
    from tests.test_import import hoctap, made

    pdf = made(tmp_path, "ke-hoach-mau", "pdf")
    assert hoctap("import", str(pdf), cwd=project_copy).returncode == 0
    page = project_copy / "docs" / "van-ban" / "07-kh-ldld.md"
    text = page.read_text(encoding="utf-8")
    assert "toan_van_sha256: " in text
    text = text.replace("trich_yeu: Tổ chức hội nghị mẫu về công tác tuyên giáo công đoàn năm 2026",
                        "trich_yeu: Tổ chức hội nghị mẫu về công tác tuyên giáo Công đoàn năm 2026")
    text = text.replace("nguoi_ky: Nguyễn Văn An", "nguoi_ky: Nguyễn Văn Ân")
    text = text.replace("Chủ trì, tham mưu tổ chức hội nghị;", "Chủ trì, tham mưu tổ chức hội nghị (đã soát);")
    page.write_text(text, encoding="utf-8")
    again = hoctap("import", str(pdf), cwd=project_copy)
    assert again.returncode == 0, again.stderr
    assert page.read_text(encoding="utf-8") == text  # every correction kept
    assert "trich_yeu: the page says 'Tổ chức hội nghị mẫu về công tác tuyên giáo Công đoàn năm 2026' (kept)" in again.stderr
    assert "nguoi_ky: the page says 'Nguyễn Văn Ân' (kept), the import reads 'Nguyễn Văn An'" in again.stderr
    assert "toan_van: the full text was edited on the page" in again.stderr
    replaced = hoctap("import", "--replace-text", str(pdf), cwd=project_copy)
    assert replaced.returncode == 0, replaced.stderr
    after = page.read_text(encoding="utf-8")
    assert "(đã soát)" not in after and "nguoi_ky: Nguyễn Văn Ân" in after


def test_a_chain_imported_in_any_order_builds_at_once_and_links_itself(project_copy, tmp_path):
    """Five files imported as they come (the last of the chain first), no line edited: the site
    builds, each card links what its document implements and what implements it, the map draws them;
    before the programme arrives, a dispatch's card names it as cited, with no page (được nhắc đến)."""
    from tests.test_import import hoctap

    def build_site(project, out):
        return hoctap("build", "--no-pdf", "--site-dir", str(out), cwd=project)

    files = {}
    for name, sample in traps.CHAIN.items():
        files[name] = write_docx(sample, tmp_path / f"{name}.docx")
    first = hoctap("import", str(files["cong-van-1"]), cwd=project_copy)
    assert first.returncode == 0, first.stderr
    early = build_site(project_copy, tmp_path / "early")
    assert early.returncode == 0, early.stderr
    card = (tmp_path / "early" / "van-ban" / "86-ldld-tg.html").read_text(encoding="utf-8")
    assert "<li>87-CTr/TU<span class=\"ht-card__title\"> — được nhắc đến, chưa có trang</span></li>" in card
    listed = (tmp_path / "early" / "van-ban" / "index.html").read_text(encoding="utf-8").split('class="ht-catalogue"')[1]
    rows = [row for row in listed.split("</table>")[0].split("<tr>") if re.sub(r"<[^>]+>", "", row).strip().startswith("87-CTr/TU")]
    assert len(rows) == 1 and "được nhắc đến, chưa có trang" in rows[0] and "<a " not in rows[0]  # cited, no link
    assert "ngày 05/02/2026" in rows[0] and "Ban Thường vụ Tỉnh ủy" in rows[0]  # as the dispatch prints them
    # The map: the dispatch, then under it (its relation's word on the edge) the programme it cites, no link
    drawn = (tmp_path / "early" / "ban-do.html").read_text(encoding="utf-8").split('class="ht-diagram"', 1)[1]
    dispatch = drawn.index('<a href="van-ban/86-ldld-tg.html"')
    cited = re.search(r'<g class="ht-svg__node ht-svg__node--cited" lang="vi"><desc>87-CTr/TU: (.*?)</desc>(.*?)</g>', drawn, re.S)
    assert cited and cited.start() > dispatch and "<a " not in cited[2]
    assert cited[1] == "Ban Thường vụ Tỉnh ủy, ngày 05/02/2026 — được nhắc đến, chưa có trang"
    assert ">Thực hiện</text>" in drawn[dispatch:cited.start()] and "ht-svg__edge--thuc_hien" in drawn
    for name in ("cong-van-2", "ket-luan", "ctr-tinh-uy", "ctr-bo-chinh-tri"):
        run = hoctap("import", str(files[name]), cwd=project_copy)
        assert run.returncode == 0, run.stderr
    built = build_site(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site" / "van-ban"
    for name, implemented in traps.CHAIN_THUC_HIEN.items():
        page = (site / f"{traps.CHAIN_SYMBOLS[name].lower().replace('/', '-').replace('đ', 'd')}.html").read_text(encoding="utf-8")
        for symbol in implemented:
            target = symbol.lower().replace("/", "-").replace("đ", "d")
            assert f'<a href="{target}.html">{symbol}</a>' in page, (name, symbol)
    programme = (site / "87-ctr-tu.html").read_text(encoding="utf-8")
    implementers = programme.split("Được thực hiện bởi", 1)[1].split("</dd>", 1)[0]
    assert '<a href="85-ldld-tg.html">' in implementers and '<a href="86-ldld-tg.html">' in implementers
    assert "được nhắc đến" not in (site / "index.html").read_text(encoding="utf-8")  # every link now has its page
    drawn = (tmp_path / "site" / "ban-do.html").read_text(encoding="utf-8").split('class="ht-diagram"', 1)[1]
    assert all(symbol in drawn for symbol in traps.CHAIN_SYMBOLS.values())
    assert "ht-svg__node--cited" not in drawn  # each link drawn as its document now


@pytest.mark.parametrize("number, loai", [("Số 45-CV/TU", "Công văn"), ("Số: 45/KL-LĐLĐ", "Kết luận"),
                                          ("Số 45-QĐ/TW", None)])
def test_a_type_the_symbol_settles_is_read_from_it(tmp_path, number, loai):
    """No type line and no `V/v`: `CV`, `KL`… settle the type; a Party `QĐ` (quyết định or quy định) does not."""
    import dataclasses

    from tests.import_samples import SAMPLES

    sample = dataclasses.replace(SAMPLES["cong-van-mau"], vv=[], number=number)
    (tmp_path / "x.txt").write_text(as_text(sample), encoding="utf-8")
    result = import_file(tmp_path / "x.txt").as_json()
    assert result["loai"] == loai
    assert any(w.startswith("loai:") for w in result["warnings"])


@pytest.mark.parametrize("printed, shown", [
    ("QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT MẪU", "Quy định chi tiết một số điều của luật mẫu"),
    ("CỦA BỘ CHÍNH TRỊ THỰC HIỆN KẾT LUẬN SỐ 89-KL/TW", "Của Bộ Chính trị thực hiện kết luận số 89-KL/TW"),
    ("NGHỊ QUYẾT ĐẠI HỘI XIV CỦA ĐẢNG", "Nghị quyết Đại hội XIV của Đảng"),
    ("Tổ chức hội nghị mẫu", "Tổ chức hội nghị mẫu"),  # not in capitals: as printed
])
def test_a_trich_yeu_in_capitals_is_shown_in_sentence_case(printed, shown):
    from hoctap.text.sentence_case import sentence_case

    assert sentence_case(printed) == shown


def test_an_incomplete_import_builds_in_previews_and_stays_out_of_a_publish(project_copy, tmp_path):
    """The header's issuer is a rule OCR read (`——`): the field is empty; the page builds in a preview
    with the gap listed, and the gate keeps it out of a publish, drafts allowed or not, until it is filled."""
    import dataclasses

    from hoctap.registry.documents import Registry
    from hoctap.registry.gate_decision import decide
    from tests.import_samples import SAMPLES
    from tests.test_import import hoctap

    sample = dataclasses.replace(SAMPLES["ky-so-thieu-so-mau"], left=["——"])
    assert hoctap("import", str(write_docx(sample, tmp_path / "huong-dan.docx")), cwd=project_copy).returncode == 0
    built = hoctap("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), cwd=project_copy)
    assert built.returncode == 0, built.stderr
    assert "huong-dan.md:5:1: M001 warning: `co_quan_ban_hanh` is empty: the import could not read it" in built.stderr
    assert (tmp_path / "site" / "van-ban" / "huong-dan.html").is_file()
    registry = Registry.load(project_copy / "docs")
    [left] = [item for item in decide(registry, drafts=True, profile="intranet", preview=False)
              if item.stem == "van-ban/huong-dan"]
    assert left.reason.startswith("incomplete: `co_quan_ban_hanh` empty")
    page = project_copy / "docs" / "van-ban" / "huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8").replace("co_quan_ban_hanh:\n", "co_quan_ban_hanh: LĐLĐ tỉnh Mẫu\n"),
                    encoding="utf-8")
    filled = Registry.load(project_copy / "docs")
    assert not [item for item in decide(filled, drafts=True, profile="intranet", preview=False)
                if item.stem == "van-ban/huong-dan"]
