from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..registry.abbreviations import FILE as ABBREVIATIONS_FILE
from ..checks import SOURCE_DIR


class HoctapConfig(Config):
    """Options of the `hoctap` plugin in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    # Run hoctap.checks in every build (off only to measure what they cost: benchmarks/validation.py).
    checks = c.Type(bool, default=True)
    # Fail the build on an error in the content. Off only for the desk's phone preview (hoctap.desk), which
    # lists the findings beside the page and must show a page still being corrected.
    fail_on_errors = c.Type(bool, default=True)
    # Where `nguon:` entries point: the federation's source texts, kept in the repository
    # (relative to mkdocs.yml), so that a clone with nothing beside it builds.
    source_dir = c.Type(str, default=SOURCE_DIR)
    # The abbreviations (`*[LĐLĐ]: Liên đoàn Lao động` lines): tooltips on every page, and the glossary page.
    abbreviations = c.Type(str, default=ABBREVIATIONS_FILE)
    # The publication gate (hoctap.registry.gate_decision, applied by render/gate_removal.py): editors' previews show drafts, a publish does not.
    drafts = c.Type(bool, default=True)
    # Off in `hoctap publish` and `hoctap bundle`: pages marked `chi_xem_truoc: true` (the editors' guide) are left out.
    preview = c.Type(bool, default=True)
    # `public` also leaves out pages marked `noi_bo: true` (internal only).
    profile = c.Choice(("intranet", "public"), default="intranet")
    # Name of the release being built, planted in every page's <head>; empty outside `hoctap publish`.
    release = c.Type(str, default="")
    # Up to this many documents are listed in the navigation under the catalogue and drawn on the
    # map and timeline; beyond it the navigation lists only the catalogue page, and the drawings the
    # first documents of the catalogue (a list of thousands of links on every page is no navigation,
    # a drawing of thousands of boxes no map, and both made pages grow with the number of documents).
    documents_listed_max = c.Type(int, default=60)
    # Our Vietnamese search (scripts/hoctap/search) in place of Material's index; off = Material's own search.
    search = c.Type(bool, default=True)
