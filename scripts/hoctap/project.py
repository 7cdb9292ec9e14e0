"""The project as our commands see it: the few mkdocs.yml keys they need before MkDocs runs
(`docs_dir`, `site_author`…), and MkDocs itself, run as editors would, its warnings about pages
coming back as findings."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import yaml

from . import mkdocs_warnings
from .findings import Finding, shown_from


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


def docs_dir_or_default(config_file: str | Path) -> Path:
    """docs_dir, or MkDocs' default when mkdocs.yml cannot be read: MkDocs then says what is wrong with it."""
    try:
        return docs_dir_of(config_file)
    except ValueError:
        return Path(config_file).resolve().parent / "docs"


def run_mkdocs(*args: str, env: dict[str, str] | None = None) -> int:
    """Run MkDocs in this process, with `env` added to the environment while it runs, and return
    its exit status: a second interpreter importing MkDocs, Material and our plugin again cost
    0.2 s of CPU, a sixth of a small site's build.

    The README says which versions are pinned and why; editors need not read MkDocs' banner on every build.
    """
    environment = dict(os.environ, **(env or {}), NO_MKDOCS_2_WARNING="1")
    saved = dict(os.environ)
    # MkDocs' command line adds a log handler per run and leaves it behind when the run fails:
    # the next run (a preview's rebuild) would then show every line twice
    logger = logging.getLogger("mkdocs")
    handlers = list(logger.handlers)
    os.environ.update(environment)
    try:
        from mkdocs.__main__ import cli

        cli.main(list(args), prog_name="mkdocs")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(saved)
        logger.handlers[:] = handlers
    return 0

def build_into(config_file: str | Path, site_dir: Path, *, strict: bool = True,
               env: dict[str, str] | None = None) -> tuple[int, list[Finding]]:
    """`mkdocs build` into site_dir, and MkDocs' warnings about pages as findings, named as editors see them (`docs/…`)."""
    docs_dir = docs_dir_or_default(config_file)
    with mkdocs_warnings.collected(docs_dir, Path(config_file).resolve()) as warned:
        status = run_mkdocs("build", *(["--strict"] if strict else []), "--config-file", str(config_file),
                            "--site-dir", str(site_dir), env=env)
    return status, shown_from(warned, docs_dir)
