"""Compiled theme templates kept from one build to the next.

MkDocs gives every build a new Jinja environment, so each build compiled Material's templates
(base.html and its ~40 partials, and ours) again: a quarter of a second at every build, twice
before mkdocs-static-i18n's English build shared them in memory. Jinja's bytecode cache keeps them
compiled in the build's kept folder (the plugin's `.cache/hoctap/templates`), for the next
language's build and the next build. Jinja keys each entry by the template's name and file and
checks it against the template's source, so an edited template is compiled again, never served stale.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

KEPT_DIR = ".cache/hoctap"
"""What one build keeps for the next, beside mkdocs.yml (as Material's plugins keep theirs in `.cache/`):
output that takes long to make and changes seldom, each piece under the hash of what it is made from."""


class KeptBytecodeCache(FileSystemBytecodeCache):
    """Where the project's folder cannot be written to, templates are compiled at every build, as before."""

    def __init__(self, folder: Path):
        super().__init__(str(folder))

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass

    def load_bytecode(self, bucket: Bucket) -> None:
        """A kept file a power cut left half-written is compiled again, not a failed build."""
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()
