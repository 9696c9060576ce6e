"""Cross-document state: every page's taxonomy, kept where Sphinx purges and merges it.

The ``jekyll`` domain stores one :class:`PageEntry` per document that has
front matter or ``{tags}``.  From them it derives the :class:`TaxonomyIndex`
(which page lists which pages) and resolves links to taxonomy pages, so
MyST text can link to them too::

    {jekyll:tag}`マルチモーダル`  {jekyll:category}`AI最新ニュース`  {jekyll:author}`ALLFORCES編集部`
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from ..core.backlinks import LinkTarget
from ..core.entries import TAXONOMY_KINDS, PageEntry, TaxonomyIndex, TaxonomyKind, listing_digest
from ..core.pages import term_pagename
from ..core.problems import Problem
from ..core.search import IndexedPage
from ..core.settings import SiteSettings
from .compat.ablog import ablog_tomorrow, has_postlist
from .config import site_settings_of

if TYPE_CHECKING:
    from datetime import datetime

    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageReferences:
    """What a document shows of other pages: links to taxonomy pages, post lists."""

    #: (kind, name) of each ``{jekyll:tag}``-style link, the post header's included
    terms: tuple[tuple[TaxonomyKind, str], ...]
    #: an ablog ``postlist``: it shows whatever the blog lists
    has_postlist: bool
    #: any other cross-reference: it links to another document or label
    links_documents: bool
    #: one of them without its own text: it shows the target's title
    shows_titles: bool


NO_REFERENCES = PageReferences((), False, False, False)


class JekyllDomain(Domain):
    """Taxonomy of the knowledge base: pages, tags, categories and authors."""

    name = "jekyll"
    label = "Jekyll posts"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {kind: XRefRole() for kind in TAXONOMY_KINDS}
    initial_data: ClassVar[dict[str, Any]] = {
        "pages": {},
        "references": {},
        "shown": {},
        "links": {},
        "problems": {},
        "indexed": {},
        "shown_inputs": "",
        "listing_digest": None,
        "reads_posts": {},
    }
    data_version = 9

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._index: TaxonomyIndex | None = None
        self._settings: SiteSettings | None = None

    @property
    def settings(self) -> SiteSettings:
        if self._settings is None:
            self._settings = site_settings_of(self.env.config)
        return self._settings

    @property
    def pages(self) -> dict[str, PageEntry]:
        pages: dict[str, PageEntry] = self.data["pages"]
        return pages

    @property
    def cutoff(self) -> datetime:
        """Posts dated before this are listed (the index's cutoff, without making the index)."""
        return ablog_tomorrow(self.settings.zone)

    @property
    def index(self) -> TaxonomyIndex:
        if self._index is None:
            self._index = TaxonomyIndex(self.pages.values(), self.cutoff)
        return self._index

    @property
    def listing_digest(self) -> str:
        """:func:`listing_digest` of the pages, kept with them until a page changes: a build
        that reads nothing does not make it again (0.16 s at 10,000 posts)."""
        digest: str | None = self.data.get("listing_digest")
        if digest is None:
            digest = self.data["listing_digest"] = listing_digest(self.pages.values())
        return digest

    def _pages_changed(self) -> None:
        self._index = None
        self.data["listing_digest"] = None

    @property
    def references(self) -> dict[str, PageReferences]:
        """What each document shows of other pages, beyond its own content."""
        references: dict[str, PageReferences] = self.data["references"]
        return references

    @property
    def links(self) -> dict[str, tuple[LinkTarget, ...]]:
        """What each document links to, as written (:mod:`.backlinks`)."""
        links: dict[str, tuple[LinkTarget, ...]] = self.data["links"]
        return links

    @property
    def shown(self) -> dict[str, str]:
        """:func:`shown_digest` of each document as it was last written."""
        shown: dict[str, str] = self.data["shown"]
        return shown

    @property
    def shown_inputs(self) -> str:
        """What every document's ``shown`` digest was last made from beyond the documents: the
        listing cutoff and the configuration (:mod:`.dependencies`)."""
        inputs: str = self.data["shown_inputs"]
        return inputs

    @shown_inputs.setter
    def shown_inputs(self, inputs: str) -> None:
        self.data["shown_inputs"] = inputs

    @property
    def problems(self) -> dict[str, tuple[Problem, ...]]:
        """The problems warned about when each document was last read (:mod:`.documents`)."""
        problems: dict[str, tuple[Problem, ...]] = self.data["problems"]
        return problems

    @property
    def indexed_pages(self) -> dict[str, IndexedPage | None]:
        """Each document read in this build, as search indexes it (:mod:`.search`), until the
        main process takes it: read in parallel, it comes back to the main process here."""
        indexed: dict[str, IndexedPage | None] = self.data["indexed"]
        return indexed

    @property
    def readers_of_posts(self) -> set[str]:
        """The documents whose Liquid read ``site.posts`` (or its tags or categories)."""
        return set(self.data["reads_posts"])

    def note_reads_posts(self, docname: str) -> None:
        self.data["reads_posts"][docname] = True

    def note_page(self, entry: PageEntry) -> None:
        self.pages[entry.docname] = entry
        self._pages_changed()

    def note_links(self, docname: str, targets: tuple[LinkTarget, ...]) -> None:
        if targets:
            self.links[docname] = targets

    def warn(self, docname: str, problem: Problem) -> None:
        """Warn about ``problem`` of ``docname`` now, and on every build until it is read again."""
        self.problems[docname] = (*self.problems.get(docname, ()), problem)
        warn(docname, problem)

    def warn_again_unless(self, read: Set[str]) -> None:
        """Warn again about the problems of each document not read in this build."""
        for docname, problems in sorted(self.problems.items()):
            if docname not in read and docname in self.env.found_docs:
                for problem in problems:
                    warn(docname, problem)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        terms: dict[tuple[TaxonomyKind, str], None] = {}
        others: list[addnodes.pending_xref] = []
        for node in document.findall(addnodes.pending_xref):
            if node.get("refdomain") == self.name:  # its roles are the taxonomy kinds
                terms[cast("TaxonomyKind", node["reftype"]), node["reftarget"]] = None
            else:
                others.append(node)
        references = PageReferences(
            terms=tuple(terms),
            has_postlist=has_postlist(document),
            links_documents=bool(others),
            shows_titles=any(not node.get("refexplicit") for node in others),
        )
        if references != NO_REFERENCES:
            self.references[docname] = references

    def clear_doc(self, docname: str) -> None:
        self.references.pop(docname, None)
        self.links.pop(docname, None)
        self.shown.pop(docname, None)
        self.problems.pop(docname, None)
        self.indexed_pages.pop(docname, None)
        self.data["reads_posts"].pop(docname, None)
        if self.pages.pop(docname, None) is not None:
            self._pages_changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["pages"]:
                self.note_page(otherdata["pages"][docname])
            if docname in otherdata["references"]:
                self.references[docname] = otherdata["references"][docname]
            if docname in otherdata["links"]:
                self.links[docname] = otherdata["links"][docname]
            if docname in otherdata["problems"]:
                self.problems[docname] = otherdata["problems"][docname]
            if docname in otherdata["indexed"]:
                self.indexed_pages[docname] = otherdata["indexed"][docname]
            if docname in otherdata["reads_posts"]:
                self.note_reads_posts(docname)

    def page_of(self, kind: TaxonomyKind, name: str) -> str | None:
        """The pagename of a term's page, or ``None`` when no listed page has the term."""
        term = self.index.find(kind, name)
        if term is None or (kind != "tag" and not term.posts):  # ablog lists posts only
            return None
        return term_pagename(self.settings, kind, term.name)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | nodes.Element | None:
        if typ not in TAXONOMY_KINDS:
            return None
        pagename = self.page_of(typ, target)
        if pagename is None:
            return contnode
        return make_refnode(builder, fromdocname, pagename, "", contnode, target)

    def resolve_any_xref(self, *args: Any) -> list[tuple[str, nodes.reference]]:
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        return iter(())


def warn(docname: str, problem: Problem) -> None:
    logger.warning(problem.message, location=(docname, problem.line), type="jekyll_posts", subtype=problem.subtype)


def get_domain(env: BuildEnvironment) -> JekyllDomain:
    domain = env.domains["jekyll"]
    assert isinstance(domain, JekyllDomain)
    return domain
