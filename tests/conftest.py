"""Shared fixtures: the real site, built once per test session with the real configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def build_site(config_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run `hoctap build` as an editor would; return the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "hoctap.cli", "build", "--site-dir", str(site_dir)],
        cwd=config_dir, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's own site, built with `hoctap build` (strict)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's site sources, to plant mistakes in."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def build():
    """`build_site`, for tests in sub-folders, where `import conftest` finds their own conftest."""
    return build_site
