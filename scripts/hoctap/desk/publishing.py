"""Screen `/dang` "Đăng": what a publish holds and leaves out and why (the gate's own decision,
hoctap.registry.gate_decision), "Đăng lên mạng nội bộ" (the same `hoctap publish`, to `--publish-to`
with `--site-url`), and the releases kept, each with "Quay lại bản này".

The publish runs as the command (`python -m hoctap publish`, an argument list, no shell): its own
process builds, verifies and switches the release, and what it says is shown on the screen.
"""

from __future__ import annotations

import subprocess
import sys

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ..publish import releases as rel
from ..registry.gate_decision import decide
from .app import back_to, render
from .site import overview

PUBLISH_TIMEOUT = 900


def _plan(desk):
    """(pages held, pages left out with the reason's key, errors that would stop the build)."""
    view = overview(desk.project)
    left = {item.stem: item for item in decide(view.registry, drafts=False, profile="intranet", preview=False)}
    held, out = [], []
    for entry in sorted(view.entries, key=lambda e: e.stem):
        if entry.stem in left:
            reason = "xem-truoc" if entry.page.front_matter.chi_xem_truoc else "du-thao"
            out.append((entry, reason))
        else:
            held.append(entry)
    errors = [s for e in view.entries for s in e.findings if s.finding.is_error]
    errors += [s for s in view.other if s.finding.is_error]
    return held, out, errors


async def show(request: Request, desk, status: int = 200, **extra):
    held, out, errors = await run_in_threadpool(_plan, desk)
    found = rel.releases(desk.publish_to) if desk.publish_to else []
    return render(request, "dang.html", status=status, held=held, out=out, errors=errors,
                  releases=list(reversed(found)), publish_to=desk.publish_to, site_url=desk.site_url, **extra)


async def publish(request: Request, desk):
    await request.form()
    if not (desk.publish_to and desk.site_url):
        return await show(request, desk, status=409, problem="chua-cau-hinh")
    result = await run_in_threadpool(_run_publish, desk)
    if result.returncode != 0:
        return await show(request, desk, status=500, problem="loi-dang", output=(result.stderr + result.stdout)[-6000:])
    return back_to("/dang", "da-dang")


def _run_publish(desk) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "hoctap", "-f", str(desk.config_file), "publish",
               "--to", str(desk.publish_to), "--site-url", desk.site_url]
    return subprocess.run(command, cwd=desk.root, capture_output=True, text=True, timeout=PUBLISH_TIMEOUT)


async def roll_back(request: Request, desk):
    form = await request.form()
    name = str(form.get("ban") or "")
    if not desk.publish_to or name not in {r.name for r in rel.releases(desk.publish_to)}:
        return await show(request, desk, status=404, problem="khong-co-ban")
    try:
        await run_in_threadpool(_switch, desk.publish_to, name)
    except rel.PublishError as error:
        return await show(request, desk, status=409, problem="loi-quay-lai", output=str(error))
    return back_to("/dang", "da-quay-lai")


def _switch(target, name: str) -> None:
    with rel.locked(target, 30):
        rel.switch(target, name)
