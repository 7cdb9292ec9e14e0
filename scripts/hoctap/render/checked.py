"""The content a build renders, read and checked once, as `hoctap check` reads and checks it (one
function, the same findings): its errors fail the build; then only what the publication gate lets
through is rendered. Also the Markdown options that come from that content (the glossary)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..checks import Project, check_project, links
from ..checks.data import Data
from ..content import page as content, docs_tree
from ..registry.documents import Registry
from ..text.findings import Finding, errors, format_text, shown_from
from . import abbr
from .config import HoctapConfig
from .gate_removal import Gate
from .labels import labels
from .languages import language_of

log = get_plugin_logger(__name__)


@dataclass
class Checked:
    registry: Registry
    """What the gate lets through: the documents this build renders."""
    cited_registry: Registry
    """Every document, the gate's left-out ones too: a source is cited by its document's name even
    where that document's page is not published (the link is then left out)."""
    tree: docs_tree.Tree
    """docs/ as the registry walked it: only its usable files reach the site (hoctap.content.docs_tree)."""
    sources: dict[str, content.Page]
    """Every page by its path in docs/, as the registry read it and the checks checked it."""
    data: Data
    """The data files as the checks stage read and checked them (hoctap.checks.data)."""
    source_dir: Path
    gate: Gate

    @property
    def abbreviations(self) -> list[tuple[str, str]]:
        return self.data.abbreviations.rows


def load(config: MkDocsConfig, options: HoctapConfig) -> Checked:
    """Check the site as `hoctap check` does, fail on its errors, then apply the gate (one for every language)."""
    root = Path(config.config_file_path).parent
    project = Project(root, Path(config.docs_dir), options.source_dir, options.abbreviations,
                      links.left_out_by(config.exclude_docs, config.draft_docs))
    checked = check_project(project, prose=options.checks)
    if options.fail_on_errors:
        _fail_on(checked.findings, Path(config.docs_dir))
    gate = Gate(drafts=options.drafts, profile=options.profile, release=options.release, preview=options.preview)
    return Checked(registry=gate.configure(config, checked.registry), cited_registry=checked.registry,
                   tree=checked.registry.tree, sources={page.path.as_posix(): page for page in checked.registry.pages},
                   data=checked.data, source_dir=root / options.source_dir, gate=gate)


def _fail_on(findings: list[Finding], docs_dir: Path):
    """Fail the build with every error listed, not only the first; paths as `hoctap check` shows them.
    Warnings (slips in an official text kept verbatim) are listed, at info level: strict mode fails on a warning."""
    for warning in shown_from([f for f in findings if not f.is_error], docs_dir):
        log.info(warning.format())
    failing = errors(findings)
    if failing:
        raise PluginError(f"{len(failing)} problem(s) in the content:\n" + format_text(shown_from(failing, docs_dir)))


def use_glossary(config: MkDocsConfig, abbreviations: list[tuple[str, str]]):
    """Every abbreviation on every page, through the `abbr` extension's glossary: appending the
    abbreviations file to each page (pymdownx.snippets' `auto_append`, Material's recipe) cost a
    millisecond per page, a third of its Markdown time. A page's own definitions still win."""
    if "abbr" in config.markdown_extensions:
        config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(abbreviations)
    # Inside a link a tap follows the link: the first use there is spelled out (render.abbr)
    abbr.extension(config)


def use_language_words(config: MkDocsConfig):
    """The ¶ link's title in this build's language: Python-Markdown's toc says "Permanent link"
    whatever the page's language. In on_pre_build: mkdocs-static-i18n sets the build's language in
    its on_config, after ours."""
    if "toc" in config.markdown_extensions:
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels(language_of(config))["permalink"]
