"""The blog's sidebar blocks, rendered once per build and shared by every page.

Recent posts, categories, tags with their counts and archives change whenever
one post's title, date or taxonomy does.  Rendered into each page, they made
every page depend on every post: one changed tag rewrote the whole site.
Here they are rendered once, into ``_static/jekyll_blog_sidebar_data.js``
(written only when it changes).  A page's sidebar holds
``jekyll_posts/blog-sidebar.html`` (see ``html_sidebars`` in ``conf.py``),
whose scripts insert the blocks, with links made relative to the page and the
page itself left out of the recent posts.  Without JavaScript, the sidebar
links to the archives and to all tags instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.pages import term_pagename
from .blog import registered_blog
from .compat import ablog as ablog_compat
from .config import site_settings_of
from .domain import get_domain
from .files import write_if_changed
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DATA_SCRIPT = "_static/jekyll_blog_sidebar_data.js"
BLOCKS_TEMPLATE = "jekyll_posts/blog-sidebar-blocks.html"
RECENT_POSTS = 5
TAG_CLOUD_SIZE = 30


def setup_sidebar(app: Sphinx) -> None:
    app.connect("html-collect-pages", write_blog_sidebar)


def write_blog_sidebar(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    script = Path(app.outdir) / DATA_SCRIPT
    if ablog_compat.builder_support(app) and not is_current(app, script):
        html = render_blog_sidebar(app)
        call = f"jekyllBlogSidebar(document.currentScript, {json.dumps(html, ensure_ascii=False)}, {RECENT_POSTS});\n"
        write_if_changed(script, call)
    yield from ()


def is_current(app: Sphinx, script: Path) -> bool:
    """The sidebar shows the posts as listed under the configuration, through the templates:
    when no post was read or removed and the listing cutoff and configuration are the last
    build's, the script written last is current unless a template is newer.  Drawing it
    needs every post registered with ablog, which a rebuild without changes then skips."""
    if not build_state(app).shown_unchanged or not script.exists():
        return False
    newest_template: float = app.builder.templates.newest_template_mtime()
    return script.stat().st_mtime >= newest_template


def render_blog_sidebar(app: Sphinx) -> str:
    """The blocks, with links relative to the site's root (the script makes them relative to the page)."""
    builder = app.builder

    def pathto(name: str, resource: bool = False) -> str:
        return name if resource else builder.get_target_uri(name)

    context = {
        "ablog": registered_blog(app),
        "anchor": ablog_compat.anchor,
        "pathto": pathto,
        "pagename": "",
        # one more than shown: the script leaves out the page it is on
        "jekyll_recent_posts": RECENT_POSTS + 1,
        "jekyll_tag_cloud": tag_cloud(app),
        "jekyll_tags_page": f"{app.config.blog_path}/tag",
    }
    html: str = builder.templates.render(BLOCKS_TEMPLATE, context)
    return html


def tag_cloud(app: Sphinx) -> list[dict[str, Any]]:
    """The most used tags, by name."""
    top = get_domain(app.env).index.by_use["tag"][:TAG_CLOUD_SIZE]
    settings = site_settings_of(app.config)
    return [
        {"pagename": term_pagename(settings, "tag", term.name), "name": term.name, "count": term.count}
        for term in sorted(top, key=lambda term: term.name)
    ]
