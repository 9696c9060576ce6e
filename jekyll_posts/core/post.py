"""From a Markdown file's text and path to a typed post record and its problems.

This is the whole mapping from Jekyll front matter to what the site shows; it
knows nothing of Sphinx and never raises on bad input::

    parsed = parse_post(text, PurePosixPath("posts/2026-01-01-llama.md"), ReadOptions())
    parsed.record.date      # aware datetime in Asia/Tokyo
    parsed.problems         # [Problem(line=5, subtype="taxonomy", message=...)]
"""

from __future__ import annotations

import difflib
import html
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any, Literal
from zoneinfo import ZoneInfo

from .dates import DateError, date_from_file_name, parse_date, split_dated_name, written_day
from .encoding import remove_control_characters
from .frontmatter import FrontMatter, FrontMatterData, deep_merged, read_front_matter, split_front_matter
from .japanese import collapse_white_space
from .markdown import drop_link_targets, headings, replace_front_matter, unusable_link_targets
from .problems import Problem
from .readingtime import ReadingSpeed, reading_minutes
from .taxonomy import terms_from_value, unique_terms

PostKind = Literal["post", "page"]

#: Front matter keys with a meaning here; all others are kept as page metadata.
KNOWN_KEYS = frozenset(
    {
        "title",
        "date",
        "layout",
        "published",
        "tags",
        "tag",
        "categories",
        "category",
        "author",
        "authors",
        "excerpt",
        "reading_time",
        "series",
        "series_order",
        "image",
        "cover-img",
        "pin",
        "noindex",
        "sitemap",
    }
)

#: Keys Jekyll, its plugins and themes use that are kept as metadata without a word.
COMMON_KEYS = frozenset(
    {
        "permalink",
        "slug",
        "description",
        "summary",
        "media_subpath",
        "img_path",
        "comments",
        "toc",
        "lang",
        "sidebar",
        "last_modified_at",
        "modified",
        "updated",
        "redirect_from",
        "redirect_to",
        "header",
        "teaser",
        "draft",
        "hidden",
        "weight",
        "canonical_url",
        "math",
        "mermaid",
        "render_with_liquid",
        # themes' keys that look like a typo of one of ours
        "subtitle",  # Beautiful Jekyll, TeXt
        "read_time",  # Minimal Mistakes
        "readtime",  # Beautiful Jekyll
    }
)
FAR_FUTURE = timedelta(days=365)
#: The keys a post's summary is read from, the first given wins.
EXCERPT_KEYS = ("excerpt", "description", "summary")

_LEADING_WORD = re.compile(r"[\w-]+")
_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)")
#: a URL scheme an image may not have (``javascript:``, ``data:``...)
_UNSAFE_SCHEME = re.compile(r"^(?!https?:)[A-Za-z][A-Za-z0-9+.-]*:")
_SCHEME_OR_ROOT = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/)")


@dataclass(frozen=True)
class ReadOptions:
    """Site settings that change how a post is read; ``now`` defaults to the current time."""

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Tokyo"))
    speed: ReadingSpeed = field(default_factory=ReadingSpeed)
    now: datetime | None = None


@dataclass(frozen=True)
class SourceFile:
    """What is known of a file besides its text: its path, whether it sits in
    a posts folder (where every file is a post and needs front matter), and
    when it was last modified (the date of a post that gives none)."""

    path: PurePath
    in_posts_folder: bool = False
    modified: datetime | None = None
    #: a file of a Jekyll ``_drafts`` folder: a draft, dated by its modification time
    is_draft: bool = False


@dataclass(frozen=True)
class CoverImage:
    """A post's ``image``: a path on the Jekyll site (``/assets/img/x.png``), relative to the
    post, or an ``http(s)`` URL; and the text that stands for it."""

    path: str
    alt: str = ""
    #: the line of ``image:`` in the post
    line: int = 1


