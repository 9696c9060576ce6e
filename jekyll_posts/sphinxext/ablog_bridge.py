"""How this package uses ablog: one post node per post, and three fixes.

- Each post gets exactly one ablog ``PostNode``, built from its record (ablog's
  own front matter reader never runs: the front matter is consumed before
  MyST sees it), with the excerpt as text and no tags: tags have their own
  pages, shared with wiki pages.
- ablog's slug function drops dakuten (``ガイド`` and ``カイト`` get one page)
  and symbols (``C++`` and ``C`` too); its module-level ``slugify`` is replaced
  by :func:`jekyll_posts.core.slugify`, so its category and author pages get
  the same URLs that this package links to.
- ablog keys a category by its spelling; spellings of one term (``AI``,
  ``ai``) are merged into the most used one, then ablog's ``Blog`` is made
  afresh from all posts, so it holds the same collections whichever posts a
  build happened to read.
- ablog's previous/next post links are turned off: the theme's own
  previous/next area shows the previous and next posts instead (see
  :mod:`jekyll_posts.sphinxext.pages`), so a post has one pair of them.
- ablog appends its stylesheet folder to ``html_static_path`` in place, which
  grows Sphinx's shared default list with every application in a process
  (and makes a rebuild in that process look like a configuration change);
  it is given a list of its own first.
- ablog keeps a deep copy of every post's doctree in the environment, for
  full-text feeds; unless ``blog_feed_fulltext`` is on it is dropped as soon
  as ablog has read the post (at 10,000 posts it held gigabytes, pickled
  and unpickled on every build).  Its excerpt nodes are copies that still
  point at the whole document (docutils' ``copy`` keeps ``_document``), so
  each pickled excerpt carried its post's doctree too: they are detached.
- ablog keeps its ``Blog`` in class-level state that outlives a build; it is
  reset before each build reads, so builds in one process do not mix.
- ablog declares itself unsafe for parallel reading, because each reading
  process fills its own ``env.ablog_posts``.  What it reads is merged here
  (``env-merge-info``), its labels live in the standard domain, which merges
  its own, and its ``Blog`` is made afresh from all posts once reading ends
  (``env-updated``); so reading runs in parallel under ``-j``.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Any

import ablog.blog
import ablog.post
from docutils import nodes

from ..core import PostRecord, slugify
from .domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


def setup_ablog_bridge(app: Sphinx) -> None:
    ablog.blog.slugify = ablog_slugify
    ablog.post.slugify = ablog_slugify
    app.extensions["ablog"].parallel_read_safe = True  # see merge_ablog_posts
    app.connect("config-inited", own_static_path, priority=400)  # before ablog's handler
    app.connect("config-inited", turn_off_ablog_prev_next)
    app.connect("env-before-read-docs", reset_blog)
    app.connect("doctree-read", slim_ablog_posts, priority=600)  # after ablog's process_posts
    app.connect("env-merge-info", merge_ablog_posts)
    app.connect("env-updated", register_posts)


def ablog_slugify(value: object) -> str:
    """ablog slugs years (numbers) as well as names."""
    return slugify(str(value))


def post_node(record: PostRecord, summary: str) -> ablog.post.PostNode:
    """The ablog post node for ``record``; ``summary`` becomes its excerpt."""
    node = ablog.post.PostNode()
    node["date"] = _naive_local_iso(record) if not record.is_draft else None
    node["title"] = record.title
    node["author"] = list(record.authors)
    node["category"] = list(record.categories)
    node["tags"] = []
    for key in ("location", "language", "redirect", "canonical_link", "external_link"):
        node[key] = []
    node["image"] = None
    node["excerpt"] = None
    node["exclude"] = True
    node["nocomments"] = False
    node += nodes.paragraph(summary, summary)
    return node


def _naive_local_iso(record: PostRecord) -> str | None:
    # ablog compares post dates with a naive "tomorrow": give it the wall-clock
    # time in the site's zone, which is also how the date is shown.
    return record.date.replace(tzinfo=None).isoformat() if record.date else None


def own_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path]


def turn_off_ablog_prev_next(app: Sphinx, config: Config) -> None:
    config.post_show_prev_next = False


def slim_ablog_posts(app: Sphinx, doctree: nodes.document) -> None:
    for info in getattr(app.env, "ablog_posts", {}).get(app.env.docname, []):
        for node in info["excerpt"]:
            _detach_from_document(node)
        if not app.config.blog_feed_fulltext:
            info["doctree"] = None


def _detach_from_document(node: nodes.Node) -> None:
    for descendant in node.findall():
        descendant._document = None


def merge_ablog_posts(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    """Take the posts a parallel reading process found."""
    read: dict[str, list[dict[str, Any]]] = getattr(other, "ablog_posts", {})
    if not hasattr(env, "ablog_posts"):
        env.ablog_posts = {}  # type: ignore[attr-defined]  # ablog's own attribute
    for docname in docnames & read.keys():
        env.ablog_posts[docname] = read[docname]  # type: ignore[attr-defined]


def reset_blog(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    ablog.blog.Blog._dict.clear()


def register_posts(app: Sphinx, env: BuildEnvironment) -> None:
    """Give ablog one spelling per category and author, then all posts at once."""
    index = get_domain(env).index
    for posts in getattr(env, "ablog_posts", {}).values():
        for info in posts:
            info["category"] = [index.display_name("category", name) for name in info["category"]]
            info["author"] = [index.display_name("author", name) for name in info["author"]]
    ablog.blog.Blog._dict.clear()
    ablog.post.register_posts(app)
