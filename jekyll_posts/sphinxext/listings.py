"""Listing pages are written again only when what they show has changed.

ablog writes every archive, category, author and year page and every feed
on each build, and this package its tag pages; at a thousand posts that is
most of a rebuild in which nothing changed.  Their content depends only on
what pages list of each other (the ``jekyll`` domain's listing digest), the
configuration, and this package's and ablog's versions.  A fingerprint of
those is kept in the output folder (``.jekyll_posts_listings``) once a build
succeeds; while it matches, the listing pages and feeds already in the
output folder are left as they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ablog
import ablog.post
from sphinx.builders.html._build_info import BuildInfo

from .domain import get_domain
from .pages import tag_pages

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

STAMP = ".jekyll_posts_listings"
Page = tuple[str, dict[str, Any], str]


def setup_listings(app: Sphinx) -> None:
    app.connect("builder-inited", take_over_ablog_listings)
    app.connect("html-collect-pages", listing_pages)
    app.connect("build-finished", stamp_listings)


def take_over_ablog_listings(app: Sphinx) -> None:
    """ablog's archive pages and feeds are written from :func:`listing_pages`, when due."""
    theirs = {ablog.post.generate_archive_pages, ablog.post.generate_atom_feeds}
    for listener in list(app.events.listeners["html-collect-pages"]):
        if listener.handler in theirs:
            app.disconnect(listener.id)


def listing_pages(app: Sphinx) -> Iterator[Page]:
    if not ablog.builder_support(app) or not listings_outdated(app):
        return
    generators: Iterable[Callable[[Sphinx], Iterable[Page]]] = (
        ablog.post.generate_archive_pages,
        ablog.post.generate_atom_feeds,
        tag_pages,
    )
    for generate in generators:
        yield from generate(app)


def fingerprint(app: Sphinx) -> str:
    config = BuildInfo(app.config, app.tags, frozenset({"html", "env"}))
    parts = (
        get_domain(app.env).listing_digest,
        config.config_hash,
        config.tags_hash,
        ablog.__version__,
        str(app.extensions["jekyll_posts"].version),
    )
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _stamp_path(app: Sphinx) -> Path:
    return Path(app.outdir) / STAMP


def listings_outdated(app: Sphinx) -> bool:
    stamp = _stamp_path(app)
    return not stamp.is_file() or stamp.read_text(encoding="utf-8") != fingerprint(app)


def stamp_listings(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and ablog.builder_support(app):
        _stamp_path(app).write_text(fingerprint(app), encoding="utf-8")
