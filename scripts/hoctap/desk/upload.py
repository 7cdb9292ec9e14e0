"""Screen `/nhap` "Nhập văn bản": an official file in, its proposed fields beside the lines they
came from, then "Lưu trang" writes the page and the original as `hoctap import` does (the same
hoctap.importing.page.write_page), with the fields as the editor corrected them.

The upload waits outside docs/ (storage.Uploads) until it is saved; a file the importer refuses
(hoctap.importing.sniff, an unreadable body…) is a message on this screen, never a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from ..importing import ImportFailure, Imported, import_file
from ..importing.page import slug_of, write_page
from ..importing.sniff import sniff
from .app import back_to, remember_editor, render
from .storage import Refused, confined

CHUNK = 1 << 20


@dataclass(frozen=True)
class Field:
    """One proposed field of the form: its input's name, its label, and whether it holds lines."""

    name: str
    label: str
    lines: bool = False


FIELDS = (Field("loai", "Loại văn bản"), Field("so_ky_hieu", "Số ký hiệu"), Field("ngay_ban_hanh", "Ngày ban hành"),
          Field("co_quan_ban_hanh", "Cơ quan ban hành"), Field("trich_yeu", "Trích yếu"), Field("nguoi_ky", "Người ký"),
          Field("chuc_vu_ky", "Chức vụ"), Field("noi_nhan", "Nơi nhận", True), Field("thuc_hien", "Thực hiện", True),
          Field("can_cu", "Căn cứ", True))


WATCHED_AFTER = 30.0
"""Seconds "Nhập" waits for a reading with nothing to show before it shows the progress screen: a
Word file or a text PDF is read by then and its form comes at once; a scan shows its progress as
soon as OCR begins."""


async def show(request: Request, desk):
    return render(request, "nhap.html")


async def read(request: Request, desk):
    """The upload: kept, then read in the background (desk.jobs); its screen shows the progress, then
    the proposed fields or why the file was refused."""
    form = await request.form(max_files=1, max_fields=10)
    upload = form.get("tep")
    if upload is None or not getattr(upload, "filename", ""):
        return render(request, "nhap.html", status=400, problem="Chưa chọn tệp: chọn tệp văn bản rồi bấm “Nhập”.")
    upload_id, path = desk.uploads.keep(upload.filename, _chunks(upload.file))
    job = desk.jobs.start(upload_id, path)
    await run_in_threadpool(job.worth_watching, WATCHED_AFTER)
    return back_to(f"/nhap/viec/{upload_id}")


async def job_screen(request: Request, desk):
    """One import: its progress while it runs (the page refreshes itself), then its proposed fields."""
    job = desk.jobs.get(request.path_params["job"])
    if job is None:
        return render(request, "nhap.html", status=404, problem="Không còn việc nhập này (đã lưu, hoặc bàn biên tập "
                      "đã khởi động lại): chọn tệp và bấm “Nhập” lại.")
    if not job.done.is_set():
        return render(request, "nhap.html", job=job)
    if job.imported is None:
        desk.jobs.forget(job.id)
        desk.uploads.forget(job.id)
        return render(request, "nhap.html", status=422, problem=job.problem)
    return render(request, "nhap.html", upload_id=job.id, imported=job.imported, fields=_proposed(job.imported))


async def job_status(request: Request, desk):
    """The job's progress for the screen's script: {"xong": …, "chu": "Đang đọc bản quét: trang 2/5"}."""
    job = desk.jobs.get(request.path_params["job"])
    if job is None:
        return JSONResponse({"xong": True, "chu": ""}, status_code=404)
    return JSONResponse({"xong": job.done.is_set(), "chu": "" if job.done.is_set() else job.status})


def _chunks(handle):
    while chunk := handle.read(CHUNK):
        yield chunk


def read_upload(path, progress=None) -> Imported:
    """The importer's own reading of the file; anything it did not foresee is a refusal too."""
    try:
        sniff(path)
        return import_file(path, progress=progress)
    except ImportFailure:
        raise
    except Exception as error:  # a hostile file met a corner the importer did not foresee
        logging.getLogger("hoctap.desk").exception("importing %s", path.name)
        raise ImportFailure(f"{path.name}: the file could not be read ({type(error).__name__}); "
                            "open it in Word, save it again and import that copy") from None


