"""Which pages to write again when other pages change.

Sphinx writes a page again when its own source changed.  A page here also
shows things of other pages, and only those pages are written again when
such a thing changes:

- every page: the navigation in its sidebar (the titles and headings of
  the pages in the site's toctrees: wiki pages, never posts);
- a post: its previous and next posts (their titles and links);
- a page with links to tag, category or author pages (every post's header):
  whether each of those pages exists (a term has a page while a listed page
  has it);
- a page with an ablog ``postlist``: whatever the blog lists;
- a page with other cross-references: which documents and labels exist
  and, where a reference shows its target's title, the titles;
- every page: its related pages, their titles, dates and excerpts
  (:mod:`.related`);
- a page other pages link to: those pages, their titles and dates
  (:mod:`.backlinks`);
- a post in a series: the series' name, its parts' titles and order
  (:mod:`.series`).

After reading, each page's view of other pages is fingerprinted
(:func:`shown_digest`) and compared with the one it was last written with.
The generated pages and feeds (:mod:`.generated`) and the sidebar blocks
(:mod:`.sidebar`) keep their own fingerprints; so editing one post's tags
writes that post, its tags' pages and the sidebar blocks, not the site.
"""

from __future__ import annotations

import functools
from itertools import chain
from typing import TYPE_CHECKING

from ..core.digest import fingerprint
from . import compat
from .backlinks import backlinks_of
from .blog import registered_blog
from .compat import ablog as ablog_compat
from .domain import JekyllDomain, get_domain
from .related import shown_of_related
from .series import place_in_series, shown_of_series
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: the previous and next posts: (docname, title) of each, or None
Neighbours = tuple[tuple[str, str] | None, tuple[str, str] | None]


def setup_dependencies(app: Sphinx) -> None:
    app.connect("env-get-updated", pages_showing_changes)


def pages_showing_changes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose :func:`shown_digest` changed.  With no document read or removed, the
    same listing cutoff (the day) and the same configuration, none did: nothing is
    fingerprinted (2.6 s of a 10,000-post no-change rebuild)."""
    domain = get_domain(env)
    state = build_state(app)
    inputs = fingerprint((domain.cutoff.isoformat(), configuration(app)))
    if not state.read_documents and not state.removed_documents and domain.shown_inputs == inputs:
        state.shown_unchanged = True
        return []
    domain.shown_inputs = inputs
    navigation = navigation_digest(app)
    neighbours = post_neighbours(app)
    documents = Documents(env)
    outdated = []
    for docname in sorted(env.found_docs):
        series = shown_of_series(place_in_series(app, docname))
        around = (
            navigation,
            neighbours.get(docname),
            shown_of_related(app, docname),
            backlinks_of(app, docname),
            series,
        )
        digest = shown_digest(domain, docname, around, documents)
        if domain.shown.get(docname) != digest:
            domain.shown[docname] = digest
            outdated.append(docname)
    return outdated


def configuration(app: Sphinx) -> str:
    """The configuration's hash as it was before any page was written: the themes' handlers
    of ``html-page-context`` add to ``html_theme_options`` when they draw the first page, so
    a hash taken later depends on whether a page was drawn before."""
    state = build_state(app)
    if state.configuration is None:
        state.configuration = compat.sphinx.configuration_hash(app)
    return state.configuration


def navigation_digest(app: Sphinx) -> str:
    """A fingerprint of the navigation every page shows: the toctrees, their pages' headings."""
    env = app.env
    in_navigation = sorted({app.config.root_doc, *chain.from_iterable(env.toctree_includes.values())})
    headings = [(docname, env.tocs[docname].astext()) for docname in in_navigation if docname in env.tocs]
    shown = (sorted(env.toctree_includes.items()), headings)
    return fingerprint(shown)


def post_neighbours(app: Sphinx) -> dict[str, Neighbours]:
    """The previous and next posts of each listed post, as ablog links them."""
    return {docname: (before, after) for docname, before, after in ablog_compat.neighbours(registered_blog(app))}


class Documents:
    """Fingerprints of the documents and labels that cross-references can point at."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env

    @functools.cached_property
    def names(self) -> str:
        std = self.env.domains.standard_domain.data
        old_urls = sorted((docname, entry.old_urls) for docname, entry in get_domain(self.env).pages.items())
        shown = (sorted(self.env.found_docs), sorted(std["anonlabels"].items()), old_urls)
        return fingerprint(shown)

    @functools.cached_property
    def titles(self) -> str:
        titles = sorted((docname, title.astext()) for docname, title in self.env.titles.items())
        shown = (self.names, titles, sorted(self.env.domains.standard_domain.data["labels"].items()))
        return fingerprint(shown)


def shown_digest(domain: JekyllDomain, docname: str, around: object, documents: Documents) -> str:
    """A fingerprint of what ``docname`` shows of other pages; ``around``: its navigation, neighbours,
    related pages, backlinks and series."""
    shown: list[object] = [around]
    references = domain.references.get(docname)
    if references is not None:
        if references.has_postlist:  # the posts listed, and which are listed (due by then)
            shown.extend((domain.listing_digest, domain.cutoff.isoformat()))
        if references.shows_titles:
            shown.append(documents.titles)
        elif references.links_documents:
            shown.append(documents.names)
        shown.extend(domain.page_of(kind, name) for kind, name in references.terms)
    return fingerprint(shown)
