"""`hoctap serve`: the preview re-checks the content after every edit, shows the same findings as
`hoctap build`, builds again once the mistake is fixed (each rebuild loads the content anew), and
stops when it is told to stop."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

MISTAKE = "\nXem Chương trình số18-Ctr/TU.\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_members(session: int) -> list[str]:
    """Processes still running in a session (Linux /proc: the fields after the name are state, ppid, pgrp, session)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            members.append(stat.parent.name)
    return members


def test_preview_shows_findings_after_an_edit_and_recovers(project_copy):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "hoctap.cli", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
                              cwd=project_copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    seen: list[str] = []

    def wait_for(text: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no {text!r} within {timeout} s:\n" + "".join(seen[-40:]))

    page = project_copy / "docs" / "doc-nhanh.md"
    original = page.read_text(encoding="utf-8")
    try:
        wait_for("Serving on")
        page.write_text(original + MISTAKE, encoding="utf-8")
        finding = wait_for("S102")
        line = len((original + MISTAKE).splitlines())
        assert f"docs/doc-nhanh.md:{line}:" in finding, finding
        assert "Traceback" not in "".join(seen)
        wait_for("still serving the last good build")
        page.write_text(original, encoding="utf-8")
        # Said only after a rebuild that passed (MkDocs' "Documentation built in" line was missing in
        # 1 run of 8: mkdocs-static-i18n hides that line during its inner builds)
        wait_for("the site is built")
    finally:
        server.terminate()  # the editor's Ctrl-C or a service manager's stop: to `hoctap` itself
        server.wait(timeout=30)
        leftover = session_members(server.pid)
        if leftover:
            os.killpg(server.pid, signal.SIGKILL)
        assert leftover == [], "the preview server outlived `hoctap serve`"
