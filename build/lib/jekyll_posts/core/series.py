"""Series of posts: posts that name one ``series`` in their front matter, read in order.

::

    ---
    title: "LLMの量子化入門 第2回"
    series: LLMの量子化入門
    series_order: 2        # optional
    ---

:func:`collect_series` groups the listed posts by series; a series is
named like a tag: spellings that differ only in case, width or spaces
against hyphens (``LLM入門``, ``llm入門``) are one series, shown in its most
used spelling, and its page is at :func:`series_pagename`
(``blog/series/llm入門``).  :func:`membership` tells a post its place::

    series = collect_series(entries.values(), cutoff)
    place = membership(series, entry)     # None: in no series with a listed post
    place.label                           # "3/5" ("" for a draft)
    place.others                          # the other posts, in series order
    place.series.posts                    # all of them, for the series' page

**Order.**  Posts with a ``series_order`` come first, by that number; then
the posts without one, oldest first (as Hugo orders pages by weight, unset
weights last).  Equal orders go oldest first, then by document name.  So a
series numbered throughout reads in its numbers, one never numbered reads
in date order, and a new post added without a number goes at the end,
where the next part of a series usually goes.

**Drafts** (and posts dated in the future) are not counted: positions and
totals are those of the listed posts, and a draft's own page, where the
draft is shown, gets its series without a position.  Only posts form a
series: a wiki page's place is its toctree's (``parse_post`` reports a
wiki page's ``series`` and leaves it out).

Everything here is plain data made from :class:`~jekyll_posts.core.entries.PageEntry`,
so the glue can fingerprint a post's :class:`Membership` and a series'
page context like any other list, and write them again when they change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from .entries import PageEntry
from .taxonomy import slugify


@dataclass(frozen=True)
class Series:
    """One series: its slug, the name it is shown with, its listed posts in order."""

    slug: str
    name: str
    posts: tuple[PageEntry, ...]


@dataclass(frozen=True)
class Membership:
    """A post's place in its series; ``position`` counts from 1, ``None`` for a draft."""

    docname: str
    series: Series
    position: int | None

    @property
    def label(self) -> str:
        """``3/5``: the post's position and the number of listed posts."""
        return f"{self.position}/{len(self.series.posts)}" if self.position is not None else ""

    @property
    def others(self) -> tuple[PageEntry, ...]:
        """The series' other listed posts, in order."""
        return tuple(post for post in self.series.posts if post.docname != self.docname)


def collect_series(entries: Iterable[PageEntry], cutoff: datetime) -> dict[str, Series]:
    """Every series with a listed post, by slug (sorted), its posts in series order."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[PageEntry]] = defaultdict(list)
    for entry in entries:
        if entry.is_post and entry.series and entry.is_listed(cutoff):
            spellings[slugify(entry.series)][entry.series] += 1
            members[slugify(entry.series)].append(entry)
    return {
        slug: Series(slug, _most_used(spellings[slug]), tuple(sorted(members[slug], key=_reading_order)))
        for slug in sorted(members)
    }


def membership(series: Mapping[str, Series], entry: PageEntry) -> Membership | None:
    """``entry``'s place in its series, or ``None`` when it is in none that has a listed post."""
    found = series.get(slugify(entry.series)) if entry.is_post and entry.series else None
    if found is None:
        return None
    docnames = [post.docname for post in found.posts]
    position = docnames.index(entry.docname) + 1 if entry.docname in docnames else None
    return Membership(entry.docname, found, position)


def series_pagename(blog_path: str, name: str) -> str:
    """Where a series' page is: ``blog/series/llmの量子化入門``."""
    return f"{blog_path}/series/{slugify(name)}"


def _reading_order(entry: PageEntry) -> tuple[int, float, float, str]:
    """Sort key: numbered posts first by number, then the rest; each oldest first, then by name."""
    date = entry.date.timestamp() if entry.date is not None else float("inf")
    if entry.series_order is not None:
        return (0, entry.series_order, date, entry.docname)
    return (1, 0.0, date, entry.docname)


def _most_used(spellings: Counter[str]) -> str:
    """The spelling most posts use; on a tie, the first in code point order."""
    return min(spellings, key=lambda spelling: (-spellings[spelling], spelling))
