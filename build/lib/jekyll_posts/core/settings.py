"""The site's settings: every ``jekyll_posts_*`` value, with its default and its check.

Each setting is declared once in :data:`SETTINGS`; the Sphinx glue registers
them as configuration values and checks them on ``config-inited``, and
``jekyll-posts-check`` reads them from ``conf.py`` and checks them the same
way.  A bad value is reported and replaced by its default::

    settings, problems = site_settings({"jekyll_posts_timezone": "Mars/Base"})
    settings.timezone       # "Asia/Tokyo"
    problems                # [("jekyll_posts_timezone", "jekyll_posts_timezone = 'Mars/Base' is not ...")]

The ablog settings the site's generated pages depend on (``blog_path``,
``blog_authors``, ...) are read with ablog's defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .jekyll.permalinks import MARKDOWN_EXTENSIONS
from .post import ReadOptions
from .readingtime import ReadingSpeed

Check = Callable[[object], bool]


def _is_zone(value: object) -> bool:
    try:
        ZoneInfo(str(value)) if isinstance(value, str) else ZoneInfo("")
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def _is_folder_list(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)


def _is_positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _is_optional_text(value: object) -> bool:
    return value is None or (isinstance(value, str) and bool(value.strip()))


def _is_extension_list(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(item, str) and item.isalnum() for item in value)


@dataclass(frozen=True)
class Setting:
    """One ``jekyll_posts_*`` configuration value."""

    name: str  # without the prefix: the field of :class:`SiteSettings`
    default: Any
    rebuild: Literal["env", "html"]  # Sphinx's rebuild flag: "env" when it changes how documents are read
    types: tuple[type, ...]
    check: Check
    reason: str  # what a bad value is not

    @property
    def config_name(self) -> str:
        return f"{PREFIX}{self.name}"


PREFIX = "jekyll_posts_"
SETTINGS: tuple[Setting, ...] = (
    Setting("timezone", "Asia/Tokyo", "env", (str,), _is_zone, "is not an IANA time zone name"),
    Setting("post_folders", ["posts"], "env", (list, tuple), _is_folder_list, "must be a list of folder names"),
    Setting("chars_per_minute", 500, "env", (int,), _is_positive_int, "must be a positive whole number"),
    Setting("words_per_minute", 200, "env", (int,), _is_positive_int, "must be a positive whole number"),
    Setting("page_size", 20, "html", (int,), _is_positive_int, "must be a positive whole number"),
    Setting("site", None, "env", (str, type(None)), _is_optional_text, "must be the path of a Jekyll site folder"),
    Setting("site_url", None, "html", (str, type(None)), _is_optional_text, "must be the URL of the Jekyll site"),
    Setting(
        "markdown_extensions",
        list(MARKDOWN_EXTENSIONS),
        "env",
        (list, tuple),
        _is_extension_list,
        "must be a list of file name extensions",
    ),
)
#: ablog's settings that decide which pages the site generates, with ablog's defaults
ABLOG_DEFAULTS: Mapping[str, Any] = {
    "blog_path": "blog",
    "blog_title": "Blog",
    "blog_baseurl": None,
    "blog_authors": {},
    "blog_default_author": None,
    "blog_feed_archives": False,
    "blog_feed_length": None,
    "post_date_format": "%d %B %Y",
}


@dataclass(frozen=True)
class SiteSettings:
    """What the pure core needs to know of the site's configuration."""

    timezone: str = "Asia/Tokyo"
    post_folders: tuple[str, ...] = ("posts",)
    chars_per_minute: int = 500
    words_per_minute: int = 200
    #: how many posts a list shows on one page
    page_size: int = 20
    #: the Jekyll site folder (``_config.yml``, ``_data``, ``_includes``, assets), relative to ``conf.py``
    site: str | None = None
    #: where the Jekyll site was published: links to its pages that the knowledge base lacks go there
    site_url: str | None = None
    markdown_extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS
    blog_path: str = "blog"
    blog_title: str = "Blog"
    blog_baseurl: str | None = None
    #: label -> (full name, link), as ``blog_authors`` gives them
    blog_authors: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)
    blog_default_author: tuple[str, ...] = ()
    blog_feed_archives: bool = False
    blog_feed_length: int | None = None
    post_date_format: str = "%d %B %Y"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def read_options(self) -> ReadOptions:
        return ReadOptions(zone=self.zone, speed=ReadingSpeed(self.chars_per_minute, self.words_per_minute))

    def author_name(self, label: str) -> str:
        """ablog names an author's page after the full name ``blog_authors`` gives."""
        return str(self.blog_authors[label][0]) if label in self.blog_authors else label


