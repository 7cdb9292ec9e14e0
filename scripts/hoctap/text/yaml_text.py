"""YAML read with libyaml's parser when PyYAML has it (it has on every machine we build on).

PyYAML's own reader is pure Python: reading our words, finding codes and layout rules with it took
a tenth of a second of every command, and each page's front matter a millisecond. The values are
the same; only the parsing is in C."""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """`yaml.safe_load`, parsed by libyaml."""
    return yaml.load(text, Loader=SAFE_LOADER)
