"""Listing pages and feeds are written again only when what they show has changed.

ablog writes every archive, category, author and year page and every feed
on each build, and this package its tag pages; at a thousand posts that was
most of a rebuild.  Each listing page is fingerprinted from what it shows
(the posts it lists: titles, dates, authors, categories, excerpts) and from
what surrounds it (the site's navigation, the configuration, the templates,
the versions of ablog and this package).  The fingerprints of the last
successful build are kept in the output folder (``.jekyll_posts_listings.json``):
a page whose fingerprint is unchanged, and whose file is there, is left as
it is.  ablog's feeds are written again when any post changed what feeds
show of it, a tag's feed when the posts it lists changed.  So editing one
post's tags writes the pages of the tags it gained or lost and the all-tags
page, not the archives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ablog
import ablog.blog
import ablog.post
from sphinx.builders.html._build_info import BuildInfo

from .dependencies import fingerprint, navigation_digest
from .files import write_if_changed
from .pages import tag_pages, tag_terms, write_tag_feed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STAMP = ".jekyll_posts_listings.json"
Page = tuple[str, dict[str, Any], str]


def setup_listings(app: Sphinx) -> None:
    app.connect("builder-inited", take_over_ablog_listings)
    app.connect("html-collect-pages", listing_pages)
    app.connect("build-finished", save_fingerprints)


def take_over_ablog_listings(app: Sphinx) -> None:
    """ablog's archive pages and feeds are written from :func:`listing_pages`, when due."""
    theirs = {ablog.post.generate_archive_pages, ablog.post.generate_atom_feeds}
    for listener in list(app.events.listeners["html-collect-pages"]):
        if listener.handler in theirs:
            app.disconnect(listener.id)


class Fingerprints:
    """This build's fingerprint of each listing page and feed, beside the last build's."""

    def __init__(self, outdir: Path, surroundings: str) -> None:
        self.path = outdir / STAMP
        self.surroundings = surroundings
        try:
            self.last: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self.last = {}
        self.current: dict[str, str] = {}

    def outdated(self, name: str, shown: object, output: Path) -> bool:
        """Note what ``name`` shows; whether its file must be written."""
        digest = fingerprint((self.surroundings, shown))
        self.current[name] = digest
        return self.last.get(name) != digest or not output.is_file()

    def save(self) -> None:
        write_if_changed(self.path, json.dumps(self.current, ensure_ascii=False, indent=0, sort_keys=True))


def listing_pages(app: Sphinx) -> Iterator[Page]:
    if not ablog.builder_support(app):
        return
    fingerprints = Fingerprints(Path(app.outdir), surroundings(app))
    app.builder.jekyll_listings = fingerprints  # type: ignore[attr-defined]  # saved when the build succeeds
    shown = Shown()
    for pagename, context, template in chain(ablog.post.generate_archive_pages(app), tag_pages(app)):
        if fingerprints.outdated(pagename, shown(context), Path(app.builder.get_outfilename(pagename))):  # type: ignore[attr-defined]
            yield pagename, context, template
    if app.config.blog_baseurl:
        _write_feeds(app, fingerprints, shown)


def _write_feeds(app: Sphinx, fingerprints: Fingerprints, shown: Shown) -> None:
    outdir = Path(app.outdir)
    posts = shown(list(ablog.blog.Blog(app).posts))
    if fingerprints.outdated("ablog feeds", posts, outdir / app.config.blog_path / "atom.xml"):
        for _ in ablog.post.generate_atom_feeds(app):  # it writes every feed as it goes
            pass
    length = app.config.blog_feed_length or None
    for term, pagename in tag_terms(app):
        if fingerprints.outdated(f"{pagename}/atom.xml", term.posts[:length], outdir / pagename / "atom.xml"):
            write_tag_feed(app, term, pagename)


def save_fingerprints(app: Sphinx, exception: Exception | None) -> None:
    fingerprints: Fingerprints | None = getattr(app.builder, "jekyll_listings", None)
    if exception is None and fingerprints is not None:
        fingerprints.save()


def surroundings(app: Sphinx) -> str:
    """What every listing page shows beside its list: navigation, configuration, templates, versions."""
    config = BuildInfo(app.config, app.tags, frozenset({"html", "env"}))
    parts = (
        navigation_digest(app),
        config.config_hash,
        config.tags_hash,
        str(app.builder.templates.newest_template_mtime()),
        ablog.__version__,
        str(app.extensions["jekyll_posts"].version),
    )
    return fingerprint(parts)


class Shown:
    """What templates can show of listing pages' context values, as plain data.

    A post appears on many listing pages (all posts, its year, categories,
    authors, the catalogs), a collection on two (its page and its catalog's):
    each is worked out once per build, a post as a short digest.
    """

    def __init__(self) -> None:
        self._posts: dict[ablog.blog.Post, str] = {}
        self._collections: dict[int, object] = {}  # by id: ablog's collections are not hashable

    def __call__(self, value: object) -> object:
        if isinstance(value, ablog.blog.Post):
            if value not in self._posts:
                self._posts[value] = fingerprint(_shown_of_post(value))
            return self._posts[value]
        if isinstance(value, ablog.blog.Collection | ablog.blog.Catalog):
            if id(value) not in self._collections:
                self._collections[id(value)] = (str(value), value.docname, [self(item) for item in value])
            return self._collections[id(value)]
        if isinstance(value, dict):
            return sorted((key, self(item)) for key, item in value.items())
        if isinstance(value, list | tuple):
            return [self(item) for item in value]
        return value


def _shown_of_post(post: ablog.blog.Post) -> object:
    return (
        post.docname,
        post.section,
        post.title,
        post.date,
        post.update,
        post.published,
        post.external_link,
        [(str(author), bool(len(author))) for author in post.author],
        [(str(category), bool(len(category))) for category in post.category],
        [paragraph.astext() for paragraph in post.excerpt],
    )
