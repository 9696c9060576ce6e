"""A Jekyll post as Jekyll makes it, before MyST reads it: Liquid, kramdown, excerpt, old URLs.

The Sphinx glue reads the front matter (:func:`jekyll_posts.core.parse_post`)
and, for a post of a Jekyll site, hands the Markdown here::

    made = jekyll_post(parsed, JekyllContext(path, site, links, zone))
    made.markdown       # what MyST parses: Liquid rendered, kramdown rewritten
    made.problems       # Liquid's, at the file's lines
    made.dependencies   # include and data files read, the site's _config.yml
    made.excerpt        # the excerpt before excerpt_separator, as text, or None
    made.old_urls       # the post's URLs on the Jekyll site (permalink, redirect_from)

Each step only runs on what it can change: a body without ``{{``/``{%``
skips Liquid, without kramdown's markers skips kramdown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from ..post import ParsedPost, PostRecord
from ..problems import Problem
from ..settings import is_in_posts_folder
from .body import Links, has_liquid
from .engines import spaced_headings, unspaced_headings_reader
from .excerpts import MORE_SEPARATOR, excerpt_of
from .kramdown import kramdown_to_myst
from .languages import with_pygments_names
from .octopress import captioned_fences, is_octopress
from .permalinks import (
    JekyllPost,
    front_matter_categories,
    jekyll_date,
    post_url,
    post_url_name,
    posts_permalink_style,
    redirect_from,
)
from .site import JekyllSite, time_zone

#: where GitHub Pages and CI build a Jekyll site
UTC_ZONE = ZoneInfo("UTC")


@dataclass(frozen=True)
class JekyllContext:
    """Where a post sits in its Jekyll site: its path there (``_posts/2017-10-12-name.md``,
    ``ja/news/_posts/…``), the site, how its Liquid links to other posts, and the zone its
    dates are shown in when the site names none."""

    path: PurePosixPath
    site: JekyllSite
    links: Links
    zone: ZoneInfo
    #: the file on disk, for ``include_relative``
    file: Path | None = None


@dataclass(frozen=True)
class MadePost:
    """What Jekyll makes of a post's body."""

    markdown: str
    problems: tuple[Problem, ...] = ()
    dependencies: frozenset[Path] = field(default_factory=frozenset)
    excerpt: str | None = None
    old_urls: tuple[str, ...] = ()
    #: its Liquid read the site's lists of posts (``site.posts``): it shows every post's front matter
    reads_posts: bool = False


def jekyll_post(parsed: ParsedPost, context: JekyllContext) -> MadePost:
    """The Markdown MyST parses for a Jekyll post, and what else Jekyll makes of it."""
    record, markdown = parsed.record, parsed.markdown
    if record is None or markdown is None:
        return MadePost(markdown or "")
    head, body = _split_at(markdown, record.body_line)
    problems: list[Problem] = []
    dependencies: set[Path] = set(context.site.config_files) | set(context.site.mathjax_setup)
    reads_posts = False
    if has_liquid(body) and record.metadata.get("render_with_liquid") is not False:
        from .liquid import render_liquid  # python-liquid only when a post needs it

        rendered = render_liquid(body, record.body_line, page_variables(record, context), context.site, context.links)
        body = rendered.text
        problems += rendered.problems
        dependencies |= {Path(include) for include in rendered.includes} | _data_files(context.site, rendered.data)
        reads_posts = rendered.reads_posts
    engine = unspaced_headings_reader(context.site.config)
    if engine is not None:
        body = spaced_headings(body, needs_boundary=engine == "kramdown")
    if is_octopress(context.site.config):
        body = captioned_fences(body)
    old_urls, url_problems = old_urls_of(record, context)
    return MadePost(
        markdown=head
        + with_pygments_names(
            kramdown_to_myst(body, parses_block_html(context.site), reads_dollar_math(record, context.site))
        ),
        problems=tuple(problems + url_problems),
        dependencies=frozenset(dependencies),
        excerpt=excerpt_of(body, separator_of(record, context.site)),
        old_urls=old_urls,
        reads_posts=reads_posts,
    )


