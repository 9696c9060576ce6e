"""Everything this package does with ablog's internals, checked against ablog 0.11.13.

ablog gives the site its post model: each post is registered with ablog (one
``PostNode`` per post, built from the post's record), and ablog's ``Blog``
answers the ``postlist`` directive, the sidebar's recent posts, categories
and archives, and each post's previous and next post.  The blog's listing
pages and feeds are made by :mod:`jekyll_posts.core.pages` (ablog's rules).

Each function below works around one ablog behaviour, named in its docstring;
:data:`PATCHES` lists what each relies on, and a test checks that every target
still has that shape, so an ablog upgrade fails one clear test.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import ablog
import ablog.blog
import ablog.post
from docutils import nodes

from ...core import PostRecord, slugify
from ...core.entries import listing_cutoff
from .patches import Patch, file_contains, has_attributes, has_parameters

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

VERSION_CHECKED = "ablog 0.11.13"
INSTALLED_VERSION: str = ablog.__version__
ORIGINAL_SLUGIFY = {module: module.slugify for module in (ablog.blog, ablog.post)}


def use_our_slugs(app: Sphinx) -> None:
    """ablog's module-level ``slugify`` drops dakuten (``ガイド`` and ``カイト`` got one page)
    and symbols (``C++`` and ``C`` too); while a build runs it is :func:`ablog_slugify`,
    so ablog's names match the pages this package makes.  Undone by :func:`restore_slugs`."""
    for module in ORIGINAL_SLUGIFY:
        module.slugify = ablog_slugify


def restore_slugs(app: Sphinx, exception: Exception | None) -> None:
    for module, original in ORIGINAL_SLUGIFY.items():
        module.slugify = original


def ablog_slugify(value: object) -> str:
    """ablog slugs years (numbers) as well as names."""
    return slugify(str(value))


def declare_parallel_read_safe(app: Sphinx) -> None:
    """ablog declares ``parallel_read_safe: False`` because each reading process fills its
    own ``env.ablog_posts``; :func:`merge_posts` merges them, so reading runs in parallel."""
    app.extensions["ablog"].parallel_read_safe = True


def own_static_path(app: Sphinx, config: Config) -> None:
    """ablog appends to ``html_static_path`` in place, growing Sphinx's shared default list
    with every application in a process (a rebuild in that process then looked like a
    configuration change): the list is made the site's own first."""
    config.html_static_path = [*config.html_static_path]


def turn_off_prev_next(app: Sphinx, config: Config) -> None:
    """The theme's own previous/next area shows a post's neighbours; ablog's second pair is off."""
    config.post_show_prev_next = False


def reset_blog(app: Sphinx, *args: object) -> None:
    """ablog keeps its ``Blog`` in class-level state that outlives a build: builds in one
    process would mix posts and settings.  It is emptied before each build reads and
    when it ends, so the next project in the process starts from ablog's own state."""
    ablog.blog.Blog._dict.clear()


def slim_posts(app: Sphinx, doctree: nodes.document) -> None:
    """ablog keeps a deep copy of every post's doctree in the environment, for full-text
    feeds: dropped unless ``blog_feed_fulltext`` is on (at 10,000 posts it held gigabytes).
    Its excerpt, a copy of the post node's paragraph of text (:func:`post_node`), is kept
    as that text: docutils nodes are slow to pickle and unpickle (half the time of loading
    ablog's records).  Other excerpts (a page's own ``{post}``) are copies that still
    point at the whole document (``Node._document``): detached."""
    for info in getattr(app.env, "ablog_posts", {}).get(app.env.docname, []):
        text = _plain_text(info["excerpt"])
        if text is not None:
            info["excerpt"] = text
        else:
            for node in info["excerpt"]:
                for descendant in node.findall():
                    descendant._document = None
        if not app.config.blog_feed_fulltext:
            info["doctree"] = None


def _plain_text(excerpt: list[nodes.Node]) -> str | None:
    """The excerpt's text when it is one paragraph of text and nothing else."""
    plain = len(excerpt) == 1 and isinstance(excerpt[0], nodes.paragraph)
    if plain and all(isinstance(child, nodes.Text) for child in excerpt[0].children):
        text: str = excerpt[0].astext()
        return text
    return None


def _excerpt_nodes(excerpt: str | list[nodes.Node]) -> list[nodes.Node]:
    return [nodes.paragraph(excerpt, excerpt)] if isinstance(excerpt, str) else excerpt


#: the environment's tables :func:`merge_posts` merges one document at a time
MERGED_BY_DOCUMENT = ("ablog_posts",)


