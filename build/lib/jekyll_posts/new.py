"""Write a new post, or wiki page, with its front matter filled in.

::

    jekyll-posts new "Llama 4 の評価" --tags LLM,評価 --category AI --author 編集部
    make post TITLE="Llama 4 の評価" TAGS=LLM,評価 CATEGORY=AI AUTHOR=編集部
    jekyll-posts new "オンボーディング" --page --tags ガイド    # docs/wiki/オンボーディング.md

A post goes to ``docs/posts/YYYY-MM-DD-<slug>.md`` (the first folder of
``jekyll_posts_post_folders``, ``conf.py`` read as ``jekyll-posts check`` reads
it), dated now or ``--date`` in the site's time zone.  The written path is the
only output.  An existing file is never overwritten; a refusal is explained on
stderr, with exit status 1.

- Values are written by PyYAML, never quoted by hand, so any title reads back as
  typed.  The text is then read back by :func:`~jekyll_posts.core.parse_post`
  with the site's settings, and nothing is written if it has a problem: a new
  post passes ``jekyll-posts check`` by construction.
- The slug is the title's :func:`~jekyll_posts.core.taxonomy.readable_slug`, the
  readable words of our tag URLs (Japanese kept, ``C++`` -> ``c-plus-plus``),
  without the tag slugs' hash: that hash keeps apart terms nobody names by hand,
  but a file name is chosen once, and a clash is seen here and settled with
  ``--slug``.  A slug has at most :data:`SLUG_BYTES` bytes (a file name at most
  114, under every file system's 255 and eCryptfs's 143) and nothing Windows,
  macOS or a URL cannot hold: no ``/ \\ : * ? " < > | # %``, spaces, invisible
  characters, leading dot, or Windows device name such as ``con``.
- The body is one HTML comment line saying where to write: a comment is never
  shown (neither kramdown, which posts are read as, nor MyST shows it), so a
  post published before it is replaced shows no placeholder in its page, its
  excerpt, the feeds or the search index.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from .check import Located, checked_settings, find_conf_py, read_conf
from .core import SourceFile, parse_post
from .core.dates import DateError, parse_date
from .core.settings import SiteSettings, is_in_posts_folder
from .core.taxonomy import COMMAS, normalize_term, readable_slug, unique_terms

#: The most bytes of UTF-8 in a slug: 100 letters, or 33 Japanese characters.
SLUG_BYTES = 100
WIKI_FOLDER = "wiki"
BODY = "<!-- この行の下に本文を Markdown で書きます（この行はサイトに表示されません） -->\n"

_FORBIDDEN = frozenset('/\\:*?"<>|#%')
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))}
)
_NO_LINE_BREAKS = 1 << 30  # PyYAML's line width: a long title stays on its line


class Refusal(Exception):
    """Why nothing was written, in words for the writer."""


@dataclass(frozen=True)
class NewFile:
    """A file to write: where, and its text."""

    path: Path
    text: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", help="the title, as it is shown (after -- if it starts with -)")
    parser.add_argument("--tags", default="", help="tags, separated by commas (, 、 ，)")
    parser.add_argument("--category", default="", help="categories, separated by commas")
    parser.add_argument(
        "--author", default="", help="the author (default: none written, conf.py's blog_default_author)"
    )
    parser.add_argument("--slug", help="the file name after the date (default: made from the title)")
    parser.add_argument("--draft", action="store_true", help="write published: false, a draft")
    parser.add_argument("--page", action="store_true", help=f"write a wiki page in {WIKI_FOLDER}/, not a post")
    parser.add_argument("--date", help="the post's date, such as '2026-01-02 10:00' in the site's zone (default: now)")
    parser.add_argument("--source", type=Path, default=Path("docs"), help="the Sphinx source folder (docs)")
    parser.add_argument(
        "--conf-dir", type=Path, help="the folder of conf.py (default: the source folder or its parent)"
    )


def run(arguments: argparse.Namespace) -> int:
    settings, conf_problems = _settings(arguments.source, arguments.conf_dir)
    for located in conf_problems:
        print(located, file=sys.stderr)
    try:
        new = plan(arguments, settings, datetime.now(settings.zone))
        write(new)
    except Refusal as refusal:
        print(f"jekyll-posts new: {refusal}", file=sys.stderr)
        return 1
    print(os.path.relpath(new.path))
    if arguments.page:
        docname = new.path.relative_to(arguments.source).with_suffix("").as_posix()
        index = os.path.relpath(arguments.source / "index.md")
        print(f"add {docname} to a toctree, such as {index}'s, to show it in the navigation", file=sys.stderr)
    return 0


def _settings(source: Path, conf_dir: Path | None) -> tuple[SiteSettings, list[Located]]:
    """The site's settings, and what is wrong with them (reported; the build, too, uses the defaults)."""
    conf_py = find_conf_py(source, conf_dir)
    values, problems = read_conf(conf_py)
    settings, bad_settings = checked_settings(values, conf_py, source)
    return settings, problems + bad_settings


