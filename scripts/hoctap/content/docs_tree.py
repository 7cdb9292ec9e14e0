"""`docs/` as the build may use it: a tree of regular files, walked once, links never followed.

The registry, `hoctap check` and the plugin all take their files from `walk(docs_dir)`, so
what an editor's folder holds can neither leak nor crash a command:

- a symbolic link (to a file or a folder, dangling or not) is an error (E006) and is never
  followed: `docs/passwd.txt -> /etc/passwd` would otherwise be published;
- editors' backup and temporary files (`page.md~`, `#page.md#`, `.page.md.swp`, `*.bak`,
  `*.orig`, any dotfile…) are ignored: never read, never published;
- only known kinds of file are published: pages, images of the listed types, files meant for
  download (the suffixes below, also listed in the editors' guide); any other kind is an error (E008);
- a folder named like a page (`y.md/`), a pipe or a device, a folder that cannot be read: E005;
- a name that is not Unicode NFC (a file copied from a Mac) is an error (E007): an NFC link to it
  would not find it.

`includes/` holds the build's data files (quiz, speaker sheets, abbreviations): read, never published.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..text.findings import Finding

PAGE_SUFFIXES = (".md",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
"""No `.svg`: an SVG opened by itself runs the scripts it holds, in the site's origin."""
DOWNLOAD_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp")
DATA_FOLDER = "includes"
"""Data the build reads (`on-tap.yml`, `bao-cao-vien.yml`, `abbreviations.md`); mkdocs.yml's `exclude_docs` keeps it unpublished."""

_BACKUP = re.compile(
    r"^\.|^#.*#$|^~\$|~$"                                    # dotfiles (vim's .swp, emacs' .#lock, .DS_Store), emacs' #autosave#, Word's ~$owner, page.md~
    r"|\.(bak|orig|rej|old|tmp|temp|swp|swo|part|crdownload)$"  # copies kept by editors, patch, merge tools and browsers
    r"|^(thumbs\.db|desktop\.ini)$",                         # what Windows leaves in folders
    re.IGNORECASE,
)


def is_backup(name: str) -> bool:
    """An editor's backup or temporary file (or folder): ignored, never read, never published."""
    return bool(_BACKUP.search(name))


def kind_of(rel: str) -> str | None:
    """`page`, `image`, `download` or `data` for a file the build may use; None for any other kind."""
    suffix = os.path.splitext(rel)[1].lower()
    if rel.startswith(DATA_FOLDER + "/"):
        return "data"
    if suffix in PAGE_SUFFIXES:
        return "page"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in DOWNLOAD_SUFFIXES:
        return "download"
    return None


@dataclass(frozen=True)
class Tree:
    """What `docs/` holds that the build may use, what it ignores, and what is wrong with the rest."""

    root: Path
    files: dict[str, str]
    """Usable regular files, by path in docs/ (posix), with their kind (`kind_of`)."""
    ignored: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def pages(self) -> list[str]:
        """Pages to render, in path order (the data folder's Markdown is data, not a page)."""
        return [rel for rel, kind in self.files.items() if kind == "page"]

    def published(self, rel: str) -> bool:
        """May this file of docs/ be copied into the site?"""
        return self.files.get(rel) in ("page", "image", "download")


def walk(docs_dir: Path) -> Tree:
    """Every entry under docs_dir, in path order, examined without following any link."""
    files, ignored, findings = {}, [], []
    for rel, entry, problem in entries(Path(docs_dir)):
        if problem:
            findings.append(problem)
        elif entry is None:
            ignored.append(rel)
        else:
            kind = kind_of(rel)
            if kind is None:
                findings.append(Finding(rel, 1, 1, "E008", "the site does not publish this kind of file",
                                        "pages are .md; images " + " ".join(IMAGE_SUFFIXES) + "; downloads "
                                        + " ".join(DOWNLOAD_SUFFIXES) + ". Convert it, or move it out of docs/"))
            else:
                files[rel] = kind
    return Tree(Path(docs_dir), files, tuple(ignored), tuple(findings))


def entries(root: Path, prefix: str = ""):
    """(path under root, entry, None) for each regular file; (path, None, None) for each ignored
    backup; (path, None, finding) for each entry that cannot be used. Folders are descended into
    in name order; links, pipes and devices are never opened."""
    try:
        with os.scandir(root / prefix if prefix else root) as scan:
            found = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        yield prefix.rstrip("/") or ".", None, _unreadable(prefix.rstrip("/") or ".", error)
        return
    for entry in found:
        rel = prefix + entry.name
        if is_backup(entry.name):
            yield rel, None, None
            continue
        problem = _problem(rel, entry)
        if problem:
            yield rel, None, problem
        elif entry.is_dir(follow_symlinks=False):
            yield from entries(root, rel + "/")
        else:
            yield rel, entry, None


def _problem(rel: str, entry: os.DirEntry) -> Finding | None:
    if entry.is_symlink():
        target = os.readlink(entry.path)
        return Finding(rel, 1, 1, "E006", f"a symbolic link (to {target}) is never followed",
                       "copy the file or folder itself into docs/, or remove the link")
    if not unicodedata.is_normalized("NFC", entry.name):
        nfc = unicodedata.normalize("NFC", entry.name)
        return Finding(rel, 1, 1, "E007", "the name is not Unicode NFC (its accents are separate characters): "
                       "a link written in NFC does not find it", f"rename it to `{nfc}`")
    try:
        if entry.is_dir(follow_symlinks=False):  # the type comes with the folder's listing: no stat per entry
            if entry.name.lower().endswith(PAGE_SUFFIXES):
                return Finding(rel, 1, 1, "E005", "a folder named like a page",
                               f"rename the folder (e.g. `{entry.name.rsplit('.', 1)[0]}/`), or move the page out of it")
            return None
        if not entry.is_file(follow_symlinks=False):
            return Finding(rel, 1, 1, "E005", "not a regular file (a pipe, a socket or a device)", "remove it from docs/")
    except OSError as error:
        return _unreadable(rel, error)
    if not os.access(entry.path, os.R_OK):
        return Finding(rel, 1, 1, "E005", "cannot read: permission denied",
                       "give yourself read permission (chmod u+r), or remove it")
    return None


def _unreadable(rel: str, error: OSError) -> Finding:
    return Finding(rel, 1, 1, "E005", f"cannot read: {error.strerror or error}",
                   "check its permissions (ls -l), or remove it from docs/")