def _split_at(markdown: str, body_line: int) -> tuple[str, str]:
    """The lines before ``body_line`` (blanked front matter and the added title) and the body."""
    if body_line <= 1:
        return "", markdown
    lines = markdown.split("\n", body_line - 1)
    return "\n".join(lines[:-1]) + "\n", lines[-1]


def separator_of(record: PostRecord, site: JekyllSite) -> str:
    """The post's ``excerpt_separator``, else the site's, else ``<!--more-->``."""
    for value in (record.metadata.get("excerpt_separator"), site.config.get("excerpt_separator")):
        if isinstance(value, str) and value:
            return value
    return MORE_SEPARATOR


def page_variables(record: PostRecord, context: JekyllContext) -> dict[str, Any]:
    """``page.*`` as Jekyll gives it to a post's Liquid: the front matter, and what Jekyll adds."""
    urls, _ = old_urls_of(record, context)
    variables: dict[str, Any] = dict(record.metadata)
    written = record.metadata.get("title")
    variables.update(
        title=written
        if isinstance(written, str) and written.strip()
        else record.title,  # as written, as Jekyll gives it
        date=record.date,
        categories=list(record.categories),
        tags=list(record.tags),
        path=str(context.file or context.path),
        url=urls[0] if urls else "",
        id=(urls[0] if urls else "").removesuffix(".html"),
        slug=_slug(context.path),
        excerpt_separator=separator_of(record, context.site),
    )
    return variables


def site_posts(posts: Iterable[tuple[PostRecord, JekyllContext]]) -> list[dict[str, Any]]:
    """``site.posts``: each published post's ``page`` variables, newest first (the later path
    first on the same date), as ``jekyll build`` lists them: drafts are not there."""
    listed = [
        (record.date, context.path.as_posix(), page_variables(record, context))
        for record, context in posts
        if record.is_post and not record.is_draft and record.date is not None
    ]
    return [variables for _, _, variables in sorted(listed, key=lambda item: item[:2], reverse=True)]


def old_urls_of(record: PostRecord, context: JekyllContext) -> tuple[tuple[str, ...], list[Problem]]:
    """The post's URL on the Jekyll site it came from (from its ``permalink``, else the site's
    style; only when a site folder is named: a post written here had no other URL; in each zone
    the site may have been built in) and those its ``redirect_from`` lists: where readers' old
    links point."""
    problems: list[Problem] = []
    urls: list[str] = []
    came_from_a_site = context.site.root is not None or isinstance(record.metadata.get("permalink"), str)
    if came_from_a_site and record.is_post and not record.is_draft and record.date is not None:
        style = posts_permalink_style(context.site.config)
        urls += [post_url(_jekyll_post(record, context, zone), style, zone=zone) for zone in _url_zones(context)]
    listed, complaints = redirect_from(record.metadata.get("redirect_from"))
    urls += listed
    problems += [Problem(1, "url", complaint) for complaint in complaints]
    return tuple(dict.fromkeys(urls)), problems


def _jekyll_post(record: PostRecord, context: JekyllContext, zone: ZoneInfo) -> JekyllPost:
    metadata: Mapping[str, Any] = record.metadata
    assert record.date is not None
    slug, permalink = metadata.get("slug"), metadata.get("permalink")
    return JekyllPost(
        relative_path=context.path,
        date=jekyll_date(context.path, metadata.get("date"), zone) or record.date,
        categories=front_matter_categories(metadata.get("categories"), metadata.get("category")),
        slug=slug if isinstance(slug, str) else None,
        permalink=permalink if isinstance(permalink, str) and permalink.strip() else None,
        title=record.title,
    )


def parses_block_html(site: JekyllSite) -> bool:
    """kramdown's ``parse_block_html`` (``kramdown:`` in ``_config.yml``)."""
    options = site.config.get("kramdown")
    return isinstance(options, dict) and options.get("parse_block_html") is True


def reads_dollar_math(record: PostRecord, site: JekyllSite) -> bool:
    """Whether the post's page read ``$...$`` as math: Chirpy's ``math: true`` loads MathJax so, and so
    does a site whose own MathJax setup reads it (:attr:`JekyllSite.mathjax_reads_dollars`)."""
    return record.metadata.get("math") is True or site.mathjax_reads_dollars


