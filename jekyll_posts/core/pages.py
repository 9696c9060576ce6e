"""Every page the site generates, declared once: its name, template, context and feeds.

A *kind* of generated page (:class:`PageKind`) turns the site (its settings
and the entries of its documents, :class:`SiteView`) into
:class:`GeneratedPage` values.  A page's context is plain data, the very
thing its template is given: it is also what the page's fingerprint is made
from, so a page is written again exactly when what it shows changed.  Each
page may carry feeds (:class:`FeedSpec`), written beside it.

The Sphinx glue walks the registered kinds for everything it does with
generated pages: writing them when their fingerprint changed, warning when a
document has a generated page's URL, removing the output of pages that are
gone.  ``jekyll-posts-check`` walks the same kinds to find URL clashes.  A new
kind is one class and one ``register_page_kind`` call (see
:mod:`jekyll_posts.sphinxext.generated`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Literal, Protocol

from .dates import format_date_ja
from .entries import PageEntry, TaxonomyIndex, TaxonomyKind, Term
from .jekyll.permalinks import output_path
from .settings import SiteSettings
from .taxonomy import slugify

Translate = Callable[[str], str]
Context = dict[str, Any]


@dataclass(frozen=True)
class SiteView:
    """What generated pages are made from."""

    settings: SiteSettings
    #: every document's entry, by document name (drafts and wiki pages included)
    entries: Mapping[str, PageEntry]
    index: TaxonomyIndex
    #: the interface's words, in the site's language
    translate: Translate = str

    def term_pagename(self, kind: TaxonomyKind, term: Term) -> str:
        return term_pagename(self.settings, kind, term.name)


@dataclass(frozen=True)
class FeedSpec:
    """A feed beside a page: where it goes, its title and the posts it lists (newest first)."""

    path: str  # relative to the output folder: "blog/tag/ai/atom.xml"
    title: str
    entries: tuple[PageEntry, ...]
    #: who writes it: this package, or ablog (its own feeds, written all at once)
    producer: Literal["jekyll_posts", "ablog"] = "jekyll_posts"


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: ``context`` is plain data, exactly what ``template`` is given."""

    pagename: str
    template: str
    context: Context
    feeds: tuple[FeedSpec, ...] = field(default=())


class PageKind(Protocol):
    """A kind of generated page: every page of the kind that the site has now."""

    name: str

    def pages(self, site: SiteView) -> Iterable[GeneratedPage]: ...


def term_pagename(settings: SiteSettings, kind: TaxonomyKind, name: str) -> str:
    """Where a term's page is: ``blog/tag/ai``, ``blog/category/ai最新ニュース``."""
    if kind == "author":
        name = settings.author_name(name)
    return f"{settings.blog_path}/{kind}/{slugify(name)}"


def entry_context(entry: PageEntry, date_format: str | None = None, listed: bool = True) -> Context:
    """What a list shows of one entry; a post that is not listed shows no date."""
    date = ""
    if entry.date is not None and listed:
        date = entry.date.strftime(date_format) if date_format else format_date_ja(entry.date)
    return {"docname": entry.docname, "title": entry.title, "date": date, "summary": entry.summary}


# -- tags ---------------------------------------------------------------------------


class TagPages:
    """A page per tag (posts newest first, then wiki pages), its feed, and the all-tags page."""

    name = "tags"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        _ = site.translate
        for term in site.index.terms["tag"].values():
            pagename = site.term_pagename("tag", term)
            title = _("Tag: %(tag)s") % {"tag": term.name}
            feed_path = f"{pagename}/atom.xml" if site.settings.blog_baseurl else ""
            context = {
                "title": title,
                "tag": term.name,
                "posts": [entry_context(entry) for entry in term.posts],
                "pages": [entry_context(entry) for entry in term.pages],
                "tag_feed": feed_path,
            }
            length = site.settings.blog_feed_length or None
            feed_title = f"{site.settings.blog_title} - {title}"
            feeds = (FeedSpec(feed_path, feed_title, tuple(term.posts[:length])),) if feed_path else ()
            yield GeneratedPage(pagename, "jekyll_posts/tag.html", context, feeds)
        overview = [
            {"pagename": site.term_pagename("tag", term), "name": term.name, "count": term.count}
            for term in site.index.by_use["tag"]
        ]
        yield GeneratedPage(
            f"{site.settings.blog_path}/tag", "jekyll_posts/tags.html", {"title": _("Tags"), "tags": overview}
        )


