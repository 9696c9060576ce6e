"""Two pages for one URL: warned, and both pages kept where the site allows it.

- Documents whose URLs differ only in case (``Post.md``, ``post.md``) are both
  built, but a case-insensitive host (macOS, Windows, many object stores)
  serves one of them for both URLs.
- A document at the URL of a listing page (``blog/tag.md``, ``blog/2026.md``):
  ablog skips its archive pages there and this package its tag pages, so
  the document is kept (only ablog's ``blog`` and ``blog/drafts`` overwrite it).

Each such document gets a warning at its first line (``jekyll_posts.url``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sphinx.util import logging

from .domain import TAXONOMY_KINDS, get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)
SHARED_URL = "two pages for one URL"


def setup_urls(app: Sphinx) -> None:
    app.connect("env-updated", warn_shared_urls)


def warn_shared_urls(app: Sphinx, env: BuildEnvironment) -> None:
    by_folded_url: dict[str, list[str]] = defaultdict(list)
    for docname in sorted(env.found_docs):
        by_folded_url[docname.casefold()].append(docname)
    for docnames in by_folded_url.values():
        for docname in docnames[1:]:
            _warn(
                docname,
                f"its URL differs only in case from that of {docnames[0]!r}; a case-insensitive host mixes them",
            )
    for docname in sorted(env.found_docs & listing_pagenames(app)):
        _warn(docname, "it has the URL of a listing page the blog generates; one hides the other")


def case_collision(first: str) -> str:
    return f"its URL differs only in case from that of {first!r}; a case-insensitive host mixes them"


def listing_pagenames(app: Sphinx) -> set[str]:
    """The pages ablog and this package generate: listings of posts, taxonomy pages, years."""
    blog = app.config.blog_path
    domain = get_domain(app.env)
    pages = {blog, f"{blog}/drafts", f"{blog}/archive", *(f"{blog}/{kind}" for kind in TAXONOMY_KINDS)}
    for kind in TAXONOMY_KINDS:
        pages.update(domain.page_of(kind, term.name) or "" for term in domain.index.terms[kind].values())
    pages.update(f"{blog}/{year}" for year in domain.index.years)
    return pages


def _warn(docname: str, reason: str) -> None:
    logger.warning(f"{SHARED_URL}: {reason}", location=(docname, 1), type="jekyll_posts", subtype="url")