def site_settings(values: Mapping[str, object]) -> tuple[SiteSettings, list[tuple[str, str]]]:
    """Settings from configuration values (``conf.py``'s names), and each bad one with its message."""
    problems = []
    chosen: dict[str, Any] = {}
    for setting in SETTINGS:
        value = values.get(setting.config_name, setting.default)
        if not setting.check(value):
            problems.append((setting.config_name, bad_value_message(setting, value)))
            value = setting.default
        chosen[setting.name] = tuple(value) if isinstance(value, list | tuple) else value
    names = {item.name for item in fields(SiteSettings)}
    for name, default in ABLOG_DEFAULTS.items():
        if name in names:
            chosen[name] = values.get(name, default)
    chosen["blog_authors"] = dict(chosen["blog_authors"] or {})
    chosen["blog_default_author"] = _names(chosen["blog_default_author"])
    return replace(SiteSettings(), **chosen), problems


def bad_value_message(setting: Setting, value: object) -> str:
    return f"{setting.config_name} = {value!r} {setting.reason}; using {setting.default!r}"


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(item) for item in value)
    return ()


def assignment_line(conf_text: str, name: str) -> int:
    """The line of ``conf.py`` that sets ``name`` (its last assignment), 1 when none does."""
    lines = [number for number, line in enumerate(conf_text.splitlines(), 1) if _assigns(line, name)]
    return lines[-1] if lines else 1


def sets(conf_text: str, name: str) -> bool:
    """Whether a line of ``conf.py`` assigns ``name``."""
    return any(_assigns(line, name) for line in conf_text.splitlines())


def _assigns(line: str, name: str) -> bool:
    return re.match(rf"{re.escape(name)}\s*(?::[^=]*)?=(?!=)", line) is not None


def is_in_posts_folder(docname: str, folders: tuple[str, ...] | list[str]) -> bool:
    """Whether a document lies in one of the posts folders, or in a Jekyll ``_posts`` or ``_drafts`` folder."""
    parts = docname.split("/")[:-1]
    return (
        is_in_drafts_folder(docname)
        or "_posts" in parts
        or any(docname.startswith(folder.strip("/") + "/") for folder in folders)
    )


def is_in_drafts_folder(docname: str) -> bool:
    """Whether a document lies in a Jekyll ``_drafts`` folder: its posts are drafts."""
    return "_drafts" in docname.split("/")[:-1]


#: Extensions of files in a posts folder that are meant as posts but are not read as Markdown
POST_LIKE_EXTENSIONS = frozenset(
    {"md", "markdown", "mkdown", "mkdn", "mkd", "mdown", "mdwn", "mdtext", "mdtxt", "txt", "textile", "html", "htm"}
)


def unbuilt_post_files(files: Iterable[str], post_folders: tuple[str, ...], built: tuple[str, ...]) -> list[str]:
    """The files of posts folders (paths relative to the source folder) that look like posts
    but are not read as Markdown (``built``: the extensions that are); images, data and the
    like are not posts and are not listed."""
    unbuilt = []
    for name in files:
        extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
        if extension in POST_LIKE_EXTENSIONS and extension not in built and is_in_posts_folder(name, post_folders):
            unbuilt.append(name)
    return unbuilt


def unbuilt_post_message(name: str) -> str:
    extension = name.rsplit(".", 1)[-1]
    return (
        f"a .{extension} file in a posts folder is not built: "
        f"add {extension!r} to jekyll_posts_markdown_extensions to build it as Markdown"
    )