def _value(imported: Imported, name: str) -> str:
    f = imported.fields
    if name == "noi_nhan":
        return "\n".join(f.noi_nhan)
    if name in ("thuc_hien", "can_cu"):
        return "\n".join(getattr(imported, name))
    return getattr(f, name) or ""


def _proposed(imported: Imported) -> list[dict]:
    """Each field with the value proposed and the printed line it was read from ("" when none)."""
    return [{"field": field, "value": _value(imported, field.name),
             "source": _source_line(imported, field.name)} for field in FIELDS]


def _source_line(imported: Imported, name: str) -> str:
    f = imported.fields
    if name == "ngay_ban_hanh" and f.ngay_ban_hanh:
        year = f.ngay_ban_hanh[:4]
        return next((line for line in imported.lines if "ngày" in line.lower() and year in line), "")
    wanted = {"so_ky_hieu": f.so_ky_hieu_in or f.so_ky_hieu, "noi_nhan": (f.noi_nhan_in or [""])[0],
              "thuc_hien": (imported.thuc_hien or [""])[0], "can_cu": (imported.can_cu or [""])[0]}.get(name)
    wanted = wanted if wanted is not None else _value(imported, name)
    words = " ".join(str(wanted).split()).lower()
    if not words:
        return ""
    probe = words[:40]
    joined = [(" ".join(line.split()).lower(), line) for line in imported.lines]
    return next((line for flat, line in joined if probe in flat or (len(flat) > 8 and flat in words)), "")


async def save(request: Request, desk):
    """"Lưu trang": the page and the original written as the command writes them, committed, previewed."""
    form = await request.form()
    upload_id = str(form.get("tai_len") or "")
    path = desk.uploads.find(upload_id)
    if path is None:
        return render(request, "nhap.html", status=410, problem="Tệp đã tải lên không còn (bàn biên tập đã khởi động lại): hãy nhập lại.")
    job = desk.jobs.get(upload_id)
    imported = job.imported if job and job.done.is_set() else None
    if imported is None:
        try:
            imported = await run_in_threadpool(read_upload, path)
        except ImportFailure as failure:
            return render(request, "nhap.html", status=422, problem=f"Không nhập được tệp này: {failure}")
    imported = corrected(imported, {field.name: str(form.get(field.name) or "") for field in FIELDS})
    slug = slug_of(imported)
    page_path = desk.docs_dir / "van-ban" / f"{slug}.md"
    original = desk.sources_dir / f"{slug}{path.suffix.lower()}"
    try:
        confined(page_path, desk.writable)
        confined(original, desk.writable)
    except Refused as refusal:
        return render(request, "nhap.html", status=403, problem=str(refusal))
    written, _ = await run_in_threadpool(write_page, imported, desk.docs_dir, desk.sources_dir)
    stem = written.relative_to(desk.docs_dir).with_suffix("").as_posix()
    response = back_to(f"/trang/{stem}", "da-luu")
    editor = remember_editor(response, request, form)
    await run_in_threadpool(desk.history.commit, [written, original], editor,
                            f"Nhập {imported.fields.so_ky_hieu or written.stem} từ {path.name}")
    desk.jobs.forget(upload_id)
    desk.uploads.forget(upload_id)
    await run_in_threadpool(desk.preview.refresh)
    return response


def corrected(imported: Imported, values: dict[str, str]) -> Imported:
    """The import with the fields the editor changed; an untouched field stays the importer's own,
    so a form saved as proposed writes exactly what `hoctap import` writes."""
    changes, lists = {}, {}
    for field in FIELDS:
        value = values.get(field.name, "").replace("\r\n", "\n").strip()
        if value == _value(imported, field.name).strip():
            continue
        if field.lines:
            lists[field.name] = [line.strip() for line in value.split("\n") if line.strip()]
        else:
            changes[field.name] = " ".join(value.split()) or None
    if "noi_nhan" in lists:
        changes["noi_nhan"] = changes["noi_nhan_in"] = lists.pop("noi_nhan")
    return replace(imported, fields=replace(imported.fields, **changes), **lists)
