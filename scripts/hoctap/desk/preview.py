"""The phone preview: the site as `hoctap build` makes it (drafts included), in the desk's own
folder, built whole once and then again only where a save changed it (MkDocs' dirty build: the
pages whose files are newer than their HTML), so that a saved page shows in about a second.

One build at a time (MkDocs keeps global state); the desk's requests wait for it in a thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..build import project


class Preview:
    def __init__(self, config_file: Path, folder: Path):
        self.config_file = config_file
        self.folder = folder
        self._lock = threading.Lock()
        self._built = False

    def refresh(self) -> bool:
        """Bring the preview up to date with docs/; False when the build failed (its findings are
        the page's, shown on its screen)."""
        with self._lock:
            built = project.build(self.config_file, self.folder, strict=False, dirty=self._built)
            self._built = self._built or built is not None
            return built is not None

    def page_url(self, stem: str) -> str:
        """Where the preview serves a page (`van-ban/15-ctr-tu` → `/xem/van-ban/15-ctr-tu.html`)."""
        return f"/xem/{stem}.html"

    def has(self, stem: str) -> bool:
        return (self.folder / f"{stem}.html").is_file()
