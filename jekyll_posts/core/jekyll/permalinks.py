"""The URL a post had on the Jekyll site, and the file Jekyll wrote it to.

Everything here follows Jekyll 4.3's source (``lib/jekyll/url.rb``,
``drops/url_drop.rb``, ``utils.rb``, ``document.rb``,
``configuration.rb``, ``tags/post_url.rb``) and jekyll-redirect-from 0.16,
and was checked against ``jekyll`` 4.3.1 itself::

    post = JekyllPost(PurePosixPath("ja/news/_posts/2017-10-12-name.md"), date, categories=("Tech",))
    post_url(post, "date")              # "/ja/news/tech/2017/10/12/name.html"
    output_path(post_url(post, "pretty"))  # PurePosixPath("ja/news/tech/2017/10/12/name/index.html")

What Jekyll does that may surprise:

- ``:categories`` are the folders above ``_posts`` and then the front matter's
  ``categories`` and ``category``, each *lowercased* but not slugified (a
  space becomes ``%20``); ``:slugified_categories`` slugifies them.
- ``:title`` is the file name's slug (or the front matter ``slug``) with
  only runs of unsafe characters made hyphens, case kept (``Hello-World!``);
  ``:slug`` and ``:name`` are lowercased with every non-letter a hyphen.  The
  front matter ``title`` is never used.
- The date is the post's date in the *site's* time zone (Jekyll calls
  ``Time#localtime`` with ``TZ`` set from ``timezone:``), not in the offset
  written in the front matter: pass ``zone``, or a date already in it.
- A URL escapes non-ASCII characters (``%E6%97%A5...``); the file on disk is
  written with the raw characters.  A URL ending in ``/`` is written as
  ``index.html`` in that folder; one without an extension gets ``.html``.
- ``baseurl`` is not part of a post's URL; ``{% post_url %}`` and the
  ``relative_url`` filter put it in front (:func:`with_baseurl`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from ..dates import DateError, parse_date, split_dated_name

#: Jekyll's default ``markdown_ext``: the extensions it renders as Markdown.
MARKDOWN_EXTENSIONS = ("markdown", "mkdown", "mkdn", "mkd", "md")

#: The built-in ``permalink:`` styles (Jekyll's ``Configuration::STYLE_TO_PERMALINK``).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}

#: Every placeholder a permalink may hold (Jekyll's ``UrlDrop``).
PLACEHOLDERS = frozenset(
    {
        "year",
        "month",
        "i_month",
        "day",
        "i_day",
        "y_day",
        "short_year",
        "hour",
        "minute",
        "second",
        "week",
        "w_year",
        "w_day",
        "short_month",
        "long_month",
        "short_day",
        "long_day",
        "title",
        "slug",
        "name",
        "categories",
        "slugified_categories",
        "path",
        "collection",
        "output_ext",
    }
)

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_SAFE_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")
#: What ``Addressable::URI.encode`` leaves as it is in a path (RFC 3986 pchar and "/"; "?" starts a query).
_URI_KEPT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?")
_PRETTY_KEPT = frozenset("._~!$&'()+,;=@")
_SPECIAL_LEADING = (".", "_", "#", "~")


@dataclass(frozen=True)
class JekyllPost:
    """What a permalink needs of one post.

    ``relative_path`` is the file's path in the Jekyll site
    (``ja/news/_posts/2017-10-12-name.md``); ``date`` is aware;
    ``categories`` are the front matter's, as :func:`front_matter_categories`
    reads them (the folders above ``_posts`` are added here); ``slug`` and
    ``permalink`` are the front matter values.  ``title`` is kept for the
    caller: Jekyll never puts the front matter title in a URL.
    """

    relative_path: PurePosixPath
    date: datetime
    categories: tuple[str, ...] = ()
    slug: str | None = None
    permalink: str | None = None
    title: str | None = None


def jekyll_date(path: PurePosixPath, value: object, zone: ZoneInfo) -> datetime | None:
    """The date Jekyll gives the post at ``path``: its front matter ``date`` (``value``), else its
    file name's, read in the site's ``zone`` (``timezone:``).  A date written without an offset
    (a file name's, ``2005-07-01``) is that day in the site's zone: its URL has that day."""
    if value is not None:
        try:
            return parse_date(value, zone)
        except DateError:
            pass
    split = split_post_file_name(path.name)
    return datetime.combine(split[0], time(), tzinfo=zone) if split else None


def split_post_file_name(name: str) -> tuple[date, str, str] | None:
    """``(date, slug, extension)`` of a post file name such as ``2017-1-5-name.md``; ``None`` if it is not one."""
    split = split_dated_name(name)
    if split is None or "/" in split[1]:
        return None
    slug, dot, extension = split[1].rpartition(".")
    return (split[0], slug, f".{extension}") if dot and extension else None


def is_post_file(relative_path: PurePosixPath, markdown_ext: Sequence[str] = MARKDOWN_EXTENSIONS) -> bool:
    """Whether Jekyll builds this file of a ``_posts`` folder as a Markdown post.

    Jekyll reads every file under ``_posts`` (sub-folders too) whose name has a
    date and an extension, skipping names starting with ``.``, ``_``, ``#`` or
    ``~`` and backups ending in ``~``; it renders it as Markdown when its
    extension is one of ``markdown_ext`` (other posts, ``.html`` say, are not
    Markdown and are not counted here).
    """
    parts = relative_path.parts
    if "_posts" not in parts[:-1]:
        return False
    inside = parts[parts.index("_posts") + 1 :]
    if inside[0].startswith(_SPECIAL_LEADING) or inside[-1].startswith(_SPECIAL_LEADING):
        return False
    if any(part.startswith(".") for part in inside) or relative_path.name.endswith(("~", ".")):
        return False
    split = split_post_file_name(relative_path.name)
    return split is not None and split[2][1:].lower() in {ext.lower() for ext in markdown_ext}


def post_url_name(relative_path: PurePosixPath) -> str:
    """The name ``{% post_url %}`` takes for this post: ``2017-10-12-name``, ``sub/2017-10-12-name``
    (a folder inside ``_posts``) or ``ja/news/2017-10-12-name`` (folders above it)."""
    parts = list(relative_path.with_suffix("").parts)
    if "_posts" in parts[:-1]:
        parts.remove("_posts")
    return "/".join(parts)


def front_matter_categories(categories: object = None, category: object = None) -> tuple[str, ...]:
    """The categories Jekyll reads from ``categories`` and ``category``.

    A ``categories`` string is split at white space, a list keeps its items
    (``null`` items dropped) as text; a ``category`` value is one more
    category.  Repeats are dropped.
    """
    found: list[object] = []
    if isinstance(categories, str):
        found += categories.split()
    elif isinstance(categories, list):
        found += _flatten(categories)
    elif categories is not None and not isinstance(categories, dict):
        found.append(categories)
    if isinstance(category, list):
        found += _flatten(category)
    elif category is not None and not isinstance(category, dict):
        found.append(category)
    return tuple(dict.fromkeys(_ruby_text(value) for value in found))


def path_categories(relative_path: PurePosixPath, collections_dir: str = "") -> tuple[str, ...]:
    """The folders above ``_posts`` (``ja/news/_posts/x.md`` -> ``ja``, ``news``), as Jekyll's
    ``categories_from_path`` cuts them (at the first ``_posts`` in the path, even inside a name)."""
    path = _in_collections(relative_path, collections_dir)
    if path.startswith("_posts"):
        return ()
    above = re.sub(r"_posts.*", "", path, count=1)
    return tuple(part for part in above.split("/") if part and part not in ("_posts", relative_path.name))


def posts_permalink_style(config: Mapping[str, Any]) -> str:
    """The permalink style of a site's posts: the posts collection's (``collections: posts:
    permalink:``, which wins in Jekyll), else the site's ``permalink``, else ``date``."""
    collections = config.get("collections")
    posts = collections.get("posts") if isinstance(collections, dict) else None
    for style in (posts.get("permalink") if isinstance(posts, dict) else None, config.get("permalink")):
        if isinstance(style, str) and style.strip():
            return style
    return "date"


def url_template(style: str) -> str:
    """The template of a ``permalink:`` setting: a built-in style's, or the setting itself."""
    return STYLES.get(style, style)


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders Jekyll does not know (it stops the build on them); :func:`post_url` leaves them as text."""
    return [match[0] for match in _PLACEHOLDER.finditer(template) if _known_key(match[1]) is None]


def post_url(post: JekyllPost, style: str = "date", *, collections_dir: str = "", zone: tzinfo | None = None) -> str:
    """The post's URL path on the Jekyll site, without ``baseurl``: ``/2017/10/12/name.html``.

    ``style`` is the site's ``permalink:`` (a built-in style or a template);
    the post's own ``permalink:`` wins over it.  ``zone`` is the site's time
    zone, when ``post.date`` is not in it already.
    """
    values = _placeholders(post, collections_dir, zone)
    template = post.permalink if post.permalink is not None else url_template(style)
    return _sanitize_url(_PLACEHOLDER.sub(lambda match: _replace(match, values), template))


def output_path(url: str, output_ext: str = ".html") -> PurePosixPath:
    """The file Jekyll writes for ``url``, relative to ``_site``, with its characters unescaped:
    ``/foo/`` -> ``foo/index.html``, ``/2017/name`` -> ``2017/name.html``."""
    path = unquote(url, errors="replace")
    parts = [part for part in path.split("/") if part not in ("", ".", "..")]
    if url.endswith("/") or not parts:
        parts.append("index.html")
    elif not parts[-1].endswith(output_ext):
        parts[-1] += output_ext
    return PurePosixPath(*parts)


def with_baseurl(url: str, baseurl: str | None) -> str:
    """``url`` as Jekyll's ``relative_url`` filter (and ``{% post_url %}``) writes it: behind ``baseurl``."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url):
        return url
    base = (baseurl or "").rstrip("/")
    base = base if not base or base.startswith("/") else f"/{base}"
    return base + (url if url.startswith("/") else f"/{url}")


def redirect_from(value: object) -> tuple[list[str], list[str]]:
    """The old URLs a post's ``redirect_from`` (jekyll-redirect-from) lists, and what was wrong with it.

    A string or a list of strings; each becomes a redirect page at that path,
    with a leading ``/`` added (:func:`output_path` gives its file).  Other
    values, empty paths and absolute URLs are reported and skipped.
    """
    if value is None:
        return [], []
    items = value if isinstance(value, list) else [value]
    urls: list[str] = []
    complaints: list[str] = []
    for item in items:
        if item is None:
            continue
        if not isinstance(item, str):
            complaints.append(f"redirect_from entries must be paths, skipped {item!r}")
        elif not item.strip():
            complaints.append("an empty redirect_from entry would redirect the home page: skipped")
        elif re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", item):
            complaints.append(f"redirect_from takes paths on this site, not {item!r}: skipped")
        else:
            urls.append(_sanitize_url(item.strip() if item.strip().startswith("/") else f"/{item.strip()}"))
    return urls, complaints


def jekyll_slugify(text: str, mode: str = "default", *, cased: bool = False) -> str:
    """Jekyll's ``Utils.slugify`` in its ``default``, ``pretty``, ``raw`` and ``ascii`` modes.

    ``default``: every run of characters other than letters, marks and
    digits becomes one hyphen; ``pretty`` also keeps ``._~!$&'()+,;=@``;
    ``raw`` replaces only white space; ``ascii`` keeps only ASCII letters and
    digits.  Hyphens at the ends are dropped; the result is lowercased unless
    ``cased``.  Japanese letters are kept as they are.
    """
    pieces: list[str] = []
    for char in text:
        keep = _kept(char, mode)
        if keep:
            pieces.append(char)
        elif not pieces or pieces[-1] != "-" or _kept("-", mode):
            pieces.append("-")
    slug = "".join(pieces)
    slug = re.sub(r"^-|-$", "", slug)
    return slug if cased else slug.lower()


# --- placeholders ------------------------------------------------------------


def _placeholders(post: JekyllPost, collections_dir: str, zone: tzinfo | None) -> dict[str, str]:
    moment = post.date.astimezone(zone) if zone is not None else post.date
    basename = post.relative_path.stem if post.relative_path.suffix else post.relative_path.name
    slug = post.slug if post.slug is not None else _file_slug(post.relative_path)
    categories = _unique(path_categories(post.relative_path, collections_dir) + post.categories)
    iso_year, iso_week, iso_day = moment.isocalendar()
    return {
        "collection": "posts",
        "name": jekyll_slugify(basename),
        "title": jekyll_slugify(slug, "pretty", cased=True),
        "slug": jekyll_slugify(slug),
        "categories": "/".join(_unique(category.lower() for category in categories)),
        "slugified_categories": "/".join(_unique(jekyll_slugify(category) for category in categories)),
        "year": f"{moment.year:04d}",
        "month": f"{moment.month:02d}",
        "day": f"{moment.day:02d}",
        "hour": f"{moment.hour:02d}",
        "minute": f"{moment.minute:02d}",
        "second": f"{moment.second:02d}",
        "i_day": str(moment.day),
        "i_month": str(moment.month),
        "short_month": _MONTHS[moment.month - 1][:3],
        "long_month": _MONTHS[moment.month - 1],
        "short_year": f"{moment.year % 100:02d}",
        "w_year": str(iso_year),
        "week": f"{iso_week:02d}",
        "w_day": str(iso_day),
        "short_day": _DAYS[iso_day - 1][:3],
        "long_day": _DAYS[iso_day - 1],
        "y_day": f"{moment.timetuple().tm_yday:03d}",
        "path": _cleaned_relative_path(post.relative_path, collections_dir),
        "output_ext": ".html",
    }


def _replace(match: re.Match[str], values: dict[str, str]) -> str:
    key = _known_key(match[1])
    if key is None:
        return match[0]
    return match[0].replace(f":{key}", _escape_path(values[key]), 1)


def _known_key(name: str) -> str | None:
    """Jekyll reads ``:month_`` as ``:month`` followed by ``_`` when there is no ``month_``."""
    pool = [name, name.removesuffix("_")] if name.endswith("_") else [name]
    return next((key for key in pool if key in PLACEHOLDERS), None)


def _file_slug(relative_path: PurePosixPath) -> str:
    """The slug Jekyll takes from the file name: after the date, before the extension, no trailing dots."""
    split = split_post_file_name(relative_path.name)
    slug = split[1] if split else relative_path.stem
    return slug.rstrip(".")


def _cleaned_relative_path(relative_path: PurePosixPath, collections_dir: str) -> str:
    path = _in_collections(relative_path, collections_dir)
    path = path[: len(path) - len(relative_path.suffix)] if relative_path.suffix else path
    return path.replace("_posts", "", 1).rstrip(".")


def _in_collections(relative_path: PurePosixPath, collections_dir: str) -> str:
    path = str(relative_path)
    prefix = collections_dir.strip("/")
    return path[len(prefix) + 1 :] if prefix and path.startswith(f"{prefix}/") else path


def _escape_path(value: str) -> str:
    """Jekyll's ``URL.escape_path``: ``Addressable::URI.encode``, then ``#`` as ``%23``."""
    if not value or _SAFE_PATH.match(value):
        return value
    return "".join(char if char in _URI_KEPT else _percent(char) for char in value)


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def _sanitize_url(url: str) -> str:
    """Jekyll's ``URL#sanitize_url``: a leading ``/``, ``..`` and ``./`` taken out, no ``//``."""
    result = f"/{url}".replace("..", "/").replace("./", "")
    return re.sub(r"/+", "/", result)


def _kept(char: str, mode: str) -> bool:
    if mode == "raw":
        return not char.isspace()
    if mode == "ascii":
        return char.isascii() and char.isalnum()
    category = unicodedata.category(char)
    if category[0] in "LM" or category == "Nd":
        return True
    return mode == "pretty" and char in _PRETTY_KEPT


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _flatten(values: list[object]) -> list[object]:
    flat: list[object] = []
    for value in values:
        flat += _flatten(value) if isinstance(value, list) else [] if value is None else [value]
    return flat


def _ruby_text(value: object) -> str:
    """``value.to_s`` as Ruby writes YAML scalars: ``true``, ``1.5``, ``2017-01-01``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
