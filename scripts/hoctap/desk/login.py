"""Screen `/dang-nhap`: the password, asked when the desk listens beyond loopback (`--listen`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse

from .app import render
from .security import SESSION_COOKIE


async def show(request: Request, desk):
    return render(request, "login.html")


async def log_in(request: Request, desk):
    form = await request.form()
    guard = request.scope["state"]["guard"]
    token = guard.log_in(str(form.get("mat_khau") or ""))
    if token is None:
        return render(request, "login.html", status=401, wrong=True)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict")
    return response
