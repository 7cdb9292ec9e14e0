"""The `hoctap` MkDocs plugin: the registry, checks and generated content inside every build.

`mkdocs build`, `mkdocs serve` and `hoctap build` all run through here, so an editor
sees the same findings whichever command they use.
"""

from __future__ import annotations

import datetime
import functools
import html
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..checks import Project, check_project, links
from ..checks.data import Data
from ..content import page as content, docs_tree
from ..text import safe_html
from .. import search
from ..text.findings import Finding, errors, format_text, shown_from
from ..text.pages import DEFAULT_LANG, PAGE_KINDS
from ..registry.documents import Registry
from . import abbr, autolink, blocks, installable, languages, minify, partials, scripts, share, toan_van_section as toan_van
from .citations import cite_all, cite_quotations
from .config import HoctapConfig
from .gate_removal import Gate
from .kit import Kit
from .material_search import EmptyIndex
from .labels import format_date, labels, template_labels
from .template_cache import MemoryBytecodeCache
from .titles import Values, subject, title

log = get_plugin_logger(__name__)

CARD_SLOT = "<!--hoctap:the-van-ban-->"
"""Placeholder that overrides/main.html replaces with the document card: after the page's own text,
whose first screen is the subject and the focus; the card is folded away below them."""
_H1 = re.compile(r"^#[ \t]+(?P<text>.*?)[ \t]*(?P<attrs>\{[^}\n]*\})?[ \t]*$", re.M)
CATALOGUE_SLOT = "<!--hoctap:danh-muc-->"
"""Placeholder that on_page_content replaces with the catalogue table."""


