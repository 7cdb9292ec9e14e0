"""The phone preview: the site as `hoctap build` makes it (drafts included), in Vietnamese, in the
desk's own folder, never stale and shown within a couple of seconds of a save.

The first refresh builds the preview whole and keeps that build's MkDocs alive: its configuration
and plugins, its Jinja environment (templates compiled once), its files and navigation, every page
as it was rendered. Each later refresh reads the content again (one check of the registry and data
files, as a build starts) and renders only the pages whose inputs changed (preview_inputs: the page,
the documents it names or that name it, the data files of the generated pages, the originals, the
titles in the navigation). A page added or removed, mkdocs.yml or the theme changed: a whole build
again. No search index, decks, originals' copies or calendar after the first build: a save renders
pages only.

One refresh at a time (MkDocs keeps global state); the desk's requests wait for it in a thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from ..build import mkdocs_warnings, project
from ..text.findings import format_text, shown_from
from .preview_inputs import Inputs, Layout, remember, touched


PREVIEW = {"checks": False, "fail_on_errors": False}
"""The plugin's options for the preview: the desk checks each page itself (its screen lists the
findings), so the build neither checks the prose again nor stops at a page still being corrected.
It is built in Vietnamese only: the desk says so beside the preview, and its English addresses
answer that the preview has no English (app.py)."""


class _Kept(BasePlugin):
    """Keeps what the whole build made last (files, navigation, Jinja environment) for the pages a
    later refresh renders again; after every other plugin's event, so as they left them."""

    files = nav = env = None

    @event_priority(-1000)
    def on_files(self, files, *, config):
        self.files = files

    @event_priority(-1000)
    def on_nav(self, nav, *, config, files):
        self.nav = nav

    @event_priority(-1000)
    def on_env(self, env, *, config, files):
        self.env = env


_RENDERED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")
"""What MkDocs keeps on a page once read and rendered: carried to the page's new object when the
files and navigation are made again."""


