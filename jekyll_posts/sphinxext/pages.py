"""What the HTML builder adds: tag pages, tag feeds, and per-page context.

- One page per tag at ``<blog_path>/tag/<slug>`` listing every listed page
  with the tag (posts newest first, then wiki pages), and the all-tags page
  at ``<blog_path>/tag`` (ablog's ``{ref}`blog-tags``` points there).  ablog
  gets no tags, so it makes no second page for a tag.
- An Atom feed per tag at ``<blog_path>/tag/<slug>/atom.xml`` when
  ``blog_baseurl`` is set, as ablog does for categories.
- Every page: ``<meta name="description">`` from the excerpt; a post's
  previous/next links are the previous/next posts in time, shown by the
  theme's own prev/next area.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import ablog
from feedgen.feed import FeedGenerator
from markupsafe import escape
from sphinx.locale import get_translation

from ..core import format_date_ja
from .domain import PageEntry, Term, get_domain, taxonomy_pagename

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

_ = get_translation("sphinx")

TAG_CLOUD_SIZE = 30


def setup_pages(app: Sphinx) -> None:
    """(:func:`tag_pages` and :func:`write_tag_feed` run from :mod:`jekyll_posts.sphinxext.listings`.)"""
    # the context must be ready before the theme renders its sidebars, at the default priority
    app.connect("html-page-context", add_page_context, priority=400)


def tag_terms(app: Sphinx) -> Iterator[tuple[Term, str]]:
    """Each tag with the pagename of its page (unless a document has that URL)."""
    for term in get_domain(app.env).index.terms["tag"].values():
        pagename = taxonomy_pagename(app.config.blog_path, "tag", term.name)
        if pagename not in app.env.found_docs:  # else warned by jekyll_posts.sphinxext.urls
            yield term, pagename


def tag_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each tag's page and the all-tags page (the feeds: :func:`write_tag_feed`)."""
    blog_path = app.config.blog_path
    for term, pagename in tag_terms(app):
        yield pagename, _tag_context(app, term, pagename), "jekyll_posts/tag.html"
    overview = [
        {"pagename": taxonomy_pagename(blog_path, "tag", term.name), "name": term.name, "count": term.count}
        for term in get_domain(app.env).index.by_use["tag"]
    ]
    if f"{blog_path}/tag" not in app.env.found_docs:
        yield f"{blog_path}/tag", {"title": _("Tags"), "tags": overview}, "jekyll_posts/tags.html"


def _tag_context(app: Sphinx, term: Term, pagename: str) -> dict[str, Any]:
    return {
        "title": _("Tag: %(tag)s") % {"tag": term.name},
        "tag": term.name,
        "posts": [_entry_context(entry) for entry in term.posts],
        "pages": [_entry_context(entry) for entry in term.pages],
        "tag_feed": f"{pagename}/atom.xml" if app.config.blog_baseurl else "",
    }


def _entry_context(entry: PageEntry) -> dict[str, str]:
    return {
        "docname": entry.docname,
        "title": entry.title,
        "date": format_date_ja(entry.date) if entry.date else "",
        "summary": entry.summary,
    }


def write_tag_feed(app: Sphinx, term: Term, pagename: str) -> None:
    base_url = app.config.blog_baseurl.rstrip("/") + "/"
    feed_url = f"{base_url}{pagename}/atom.xml"
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(f"{app.config.blog_title} - {_('Tag: %(tag)s') % {'tag': term.name}}")
    feed.link(href=base_url)
    feed.link(href=feed_url, rel="self")
    feed.language(app.config.language)
    for entry in term.posts[: app.config.blog_feed_length or None]:
        url = base_url + app.builder.get_target_uri(entry.docname)
        item = feed.add_entry(order="append")
        item.id(url)
        item.link(href=url)
        item.title(entry.title)
        for name in entry.authors:
            item.author({"name": name})
        if entry.summary:
            item.summary(entry.summary)
        if entry.date:
            item.published(entry.date)
            item.updated(entry.date)
    path = os.path.join(app.builder.outdir, pagename, "atom.xml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    feed.atom_file(path, pretty=True)


def add_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    domain = get_domain(app.env)
    entry = domain.pages.get(pagename)
    if entry is not None and entry.summary:
        description = f'<meta name="description" content="{escape(entry.summary)}">\n'
        context["metatags"] = context.get("metatags", "") + description
    if entry is not None and entry.is_post and not entry.draft:
        _post_neighbours(app, pagename, context)
    context["jekyll_tags_page"] = f"{app.config.blog_path}/tag"


def _post_neighbours(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    post = ablog.blog.Blog(app).posts[pagename]
    if post is None:
        return
    pathto = context["pathto"]
    for key, neighbour in (("prev", post.prev), ("next", post.next)):
        if neighbour is not None:
            context[key] = {"link": pathto(neighbour.docname), "title": escape(neighbour.title)}
        else:
            context.pop(key, None)


def tag_cloud(app: Sphinx) -> list[dict[str, Any]]:
    """The most used tags, by name, for the sidebar (see :mod:`jekyll_posts.sphinxext.sidebar`)."""
    top = get_domain(app.env).index.by_use["tag"][:TAG_CLOUD_SIZE]
    return [
        {"pagename": f"{app.config.blog_path}/tag/{term.slug}", "name": term.name, "count": term.count}
        for term in sorted(top, key=lambda term: term.name)
    ]
