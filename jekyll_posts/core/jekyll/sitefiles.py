"""Which files of a Jekyll site are its posts and drafts, and where each goes in the knowledge base.

::

    reading = SiteReading.of(config)                     # _config.yml's markdown_ext, exclude, include
    reading.skip_reason(PurePosixPath("_posts"), PurePosixPath("sub/2026-01-05-x.md"))   # None: a post
    reading.skip_reason(PurePosixPath("_posts"), PurePosixPath("cover.png"))  # "no YYYY-MM-DD- date..."
    post_destination(PurePosixPath("_posts/sub/x.md"))          # sub/x.md, under the posts folder
    post_destination(PurePosixPath("ja/news/_posts/x.md"))      # ja/news/_posts/x.md

Jekyll 4.3 (``reader.rb``, ``readers/post_reader.rb``, ``entry_filter.rb``)
reads ``_posts`` and ``_drafts`` in the site's root and in every folder it
reads: one whose name does not start with ``.``, ``_``, ``#`` or ``~`` and
that ``exclude`` does not name (unless ``include`` does).  In those folders
every file, sub-folders included, is a post when its name has a date and an
extension (a draft needs only the extension), except names starting with
one of those characters, backups ending in ``~`` and what ``exclude`` names.

Only Markdown posts (``markdown_ext``) are imported.  HTML posts, which
Jekyll builds as HTML without Markdown, are not: the knowledge base builds
Markdown, and an HTML body read as Markdown would turn indented lines into
code; they are reported, to be converted by hand.

A root ``_posts`` folder is the posts folder itself; every other folder keeps
its path, so the build recovers the path Jekyll saw (``ja/news/_posts/x.md``,
whose categories Jekyll takes from ``ja/news``) and knows a draft by its
``_drafts`` folder.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from .permalinks import (
    MARKDOWN_EXTENSIONS,
    JekyllPost,
    front_matter_categories,
    jekyll_date,
    post_url,
    posts_permalink_style,
    split_post_file_name,
)

#: The folders Jekyll reads posts and drafts from, in the site's root and in any folder it reads.
POSTS, DRAFTS = "_posts", "_drafts"
_SPECIAL_LEADING = (".", "_", "#", "~")
#: Jekyll's ``Configuration::DEFAULT_EXCLUDES``, added to every site's ``exclude``.
DEFAULT_EXCLUDES = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
)
HTML_EXTENSIONS = frozenset({"html", "htm"})

IGNORED = "Jekyll ignores it: its name starts with '.', '_', '#' or '~', or ends with '~'"
EXCLUDED = "_config.yml's exclude names it: Jekyll does not read it"
NO_DATE = "no YYYY-MM-DD- date in its name: Jekyll does not read it as a post"
NO_EXTENSION = "no extension: Jekyll does not read it"
HTML_POST = "an HTML post: Jekyll builds it without Markdown, the knowledge base builds Markdown; convert it by hand"
NOT_MARKDOWN = "not Markdown (markdown_ext in _config.yml): not a post the knowledge base can build"


@dataclass(frozen=True)
class SiteReading:
    """What of a site's ``_config.yml`` decides which files Jekyll reads and renders as Markdown."""

    markdown_ext: frozenset[str] = frozenset(MARKDOWN_EXTENSIONS)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    include: tuple[str, ...] = (".htaccess",)
    collections_dir: str = ""

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> SiteReading:
        """From ``_config.yml``'s values; a value of the wrong type counts as unset, as Jekyll's defaults."""
        extensions = config.get("markdown_ext")
        if isinstance(extensions, str) and extensions.strip():
            markdown_ext = frozenset(ext.strip().lower() for ext in extensions.split(",") if ext.strip())
        else:
            markdown_ext = frozenset(MARKDOWN_EXTENSIONS)
        include = _patterns(config.get("include"), (".htaccess",))
        exclude = _patterns(config.get("exclude"), ()) + DEFAULT_EXCLUDES
        collections = config.get("collections_dir")
        collections_dir = collections.strip("/") if isinstance(collections, str) else ""
        return cls(
            markdown_ext, tuple(pattern for pattern in exclude if pattern not in include), include, collections_dir
        )

    def reads_posts_in(self, folder: PurePosixPath) -> bool:
        """Whether Jekyll reads the ``_posts`` and ``_drafts`` of ``folder``: with a ``collections_dir``,
        only inside it (a plain prefix, as Jekyll compares)."""
        return not self.collections_dir or f"/{folder.as_posix()}".startswith(f"/{self.collections_dir}")

    def excludes(self, path: PurePosixPath) -> bool:
        """Whether ``exclude`` names ``path`` (from the site's root) and ``include`` does not."""
        text = path.as_posix()
        return _matches(self.exclude, text) and not self.includes(path)

    def includes(self, path: PurePosixPath) -> bool:
        """Whether ``include`` names ``path`` or its name: it is read even when special or excluded."""
        return _matches(self.include, path.as_posix()) or _matches(self.include, path.name)

    def reads(self, path: PurePosixPath, entry: PurePosixPath | None = None) -> bool:
        """Whether Jekyll reads ``path`` (from the site's root): a folder's item, or a file of a
        ``_posts`` folder whose path inside it is ``entry`` (special names are checked on it)."""
        if self.excludes(path):
            return False
        entry = entry or PurePosixPath(path.name)
        special = entry.parts[0].startswith(_SPECIAL_LEADING) or entry.name.startswith(_SPECIAL_LEADING)
        return self.includes(path) or not (special or path.name.endswith(("~", ".")))

    def skip_reason(self, folder: PurePosixPath, entry: PurePosixPath) -> str | None:
        """Why the file ``entry`` of the ``_posts`` or ``_drafts`` folder ``folder`` is not imported
        as a post or draft; ``None`` when it is."""
        path = folder / entry
        if self.excludes(path):
            return EXCLUDED
        if not self.reads(path, entry):
            return IGNORED
        if folder.name == POSTS and split_post_file_name(entry.name) is None:
            return NO_DATE
        extension = entry.suffix[1:].lower()
        if not extension:
            return NO_EXTENSION
        if extension in HTML_EXTENSIONS:
            return HTML_POST
        return None if extension in self.markdown_ext else NOT_MARKDOWN

    def is_markdown(self, path: PurePosixPath) -> bool:
        """Whether Jekyll renders this file as Markdown."""
        return path.suffix[1:].lower() in self.markdown_ext


