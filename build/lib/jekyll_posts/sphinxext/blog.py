"""How the site uses ablog: one post node per post, ablog's internals kept in step.

The workarounds themselves are in :mod:`.compat.ablog`; this wires them to
the build's events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .compat import ablog as ablog_compat
from .config import site_settings_of
from .domain import get_domain
from .state import build_state

if TYPE_CHECKING:
    import ablog.blog
    from sphinx.application import Sphinx


def setup_blog(app: Sphinx) -> None:
    ablog_compat.declare_parallel_read_safe(app)
    app.connect("config-inited", ablog_compat.own_static_path, priority=400)  # before ablog's handler
    app.connect("config-inited", ablog_compat.turn_off_prev_next)
    app.connect("builder-inited", ablog_compat.use_our_slugs)
    app.connect("build-finished", ablog_compat.restore_slugs)
    app.connect("builder-inited", use_site_tomorrow)
    app.connect("build-finished", ablog_compat.restore_tomorrow)
    app.connect("env-before-read-docs", ablog_compat.reset_blog)
    app.connect("build-finished", ablog_compat.reset_blog, priority=900)
    app.connect("builder-inited", ablog_compat.copy_no_post_for_feeds)
    app.connect("doctree-read", ablog_compat.slim_posts, priority=600)  # after ablog's process_posts
    app.connect("env-merge-info", ablog_compat.merge_posts)
    # ablog's own handlers of these events look posts up: registered first, when a page is drawn
    for event in ("missing-reference", "doctree-resolved", "html-page-context"):
        app.connect(event, register_posts_before_ablog, priority=400)


def use_site_tomorrow(app: Sphinx) -> None:
    ablog_compat.use_site_tomorrow(site_settings_of(app.config).zone)


def registered_blog(app: Sphinx) -> ablog.blog.Blog:
    """ablog's ``Blog`` with all posts, each category and author in its most used spelling.

    The posts are registered when a build first needs them, not on every build: a rebuild
    that draws no page (nothing changed) does not register them (2.4 s at 10,000 posts).
    Registered once per build, after reading; in the main process, before ``-j`` forks the
    writers, since the first page is resolved there."""
    state = build_state(app)
    if not state.blog_registered:
        ablog_compat.register_posts(app, get_domain(app.env).index.display_name)
        state.blog_registered = True
    return ablog_compat.blog(app)


def register_posts_before_ablog(app: Sphinx, *args: Any) -> None:
    registered_blog(app)
