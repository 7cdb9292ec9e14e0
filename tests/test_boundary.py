"""What an editor's folder can hold (issue 13's table): each input is planted in a throw-away copy
of the project and the real commands run on it. Each gives a finding with its path (and line where
there is one), exit status 1, no traceback; a failed build leaves the previous site/ byte-identical;
and nothing planted leaks into the built site, a `--profile public` release or the bundle zip."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import ROOT
from tests.test_gate import INTERNAL_PAGE
from tests.test_serve import free_port

SECRET = "Zqxboundary"
"""In everything planted: found in an output, it leaked."""
URL = "http://intranet.example/hoc-tap/"
QUICK_READ = "docs/doc-nhanh.md"


def append(project: Path, rel: str, text: str) -> int:
    """Add `text` at the end of a page; the line it starts on."""
    page = project / rel
    before = page.read_text(encoding="utf-8")
    page.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1 + (len(text) - len(text.lstrip("\n")))


def outside_file(outside: Path) -> Path:
    """A file outside the project, as /etc/passwd is."""
    secret = outside / "passwd"
    secret.write_text(f"root:x:0:0:{SECRET}:/root:/bin/bash\n", encoding="utf-8")
    return secret


def link_to_file(project: Path, outside: Path) -> int:
    (project / "docs" / "passwd.txt").symlink_to(outside_file(outside))
    return 1


def link_to_folder(project: Path, outside: Path) -> int:
    outside_file(outside)
    (project / "docs" / "etc-dir").symlink_to(outside, target_is_directory=True)
    return 1


def dangling_link(project: Path, outside: Path) -> int:
    (project / "docs" / "x.md").symlink_to(outside / "no-such-file.md")
    return 1


def folder_named_like_a_page(project: Path, outside: Path) -> int:
    folder = project / "docs" / "y.md"
    folder.mkdir()
    (folder / "anh.png").write_text(SECRET, encoding="utf-8")
    return 1


BACKUPS = ("{}~", "#{}#", ".{}.swp", "{}.bak", "{}.orig")


def backups_beside_internal_and_draft_pages(project: Path, outside: Path) -> None:
    (project / "docs" / "van-ban" / "99-cv-ldld.md").write_text(INTERNAL_PAGE, encoding="utf-8")
    for page in ("99-cv-ldld.md", "02-ctr-ldld.md"):  # internal; draft (`trang_thai: du-thao`)
        for pattern in BACKUPS:
            (project / "docs" / "van-ban" / pattern.format(page)).write_text(f"# {SECRET}\n", encoding="utf-8")


def link_to_missing_page(project: Path, outside: Path) -> int:
    return append(project, QUICK_READ, f"\nXem [trang {SECRET}](khong-co.md).\n")


def link_to_missing_anchor(project: Path, outside: Path) -> int:
    # On the page itself: a link to another page is plain text in a publish that leaves that page out
    return append(project, QUICK_READ, f"\nXem [mục {SECRET}](#khong-co-muc-nay).\n")


def quiz_deleted(project: Path, outside: Path) -> int:
    (project / "docs" / "includes" / "on-tap.yml").unlink()
    return 1


NFD_NAME = unicodedata.normalize("NFD", "ghi-chú.md")


def nfd_file_name(project: Path, outside: Path) -> int:
    (project / "docs" / NFD_NAME).write_text(f"# Ghi chú\n\n{SECRET}\n", encoding="utf-8")
    append(project, QUICK_READ, "\nXem [ghi chú](ghi-chú.md).\n")  # written in NFC, as editors type
    return 1


@dataclass(frozen=True)
class Row:
    input: str
    plant: Callable[[Path, Path], int | None]
    """Plants the input in a project, with a folder outside it; returns the line of the finding
    (None: the input is ignored, no finding)."""
    path: str = ""
    code: str = ""
    checked: bool = True
    """`hoctap check` finds it too (MkDocs' link warnings and the quiz page are found by the build)."""

    def __str__(self) -> str:
        return self.input


ROWS = [
    Row("ln -s /etc/passwd docs/passwd.txt", link_to_file, "docs/passwd.txt", "E006"),
    Row("a link to a folder (docs/etc-dir -> /etc)", link_to_folder, "docs/etc-dir", "E006"),
    Row("a dangling symlink docs/x.md", dangling_link, "docs/x.md", "E006"),
    Row("a folder named docs/y.md", folder_named_like_a_page, "docs/y.md", "E005"),
    Row("page.md~, #page.md#, .page.md.swp, .bak, .orig beside an internal and a draft page",
        backups_beside_internal_and_draft_pages),
    Row("a link to a missing page", link_to_missing_page, QUICK_READ, "L105", checked=False),
    Row("a link to a missing anchor", link_to_missing_anchor, QUICK_READ, "L106", checked=False),
    Row("docs/includes/on-tap.yml deleted", quiz_deleted, "docs/includes/on-tap.yml", "Q001", checked=False),
    Row("a page whose file name is NFD", nfd_file_name, f"docs/{NFD_NAME}", "E007"),
]


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def every_byte(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def unzipped(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def leaked(files: dict[str, bytes]) -> list[str]:
    return [name for name, data in files.items() if SECRET.encode() in data or SECRET.lower().encode() in data.lower()]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_input_gives_a_finding_and_leaks_nothing(row, project_copy, tmp_path_factory, run_hoctap):
    project, outputs = project_copy, tmp_path_factory.mktemp("outputs")
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("<p>the previous build</p>\n", encoding="utf-8")
    line = row.plant(project, tmp_path_factory.mktemp("outside"))
    target, archive = outputs / "srv", outputs / "hoc-tap.zip"
    results = {
        "check": run_hoctap("check", cwd=project),
        "build": run_hoctap("build", cwd=project),
        "publish": run_hoctap("publish", "--profile", "public", "--to", str(target), "--site-url", URL, cwd=project),
        "bundle": run_hoctap("bundle", "--profile", "public", "--out", str(archive), cwd=project),
    }
    for verb, result in results.items():
        output = result.stdout + result.stderr
        assert "Traceback" not in output, f"{verb}:\n{output}"
        if line is None:
            assert result.returncode == 0, f"{verb}:\n{output}"
        elif verb != "check" or row.checked:
            assert result.returncode == 1, f"{verb}:\n{output}"
            assert re.search(rf"^{re.escape(row.path)}:{line}:\d+: {row.code} ", output, re.M), f"{verb}:\n{output}"

    if line is None:  # ignored: the commands passed, and their outputs hold none of it
        release = (target / "current").resolve()
        assert leaked(every_byte(previous)) == leaked(every_byte(release)) == leaked(unzipped(archive)) == []
        assert not [name for name in every_byte(release) if name.endswith(("~", "#", ".swp", ".bak", ".orig"))]
    else:  # failed: site/ exactly as it was, no release, no zip
        assert every_byte(previous) == {"index.html": b"<p>the previous build</p>\n"}
        assert names_in(target) in ([], [".lock", "releases"]) and names_in(target / "releases") == []
        assert not archive.exists()


def test_the_nfd_finding_names_the_nfc_name(project_copy, tmp_path_factory, run_hoctap):
    nfd_file_name(project_copy, tmp_path_factory.mktemp("outside"))
    result = run_hoctap("check", cwd=project_copy)
    assert f"rename it to `{unicodedata.normalize('NFC', NFD_NAME)}`" in result.stdout


def test_every_publishable_suffix_is_listed_for_editors():
    from hoctap.content import docs_tree
    from tests.conftest import DOCS

    guide = (DOCS / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    section = guide[guide.index("{#tep}"):guide.index("Loại tệp khác")]  # the list of what is published
    listed = set(re.findall(r"`(\.[a-z]+)`", re.sub(r"\(không nhận[^)]*\)", "", section)))
    assert listed == {*docs_tree.PAGE_SUFFIXES, *docs_tree.IMAGE_SUFFIXES, *docs_tree.DOWNLOAD_SUFFIXES}


# -- serve: the preview lists the findings and keeps serving the last good build -----------------

@pytest.mark.parametrize("plant, path", [(dangling_link, "docs/x.md"), (folder_named_like_a_page, "docs/y.md")],
                         ids=["dangling symlink docs/x.md", "folder docs/y.md"])
def test_serve_keeps_the_last_good_build_and_does_not_hang(plant, path, project_copy, tmp_path_factory):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "hoctap.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project_copy, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    seen: list[str] = []

    def wait_for(text: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                seen.append(lines.get(timeout=1))
            except queue.Empty:
                continue
            if text in seen[-1]:
                return
        raise AssertionError(f"no {text!r} within {timeout} s:\n" + "".join(seen[-40:]))

    def page() -> str:
        """The page as served, without the live-reload script's epochs (they change with every build)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/doc-nhanh.html", timeout=10) as response:
            return re.sub(r"reload\(\d+, \d+\)", "reload()", response.read().decode("utf-8"))

    try:
        wait_for("Serving on")
        good = page()
        plant(project_copy, tmp_path_factory.mktemp("outside"))
        append(project_copy, QUICK_READ, "\nMột dòng mới.\n")  # the editor saves a page: a rebuild
        wait_for(f"{path}:1:1: ")
        wait_for("still serving the last good build")
        served = page()  # within 10 s: MkDocs' own serve made every request wait here
        assert served == good and "Một dòng mới" not in served
        assert "Traceback" not in "".join(seen)
    finally:
        server.terminate()
        server.wait(timeout=30)


# -- check --fix: never through a link, never outside the project; line endings kept -----------

MISTAKE = "\nXem Chương trình số18-Ctr/TU.\n"


def test_fix_refuses_a_symlinked_page(project_copy, tmp_path_factory, run_hoctap):
    page = project_copy / QUICK_READ
    elsewhere = tmp_path_factory.mktemp("outside") / "doc-nhanh.md"
    elsewhere.write_text(page.read_text(encoding="utf-8") + MISTAKE, encoding="utf-8")
    before = elsewhere.read_bytes()
    page.unlink()
    page.symlink_to(elsewhere)
    for args in (("check", "--fix"), ("check", "--fix", QUICK_READ)):
        result = run_hoctap(*args, cwd=project_copy)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert re.search(rf"^{QUICK_READ}:1:1: E006 ", result.stdout, re.M), result.stdout + result.stderr
        assert elsewhere.read_bytes() == before
    # Reached through a linked folder, the page is outside the project: refused, not written
    (project_copy / "linked").symlink_to(elsewhere.parent, target_is_directory=True)
    result = run_hoctap("check", "--fix", "linked/doc-nhanh.md", cwd=project_copy)
    assert result.returncode == 1 and "linked/doc-nhanh.md: outside the project" in result.stderr
    assert elsewhere.read_bytes() == before


def test_fix_keeps_crlf_line_endings(project_copy, run_hoctap):
    page = project_copy / QUICK_READ
    text = page.read_text(encoding="utf-8") + MISTAKE
    page.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = run_hoctap("check", "--fix", cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = page.read_bytes()
    assert b"s\xe1\xbb\x91 18-CTr/TU" in fixed  # "số 18-CTr/TU": both fixes applied
    assert fixed.count(b"\r\n") == text.count("\n") and b"\n" not in fixed.replace(b"\r\n", b"")


# -- publish: a full disk, and `current` a real directory ---------------------------------------

def on_a_tiny_disk(folder: Path, size: str, *command: str, cwd: Path) -> tuple[str, list[str]]:
    """Run `hoctap COMMAND` with `folder` on a tmpfs of `size`, in a mount namespace of its own: the
    disk really fills (ENOSPC from the kernel), and nothing outside this process sees the mount.
    Returns the exit status and output, and what the command left on that disk."""
    folder.mkdir(exist_ok=True)
    script = ('mount -t tmpfs -o size="$1" tmpfs "$2" || exit 99; cd "$3"; shift 3; "$@"; status=$?; '
              'echo "EXIT $status"; find "$0" -mindepth 1 | sed "s/^/LEFT /"; exit $status')
    try:
        result = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script,
                                 str(folder), size, str(folder), str(cwd), sys.executable, "-m", "hoctap.cli", *command],
                                capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=300)
    except FileNotFoundError:
        pytest.fail("`unshare` (util-linux) is needed to give a command a small disk of its own")
    output = result.stdout + result.stderr
    if result.returncode == 99 or "unshare:" in output:
        pytest.fail(f"a small disk could not be mounted (user namespaces are needed): {output}")
    left = [line.removeprefix("LEFT " + str(folder) + "/") for line in result.stdout.splitlines() if line.startswith("LEFT ")]
    return output, left


def test_disk_full_while_publishing_names_the_target_and_changes_nothing(project_copy, tmp_path_factory):
    target = tmp_path_factory.mktemp("disk") / "srv"
    output, left = on_a_tiny_disk(target, "600k", "publish", "--to", str(target), "--site-url", URL, cwd=project_copy)
    assert "EXIT 1" in output and "Traceback" not in output, output
    assert f"no space left on the disk that holds {target}:" in output, output
    assert "the current release is unchanged" in output and "site-packages" not in output
    assert sorted(left) == [".lock", "releases"]  # no half-built release, no `current`


def test_disk_full_while_writing_the_pdf_names_it_and_leaves_no_half(site, tmp_path_factory):
    small = tmp_path_factory.mktemp("disk") / "small"
    output, left = on_a_tiny_disk(small, "16k", "pdf", "--site-dir", str(site), "--output", str(small / "tai-lieu.pdf"),
                                  cwd=ROOT)
    assert "EXIT 1" in output and "Traceback" not in output, output
    assert f"cannot write the PDF: no space left on the disk that holds {small}:" in output, output
    assert "make setup" not in output and left == []


def test_current_a_real_directory_is_refused_before_building(project_copy, tmp_path_factory, run_hoctap):
    target = tmp_path_factory.mktemp("srv")
    (target / "current").mkdir()
    (target / "current" / "index.html").write_text("live\n", encoding="utf-8")
    for _ in range(2):  # each try used to leave an orphan release
        result = run_hoctap("publish", "--to", str(target), "--site-url", URL, cwd=project_copy)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output
        assert f"{target / 'current'} is a real directory, not a symlink" in output
        assert "Documentation built" not in output and "Building documentation" not in output  # refused first
    assert (target / "current" / "index.html").read_text(encoding="utf-8") == "live\n"
    assert names_in(target) == [".lock", "current"]  # no releases/, no orphan
