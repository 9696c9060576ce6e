"""Every page the site generates, declared once: its name, template, context and feeds.

A *kind* of generated page (:class:`PageKind`) turns the site (its settings
and the entries of its documents, :class:`SiteView`) into
:class:`GeneratedPage` values.  A page's context is plain data, the very
thing its template is given: it is also what the page's fingerprint is made
from, so a page is written again exactly when what it shows changed.  A page
may carry a feed (:class:`FeedSpec`: Atom, RSS 2.0 and JSON Feed), written
beside it.

The kinds here:

- :class:`BlogListings`: all posts (``blog``, then ``blog/page/2``…), a page
  per category and author (paginated the same way), a page per year
  (``blog/2026``) and month (``blog/2026/01``), the archive (years and months
  with their counts), the categories' and authors' overviews, the drafts;
- :class:`TagPages`: a page per tag (its posts, then its wiki pages) and the
  all-tags page;
- :class:`SeriesPages`: a page per series (its posts in reading order) and
  the series' overview;
- :class:`Redirects`: a page at each old URL of a post, sending the reader on.

The Sphinx glue walks the registered kinds for everything it does with
generated pages: writing them when their fingerprint changed, warning when a
document has a generated page's URL, removing the output of pages that are
gone.  ``jekyll-posts check`` walks the same kinds to find URL clashes.  A new
kind is one class and one ``register_page_kind`` call (see
:mod:`jekyll_posts.sphinxext.generated`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Literal, Protocol

from .dates import format_date_ja
from .entries import PageEntry, TaxonomyIndex, TaxonomyKind, Term
from .jekyll.permalinks import output_path
from .series import Series, collect_series, series_pagename
from .settings import SiteSettings
from .taxonomy import slugify

Translate = Callable[[str], str]
Context = dict[str, Any]
#: the feed formats written for each feed, with the file each goes to
FEED_FORMATS = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}
#: how many posts a feed holds when ``blog_feed_length`` does not say
FEED_LENGTH = 20


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
    """A feed: the folder its files go to (``blog/tag/ai``: ``atom.xml``, ``rss.xml``,
    ``feed.json``), its title, the page it belongs to and its posts, newest first."""

    folder: str
    title: str
    page: str
    entries: tuple[PageEntry, ...]

    def path(self, feed_format: str) -> str:
        return f"{self.folder}/{FEED_FORMATS[feed_format]}"


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: ``context`` is plain data, exactly what ``template`` is given."""

    pagename: str
    template: str
    context: Context
    feeds: tuple[FeedSpec, ...] = field(default=())
    #: a whole HTML document of its own template, drawn without the theme: nothing but
    #: ``context``, ``pathto``, ``language`` and ``jekyll_absolute_url`` reach it
    standalone: bool = False


class PageKind(Protocol):
    """A kind of generated page: every page of the kind that the site has now."""

    name: str

    def pages(self, site: SiteView) -> Iterable[GeneratedPage]: ...


def term_pagename(settings: SiteSettings, kind: TaxonomyKind, name: str) -> str:
    """Where a term's page is: ``blog/tag/ai``, ``blog/category/ai最新ニュース``."""
    if kind == "author":
        name = settings.author_name(name)
    return f"{settings.blog_path}/{kind}/{slugify(name)}"


def entry_context(entry: PageEntry, listed: bool = True) -> Context:
    """What a list shows of one entry; a post that is not listed shows no date."""
    date = format_date_ja(entry.date) if entry.date is not None and listed else ""
    return {"docname": entry.docname, "title": entry.title, "date": date, "summary": entry.summary}


