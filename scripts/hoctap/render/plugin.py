"""The `hoctap` MkDocs plugin: the registry, checks and generated content inside every build.

`mkdocs build`, `mkdocs serve` and `hoctap build` all run through here, so an editor
sees the same findings whichever command they use. Each event says why in one line and hands its
work to the module that holds it: the checked content (render/checked.py), a page's text
(render/page_text.py) and card (render/card.py), the generated pages (render/generated.py), the
search records (render/search_records.py), and the output's pieces (scripts, previews, languages).
"""

from __future__ import annotations

import datetime
import functools
import html
from pathlib import Path

import nh3
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import search
from ..text import safe_html
from ..text.pages import DEFAULT_LANG, PAGE_KINDS
from . import autolink, checked, generated, installable, languages, minify, page_text, scripts, search_records, share
from . import toan_van_section as toan_van
from .card import Cards, review
from .citations import cite_quotations
from .config import HoctapConfig
from .kit import Kit
from .labels import format_date, template_labels
from .languages import language_of
from .partials import theme_dir_of
from .kept import Kept, code_of
from .template_cache import KEPT_DIR, KeptBytecodeCache
from .titles import Values, title

log = get_plugin_logger(__name__)

_SANITISER = code_of(Path(safe_html.__file__), versions=f"nh3 {nh3.__version__}")
"""What makes a page's sanitised HTML besides the page: the allow-list and the sanitiser's version."""