class HoctapPlugin(BasePlugin[HoctapConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.registry: Registry | None = None
        self.files: Files | None = None
        self.sources: dict[str, content.Page] = {}
        """Every page by its path in docs/, as the registry read it and the checks checked it."""
        self.file_of = lambda path: None
        """This build's file of a page, by its path in docs/ (mkdocs-static-i18n's `get_file_from_path`,
        which tries each language's suffix, remembered for the build: cards and the catalogue ask thousands of times)."""
        self.gate: Gate | None = None
        self.tree: docs_tree.Tree | None = None
        """docs/ as the registry walked it: only its usable files reach the site (hoctap.content.docs_tree)."""
        self.compiled_templates = MemoryBytecodeCache()
        self.untranslated: list[File] = []
        """The pages this language build leaves out, having no translation (render.languages)."""
        self.moved: dict[str, str] = {}
        """Those pages' URLs: {URL they would have had: the Vietnamese original's}."""
        self.quiet: languages.QuietLinksToOriginals | None = None
        """MkDocs' notes on links to those pages, kept quiet while this language build runs."""
        self.sections: list[search.Record] = []
        """This language build's search sections, as the index keeps them."""
        self.cited_registry: Registry | None = None
        """Every document, the gate's left-out ones too: a source is cited by its document's name even
        where that document's page is not published (the link is then left out)."""
        self.values: dict[str, Values] = {}
        """Each language's translations of front-matter values (render.titles), read once."""
        self.previews: share.Previews | None = None
        self.told_no_site_url = False
        self.script_hashes: set[str] = set()
        """Every language build's inline scripts, as the templates wrote them (render/scripts.py)."""
        self.source_dir: Path | None = None
        self.data: Data | None = None
        """The data files as the checks stage read and checked them (hoctap.checks.data)."""
        self.abbreviations: list[tuple[str, str]] = []
        self.kit: Kit | None = None
        """This language build's kit, made in on_pre_build from `data` and the gate's registry."""

    # Load and check the content once: mkdocs-static-i18n runs the next language's build with this
    # same plugin and config, while `mkdocs serve` makes a new plugin for every rebuild
    def on_config(self, config: MkDocsConfig):
        if not self.config.enabled:
            return
        self._replace_material_index(config)
        if self.registry is None:
            self._load(config)
        self._use_glossary(config)

    def _load(self, config: MkDocsConfig):
        """Check the site as `hoctap check` does (one function, the same findings), then render what was checked."""
        root = Path(config.config_file_path).parent
        self.source_dir = root / self.config.source_dir
        project = Project(root, Path(config.docs_dir), self.config.source_dir, self.config.abbreviations,
                          links.left_out_by(config.exclude_docs, config.draft_docs))
        checked = check_project(project, prose=self.config.checks)
        self.registry = self.cited_registry = checked.registry
        self.tree = checked.registry.tree
        self.sources = {page.path.as_posix(): page for page in checked.registry.pages}
        self.data = checked.data
        self.abbreviations = checked.data.abbreviations.rows
        self._fail_on(checked.findings, Path(config.docs_dir))
        # From here on, render only what the publication gate lets through (one gate for every language)
        self.gate = self.gate or Gate(drafts=self.config.drafts, profile=self.config.profile,
                                       release=self.config.release, preview=self.config.preview)
        self.registry = self.gate.configure(config, checked.registry)

    def _use_glossary(self, config: MkDocsConfig):
        """Every abbreviation on every page, through the `abbr` extension's glossary: appending the
        abbreviations file to each page (pymdownx.snippets' `auto_append`, Material's recipe) cost a
        millisecond per page, a third of its Markdown time. A page's own definitions still win."""
        if "abbr" in config.markdown_extensions:
            config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(self.abbreviations)
        # Inside a link a tap follows the link: the first use there is spelled out (render.abbr)
        abbr.extension(config)

    def _use_language_words(self, config: MkDocsConfig):
        """The ¶ link's title in this build's language: Python-Markdown's toc says "Permanent link"
        whatever the page's language. In on_pre_build: mkdocs-static-i18n sets the build's language in
        its on_config, after ours."""
        if "toc" in config.markdown_extensions:
            config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels(_lang(config))["permalink"]

    def on_pre_build(self, *, config: MkDocsConfig):
        self.sections = []
        self.previews = share.Previews(config.site_url, config.site_name, config.site_description or "")
        self.kit = Kit(self.registry, Path(config.docs_dir), self.data.quiz, self.data.focus,
                       self.config.documents_listed_max, self.data.events,
                       left_out=frozenset(item.stem for item in self.gate.left_out), source_dir=self.source_dir,
                       agenda=self.data.agenda, site_url=self.previews.root, theme_dir=_theme_dir(config),
                       points=self.data.points)
        if self.previews.root is None and not self.told_no_site_url:
            self.told_no_site_url = True
            log.info("no site_url (`hoctap build --site-url`, `hoctap publish --site-url`): link previews have no "
                     "address or image, and the PDF, speaker sheets and slide decks no QR codes")
        self._use_language_words(config)

    # Keep of docs/ only what the walk allows (no editor's backup, no data file, nothing through a
    # link: MkDocs' own walk follows them); remove what the gate leaves out, and in another language
    # the untranslated pages, before mkdocs-static-i18n (-100) builds each language from the files
    @event_priority(-90)
    def _on_files_gate(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        for file in [f for f in files if f.src_dir == config.docs_dir and not self.tree.published(f.src_uri)]:
            files.remove(file)
        files = self.gate.files(files)
        if _lang(config) != DEFAULT_LANG:
            self.untranslated = languages.leave_out_untranslated(files, _lang(config))
        return files

    # Keep the language-resolved file list, after mkdocs-static-i18n has built it
    @event_priority(-110)
    def _on_files_keep(self, files: Files, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        self.files = files
        self.file_of = functools.cache(files.get_file_from_path)
        if _lang(config) == DEFAULT_LANG:
            languages.drop_missing_alternates(files)
        else:
            self.moved = languages.point_to_originals(files, _lang(config), self.untranslated)
            self._stop_quieting()
            self.quiet = languages.QuietLinksToOriginals({file.src_uri for file in self.untranslated})
            self.quiet.install()
        return files

    on_files = CombinedEvent(_on_files_gate, _on_files_keep)

    # List the document pages under the catalogue's section, in reading order
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        section = _section_of(nav, "van-ban/index.md")
        if section is None:
            return nav
        # A document already in the nav (the plan has its own entry) is not listed twice.
        listed = {id(page) for page in _pages_of(nav.items)}
        documents = self.registry.catalogue()
        for document in documents:
            file = self.file_of(document.page.path.as_posix())
            if file is None or file.page is None or id(file.page) in listed:
                continue
            file.page.parent = section
            if len(documents) <= self.config.documents_listed_max:
                section.children.append(file.page)
        nav.pages = _pages_of(nav.items)
        for i, page in enumerate(nav.pages):
            page.previous_page = nav.pages[i - 1] if i else None
            page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
        return nav

    # Render the text that was checked, as the registry read it (reading each page again cost a
    # file open per page), line endings as MkDocs reads them (text mode); the body only, its front
    # matter being the registry's already: MkDocs parsing the YAML again cost 0.1 ms a page. The
    # blank line first keeps MkDocs from reading a first line such as `Note: …` as metadata
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig):
        if not self.config.enabled:
            return
        source = self.sources.get(page.file.src_uri)
        if source is None:
            return None
        text = "\n" + source.body if source.meta else source.text
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

    # The front matter, as the registry read it, before any plugin looks at the page
    @event_priority(100)
    def _on_page_markdown_meta(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        source = self.sources.get(page.file.src_uri)
        if source is not None and source.meta:
            page.meta = dict(source.meta)
        document = self._document_of(page)
        if document is not None and _lang(config) == DEFAULT_LANG:
            page.meta["title"] = title(document, self._values(config))

    # Write generated blocks into the Markdown before it is rendered
    def _on_page_markdown_blocks(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        lang = _lang(config)
        generated = page.meta.get("hoctap")
        if generated == PAGE_KINDS.danh_muc:
            markdown += "\n\n" + CATALOGUE_SLOT + "\n"
        elif generated == PAGE_KINDS.thuat_ngu:
            markdown += "\n\n" + blocks.glossary(self.abbreviations, lang)
        if blocks.CODES_SLOT in markdown:
            markdown = markdown.replace(blocks.CODES_SLOT, blocks.finding_codes(lang), 1)
        document = self._document_of(page)
        if document is not None:
            if lang == DEFAULT_LANG:
                markdown = _titled(markdown, page.meta["title"])
            markdown += "\n\n" + CARD_SLOT + "\n"
        # The document's `toan_van`, as the Vietnamese page gives it: a translation has no front matter of its own
        if document is not None and not document.page.meta.get("toan_van"):
            markdown += blocks.awaiting_official_text(lang)
        # Link the editor's prose only: the kit's generated blocks are raw HTML with their own links
        markdown = autolink.link_symbols(markdown, page.file.src_uri, self.registry, document)
        markdown = cite_quotations(markdown, page.file.src_uri, self.cited_registry, self.source_dir, self._values(config))
        markdown += self.kit.markdown(page, generated, document, lang)
        return markdown

    on_page_markdown = CombinedEvent(_on_page_markdown_meta, _on_page_markdown_blocks)

    # Sanitise what the page's Markdown made (the check reported it already: this is the second
    # line), then put in our own blocks: the kit's raw HTML, the catalogue (the card's place is in the Markdown)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        html = self.kit.raw.restore(safe_html.sanitise(html))
        if page.meta.get("hoctap") == PAGE_KINDS.danh_muc:
            html = html.replace(CATALOGUE_SLOT, blocks.catalogue(
                self.registry, self._values(config), lambda document: self._href(document, page), self.abbreviations,
                _theme_dir(config)))
        if self._document_of(page) is not None:
            html = toan_van.section(html, page.meta, toan_van.original_of(page.meta, self.source_dir), page.url, _lang(config))
        return html

    # Give templates the document card and our labels, fix the language menu, keep the page's search records
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        if not self.config.enabled:
            return
        lang = _lang(config)
        context["hoctap_t"] = template_labels(lang)
        context["hoctap_kinds"] = PAGE_KINDS
        # mkdocs-static-i18n sets the menu as an attribute of `extra`, which templates read first
        languages.switch_to_homes(getattr(config.extra, "alternate", None) or [], page.file)
        document = self._document_of(page)
        if document is not None:
            context["van_ban"] = self._card(document, self._values(config))
            context["hoctap_toan_van"] = f'<section class="{toan_van.SECTION_CLASS}"' in (page.content or "")
        context["hoctap_review"] = self._review(page, document, lang)
        shown = title(document, self._values(config)) if document is not None else str(page.meta.get("title") or page.title)
        context["hoctap_share"] = self.previews.tags(
            title=shown, content=page.content or "", url=page.url,
            document=document, lang=lang, homepage=page.file.src_uri.split(".")[0] == "index")
        # The page's own first lines as its description too (search engines), not the site's on every page;
        # escaped here, as Material prints `page.meta.description` into its attribute as it is
        page.meta.setdefault("description", html.escape(context["hoctap_share"].description, quote=True))
        options = page.meta.get("search") or {}
        if self.config.search and not options.get("exclude"):
            named = (document.so_ky_hieu, document.loai) if document is not None and document.so_ky_hieu else None
            found = search.sections(page.content, page.url, str(page.meta.get("title", page.title)))
            # A document's result names it as a member asks for it: "Chương trình hành động số 03/CTr-MTTQ-UB — …"
            if named and lang == DEFAULT_LANG and document.loai:
                for section in found:
                    if section["location"] == page.url:
                        section["title"] = f"{document.loai} số {page.meta['title']}"
            self.sections += [search.record(section, named, options.get("boost")) for section in found]
        return context

    # Our labels in the theme's own pages (404.html) too
    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        if not self.config.enabled:
            return
        context["hoctap_t"] = template_labels(_lang(config))
        context["hoctap_kinds"] = PAGE_KINDS
        return context

    # Keep the hashes of the inline scripts the templates wrote, as they wrote them, for `hoctap csp`
    @event_priority(100)
    def _on_post_page_scripts(self, output: str, *, page: Page, config: MkDocsConfig):
        if not self.config.enabled:
            return
        self.script_hashes |= scripts.of_templates(output, page.content or "", CARD_SLOT)

    # Lead links (content, menus, cards) to Vietnamese originals; name the release in every page
    def _on_post_page_links(self, output: str, *, page: Page, config: MkDocsConfig):
        if not self.config.enabled:
            return
        output = toan_van.put_outline(output, page.toc, _lang(config))
        return self.gate.stamp(languages.relink(output, page.url, self.moved))

    on_post_page = CombinedEvent(_on_post_page_scripts, _on_post_page_links)

    # Each language its own 404 page and offline page (render.installable): the Vietnamese ones at the
    # root, the others in their folder (en/404.html); MkDocs would write every language's to the root, each over the last
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig):
        if not self.config.enabled or template_name not in ("404.html", installable.OFFLINE_PAGE):
            return
        self.script_hashes |= scripts.hashes(output)  # a template with no page content
        if _lang(config) == DEFAULT_LANG:
            return output
        path = Path(config.site_dir) / _lang(config) / template_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
        return ""

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return
        env.filters["ngay"] = format_date
        env.bytecode_cache = self.compiled_templates
        return env

    # Index this language's pages ourselves, before Material's search plugin writes its own (left empty)
    @event_priority(10)
    def _on_post_build_index(self, *, config: MkDocsConfig):
        if not self.config.enabled or not self.config.search:
            return
        lang = _lang(config)
        originals = None if lang == DEFAULT_LANG else {
            "lang": DEFAULT_LANG, "translated": languages.translated_originals(self.files, lang)}
        search.write_language_index(config, self.sections, self.registry, self.file_of, originals, self.abbreviations)

    # Under file:// Material reads its (now empty) index from search/search_index.js: write it,
    # as Material's offline plugin did (dropped: it also fetched a worker shim from unpkg)
    @event_priority(-100)
    def _on_post_build_file_index(self, *, config: MkDocsConfig):
        if not self.config.enabled or not self.config.search:
            return
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")

    # The inline scripts the templates wrote so far (every language build writes into the same site)
    def _on_post_build_scripts(self, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        scripts.write(Path(config.site_dir), self.script_hashes)

    # The preview images the pages' tags name (only with a site URL: a preview needs an absolute address);
    # the study programmes' slide decks, which their pages and the speaker sheets link to; the conference's calendar
    def _on_post_build_share(self, *, config: MkDocsConfig):
        if not self.config.enabled:
            return
        try:
            self.previews.draw(Path(config.site_dir))
        except share.cards.FontMissing as error:
            raise PluginError(str(error)) from None
        if _lang(config) == DEFAULT_LANG:
            self._copy_originals(Path(config.site_dir))
            self.kit.decks(Path(config.site_dir))
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
                                  _on_post_build_share, _on_post_build_minify, _on_post_build_quiet)

    # No on_shutdown (nor on_startup): with either, `mkdocs serve` would keep this plugin, and so its
    # registry, from one rebuild to the next (mkdocs.config.config_options.Plugins)
    def on_build_error(self, *, error: Exception):
        self._stop_quieting()

    # -- helpers ---------------------------------------------------------------

    def _stop_quieting(self):
        """Take this plugin's filter off MkDocs' loggers: another build (`mkdocs serve` makes a new plugin for each) has its own."""
        if self.quiet is not None:
            self.quiet.remove()
            self.quiet = None

    def _copy_originals(self, site_dir: Path):
        """The originals of the full texts this build publishes ("Văn bản gốc"): the gate has already
        taken the left-out pages out of the registry, so their originals never reach the site."""
        for document in self.registry.documents:
            original = toan_van.original_of(document.page.meta, self.source_dir)
            if original is not None and toan_van.has_full_text(document.page.text):
                target = site_dir / original.href_in_site
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(original.path, target)

    def _replace_material_index(self, config: MkDocsConfig):
        """Material's search box stays; its index (one HTML parse of every page) is left empty, ours replaces it."""
        material = config.plugins.get("material/search") or config.plugins.get("search")
        if self.config.search and material is not None and getattr(material, "search_index", None) is not None:
            material.search_index = EmptyIndex(**material.config)

    def _document_of(self, page: Page):
        src = page.file.src_uri
        stem = src.split(".")[0]
        return self.registry.by_page(stem) if self.registry else None

    def _href(self, document, page: Page) -> str | None:
        file = self.file_of(document.page.path.as_posix())
        return get_relative_url(file.url, page.url) if file else None

    def _values(self, config: MkDocsConfig) -> Values:
        lang = _lang(config)
        if lang not in self.values:
            self.values[lang] = Values.load(Path(config.docs_dir), lang)
        return self.values[lang]

    def _link(self, document, values: Values) -> SimpleNamespace:
        file = self.file_of(document.page.path.as_posix())
        said = subject(document, values)
        return SimpleNamespace(
            ma=document.so_ky_hieu or (said.text if said else document.ma),
            title=said.text if said and document.so_ky_hieu else None,
            lang=said.lang if said else None,
            url=file.url if file else None,
        )

    def _card(self, document, values: Values) -> SimpleNamespace:
        """The card's fields for overrides/partials/the-van-ban.html (attributes, as `template_labels`)."""
        lang = values.lang
        registry = self.registry
        refs = lambda symbols: [self._link(registry.get(s), values) for s in symbols if registry.get(s)]
        return SimpleNamespace(
            t=template_labels(lang),
            so_ky_hieu=document.so_ky_hieu,
            loai=values.of("loai", document.loai),
            ngay_ban_hanh=format_date(document.ngay_ban_hanh, lang),
            co_quan_ban_hanh=values.of("co_quan_ban_hanh", document.co_quan_ban_hanh),
            trich_yeu=document.trich_yeu,
            tinh_trang=labels(lang).get(document.tinh_trang, document.tinh_trang),
            trang_thai=document.trang_thai,
            thuc_hien=refs(document.thuc_hien),
            can_cu=refs(document.can_cu),
            thuc_hien_boi=[self._link(d, values) for d in registry.implemented_by(document)],
            can_cu_boi=[self._link(d, values) for d in registry.based_on_by(document)],
            nguon=[self._citation(c) for c in cite_all(document.nguon, self.cited_registry, self.source_dir, values)],
        )

    def _citation(self, citation) -> SimpleNamespace:
        """A citation with the URL of its place, when the cited page is in this build."""
        file = self.file_of(citation.page) if citation.page else None
        url = (file.url + (f"#{citation.anchor}" if citation.anchor else "")) if file else None
        return SimpleNamespace(label=citation.label, url=url)

    def _review(self, page: Page, document, lang: str) -> SimpleNamespace | None:
        """The page's editorial review state, for the preview banner: only in a preview that shows drafts;
        a publish or a bundle (`preview` off, with or without --allow-draft) never says it. Who approved
        is the editors' record."""
        if not (self.config.drafts and self.config.preview):
            return None
        source = document.page.meta if document is not None else page.meta
        state = document.trang_thai if document is not None else source.get("trang_thai")
        if state not in content.TRANG_THAI:
            return None
        text = labels(lang)[f"review_{state}"]
        if state == "da-duyet":
            text = text.format(who=source.get("nguoi_duyet"), when=format_date(content.parse_date(source.get("ngay_duyet")), lang))
        return SimpleNamespace(state=state, text=text)

    def _fail_on(self, findings: list[Finding], docs_dir: Path):
        """Fail the build with every error listed, not only the first; paths as `hoctap check` shows them.
        Warnings (slips in an official text kept verbatim) are listed, at info level: strict mode fails on a warning."""
        for warning in shown_from([f for f in findings if not f.is_error], docs_dir):
            log.info(warning.format())
        failing = errors(findings)
        if failing:
            raise PluginError(f"{len(failing)} problem(s) in the content:\n" + format_text(shown_from(failing, docs_dir)))


def _titled(markdown: str, text: str) -> str:
    """The page's first-level heading says the document's title (render.titles), whatever the editor wrote."""
    found = _H1.search(markdown)
    if found is None:
        return f"# {text}\n\n{markdown}"
    attrs = f" {found['attrs']}" if found["attrs"] else ""
    return markdown[:found.start()] + f"# {text}{attrs}" + markdown[found.end():]


def _theme_dir(config: MkDocsConfig) -> Path:
    """Where the partials are: the theme's `custom_dir` (overrides/), the project's own without one."""
    return Path(config.theme.custom_dir) if config.theme.custom_dir else partials.THEME_DIR


def _lang(config: MkDocsConfig) -> str:
    return str(config.theme.get("language") or "vi")


def _section_of(nav: Navigation, src_uri: str) -> Section | None:
    for item in _walk(nav.items):
        if isinstance(item, Section) and any(
            isinstance(child, Page) and child.file.src_uri.split(".")[0] == src_uri.split(".")[0]
            for child in item.children
        ):
            return item
    return None


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _pages_of(items) -> list[Page]:
    return [item for item in _walk(items) if isinstance(item, Page)]
