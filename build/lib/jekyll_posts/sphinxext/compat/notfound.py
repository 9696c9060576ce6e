"""What this package changes of sphinx-notfound-page 1.1.0.

sphinx-notfound-page hands Sphinx its ``404.html`` on every build
(``html-collect-pages``), rendered through the whole theme: a quarter of a
second of every rebuild, with nothing changed.  Its page is made by the registry
of generated pages instead (:class:`NotFoundPage`), written only when what it
shows changed, like every other generated page.  Its own rules are kept: no
page when a document has its name; its ``finalize_media`` still makes the
page's links work from any depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import notfound.extension

from ...core.pages import GeneratedPage, SiteView
from .patches import Patch, has_attributes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

VERSION_CHECKED = "sphinx-notfound-page 1.1.0"


class NotFoundPage:
    """The 404 page, as sphinx-notfound-page makes it, unless a document has its name."""

    name = "not-found"

    def __init__(self, pagename: str, context: dict[str, object], template: str, env: BuildEnvironment) -> None:
        self.pagename = pagename
        self.context = context
        self.template = template
        self.env = env

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        if self.pagename not in self.env.found_docs:
            yield GeneratedPage(self.pagename, self.template, dict(self.context))


def not_found_page(app: Sphinx) -> NotFoundPage:
    """Stop sphinx-notfound-page collecting its page; the kind of page that makes it instead."""
    for listener in list(app.events.listeners["html-collect-pages"]):
        if listener.handler is notfound.extension.html_collect_pages:
            app.disconnect(listener.id)
    config = app.config
    return NotFoundPage(config.notfound_pagename, config.notfound_context, config.notfound_template, app.env)


PATCHES = (
    Patch(
        "sphinx-notfound-page collects its page on every build",
        VERSION_CHECKED,
        has_attributes(notfound.extension, "html_collect_pages", "finalize_media"),
    ),
)
