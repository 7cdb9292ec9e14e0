"""The `hoctap pdf` verb: read the site's configuration, make the PDF, report problems as findings."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..project import read_mkdocs_yml

from ..findings import format_text
from ..registry import Registry
from ..gate import decide, published
from ..pages import PDF_NAME
from .pdf import PdfError, write_pdf


def make_pdf(config_file: str, site_dir: str, output: str | None = None, *, registry: Registry | None = None) -> int:
    """Make the PDF of a built site: the documents the publication gate let into that build (`registry`,
    from the build); `hoctap pdf` alone reads the content again, as a preview includes it."""
    root = Path(config_file).resolve().parent
    try:
        config = read_mkdocs_yml(config_file)
    except ValueError as error:
        print(f"hoctap pdf: {error}", file=sys.stderr)
        return 2
    if registry is None:
        registry = Registry.load(root / config.get("docs_dir", "docs"))
        if registry.findings:
            print(format_text(registry.findings), file=sys.stderr)
            return 1
        registry = published(registry, decide(registry, drafts=True, profile="intranet"))
    site = Path(site_dir)
    out = Path(output) if output else site / PDF_NAME
    started = time.perf_counter()
    try:
        write_pdf(registry, site, out, str(config.get("site_author") or config.get("copyright") or ""))
    except PdfError as error:
        print(format_text(error.findings), file=sys.stderr)
        return 1
    except (ImportError, OSError) as error:  # WeasyPrint or Debian's pango missing
        print(f"hoctap: cannot make the PDF: {error}; run `make setup`", file=sys.stderr)
        return 1
    print(f"hoctap: wrote {out} ({out.stat().st_size // 1024} KB) in {time.perf_counter() - started:.1f} s")
    return 0
