"""History: every save of the desk is a git commit in the project, with the editor's name.

git runs through `subprocess` with argument lists, never a shell, and commits only the paths the
save wrote. A commit made by the desk carries the trailer `Bàn-biên-tập: có`, so "Hoàn tác" reverts
the last such commit not undone yet (itself a new commit naming it, so an undo is in the history
too) and never a developer's own.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

TRAILER = "Bàn-biên-tập: có"
UNDONE = "Hoàn-tác:"
DEFAULT_EDITOR = "Biên tập viên"


class HistoryError(Exception):
    """git refused; the message is git's."""


@dataclass(frozen=True)
class Change:
    commit: str
    when: str  # ISO 8601, as git prints it
    editor: str
    summary: str


class History:
    def __init__(self, root: Path):
        self.root = root

    def _git(self, *args: str, check: bool = True) -> str:
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C.UTF-8")
        result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True, env=env)
        if check and result.returncode != 0:
            raise HistoryError((result.stderr or result.stdout).strip())
        return result.stdout

    def ensure(self) -> None:
        """A project that is not yet a repository becomes one, so that the first save has a history."""
        if self._git("rev-parse", "--is-inside-work-tree", check=False).strip() != "true":
            self._git("init", "-q")

    def commit(self, paths: list[Path], editor: str, summary: str) -> str | None:
        """Commit `paths` as `editor`; the new commit, or None when nothing changed."""
        editor = " ".join((editor or DEFAULT_EDITOR).split())[:80] or DEFAULT_EDITOR
        relative = [str(Path(p).absolute().relative_to(self.root.absolute())) for p in paths]
        self._git("add", "--", *relative)
        if not self._git("diff", "--cached", "--name-only", "--", *relative).strip():
            return None
        self._git("-c", f"user.name={editor}", "-c", "user.email=ban-bien-tap@localhost",
                  "commit", "-q", "--no-verify", "-m", f"{summary}\n\n{TRAILER}", "--", *relative)
        return self._git("rev-parse", "HEAD").strip()

    def changes(self, path: Path | None = None, limit: int = 20) -> list[Change]:
        """The latest commits (touching `path`, when given), newest first."""
        args = ["log", f"-{limit}", "--format=%H%x1f%aI%x1f%an%x1f%s"]
        if path is not None:
            args += ["--", str(Path(path).absolute().relative_to(self.root.absolute()))]
        out = self._git(*args, check=False)
        return [Change(*line.split("\x1f", 3)) for line in out.splitlines() if line.count("\x1f") == 3]

    def last_desk_commit(self) -> str | None:
        """The desk's latest change not undone yet: each undo names the change it reverted
        (`Hoàn-tác: <commit>`), so undo after undo walks back one change at a time."""
        out = self._git("log", "-200", "--format=%H%x1f%B%x1e", f"--grep=^{TRAILER}$", f"--grep=^{UNDONE}",
                        check=False)
        undone = set()
        for record in out.split("\x1e"):
            if "\x1f" not in record:
                continue
            commit, body = record.strip().split("\x1f", 1)
            reverted = [line.split(":", 1)[1].strip() for line in body.splitlines() if line.startswith(UNDONE)]
            if reverted:
                undone.update(reverted)
            elif commit not in undone:
                return commit
        return None

    def undo(self, editor: str) -> str | None:
        """Revert the desk's last change as a new commit; None when the desk has made none.
        HistoryError when git cannot (a later change touched the same lines)."""
        last = self.last_desk_commit()
        if last is None:
            return None
        subject = self._git("log", "-1", "--format=%s", last).strip()
        editor = " ".join((editor or DEFAULT_EDITOR).split())[:80] or DEFAULT_EDITOR
        try:
            self._git("-c", f"user.name={editor}", "-c", "user.email=ban-bien-tap@localhost",
                      "revert", "--no-edit", "--no-commit", last)
        except HistoryError:
            self._git("revert", "--abort", check=False)
            raise
        touched = [p for p in self._git("show", "-z", "--name-only", "--format=", last).split("\0") if p.strip()]
        self._git("-c", f"user.name={editor}", "-c", "user.email=ban-bien-tap@localhost",
                  "commit", "-q", "--no-verify", "-m", f"Hoàn tác: {subject}\n\n{UNDONE} {last}", "--", *touched)
        return last
