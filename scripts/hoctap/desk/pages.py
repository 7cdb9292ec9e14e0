"""Screens `/trang` "Các trang" (every page and its states) and `/trang/<page>` (one page: its
phone preview, its findings, its fields as a form, its review, its changes).

A change to an approved page returns it to draft (`trang_thai: du-thao`, reviewer removed) and the
screen says so: what was approved is no longer what the page says. "Duyệt trang" records the
reviewer (name and position) and the date as the editors' guide defines them (`nguoi_duyet`,
`ngay_duyet`); "Bỏ duyệt" removes them.
"""

from __future__ import annotations

import datetime as dt

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request

from .app import back_to, remember_editor, render
from . import key_points, questions
from ..registry import quiz as quiz_file
from ..content.front_matter_text import FRONT, REMOVE, set_keys
from ..content.page import ContentError, parse_page
from ..text.findings import Finding
from .site import STATES, Shown, listing as site_listing, one_page, shown
from .storage import Refused, write_text


class PageField:
    def __init__(self, key: str, label: str, lines: bool = False, kind: str = "text"):
        self.key, self.label, self.lines, self.kind = key, label, lines, kind


PAGE_FIELDS = (PageField("loai", "Loại văn bản"), PageField("so_ky_hieu", "Số ký hiệu"),
               PageField("ngay_ban_hanh", "Ngày ban hành", kind="date"), PageField("co_quan_ban_hanh", "Cơ quan ban hành"),
               PageField("trich_yeu", "Trích yếu"), PageField("ten_ngan", "Tên ngắn"), PageField("nguoi_ky", "Người ký"),
               PageField("chuc_vu_ky", "Chức vụ"), PageField("noi_nhan", "Nơi nhận", True),
               PageField("thuc_hien", "Thực hiện", True), PageField("can_cu", "Căn cứ", True))
REVIEW_KEYS = ("trang_thai", "nguoi_duyet", "ngay_duyet")


async def listing(request: Request, desk):
    entries = await run_in_threadpool(site_listing, desk.project)
    counts = {state: sum(1 for e in entries if state in e.states) for state in STATES}
    return render(request, "trang_list.html", entries=entries, counts=counts, states=STATES)


async def show(request: Request, desk, status: int = 200, **extra):
    stem = request.path_params["page"]
    entry, registry = await _found(desk, stem)
    # Also after a change made outside the desk (a text editor, a git pull): a refresh with nothing
    # changed only looks at the files' dates (20 ms on 300 documents)
    await run_in_threadpool(desk.preview.refresh)
    meta = entry.page.meta
    values = {f.key: _shown(meta.get(f.key)) for f in PAGE_FIELDS}
    is_document = entry.page.path.parts[0] == "van-ban"
    points = await run_in_threadpool(key_points.choices, meta, stem, desk.docs_dir, desk.sources_dir) if is_document else None
    quiz = await run_in_threadpool(questions.on_page, desk, registry, entry.page)
    found = FRONT.match(entry.page.text)
    extra.setdefault("yaml_text", found.group(1) or "" if found else "")
    return render(request, "trang.html", status=status, entry=entry, fields=PAGE_FIELDS if is_document else (),
                  points=points, quiz=quiz, english=quiz_file.languages(desk.docs_dir),
                  values=values, states=STATES, meta=meta, today=dt.date.today().isoformat(),
                  preview_url=desk.preview.page_url(stem) if desk.preview.has(stem) else "",
                  translated=any((desk.docs_dir / f"{stem}.{language}.md").is_file() for language in desk.preview.languages),
                  changes=await run_in_threadpool(desk.history.changes, desk.docs_dir / entry.page.path), **extra)


async def in_other_language(request: Request, desk):
    """The preview's language menu leads here: it builds Vietnamese only, and says so rather than
    show an English page that may be older than the last save."""
    original = "/xem/" + request.path_params["rest"].lstrip("/")
    return render(request, "preview_language.html", status=404, original=original)


async def _found(desk, stem: str):
    """The page's entry (with its findings) and the site's registry; 404 when there is no such page."""
    found = await run_in_threadpool(one_page, desk.project, stem)
    if found is None:
        raise HTTPException(404)
    return found


async def _entry(desk, stem: str):
    return (await _found(desk, stem))[0]


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


