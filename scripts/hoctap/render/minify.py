"""Our stylesheets and scripts as the site serves them: without comments and spare white space.

The sources in overrides/assets/ keep their comments (why each rule is there); a phone's first visit
need not download them (benchmarks/budget.toml). rcssmin and rjsmin, small and well kept, do the work;
vendored files (assets/javascripts/vendor/) come minified and are left as they are.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {"stylesheets": ("*.css", rcssmin.cssmin), "javascripts": ("*.js", rjsmin.jsmin)}
"""Folder of assets/ → (our files in it, their minifier)."""


def assets(custom_dir: Path, site_dir: Path) -> None:
    """Write our built stylesheets and scripts again, minified from their sources."""
    for folder, (pattern, minified) in MINIFIERS.items():
        for source in sorted((custom_dir / "assets" / folder).glob(pattern)):
            built = site_dir / "assets" / folder / source.name
            if built.is_file():
                built.write_text(minified(source.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
