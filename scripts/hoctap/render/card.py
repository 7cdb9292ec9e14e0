"""A document page's card (overrides/partials/the-van-ban.html) and a preview's review banner, as
plain fields for the templates: the links to other documents lead to their pages in this build."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..content.front_matter import TRANG_THAI, parse_date
from ..registry.documents import Registry
from .citations import Citation, cite_all
from .labels import field_date, format_date, labels, template_labels
from .titles import Values, adopted_by_congress, as_named_by, status, subject


class Cards:
    """The cards of one language build: `file_of` finds a page's file in it (None when not built)."""

    def __init__(self, registry: Registry, cited_registry: Registry, source_dir: Path,
                 file_of: Callable[[str], File | None]):
        self.registry = registry
        self.cited_registry = cited_registry
        self.source_dir = source_dir
        self.file_of = file_of
        self.citations: dict[str, Citation] = {}
        """Each source reference as this build's cards cite it (render.citations.cite_all)."""

    def card(self, document, values: Values) -> SimpleNamespace:
        """The card's fields for overrides/partials/the-van-ban.html (attributes, as `template_labels`)."""
        lang = values.lang
        registry = self.registry
        t = labels(lang)
        refs = lambda symbols: [self._link(registry.get(s), values, document) if registry.get(s)
                                else SimpleNamespace(ma=s, title=t["nhac_den"], lang=lang, url=None) for s in symbols]
        adopted = adopted_by_congress(document)
        said = status(document)
        return SimpleNamespace(
            t=template_labels(lang),
            so_ky_hieu=document.so_ky_hieu,
            loai=values.of("loai", document.loai),
            ngay_ban_hanh=field_date(document.ngay_ban_hanh, lang),
            ngay_label=t["ngay_thong_qua" if adopted else "ngay_ban_hanh"],
            co_quan_label=t["co_quan_thong_qua" if adopted else "co_quan_ban_hanh"],
            co_quan_ban_hanh=values.of("co_quan_ban_hanh", document.co_quan_ban_hanh),
            trich_yeu=document.trich_yeu,
            tinh_trang=t.get(said, said) if said else None,
            trang_thai=document.trang_thai,
            thuc_hien=refs(document.thuc_hien),
            can_cu=refs(document.can_cu),
            thuc_hien_boi=[self._link(d, values) for d in registry.implemented_by(document)],
            can_cu_boi=[self._link(d, values) for d in registry.based_on_by(document)],
            nguon=[self._citation(c) for c in cite_all(document.nguon, self.cited_registry, self.source_dir, values,
                                                        self.citations)],
        )

    def href(self, document, page: Page) -> str | None:
        """The document's page, relative to `page`; None when this build has no page for it."""
        url = self.url(document)
        return get_relative_url(url, page.url) if url is not None else None

    def url(self, document) -> str | None:
        """The document's page in this build, from the site's root; None when it has none."""
        file = self.file_of(document.page.path.as_posix())
        return file.url if file else None

    def _link(self, document, values: Values, citing=None) -> SimpleNamespace:
        """A link to `document`, named as `citing` names it when given (titles.as_named_by)."""
        file = self.file_of(document.page.path.as_posix())
        said = as_named_by(citing, document, values) if citing is not None else subject(document, values)
        return SimpleNamespace(
            ma=document.so_ky_hieu or (said.text if said else document.ma),
            title=said.text if said and document.so_ky_hieu else None,
            lang=said.lang if said else None,
            url=file.url if file else None,
        )

    def _citation(self, citation) -> SimpleNamespace:
        """A citation with the URL of its place, when the cited page is in this build."""
        file = self.file_of(citation.page) if citation.page else None
        url = (file.url + (f"#{citation.anchor}" if citation.anchor else "")) if file else None
        return SimpleNamespace(label=citation.label, url=url)


def review(page: Page, document, lang: str) -> SimpleNamespace | None:
    """The page's editorial review state, for the preview banner (the caller asks only in a preview
    that shows drafts: a publish or a bundle never says it). Who approved is the editors' record."""
    source = document.page.meta if document is not None else page.meta
    state = document.trang_thai if document is not None else source.get("trang_thai")
    if state not in TRANG_THAI:
        return None
    text = labels(lang)[f"review_{state}"]
    if state == "da-duyet":
        text = text.format(who=source.get("nguoi_duyet"), when=format_date(parse_date(source.get("ngay_duyet")), lang))
    return SimpleNamespace(state=state, text=text)