def plan(arguments: argparse.Namespace, settings: SiteSettings, now: datetime) -> NewFile:
    """The file to write, checked: its text reads back without a problem."""
    source: Path = arguments.source
    if not source.is_dir():
        raise Refusal(f"no source folder {source}: run this in the project's folder, or give --source")
    title = normalize_term(arguments.title)
    if not title:
        raise Refusal("the title is empty")
    if arguments.page and (arguments.draft or arguments.date is not None):
        raise Refusal("--draft and --date are for posts: a wiki page has no date and is never a draft")
    date = None if arguments.page else post_date(arguments.date, settings.zone, now)
    folder = source / WIKI_FOLDER if date is None else _posts_folder(source, settings)
    prefix = "" if date is None else f"{date:%Y-%m-%d}-"
    slug = _slug(arguments.slug, title, prefix, "page" if date is None else "post")
    fields = front_matter(
        title,
        date,
        _terms(arguments.category),
        _terms(arguments.tags),
        normalize_term(arguments.author),
        arguments.draft,
    )
    new = NewFile(folder / f"{prefix}{slug}.md", f"---\n{dump_yaml(fields)}---\n\n{BODY}")
    _read_back(new, source, settings)
    return new


def post_date(text: str | None, zone: ZoneInfo, now: datetime) -> datetime:
    """The post's date: ``--date`` read as a front matter ``date`` (no offset: in ``zone``), else ``now``.

    A wall time in a daylight-saving gap (02:30 on the night clocks jump from 02:00
    to 03:00) is written as the real time it names (03:30), so the file says what
    the site shows.
    """
    if text is None:
        return now.replace(microsecond=0)
    try:
        moment = parse_date(text, zone)
    except DateError as error:
        raise Refusal(f"--date: {error}") from error
    return moment.astimezone(UTC).astimezone(zone).replace(microsecond=0)


def _posts_folder(source: Path, settings: SiteSettings) -> Path:
    if not settings.post_folders:
        raise Refusal("jekyll_posts_post_folders in conf.py is empty: no folder to write posts into")
    return source / settings.post_folders[0].strip("/")


def _terms(text: str) -> list[str]:
    """Tags or categories from one option: split at commas, trimmed, empty and repeated ones dropped."""
    return unique_terms(COMMAS.split(text))


