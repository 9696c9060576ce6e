"""Configuration values, all prefixed ``jekyll_posts_``, checked on ``config-inited``.

In ``conf.py``::

    jekyll_posts_timezone = "Asia/Tokyo"         # dates are shown in this zone
    jekyll_posts_post_folders = ["posts"]        # every Markdown file in these is a post
    jekyll_posts_chars_per_minute = 500          # Japanese reading speed
    jekyll_posts_words_per_minute = 200          # reading speed for other words

A bad value warns (``jekyll_posts.config``) and falls back to its default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sphinx.util import logging

from ..core import ReadingSpeed, ReadOptions

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Asia/Tokyo"
DEFAULT_SPEED = ReadingSpeed()
DEFAULT_POST_FOLDERS = ["posts"]


def setup_config(app: Sphinx) -> None:
    app.add_config_value("jekyll_posts_timezone", DEFAULT_TIMEZONE, "env", types=frozenset({str}))
    app.add_config_value("jekyll_posts_post_folders", DEFAULT_POST_FOLDERS, "env", types=frozenset({list, tuple}))
    app.add_config_value("jekyll_posts_chars_per_minute", DEFAULT_SPEED.chars_per_minute, "env", types=frozenset({int}))
    app.add_config_value("jekyll_posts_words_per_minute", DEFAULT_SPEED.words_per_minute, "env", types=frozenset({int}))
    app.connect("config-inited", check_config)


def check_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid value by its default, with a warning."""
    try:
        ZoneInfo(config.jekyll_posts_timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        _fall_back(config, "jekyll_posts_timezone", DEFAULT_TIMEZONE, "is not an IANA time zone name")
    folders = config.jekyll_posts_post_folders
    if not isinstance(folders, list | tuple) or not all(isinstance(folder, str) for folder in folders):
        _fall_back(config, "jekyll_posts_post_folders", DEFAULT_POST_FOLDERS, "must be a list of folder names")
    for name, default in (
        ("jekyll_posts_chars_per_minute", DEFAULT_SPEED.chars_per_minute),
        ("jekyll_posts_words_per_minute", DEFAULT_SPEED.words_per_minute),
    ):
        value = getattr(config, name)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            _fall_back(config, name, default, "must be a positive whole number")


def _fall_back(config: Config, name: str, default: object, reason: str) -> None:
    logger.warning(
        "%s = %r %s; using %r", name, getattr(config, name), reason, default, type="jekyll_posts", subtype="config"
    )
    setattr(config, name, default)


def read_options(config: Config) -> ReadOptions:
    """The core's reading options for this site."""
    return ReadOptions(
        zone=ZoneInfo(config.jekyll_posts_timezone),
        speed=ReadingSpeed(config.jekyll_posts_chars_per_minute, config.jekyll_posts_words_per_minute),
    )
