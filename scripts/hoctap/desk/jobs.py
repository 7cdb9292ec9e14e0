"""Imports the editor watches: each upload is read in a thread the desk owns, one at a time (OCR
uses a whole core a page), while the screen `/nhap/viec/<id>` shows how far it is ("Đang đọc bản
quét: trang 2/5"), refreshing itself, or asking its JSON twin when the browser runs JavaScript.

The reading is the importer's own (`import_file` with its `progress` callback), so the desk and
`hoctap import` read a file the same way; a job ends with the import or with the message of why not.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

KEPT = 20
"""Finished jobs kept for their screens; an older one is forgotten (its upload can be imported again)."""


@dataclass
class Job:
    id: str
    path: Path
    queued: bool = False  # another import held the reader when this one came
    started: bool = False  # False while another import holds the reader
    page: int = 0  # OCR's page being read, of `pages`; 0 before OCR (or without it)
    pages: int = 0
    imported: object = None  # hoctap.importing.Imported, once read
    problem: str = ""  # why the file could not be read, in the editor's words
    done: threading.Event = field(default_factory=threading.Event)

    def progress(self, page: int, pages: int) -> None:
        self.page, self.pages = page, pages

    def worth_watching(self, most: float) -> None:
        """Wait until the job is done, or has something to show: OCR's pages, or its turn still to
        come (another import holds the reader); at most `most` seconds."""
        start = time.monotonic()
        while not self.done.wait(0.1):
            waited = time.monotonic() - start
            if self.pages or waited > most or (self.queued and not self.started and waited > 1):
                return

    @property
    def status(self) -> str:
        """What the screen says while it works."""
        if not self.started:
            return "Đang chờ: bàn biên tập đang đọc một tệp khác."
        if self.pages:
            return f"Đang đọc bản quét: trang {self.page}/{self.pages}"
        return "Đang đọc tệp…"


class Jobs:
    """The desk's imports by id (the upload's id), read by `read(path, progress)` one at a time."""

    def __init__(self, read: Callable):
        self._read = read
        self._reader = threading.Lock()
        self._jobs: dict[str, Job] = {}

    def start(self, job_id: str, path: Path) -> Job:
        job = self._jobs[job_id] = Job(job_id, path, queued=self._reader.locked())
        threading.Thread(target=self._run, args=(job,), name=f"hoctap-nhap-{job_id[:6]}", daemon=True).start()
        self._forget_old()
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def forget(self, job_id: str) -> None:
        self._jobs.pop(job_id, None)

    def _run(self, job: Job) -> None:
        from ..importing import ImportFailure

        with self._reader:
            job.started = True
            try:
                job.imported = self._read(job.path, job.progress)
            except ImportFailure as failure:
                job.problem = f"Không nhập được tệp này: {failure}"
            finally:
                job.done.set()

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.done.is_set()]
        for job in finished[:-KEPT]:
            self.forget(job.id)
