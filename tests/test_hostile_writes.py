"""Issue 21: writes that cannot escape or tear. `--into` stays a page inside docs/, links are never
written through, an original never replaces another source without `--replace`, and a run killed
with -9 at any write step leaves the old page or the new one, never a torn one; what killed builds
and bundles leave is removed by the next run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hoctap.publish import bundle
from hoctap.text import disk
from tests.test_hostile_import import hoctap_import, tree

ROOT = Path(__file__).resolve().parent.parent
PLAN = "ke-hoach-ldld-lai-chau-2026-03-31.txt"
DOCUMENT = "KẾ HOẠCH\nHọc tập các chương trình hành động\n\nI. MỤC ĐÍCH\n\n1. Nội dung {}.\n"

KILLER = """import os, signal, sys
at, calls = int(os.environ["HOCTAP_KILL_AT"]), 0
def killing(real):
    def call(*args, **kwargs):
        global calls
        calls += 1
        if calls == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call
for name in ("fsync", "replace", "rename"):
    setattr(os, name, killing(getattr(os, name)))
from hoctap.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""Run `hoctap ARGS`, killed with -9 at its HOCTAP_KILL_AT-th fsync, replace or rename: each write step."""


def killed_at(project: Path, step: int, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HOCTAP_KILL_AT=str(step))
    return subprocess.run([sys.executable, "-c", KILLER, *args], cwd=project, env=env, capture_output=True, text=True)


def document(folder: Path, words: str, name: str = "van-ban.txt") -> Path:
    path = folder / name
    path.write_text(DOCUMENT.format(words), encoding="utf-8")
    return path


def outside(project: Path) -> dict[str, str]:
    """Everything of the project but docs/ and sources/: what an import must never touch."""
    return {k: v for k, v in tree(project).items() if not k.startswith(("docs/", "sources/"))}


@pytest.fixture
def project(project_copy) -> Path:
    return project_copy


@pytest.fixture
def elsewhere(tmp_path_factory) -> Path:
    """A folder outside the project: where the files to import come from, and where copies of it go."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.mark.parametrize("into", ["/tmp/hoctap-hostile-x.md", "docs/../../../hoctap-hostile-x.md", "mkdocs.yml",
                                  "docs/includes/on-tap.yml", f"sources/{PLAN}", "docs/van-ban", "docs"])
def test_into_takes_only_a_page_inside_docs(project, elsewhere, into):
    before = tree(project)
    run = hoctap_import(project, "--into", into, str(document(elsewhere, "một")))
    assert run.status == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith(f"hoctap import: {into}: "), run.stderr
    assert tree(project) == before
    assert not Path("/tmp/hoctap-hostile-x.md").exists() and not (project.parent / "hoctap-hostile-x.md").exists()


def test_a_link_in_docs_is_never_written_through(project, elsewhere):
    target = elsewhere / "outside.md"
    target.write_text("bên ngoài\n", encoding="utf-8")
    (project / "docs" / "van-ban" / "lien-ket.md").symlink_to(target)
    run = hoctap_import(project, "--into", "docs/van-ban/lien-ket.md", str(document(elsewhere, "một")))
    assert run.status == 1 and "symbolic link" in run.stderr and "Traceback" not in run.stderr
    assert target.read_text(encoding="utf-8") == "bên ngoài\n"
    linked = project / "docs" / "linked"
    linked.symlink_to(elsewhere, target_is_directory=True)
    run = hoctap_import(project, "--into", "docs/linked/outside.md", str(document(elsewhere, "hai")))
    assert run.status == 1 and "symbolic link" in run.stderr
    assert target.read_text(encoding="utf-8") == "bên ngoài\n"


def test_an_original_never_replaces_a_source_without_replace(project, elsewhere):
    plan = (project / "sources" / PLAN).read_bytes()
    same_name = document(elsewhere, "không phải kế hoạch", name=PLAN)  # no number, no date: named after its file
    run = hoctap_import(project, str(same_name))
    assert run.status == 0, run.stderr
    assert (project / "sources" / PLAN).read_bytes() == plan
    kept = [p for p in (project / "sources").iterdir() if p.read_bytes() == same_name.read_bytes()]
    assert len(kept) == 1 and kept[0].name != PLAN
    # a link in sources/ under the original's name: replaced by the file at most, never written through
    outside_file = elsewhere / "outside.txt"
    outside_file.write_text("giữ nguyên\n", encoding="utf-8")
    (elsewhere / "khac").mkdir()
    other = document(elsewhere / "khac", "khác", name=PLAN)
    (project / "sources" / PLAN).unlink()
    (project / "sources" / PLAN).symlink_to(outside_file)
    assert hoctap_import(project, "--replace", str(other)).status == 0
    assert outside_file.read_text(encoding="utf-8") == "giữ nguyên\n"


