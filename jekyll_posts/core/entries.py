"""What other pages show of a document, and which pages list which.

:class:`PageEntry` is the one projection of a document that lists, feeds,
the sidebar, search and the incremental build's fingerprints use: a field
added here (and filled in :meth:`PageEntry.of_record`) reaches every one of
them.  :class:`TaxonomyIndex` groups the listed entries by tag, category and
author; a term's spellings (``AI``, ``ai``) share one :class:`Term`, named by
its most used spelling.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from .digest import fingerprint
from .post import PostRecord
from .taxonomy import slugify

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
    #: the document's URLs on the Jekyll site it came from, where old links point
    old_urls: tuple[str, ...] = ()
    #: the series a post is part of, and its place there (:mod:`jekyll_posts.core.series`)
    series: str | None = None
    series_order: float | None = None
    #: a post listed first among all posts (``pin: true``)
    pinned: bool = False
    #: a page search engines are asked to leave out (``noindex: true``, ``sitemap: false``)
    noindex: bool = False

    @classmethod
    def of_record(
        cls,
        docname: str,
        record: PostRecord,
        summary: str,
        body_tags: Iterable[str] = (),
        default_authors: tuple[str, ...] = (),
        old_urls: tuple[str, ...] = (),
    ) -> PageEntry:
        """The entry of a document with front matter; ``body_tags``: its ``{tags}`` directives'
        tags; ``default_authors``: those of a published post that names none (ablog's
        ``blog_default_author``)."""
        authors = record.authors or (default_authors if record.is_post and not record.is_draft else ())
        return cls(
            docname=docname,
            title=record.title,
            is_post=record.is_post,
            date=record.date,
            draft=record.is_draft,
            tags=tuple(dict.fromkeys((*record.tags, *body_tags))),
            categories=record.categories,
            authors=authors,
            summary=summary,
            old_urls=old_urls,
            series=record.series,
            series_order=record.series_order,
            pinned=record.pinned and record.is_post,
            noindex=record.noindex,
        )

    @classmethod
    def of_page(cls, docname: str, title: str, tags: Iterable[str], summary: str) -> PageEntry:
        """The entry of a wiki page without front matter that has ``{tags}``."""
        return cls(docname, title, False, None, False, tuple(tags), (), (), summary)

    def terms(self, kind: TaxonomyKind) -> tuple[str, ...]:
        return {"tag": self.tags, "category": self.categories, "author": self.authors}[kind]

    def is_listed(self, cutoff: datetime) -> bool:
        """Shown in lists: wiki pages, and posts that are published and dated before ``cutoff``."""
        if not self.is_post:
            return True
        return not self.draft and self.date is not None and self.date < cutoff


def listing_cutoff(zone: ZoneInfo, today: datetime | None = None) -> datetime:
    """Posts dated before this are listed: ablog's rule (before tomorrow), in the site's zone."""
    day = (today or datetime.now(zone)).date() + timedelta(days=1)
    return datetime.combine(day, time(), tzinfo=zone)


def newest_first(entry: PageEntry) -> tuple[float, str, str]:
    """Sort key: newest first, then by title and name, as ablog orders its lists."""
    return (-(entry.date.timestamp() if entry.date else 0.0), entry.title, entry.docname)


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
    """Every term of each kind, with the pages listed under it, and the listed posts.

    Posts come newest first, wiki pages by title.
    """

    def __init__(self, entries: Iterable[PageEntry], cutoff: datetime) -> None:
        #: posts dated before this are listed
        self.cutoff = cutoff
        listed = [entry for entry in entries if entry.is_listed(cutoff)]
        #: listed posts, newest first
        self.posts = sorted((entry for entry in listed if entry.is_post), key=newest_first)
        self.terms: dict[TaxonomyKind, dict[str, Term]] = {
            kind: _collect_terms(kind, listed) for kind in TAXONOMY_KINDS
        }
        #: the terms of each kind, most used first
        self.by_use = {kind: sorted(terms.values(), key=_most_used_first) for kind, terms in self.terms.items()}
        #: the years of listed posts, newest first
        self.years = sorted({entry.date.year for entry in self.posts if entry.date is not None}, reverse=True)

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
        posts = sorted((e for e in members[slug] if e.is_post), key=newest_first)
        pages = sorted((e for e in members[slug] if not e.is_post), key=lambda e: (e.title, e.docname))
        terms[slug] = Term(slug, name, posts, pages)
    return terms


def _most_used_first(term: Term) -> tuple[int, str]:
    return (-term.count, term.name)


def listing_digest(entries: Iterable[PageEntry]) -> str:
    """A fingerprint of everything pages show about other pages."""
    return fingerprint(sorted(entries, key=lambda entry: entry.docname))