def post_destination(path: PurePosixPath) -> PurePosixPath:
    """Where a file of a ``_posts`` or ``_drafts`` folder goes, relative to the knowledge base's posts
    folder: the root ``_posts`` folder is the posts folder, every other path is kept as it is."""
    return PurePosixPath(*path.parts[1:]) if path.parts[0] == POSTS else path


def magic_folder(path: PurePosixPath) -> PurePosixPath | None:
    """The ``_posts`` or ``_drafts`` folder a file lies in (the first one in its path), if any."""
    for index, part in enumerate(path.parts[:-1]):
        if part in (POSTS, DRAFTS):
            return PurePosixPath(*path.parts[: index + 1])
    return None


def post_page(
    path: PurePosixPath, front_matter: Mapping[str, Any], config: Mapping[str, Any], zone: ZoneInfo, modified: datetime
) -> dict[str, Any]:
    """What Liquid sees as ``page`` in a post of the site at ``path``: its front matter, ``path``,
    ``date`` and the ``url`` Jekyll gave it, the folder its relative links are read from.

    The date is the front matter's, else the file name's, else ``modified`` (as for a draft);
    ``zone`` is the site's (``timezone:``).
    """
    date = jekyll_date(path, front_matter.get("date"), zone) or modified.astimezone(zone)
    slug, permalink = (front_matter.get(key) for key in ("slug", "permalink"))
    post = JekyllPost(
        path,
        date,
        front_matter_categories(front_matter.get("categories"), front_matter.get("category")),
        slug if isinstance(slug, str) else None,
        permalink if isinstance(permalink, str) else None,
    )
    collections = config.get("collections_dir")
    url = post_url(
        post,
        posts_permalink_style(config),
        collections_dir=collections if isinstance(collections, str) else "",
        zone=zone,
    )
    return {**front_matter, "path": path.as_posix(), "date": date, "url": url}


def _patterns(value: object, default: Sequence[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        return tuple(default)
    return tuple(item for item in value if isinstance(item, str) and item)


def _matches(patterns: Sequence[str], path: str) -> bool:
    """Jekyll's ``glob_include?``: a glob (``*`` crosses ``/``), a plain prefix, or the folder itself."""
    return any(
        fnmatch.fnmatchcase(path, pattern.lstrip("/"))
        or path.startswith(pattern.lstrip("/"))
        or pattern.lstrip("/") == f"{path}/"
        for pattern in patterns
    )
