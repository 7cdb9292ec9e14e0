"""`hoctap serve`: the live preview, rebuilt on every change; a failed rebuild keeps the last good site.

MkDocs' own `serve` empties the site before each rebuild, and after a failed one makes every request
wait until a build succeeds ("The server will appear stuck until build errors are resolved"): the
editor's browser hung. Here each rebuild is `hoctap build`'s (hoctap.commands.build: beside the served
folder, swapped in only when it passed), so a failed one lists its findings and the browser keeps
the last good site. MkDocs' live-reload server does the serving and the watching.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserverVFS

from . import build as site_build
from ..build.project import docs_dir_or_default

log = logging.getLogger("mkdocs.hoctap.commands.serve")


def serve(config_file: str, dev_addr: str) -> int:
    host, _, port = dev_addr.rpartition(":")
    if not port.isdigit():
        print(f"hoctap serve: {dev_addr}: expected HOST:PORT, e.g. 127.0.0.1:8000", file=sys.stderr)
        return 2
    host = host.strip("[]") or "127.0.0.1"
    url = f"http://{dev_addr}/"
    folder = Path(tempfile.mkdtemp(prefix="hoctap-serve-"))
    site = folder / "site"

    def rebuild() -> None:
        status = site_build.build(config_file, str(site), pdf=False, strict=False, site_url=url, verb="")
        if status == 0:
            log.info(f"hoctap serve: the site is built; serving it at {url}")
        else:
            kept = "still serving the last good build" if site.is_dir() else "nothing to serve until a build passes"
            log.error(f"hoctap serve: the build failed (its problems are listed above); {kept}. "
                      "Fix them and save: the preview rebuilds")

    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop cleans up as Ctrl-C does
    server = LiveReloadServer(builder=rebuild, host=host, port=int(port), root=str(site))
    # Watch with lstat, as the walk of docs/ sees it: os.stat skips a dangling link, so adding one went unseen
    server.observer = PollingObserverVFS(os.lstat, os.scandir, polling_interval=0.5)
    server.error_handler = lambda code: (site / "404.html").read_bytes() if code == 404 and (site / "404.html").is_file() else None
    try:
        rebuild()
        server.watch(str(docs_dir_or_default(config_file)))
        server.watch(str(Path(config_file).resolve()))
        server.serve()
    except KeyboardInterrupt:
        log.info("hoctap serve: stopped")
    except OSError as error:  # the address is taken, or cannot be listened on
        print(f"hoctap serve: cannot listen on {dev_addr}: {error.strerror or error}; "
              "choose another address with --dev-addr", file=sys.stderr)
        return 1
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt
