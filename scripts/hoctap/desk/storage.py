"""Where the desk may write, and the uploads it holds until an editor saves them.

Pages and originals are written only inside `docs/` and `sources/`, whole or not at all
(hoctap.text.disk.write_atomic), and never through a link: a folder on the way that is a link, or
a path that leads out of those two, is refused. An upload waits in the desk's own folder, outside
`docs/`, under a random name; only "Lưu trang" writes it into the project.
"""

from __future__ import annotations

import re
import secrets
import shutil
import unicodedata
from pathlib import Path

from ..text.disk import linked_part, write_atomic


class Refused(Exception):
    """A write the desk will not do; the message says why, in Vietnamese."""


def confined(path: Path, roots: list[Path]) -> Path:
    """`path` if it lies inside one of `roots` with no link anywhere on the way; else Refused."""
    path = Path(path).absolute()
    for root in roots:
        root = root.absolute()
        if not path.is_relative_to(root):
            continue
        link = linked_part(path, root)
        if link:
            raise Refused(f"{link} là liên kết tượng trưng (symlink): bàn biên tập không ghi qua liên kết")
        return path
    raise Refused(f"{path} nằm ngoài docs/ và sources/: bàn biên tập chỉ ghi vào hai thư mục này")


def write_text(path: Path, text: str, roots: list[Path]) -> None:
    target = confined(path, roots)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))


class Uploads:
    """Uploaded files, each in its own folder under the desk's working folder, kept by a random id."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)

    def keep(self, name: str, chunks) -> tuple[str, Path]:
        """Store an upload (its bytes from `chunks`); its id and where it is."""
        upload_id = secrets.token_urlsafe(16)
        holder = self.folder / upload_id
        holder.mkdir()
        path = holder / safe_name(name)
        with open(path, "xb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        return upload_id, path

    def find(self, upload_id: str) -> Path | None:
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", upload_id or ""):
            return None
        holder = self.folder / upload_id
        files = [p for p in holder.iterdir() if p.is_file()] if holder.is_dir() else []
        return files[0] if files else None

    def forget(self, upload_id: str) -> None:
        if self.find(upload_id):
            shutil.rmtree(self.folder / upload_id, ignore_errors=True)


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder: the last part of what the browser sent, NFC, no
    separators or control characters, its suffix kept (the importer reads the format from it)."""
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", name or "")[-1])
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    return name[-120:] or "tep-tai-len"