def paginated(base: str, items: Sequence[Any], size: int) -> Iterator[tuple[str, Sequence[Any], Context | None]]:
    """Each page of a long list: ``(pagename, its items, its pagination)``; the first page is
    ``base``, the next ``base/page/2``...  A list that fits one page has no pagination."""
    count = max(1, -(-len(items) // size))
    names = [base, *(f"{base}/page/{number}" for number in range(2, count + 1))]
    for number, pagename in enumerate(names, 1):
        part = items[(number - 1) * size : number * size]
        if count == 1:
            yield pagename, part, None
            continue
        pages = [{"number": index, "pagename": name} for index, name in enumerate(names, 1)]
        previous = names[number - 2] if number > 1 else None
        following = names[number] if number < count else None
        yield pagename, part, dict(number=number, count=count, pages=pages, previous=previous, next=following)


# -- the blog's lists ------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    """One list of posts: its page, heading, the posts, and whether it has a feed."""

    pagename: str
    title: str
    kind: str
    name: str
    posts: tuple[PageEntry, ...]
    feed: bool


OVERVIEWS: tuple[Literal["category", "author"], ...] = ("category", "author")


class BlogListings:
    """The blog's lists: all posts, each category, author, year and month (a page at a time),
    the archive, the categories' and authors' overviews, the drafts.

    They follow ablog's rules (which posts are listed, their order, ablog's URLs
    for categories, authors and years), made from the entries, so the same
    projection of a post is what every list shows and what its fingerprint is made of.
    """

    name = "blog"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        for listing in listings(site):
            yield from list_pages(site, listing)
        yield archive_page(site)
        for kind in OVERVIEWS:
            overview = overview_page(site, kind)
            if overview is not None:
                yield overview
        yield drafts_page(site)


def listings(site: SiteView) -> Iterator[Listing]:
    """Every paginated list of posts of the blog."""
    _ = site.translate
    settings = site.settings
    yield Listing(settings.blog_path, _("All Posts"), "all", "", tuple(site.index.posts), True)
    for kind in ("category", "author"):
        yield from _term_listings(site, kind)
    for year, posts in _by_year(site.index.posts):
        title = _("Year %(year)d") % {"year": year}
        yield Listing(f"{settings.blog_path}/{year}", title, "year", str(year), posts, settings.blog_feed_archives)
        for month, in_month in _by_month(posts):
            title = _("Month %(month)d, %(year)d") % {"year": year, "month": month}
            yield Listing(f"{settings.blog_path}/{year}/{month:02d}", title, "month", title, in_month, False)


def _term_listings(site: SiteView, kind: Literal["category", "author"]) -> Iterator[Listing]:
    _ = site.translate
    header = _("Category") if kind == "category" else _("Author")
    for term in sorted((term for term in site.index.terms[kind].values() if term.posts), key=lambda term: term.name):
        name = site.settings.author_name(term.name) if kind == "author" else term.name
        pagename = site.term_pagename(kind, term)
        yield Listing(pagename, f"{header}: {name}", kind, name, tuple(term.posts), site.settings.blog_feed_archives)


def _by_year(posts: Sequence[PageEntry]) -> Iterator[tuple[int, tuple[PageEntry, ...]]]:
    for year, group in groupby(posts, key=lambda entry: entry.date.year if entry.date else 0):
        yield year, tuple(group)


def _by_month(posts: Sequence[PageEntry]) -> Iterator[tuple[int, tuple[PageEntry, ...]]]:
    for month, group in groupby(posts, key=lambda entry: entry.date.month if entry.date else 0):
        yield month, tuple(group)


def list_pages(site: SiteView, listing: Listing, wiki_pages: Sequence[PageEntry] = ()) -> Iterator[GeneratedPage]:
    """The pages of one list, a page at a time, the feed on the first (and the wiki pages there too)."""
    with_feed = listing.feed and site.settings.blog_baseurl
    feeds = (feed_of(site, listing.pagename, listing.title, listing.posts),) if with_feed else ()
    pins = listing.kind == "all"
    shown = pinned_first(listing.posts) if pins else listing.posts
    for index, (pagename, posts, pagination) in enumerate(paginated(listing.pagename, shown, site.settings.page_size)):
        context = {
            "title": listing.title,
            "kind": listing.kind,
            "name": listing.name,
            "posts": [{**listed_post(site, entry), "pinned": pins and entry.pinned} for entry in posts],
            "pages": [entry_context(entry) for entry in wiki_pages] if index == 0 else [],
            "pagination": pagination,
            "feeds": [feed_links(feed) for feed in feeds],
        }
        yield GeneratedPage(pagename, "jekyll_posts/list.html", context, feeds if index == 0 else ())


def pinned_first(posts: Sequence[PageEntry]) -> tuple[PageEntry, ...]:
    """The list of all posts as Chirpy orders its home page: the pinned posts first, each part
    in the list's own order (its feed keeps that order)."""
    return (*(entry for entry in posts if entry.pinned), *(entry for entry in posts if not entry.pinned))


def feed_of(site: SiteView, folder: str, title: str, posts: Sequence[PageEntry]) -> FeedSpec:
    length = site.settings.blog_feed_length or FEED_LENGTH
    blog_title = site.settings.blog_title
    return FeedSpec(folder, f"{blog_title} - {title}", folder, tuple(posts[:length]))


def feed_links(feed: FeedSpec) -> Context:
    """What a page's ``<head>`` says of its feed."""
    return {"title": feed.title, **{feed_format: feed.path(feed_format) for feed_format in FEED_FORMATS}}


def listed_post(site: SiteView, entry: PageEntry, listed: bool = True) -> Context:
    """What a list of posts shows of one: date, authors, categories, tags and excerpt, with links."""
    shown = entry_context(entry, listed)
    shown["authors"] = linked_terms(site, "author", entry.authors)
    shown["categories"] = linked_terms(site, "category", entry.categories)
    shown["tags"] = linked_terms(site, "tag", entry.tags)
    return shown


def linked_terms(site: SiteView, kind: TaxonomyKind, names: Iterable[str]) -> list[Context]:
    """Each name as its page shows it, linked when there is a page for it."""
    linked = []
    for name in names:
        term = site.index.find(kind, name)
        shown = term.name if term else name
        if kind == "author":
            shown = site.settings.author_name(shown)
        has_page = term is not None and (kind == "tag" or bool(term.posts))
        linked.append({"name": shown, "pagename": site.term_pagename(kind, term) if term and has_page else None})
    return linked


def archive_page(site: SiteView) -> GeneratedPage:
    """Every year and month of the blog, newest first, with their numbers of posts."""
    _ = site.translate
    blog = site.settings.blog_path
    years = [
        {
            "year": year,
            "pagename": f"{blog}/{year}",
            "count": len(posts),
            "months": [
                {"month": month, "pagename": f"{blog}/{year}/{month:02d}", "count": len(in_month)}
                for month, in_month in _by_month(posts)
            ],
        }
        for year, posts in _by_year(site.index.posts)
    ]
    return GeneratedPage(f"{blog}/archive", "jekyll_posts/archive.html", {"title": _("Archives"), "years": years})


def overview_page(site: SiteView, kind: Literal["category", "author"]) -> GeneratedPage | None:
    """Every category (or author) with its number of posts and its newest ones."""
    _ = site.translate
    terms = sorted((term for term in site.index.terms[kind].values() if term.posts), key=lambda term: term.name)
    if not terms:
        return None
    shown = [
        {
            "name": site.settings.author_name(term.name) if kind == "author" else term.name,
            "pagename": site.term_pagename(kind, term),
            "count": len(term.posts),
            "latest": [entry_context(entry) for entry in term.posts[:3]],
        }
        for term in terms
    ]
    title = _("Categories") if kind == "category" else _("Authors")
    context = {"title": title, "terms": shown}
    return GeneratedPage(f"{site.settings.blog_path}/{kind}", "jekyll_posts/overview.html", context)


def drafts_page(site: SiteView) -> GeneratedPage:
    """Posts not listed: unpublished, undated, or dated after tomorrow (ablog's drafts)."""
    _ = site.translate
    listed = {entry.docname for entry in site.index.posts}
    drafts = [entry for entry in site.entries.values() if entry.is_post and entry.docname not in listed]
    context = {
        "title": _("Drafts"),
        "kind": "drafts",
        "name": "",
        "posts": [listed_post(site, entry, listed=False) for entry in sorted(drafts, key=_undated_first)],
        "pages": [],
        "pagination": None,
        "feeds": [],
    }
    return GeneratedPage(f"{site.settings.blog_path}/drafts", "jekyll_posts/list.html", context)


def _undated_first(entry: PageEntry) -> tuple[float, str, str]:
    """ablog's order of drafts: newest first, undated ones before all."""
    return (-(entry.date.timestamp() if entry.date else float("inf")), entry.title, entry.docname)


# -- tags ---------------------------------------------------------------------------


class TagPages:
    """A page per tag (posts newest first, a page at a time, then its wiki pages) with its feed,
    and the all-tags page."""

    name = "tags"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        _ = site.translate
        for term in site.index.terms["tag"].values():
            title = _("Tag: %(tag)s") % {"tag": term.name}
            listing = Listing(site.term_pagename("tag", term), title, "tag", term.name, tuple(term.posts), True)
            yield from list_pages(site, listing, term.pages)
        overview = [
            {"pagename": site.term_pagename("tag", term), "name": term.name, "count": term.count}
            for term in site.index.by_use["tag"]
        ]
        yield GeneratedPage(
            f"{site.settings.blog_path}/tag", "jekyll_posts/tags.html", {"title": _("Tags"), "tags": overview}
        )


# -- series --------------------------------------------------------------------------


class SeriesPages:
    """A page per series, its posts numbered in reading order, and the overview of every series."""

    name = "series"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        _ = site.translate
        every_series = collect_series(site.entries.values(), site.index.cutoff).values()
        blog = site.settings.blog_path
        for series in every_series:
            title = _("Series: %(series)s") % {"series": series.name}
            context = {"title": title, "posts": [entry_context(entry) for entry in series.posts]}
            yield GeneratedPage(series_pagename(blog, series.name), "jekyll_posts/series.html", context)
        if every_series:
            overview = [_series_summary(blog, series) for series in sorted(every_series, key=_newest_part_first)]
            yield GeneratedPage(
                f"{blog}/series", "jekyll_posts/series-overview.html", {"title": _("Series"), "series": overview}
            )


def _series_summary(blog_path: str, series: Series) -> Context:
    return {"name": series.name, "pagename": series_pagename(blog_path, series.name), "count": len(series.posts)}


def _newest_part_first(series: Series) -> tuple[float, str]:
    newest = max((entry.date.timestamp() for entry in series.posts if entry.date), default=0.0)
    return (-newest, series.slug)


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
                context = {"title": entry.title, "target": docname}
                yield GeneratedPage(pagename, "jekyll_posts/redirect.html", context, standalone=True)


def redirect_pagename(url: str) -> str | None:
    """The page name of the file Jekyll wrote for ``url``: ``/2017/10/12/name/`` -> ``2017/10/12/name/index``;
    ``None`` when it was not an HTML page."""
    path = output_path(url).as_posix()
    return path.removesuffix(".html") if path.endswith(".html") else None


#: the kinds this package generates, in the order they are written
PAGE_KINDS: tuple[PageKind, ...] = (BlogListings(), TagPages(), SeriesPages(), Redirects())


def generated_pages(site: SiteView, kinds: Iterable[PageKind] = PAGE_KINDS) -> Iterator[GeneratedPage]:
    for kind in kinds:
        yield from kind.pages(site)