@dataclass(frozen=True)
class PostRecord:
    """Everything the site needs to know about one Markdown document.

    ``title`` is always set (front matter, else the first heading, else the
    file name); ``title_in_body`` says whether the body already shows it as
    its top heading.  ``date`` is aware and in the site's zone.  A ``post``
    is listed in the blog; a ``page`` is an evergreen wiki page.  A post that
    is not ``published`` is a draft; a ``pinned`` one (``pin: true``, Chirpy's) comes first in the
    list of all posts.  ``series`` names the series a post is
    part of, ``series_order`` its place there (wiki pages have neither).
    ``image`` is the post's cover picture.  ``metadata`` holds every front matter key with its
    YAML value.
    """

    title: str
    title_in_body: bool
    kind: PostKind
    date: datetime | None
    published: bool
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    authors: tuple[str, ...]
    excerpt: str | None
    reading_time: int
    layout: str | None
    metadata: dict[str, Any]
    body_line: int
    series: str | None
    series_order: float | None
    #: the picture shown above the post (``image``), and the page's picture when shared
    image: CoverImage | None = None
    pinned: bool = False
    #: kept from search engines: ``noindex: true`` (a theme's), ``sitemap: false`` (jekyll-sitemap's)
    noindex: bool = False

    @property
    def is_post(self) -> bool:
        return self.kind == "post"

    @property
    def is_draft(self) -> bool:
        return self.is_post and (not self.published or self.date is None)


@dataclass(frozen=True)
class ParsedPost:
    """A record (``None`` for a page that is not a Jekyll document), its
    problems, and the Markdown to hand to the parser (``None``: the text as it is)."""

    record: PostRecord | None
    problems: tuple[Problem, ...] = ()
    markdown: str | None = None


def parse_post(
    text: str, source: SourceFile | PurePath, options: ReadOptions, defaults: Mapping[str, Any] | None = None
) -> ParsedPost:
    """Read the front matter and body of a Markdown file; ``defaults`` are values its front matter
    has unless it gives its own (a Jekyll site's ``defaults:`` for this file)."""
    if not isinstance(source, SourceFile):
        source = SourceFile(source)
    text, problems = remove_control_characters(text)
    split = split_front_matter(text)
    if split is None or not split.closed:
        if not source.in_posts_folder:
            markdown, link_problems = _without_unusable_links(text, text, 1)
            problems += link_problems
            return ParsedPost(None, tuple(problems), markdown if problems else None)
        problems.append(_missing_front_matter(text, split))
        split = split or FrontMatter(yaml_text="", body=text, body_line=1)
    data = read_front_matter(split.yaml_text)
    problems += data.problems
    problems += _unknown_keys(data)
    from_defaults = frozenset(defaults or ()) - frozenset(data.values)
    if defaults:
        data = replace(data, values=deep_merged(defaults, data.values))
    record = _record(data, split, source, options, problems)
    problems = [_said_from_defaults(problem, from_defaults) for problem in problems]
    markdown = replace_front_matter(text, record.body_line, None if record.title_in_body else record.title)
    markdown, link_problems = _without_unusable_links(text, markdown, record.body_line)
    problems += link_problems
    return ParsedPost(record, tuple(sorted(problems, key=lambda problem: problem.line)), markdown)


def _said_from_defaults(problem: Problem, keys: frozenset[str]) -> Problem:
    """A problem with a value only the site's ``defaults:`` give says so (it is at the post's first line)."""
    key = _LEADING_WORD.match(problem.message)  # "tags: ...", "date 2099-01-01 is ..."
    if problem.line == 1 and key is not None and key[0] in keys:
        return replace(problem, message=f"{problem.message} (a value of _config.yml's defaults:)")
    return problem


def _without_unusable_links(text: str, markdown: str, body_line: int) -> tuple[str, list[Problem]]:
    found = unusable_link_targets(text, body_line)
    if not found:
        return markdown, []
    return drop_link_targets(markdown, [target for target, _ in found]), [problem for _, problem in found]


def _missing_front_matter(text: str, split: FrontMatter | None) -> Problem:
    if split is not None:
        return Problem(1, "front_matter", "front matter is not closed: no --- line ends it")
    if not text.strip():
        return Problem(1, "front_matter", "the file is empty")
    return Problem(1, "front_matter", "no front matter: a post starts with --- lines holding its title and date")


