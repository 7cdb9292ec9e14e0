"""The project as our commands see it: the few mkdocs.yml keys they need before MkDocs runs
(`docs_dir`, `site_author`…), and MkDocs itself, run in this process with our plugin's options
set on the loaded configuration (no environment variables in between), its warnings about pages
shown again as our findings."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import mkdocs_warnings
from ..registry.abbreviations import FILE as ABBREVIATIONS_FILE
from ..checks import SOURCE_DIR, Project
from ..checks.links import left_out_by
from ..text.findings import format_text, shown_from
from ..registry.gate_decision import LeftOut
from ..registry.documents import Registry
from ..text.yaml_text import SAFE_LOADER


class _ConfigLoader(SAFE_LOADER):
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


def plugin_options(config_file: str | Path) -> dict:
    """The `hoctap` plugin's options as mkdocs.yml sets them (none: its defaults)."""
    plugins = read_mkdocs_yml(config_file).get("plugins") or []
    return next((p["hoctap"] for p in plugins if isinstance(p, dict) and "hoctap" in p), None) or {}


def project_of(config_file: str | Path) -> Project:
    """The site as a build checks it, from mkdocs.yml: docs_dir, what MkDocs leaves out of the build
    (`exclude_docs`, `draft_docs`) and the plugin's `source_dir` and `abbreviations`."""
    config, options = read_mkdocs_yml(config_file), plugin_options(config_file)
    return Project(Path(config_file).resolve().parent, docs_dir_of(config_file),
                   source_dir=str(options.get("source_dir") or SOURCE_DIR),
                   abbreviations=str(options.get("abbreviations") or ABBREVIATIONS_FILE),
                   left_out=left_out_by(config.get("exclude_docs"), config.get("draft_docs")))


@dataclass(frozen=True)
class Built:
    """What a finished build hands on to verification and the PDF, so that neither decides again."""

    registry: Registry  # as published: without the pages the gate left out
    left_out: list[LeftOut]


def docs_dir_or_default(config_file: str | Path) -> Path:
    """docs_dir, or MkDocs' default when mkdocs.yml cannot be read: MkDocs then says what is wrong with it."""
    try:
        return docs_dir_of(config_file)
    except ValueError:
        return Path(config_file).resolve().parent / "docs"


def build(config_file: str | Path, site_dir: str | Path, *, site_url: str = "", strict: bool = True,
          **options) -> Built | None:
    """Build the site strictly, as `mkdocs build --strict` does, with the `hoctap` plugin's `options`
    (`drafts`, `profile`, `release`) set on it; None when the build failed, MkDocs and the plugin
    having logged why. In this process: a second interpreter importing MkDocs, Material and our
    plugin again cost a sixth of a small site's build.

    MkDocs' warnings about pages (a link to a missing page or anchor…) are printed again as our
    findings, at `docs/…:line:col`; `strict=False` lets them pass."""
    log_as_mkdocs_does()
    overrides = {"site_url": site_url} if site_url else {}
    with mkdocs_warnings.collected(docs_dir_or_default(config_file), Path(config_file).resolve()) as warned:
        built = _build(config_file, site_dir, strict, overrides, options)
    if warned:
        print(format_text(shown_from(warned, docs_dir_or_default(config_file))))
    return built


def _build(config_file, site_dir, strict: bool, overrides: dict, options: dict) -> Built | None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    try:
        config = loaded(config_file, site_dir, strict=strict, overrides=overrides, options=options)
        plugin = config.plugins["hoctap"]
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        logging.getLogger("mkdocs").error(error.format_message())
        return None
    return Built(plugin.registry, list(plugin.gate.left_out))


def loaded(config_file, site_dir, *, strict: bool, default_language_only: bool = False, overrides: dict | None = None,
           options: dict | None = None):
    """mkdocs.yml loaded as a build runs it: its plugins made, ours with `options`, other languages'
    builds off when `default_language_only` (the desk's preview keeps one of these between saves)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict, **(overrides or {}))
    if default_language_only and "i18n" in config.plugins:
        for language in config.plugins["i18n"].config.languages:
            language.build = language.default
    plugin = config.plugins["hoctap"]
    for key, value in (options or {}).items():
        plugin.config[key] = value
    return config


def log_as_mkdocs_does() -> None:
    """MkDocs' messages on stderr, formatted as its own command line formats them (`WARNING -  …`)."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    if any(handler.name == "hoctap" for handler in logger.handlers):
        return
    stream = logging.StreamHandler()
    stream.setFormatter(ColorFormatter())
    stream.name = "hoctap"
    logger.addHandler(stream)
    logger.setLevel(logging.INFO)
    logger.propagate = False
