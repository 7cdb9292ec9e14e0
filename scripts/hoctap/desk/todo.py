"""Screen `/` "Việc cần làm": what stands between the site and a good publish, per page, errors
first; "Sửa tự động" applies the safe fixes the checks offer (hoctap.checks.fix), as `hoctap check --fix`."""

from __future__ import annotations

from dataclasses import replace

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ..checks.fix import fix_files
from ..checks.source import Site
from .app import back_to, remember_editor, render
from .site import STATES, one_page, overview


async def show(request: Request, desk):
    view = await run_in_threadpool(overview, desk.project)
    todo = [e for e in view.entries if e.findings]
    return render(request, "todo.html", entries=todo, other=view.other, counts=view.counts(), states=STATES,
                  total=len(view.entries))


async def fix(request: Request, desk):
    form = await request.form()
    stem = str(form.get("trang") or "")
    response = back_to(str(form.get("tiep") or "/"), "da-sua")
    editor = remember_editor(response, request, form)
    fixed = await run_in_threadpool(_fix_page, desk, stem, editor)
    if fixed is None:
        return back_to(str(form.get("tiep") or "/"), "khong-sua")
    if fixed:
        await run_in_threadpool(desk.preview.refresh)
    return response


def _fix_page(desk, stem: str, editor: str) -> int | None:
    """Apply the safe fixes of one page (its file in docs/); how many, None when refused."""
    found = one_page(desk.project, stem)
    if found is None:
        return 0
    entry, registry = found
    findings = [replace(s.finding, path=str(desk.docs_dir / s.finding.path)) for s in entry.findings if s.finding.fix]
    count, refused = fix_files(findings, Site(registry, desk.sources_dir), desk.root)
    if refused:
        return None
    if count:
        desk.history.commit([desk.docs_dir / entry.page.path], editor, f"Sửa tự động {entry.name}: {count} chỗ")
    return count
