"""Diagnostics as data: a finding is a value; printing is one view of a list of them.

Checks never print. They return findings, which the command line shows as
`path:line:col: CODE message` (like ruff), as JSON, or applies as fixes.

A finding is an error (the build and `hoctap check` fail on it) or a warning (listed, never
failed on): a slip in an official text kept verbatim is reported, but nobody may correct it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Iterable

from .yaml_text import safe_load

CODES: dict[str, dict[str, str]] = safe_load(Path(__file__).with_name("finding_codes.yml").read_text(encoding="utf-8"))
"""Every finding code: `en` and `vi` (what is wrong), `fix_en` and `fix_vi` (the safe fix, if any)."""


@dataclass(frozen=True, order=True)
class Fix:
    """A safe replacement of `old` by `new` at a line and column (1-based)."""

    line: int
    col: int
    old: str
    new: str


ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int
    code: str
    message: str
    fix_hint: str = ""
    fix: Fix | None = None
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_warning(self) -> "Finding":
        """The same finding, reported but not failed on, and with no fix to apply."""
        return replace(self, severity=WARNING, fix=None)

    def format(self) -> str:
        marked = f"{WARNING}: " if self.severity == WARNING else ""
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {marked}{self.message}"
        return f"{text} ({self.fix_hint})" if self.fix_hint else text


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]


def shown_from(findings: Iterable[Finding], docs_dir: Path) -> list[Finding]:
    """Findings whose paths are relative to docs_dir, named as the editor sees them (`docs/…`)."""
    return [replace(f, path=os.path.relpath(docs_dir / f.path)) for f in findings]


def format_text(findings: Iterable[Finding]) -> str:
    return "\n".join(f.format() for f in sorted(findings))


def format_json(findings: Iterable[Finding]) -> str:
    return json.dumps([asdict(f) for f in sorted(findings)], ensure_ascii=False, indent=2)