def curls_quotes(site: JekyllSite) -> bool:
    """Whether kramdown curled straight quotes: its ``smart_quotes`` (``kramdown:`` in ``_config.yml``)
    names curly ones, as by default; ``apos,apos,quot,quot`` kept them straight."""
    options = site.config.get("kramdown")
    value = options.get("smart_quotes") if isinstance(options, dict) else None
    names = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    return not names or not all(str(name).strip() in ("apos", "quot") for name in names)


def hard_wraps(site: JekyllSite) -> bool:
    """kramdown's ``hard_wrap`` (``kramdown:`` in ``_config.yml``): each line end in a paragraph is a line break."""
    options = site.config.get("kramdown")
    return isinstance(options, dict) and options.get("hard_wrap") is True


def _url_zones(context: JekyllContext) -> tuple[ZoneInfo, ...]:
    """The zones a post's date was read in for its URL: the site's ``timezone:``.  Without one, Jekyll
    read it in the building machine's zone: this site's, or UTC (GitHub Pages, Netlify and CI
    build in UTC): a post at 00:30 +09:00 had the day before in its URL there."""
    named = time_zone(context.site.config.get("timezone"))
    return (named,) if named is not None else tuple(dict.fromkeys((context.zone, UTC_ZONE)))


def _slug(path: PurePosixPath) -> str:
    stem = path.stem
    parts = stem.split("-", 3)
    return parts[3] if len(parts) == 4 else stem


def _data_files(site: JekyllSite, keys: frozenset[str]) -> set[Path]:
    """The files behind the top-level ``site.data`` keys a post read."""
    if site.root is None or not keys:
        return set()
    folder = site.root / str(site.config.get("data_dir") or "_data")
    found: set[Path] = set()
    for key in keys:
        found.update(path for path in folder.glob(f"{key}.*") if path.is_file())
        if (folder / key).is_dir():
            found.update(path for path in (folder / key).rglob("*") if path.is_file())
    return found


def post_site_path(docname: str, suffix: str, post_folders: tuple[str, ...]) -> PurePosixPath | None:
    """Where a post of a posts folder was in its Jekyll site: ``_posts/…``, ``ja/news/_posts/…``,
    ``_drafts/…`` (a file straight in a posts folder was in ``_posts``); ``None`` for other documents."""
    if not is_in_posts_folder(docname, post_folders):
        return None
    parts = docname.split("/")
    folders = (folder.strip("/") for folder in post_folders)
    folder = next((folder for folder in folders if docname.startswith(f"{folder}/")), None)
    if folder is not None:
        inside = parts[len(folder.split("/")) :]
    else:  # a _posts or _drafts folder elsewhere: the site is the folder above it
        inside = parts[next(index for index, part in enumerate(parts) if part in ("_posts", "_drafts")) :]
    if "_posts" not in inside[:-1] and "_drafts" not in inside[:-1]:
        inside = ["_posts", *inside]
    return PurePosixPath(*inside[:-1], inside[-1] + suffix)


class PostIndex:
    """Each post by the name ``{% post_url %}`` takes and by its path in the site."""

    def __init__(self, posts: Iterable[tuple[str, PurePosixPath]]) -> None:
        self._by_name: dict[str, str] = {}
        self._by_date_and_slug: dict[str, str] = {}
        self.by_path: dict[str, str] = {}
        for docname, site_path in posts:
            name = post_url_name(site_path)
            self._by_name.setdefault(name, docname)
            self._by_date_and_slug.setdefault(PurePosixPath(name).name, docname)
            self.by_path.setdefault(site_path.as_posix(), docname)

    def post_named(self, name: str) -> str | None:
        """The post ``{% post_url name %}`` names: the one of that name, else, as Jekyll falls back
        to (with a deprecation message), the one of that date and slug in any folder
        (``2018-07-07-frame`` for ``_posts/jp/2018-07-07-frame.md``)."""
        return self._by_name.get(name) or self._by_date_and_slug.get(PurePosixPath(name).name)
