"""Old Word `.doc` files: their text as antiword (or catdoc) prints it, Debian packages both.

The binary format's fonts are not kept, so a TCVN3 or VNI text is recognised from its characters.
Both print a paragraph on one line (no wrapping asked for); antiword draws a table's row as
`|cell |cell |`, whose bars become the column gaps of a text file, so that a header typed in a
table comes apart into its two columns as a .docx's does.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

from . import from_text
from .model import Extracted, ImportFailure


def extract(path: Path) -> Extracted:
    for tool, args in (("antiword", ["-w", "0", "-m", "UTF-8.txt"]), ("catdoc", ["-w", "-d", "utf-8"])):
        if shutil.which(tool) is None:
            continue
        done = subprocess.run([tool, *args, str(path)], capture_output=True, timeout=120)
        if done.returncode == 0 and done.stdout.strip():
            text = done.stdout.decode("utf-8", "replace")
            if tool == "antiword":
                # The tables span the page; a paragraph's one line is longer than the page is wide
                width = max((len(m.group()) for m in _TABLE_ROW.finditer(text)), default=None)
                rows = from_text.rows_of_text(_table_rows_as_columns(text), width=width)
            else:
                rows = from_text.rows_of_text(text)
            return dataclasses.replace(rows, wrapped=False, rows=_without_separators(rows.rows))
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise ImportFailure(f"{path.name}: {tool} cannot read it ({reason[0] if reason else 'no text'}); "
                            "open it in Word or LibreOffice and save it as .docx")
    raise ImportFailure(f"{path.name}: importing .doc needs antiword or catdoc (Debian packages; `make` installs antiword)")


def _without_separators(rows: list) -> list:
    """A paragraph a line, a blank line between two (antiword's way): the blank says nothing more, not
    that a title ends there. Read as a .docx's paragraphs are, which have none."""
    return [dataclasses.replace(r, blank_before=False) for r in rows]


_TABLE_ROW = re.compile(r"^\|(.*)\|[ \t]*$", re.M)


def _table_rows_as_columns(text: str) -> str:
    """antiword's `|TỔNG LĐLĐ VIỆT NAM   |CỘNG HÒA…   |` as cells a tab apart, each where it was."""
    return _TABLE_ROW.sub(lambda m: " " + m.group(1).replace("|", "\t"), text)
