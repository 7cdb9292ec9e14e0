"""What an imported file may cost, stated once: size, pages, pixels, inflated bytes, nesting, memory.

Files come from outside (email, downloads, USB sticks), and a file made to hurt can claim a
3 GB Word part, a 20000×20000 image or 2,500 pages. Every limit is far above what an official
document needs (a plan is a few pages; Word keeps a 100-page text in a few MB of XML) and each
refusal says which limit, so the rare real file can be split, or let through with `--max-pages`.

Extraction runs in a child process whose address space is capped (`contained`): whatever a
parser does with a hostile file — inflate it, nest it, leak it — the child fails with a
MemoryError or dies, and the editor reads one line; the command itself never holds more
than `MEMORY` bytes for a file.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import resource
import signal
import zipfile
from pathlib import Path

from .model import Cell, Extracted, ImportFailure

MAX_FILE_BYTES = 100_000_000
"""A file's size on disk: a 300 dpi scan of 30 pages is about 30 MB."""
MAX_PAGES = 100
"""Pages of a PDF (text or scan); `--max-pages` raises it for the rare longer document."""
MAX_PIXELS = 80_000_000
"""Pixels of an image or of a scanned page at 300 dpi: A3 at 300 dpi is 17.4 million."""
MAX_MEMBER_BYTES = 64_000_000
"""Bytes one part of a Word file may inflate to (word/document.xml of 100 pages: a few MB)."""
MAX_ARCHIVE_BYTES = 250_000_000
"""Bytes all the parts of a Word file may inflate to, pictures included."""
MAX_RATIO = 200
"""How many times a part may outgrow its compressed size (XML compresses about 10:1)."""
MAX_DEPTH = 250
"""Elements inside elements, in HTML and in Word's XML (libxml2 stops reading at 256)."""
MAX_CELLS = 64
"""Cells of one row (a header's two columns, a table's): a line of more is not a layout, only text."""
MEMORY = 2**30
"""Peak memory of reading one file."""


def size(length: int) -> str:
    """`3.0 GB`, `64 MB`, `812 bytes`: sizes as an editor reads them."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if length >= scale:
            return f"{length / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{length} bytes"


def check_file_size(path: Path) -> None:
    length = path.stat().st_size
    if length > MAX_FILE_BYTES:
        raise ImportFailure(f"{path.name}: {size(length)}, more than the {size(MAX_FILE_BYTES)} a document may have; "
                            "split it, or save it again with smaller pictures")


def check_pages(path: Path, pages: int, max_pages: int) -> None:
    if pages > max_pages:
        raise ImportFailure(f"{path.name}: {pages} pages, more than the {max_pages} imported at once; "
                            f"split it, or pass --max-pages {pages} if the whole document is needed")


def check_pixels(path: Path, width: int, height: int, where: str = "") -> None:
    if width * height > MAX_PIXELS:
        raise ImportFailure(f"{path.name}: {where}{width}×{height} pixels ({width * height / 1e6:.0f} million), more than "
                            f"the {MAX_PIXELS / 1e6:.0f} million OCR reads; scan it again at 300 dpi")


def check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip whose parts would inflate past the limits, before anything inflates them.

    Python's zipfile never inflates a part past the size its header declares (it stops there,
    then checks the CRC), so the declared sizes are the ones to check."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportFailure(f"{path.name}: its part {info.filename} inflates to {size(info.file_size)}, more than "
                                f"the {size(MAX_MEMBER_BYTES)} a part may have; open it in Word and save it again")
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFailure(f"{path.name}: its part {info.filename} inflates {info.file_size // max(info.compress_size, 1)} "
                                f"times over (more than {MAX_RATIO}), as a zip bomb does; open it in Word and save it again")
    if total > MAX_ARCHIVE_BYTES:
        raise ImportFailure(f"{path.name}: its parts inflate to {size(total)}, more than the {size(MAX_ARCHIVE_BYTES)} "
                            "a Word file may hold; save it again with smaller pictures")


def bounded_rows(extracted: Extracted) -> Extracted:
    """Rows of more than `MAX_CELLS` cells as one cell each: the header's readers look at every cell of a
    row, so 300,000 tab-separated cells on one line would take minutes; the text stays as it was."""
    for index, row in enumerate(extracted.rows):
        if len(row.cells) > MAX_CELLS:
            extracted.rows[index] = dataclasses.replace(row, cells=[Cell(row.text, row.x0, row.x1)])
    return extracted


def contained(path: Path, function, *args, progress=None):
    """`function(*args)` in a child process that may use `MEMORY` bytes more than now; its result.
    With `progress`, the function is given `progress=` a callable that sends its arguments back
    through the pipe, and `progress` is called with them here, in the parent, as they come.

    The one place that turns whatever an extractor raises into one line about `path`: an
    ImportFailure keeps its message, running out of memory or nesting too deep says so, any
    other error is named with its class and first line (a parser's bug on a broken file)."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(writer, function, args, progress is not None), daemon=True)
    child.start()
    writer.close()
    try:
        outcome = reader.recv()
        while outcome[0] == "progress":
            progress(*outcome[1])
            outcome = reader.recv()
    except EOFError:
        outcome = None
    finally:
        reader.close()
        child.join()
    if outcome is None:
        reason = (f"killed by signal {signal.Signals(-child.exitcode).name}" if child.exitcode and child.exitcode < 0
                  else f"exit status {child.exitcode}")
        raise ImportFailure(f"{path.name}: reading it stopped ({reason}); the file is damaged or made to hurt: "
                            "open it in its program and save or export it again")
    kind, value = outcome
    if kind == "ok":
        return value
    if kind == "memory":
        raise ImportFailure(f"{path.name}: reading it needs more than {size(MEMORY)} of memory, which no official "
                            "document needs; the file is damaged or made to hurt: save or export it again")
    if kind == "depth":
        raise ImportFailure(f"{path.name}: nested too deep to read; save or export it again")
    if kind == "failure":
        raise ImportFailure(value)
    raise ImportFailure(f"{path.name}: not readable ({value}); the file is damaged: open it in its program and "
                        "save or export it again")


def _run(writer, function, args, reports: bool) -> None:
    """In the child: cap the address space, run, send back (kind, value), after any ("progress", args)."""
    try:
        _cap_memory()
        extra = {"progress": lambda *told: writer.send(("progress", told))} if reports else {}
        outcome = ("ok", function(*args, **extra))
    except ImportFailure as failure:
        outcome = ("failure", str(failure))
    except MemoryError:
        outcome = ("memory", None)
    except RecursionError:
        outcome = ("depth", None)
    except Exception as error:  # noqa: BLE001 — the one place a parser's error becomes a message
        first = (str(error).strip().splitlines() or [""])[0][:200]
        if "allocate" in first:  # zlib's and pdfminer's words for running out of memory
            outcome = ("memory", None)
        else:
            outcome = ("error", f"{error.__class__.__name__}: {first}" if first else error.__class__.__name__)
    try:
        writer.send(outcome)
    except MemoryError:
        writer.send(("memory", None))
    finally:
        writer.close()


def _cap_memory() -> None:
    """Address space: what the process maps now, plus `MEMORY` less what it already holds."""
    status = Path(f"/proc/{os.getpid()}/status").read_text()
    fields = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in status.splitlines()
              if line.startswith(("VmSize:", "VmRSS:"))}
    limit = fields["VmSize"] + max(MEMORY - fields["VmRSS"], MEMORY // 4)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
