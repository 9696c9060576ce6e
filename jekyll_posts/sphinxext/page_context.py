"""What every page's template gets from this package.

- ``<meta name="description">`` from the page's excerpt;
- a post's previous and next posts in time, as ablog links them, in the
  theme's own previous/next area (ablog's second pair is turned off);
- ``jekyll_tags_page``: the all-tags page, for the sidebar's links;
- ``jekyll_feeds``: the feeds the page's ``<head>`` names: the whole blog's on
  every page, and a list page's own (ablog's one Atom link is left out);
- ``jekyll_absolute_url(docname)``: a page's URL on the site, when ``html_baseurl``
  gives the site's address (an old URL's canonical link: absolute, as Sphinx's own);
- ``jekyll_title_text``: the page title's text for ``<title>``, its ideographic spaces kept
  (Jinja's ``striptags`` collapses them with the rest of Python's white space).
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from ..core.japanese import collapse_white_space
from ..core.pages import FEED_FORMATS
from .blog import registered_blog
from .domain import get_domain

_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.S)

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def setup_page_context(app: Sphinx) -> None:
    # the context must be ready before the theme renders its sidebars, at the default priority
    app.connect("html-page-context", add_page_context, priority=400)
    # once every title is HTML: ablog gives its pages' titles as text, escaped at 900 (escaping.py)
    app.connect("html-page-context", add_title_text, priority=950)


def add_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    entry = get_domain(app.env).pages.get(pagename)
    if entry is not None and entry.summary:
        description = f'<meta name="description" content="{escape(entry.summary)}">\n'
        context["metatags"] = context.get("metatags", "") + description
    if entry is not None and entry.noindex:
        context["metatags"] = context.get("metatags", "") + '<meta name="robots" content="noindex">\n'
    if entry is not None and entry.is_post and not entry.draft:
        _post_neighbours(app, pagename, context)
    context["jekyll_tags_page"] = f"{app.config.blog_path}/tag"
    context["jekyll_feeds"] = _feeds(app, context)
    context["feed_path"] = ""  # ablog's own feed link: the feeds above name it
    if app.config.html_baseurl:
        context["jekyll_absolute_url"] = functools.partial(absolute_url, app)


def add_title_text(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if isinstance(context.get("title"), str):
        context["jekyll_title_text"] = title_text(context["title"])


def title_text(title: str) -> str:
    """The text of a title given as HTML (``A &amp; <em>B</em>``): tags and comments out,
    entities read, white space collapsed as a browser does."""
    return collapse_white_space(html.unescape(_TAG_OR_COMMENT.sub("", title)))


def absolute_url(app: Sphinx, docname: str) -> str:
    return posixpath.join(app.config.html_baseurl, app.builder.get_target_uri(docname))


def _feeds(app: Sphinx, context: dict[str, Any]) -> list[dict[str, str]]:
    if not app.config.blog_baseurl:
        return []
    blog = app.config.blog_path
    site = {"title": str(app.config.blog_title), **{name: f"{blog}/{file}" for name, file in FEED_FORMATS.items()}}
    own = [feed for feed in context.get("feeds", []) if feed["atom"] != site["atom"]]
    return [site, *own]


def _post_neighbours(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    post = registered_blog(app).posts[pagename]
    if post is None:
        return
    pathto = context["pathto"]
    for key, neighbour in (("prev", post.prev), ("next", post.next)):
        if neighbour is not None:
            context[key] = {"link": pathto(neighbour.docname), "title": escape(neighbour.title)}
        else:
            context.pop(key, None)
