"""Releases on the intranet: build aside, verify, then switch `current` in one rename.

The publish directory holds

    DIR/releases/<UTC time>-<git revision>/   one built site per publish, never changed afterwards
    DIR/current -> releases/<name>            the symlink the web server serves
    DIR/.lock                                 held by whoever is publishing or rolling back

A reader opens files through `current`, which `os.replace` swaps in a single `rename(2)`: every
request sees the old release or the new one, never half of each. A publish that fails removes its
own half-built directory and leaves `current` where it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ..text.disk import fsync_folder

RELEASES = "releases"
CURRENT = "current"
LOCK = ".lock"
BUILDING = ".building-"


class PublishError(Exception):
    """A publish, rollback or listing that cannot go on; the message says what to do."""


class Busy(PublishError):
    """Another publish or rollback holds the lock; nothing was changed."""


@dataclass(frozen=True)
class Release:
    name: str
    path: Path
    current: bool

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file() and not p.is_symlink())

    @property
    def files(self) -> int:
        return sum(1 for p in self.path.rglob("*") if p.is_file())


def releases(target: Path) -> list[Release]:
    """Finished releases, oldest first (their names start with the UTC time they were built)."""
    folder = target / RELEASES
    if not folder.is_dir():
        return []
    live = current_name(target)
    return [Release(p.name, p, p.name == live)
            for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith(".")]


def current_name(target: Path) -> str | None:
    link = target / CURRENT
    if not link.is_symlink():
        return None
    return Path(os.readlink(link)).name


def release_name(project: Path, now: dt.datetime | None = None) -> str:
    """`20260401T083000Z-1a2b3c4`: when, and from which commit (`-dirty` with uncommitted changes)."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{_revision(project)}"


def _revision(project: Path) -> str:
    def git(*args):
        return subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True, timeout=30, check=False)

    try:
        rev = git("rev-parse", "--short", "HEAD")
    except (OSError, subprocess.SubprocessError):
        return "nogit"
    if rev.returncode != 0:
        return "nogit"
    dirty = git("status", "--porcelain", "--", ".").stdout.strip()
    return rev.stdout.strip() + ("-dirty" if dirty else "")


@contextlib.contextmanager
def locked(target: Path, wait: float, *, create: bool = False):
    """Hold DIR/.lock; wait up to `wait` seconds for another publish or rollback to finish."""
    check_target(target)
    if create:
        target.mkdir(parents=True, exist_ok=True)
    elif not target.is_dir():
        raise PublishError(f"{target}: no such publish directory; publish first (hoctap publish --to {target})")
    with open(target / LOCK, "a+") as lock:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    lock.seek(0)
                    holder = lock.read().strip() or "another process"
                    raise Busy(
                        f"{target}: another publish or rollback is running ({holder}); waited {wait:g} s. "
                        "Nothing was changed: run the command again when it has finished, or wait longer with --wait"
                    ) from None
                time.sleep(0.1)
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}, since {dt.datetime.now(dt.UTC):%H:%M:%S} UTC\n")
        lock.flush()
        try:
            yield
        finally:
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)


SYSTEM = frozenset(map(Path, ("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/media",
                               "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr",
                               "/var", "/var/www", "/var/lib", "/var/tmp")))
"""Folders a publish never takes over: prune and the switch would act on what the system keeps there."""
SYSTEM_TREES = tuple(map(Path, ("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/sbin",
                                "/sys", "/usr")))
OURS = frozenset((RELEASES, CURRENT, LOCK))


def check_target(target: Path) -> None:
    """`--to` names a publish directory: not a system folder, not the home folder, and holding
    nothing but what publishing puts there (an empty or new folder is fine)."""
    target = Path(os.path.abspath(target))
    if target in SYSTEM or target == Path.home() or any(target.is_relative_to(tree) for tree in SYSTEM_TREES):
        raise PublishError(f"--to {target}: a system folder; publish into a folder of its own, "
                           "such as /srv/hoctap; nothing was changed")
    if target.is_dir():
        others = sorted(p.name for p in target.iterdir() if p.name not in OURS and not p.name.startswith(f".{CURRENT}-"))
        if others:
            raise PublishError(f"--to {target}: holds {', '.join(others[:3])}{'…' if len(others) > 3 else ''}, "
                               "which publishing did not put there; publish into an empty folder or one that only "
                               "holds releases/ and current; nothing was changed")
    elif target.exists():
        raise PublishError(f"--to {target}: a file, not a folder; nothing was changed")


def prepare(target: Path, name: str) -> tuple[Path, str]:
    """Where to build the next release, and its final name (unique even within one second).

    The build happens beside the finished releases under a dot-name that `releases()` ignores;
    leftovers of publishes that were killed are removed first (only ever called under the lock).
    """
    folder = target / RELEASES
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(BUILDING + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    final, n = name, 1
    while (folder / final).exists():
        n += 1
        final = f"{name}-{n}"
    return folder / f"{BUILDING}{final}", final


def finish(target: Path, building: Path, name: str) -> Release:
    """Give a verified build its final name and make it current."""
    check_current(target)
    final = target / RELEASES / name
    building.rename(final)
    switch(target, name)
    return Release(name, final, True)


def check_current(target: Path) -> None:
    """`current` is a symlink, or not there yet: anything else the switch cannot replace."""
    link = target / CURRENT
    if link.exists() and not link.is_symlink():
        kind = "a real directory" if link.is_dir() else "a file"
        raise PublishError(f"{link} is {kind}, not a symlink: move it away (the web server may be serving it), "
                           "then run the command again; nothing was changed")


def switch(target: Path, name: str) -> None:
    """Point `current` at releases/<name> in one rename: readers see the old release or the new one."""
    check_current(target)
    link = target / CURRENT
    temporary = target / f".{CURRENT}-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(f"{RELEASES}/{name}", temporary, target_is_directory=True)
    os.replace(temporary, link)
    fsync_folder(target)


def prune(target: Path, keep: int) -> list[str]:
    """Remove the oldest releases beyond `keep`; never the current one."""
    finished = releases(target)
    old = [r for r in finished[: max(len(finished) - keep, 0)] if not r.current]
    for release in old:
        shutil.rmtree(release.path)
    return [r.name for r in old]


def previous(target: Path) -> Release:
    """The release built just before the current one: what a rollback goes back to."""
    finished = releases(target)
    names = [r.name for r in finished]
    live = current_name(target)
    if live not in names:
        raise PublishError(f"{target}: no current release to roll back from; publish first (hoctap publish --to {target})")
    at = names.index(live)
    if at == 0:
        raise PublishError(f"{target}: {live} is the oldest release kept; there is nothing older to roll back to")
    return finished[at - 1]