class Preview:
    def __init__(self, config_file: Path, folder: Path):
        self.config_file = config_file
        self.folder = folder
        self._lock = threading.Lock()
        self._config = None  # the kept build's MkDocs configuration, its plugins made
        self._kept: _Kept | None = None
        self._inputs: Inputs | None = None
        self._left_out: set[str] = set()  # the pages the publication gate left out of the kept build
        site = project.project_of(config_file)
        self._root, docs, sources = site.root, site.docs_dir, site.root / site.source_dir
        theme = (project.read_mkdocs_yml(config_file).get("theme") or {}).get("custom_dir")
        self._folders = [docs, sources] + ([site.root / str(theme)] if theme else [])  # docs/ first; the theme: a whole build
        self.languages = other_languages(config_file)
        rel = lambda path: Path(path).resolve().relative_to(site.root.resolve()).as_posix()
        self._layout = Layout(docs=rel(docs), sources=rel(sources), data=rel(docs / "includes"),
                              every_page=frozenset({rel(site.root / site.abbreviations)}
                                                   | {rel(p) for p in docs.glob("includes/values.*.yml")}))

    def refresh(self) -> bool:
        """Bring the preview up to date with docs/ and sources/; False when the build failed."""
        with self._lock:
            inputs = Inputs.read(self._root, self._folders, [self.config_file])
            if self._config is not None:
                changed = inputs.changed(self._inputs)
                if not changed:
                    return True
                try:
                    rendered = self._logged(self._render, changed, {p for p in inputs.came_or_went(self._inputs) if p.endswith(".md")})
                except Exception as error:
                    self._config = self._kept = None  # half rendered: the next refresh builds whole
                    if not _said(error):
                        raise
                    return False
                if rendered is not None:
                    self._inputs = inputs
                    return rendered
            built = self._logged(self._build_whole)
            self._inputs = inputs if built else None
            return built

    def page_url(self, stem: str) -> str:
        """Where the preview serves a page (`van-ban/15-ctr-tu` → `/xem/van-ban/15-ctr-tu.html`)."""
        return f"/xem/{stem}.html"

    def has(self, stem: str) -> bool:
        return (self.folder / f"{stem}.html").is_file()

    def _build_whole(self) -> bool:
        from mkdocs.commands.build import build

        self._config = self._kept = None
        try:
            config = project.loaded(self.config_file, self.folder, strict=False, default_language_only=True,
                                    options=PREVIEW)
            kept = _Kept()
            config.plugins["hoctap-desk-preview"] = kept
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
        except Exception as error:
            if not _said(error):
                raise
            return False
        self._config, self._kept = config, kept
        self._left_out = {item.stem for item in config.plugins["hoctap"].gate.left_out}
        remember(config.plugins["hoctap"].checked.cited_registry)
        return True

    def _render(self, changed: set[str], pages_came_or_went: set[str]) -> bool | None:
        """Render again the pages `changed` touched; None when it takes a whole build."""
        from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page

        config, kept = self._config, self._kept
        plugin = config.plugins["hoctap"]
        before = plugin.checked.cited_registry
        plugin.reload(config)
        after = plugin.checked.cited_registry
        if any(self._layout.structural(path) for path in changed) \
                or {item.stem for item in plugin.gate.left_out} != self._left_out:
            return None
        listed = {page.file.src_uri for page in kept.nav.pages}
        if pages_came_or_went:
            self._restructure(config, kept)
        pages = touched(changed, before, after, self._layout)
        documentation = kept.files.documentation_pages()
        chosen = [f for f in documentation if pages is None or f.src_uri in pages]
        titles = {f.src_uri: f.page.title for f in chosen}
        for file in chosen:
            _populate_page(file.page, config, kept.files)
        if listed != {page.file.src_uri for page in kept.nav.pages} \
                or any(f.page.title != titles[f.src_uri] and f.src_uri in listed for f in chosen):
            chosen = documentation  # the navigation on every page changed, the theme's pages' (404.html) too
            for template in (t for t in config.theme.static_templates if t.endswith(".html")):
                _build_theme_template(template, kept.env, kept.files, config, kept.nav)
        for file in chosen:
            _build_page(file.page, config, documentation, kept.nav, kept.env, excluded=file.inclusion.is_excluded())
        return True

    @staticmethod
    def _restructure(config, kept: _Kept) -> None:
        """A page added or removed: the files and navigation made again, as a build makes them (the
        plugins' events with them), every other page kept as it was rendered; a removed page's HTML goes."""
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        rendered = {f.src_uri: f for f in kept.files.documentation_pages() if f.page is not None}
        files = get_files(config)
        files.add_files_from_theme(kept.env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
            was = rendered.pop(file.src_uri, None)
            if was is not None:
                for name in _RENDERED:
                    if hasattr(was.page, name):
                        setattr(file.page, name, getattr(was.page, name))
        for gone in rendered.values():
            Path(gone.abs_dest_path).unlink(missing_ok=True)
        kept.files, kept.nav = files, nav

    def _logged(self, step, *args):
        """MkDocs' messages as the commands show them, its warnings about pages again as findings."""
        project.log_as_mkdocs_does()
        with mkdocs_warnings.collected(self._folders[0], self.config_file.resolve()) as warned:
            result = step(*args)
        if warned:
            print(format_text(shown_from(warned, self._folders[0])))
        return result


def _said(error: Exception) -> bool:
    """MkDocs' own failures (a plugin's, a page's) logged as the commands log them; anything else is not ours to say."""
    import logging

    from mkdocs.exceptions import MkDocsException

    if isinstance(error, MkDocsException):
        logging.getLogger("mkdocs").error(error.format_message())
        return True
    return False


def other_languages(config_file: Path) -> list[str]:
    """The site's other languages (mkdocs-static-i18n's, `en`), which the preview does not build."""
    plugins = project.read_mkdocs_yml(config_file).get("plugins") or []
    i18n = next((p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p), None) or {}
    return [str(language["locale"]) for language in i18n.get("languages") or []
            if isinstance(language, dict) and language.get("locale") and not language.get("default")]
