"""Compiled theme templates kept for the next language's build.

MkDocs gives every build a new Jinja environment, so mkdocs-static-i18n's English build compiled
Material's templates (base.html and its ~40 partials) a second time (measured in
benchmarks/README.md). Jinja's bytecode cache, kept in memory by the plugin for one build round, lets
the second environment load them compiled. Jinja keys each entry by the template's source, so an
edit (under `mkdocs serve`, a new round anyway) is never served stale.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
