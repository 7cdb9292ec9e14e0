"""Shared fixtures: the real site, built with the real configuration once per test run, however many
pytest-xdist workers read it."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# The package under test is this checkout's, in this process and in every command a test runs, whatever
# the virtualenv's editable install points at (a second checkout, a git worktree, sharing one .venv)
sys.path.insert(0, str(ROOT / "scripts"))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))
# Commands write to a pipe here, as in CI, never to a terminal's width: MkDocs wraps its messages to
# $COLUMNS, which pytest-xdist's workers have (80), and would cut a `file:line` finding over two lines.
for name in ("COLUMNS", "LINES"):
    os.environ.pop(name, None)


def build_site(config_dir: Path, site_dir: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """Run `hoctap build` as an editor would (with `options` such as "--no-pdf", and `env` added); return
    the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "hoctap.cli", "build", "--site-dir", str(site_dir), *options],
        cwd=config_dir, env=env, capture_output=True, text=True,
    )


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` that `make(folder)` fills once per test run, whichever pytest-xdist worker asks
    first: the others wait on a file lock and use the same folder (tests only read or copy it)."""
    run, lock = tmp_path_factory.getbasetemp(), contextlib.nullcontext()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        from filelock import FileLock

        run = run.parent  # the run's folder, above each worker's own
        lock = FileLock(run / f"{name}.lock")
    folder, done = run / name, run / f"{name}.done"
    with lock:
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what failed in another worker
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def built_once(tmp_path_factory, name: str, **env: str) -> Path:
    """The project's site, built once per test run (`made_once`) into `name/site`; what the build said
    is in `name/build.log` beside it."""
    def make(folder: Path) -> None:
        result = build_site(ROOT, folder / "site", **env)
        assert result.returncode == 0, result.stdout + result.stderr
        (folder / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")

    return made_once(tmp_path_factory, name, make) / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built with `hoctap build` (strict), not knowing its address."""
    return built_once(tmp_path_factory, "site", HOCTAP_SITE_URL="")


@pytest.fixture(scope="session")
def site_messages(site) -> str:
    """What `hoctap build` said while it built `site`."""
    return (site.parent / "build.log").read_text(encoding="utf-8")


SITE_URL = "http://intranet.test/hoc-tap/"
"""The address `site_with_url` is built for: never requested, only written into tags and QR codes."""


@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory) -> Path:
    """The project's site as a publish builds it, knowing its address (link previews, QR codes);
    drafts included, so that every document page is there."""
    return built_once(tmp_path_factory, "site-url", HOCTAP_SITE_URL=SITE_URL)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's site sources, to plant mistakes in."""
    for name in ("docs", "overrides", "sources"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


# -- nginx: Debian's web server with the repository's sample configuration ---------------------

NGINX = "/usr/sbin/nginx"
NGINX_SITE_CONF = ROOT / "deploy" / "nginx" / "hoctap.conf"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def nginx(tmp_path_factory):
    """Start nginx serving a publish directory under /hoc-tap/ on 127.0.0.1; returns the base URL.

    The sample configuration is used as shipped, with only its `listen` line and the publish
    directory replaced. Every server is stopped at the end of the session.
    """
    import getpass
    import socket
    import time

    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make setup` (installs Debian's nginx)")
    started: list[subprocess.Popen] = []

    def start(publish_dir: Path) -> str:
        run = tmp_path_factory.mktemp("nginx")
        port = _free_port()
        site = NGINX_SITE_CONF.read_text(encoding="utf-8")
        assert site.count("listen 80;") == 1 and site.count("/srv/hoctap/") == 1
        site = site.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/hoctap/", f"{publish_dir}/")
        (run / "hoctap.conf").write_text(site, encoding="utf-8")
        (run / "nginx.conf").write_text(f"""
daemon off;
user {getpass.getuser()};
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {run}/access.log;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include {run}/hoctap.conf;
}}
""", encoding="utf-8")
        process = subprocess.Popen([NGINX, "-p", str(run), "-e", str(run / "error.log"), "-c", str(run / "nginx.conf")],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        started.append(process)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stdout.read().decode()}{(run / 'error.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return f"http://127.0.0.1:{port}/hoc-tap/"
            except OSError:
                time.sleep(0.05)
        pytest.fail("nginx did not listen within 10 s")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def hoctap(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the `hoctap` command as an editor would; return the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "hoctap.cli", *args], cwd=cwd, env=env, check=False,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def intranet(tmp_path_factory, nginx):
    """The project published once (`hoctap publish`) into a publish directory that nginx serves.

    Returns (publish dir, base URL under /hoc-tap/). Tests may publish more releases into it.
    """
    target = tmp_path_factory.mktemp("intranet") / "srv"
    target.mkdir()
    url = nginx(target)
    result = hoctap("publish", "--to", str(target), "--site-url", url)
    assert result.returncode == 0, result.stdout + result.stderr
    return target, url


@pytest.fixture(scope="session")
def run_hoctap():
    """`hoctap(*args, cwd=...)` for tests: the command as an editor runs it."""
    return hoctap


@pytest.fixture
def build():
    """`build_site`, for tests in sub-folders, where `import conftest` finds their own conftest."""
    return build_site


# -- imported official texts: samples of the layout rules, never in docs/ ---------------------

IMPORTED = {"van-ban/07-kh-ldld.md": "ke-hoach-mau.pdf", "van-ban/15-qd-snv.md": "quyet-dinh-mau.docx",
            "van-ban/09-ctr-tu.md": "chuong-trinh-dang-mau-tcvn3.txt"}
"""The pages `imported_project` makes, and the original each is imported from."""


def import_samples(project: Path, originals: Path) -> None:
    """Import three samples (tests/import_samples.py: a text PDF, a Word file, a TCVN3 text, which is
    marked unreviewed) into `project`, and the plan's source text into its page, as an editor would."""
    from tests import import_samples as samples

    originals.mkdir(parents=True, exist_ok=True)
    samples.write_pdf(samples.SAMPLES["ke-hoach-mau"], originals / "ke-hoach-mau.pdf")
    samples.write_docx(samples.SAMPLES["quyet-dinh-mau"], originals / "quyet-dinh-mau.docx")
    (originals / "chuong-trinh-dang-mau-tcvn3.txt").write_bytes(
        samples.as_text(samples.SAMPLES["chuong-trinh-dang-mau"], samples.tcvn3).encode("latin-1"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for command in ([str(originals / name) for name in IMPORTED.values()],
                    ["--into", "docs/ke-hoach.md", "sources/ke-hoach-ldld-lai-chau-2026-03-31.txt"]):
        done = subprocess.run([sys.executable, "-m", "hoctap.cli", "import", *command], cwd=project, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def imported_project(tmp_path_factory) -> Path:
    """A copy of the project with three imported sample texts and the plan's full text in its page
    (made once per test run, `made_once`); the originals beside it."""
    def make(folder: Path) -> None:
        for name in ("docs", "overrides", "sources"):
            shutil.copytree(ROOT / name, folder / "project" / name)
        shutil.copy(ROOT / "mkdocs.yml", folder / "project" / "mkdocs.yml")
        import_samples(folder / "project", folder / "originals")

    return made_once(tmp_path_factory, "imported", make) / "project"


@pytest.fixture(scope="session")
def imported_site(tmp_path_factory, imported_project) -> Path:
    """That project built as a preview (`hoctap build --no-pdf`), every page in, once per test run; its
    messages in build.log beside it."""
    def make(folder: Path) -> None:
        result = build_site(imported_project, folder / "site", "--no-pdf")
        assert result.returncode == 0, result.stdout + result.stderr
        (folder / "build.log").write_text(result.stderr, encoding="utf-8")

    return made_once(tmp_path_factory, "imported-site", make) / "site"