def test_replace_replaces_the_kept_original(project, elsewhere):
    first = document(elsewhere, "bản một")
    assert hoctap_import(project, str(first)).status == 0
    kept = {p.name: p.read_bytes() for p in (project / "sources").iterdir()}
    second = document(elsewhere, "bản hai")
    assert hoctap_import(project, str(second)).status == 0  # kept beside the first, under a name of its own
    assert all((project / "sources" / n).read_bytes() == b for n, b in kept.items())
    names = {p.name for p in (project / "sources").iterdir()}
    third = document(elsewhere, "bản ba")
    assert hoctap_import(project, "--replace", str(third)).status == 0
    assert {p.name for p in (project / "sources").iterdir()} == names  # under the page's name, replaced


def test_kill_9_at_every_write_step_of_an_import_leaves_the_old_page_or_the_new(project, elsewhere):
    assert hoctap_import(project, str(document(elsewhere, "bản một"))).status == 0
    page = next(p for p in (project / "docs" / "van-ban").glob("*.md") if "bản một" in p.read_text(encoding="utf-8"))
    page.write_text(page.read_text(encoding="utf-8") + "\nGhi chú của biên tập viên, công sức nhiều giờ.\n",
                    encoding="utf-8")
    old = page.read_bytes()
    second = document(elsewhere, "bản hai")
    done = elsewhere / "done"
    shutil.copytree(project, done)
    assert hoctap_import(done, "--replace", str(second)).status == 0
    new = (done / page.relative_to(project)).read_bytes()
    assert new != old and "bản hai".encode() in new and "công sức nhiều giờ".encode() in new
    before_outside = outside(project)
    step = 0
    while True:
        step += 1
        run_in = elsewhere / f"kill-{step}"
        shutil.copytree(project, run_in)
        result = killed_at(run_in, step, "import", "--replace", str(second))
        now = (run_in / page.relative_to(project)).read_bytes()
        assert now in (old, new), f"step {step}: a torn page"
        for original in (run_in / "sources").iterdir():
            assert original.name.startswith(".") or original.read_bytes() in (
                (project / "sources" / original.name).read_bytes() if (project / "sources" / original.name).exists()
                else None, second.read_bytes()), f"step {step}: a torn original {original.name}"
        assert outside(run_in) == before_outside
        if result.returncode != -signal.SIGKILL:
            assert result.returncode == 0 and now == new, result.stderr
            break
        # the next run finishes the job and leaves no temporary file behind
        assert hoctap_import(run_in, "--replace", str(second)).status == 0
        assert (run_in / page.relative_to(project)).read_bytes() == new
        assert not [p for p in (run_in / "docs").rglob(".*.tmp")] + [p for p in (run_in / "sources").glob(".*.tmp")]
        shutil.rmtree(run_in)
    assert step >= 5  # the original (file, rename, folder) and the page (file, rename…): each was a kill point


def test_a_killed_build_leaves_the_old_site_and_the_next_build_clears_its_leftovers(project, tmp_path):
    site = project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = [sys.executable, "-m", "hoctap.cli", "build", "--no-pdf"]
    assert subprocess.run(build, cwd=project, env=env, capture_output=True).returncode == 0
    index = (site / "index.html").read_bytes()
    killed = killed_at(project, 1, "build", "--no-pdf")  # at the swap: the new site is built, not yet in place
    assert killed.returncode == -signal.SIGKILL
    assert (site / "index.html").read_bytes() == index
    assert list(project.glob(".site.building-*")), "the kill left its staging folder"
    finished = subprocess.run(build, cwd=project, env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert not list(project.glob(".site.building-*")) and not list(project.glob(".site.old-*"))


def test_a_killed_bundle_leaves_the_old_zip_and_the_next_bundle_clears_its_leftover(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>\n", encoding="utf-8")
    out = tmp_path / "hoc-tap.zip"
    bundle.write(site, out)
    old = out.read_bytes()
    script = (f"import os, signal, sys; sys.path.insert(0, {str(ROOT / 'scripts')!r})\n"
              "from pathlib import Path\nfrom hoctap.publish import bundle\n"
              "os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
              f"bundle.write(Path({str(site)!r}), Path({str(out)!r}))\n")
    assert subprocess.run([sys.executable, "-c", script]).returncode == -signal.SIGKILL
    assert out.read_bytes() == old and list(tmp_path.glob(".hoc-tap.zip.*.partial"))
    bundle.write(site, out)
    assert not list(tmp_path.glob(".hoc-tap.zip.*.partial"))


def test_a_live_runs_files_are_never_removed(tmp_path):
    mine = tmp_path / f".site.building-{os.getppid()}"
    mine.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()
    gone = tmp_path / f".site.building-{dead.pid}"
    gone.mkdir()
    assert disk.remove_stale(tmp_path, ".site.building-") == [gone]
    assert mine.is_dir() and not gone.exists()
