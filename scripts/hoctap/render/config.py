from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HoctapConfig(Config):
    """Options of the `hoctap` plugin in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    # Where `nguon:` entries point: the federation's source documents.
    source_dir = c.Type(str, default="../shared/source")
    # The abbreviations file appended to every page by pymdownx.snippets, also the glossary's data.
    abbreviations = c.Type(str, default="docs/includes/abbreviations.md")
    # Our Vietnamese search (scripts/hoctap/search) in place of Material's index; off = Material's own search.
    search = c.Type(bool, default=True)
