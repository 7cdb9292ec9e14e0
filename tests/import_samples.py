"""Test documents for `hoctap import`, written once as data and rendered in every format a
federation receives: plain text, HTML, a WeasyPrint PDF (justified, hard-wrapped, page numbers,
a running footer, a two-column signature), Word (header as a table, or typed with tabs), old Word
`.doc` (saved from it by LibreOffice at test time),
TCVN3 and VNI encodings, and a noisy scan.

They are samples of the layout rules (NĐ 30/2020 Phụ lục I and III, HD 36-HD/VPTW), not
documents of the federation: issuers, numbers and names are made up ("tỉnh Mẫu"), and they
never reach docs/ or sources/. Their expected fields are in tests/import/<name>.json.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from pathlib import Path

from hoctap.importing import legacy


@dataclass
class Sample:
    left: list[str]  # superior body and issuing body, as printed (the issuer in bold)
    number: str  # `Số: 07/KH-LĐLĐ`
    right: list[str]  # the motto
    date: str
    type_line: str | None
    title: list[str]
    body: list[str]
    recipients: list[str]
    signature: list[str]
    vv: list[str] = field(default_factory=list)  # a công văn's `V/v` lines under its number
    bold_from: int = 0  # left[bold_from:] is the issuing body
    rule: str | None = None  # the rule typed under the title (`-----------`)
    appendix: list[str] = field(default_factory=list)  # PHỤ LỤC and its title lines, after the signature
    table: list[list[str]] = field(default_factory=list)  # the appendix's table, a header row first


LONG = ("Các cấp công đoàn trong tỉnh tổ chức quán triệt sâu rộng nội dung của văn bản này đến đoàn viên, "
        "người lao động bằng nhiều hình thức phù hợp với điều kiện của từng cơ quan, đơn vị, doanh nghiệp, "
        "bảo đảm thiết thực, hiệu quả, tiết kiệm và đúng thời gian quy định.")

SAMPLES = {
    "ke-hoach-mau": Sample(
        left=["TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU"], bold_from=1,
        number="Số: 07/KH-LĐLĐ",
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày 05 tháng 02 năm 2026",
        type_line="KẾ HOẠCH",
        title=["Tổ chức hội nghị mẫu về công tác tuyên giáo", "công đoàn năm 2026"],
        body=[
            "Căn cứ Chương trình số 01/CTr-LĐLĐ ngày 21/01/2026 của Ban Chấp hành Liên đoàn Lao động tỉnh Mẫu;",
            "Ban Thường vụ Liên đoàn Lao động tỉnh Mẫu ban hành Kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            LONG,
            "2. Yêu cầu",
            "Phấn đấu đến năm 2030 có 90% đoàn viên được học tập, quán triệt nội dung của văn bản.",
            "II. NỘI DUNG",
            "1. Nội dung học tập",
            "- Các văn bản của cấp trên về công tác tuyên giáo.",
            "+ Văn bản của Tổng Liên đoàn Lao động Việt Nam.",
            "+ Văn bản của Tỉnh ủy Mẫu.",
            "- Các chương trình hành động của Liên đoàn Lao động tỉnh.",
            "2. Thời gian: Trong quý I năm 2026.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Ban Tuyên giáo Liên đoàn Lao động tỉnh",
            "Chủ trì, tham mưu tổ chức hội nghị; theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
            "2. Công đoàn cơ sở",
            LONG,
        ],
        recipients=["- Tổng LĐLĐ Việt Nam;", "- Thường trực Tỉnh ủy Mẫu;", "- Các công đoàn cơ sở;", "- Lưu: VT, TG."],
        signature=["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"],
    ),
    "quyet-dinh-mau": Sample(
        left=["UBND TỈNH MẪU", "SỞ NỘI VỤ"], bold_from=1,
        number="Số: 15/QĐ-SNV",
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày 10 tháng 3 năm 2026",
        type_line="QUYẾT ĐỊNH",
        title=["Ban hành Quy chế mẫu về công tác văn thư"],
        body=[
            "GIÁM ĐỐC SỞ NỘI VỤ",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
            "Theo đề nghị của Chánh Văn phòng Sở.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế mẫu về công tác văn thư.",
            "Điều 2. Trách nhiệm thi hành",
            "1. Chánh Văn phòng Sở chịu trách nhiệm hướng dẫn thực hiện Quy chế.",
            "2. Các phòng thuộc Sở có trách nhiệm:",
            "a) Thực hiện đúng Quy chế;",
            "b) Báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        ],
        recipients=["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Lưu: VT, VP."],
        signature=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bình"],
    ),
    "chuong-trinh-dang-mau": Sample(
        left=["TỈNH ỦY MẪU", "*"], bold_from=0,
        number="Số 09-CTr/TU",
        right=["ĐẢNG CỘNG SẢN VIỆT NAM"],
        date="Tỉnh Mẫu, ngày 04 tháng 3 năm 2026",
        type_line="CHƯƠNG TRÌNH",
        title=["hành động mẫu thực hiện nghị quyết của Ban Chấp hành Trung ương"],
        body=[
            "I. MỤC TIÊU",
            "Phấn đấu đến năm 2030, tỷ lệ đảng viên được học tập nghị quyết đạt 100%.",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "1. Tăng cường sự lãnh đạo của cấp ủy",
            LONG,
            "III. TỔ CHỨC THỰC HIỆN",
            "Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện Chương trình này.",
        ],
        recipients=["- Ban Bí thư Trung ương Đảng,", "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."],
        signature=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Văn Cường"],
    ),
    "cong-van-mau": Sample(
        left=["LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU"], bold_from=0,
        number="Số: 123/LĐLĐ-TG",
        vv=["V/v hướng dẫn tổ chức hội nghị mẫu"],
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày 20 tháng 4 năm 2026",
        type_line=None, title=[],
        body=["Kính gửi: Các công đoàn cơ sở trực thuộc.", LONG, "Đề nghị các đơn vị thực hiện./."],
        recipients=["- Như trên;", "- Lưu: VT, TG."],
        signature=["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Phạm Thị Dung"],
    ),
    "ky-so-thieu-so-mau": Sample(
        left=["LIÊN ĐOÀN LAO ĐỘNG TỈNH MẪU"], bold_from=0,
        number="Số:      /HD-LĐLĐ",
        right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        date="Tỉnh Mẫu, ngày      tháng 8 năm 2026",
        type_line="HƯỚNG DẪN",
        title=["Thực hiện công tác mẫu"],
        body=["1. Yêu cầu chung", LONG],
        recipients=["- Các công đoàn cơ sở;", "- Lưu: VT."],
        signature=["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"],
    ),
}


def as_text(s: Sample, encode=lambda t: t) -> str:
    """A text file as copied from a PDF by hand: one column after the other, no positions kept."""
    lines = s.left + [s.number] + s.vv + s.right + [s.date, ""]
    lines += ([s.type_line] if s.type_line else []) + s.title + ([s.rule] if s.rule else []) + [""]
    for paragraph in s.body:
        lines += _wrap(paragraph, 80)
    lines += ["", "Nơi nhận:"] + s.recipients + [""] + s.signature
    lines += ([""] + s.appendix + [""] + ["\t".join(row) for row in s.table]) if s.appendix else []
    return encode("\n".join(lines) + "\n")


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def as_html(s: Sample, for_pdf: bool = False, repeat: int = 1) -> str:
    e = html.escape
    left = "".join(f"<p{' class=b' if i >= s.bold_from else ''}>{e(t)}</p>" for i, t in enumerate(s.left))
    left += f"<p>{e(s.number)}</p>" + "".join(f"<p>{e(t)}</p>" for t in s.vv)
    right = "".join(f"<p class=b>{e(t)}</p>" for t in s.right) + f"<p><i>{e(s.date)}</i></p>"
    head = f"<table class=head><tr><td class=l>{left}</td><td class=r>{right}</td></tr></table>"
    title = (f"<p class='t b'>{e(s.type_line)}</p>" if s.type_line else "") + \
        "".join(f"<p class='t b'>{e(t)}</p>" for t in s.title) + (f"<p class=t>{e(s.rule)}</p>" if s.rule else "")
    body = "".join(f"<p class=body>{e(t)}</p>" for _ in range(repeat) for t in s.body)
    closing = ("<table class=close><tr><td class=l><p><b><i>Nơi nhận:</i></b></p>"
               + "".join(f"<p class=small>{e(t)}</p>" for t in s.recipients) + "</td><td class=r>"
               + "".join(f"<p class=b>{e(t)}</p>" for t in s.signature[:-1])
               + "<p class=sign></p>" + f"<p class=b>{e(s.signature[-1])}</p></td></tr></table>")
    if s.appendix:
        closing += "<div class=appendix>" + "".join(f"<p class='t b'>{e(t)}</p>" for t in s.appendix) + \
            "<table class=grid>" + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in s.table) \
            + "</table></div>"
    css = """
      @page { size: A4; margin: 20mm 15mm 20mm 30mm;
              @top-center { content: counter(page); font: 13pt serif }
              @bottom-right { content: "Văn bản mẫu - kiểm thử"; font: 9pt serif } }
      @page :first { @top-center { content: none } }
      body { font: 13pt/1.3 'DejaVu Serif', serif; }
      p { margin: 0 } .b { font-weight: bold } .t { text-align: center }
      .body { text-align: justify; text-indent: 1cm; margin-top: 6pt }
      table { width: 100%; border-collapse: collapse } td { vertical-align: top; text-align: center }
      .head td.l { width: 40% } .close td.l { width: 50%; text-align: left } .small { font-size: 11pt }
      .sign { height: 2cm } .appendix { page-break-before: always }
      table.grid td { border: 0.5pt solid black; padding: 2pt 4pt; text-align: left }
    """ if for_pdf else ""
    return (f"<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><style>{css}</style></head>"
            f"<body>{head}{title}{body}{closing}</body></html>")


def write_pdf(s: Sample, path: Path, repeat: int = 1) -> Path:
    from weasyprint import HTML

    HTML(string=as_html(s, for_pdf=True, repeat=repeat)).write_pdf(path)
    return path


def write_docx(s: Sample, path: Path, tabs: bool = False, font: str | None = None, encode=lambda t, caps=False: t) -> Path:
    """A Word file: the header in a two-column table, or (`tabs`) typed with tab stops; `font` a
    legacy font whose encoding `encode` applies (capitals lines in its `H` variant)."""
    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = font or "Times New Roman"

    def put(paragraph, text: str, bold: bool = False):
        caps = text == text.upper() and any(ch.isalpha() for ch in text)
        run = paragraph.add_run(encode(text, caps))
        run.bold = bold
        if font:
            run.font.name = font + ("H" if caps else "")

    left = [(t, i >= s.bold_from) for i, t in enumerate(s.left)] + [(s.number, False)] + [(t, False) for t in s.vv]
    right = [(t, True) for t in s.right] + [(s.date, False)]
    if tabs:
        for i in range(max(len(left), len(right))):
            p = document.add_paragraph()
            if i < len(left):
                put(p, left[i][0], left[i][1])
            if i < len(right):
                p.add_run("\t\t")
                put(p, right[i][0], right[i][1])
    else:
        table = document.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (left, right)):
            cell.paragraphs[0].text = ""
            for j, (text, bold) in enumerate(lines):
                put(cell.paragraphs[0] if j == 0 else cell.add_paragraph(), text, bold)
    for text in ([s.type_line] if s.type_line else []) + s.title:
        put(document.add_paragraph(), text, True)
    if s.rule:
        put(document.add_paragraph(), s.rule)
    for text in s.body:
        put(document.add_paragraph(), text)
    table = document.add_table(rows=1, cols=2)
    lcell, rcell = table.rows[0].cells
    put(lcell.paragraphs[0], "Nơi nhận:", True)
    for text in s.recipients:
        put(lcell.add_paragraph(), text)
    put(rcell.paragraphs[0], s.signature[0], True)
    for text in s.signature[1:]:
        put(rcell.add_paragraph(), text, True)
    for text in s.appendix:
        put(document.add_paragraph(), text, True)
    if s.table:
        grid = document.add_table(rows=len(s.table), cols=len(s.table[0]))
        for cells, row in zip(grid.rows, s.table):
            for cell, text in zip(cells.cells, row):
                put(cell.paragraphs[0], text)
    document.save(path)
    return path


def tcvn3(text: str, caps: bool = False) -> str:
    return legacy.encode_tcvn3(text)


def vni(text: str, caps: bool = False) -> str:
    return legacy.encode_vni(text)


def write_scan(pdf: Path, path: Path, seed: int = 7) -> Path:
    """The PDF's first page as a 300 dpi greyscale scan, with speckle noise and a slight skew."""
    import subprocess

    from PIL import Image, ImageFilter

    base = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(base)],
                   check=True)
    with Image.open(base.with_suffix(".png")) as page:
        image = page.convert("L").rotate(0.3, fillcolor=255, expand=False)
    rng = random.Random(seed)
    pixels = image.load()
    for _ in range(image.width * image.height // 400):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        pixels[x, y] = rng.choice((0, 90, 180))
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    image.save(path)
    return path


def write_scanned_pdf(folder: Path, pages: int = 2) -> Path:
    """The sample plan's first page scanned (write_scan), `pages` times in one PDF, as a scanner makes it."""
    from PIL import Image

    png = write_scan(write_pdf(SAMPLES["ke-hoach-mau"], folder / "mau.pdf"), folder / "mau.png")
    with Image.open(png) as image:
        image.save(folder / "ban-quet.pdf", resolution=300, save_all=True, append_images=[image] * (pages - 1))
    return folder / "ban-quet.pdf"


def write_doc(s: Sample, path: Path) -> Path:
    """An old Word `.doc`: the sample's Word file (header in a table) saved as Word 97 by LibreOffice
    (Debian's libreoffice-writer), here and now, so that no binary is kept in the repository."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("soffice is missing: run `make setup` (Debian's libreoffice-writer)")
    docx = write_docx(s, path.with_suffix(".docx"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{path.parent / 'lo-profile'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(path.parent), str(docx)], check=True, capture_output=True,
                   timeout=180)
    docx.unlink()
    return path
