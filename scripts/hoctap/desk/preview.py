"""The phone preview: the site as `hoctap build` makes it (drafts included), in the desk's own
folder, built whole once and then again only where a save changed it (MkDocs' dirty build: the
pages whose files are newer than their HTML), so that a saved page shows in about a second.

One build at a time (MkDocs keeps global state); the desk's requests wait for it in a thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..build import project


PREVIEW = {"checks": False, "fail_on_errors": False}
"""The plugin's options for the preview: the desk checks each page itself (its screen lists the
findings), so the build neither checks the prose again nor stops at a page still being corrected.
It is built in Vietnamese only: the phone preview shows the page the editor saved."""


class Preview:
    def __init__(self, config_file: Path, folder: Path):
        self.config_file = config_file
        self.folder = folder
        self._lock = threading.Lock()
        self._built = False

    def refresh(self) -> bool:
        """Bring the preview up to date with docs/; False when the build failed."""
        with self._lock:
            built = project.build(self.config_file, self.folder, strict=False, dirty=self._built,
                                  default_language_only=True, kit_files=not self._built, **PREVIEW)
            self._built = self._built or built is not None
            return built is not None

    def page_url(self, stem: str) -> str:
        """Where the preview serves a page (`van-ban/15-ctr-tu` → `/xem/van-ban/15-ctr-tu.html`)."""
        return f"/xem/{stem}.html"

    def has(self, stem: str) -> bool:
        return (self.folder / f"{stem}.html").is_file()
