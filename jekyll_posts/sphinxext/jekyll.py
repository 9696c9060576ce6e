"""Posts of a Jekyll site, built as Jekyll built them.

In ``conf.py``::

    jekyll_posts_site = "jekyll"     # the site's _config.yml, _data/, _includes/ and assets
    jekyll_posts_site_url = "https://blog.example.org/"   # where the site was: links to pages not here

Every post (a document in a posts, ``_posts`` or ``_drafts`` folder) is made by
:func:`jekyll_posts.core.jekyll.posts.jekyll_post` before MyST reads it: its
Liquid rendered with the site's ``_config.yml`` and ``_data`` and its
``_includes``, kramdown's own syntax rewritten for MyST, its excerpt cut at
``excerpt_separator``, its old URLs worked out.  A post reads its include and
data files and the site's configuration as dependencies: editing one rebuilds
the posts that read it, and only those.  Wiki pages are MyST, not kramdown:
they are read as they are.

Files with any of Jekyll's Markdown extensions (``jekyll_posts_markdown_extensions``,
Jekyll's ``markdown_ext``) are read as Markdown.  MyST gets the extensions
kramdown's rewriting needs (``attrs_block``, ``attrs_inline``, ``deflist``), and
its warning about heading levels that skip one is silenced: Jekyll posts do.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from ..core.encoding import decode_source
from ..core.jekyll import JekyllSite, Links, load_jekyll_site
from ..core.jekyll.body import NO_LINKS
from ..core.jekyll.defaults import defaults_for
from ..core.jekyll.posts import (
    JekyllContext,
    MadePost,
    PostIndex,
    jekyll_post,
    old_urls_of,
    post_site_path,
    site_posts,
)
from ..core.post import ParsedPost, PostRecord, SourceFile, parse_post
from ..core.settings import (
    SiteSettings,
    is_in_drafts_folder,
    is_in_posts_folder,
    unbuilt_post_files,
    unbuilt_post_message,
)
from .compat.sphinx import set_by_site
from .config import site_settings_of
from .domain import get_domain
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: MyST's extensions for what kramdown's syntax is rewritten to, and for GFM's ``~~struck out~~``
#: (Jekyll's kramdown reads GFM)
MYST_EXTENSIONS = ("attrs_block", "attrs_inline", "deflist", "strikethrough")
#: MyST warns when a heading level is skipped, which Jekyll's Markdown never did, and at every
#: ``~~struck out~~`` that it is struck out in HTML only (the text is kept in other formats)
QUIET_MYST_WARNINGS = ("myst.header", "myst.strikethrough")


def setup_jekyll(app: Sphinx) -> None:
    app.connect("config-inited", read_markdown_extensions, priority=700)  # before Sphinx merges the suffixes
    app.connect("config-inited", enable_myst_extensions)
    app.connect("config-inited", plain_code_by_default)
    app.connect("builder-inited", load_site)
    app.connect("env-updated", warn_unbuilt_post_files)
    app.connect("env-get-outdated", reread_readers_of_posts)


def read_markdown_extensions(app: Sphinx, config: Config) -> None:
    for extension in site_settings_of(config).markdown_extensions:
        if f".{extension}" not in app.registry.source_suffix and f".{extension}" not in config.source_suffix:
            app.add_source_suffix(f".{extension}", "markdown")


def plain_code_by_default(app: Sphinx, config: Config) -> None:
    """A code block that names no language is plain text, as kramdown and Rouge showed it (and
    GitHub, Hugo, Docusaurus); Sphinx's default guesses Python, colouring a log or a shell
    session at random.  ``highlight_language`` in ``conf.py`` still decides."""
    if not set_by_site(config, "highlight_language"):
        config.highlight_language = "none"


def enable_myst_extensions(app: Sphinx, config: Config) -> None:
    enabled = list(config.myst_enable_extensions)
    config.myst_enable_extensions = [*enabled, *(name for name in MYST_EXTENSIONS if name not in enabled)]
    config.suppress_warnings = [*config.suppress_warnings, *QUIET_MYST_WARNINGS]


@dataclass
class SiteState:
    """The Jekyll site of this build, and where its posts are among the documents."""

    site: JekyllSite
    settings: SiteSettings
    #: where each post was in the site (made when first needed)
    index: PostIndex | None = None
    #: ``site.posts`` (made when a post's Liquid first reads it)
    posts: list[dict[str, Any]] | None = None


def load_site(app: Sphinx) -> None:
    settings = site_settings_of(app.config)
    folder = (Path(app.confdir) / settings.site).resolve() if settings.site else None
    if folder is not None and not folder.is_dir():
        message = f"jekyll_posts_site = {settings.site!r} is not a folder: the site's configuration is not read"
        logger.warning(message, type="jekyll_posts", subtype="config")
        folder = None
    defaults = {"title": app.config.project, "url": settings.site_url or "", "baseurl": ""}
    site, problems = load_jekyll_site(folder, defaults)
    for path, problem in problems:
        location = f"{path}:{problem.line}"
        logger.warning(problem.message, location=location, type="jekyll_posts", subtype=problem.subtype)
    build_state(app).jekyll = SiteState(site, settings)


def site_state(app: Sphinx) -> SiteState:
    state = build_state(app)
    if state.jekyll is None:
        load_site(app)
    assert state.jekyll is not None
    return state.jekyll


def parse_document(app: Sphinx, docname: str, text: str) -> ParsedPost:
    """A Markdown document's front matter and body read as a post file is, with the site's defaults."""
    path = Path(app.env.doc2path(docname))
    settings = site_state(app).settings
    modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    in_posts_folder = is_in_posts_folder(docname, settings.post_folders)
    source = SourceFile(path, in_posts_folder, modified, is_in_drafts_folder(docname))
    return parse_post(text, source, settings.read_options(), front_matter_defaults(app, docname, path.suffix))


def front_matter_defaults(app: Sphinx, docname: str, suffix: str) -> dict[str, Any]:
    """The values the Jekyll site's ``defaults:`` give a post of a posts folder (none to other documents)."""
    state = site_state(app)
    site_path = post_site_path(docname, suffix, state.settings.post_folders)
    return defaults_for(state.site.front_matter_defaults, site_path) if site_path else {}


