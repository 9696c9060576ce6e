"""Two pages for one URL: warned at the document's first line (``jekyll_posts.url``).

The rules are :mod:`jekyll_posts.core.urls`'s; the generated pages are this
build's (:mod:`.generated`), so every kind of generated page is checked.
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..core.urls import case_collisions, generated_url_clashes
from .generated import generated_page_names

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def setup_urls(app: Sphinx) -> None:
    app.connect("env-updated", warn_shared_urls)


def warn_shared_urls(app: Sphinx, env: BuildEnvironment) -> None:
    generated = (pagename for pagename, _ in generated_page_names(app))
    found = chain(case_collisions(env.found_docs), generated_url_clashes(env.found_docs, generated))
    for docname, problem in found:
        logger.warning(problem.message, location=(docname, problem.line), type="jekyll_posts", subtype=problem.subtype)
