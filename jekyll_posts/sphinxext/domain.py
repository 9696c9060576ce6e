"""Cross-document state: every page's taxonomy, kept where Sphinx purges and merges it.

The ``jekyll`` domain stores one :class:`PageEntry` per document that has
front matter or ``{tags}``.  From them it derives the :class:`TaxonomyIndex`
(which page lists which pages) and resolves links to taxonomy pages, so
MyST text can link to them too::

    {jekyll:tag}`マルチモーダル`  {jekyll:category}`AI最新ニュース`  {jekyll:author}`ALLFORCES編集部`
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal, cast
from zoneinfo import ZoneInfo

import ablog.blog
import ablog.post
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from ..core import slugify

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

TaxonomyKind = Literal["tag", "category", "author"]
TAXONOMY_KINDS: tuple[TaxonomyKind, ...] = ("tag", "category", "author")


@dataclass(frozen=True)
class PageEntry:
    """What other pages show of one document: in lists, feeds and the sidebar."""

    docname: str
    title: str
    is_post: bool
    date: datetime | None
    draft: bool
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    authors: tuple[str, ...]
    summary: str

    def terms(self, kind: TaxonomyKind) -> tuple[str, ...]:
        return {"tag": self.tags, "category": self.categories, "author": self.authors}[kind]

    def is_listed(self, now: datetime) -> bool:
        """Shown in lists: wiki pages, and posts that are published and not in the future."""
        if not self.is_post:
            return True
        return not self.draft and self.date is not None and self.date < now


@dataclass
class Term:
    """One tag, category or author: its slug, display name and listed pages."""

    slug: str
    name: str
    posts: list[PageEntry] = field(default_factory=list)
    pages: list[PageEntry] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.posts) + len(self.pages)


class TaxonomyIndex:
    """Every term of each kind, with the pages listed under it.

    Spellings of one term (``AI``, ``ai``) share a :class:`Term`, named by
    its most used spelling.  Posts come newest first, wiki pages by title.
    """

    def __init__(self, entries: Iterable[PageEntry], now: datetime) -> None:
        self.terms: dict[TaxonomyKind, dict[str, Term]] = {}
        listed = [entry for entry in entries if entry.is_listed(now)]
        for kind in TAXONOMY_KINDS:
            self.terms[kind] = _collect_terms(kind, listed)
        #: the terms of each kind, most used first
        self.by_use = {kind: sorted(terms.values(), key=_most_used_first) for kind, terms in self.terms.items()}
        #: the years of listed posts: ablog's year pages
        self.years = {entry.date.year for entry in listed if entry.is_post and entry.date is not None}

    def find(self, kind: TaxonomyKind, name: str) -> Term | None:
        return self.terms[kind].get(slugify(name))

    def display_name(self, kind: TaxonomyKind, name: str) -> str:
        term = self.find(kind, name)
        return term.name if term else name


def _collect_terms(kind: TaxonomyKind, entries: list[PageEntry]) -> dict[str, Term]:
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[PageEntry]] = defaultdict(list)
    for entry in entries:
        for name in entry.terms(kind):
            spellings[slugify(name)][name] += 1
            members[slugify(name)].append(entry)
    terms = {}
    for slug, counter in sorted(spellings.items()):
        name = min(counter, key=lambda spelling: (-counter[spelling], spelling))
        posts = sorted((e for e in members[slug] if e.is_post), key=_newest_first)
        pages = sorted((e for e in members[slug] if not e.is_post), key=lambda e: (e.title, e.docname))
        terms[slug] = Term(slug, name, posts, pages)
    return terms


def _most_used_first(term: Term) -> tuple[int, str]:
    return (-term.count, term.name)


def _newest_first(entry: PageEntry) -> tuple[float, str]:
    return (-(entry.date.timestamp() if entry.date else 0.0), entry.docname)


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
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}, "references": {}, "shown": {}}
    data_version = 2

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._index: TaxonomyIndex | None = None
        self._digest: str | None = None
        #: documents removed since the last build (not stored: one build's news)
        self.removed: set[str] = set()

    @property
    def pages(self) -> dict[str, PageEntry]:
        pages: dict[str, PageEntry] = self.data["pages"]
        return pages

    @property
    def index(self) -> TaxonomyIndex:
        if self._index is None:
            self._index = TaxonomyIndex(self.pages.values(), listing_cutoff(self.env))
        return self._index

    @property
    def listing_digest(self) -> str:
        """:func:`listing_digest` of the pages, kept until a page changes."""
        if self._digest is None:
            self._digest = listing_digest(self.pages.values())
        return self._digest

    @property
    def references(self) -> dict[str, PageReferences]:
        """What each document shows of other pages, beyond its own content."""
        references: dict[str, PageReferences] = self.data["references"]
        return references

    @property
    def shown(self) -> dict[str, str]:
        """:func:`shown_digest` of each document as it was last written."""
        shown: dict[str, str] = self.data["shown"]
        return shown

    def note_page(self, entry: PageEntry) -> None:
        self.pages[entry.docname] = entry
        self._index = self._digest = None

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
            has_postlist=next(document.findall(ablog.post.PostList), None) is not None,
            links_documents=bool(others),
            shows_titles=any(not node.get("refexplicit") for node in others),
        )
        if references != NO_REFERENCES:
            self.references[docname] = references

    def clear_doc(self, docname: str) -> None:
        self.references.pop(docname, None)
        self.shown.pop(docname, None)
        if self.pages.pop(docname, None) is not None:
            self._index = self._digest = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["pages"]:
                self.note_page(otherdata["pages"][docname])
            if docname in otherdata["references"]:
                self.references[docname] = otherdata["references"][docname]

    def page_of(self, kind: TaxonomyKind, name: str) -> str | None:
        """The pagename of a term's page, or ``None`` when no listed page has the term."""
        term = self.index.find(kind, name)
        if term is None:
            return None
        return taxonomy_pagename(self.env.config.blog_path, kind, _collection_name(self.env, kind, term.name))

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


def listing_cutoff(env: BuildEnvironment) -> datetime:
    """Posts dated before this are listed: ablog's rule (before tomorrow), in the site's zone."""
    tomorrow: datetime = ablog.blog.TOMORROW
    return tomorrow.replace(tzinfo=ZoneInfo(env.config.jekyll_posts_timezone))


def taxonomy_pagename(blog_path: str, kind: TaxonomyKind, name: str) -> str:
    """Where ablog (categories, authors) and this package (tags) put a term's page."""
    return f"{blog_path}/{kind}/{slugify(name)}"


def _collection_name(env: BuildEnvironment, kind: TaxonomyKind, name: str) -> str:
    """ablog names an author's page after the full name given in ``blog_authors``."""
    if kind == "author" and name in env.config.blog_authors:
        return str(env.config.blog_authors[name][0])
    return name


def listing_digest(entries: Iterable[PageEntry]) -> str:
    """A fingerprint of everything pages show about other pages."""
    text = repr(sorted(entries, key=lambda entry: entry.docname))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get_domain(env: BuildEnvironment) -> JekyllDomain:
    domain = env.domains["jekyll"]
    assert isinstance(domain, JekyllDomain)
    return domain