def make_post(app: Sphinx, docname: str, parsed: ParsedPost) -> MadePost | None:
    """A Jekyll post as Jekyll made it, for a post of a posts folder; ``None`` for other documents."""
    state = site_state(app)
    env = app.env
    path = Path(env.doc2path(docname))
    site_path = post_site_path(docname, path.suffix, state.settings.post_folders)
    if site_path is None or parsed.record is None:
        return None
    links = Links(  # the posts indexed when a post first links to one (1 s at 10,000 posts)
        post_url=lambda name: _link(app, docname, _post_index(app).post_named(name)),
        link=lambda target: (
            _link(app, docname, _post_index(app).by_path.get(target.strip("/"))) or state.site.static_file(target)
        ),
        jekyll_url=lambda tag, name: _old_url(app, _linked_post(app, tag, name)),
        site_posts=lambda: _site_posts(app),
    )
    made = jekyll_post(parsed, JekyllContext(site_path, state.site, links, state.settings.zone, path))
    for dependency in made.dependencies:
        env.note_dependency(dependency)
    if made.reads_posts:  # it shows every post's front matter, and which posts there are
        for post in _post_index(app).by_path.values():
            env.note_dependency(env.doc2path(post))
        get_domain(env).note_reads_posts(docname)
    return made


def _link(app: Sphinx, docname: str, target: str | None) -> str | None:
    """A link from ``docname`` to the source of ``target``, as MyST resolves it to the page."""
    if target is None:
        return None
    env = app.env
    relative = os.path.relpath(env.doc2path(target), os.path.dirname(env.doc2path(docname)))
    return PurePosixPath(*Path(relative).parts).as_posix()


def _linked_post(app: Sphinx, tag: str, name: str) -> str | None:
    index = _post_index(app)
    return index.post_named(name) if tag == "post_url" else index.by_path.get(name.strip("/"))


def _old_url(app: Sphinx, target: str | None) -> str | None:
    """The URL the post ``target`` had on the Jekyll site, as Jekyll's tags wrote it; the document
    being read depends on the post's source from now on (its date or permalink may change)."""
    if target is None:
        return None
    app.env.note_dependency(str(app.env.doc2path(target)))
    post = _read_post(app, target)
    urls = old_urls_of(*post)[0] if post is not None else ()
    return urls[0] if urls else None


def _site_posts(app: Sphinx) -> list[dict[str, Any]]:
    """``site.posts``, read from every post's source once a build (3 s at 1,000 posts)."""
    state = site_state(app)
    if state.posts is None:
        read = (_read_post(app, docname) for docname in _post_index(app).by_path.values())
        state.posts = site_posts(post for post in read if post is not None)
    return state.posts


def _read_post(app: Sphinx, docname: str) -> tuple[PostRecord, JekyllContext] | None:
    """Another post's record, as Jekyll read it, for what the document being read shows of it;
    ``None`` when it cannot be read (its own reading warns about that)."""
    state = site_state(app)
    path = Path(app.env.doc2path(docname))
    site_path = post_site_path(docname, path.suffix, state.settings.post_folders)
    try:
        text = decode_source(path.read_bytes())[0]
    except OSError:
        return None
    record = parse_document(app, docname, text).record
    if site_path is None or record is None:
        return None
    return record, JekyllContext(site_path, state.site, NO_LINKS, state.settings.zone, path)


def reread_readers_of_posts(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The documents whose Liquid read ``site.posts``, when a post is added or removed."""
    folders = site_state(app).settings.post_folders
    if not any(is_in_posts_folder(docname, folders) for docname in added | removed):
        return []
    return sorted(get_domain(env).readers_of_posts - removed - added - changed)


def _post_index(app: Sphinx) -> PostIndex:
    state = site_state(app)
    if state.index is None:
        state.index = PostIndex(_posts(app))
    return state.index


def _posts(app: Sphinx) -> Iterator[tuple[str, PurePosixPath]]:
    env: BuildEnvironment = app.env
    settings = site_state(app).settings
    for docname in sorted(env.found_docs):
        site_path = post_site_path(docname, env.doc2path(docname).suffix, settings.post_folders)
        if site_path is not None:
            yield docname, site_path


def _source_files(srcdir: Path) -> Iterator[str]:
    """Every file under ``srcdir``, relative to it (``os.walk``: names as the folders list
    them, 0.05 s for 10,000 posts where ``Path.rglob`` took 0.66 s)."""
    for folder, _, names in os.walk(srcdir, followlinks=True):  # as Sphinx finds documents
        relative = os.path.relpath(folder, srcdir).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        yield from (prefix + name for name in names)


def warn_unbuilt_post_files(app: Sphinx, env: BuildEnvironment) -> None:
    """A file of a posts folder that looks like a post but is not read is never dropped in silence."""
    srcdir = Path(app.srcdir)
    settings = site_settings_of(app.config)
    for name in unbuilt_post_files(_source_files(srcdir), settings.post_folders, settings.markdown_extensions):
        logger.warning(
            unbuilt_post_message(name), location=f"{srcdir / name}:1", type="jekyll_posts", subtype="front_matter"
        )
