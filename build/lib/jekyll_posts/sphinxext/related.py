"""「関連するページ」: each page ends with up to five related posts and wiki pages.

They are ranked by :mod:`jekyll_posts.core.related` from shared tags and
categories and from the search terms of the pages' text.  Every page's list
is needed before the first page is written, so once the documents are read
(when :mod:`.dependencies` first asks, on ``env-get-updated``):

- the search terms of the documents read in this build have been made from
  their doctrees (:func:`.search.note_documents_read`);
- the related index kept from the last build is brought up to date with
  every document's input, and the lists of the pages it names are made
  again (a build that read nothing, removed nothing and lists the same posts
  only reads the lists);
- each page's list is part of what it shows of other pages, so a page is
  written again exactly when its list (or a listed page's title, date or
  excerpt) changed.

The lists and the index are kept in the build's store
(:class:`.state.Store`), saved when a build succeeds.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from ..core import format_date_ja
from ..core.digest import fingerprint
from ..core.entries import PageEntry
from ..core.related import RelatedIndex, RelatedInput, related_input, terms_of_input
from ..core.search import FIELDS
from .domain import get_domain
from .page_parts import RELATED, append_list_box, is_written_page, page_title
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation("sphinx")

LISTS = "related-lists.pickle"
INDEX = "related-index.pickle"


@dataclass
class RelatedLists:
    """Each document's related pages, and what is kept of them for the next build."""

    lists: dict[str, tuple[str, ...]]
    #: a fingerprint of which documents are listed: when it changes, every list may
    listing: str
    #: the index, when it was brought up to date in this build (to be saved)
    index: RelatedIndex | None = None
    #: what a list shows of each page listed so far in this build (:func:`_shown`)
    shown: dict[str, tuple[str, str, str]] = dataclasses.field(default_factory=dict)


def setup_related(app: Sphinx) -> None:
    app.connect("doctree-resolved", add_related)
    app.connect("build-finished", save_related)


def related_to(app: Sphinx, docname: str) -> tuple[str, ...]:
    """The documents related to ``docname``, best first (none for the home page, which lists the blog)."""
    if docname == app.config.root_doc:
        return ()
    state = build_state(app)
    if state.related is None:
        state.related = _bring_up_to_date(app)
    return state.related.lists.get(docname, ())


def shown_of_related(app: Sphinx, docname: str) -> list[tuple[str, str, str]]:
    """What ``docname``'s list shows of each related page, for its fingerprint."""
    return [_shown(app, related) for related in related_to(app, docname)]


def _shown(app: Sphinx, docname: str) -> tuple[str, str, str]:
    """A listed page's title, date and excerpt, worked out once a build (each page is in about
    five lists; the documents are all read by the time lists are made)."""
    related = build_state(app).related
    assert related is not None
    shown = related.shown.get(docname)
    if shown is None:
        shown = related.shown[docname] = _shown_afresh(app, docname)
    return shown


def _bring_up_to_date(app: Sphinx) -> RelatedLists:
    state = build_state(app)
    if state.search is None:  # a builder without search: no terms, no lists
        return RelatedLists({}, "")
    env = app.env
    domain = get_domain(env)
    cutoff = domain.cutoff
    listing = fingerprint(sorted((docname, entry.is_listed(cutoff)) for docname, entry in domain.pages.items()))
    store = state.store(app)
    kept = store.read_pickle(LISTS)
    read = state.read_documents & env.found_docs
    if kept is not None and kept[0] == listing and not read and not state.removed_documents:
        return RelatedLists(kept[1], listing)
    index = store.read_pickle(INDEX) if kept is not None else None
    if not isinstance(index, RelatedIndex):
        index = None
    inputs = [_input(app, docname, _terms(app, docname, index), cutoff) for docname in sorted(env.found_docs)]
    if index is not None:
        touched = index.update(inputs)
        lists = {docname: names for docname, names in kept[1].items() if docname in env.found_docs}
    else:
        index = RelatedIndex.build(inputs)
        touched, lists = set(env.found_docs), {}
    for docname in touched:
        lists[docname] = tuple(related.docname for related in index.related(docname))
    return RelatedLists(lists, listing, index)


def _terms(app: Sphinx, docname: str, index: RelatedIndex | None) -> tuple[str, ...]:
    """A document's search terms: as the related index kept them when it was not read in this
    build (reading every page's from the search store took seconds at 10,000 posts)."""
    state = build_state(app)
    kept = index.input_of(docname) if index is not None and docname not in state.read_documents else None
    if kept is not None:
        return terms_of_input(kept)
    assert state.search is not None
    indexed = state.search.page(docname)
    return indexed.terms if indexed else ("",) * len(FIELDS)


def _input(app: Sphinx, docname: str, terms: tuple[str, ...], cutoff: datetime) -> RelatedInput:
    """A document's input: its entry (a wiki page without front matter: its title) and search terms."""
    entry = get_domain(app.env).pages.get(docname) or PageEntry.of_page(docname, page_title(app.env, docname), (), "")
    made = related_input(entry, terms, cutoff)
    return dataclasses.replace(made, listed=False) if docname == app.config.root_doc else made


def save_related(app: Sphinx, exception: Exception | None) -> None:
    related = build_state(app).related
    if exception is None and related is not None and related.index is not None:
        store = build_state(app).store(app)
        store.write_pickle(LISTS, (related.listing, related.lists))
        store.write_pickle(INDEX, related.index)


def add_related(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_written_page(app, doctree):
        return
    related = related_to(app, docname)
    if not related:
        return
    items = []
    for other in related:
        title, date, summary = _shown(app, other)
        item = nodes.list_item()
        heading = nodes.paragraph(classes=["jekyll-related-title"])
        heading += nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, other))
        if date:
            heading += nodes.inline("", date, classes=["jekyll-related-date"])
        item += heading
        if summary:
            item += nodes.paragraph("", summary, classes=["jekyll-related-summary"])
        items.append(item)
    append_list_box(doctree, RELATED, _("Related pages"), items)


def _shown_afresh(app: Sphinx, docname: str) -> tuple[str, str, str]:
    entry = get_domain(app.env).pages.get(docname)
    if entry is None:
        return page_title(app.env, docname), "", ""
    date = format_date_ja(entry.date) if entry.is_post and entry.date is not None else ""
    return entry.title, date, entry.summary
