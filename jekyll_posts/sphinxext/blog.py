"""How the site uses ablog: one post node per post, ablog's internals kept in step.

The workarounds themselves are in :mod:`.compat.ablog`; this wires them to
the build's events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .compat import ablog as ablog_compat
from .config import site_settings_of
from .domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


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
    app.connect("doctree-read", ablog_compat.slim_posts, priority=600)  # after ablog's process_posts
    app.connect("env-merge-info", ablog_compat.merge_posts)
    app.connect("env-updated", register_posts)


def use_site_tomorrow(app: Sphinx) -> None:
    ablog_compat.use_site_tomorrow(site_settings_of(app.config).zone)


def register_posts(app: Sphinx, env: BuildEnvironment) -> None:
    """All posts to ablog at once, each category and author in its most used spelling."""
    ablog_compat.register_posts(app, get_domain(env).index.display_name)
