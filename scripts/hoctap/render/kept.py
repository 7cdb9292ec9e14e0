"""Output kept from one build to the next (`.cache/hoctap/`), under the hash of all that makes it:
what a page made last time is taken again when the page and the code that made it are unchanged,
and made again when either changed. A file a build cannot read (none yet, half-written, another
version's) is made again; one it cannot write leaves the next build to make everything, as before."""

from __future__ import annotations

import functools
import hashlib
import marshal
from pathlib import Path
from typing import Callable, TypeVar

from ..text.disk import write_atomic

Value = TypeVar("Value")


class Kept:
    """One kind of output of one language build, by key: `made(made_of, make)` hands back what
    `make()` made last time from the same text `made_of` and the same `code`, or makes it."""

    def __init__(self, path: Path, code: bytes):
        self.path = path
        self.code = code
        try:
            stat = path.stat()
            kept = _read(path, (stat.st_mtime_ns, stat.st_size, stat.st_ino))
        except OSError:
            kept = {}
        self.kept: dict[bytes, object] = kept
        self.used: dict[bytes, object] = {}

    def made(self, made_of: str, make: Callable[[], Value]) -> Value:
        # surrogatepass: any text hashes, a lone surrogate (a decoding slip upstream) too
        key = hashlib.blake2b(self.code + made_of.encode("utf-8", "surrogatepass"), digest_size=20).digest()
        value = self.used.get(key, self.kept.get(key))
        if value is None:
            value = make()
        self.used[key] = value
        return value

    def save(self) -> None:
        """Keep what this build made, what no page asked for dropped (nothing written if nothing changed)."""
        if self.used.keys() == self.kept.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, marshal.dumps(self.used))
        except OSError:
            pass


@functools.lru_cache(maxsize=4)
def _read(path: Path, stamp: tuple) -> dict:
    """A kept file as it was read, while it is unchanged (`stamp`): the desk's preview makes new stores
    at every save, and reading the search records of 1,000 pages again took 29 ms. Never changed by a
    store (what a build makes goes into its `used`)."""
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def code_of(*files: Path, versions: str = "") -> bytes:
    """The hash of the code that makes an output (its modules' source, and `versions` of what it uses)."""
    return hashlib.blake2b(b"".join(Path(file).read_bytes() for file in files) + versions.encode()).digest()
