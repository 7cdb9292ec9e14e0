"""Search at the engine level: the worker's engine run by Node over a built site's index."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ENGINE = Path(__file__).with_name("engine.js")


def answers(site: Path, queries: list[str], lang: str = "vi") -> list[list[list[list[str]]]]:
    """For each query, its result groups (one per page), each a list of [location, title, text] items."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the engine tests (Debian's nodejs, which `make setup` uses for npm)"
    done = subprocess.run([node, str(ENGINE), str(site), lang], input=json.dumps(queries), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def pages(groups: list[list[list[str]]]) -> list[str]:
    """The pages of a result, in order."""
    return [group[0][0].split("#")[0] for group in groups]