# -- the blog's lists, as ablog makes them --------------------------------------------

#: ablog's catalogs: kind, its pages' title, the header before each collection's name
CATALOGS: tuple[tuple[TaxonomyKind | Literal["archive"], str, str], ...] = (
    ("author", "Authors", "Posts by"),
    ("category", "Categories", "Posts in"),
    ("archive", "All posts", "Posted in"),
)


@dataclass(frozen=True)
class Collection:
    """One list of ablog's: the posts of an author, a category or a year."""

    name: str
    pagename: str
    posts: tuple[PageEntry, ...]


class BlogListings:
    """ablog's lists: a page per author, category and year, their catalogs, all posts, drafts.

    They follow ablog's rules (its pages, titles, order and feeds), made from
    the entries, so the same projection of a post is what every list shows
    and what its fingerprint is made of.
    """

    name = "blog"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        _ = site.translate
        settings = site.settings
        for kind, title, header in CATALOGS:
            collections = list(_collections(site, kind))
            if not collections:
                continue
            catalog_name = f"{settings.blog_path}/archive" if kind == "archive" else f"{settings.blog_path}/{kind}"
            yield GeneratedPage(
                catalog_name,
                "jekyll_posts/catalog.html",
                _catalog_context(site, _(title), _(header), kind, collections),
            )
            for collection in collections:
                yield _collection_page(site, _(header), collection)
        yield self._all_posts(site)
        yield self._drafts(site)

    def _all_posts(self, site: SiteView) -> GeneratedPage:
        _ = site.translate
        settings = site.settings
        context = _listing_context(site, _("All Posts"), _("All"), "Posts", site.index.posts)
        context["feed_path"] = settings.blog_path  # ablog gives no feed title here
        feeds = _ablog_feed(site, settings.blog_path, settings.blog_title, site.index.posts)
        return GeneratedPage(settings.blog_path, "jekyll_posts/collection.html", context, feeds)

    def _drafts(self, site: SiteView) -> GeneratedPage:
        _ = site.translate
        listed = {entry.docname for entry in site.index.posts}
        drafts = [entry for entry in site.entries.values() if entry.is_post and entry.docname not in listed]
        context = _listing_context(site, _("Drafts"), "", "Drafts", sorted(drafts, key=_undated_first), listed=False)
        return GeneratedPage(f"{site.settings.blog_path}/drafts", "jekyll_posts/collection.html", context)


def _undated_first(entry: PageEntry) -> tuple[float, str, str]:
    """ablog's order of drafts: newest first, undated ones before all."""
    return (-(entry.date.timestamp() if entry.date else float("inf")), entry.title, entry.docname)


def _collections(site: SiteView, kind: TaxonomyKind | Literal["archive"]) -> Iterator[Collection]:
    settings = site.settings
    if kind == "archive":
        by_year = groupby(site.index.posts, key=lambda entry: entry.date.year if entry.date else 0)
        for year, posts in by_year:
            yield Collection(str(year), f"{settings.blog_path}/{year}", tuple(posts))
        return
    terms = [term for term in site.index.terms[kind].values() if term.posts]
    for term in sorted(terms, key=lambda term: term.name):
        name = settings.author_name(term.name) if kind == "author" else term.name
        yield Collection(name, site.term_pagename(kind, term), tuple(term.posts))


