"""The package's templates, stylesheet and Japanese messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def setup_site(app: Sphinx) -> None:
    app.add_message_catalog("sphinx", str(PACKAGE_DIR / "locale"))
    app.add_css_file("jekyll_posts.css")
    app.connect("config-inited", add_theme_files)


def add_theme_files(app: Sphinx, config: Config) -> None:
    """Make the package's templates and static files visible to the HTML builder.

    New lists are assigned rather than appended to: an unset value is Sphinx's
    shared default list, which must not grow with every application.
    """
    config.templates_path = [*config.templates_path, str(PACKAGE_DIR / "templates")]
    config.html_static_path = [*config.html_static_path, str(PACKAGE_DIR / "static")]