def _record(
    data: FrontMatterData, split: FrontMatter, source: SourceFile, options: ReadOptions, problems: list[Problem]
) -> PostRecord:
    layout = _text_value(data, "layout", "layout", problems)
    date = _date(data, source.path, options, problems)
    kind = _kind(layout, date, source.in_posts_folder)
    if kind == "post" and date is None and source.modified is not None:
        if not source.is_draft:  # Jekyll dates drafts so
            message = "no date and no YYYY-MM-DD- file name: the file's modification time is used"
            problems.append(Problem(1, "date", message))
        date = source.modified.astimezone(options.zone)
    title, title_in_body = _title(data, split.body, source.path, problems)
    series, series_order = _series(data, kind, problems)
    record = PostRecord(
        title=title,
        title_in_body=title_in_body,
        kind=kind,
        date=date,
        published=_published(data, problems) and not source.is_draft,
        tags=_terms(data, ("tag", "tags"), problems),
        categories=_terms(data, ("category", "categories"), problems),
        authors=_authors(data, problems),
        excerpt=_excerpt(data, problems),
        reading_time=_reading_time(data, split.body, options.speed, problems),
        layout=layout,
        metadata=dict(data.values),
        body_line=split.body_line,
        series=series,
        series_order=series_order,
        image=cover_image(data, problems),
        pinned=_flag(data, "pin", False, problems, subtype="flag"),
        noindex=_flag(data, "noindex", False, problems, subtype="flag")
        or not _flag(data, "sitemap", True, problems, subtype="flag"),
    )
    if record.is_post and date is None:
        problems.append(Problem(1, "date", "this post has no date and no YYYY-MM-DD- file name: shown as a draft"))
    return record


def _unknown_keys(data: FrontMatterData) -> list[Problem]:
    """Unknown keys that look like typos of known ones (``catgories``, ``tagss``); other unknown keys
    are kept silently, among them a known key with a word added (``update``, ``subtitle``)."""
    problems = []
    for key in data.values:
        if key in KNOWN_KEYS or key in COMMON_KEYS:
            continue
        close = [
            known
            for known in difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=3, cutoff=0.75)
            if not (known in key.lower() and len(key) - len(known) >= 2)
        ]
        if close:
            message = f"unknown key {key!r}: did you mean {close[0]!r}?"
            problems.append(Problem(data.line_of(key), "unknown_key", message))
    return problems


def _kind(layout: str | None, date: datetime | None, in_posts_folder: bool) -> PostKind:
    if layout == "page" or (layout != "post" and date is None and not in_posts_folder):
        return "page"
    return "post"


def _date(data: FrontMatterData, path: PurePath, options: ReadOptions, problems: list[Problem]) -> datetime | None:
    from_name = date_from_file_name(path.name, options.zone)
    if data.values.get("date") is None:
        return from_name
    line = data.line_of("date")
    try:
        date, as_written = parse_date(data.values["date"], options.zone), written_day(data.values["date"])
    except DateError as error:
        problems.append(Problem(line, "date", f"date: {error}"))
        return from_name
    if from_name is not None and from_name.date() not in (as_written, date.date()):  # as written, or as shown
        message = f"date {as_written} is not the file name's {from_name.date()}: the front matter date is used"
        problems.append(Problem(line, "date", message))
    now = options.now or datetime.now(options.zone)
    if date > now + FAR_FUTURE:
        problems.append(Problem(line, "date", f"date {date.date()} is more than a year ahead: is the year right?"))
    return date


def _title(data: FrontMatterData, body: str, path: PurePath, problems: list[Problem]) -> tuple[str, bool]:
    """The title, and whether the body's first heading already shows it (then no heading is added).

    A front matter title is the page's title whatever headings the body has, as in
    Jekyll's layouts: the body's own ``#`` headings stay sections below it.  Its HTML
    character references are the characters they name (``&lt;&lt;~`` is ``<<~``, as
    jekyll-seo-tag's ``escape_once`` and most themes showed it): the title stays text.
    """
    found = list(headings(body))
    value = data.values.get("title")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        problems.append(Problem(data.line_of("title"), "title", f"title: {value!r} is a number: quote it"))
        value = str(value)
    if isinstance(value, str) and value.strip():
        title = collapse_white_space(html.unescape(value))
        first = found[0] if found else None
        return title, first is not None and first[0] == 1 and same_text(first[1], title)
    if "title" in data.values:
        problems.append(Problem(data.line_of("title"), "title", "title: expected non-empty text"))
    if found and found[0][1].strip():
        return found[0][1], True
    problems.append(Problem(1, "title", "no title in the front matter and no heading: the file name is used"))
    return _title_from_file_name(path), False


