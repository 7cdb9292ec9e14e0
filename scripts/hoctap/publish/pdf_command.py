"""The `hoctap pdf` verb: read the site's configuration, make the PDF, report problems as findings."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from ..build.project import read_mkdocs_yml

from ..text import disk
from ..text.findings import format_text
from ..registry.documents import Registry
from ..registry.gate_decision import decide, published
from ..text.pages import PDF_NAME
from ..render import partials
from .pdf import PdfError, write_pdf


def make_pdf(config_file: str, site_dir: str, output: str | None = None, *, registry: Registry | None = None,
             shown: str | None = None) -> int:
    """Make the PDF of a built site: the documents the publication gate let into that build (`registry`,
    from the build); `hoctap pdf` alone reads the content again, as a preview includes it.

    It is written beside its place and renamed into it, so a full disk never leaves half a PDF;
    `shown` is how the message names it (a site built aside is renamed afterwards)."""
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
    try:
        import weasyprint  # noqa: F401 (WeasyPrint loads Debian's pango as it is imported)
    except (ImportError, OSError) as error:
        print(f"hoctap: cannot make the PDF: WeasyPrint or Debian's pango is missing ({error}); run `make setup`",
              file=sys.stderr)
        return 1
    started = time.perf_counter()
    partial = out.with_name(f".{out.name}.partial")
    try:
        write_pdf(registry, site, partial, str(config.get("site_author") or config.get("copyright") or ""), _theme_dir(root, config))
        os.replace(partial, out)
    except PdfError as error:
        print(format_text(error.findings), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"hoctap: cannot write the PDF: {disk.explain(error, out.parent)}", file=sys.stderr)
        return 1
    finally:
        partial.unlink(missing_ok=True)
    print(f"hoctap: wrote {shown or out} ({out.stat().st_size // 1024} KB) in {time.perf_counter() - started:.1f} s")
    return 0


def _theme_dir(root: Path, config: dict) -> Path:
    """The theme's `custom_dir`, whose partial lays the PDF out; the project's own without one."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return root / custom if custom else partials.THEME_DIR
