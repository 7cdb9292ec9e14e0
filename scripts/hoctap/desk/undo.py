""""Hoàn tác" (on every screen): the desk's last change is reverted, as a new change in the history."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from .app import back_to, remember_editor
from .history import HistoryError


async def undo(request: Request, desk):
    form = await request.form()
    target = str(form.get("tiep") or "/")
    response = back_to(target, "da-hoan-tac")
    editor = remember_editor(response, request, form)
    try:
        undone = await run_in_threadpool(desk.history.undo, editor)
    except HistoryError:
        return back_to(target, "khong-hoan-tac")
    if undone is None:
        return back_to(target, "chua-co-thay-doi")
    await run_in_threadpool(desk.preview.refresh)
    return response