def same_text(left: str, right: str) -> bool:
    """Whether two texts read the same: width, case and white space aside."""

    def fold(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split()).casefold()

    return fold(left) == fold(right)


def _title_from_file_name(path: PurePath) -> str:
    split = split_dated_name(path.stem)
    stem = split[1] if split else path.stem
    return " ".join(stem.replace("-", " ").replace("_", " ").split()) or path.stem


def _published(data: FrontMatterData, problems: list[Problem]) -> bool:
    """``published: false`` (Jekyll) or ``draft: true`` (Hugo, Docusaurus) makes a draft."""
    published = _flag(data, "published", True, problems)
    draft = _flag(data, "draft", False, problems)
    return published and not draft


def _flag(data: FrontMatterData, key: str, default: bool, problems: list[Problem], subtype: str = "published") -> bool:
    value = data.values.get(key, default)
    if isinstance(value, bool):
        return value
    problems.append(Problem(data.line_of(key), subtype, f"{key}: expected true or false"))
    return default


#: Minimal Mistakes' pictures of a page's header, in the order one is taken for its cover
#: (``teaser`` is only shown in lists there)
HEADER_IMAGE_KEYS = ("overlay_image", "image")


def cover_image(data: FrontMatterData, problems: list[Problem]) -> CoverImage | None:
    """``image: /assets/img/x.png``, or ``image: {path: ..., alt: ...}`` (Chirpy's, jekyll-seo-tag's),
    else Minimal Mistakes' ``header: {overlay_image: ..., image_description: ...}`` (or ``image``),
    else Beautiful Jekyll's ``cover-img``;
    a relative path is read as the post's other images are (:func:`under_media_subpath`)."""
    value = data.values.get("image")
    if value is not None:
        given = value if isinstance(value, dict) else {"path": value}
        expected = "image: expected a path or URL, or a mapping with a path and an alt text"
        return _cover(given.get("path"), given.get("alt", ""), expected, data.line_of("image"), problems)
    header = data.values.get("header")
    key = _header_image_key(header)
    if isinstance(header, dict) and key is not None:
        expected = f"header.{key}: expected a path or URL, and a text as image_description"
        return _cover(header[key], header.get("image_description", ""), expected, data.line_of("header"), problems)
    if data.values.get("cover-img") is not None:
        return _beautiful_jekyll_cover(data.values["cover-img"], data.line_of("cover-img"), problems)
    return None


def _header_image_key(header: object) -> str | None:
    """The key of Minimal Mistakes' ``header`` mapping that holds its cover picture, if any."""
    if not isinstance(header, dict):
        return None
    return next((key for key in HEADER_IMAGE_KEYS if header.get(key) is not None), None)


def _beautiful_jekyll_cover(value: object, line: int, problems: list[Problem]) -> CoverImage | None:
    """Beautiful Jekyll's ``cover-img``: a path, or a list of paths or of ``{path: caption}``
    mappings, of which that theme shows one at random and the first is taken here."""
    first = value[0] if isinstance(value, list) and value else value
    path, caption = next(iter(first.items())) if isinstance(first, dict) and len(first) == 1 else (first, "")
    expected = "cover-img: expected a path or URL, or a list of them (each alone or with its caption)"
    return _cover(path, caption, expected, line, problems)


def _cover(path: object, alt: object, expected: str, line: int, problems: list[Problem]) -> CoverImage | None:
    """The cover picture at ``path``; ``expected`` says what the front matter should have held."""
    if not isinstance(path, str) or not path.strip() or not isinstance(alt, str):
        problems.append(Problem(line, "image", f"{expected}: not shown"))
        return None
    path = path.strip()
    if _UNSAFE_SCHEME.match(path):
        name = expected.split(":", 1)[0]
        problems.append(Problem(line, "image", f"{name}: {path!r} is not a path or an http(s) URL"))
        return None
    return CoverImage(path, collapse_white_space(alt), line)


def media_subpath(metadata: Mapping[str, Any]) -> str | None:
    """Chirpy's ``media_subpath`` (``img_path`` before its version 7): the folder a post's
    relative image paths are under."""
    folder = metadata.get("media_subpath", metadata.get("img_path"))
    return folder.strip().rstrip("/") if isinstance(folder, str) and folder.strip() else None


