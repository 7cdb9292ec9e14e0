"""The inline scripts the templates emit, hashed for the Content-Security-Policy (`hoctap csp`).

Hashed while each page is built, in the page's output with the page's own content taken out: a
script is allowed because Material's templates or ours (overrides/) wrote it, never because a page
held one (the sanitiser removes those anyway: hoctap.text.safe_html). The build writes the list into
the site's root; `hoctap csp` reads it from the release.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

FILE = "hoctap-csp.txt"
_SCRIPT = re.compile(r"<(?i:script)\b([^>]*+)>((?:[^<]++|<(?!/(?i:script)>))*+)</(?i:script)>", re.S)
"""An inline script's attributes and body. Its body is read a run of non-`<` characters at a time: a
lazy `.*?` tried the end tag at every character of Material's configuration script, on every page."""


def hashes(html: str) -> set[str]:
    """CSP source expressions (`'sha256-…'`) of the inline scripts in `html`.

    `<script type="application/json">` holds data, not code, and needs none."""
    found = set()
    for attrs, body in _SCRIPT.findall(html):
        if "src=" in attrs or "application/json" in attrs:
            continue
        found.add(_source_expression(body))
    return found


@functools.lru_cache(maxsize=256)
def _source_expression(body: str) -> str:
    """Every page carries the same few scripts: each is hashed once."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def of_templates(output: str, content: str, slot: str) -> set[str]:
    """The hashes of what the templates wrote around a page's `content` (which holds `slot`, where a
    template put the document card in)."""
    for piece in content.split(slot):
        if piece:
            output = output.replace(piece, "", 1)
    return hashes(output)


def write(site_dir: Path, found: set[str]) -> None:
    (site_dir / FILE).write_text("".join(f"{h}\n" for h in sorted(found)), encoding="utf-8")


def read(site: Path) -> set[str] | None:
    """The hashes a built site's templates need; None when the site has no list."""
    path = site / FILE
    return set(path.read_text(encoding="utf-8").split()) if path.is_file() else None
