"""The project as our commands see it: the few mkdocs.yml keys they need before MkDocs runs
(`docs_dir`, `site_author`…), and MkDocs itself, run as editors would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:`, `!ENV` and `!relative` tags; their values are not needed here."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(config_file: str | Path) -> dict:
    """Plain keys of mkdocs.yml; raises ValueError when the file cannot be read as YAML."""
    try:
        return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise ValueError(f"{config_file}: not a readable YAML file ({error.__class__.__name__})") from None


def docs_dir_of(config_file: str | Path) -> Path:
    return Path(config_file).resolve().parent / str(read_mkdocs_yml(config_file).get("docs_dir") or "docs")


def run_mkdocs(*args: str, env: dict[str, str] | None = None, replace: bool = False) -> int:
    """Run MkDocs in this process, with `env` added to the environment while it runs, and return
    its exit status: a second interpreter importing MkDocs, Material and our plugin again cost
    0.2 s of CPU, a sixth of a small site's build. With `replace`, become MkDocs (the preview
    server: stopping `hoctap serve` then stops the server, no child is left behind).

    The README says which versions are pinned and why; editors need not read MkDocs' banner on every build.
    """
    environment = dict(os.environ, **(env or {}), NO_MKDOCS_2_WARNING="1")
    if replace:
        os.execve(sys.executable, [sys.executable, "-m", "mkdocs", *args], environment)
    saved = dict(os.environ)
    os.environ.update(environment)
    try:
        from mkdocs.__main__ import cli

        cli.main(list(args), prog_name="mkdocs")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return 0