def under_media_subpath(path: str, folder: str | None) -> str:
    """An image's path as Chirpy reads it: a relative one under ``folder``; a site path
    (``/assets/x.png``) or a URL as it is."""
    return f"{folder}/{path}" if folder and path and not _SCHEME_OR_ROOT.match(path) else path


def _excerpt(data: FrontMatterData, problems: list[Problem]) -> str | None:
    """``excerpt``, else ``description`` (jekyll-seo-tag's and Chirpy's summary, Docusaurus's),
    else ``summary`` (Hugo's)."""
    for key in EXCERPT_KEYS:
        if (text := _text_value(data, key, "excerpt", problems)) is not None:
            return text
    return None


def _text_value(data: FrontMatterData, key: str, subtype: str, problems: list[Problem]) -> str | None:
    return _text_of(data.values.get(key), key, data.line_of(key), subtype, problems)


def _text_of(value: object, key: str, line: int, subtype: str, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    problems.append(Problem(line, subtype, f"{key}: expected text, got {type(value).__name__}"))
    return None


def _terms(data: FrontMatterData, keys: tuple[str, ...], problems: list[Problem]) -> tuple[str, ...]:
    terms: list[str] = []
    for key in keys:
        if key not in data.values:
            continue
        found, complaints = terms_from_value(data.values[key], split_text=key.endswith("s"))
        terms.extend(found)
        problems.extend(Problem(data.line_of(key), "taxonomy", f"{key}: {text}") for text in complaints)
    return tuple(unique_terms(terms))


def _authors(data: FrontMatterData, problems: list[Problem]) -> tuple[str, ...]:
    names: list[str] = []
    for key in ("author", "authors"):
        if key not in data.values:
            continue
        found, complaints = terms_from_value(_author_names(data.values[key]), split_text=False)
        names.extend(found)
        problems.extend(Problem(data.line_of(key), "taxonomy", f"{key}: {text}") for text in complaints)
    return tuple(unique_terms(names))


def _author_names(value: object) -> object:
    """An author given as a jekyll-seo-tag mapping (``{name: ...}``) stands for its name."""
    if isinstance(value, dict):
        return value.get("name")
    if isinstance(value, list):
        return [item.get("name") if isinstance(item, dict) else item for item in value]
    return value


def _series(data: FrontMatterData, kind: PostKind, problems: list[Problem]) -> tuple[str | None, float | None]:
    """The series a post is part of and its order there; a wiki page is ordered by its toctree instead."""
    value = data.values.get("series")
    if isinstance(value, list) and len(value) == 1:  # ``series: [name]``, as some themes write it
        value = value[0]
    name = _text_of(value, "series", data.line_of("series"), "series", problems)
    order = _series_order(data, problems)
    if name is not None and kind == "page":
        message = "series: only posts form a series (a wiki page's place is its toctree's): ignored"
        problems.append(Problem(data.line_of("series"), "series", message))
        return None, None
    if order is not None and name is None:
        problems.append(Problem(data.line_of("series_order"), "series", "series_order without a series: ignored"))
        return None, None
    return (collapse_white_space(name) if name is not None else None), order


def _series_order(data: FrontMatterData, problems: list[Problem]) -> float | None:
    """A number (``2``, ``2.5``, ``"2"``); anything else is reported and left out."""
    value = data.values.get("series_order")
    if value is None:
        return None
    number = _finite_number(value)
    if number is None:
        message = f"series_order: expected a number, got {value!r}"
        problems.append(Problem(data.line_of("series_order"), "series", message))
    return number


def _finite_number(value: object) -> float | None:
    """A YAML number, or text that is one; true/false, infinity and NaN are not."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _reading_time(data: FrontMatterData, body: str, speed: ReadingSpeed, problems: list[Problem]) -> int:
    value = data.values.get("reading_time")
    if value is not None and not isinstance(value, bool):
        match = _LEADING_NUMBER.match(str(value))
        if match and float(match.group(1)) > 0:
            return math.ceil(float(match.group(1)))
        problems.append(
            Problem(data.line_of("reading_time"), "reading_time", f"reading_time: expected minutes, got {value!r}")
        )
    return reading_minutes(body, speed)
