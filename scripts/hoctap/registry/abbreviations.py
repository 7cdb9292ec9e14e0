"""The abbreviations file (`docs/includes/abbreviations.md`): one `*[LĐLĐ]: Liên đoàn Lao động` line per
abbreviation, read and checked once by the checks stage; a build shows them as tooltips and on the glossary page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text.findings import Finding

FILE = "docs/includes/abbreviations.md"
"""Where the file is, relative to mkdocs.yml: the plugin's `abbreviations` option, unless set."""

_ABBR = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<text>.+?)\s*$")


@dataclass
class Abbreviations:
    rows: list[tuple[str, str]] = field(default_factory=list)
    """(abbreviation, meaning), in file order."""
    findings: list[Finding] = field(default_factory=list)


def read(path: Path, shown: str) -> Abbreviations:
    """The file's abbreviation lines, and a finding (shown as `shown`) for each other line that is not
    blank: it would define nothing, silently."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror or str(error)
        return Abbreviations([], [Finding(shown, 1, 1, "A001", f"abbreviations file cannot be read: {reason}",
                                          "create it with one `*[ABBR]: meaning` line per abbreviation")])
    found = Abbreviations()
    for number, line in enumerate(lines, 1):
        if m := _ABBR.match(line):
            found.rows.append((m["abbr"], m["text"]))
        elif line.strip():
            found.findings.append(Finding(shown, number, 1, "A001", "line is not an abbreviation",
                                          "write it as `*[ABBR]: meaning`, e.g. `*[LĐLĐ]: Liên đoàn Lao động`"))
    return found