class HoctapPlugin(BasePlugin[HoctapConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.checked: checked.Checked | None = None
        """The content as the checks stage read and checked it, and what the gate lets through."""
        self.files: Files | None = None
        self.file_of = lambda path: None
        """This build's file of a page, by its path in docs/ (mkdocs-static-i18n's `get_file_from_path`,
        which tries each language's suffix, remembered for the build: cards and the catalogue ask thousands of times)."""
        self.cards: Cards | None = None
        self.compiled_templates: KeptBytecodeCache | None = None
        self.untranslated: list[File] = []
        """The pages this language build leaves out, having no translation (render.languages)."""
        self.moved: dict[str, str] = {}
        """Those pages' URLs: {URL they would have had: the Vietnamese original's}."""
        self.quiet: languages.QuietLinksToOriginals | None = None
        """MkDocs' notes on links to those pages, kept quiet while this language build runs."""
        self.linked: dict[str, str] = {}
        """A page's part whose links lead to the originals already (its catalogue), by the page's URL."""
        self.sections: list[search.Record] = []
        """This language build's search sections, as the index keeps them."""
        self.kept_records: Kept | None = None
        """Each page's search records as the last build made them (render.search_records.kept_of_page)."""
        self.sanitised: Kept | None = None
        """Each page's HTML as the sanitiser left it last build (render.kept): nh3 re-reads every page."""
        self.values: dict[str, Values] = {}
        """Each language's translations of front-matter values (render.titles), read once."""
        self.previews: share.Previews | None = None
        self.told_no_site_url = False
        self.script_hashes: set[str] = set()
        """Every language build's inline scripts, as the templates wrote them (render/scripts.py)."""
        self.kit: Kit | None = None
        """This language build's kit, made in on_pre_build from the checked data and the gate's registry."""

    @property
    def registry(self):
        """What the gate lets through (`hoctap build` reports it)."""
        return self.checked.registry if self.checked else None

    @property
    def gate(self):
        return self.checked.gate if self.checked else None

    # Load and check the content once: mkdocs-static-i18n runs the next language's build with this
    # same plugin and config, while `mkdocs serve` makes a new plugin for every rebuild
    def on_config(self, config: MkDocsConfig):
        if not self.config.enabled:
            return
        if self.config.search:
            search_records.leave_material_index_empty(config)
        if self.checked is None:
            self.checked = checked.load(config, self.config)
            self.compiled_templates = KeptBytecodeCache(self._kept(config) / "templates")
        checked.use_glossary(config, self.checked.abbreviations)

    # This language build's kit and link previews, and its words in Markdown's own output
    def on_pre_build(self, *, config: MkDocsConfig):
        self.sections = []
        self.kept_records = Kept(self._kept(config) / f"search-{language_of(config)}.marshal", search_records.CODE)
        self.sanitised = Kept(self._kept(config) / f"safe-{language_of(config)}.marshal", _SANITISER)
        self.previews = share.Previews(config.site_url, config.site_name, config.site_description or "")
        data = self.checked.data
        self.kit = Kit(self.registry, Path(config.docs_dir), data.quiz, data.focus,
                       self.config.documents_listed_max, data.events,
                       left_out=frozenset(item.stem for item in self.gate.left_out), source_dir=self.checked.source_dir,
                       agenda=data.agenda, site_url=self.previews.root, theme_dir=theme_dir_of(config),
                       points=data.points)
        if self.previews.root is None and not self.told_no_site_url:
            self.told_no_site_url = True
            log.info("no site_url (`hoctap build --site-url`, `hoctap publish --site-url`): link previews have no "
                     "address or image, and the PDF, speaker sheets and slide decks no QR codes")
        checked.use_language_words(config)

    # Keep of docs/ only what the walk allows (no editor's backup, no data file, nothing through a
    # link: MkDocs' own walk follows them); remove what the gate leaves out, and in another language
    # the untranslated pages, before mkdocs-static-i18n (-100) builds each language from the files
    @event_priority(-90)
    def _on_files_gate(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        for file in [f for f in files if f.src_dir == config.docs_dir and not self.checked.tree.published(f.src_uri)]:
            files.remove(file)
        files = self.gate.files(files)
        if language_of(config) != DEFAULT_LANG:
            self.untranslated = languages.leave_out_untranslated(files, language_of(config))
        return files

    # Keep the language-resolved file list, after mkdocs-static-i18n has built it
    @event_priority(-110)
    def _on_files_keep(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        self.files = files
        self.file_of = functools.cache(files.get_file_from_path)
        self.cards = Cards(self.registry, self.checked.cited_registry, self.checked.source_dir, self.file_of)
        if language_of(config) == DEFAULT_LANG:
            languages.drop_missing_alternates(files)
        else:
            self.moved = languages.point_to_originals(files, language_of(config), self.untranslated)
            self._stop_quieting()
            self.quiet = languages.QuietLinksToOriginals({file.src_uri for file in self.untranslated})
            self.quiet.install()
        return files

    on_files = CombinedEvent(_on_files_gate, _on_files_keep)

    # List the document pages under the catalogue's section, in reading order
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        return generated.list_documents(nav, self.registry, self.file_of, self.config.documents_listed_max)

    # Render the text that was checked, as the registry read it, not as MkDocs would read it again
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig):
        if not self.config.enabled:
            return
        source = self.checked.sources.get(page.file.src_uri)
        return page_text.source_text(source) if source is not None else None

    # The front matter, as the registry read it, before any plugin looks at the page
    @event_priority(100)
    def _on_page_markdown_meta(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        source = self.checked.sources.get(page.file.src_uri)
        if source is not None and source.meta:
            page.meta = dict(source.meta)
        document = self._document_of(page)
        if document is not None and language_of(config) == DEFAULT_LANG:
            page.meta["title"] = title(document, self._values(config))

    # Write generated blocks into the Markdown before it is rendered; link and cite the editor's
    # prose only: the kit's generated blocks are raw HTML with their own links
    def _on_page_markdown_blocks(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        lang, kind, document = language_of(config), page.meta.get("hoctap"), self._document_of(page)
        markdown = generated.markdown(markdown, kind, lang, self.checked.abbreviations)
        if document is not None:
            markdown = page_text.with_card(markdown, document, page.meta["title"] if lang == DEFAULT_LANG else None, lang)
        markdown = autolink.link_symbols(markdown, page.file.src_uri, self.registry, document)
        markdown = cite_quotations(markdown, page.file.src_uri, self.checked.cited_registry, self.checked.source_dir,
                                   self._values(config))
        return markdown + self.kit.markdown(page, kind, document, lang)

    on_page_markdown = CombinedEvent(_on_page_markdown_meta, _on_page_markdown_blocks)

    # Sanitise what the page's Markdown made (the check reported it already: this is the second
    # line), then put in our own blocks: the kit's raw HTML, the catalogue (the card's place is in the Markdown)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        made = html
        html = self.kit.raw.restore(self.sanitised.made(made, lambda: safe_html.sanitise(made)))
        if page.meta.get("hoctap") == PAGE_KINDS.danh_muc:
            originals = set(self.moved.values())
            html, self.linked[page.url] = generated.put_catalogue(
                html, self.registry, self._values(config), lambda document: self.cards.href(document, page),
                lambda document: languages.hreflang(self.cards.url(document), originals),
                self.checked.abbreviations, theme_dir_of(config))
        if self._document_of(page) is not None:
            original = toan_van.original_of(page.meta, self.checked.source_dir)
            html = toan_van.section(html, page.meta, original, page.url, language_of(config))
        return html

    # Give templates the document card, our labels and the page's link preview, fix the language
    # menu, keep the page's search records
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        if not self.config.enabled:
            return
        lang, document = language_of(config), self._document_of(page)
        self._labels(context, lang)
        # mkdocs-static-i18n sets the menu as an attribute of `extra`, which templates read first
        languages.switch_to_homes(getattr(config.extra, "alternate", None) or [], page.file)
        if document is not None:
            context["van_ban"] = self.cards.card(document, self._values(config))
            context["hoctap_toan_van"] = f'<section class="{toan_van.SECTION_CLASS}"' in (page.content or "")
        # Only in a preview that shows drafts: a publish or a bundle never says a page's review state
        context["hoctap_review"] = review(page, document, lang) if self.config.drafts and self.config.preview else None
        shown = title(document, self._values(config)) if document is not None else str(page.meta.get("title") or page.title)
        context["hoctap_share"] = self.previews.tags(
            title=shown, content=page.content or "", url=page.url,
            document=document, lang=lang, homepage=page.file.src_uri.split(".")[0] == "index")
        # The page's own first lines as its description too (search engines), not the site's on every page;
        # escaped here, as Material prints `page.meta.description` into its attribute as it is
        page.meta.setdefault("description", html.escape(context["hoctap_share"].description, quote=True))
        if self.config.search:
            self.sections += search_records.kept_of_page(self.kept_records, page, document, lang)
        return context

    # Our labels in the theme's own pages (404.html) too
    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        if not self.config.enabled:
            return
        self._labels(context, language_of(config))
        return context

    # Keep the hashes of the inline scripts the templates wrote, as they wrote them, for `hoctap csp`
    @event_priority(100)
    def _on_post_page_scripts(self, output: str, *, page: Page, config: MkDocsConfig):
        if not self.config.enabled:
            return
        self.script_hashes |= scripts.of_templates(output, page.content or "", page_text.CARD_SLOT)

    # Lead links (content, menus, cards) to Vietnamese originals; name the release in every page
    def _on_post_page_links(self, output: str, *, page: Page, config: MkDocsConfig):
        if not self.config.enabled:
            return
        output = toan_van.put_outline(output, page.toc, language_of(config))
        return self.gate.stamp(languages.relink(output, page.url, self.moved, self.linked.pop(page.url, "")))

    on_post_page = CombinedEvent(_on_post_page_scripts, _on_post_page_links)

    # Each language its own 404 page and offline page (render.installable), where MkDocs would write
    # every language's to the root
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig):
        if not self.config.enabled or template_name not in ("404.html", installable.OFFLINE_PAGE):
            return
        self.script_hashes |= scripts.hashes(output)  # a template with no page content
        return generated.page_of_language(template_name, output, Path(config.site_dir), language_of(config))

    # Our date filter and compiled templates kept from one build to the next (render/template_cache.py);
    # a template is not looked for on disk again at each of a page's fifty includes (`auto_reload`):
    # MkDocs makes a new environment for every build, so none is ever stale
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        env.filters["ngay"] = format_date
        env.bytecode_cache = self.compiled_templates
        env.auto_reload = False
        return env

    # Index this language's pages ourselves, before Material's search plugin writes its own (left empty)
    @event_priority(10)
    def _on_post_build_index(self, *, config: MkDocsConfig):
        if not self.config.enabled or not self.config.search:
            return
        lang = language_of(config)
        originals = None if lang == DEFAULT_LANG else {
            "lang": DEFAULT_LANG, "translated": languages.translated_originals(self.files, lang)}
        search.write_language_index(config, self.sections, self.registry, self.file_of, originals,
                                    self.checked.abbreviations)

    # Under file:// Material reads its index from search/search_index.js, after it wrote the .json
    @event_priority(-100)
    def _on_post_build_file_index(self, *, config: MkDocsConfig):
        if not self.config.enabled or not self.config.search:
            return
        search_records.write_file_index(Path(config.site_dir))

    # The inline scripts the templates wrote so far (every language build writes into the same site)
    def _on_post_build_scripts(self, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        scripts.write(Path(config.site_dir), self.script_hashes)

    # What this build's pages made that the next build can take again (render.kept)
    def _on_post_build_kept(self, *, config: MkDocsConfig):
        if self.config.enabled:
            self.sanitised.save()
            self.kept_records.save()

    # The preview images the pages' tags name (only with a site URL: a preview needs an absolute address);
    # the full texts' originals; the study programmes' slide decks, which their pages and the speaker
    # sheets link to; the conference's calendar
    def _on_post_build_share(self, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        try:
            self.previews.draw(Path(config.site_dir))
        except share.cards.FontMissing as error:
            raise PluginError(str(error)) from None
        if language_of(config) == DEFAULT_LANG:
            generated.copy_originals(self.registry, self.checked.source_dir, Path(config.site_dir))
            self.kit.decks(Path(config.site_dir), self._kept(config) / "decks")
            self.kit.calendar(Path(config.site_dir), datetime.datetime.now(datetime.timezone.utc))

    # Our stylesheets and scripts without their comments: a phone's first visit downloads them
    def _on_post_build_minify(self, *, config: MkDocsConfig):
        if self.config.enabled and config.theme.custom_dir:
            minify.assets(Path(config.theme.custom_dir), Path(config.site_dir))

    # After mkdocs-static-i18n's (-100), which runs the other languages' builds inside the first one's
    @event_priority(-110)
    def _on_post_build_quiet(self, *, config: MkDocsConfig):
        self._stop_quieting()

    on_post_build = CombinedEvent(_on_post_build_index, _on_post_build_file_index, _on_post_build_scripts,
                                  _on_post_build_kept, _on_post_build_share, _on_post_build_minify, _on_post_build_quiet)

    # No on_shutdown (nor on_startup): with either, `mkdocs serve` would keep this plugin, and so its
    # registry, from one rebuild to the next (mkdocs.config.config_options.Plugins)
    def on_build_error(self, *, error: Exception):
        self._stop_quieting()

    def reload(self, config: MkDocsConfig):
        """Read and check the content again, and remake what this build made of it (kit, cards): the
        desk's preview, which keeps one build's files and navigation between saves, calls this before
        rendering the few pages a save touched."""
        self.checked, self.values = None, {}
        self.on_config(config)
        self.on_pre_build(config=config)
        self.cards = Cards(self.registry, self.checked.cited_registry, self.checked.source_dir, self.file_of)

    # -- helpers ---------------------------------------------------------------

    def _stop_quieting(self):
        """Take this plugin's filter off MkDocs' loggers: another build (`mkdocs serve` makes a new plugin for each) has its own."""
        if self.quiet is not None:
            self.quiet.remove()
            self.quiet = None

    @staticmethod
    def _kept(config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / KEPT_DIR

    def _document_of(self, page: Page):
        return self.registry.by_page(page.file.src_uri.split(".")[0]) if self.registry else None

    def _values(self, config: MkDocsConfig) -> Values:
        lang = language_of(config)
        if lang not in self.values:
            self.values[lang] = Values.load(Path(config.docs_dir), lang)
        return self.values[lang]

    @staticmethod
    def _labels(context, lang: str):
        context["hoctap_t"] = template_labels(lang)
        context["hoctap_kinds"] = PAGE_KINDS
