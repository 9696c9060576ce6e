"""From a Markdown file's text and path to a typed post record and its problems.

This is the whole mapping from Jekyll front matter to what the site shows; it
knows nothing of Sphinx and never raises on bad input::

    parsed = parse_post(text, PurePosixPath("posts/2026-01-01-llama.md"), ReadOptions())
    parsed.record.date      # aware datetime in Asia/Tokyo
    parsed.problems         # [Problem(line=5, subtype="taxonomy", message=...)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any, Literal
from zoneinfo import ZoneInfo

from .dates import DateError, date_from_file_name, parse_date
from .frontmatter import FrontMatterData, read_front_matter, split_front_matter
from .markdown import headings
from .problems import Problem
from .reading import ReadingSpeed, reading_minutes
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
        "categories",
        "category",
        "author",
        "authors",
        "excerpt",
        "reading_time",
    }
)

_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)")
_FILE_NAME_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}-")


@dataclass(frozen=True)
class ReadOptions:
    """Site settings that change how a post is read."""

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Tokyo"))
    speed: ReadingSpeed = field(default_factory=ReadingSpeed)


@dataclass(frozen=True)
class PostRecord:
    """Everything the site needs to know about one Markdown document.

    ``title`` is always set (front matter, else the first heading, else the
    file name); ``title_in_body`` says whether the body already shows it as
    its top heading.  ``date`` is aware and in the site's zone.  A ``post``
    is listed in the blog; a ``page`` is an evergreen wiki page.  A post that
    is not ``published`` is a draft.  ``metadata`` holds every front matter
    key with its YAML value.
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

    @property
    def is_post(self) -> bool:
        return self.kind == "post"

    @property
    def is_draft(self) -> bool:
        return self.is_post and (not self.published or self.date is None)


@dataclass(frozen=True)
class ParsedPost:
    """A record (``None`` for a file without front matter) and its problems."""

    record: PostRecord | None
    problems: tuple[Problem, ...] = ()


def parse_post(text: str, path: PurePath, options: ReadOptions) -> ParsedPost:
    """Read the front matter and body of the Markdown file ``path``."""
    split = split_front_matter(text)
    if split is None:
        return ParsedPost(None)
    data = read_front_matter(split.yaml_text)
    problems = list(data.problems)
    date = _date(data, path, options.zone, problems)
    layout = _text_value(data, "layout", "layout", problems)
    title, title_in_body = _title(data, split.body, path, problems)
    record = PostRecord(
        title=title,
        title_in_body=title_in_body,
        kind=_kind(layout, date),
        date=date,
        published=_published(data, problems),
        tags=_terms(data, ("tags",), problems),
        categories=_terms(data, ("category", "categories"), problems),
        authors=_authors(data, problems),
        excerpt=_text_value(data, "excerpt", "excerpt", problems),
        reading_time=_reading_time(data, split.body, options.speed, problems),
        layout=layout,
        metadata=dict(data.values),
        body_line=split.body_line,
    )
    if record.is_post and date is None:
        problems.append(Problem(1, "date", "this post has no date and no YYYY-MM-DD- file name: shown as a draft"))
    return ParsedPost(record, tuple(sorted(problems, key=lambda problem: problem.line)))


def _kind(layout: str | None, date: datetime | None) -> PostKind:
    if layout == "page" or (layout != "post" and date is None):
        return "page"
    return "post"


def _date(data: FrontMatterData, path: PurePath, zone: ZoneInfo, problems: list[Problem]) -> datetime | None:
    from_name = date_from_file_name(path.name, zone)
    if data.values.get("date") is None:
        return from_name
    try:
        return parse_date(data.values["date"], zone)
    except DateError as error:
        problems.append(Problem(data.line_of("date"), "date", f"date: {error}"))
        return from_name


def _title(data: FrontMatterData, body: str, path: PurePath, problems: list[Problem]) -> tuple[str, bool]:
    found = list(headings(body))
    has_h1 = any(level == 1 for level, _ in found)
    value = data.values.get("title")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split()), has_h1
    if "title" in data.values:
        problems.append(Problem(data.line_of("title"), "title", "title: expected non-empty text"))
    if found:
        return found[0][1], True
    problems.append(Problem(1, "title", "no title in the front matter and no heading: the file name is used"))
    return _title_from_file_name(path), False


def _title_from_file_name(path: PurePath) -> str:
    stem = _FILE_NAME_DATE.sub("", path.stem)
    return " ".join(stem.replace("-", " ").replace("_", " ").split()) or path.stem


def _published(data: FrontMatterData, problems: list[Problem]) -> bool:
    value = data.values.get("published", True)
    if isinstance(value, bool):
        return value
    problems.append(Problem(data.line_of("published"), "published", "published: expected true or false"))
    return True


def _text_value(data: FrontMatterData, key: str, subtype: str, problems: list[Problem]) -> str | None:
    value = data.values.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    problems.append(Problem(data.line_of(key), subtype, f"{key}: expected text, got {type(value).__name__}"))
    return None


def _terms(data: FrontMatterData, keys: tuple[str, ...], problems: list[Problem]) -> tuple[str, ...]:
    terms: list[str] = []
    for key in keys:
        found, complaints = terms_from_value(data.values.get(key), split_text=key.endswith("s"))
        terms.extend(found)
        problems.extend(Problem(data.line_of(key), "taxonomy", f"{key}: {text}") for text in complaints)
    return tuple(unique_terms(terms))


def _authors(data: FrontMatterData, problems: list[Problem]) -> tuple[str, ...]:
    names: list[str] = []
    for key in ("author", "authors"):
        found, complaints = terms_from_value(_author_names(data.values.get(key)), split_text=False)
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