def front_matter(
    title: str, date: datetime | None, categories: list[str], tags: list[str], author: str, draft: bool
) -> dict[str, object]:
    """The front matter, in the order a writer reads it; no date makes a wiki page.

    A post has every key a writer fills in, with an empty excerpt (the first
    paragraph is shown until one is written), but no author when none is given:
    ablog's ``blog_default_author`` then applies, where an empty author would be
    a problem.  A page has its tags, and categories and author only when given.
    """
    if date is None:
        fields: dict[str, object] = {"layout": "page", "title": title, "tags": tags}
        if categories:
            fields["categories"] = categories
        if author:
            fields["author"] = author
        return fields
    fields = {"layout": "post", "title": title, "date": f"{date:%Y-%m-%d %H:%M:%S %z}"}
    fields |= {"categories": categories, "tags": tags}
    if author:
        fields["author"] = author
    fields["excerpt"] = ""
    if draft:
        fields["published"] = False
    return fields


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with "double" quotes where it would use 'single' ones.

    As Jekyll's examples and this project's posts quote; a quote inside is
    written ``\\"``, as in most languages, where single quotes double it (``''``).
    Not for text with characters beyond U+FFFF (most emoji), which PyYAML writes
    in double quotes only as escapes (``\\U0001F600``): single quotes keep them.
    """

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        scalar = self.analysis.scalar if self.analysis else ""
        return '"' if style == "'" and all(char <= "\uffff" for char in scalar) else style


def dump_yaml(fields: dict[str, object]) -> str:
    """YAML for front matter: a line per key, lists in brackets, text plain or quoted only as needed."""
    return yaml.dump(
        fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=_NO_LINE_BREAKS
    )


def title_slug(title: str) -> str:
    """A file name's slug made from a title: readable, the same for the same title, possibly empty.

    Variation selectors and enclosing marks (an emoji's U+FE0F, a keycap's U+20E3)
    are dropped: left behind by a dropped emoji, they would be invisible characters
    in the file name.  A long slug is cut, between characters, to :data:`SLUG_BYTES`.
    """
    words = "".join(char for char in readable_slug(title) if not _decorates(char))
    cut = words.encode("utf-8")[:SLUG_BYTES].decode("utf-8", "ignore")
    return "-".join(part for part in cut.split("-") if part)


def _decorates(char: str) -> bool:
    return unicodedata.category(char) == "Me" or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


def slug_problem(slug: str, prefix: str = "") -> str | None:
    """What makes ``slug`` unusable after ``prefix`` in a file name and URL, ``None`` when nothing does."""
    if not slug:
        return "is empty"
    bad = "".join(sorted({char for char in slug if char in _FORBIDDEN or unicodedata.category(char)[0] in "CZ"}))
    if bad:
        return f"has {bad!r}: no file name or URL should (use letters, digits, - and _)"
    if slug.startswith("."):
        return "starts with a dot, which hides a file"
    if len(slug.encode("utf-8")) > SLUG_BYTES:
        return f"is {len(slug.encode('utf-8'))} bytes long, more than {SLUG_BYTES} (33 Japanese characters)"
    if f"{prefix}{slug}".split(".")[0].casefold() in _WINDOWS_DEVICES:
        return "is a device name on Windows, where no file can have it"
    return None


def _slug(given: str | None, title: str, prefix: str, fallback: str) -> str:
    slug = (title_slug(title) or fallback) if given is None else given
    problem = slug_problem(slug, prefix)
    if problem is None:
        return slug
    if given is not None:
        raise Refusal(f"--slug {given!r} {problem}")
    raise Refusal(f"the slug {slug!r} made from the title {problem}: give one with --slug")


def _read_back(new: NewFile, source: Path, settings: SiteSettings) -> None:
    """Refuse a file the site would read with a problem (a tag too long, a date a year ahead)."""
    docname = new.path.relative_to(source).with_suffix("").as_posix()
    in_posts_folder = is_in_posts_folder(docname, settings.post_folders)
    parsed = parse_post(new.text, SourceFile(new.path, in_posts_folder), settings.read_options())
    if parsed.problems:
        found = "\n".join(str(Located(new.path, problem)) for problem in parsed.problems)
        raise Refusal(f"nothing written, the site would read {new.path} with problems:\n{found}")


def write(new: NewFile) -> None:
    """Write ``new``, creating its folder, never over an existing file.

    A file whose name differs only in case counts as existing: on macOS and
    Windows it is the same file, and on any system the same URL.
    """
    folder = new.path.parent
    if folder.is_dir():
        same = next((path for path in folder.iterdir() if path.name.casefold() == new.path.name.casefold()), None)
        if same is not None:
            raise _exists(same)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with new.path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(new.text)
    except FileExistsError:
        raise _exists(new.path) from None


def _exists(path: Path) -> Refusal:
    return Refusal(f"{os.path.relpath(path)} already exists: nothing written (give another --slug)")
