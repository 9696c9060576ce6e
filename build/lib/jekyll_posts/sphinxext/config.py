"""Configuration values, all prefixed ``jekyll_posts_``, checked on ``config-inited``.

In ``conf.py``::

    jekyll_posts_timezone = "Asia/Tokyo"         # dates are shown in this zone
    jekyll_posts_post_folders = ["posts"]        # every Markdown file in these is a post
    jekyll_posts_chars_per_minute = 500          # Japanese reading speed
    jekyll_posts_words_per_minute = 200          # reading speed for other words

Each value is declared once, in :data:`jekyll_posts.core.settings.SETTINGS`.  A bad
value warns at its line of ``conf.py`` (``jekyll_posts.config``) and falls back
to its default; ``jekyll-posts-check`` reports the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..core.settings import ABLOG_DEFAULTS, SETTINGS, SiteSettings, assignment_line, site_settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.config_name, setting.default, setting.rebuild, types=frozenset(setting.types))
    app.connect("config-inited", check_config)


def check_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid value by its default, with a warning at its line of ``conf.py``."""
    values = {setting.config_name: getattr(config, setting.config_name) for setting in SETTINGS}
    _, problems = site_settings(values)
    conf_py = Path(app.confdir) / "conf.py"
    conf_text = conf_py.read_text(encoding="utf-8") if conf_py.is_file() else ""
    for name, message in problems:
        location = f"{conf_py}:{assignment_line(conf_text, name)}"
        logger.warning(message, location=location, type="jekyll_posts", subtype="config")
        setattr(config, name, next(setting.default for setting in SETTINGS if setting.config_name == name))


def site_settings_of(config: Config) -> SiteSettings:
    """The site's settings, as the pure core knows them."""
    names = {setting.config_name for setting in SETTINGS} | set(ABLOG_DEFAULTS)
    return site_settings({name: getattr(config, name) for name in names if hasattr(config, name)})[0]
