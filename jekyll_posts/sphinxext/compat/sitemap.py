"""What this package changes of sphinx-sitemap 2.9.0.

sphinx-sitemap gathers a page into ``sitemap.xml`` as the page is written, so
a rebuild that writes one page wrote a sitemap of one page.  Its gathering is
replaced: just before it writes the sitemap, every page of the site (each
document, each generated page, the old URLs' redirects aside) is handed to it.
Its queue for pages written in parallel processes is a ``multiprocessing``
manager, a server process started with every build that holds on to every file
the parent had open (a browser driver's pipes, say); it is a plain queue here,
filled in the main process.
"""

from __future__ import annotations

import queue
from typing import TYPE_CHECKING

import sphinx_sitemap

from .patches import Patch, has_attributes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

VERSION_CHECKED = "sphinx-sitemap 2.9.0"
#: generated pages that are no page of their own: they send the reader on
NOT_LISTED_TEMPLATES = {"jekyll_posts/redirect.html"}


def list_every_page(app: Sphinx) -> None:
    theirs = {sphinx_sitemap.add_html_link, sphinx_sitemap.record_builder_type}
    for event in ("html-page-context", "builder-inited"):
        for listener in list(app.events.listeners[event]):
            if listener.handler in theirs:
                app.disconnect(listener.id)
    app.connect("builder-inited", plain_queue)
    app.connect("builder-inited", no_sitemap_without_a_site_url)
    app.connect("build-finished", hand_every_page_over, priority=400)  # before sphinx-sitemap writes (500)


def plain_queue(app: Sphinx) -> None:
    """What sphinx-sitemap's ``record_builder_type`` sets up, with a queue of this process."""
    app.env.is_directory_builder = type(app.builder).__name__ == "DirectoryHTMLBuilder"  # type: ignore[attr-defined]
    app.sitemap_links = queue.Queue()  # type: ignore[attr-defined]


def no_sitemap_without_a_site_url(app: Sphinx) -> None:
    """A sitemap holds absolute URLs: without the site's URL (``html_baseurl``) there is none,
    and no warning that says so (sphinx-sitemap's)."""
    if app.config.site_url or app.config.html_baseurl:
        return
    for listener in list(app.events.listeners["build-finished"]):
        if listener.handler is sphinx_sitemap.create_sitemap:
            app.disconnect(listener.id)


def hand_every_page_over(app: Sphinx, exception: Exception | None) -> None:
    from ..domain import get_domain
    from ..generated import generated_page_names

    if exception is not None or not hasattr(app, "sitemap_links"):
        return
    pages = set(app.env.found_docs)
    pages |= {pagename for pagename, template in generated_page_names(app) if template not in NOT_LISTED_TEMPLATES}
    pages -= {"genindex", "search", app.config.notfound_pagename}
    pages -= {docname for docname, entry in get_domain(app.env).pages.items() if entry.noindex}
    suffix = app.config.html_file_suffix or ".html"
    excluded = app.config.sitemap_excludes
    while not app.sitemap_links.empty():
        app.sitemap_links.get_nowait()
    for pagename in sorted(pages):
        link = pagename + suffix
        if not sphinx_sitemap.is_excluded(link, excluded):
            app.sitemap_links.put((link, _last_updated(app, pagename)))


def _last_updated(app: Sphinx, pagename: str) -> str | None:
    """The page's last commit date, when sphinx-last-updated-by-git knows it and the site shows it."""
    known = getattr(app.env, "git_last_updated", {})
    if not app.config.sitemap_show_lastmod or not known.get(pagename, (None,))[0]:
        return None
    from datetime import UTC, datetime

    return datetime.fromtimestamp(int(known[pagename][0]), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


PATCHES = (
    Patch(
        "sphinx-sitemap gathers pages as they are written",
        VERSION_CHECKED,
        has_attributes(sphinx_sitemap, "add_html_link", "record_builder_type", "create_sitemap", "is_excluded"),
    ),
)
