"""The registry: every official document and its relations, derived from the pages' front matter.

It is built from `docs/` alone — no second list to keep in sync — and is the same
for both languages: a translated page (`ten.en.md`) is an alternate of its Vietnamese
page and takes its metadata from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..content.front_matter import is_document
from ..content.page import ContentError, Document, Page, read_page, to_document
from ..content.docs_tree import Tree, walk
from ..text.findings import Finding
from ..text.pages import DEFAULT_LANG
from ..text.symbols import parse


@dataclass(frozen=True)
class CitedDocument:
    """A document that imported texts implement or are based on, with no page yet ("được nhắc đến"):
    its symbol, and the date and issuer as the first citing text that prints them gives them."""

    so_ky_hieu: str
    ngay: str | None = None  # as printed: `ngày 05/02/2026`
    co_quan: str | None = None  # as printed: `Ban Thường vụ Tỉnh ủy`


@dataclass
class Registry:
    docs_dir: Path
    pages: list[Page] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    tree: Tree | None = None
    """docs/ as it was walked: the files the build may use (hoctap.content.docs_tree); its findings are ours."""

    @classmethod
    def load(cls, docs_dir: Path) -> "Registry":
        tree = walk(Path(docs_dir))
        registry = cls(Path(docs_dir), tree=tree, findings=list(tree.findings))
        for rel in tree.pages:
            try:
                page = read_page(registry.docs_dir / rel, registry.docs_dir)
            except ContentError as error:
                registry.findings.append(error.finding)
                continue
            except OSError as error:  # removed or made unreadable since the walk
                registry.findings.append(Finding(rel, 1, 1, "E005", f"cannot read: {error.strerror or error}"))
                continue
            registry.pages.append(page)
            registry.findings.extend(page.findings)
            if is_document(page) and page.lang == DEFAULT_LANG:
                registry.documents.append(to_document(page)[0])
        registry.findings.extend(registry._relation_findings())
        return registry

    # -- look-ups -------------------------------------------------------------

    def get(self, ma: str) -> Document | None:
        """A document by its symbol, or by its page name when it has no symbol."""
        return self._by_ma.get(ma)

    @cached_property
    def _by_ma(self) -> dict[str, Document]:
        return {d.ma: d for d in self.documents}

    def by_page(self, stem: str) -> Document | None:
        """The document described by a page, in any language (`van-ban/15-ctr-tu`)."""
        return self._by_stem.get(stem)

    # Indexes, not scans: the plugin asks for every page, so a scan made the build quadratic.
    @cached_property
    def _by_stem(self) -> dict[str, Document]:
        return {d.page.stem: d for d in reversed(self.documents)}

    @cached_property
    def by_symbol(self) -> dict[str, Document]:
        """Documents by canonical symbol (the first page wins): every page of a build links its mentions through it."""
        found = {}
        for document in self.documents:
            symbol = parse(document.so_ky_hieu) if document.so_ky_hieu else None
            if symbol is not None:
                found.setdefault(symbol.canonical, document)
        return found

    def with_full_text(self, name: str) -> Document | None:
        """The (first) document whose page holds the full text kept as `sources/<name>` (its `toan_van`):
        every document page cites its source through it."""
        return self._by_full_text.get(name)

    @cached_property
    def _by_full_text(self) -> dict[str, Document]:
        found = {}
        for document in self.documents:
            name = document.page.meta.get("toan_van")
            if isinstance(name, str):
                found.setdefault(name, document)
        return found

    def implemented_by(self, document: Document) -> list[Document]:
        return self._implementers.get(document.ma, [])

    def based_on_by(self, document: Document) -> list[Document]:
        return self._based_on.get(document.ma, [])

    @cached_property
    def _implementers(self) -> dict[str, list[Document]]:
        return _referrers(self.documents, "thuc_hien")

    @cached_property
    def _based_on(self) -> dict[str, list[Document]]:
        return _referrers(self.documents, "can_cu")

    @cached_property
    def study_order(self) -> dict[str, int]:
        """The documents the plan lists for study (its `noi_dung_hoc_tap`), each with its rank."""
        plan_order: list[str] = []
        for document in self.documents:
            plan_order.extend(document.noi_dung_hoc_tap)
        return {ma: i for i, ma in enumerate(plan_order)}

    def catalogue(self) -> list[Document]:
        """Documents in reading order: those the plan lists for study first, in its order, then by date."""
        return list(self._catalogue)

    @cached_property
    def _catalogue(self) -> tuple[Document, ...]:
        rank = self.study_order
        return tuple(sorted(
            self.documents,
            key=lambda d: (d.ma not in rank, rank.get(d.ma, 0), d.ngay_ban_hanh is None, d.ngay_ban_hanh or 0, d.ma),
        ))

    def cited_without_page(self) -> list[CitedDocument]:
        """What an imported text implements or is based on (`thuc_hien`, `can_cu`, read by `hoctap import`)
        that no page describes yet, by symbol: the catalogue lists them and the map draws them as cited
        (được nhắc đến), so an imported chain shows its missing links until their pages come."""
        return list(self._cited.values())

    def cited(self, ma: str) -> CitedDocument | None:
        """`ma` as cited, when it is one of `cited_without_page`."""
        return self._cited.get(ma)

    @cached_property
    def _cited(self) -> dict[str, CitedDocument]:
        printed: dict[str, CitedDocument] = {}
        for d in self.documents:
            if not d.page.meta.get("sha256"):
                continue
            how = {c.so_ky_hieu: c for c in getattr(d.page.front_matter, "trich_dan", [])}
            for ma in d.thuc_hien + d.can_cu:
                if ma in self._by_ma or not parse(ma):
                    continue
                seen, said = printed.get(ma), how.get(ma)
                if seen is None or (said is not None and not (seen.ngay or seen.co_quan)):
                    printed[ma] = CitedDocument(ma, said.ngay, said.co_quan) if said else CitedDocument(ma)
        return dict(sorted(printed.items()))

    # -- relation checks --------------------------------------------------------

    def _relation_findings(self) -> list[Finding]:
        findings: list[Finding] = []
        seen: dict[str, Document] = {}
        for document in self.documents:
            other = seen.setdefault(document.ma, document)
            if other is not document:
                findings.append(Finding(document.page.path.as_posix(), document.page.line_of("so_ky_hieu"), 1, "M006",
                                        f"`{document.ma}` is already described by {other.page.path.as_posix()}",
                                        "keep one page per document"))
        known = self._by_ma
        for document in self.documents:
            for key in ("thuc_hien", "can_cu", "noi_dung_hoc_tap"):
                for ma in getattr(document, key):
                    if ma in known:
                        continue
                    finding = Finding(document.page.path.as_posix(), document.page.line_of(key), 1, "M004",
                                      f"`{key}` names `{ma}`, which no document page describes",
                                      "add a page for it under docs/van-ban/ or correct the symbol")
                    if key != "noi_dung_hoc_tap" and document.page.meta.get("sha256") and parse(ma):
                        # read by `hoctap import` from the text: a cited document, shown as such until its page comes
                        finding = replace(finding.as_warning(), message=f"`{key}` names `{ma}`, cited by the text but "
                                          "with no page yet: shown as cited (được nhắc đến); it links once imported")
                    findings.append(finding)
        findings.extend(self._cycle_findings())
        return findings

    def _cycle_findings(self) -> list[Finding]:
        """A document cannot, through `thuc_hien`/`can_cu`, end up implementing itself (one finding per cycle)."""
        known = self._by_ma
        edges = {d.ma: [m for m in d.thuc_hien + d.can_cu if m in known] for d in self.documents}
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        findings: list[Finding] = []
        for root in edges:
            if root in state:
                continue
            path, stack = [root], [iter(edges[root])]
            state[root] = 1
            while stack:
                child = next(stack[-1], None)
                if child is None:
                    state[path.pop()] = 2
                    stack.pop()
                elif state.get(child) == 1:
                    cycle = path[path.index(child):] + [child]
                    page = known[child].page
                    findings.append(Finding(page.path.as_posix(), page.line_of("thuc_hien"), 1, "M005",
                                            "relations form a cycle: " + " → ".join(cycle),
                                            "a document cannot implement what implements it"))
                elif child not in state:
                    state[child] = 1
                    path.append(child)
                    stack.append(iter(edges[child]))
        return findings


def _referrers(documents: list[Document], key: str) -> dict[str, list[Document]]:
    """Symbol → the documents that name it under `key` (`thuc_hien` or `can_cu`), in registry order."""
    index: dict[str, list[Document]] = {}
    for document in documents:
        for ma in dict.fromkeys(getattr(document, key)):
            index.setdefault(ma, []).append(document)
    return index
