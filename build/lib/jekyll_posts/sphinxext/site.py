"""The package's templates, static files (stylesheet, scripts, icon) and Japanese messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .compat import theme

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PACKAGE_DIR = Path(__file__).resolve().parent.parent
FAVICON = "jekyll_posts_favicon.svg"


def setup_site(app: Sphinx) -> None:
    app.add_message_catalog("sphinx", str(PACKAGE_DIR / "locale"))
    app.add_css_file("jekyll_posts.css")
    app.connect("config-inited", add_theme_files)
    app.connect("config-inited", default_favicon)
    app.connect("config-inited", theme.default_colour_mode)
    app.connect("config-inited", theme.fontawesome_before_the_environment)
    # after sphinx-notfound-page gives the 404 page its own toctree() (400), before the theme reads it (500)
    app.connect("html-page-context", theme.toctree_never_none, priority=450)


def add_theme_files(app: Sphinx, config: Config) -> None:
    """Make the package's templates and static files visible to the HTML builder.

    New lists are assigned rather than appended to: an unset value is Sphinx's
    shared default list, which must not grow with every application.
    """
    config.templates_path = [*config.templates_path, str(PACKAGE_DIR / "templates")]
    config.html_static_path = [*config.html_static_path, str(PACKAGE_DIR / "static")]


def default_favicon(app: Sphinx, config: Config) -> None:
    """Without an icon, every browser asks for ``/favicon.ico`` and gets a 404."""
    if not config.html_favicon:
        config.html_favicon = str(PACKAGE_DIR / "static" / FAVICON)
