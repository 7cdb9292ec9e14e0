"""The editors' YAML data files (docs/includes/*.yml: the quiz, the focus areas, the key points, the
agenda), read as PyYAML's node tree so that every finding can name the line it is about."""

from __future__ import annotations

from pathlib import Path

import yaml

from .findings import Finding
from .yaml_text import SAFE_LOADER  # the desk's preview reads every data file again after each save


def shown(path: Path, docs_dir: Path) -> str:
    """The file as findings name it: relative to docs/, like every content finding."""
    return path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else path.as_posix()


def root(path: Path, rel: str, code: str, kind: type[yaml.Node], expected: str) -> tuple[yaml.Node | None, list[Finding]]:
    """The file's top node when it is a `kind` (a mapping or a list); else None, with a `code` finding
    when the file is not YAML or holds something else (`expected` says what). A missing or empty file
    is no finding here: whether a page needs it is the checks' question (hoctap.checks.data)."""
    if not path.is_file():
        return None, []
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Finding(rel, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, code,
                              f"not valid YAML: {getattr(error, 'problem', None) or error}")]
    if node is None:
        return None, []
    if not isinstance(node, kind):
        return None, [Finding(rel, node.start_mark.line + 1, 1, code, expected)]
    return node, []


def value_of(node: yaml.Node):
    """A node as `yaml.safe_load` reads it, without writing it out and reading it again (that round
    trip was most of a data file's load)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
