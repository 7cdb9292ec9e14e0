"""The few mkdocs.yml keys our commands need before MkDocs runs (`docs_dir`, `site_author`…)."""

from __future__ import annotations

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