async def save(request: Request, desk):
    """The fields as the editor changed them; an approved page whose fields changed returns to draft."""
    form = await request.form()
    stem = request.path_params["page"]
    entry = await _entry(desk, stem)
    meta = entry.page.meta
    updates = {}
    for field in PAGE_FIELDS:
        if field.key not in form:
            continue
        value = str(form.get(field.key) or "").replace("\r\n", "\n").strip()
        new = [line.strip() for line in value.split("\n") if line.strip()] if field.lines else " ".join(value.split())
        if new != (_list(meta.get(field.key)) if field.lines else _shown(meta.get(field.key))):
            updates[field.key] = new
    if not updates:
        return back_to(f"/trang/{stem}", "khong-doi")
    notice = "da-luu"
    if meta.get("trang_thai") == "da-duyet":
        updates.update(trang_thai="du-thao", nguoi_duyet=None, ngay_duyet=None)
        notice = "tro-lai-du-thao"
    return await _write(request, desk, entry, form, updates, notice, f"Sửa {entry.name}: {', '.join(updates)}")


def _list(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])


async def approve(request: Request, desk):
    form = await request.form()
    stem = request.path_params["page"]
    entry = await _entry(desk, stem)
    reviewer = " ".join(str(form.get("nguoi_duyet") or "").split())
    when = str(form.get("ngay_duyet") or "").strip() or dt.date.today().isoformat()
    try:
        day = dt.date.fromisoformat(when)
    except ValueError:
        day = None
    if not reviewer or day is None or day > dt.date.today():
        problem = ("Ghi họ tên và chức vụ người duyệt." if not reviewer
                   else "Ngày duyệt phải là một ngày có thật, không sau hôm nay.")
        return await show(request, desk, status=422, review_problem=problem)
    updates = {"trang_thai": "da-duyet", "nguoi_duyet": reviewer, "ngay_duyet": day.isoformat()}
    return await _write(request, desk, entry, form, updates, "da-duyet", f"Duyệt {entry.name}: {reviewer}, {day.isoformat()}")


async def unapprove(request: Request, desk):
    form = await request.form()
    stem = request.path_params["page"]
    entry = await _entry(desk, stem)
    updates = {"trang_thai": "du-thao", "nguoi_duyet": None, "ngay_duyet": None}
    return await _write(request, desk, entry, form, updates, "bo-duyet", f"Bỏ duyệt {entry.name}")


async def save_yaml(request: Request, desk):
    """"Xem/sửa YAML": the front matter as the editor typed it, written only when it reads as YAML and
    passes the schema every build applies (Page.checked); else the error at its line, the file unchanged.
    An approved page whose values changed returns to draft, as with the form."""
    form = await request.form()
    entry = await _entry(desk, request.path_params["page"])
    old = (desk.docs_dir / entry.page.path).read_text(encoding="utf-8")
    typed = str(form.get("yaml") or "").replace("\r\n", "\n")
    typed += "" if typed.endswith("\n") or not typed else "\n"
    found = FRONT.match(old)
    new = f"---\n{typed}---\n{old[found.end():] if found else old}"
    if new == old:
        return back_to(f"/trang/{entry.stem}", "khong-doi")
    problems = yaml_problems(typed, new, entry.page.path)
    if problems:
        return await show(request, desk, status=422, yaml_text=typed, yaml_problems=problems)
    before, after = entry.page.meta, parse_page(new, entry.page.path).meta
    changed = [k for k in {**before, **after} if k not in REVIEW_KEYS and before.get(k) != after.get(k)]
    notice = "da-luu"
    if entry.page.meta.get("trang_thai") == "da-duyet" and changed:
        new = with_keys(new, {"trang_thai": "du-thao", "nguoi_duyet": None, "ngay_duyet": None})
        notice = "tro-lai-du-thao"
    return await _write(request, desk, entry, form, None, notice, f"Sửa YAML của {entry.name}: {', '.join(changed) or 'duyệt'}",
                        text=new)


def yaml_problems(typed: str, text: str, rel) -> list:
    """Why the typed front matter cannot be written: a `---` line (it would end the front matter early),
    YAML that does not read, or the schema's errors; each at its line in the YAML box."""
    fence = next((n for n, line in enumerate(typed.splitlines(), 1) if line.rstrip() == "---"), 0)
    if fence:
        return [Shown(Finding(rel.as_posix(), fence + 1, 1, "E003", "a `---` line inside the front matter",
                              "remove the line"), "Ô YAML không được có dòng “---”: dòng đó kết thúc phần đầu trang.",
                      "---", "Xóa dòng này.")]
    try:
        page = parse_page(text, rel)
    except ContentError as error:
        return [shown(error.finding, text)]
    return [shown(f, text) for f in page.findings if f.is_error]