def merge_posts(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    """Take the posts a parallel reading process found (ablog has no ``env-merge-info``)."""
    read: dict[str, list[dict[str, Any]]] = getattr(other, "ablog_posts", {})
    posts: dict[str, list[dict[str, Any]]] = env.__dict__.setdefault("ablog_posts", {})
    for docname in docnames & read.keys():
        posts[docname] = read[docname]


def register_posts(app: Sphinx, names: Any) -> None:
    """All posts at once, as ablog's ``register_posts`` does, each with one spelling per
    category and author (``names(kind, name)``) and its excerpt as nodes again
    (:func:`slim_posts`): its ``Blog`` is made afresh from all of them, whichever a build
    read.  ablog gets copies; the environment keeps the records as they were read."""
    ablog.blog.Blog._dict.clear()
    blog = ablog.blog.Blog(app)
    for docname, posts in getattr(app.env, "ablog_posts", {}).items():
        for info in posts:
            category = [names("category", name) for name in info["category"]]
            author = [names("author", name) for name in info["author"]]
            excerpt = _excerpt_nodes(info["excerpt"])
            blog.register(docname, {**info, "category": category, "author": author, "excerpt": excerpt})


def copy_no_post_for_feeds(app: Sphinx) -> None:
    """ablog's ``process_posts`` deep-copies each post's whole doctree for full-text feeds
    (1.2 ms a post: 12 s of CPU at 10,000 posts), which :func:`slim_posts` then drops.
    Unless ``blog_feed_fulltext`` is on, its handler is swapped in place (its order kept)
    for one during which copying the document gives an empty element."""
    if app.config.blog_feed_fulltext:
        return
    listeners = app.events.listeners["doctree-read"]
    for index, listener in enumerate(listeners):
        if listener.handler is ablog.post.process_posts:
            listeners[index] = listener._replace(handler=_process_posts_copying_nothing)


def _process_posts_copying_nothing(app: Sphinx, doctree: nodes.document) -> None:
    doctree.deepcopy = _no_copy
    try:
        ablog.post.process_posts(app, doctree)
    finally:
        del doctree.deepcopy


def _no_copy() -> nodes.Element:
    return nodes.Element()


def take_over_listings(app: Sphinx) -> None:
    """ablog writes every archive page and feed on each build; they are made by
    :mod:`jekyll_posts.core.pages` instead, and written when what they show changed."""
    theirs = {ablog.post.generate_archive_pages, ablog.post.generate_atom_feeds}
    for listener in list(app.events.listeners["html-collect-pages"]):
        if listener.handler in theirs:
            app.disconnect(listener.id)


def post_node(record: PostRecord, summary: str) -> ablog.post.PostNode:
    """The ablog post node for ``record`` (ablog's own front matter reader never runs);
    ``summary`` is its excerpt, as text.  No tags: tags have their own pages."""
    node = ablog.post.PostNode()
    # ablog compares post dates with a naive "tomorrow": it gets the wall-clock time in
    # the site's zone, which is also how the date is shown
    node["date"] = record.date.replace(tzinfo=None).isoformat() if record.date and not record.is_draft else None
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


ORIGINAL_TOMORROW: datetime = ablog.blog.TOMORROW


def use_site_tomorrow(zone: ZoneInfo) -> None:
    """ablog lists posts dated before its ``TOMORROW``: midnight after the day ablog was
    imported, on the machine's clock.  Post dates reach ablog as the site's wall clock, so
    a post written at 01:00 in Tokyo was a draft on a UTC machine until 09:00.  While a
    build runs, ``TOMORROW`` is the next midnight in the site's zone.  Undone by
    :func:`restore_tomorrow`."""
    ablog.blog.TOMORROW = listing_cutoff(zone).replace(tzinfo=None)


def restore_tomorrow(app: Sphinx, exception: Exception | None) -> None:
    ablog.blog.TOMORROW = ORIGINAL_TOMORROW


def ablog_tomorrow(zone: ZoneInfo) -> datetime:
    """Posts dated before this are listed by ablog (see :func:`use_site_tomorrow`)."""
    tomorrow: datetime = ablog.blog.TOMORROW
    return tomorrow.replace(tzinfo=zone)


def has_postlist(document: nodes.document) -> bool:
    return next(document.findall(ablog.post.PostList), None) is not None


def builder_support(app: Sphinx) -> bool:
    """Whether ablog works with this builder (HTML, not pickle or JSON)."""
    return bool(ablog.builder_support(app))


def blog(app: Sphinx) -> ablog.blog.Blog:
    return ablog.blog.Blog(app)


def anchor(post: ablog.blog.Post) -> str:
    """The fragment of a post's link (ablog's posts can be sections of a page)."""
    return str(ablog.anchor(post))


def neighbours(blog: ablog.blog.Blog) -> Iterator[tuple[str, tuple[str, str] | None, tuple[str, str] | None]]:
    """Each listed post with its previous and next post, ``(docname, title)``, as ablog links them."""
    for post in blog.posts:
        before, after = post.prev, post.next
        yield (
            post.docname,
            (before.docname, before.title) if before is not None else None,
            (after.docname, after.title) if after is not None else None,
        )


def _check_process_posts() -> None:
    has_parameters(ablog.post.process_posts, "app", "doctree")()
    source = Path(ablog.post.__file__)
    file_contains(source, "section = doctree", "section_copy = section.deepcopy()", '"doctree": section_copy')()


def _check_post_node() -> None:
    node = ablog.post.PostNode()
    assert isinstance(node, nodes.Element)


PATCHES = (
    Patch("ablog slugify replaced while building", VERSION_CHECKED, has_attributes(ablog.blog, "slugify")),
    Patch("ablog.post.slugify replaced while building", VERSION_CHECKED, has_attributes(ablog.post, "slugify")),
    Patch("ablog's Blog shares class-level state", VERSION_CHECKED, has_attributes(ablog.blog.Blog, "_dict")),
    Patch("ablog's TOMORROW decides drafts", VERSION_CHECKED, has_attributes(ablog.blog, "TOMORROW")),
    Patch(
        "ablog's page generators are replaced",
        VERSION_CHECKED,
        has_attributes(ablog.post, "generate_archive_pages", "generate_atom_feeds", "PostList"),
    ),
    Patch(
        "ablog's Blog.register(docname, info)",
        VERSION_CHECKED,
        has_parameters(ablog.blog.Blog.register, "docname", "info"),
    ),
    Patch("ablog's post node", VERSION_CHECKED, _check_post_node),
    Patch("ablog's process_posts copies the post's document", VERSION_CHECKED, _check_process_posts),
    Patch(
        "ablog's posts link their neighbours",
        VERSION_CHECKED,
        has_attributes(ablog.blog.Post, "prev", "next"),
    ),
    Patch("ablog decides its builders", VERSION_CHECKED, has_attributes(ablog, "builder_support", "anchor")),
)