def _catalog_context(site: SiteView, title: str, header: str, kind: str, collections: list[Collection]) -> Context:
    date_format = site.settings.post_date_format
    shown: list[Context] = []
    for collection in collections:
        posts = [entry_context(entry, date_format) for entry in collection.posts]
        months: list[dict[str, Any]] = []
        if kind == "archive":
            for month, entries in groupby(collection.posts, key=lambda entry: entry.date.month if entry.date else 0):
                months.append({"month": month, "posts": [entry_context(entry, date_format) for entry in entries]})
        shown.append({"name": collection.name, "pagename": collection.pagename, "posts": posts, "months": months})
    return {"parents": [], "title": title, "header": header, "catalog": kind, "collections": shown, "summary": True}


def _collection_page(site: SiteView, header: str, collection: Collection) -> GeneratedPage:
    settings = site.settings
    title = f"{header} {collection.name}"
    context = _listing_context(site, title, header, collection.name, collection.posts)
    feed_path = collection.pagename if settings.blog_feed_archives else settings.blog_path
    has_feed = bool(settings.blog_baseurl) and settings.blog_feed_archives
    context |= {"feed_path": feed_path, "feed_title": title, "archive_feed": has_feed}
    feeds = (
        _ablog_feed(site, collection.pagename, f"{settings.blog_title} - {title}", collection.posts) if has_feed else ()
    )
    return GeneratedPage(collection.pagename, "jekyll_posts/collection.html", context, feeds)


def _ablog_feed(site: SiteView, folder: str, title: str, posts: Iterable[PageEntry]) -> tuple[FeedSpec, ...]:
    if not site.settings.blog_baseurl:
        return ()
    length = site.settings.blog_feed_length or None
    return (FeedSpec(f"{folder}/atom.xml", title, tuple(posts)[:length], producer="ablog"),)


def _listing_context(
    site: SiteView, title: str, header: str, name: str, posts: Iterable[PageEntry], listed: bool = True
) -> Context:
    return {
        "parents": [],
        "title": title,
        "header": header,
        "name": name,
        "summary": True,
        "posts": [_listed_post(site, entry, listed) for entry in posts],
    }


def _listed_post(site: SiteView, entry: PageEntry, listed: bool) -> Context:
    shown = entry_context(entry, site.settings.post_date_format, listed)
    shown["authors"] = _linked_terms(site, "author", entry.authors)
    shown["categories"] = _linked_terms(site, "category", entry.categories)
    return shown


def _linked_terms(site: SiteView, kind: TaxonomyKind, names: Iterable[str]) -> list[Context]:
    """Each name as ablog shows it: its collection's name, linked when it lists a post."""
    linked = []
    for name in names:
        term = site.index.find(kind, name)
        shown = term.name if term else name
        if kind == "author":
            shown = site.settings.author_name(shown)
        pagename = site.term_pagename(kind, term) if term and term.posts else None
        linked.append({"name": shown, "pagename": pagename})
    return linked


# -- old URLs ------------------------------------------------------------------------


class Redirects:
    """A page at each old URL of a post (its URL on the Jekyll site, its ``redirect_from``)
    that sends the reader on to the post: meta refresh, canonical link and a visible link."""

    name = "redirects"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        made: set[str] = set()
        for docname, entry in sorted(site.entries.items()):
            for url in entry.old_urls:
                pagename = redirect_pagename(url)
                if pagename is None or pagename == docname or pagename in made:
                    continue  # not an HTML page, the post's own URL, or another post's old URL first
                made.add(pagename)
                yield GeneratedPage(pagename, "jekyll_posts/redirect.html", {"title": entry.title, "target": docname})


def redirect_pagename(url: str) -> str | None:
    """The page name of the file Jekyll wrote for ``url``: ``/2017/10/12/name/`` -> ``2017/10/12/name/index``;
    ``None`` when it was not an HTML page."""
    path = output_path(url).as_posix()
    return path.removesuffix(".html") if path.endswith(".html") else None


#: the kinds this package generates, in the order they are written
PAGE_KINDS: tuple[PageKind, ...] = (BlogListings(), TagPages(), Redirects())


def generated_pages(site: SiteView, kinds: Iterable[PageKind] = PAGE_KINDS) -> Iterator[GeneratedPage]:
    for kind in kinds:
        yield from kind.pages(site)
