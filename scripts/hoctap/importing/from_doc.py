"""Old Word `.doc` files: their text as antiword (or catdoc) prints it, Debian packages both.

The binary format's fonts are not kept, so a TCVN3 or VNI text is recognised from its characters.
"""

from __future__ import annotations

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
            return from_text.rows_of_text(done.stdout.decode("utf-8", "replace"))
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise ImportFailure(f"{path.name}: {tool} cannot read it ({reason[0] if reason else 'no text'}); "
                            "open it in Word or LibreOffice and save it as .docx")
    raise ImportFailure(f"{path.name}: importing .doc needs antiword or catdoc (Debian packages; `make` installs antiword)")
