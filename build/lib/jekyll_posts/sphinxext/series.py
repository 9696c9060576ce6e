"""A post in a series shows 「連載: <name> (3/5)」 under its header, with every part in order.

The series are made from every document's entry once the documents are read
(:mod:`jekyll_posts.core.series`); a series' own page is a generated page
(:class:`~jekyll_posts.core.pages.SeriesPages`).  A post's place in its
series is part of what it shows of other pages (:mod:`.dependencies`): a
part added, removed, retitled or moved rewrites the posts of that series.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation

from ..core.series import Membership, Series, collect_series, membership, series_pagename
from .domain import get_domain
from .page_parts import POST_HEADER, SERIES, is_written_page
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation("sphinx")


def setup_series(app: Sphinx) -> None:
    app.connect("env-updated", forget_series)
    app.connect("doctree-resolved", add_series_box)


def forget_series(app: Sphinx, env: Any) -> None:
    """The documents have been read: the series are made again when next needed."""
    build_state(app).series = None


def place_in_series(app: Sphinx, docname: str) -> Membership | None:
    """``docname``'s place in its series, if it is a post of one."""
    state = build_state(app)
    domain = get_domain(app.env)
    if state.series is None:
        state.series = collect_series(domain.pages.values(), domain.cutoff)
    entry = domain.pages.get(docname)
    return membership(state.series, entry) if entry is not None else None


def shown_of_series(place: Membership | None) -> object:
    """What a post shows of its series, for its fingerprint."""
    if place is None:
        return None
    return (place.series.name, place.label, [(post.docname, post.title) for post in place.series.posts])


def add_series_box(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_written_page(app, doctree):
        return
    place = place_in_series(app, docname)
    if place is None:
        return
    box = series_box(app, docname, place)
    header = doctree.next_node(lambda node: isinstance(node, nodes.container) and POST_HEADER in node["classes"])
    if header is not None:
        header.parent.insert(header.parent.index(header) + 1, box)
    else:
        doctree.insert(0, box)


def series_box(app: Sphinx, docname: str, place: Membership) -> nodes.container:
    """The series' name linked to its page, the post's place, and every part in order."""
    series: Series = place.series
    box = nodes.container(classes=[SERIES])
    heading = nodes.paragraph(classes=["jekyll-series-heading"])
    series_page = series_pagename(get_domain(app.env).settings.blog_path, series.name)
    heading += nodes.Text(_("Series") + ": ")
    heading += nodes.reference(
        "", series.name, internal=True, refuri=app.builder.get_relative_uri(docname, series_page)
    )
    if place.label:
        heading += nodes.Text(f" ({place.label})")
    box += heading
    parts = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for post in series.posts:
        item = nodes.paragraph()
        if post.docname == docname:
            item += nodes.strong("", post.title)
        else:
            item += nodes.reference(
                "", post.title, internal=True, refuri=app.builder.get_relative_uri(docname, post.docname)
            )
        parts += nodes.list_item("", item, classes=["jekyll-series-current"] if post.docname == docname else [])
    box += parts
    return box