async def _write(request, desk, entry, form, updates: dict | None, notice: str, summary: str, text: str = ""):
    """Write the page (atomic, inside docs/, never through a link), commit it, refresh the preview:
    the page with `updates` set, or `text` whole."""
    file = desk.docs_dir / entry.page.path
    text = text or with_keys(file.read_text(encoding="utf-8"), updates)
    try:
        write_text(file, text, desk.writable)
    except Refused as refusal:
        return await show(request, desk, status=403, problem=str(refusal))
    response = back_to(f"/trang/{entry.stem}", notice)
    editor = remember_editor(response, request, form)
    await run_in_threadpool(desk.history.commit, [file], editor, summary)
    await run_in_threadpool(desk.preview.refresh)
    return response


async def keep_points(request: Request, desk):
    """"Chọn điểm chính": the proposals ticked become the document's block in the key points' data file."""
    form = await request.form()
    stem = request.path_params["page"]
    entry = await _entry(desk, stem)
    meta = entry.page.meta
    found = await run_in_threadpool(key_points.choices, meta, stem, desk.docs_dir, desk.sources_dir)
    if found is None:
        raise HTTPException(404)
    ticked = set(form.getlist("giu"))
    kept = [c.proposal for i, c in enumerate(found) if str(i) in ticked]
    dropped = [c.proposal.trich for i, c in enumerate(found) if c.kept and str(i) not in ticked]
    resting = await run_in_threadpool(questions.resting_on, desk, entry.page, dropped) if dropped else []
    if resting and not form.get("xac_nhan"):
        return await show(request, desk, status=409, drop_warning=resting, ticked=sorted(ticked, key=int))
    data_file = desk.docs_dir / key_points.FILE
    old = data_file.read_text(encoding="utf-8") if data_file.is_file() else ""
    try:
        write_text(data_file, key_points.with_block(old, key_points.key_of(meta, stem), kept), desk.writable)
    except Refused as refusal:
        return await show(request, desk, status=403, problem=str(refusal))
    response = back_to(f"/trang/{stem}", "da-chon-diem")
    editor = remember_editor(response, request, form)
    await run_in_threadpool(desk.history.commit, [data_file], editor, f"Điểm chính của {entry.name}: giữ {len(kept)}")
    await run_in_threadpool(desk.preview.refresh)  # Đọc nhanh and the speakers' page show the points kept
    return response


async def add_question(request: Request, desk):
    """"Thêm câu hỏi" under a kept key point: written into the quiz's data file when the quiz's check
    passes it; else the form again, with the editor's words and what is wrong."""
    form = await request.form()
    entry, registry = await _found(desk, request.path_params["page"])
    groups = await run_in_threadpool(questions.on_page, desk, registry, entry.page)
    point = next((g.point for g in groups if g.point.trich == str(form.get("diem") or "")), None)
    if point is None:
        return await show(request, desk, status=409, problem="Điểm chính này không còn được giữ (có người vừa đổi): "
                          "xem lại các điểm chính rồi thêm câu hỏi.")
    text, problems = await run_in_threadpool(questions.added, desk, entry.page, point, form)
    if problems:
        return await show(request, desk, status=422, quiz_form={"diem": point.trich, "values": form, "problems": problems})
    data_file = desk.docs_dir / quiz_file.FILE
    try:
        write_text(data_file, text, desk.writable)
    except Refused as refusal:
        return await show(request, desk, status=403, problem=str(refusal))
    response = back_to(f"/trang/{entry.stem}", "da-them-cau-hoi")
    editor = remember_editor(response, request, form)
    await run_in_threadpool(desk.history.commit, [data_file], editor,
                            f"Câu hỏi ôn tập về {entry.name}: {' '.join(str(form.get('hoi') or '').split())[:80]}")
    await run_in_threadpool(desk.preview.refresh)
    return response


def with_keys(text: str, updates: dict) -> str:
    """The page with the form's values set: an empty field leaves its key empty (`key:`), None takes it out."""
    m = FRONT.match(text)
    front, body = (m.group(1) or "", text[m.end():]) if m else ("", text)
    updates = {k: REMOVE if v is None else None if v in ("", []) else v for k, v in updates.items()}
    return f"---\n{set_keys(front, updates)}---\n{body}"
