"""What to say when the disk refuses a write: the real path, and what to do about it.

An `OSError` names the file it was about, when it names one at all: for a full disk that may be
the file being copied (a theme file inside the virtualenv) or nothing (MkDocs re-raises without a
name). The commands know where they were writing; that is the path an editor can act on.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from glob import escape as glob_escape
from pathlib import Path

FULL = (errno.ENOSPC, errno.EDQUOT)
DENIED = (errno.EACCES, errno.EPERM)


def explain(error: OSError, writing: Path) -> str:
    """One sentence for `error`, met while writing into `writing` (a folder or a file)."""
    if error.errno in FULL:
        return (f"no space left on the disk that holds {writing}: free some space there "
                f"(`df -h {_existing(writing)}` shows how much is left), then run the command again")
    path = error.filename2 or error.filename or writing
    if error.errno in DENIED:
        return (f"{path}: permission denied: check who owns it and who may write there "
                f"(`ls -ld {_existing(Path(path))}`), or choose another folder")
    if error.errno == errno.EROFS:
        return f"{path}: the disk is read-only: choose a folder on a disk you may write to"
    return f"{path}: {error.strerror or error}"


def _existing(path: Path) -> Path:
    """The nearest folder of `path` that exists (for `df` and `ls`)."""
    path = Path(path).absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def linked_part(path: Path, root: Path) -> Path | None:
    """The outermost folder or file on the way from `root` to `path` (both absolute, `path` inside `root`)
    that is a symbolic link, or None: a write through it could land anywhere on the disk."""
    links = [part for part in (path, *path.parents) if part.is_relative_to(root) and part != root and part.is_symlink()]
    return links[-1] if links else None


def write_atomic(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: into a new file beside it, flushed, then renamed over it, and
    the folder flushed so the rename survives a power cut. A link at `path` is replaced, never written
    through; a reader, or a process killed at any moment, sees the old bytes or the new."""
    path = Path(path)
    remove_stale(path.parent, f".{path.name}.", ".tmp")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        fsync_folder(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_stale(folder: Path, prefix: str, suffix: str = "") -> list[Path]:
    """Remove what killed runs left in `folder`: names `prefix` + a process id + anything + `suffix`
    (`.site.building-4242`, `.page.md.4242.tmp`) whose process is no longer running; a live run's are
    left alone."""
    removed = []
    for leftover in Path(folder).glob(f"{glob_escape(prefix)}*{glob_escape(suffix)}"):
        pid = re.match(r"\d+", leftover.name[len(prefix):])
        if pid is None or int(pid.group()) == os.getpid() or _running(int(pid.group())):
            continue
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
