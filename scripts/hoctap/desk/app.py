"""The desk as one Starlette application: its settings, its screens' routes, its guards.

`Desk` holds what every screen needs (the project's folders, the uploads, the preview, the
history); each screen is one module (todo, upload, pages, publishing, undo, login) whose
handlers take the request and the desk. Templates are Jinja, in `templates/`, server-rendered.
"""

from __future__ import annotations

import functools
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import material
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..build import project as site_project
from .history import DEFAULT_EDITOR, History
from .jobs import Jobs
from .preview import Preview
from .security import CSRF_COOKIE, CSRF_FIELD, Guard
from .storage import Uploads

HERE = Path(__file__).parent
MATERIAL_STYLES = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
EDITOR_COOKIE = "bien_tap_vien"
MAX_UPLOAD = 40_000_000
"""Bytes a request may carry: a scanned plan of fifty pages fits; a mistaken video does not."""
MAX_FIELD = 1_000_000
"""Bytes of one form field that is not a file (the longest: a trích yếu, a list of recipients)."""


@dataclass
class Desk:
    """One project, as the desk serves it."""

    config_file: Path
    hosts: frozenset[str]
    publish_to: Path | None = None
    site_url: str = ""
    password_hash: str | None = None
    work_dir: Path | None = None  # uploads and preview; a temporary folder by default

    def __post_init__(self):
        self.config_file = Path(self.config_file).resolve()
        self.work_dir = Path(self.work_dir or tempfile.mkdtemp(prefix="hoctap-desk-"))
        self.project = site_project.project_of(self.config_file)
        self.root = self.project.root
        self.docs_dir = self.project.docs_dir
        self.sources_dir = self.root / self.project.source_dir
        self.uploads = Uploads(self.work_dir / "uploads")
        self.preview = Preview(self.config_file, self.work_dir / "preview")
        self.history = History(self.root)
        from .upload import read_upload  # the screen's module, which needs this one

        self.jobs = Jobs(read_upload)

    @property
    def writable(self) -> list[Path]:
        """The only folders the desk writes into."""
        return [self.docs_dir, self.sources_dir]


templates = Jinja2Templates(directory=str(HERE / "templates"))


def render(request: Request, name: str, status: int = 200, **context):
    """A screen: the template with what every screen shows (the CSRF token, the editor's name,
    the notice a redirect carried). A browser without the CSRF cookie gets one."""
    guard = request.scope["state"]["guard"]
    cookie = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    context.setdefault("notice", request.query_params.get("bao", ""))
    context.update(csrftoken=guard.csrf_token(cookie), editor=editor_of(request), path=request.url.path)
    response = templates.TemplateResponse(request, name, context, status_code=status)
    if cookie != request.cookies.get(CSRF_COOKIE):
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict")
    return response


def editor_of(request: Request) -> str:
    return unquote(request.cookies.get(EDITOR_COOKIE, ""))


def remember_editor(response, request: Request, form) -> str:
    """The editor's name, asked once (the field shows until a save has given it), kept in a cookie."""
    name = " ".join(str(form.get("ten_bien_tap") or "").split())[:80] or editor_of(request)
    if name and name != editor_of(request):
        response.set_cookie(EDITOR_COOKIE, quote(name), max_age=3600 * 24 * 365, httponly=True, samesite="strict")
    return name or DEFAULT_EDITOR


def back_to(target: str, notice: str = "") -> RedirectResponse:
    """After a POST, the screen to show (a path of the desk only), with a notice."""
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    return RedirectResponse(target + (f"?bao={notice}" if notice else ""), status_code=303)


def make_app(desk: Desk):
    from . import login, pages, publishing, todo, undo, upload

    def bound(handler):
        """The handler with the desk; a POST only with the form's CSRF token (every POST route is bound)."""
        @functools.wraps(handler)
        async def endpoint(request: Request):
            if request.method == "POST":
                form = await request.form(max_files=1, max_fields=400, max_part_size=MAX_FIELD)
                guard = request.scope["state"]["guard"]
                if not guard.csrf_ok(request.cookies.get(CSRF_COOKIE, ""), str(form.get(CSRF_FIELD) or "")):
                    return templates.TemplateResponse(request, "refused.html", {"status": 403}, status_code=403)
            return await handler(request, desk)
        return endpoint

    desk.preview.folder.mkdir(parents=True, exist_ok=True)
    routes = [
        Route("/", bound(todo.show)),
        Route("/sua", bound(todo.fix), methods=["POST"]),
        Route("/nhap", bound(upload.show)),
        Route("/nhap", bound(upload.read), methods=["POST"]),
        Route("/nhap/luu", bound(upload.save), methods=["POST"]),
        Route("/nhap/viec/{job}/tinh-trang", bound(upload.job_status)),
        Route("/nhap/viec/{job}", bound(upload.job_screen)),
        Route("/trang", bound(pages.listing)),
        Route("/trang/{page:path}/luu", bound(pages.save), methods=["POST"]),
        Route("/trang/{page:path}/duyet", bound(pages.approve), methods=["POST"]),
        Route("/trang/{page:path}/bo-duyet", bound(pages.unapprove), methods=["POST"]),
        Route("/trang/{page:path}/diem-chinh", bound(pages.keep_points), methods=["POST"]),
        Route("/trang/{page:path}/yaml", bound(pages.save_yaml), methods=["POST"]),
        Route("/trang/{page:path}/cau-hoi", bound(pages.add_question), methods=["POST"]),
        Route("/trang/{page:path}", bound(pages.show)),
        Route("/dang", bound(publishing.show)),
        Route("/dang", bound(publishing.publish), methods=["POST"]),
        Route("/dang/quay-lai", bound(publishing.roll_back), methods=["POST"]),
        Route("/hoan-tac", bound(undo.undo), methods=["POST"]),
        Route("/dang-nhap", bound(login.show)),
        Route("/dang-nhap", bound(login.log_in), methods=["POST"]),
        *[Route(f"/xem/{language}/{{rest:path}}", bound(pages.in_other_language)) for language in desk.preview.languages],
        Mount("/xem", StaticFiles(directory=desk.preview.folder, html=True, check_dir=False)),
        Mount("/tai-nguyen/material", StaticFiles(directory=MATERIAL_STYLES)),
        Mount("/tai-nguyen", StaticFiles(directory=HERE / "static")),
    ]
    app = Starlette(routes=routes, exception_handlers={404: _not_found, Exception: _failed})
    return Guard(app, hosts=desk.hosts, max_body=MAX_UPLOAD, password_hash=desk.password_hash,
                 templates=templates.env)


async def _failed(request: Request, error: Exception):
    """Whatever went wrong: a message on the screen, the details on the desk's terminal only."""
    import logging

    logging.getLogger("hoctap.desk").exception("%s %s", request.method, request.url.path)
    return templates.TemplateResponse(request, "error.html", {"kind": type(error).__name__, "path": request.url.path},
                                      status_code=500)


async def _not_found(request: Request, error: Exception):
    return render(request, "not_found.html", status=404)


def palette_stylesheet() -> str:
    """Material's palette stylesheet as this Material version names it (a hash in the name)."""
    return next(MATERIAL_STYLES.glob("palette.*.min.css")).name


templates.env.globals["palette_css"] = palette_stylesheet()
