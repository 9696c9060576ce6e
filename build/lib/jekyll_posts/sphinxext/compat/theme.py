"""What this package adjusts in pydata-sphinx-theme 0.20.0 and sphinx-book-theme 1.4.0.

- The book theme puts the page's and the site's titles into its templates as
  they are (``{{ pagetitle }}`` in its print header, ``{{ root_title }}`` in
  the sidebar): :data:`TEXT_VALUES` are escaped by :mod:`..escaping`.
- pydata-sphinx-theme loads Sphinx's search index on every page for its
  search-as-you-type dialog; this site's search replaces that index, so the
  request failed on every page view.  The package's ``layout.html`` leaves
  the three scripts out of the theme's ``extrahead`` block.
- pydata-sphinx-theme reads its colour mode from ``html_context["default_mode"]``
  and, when a site leaves it unset, logs "Got invalid theme mode" on every
  page view: ``auto`` unless the site sets one.
- pydata-sphinx-theme turns on ablog's ``fontawesome_included`` when the
  site leaves it unset, on ``builder-inited``: after Sphinx has compared the
  configuration with the one the environment was pickled with, which then
  always differs, so every build read every document again.  It is turned on
  on ``config-inited`` instead, before the comparison.
- pydata-sphinx-theme's navigation parses what Sphinx's ``toctree()`` gives,
  which sphinx-notfound-page makes ``None`` on the 404 page of a site without a
  toctree: the build stopped.  ``toctree()`` gives an empty navigation there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydata_sphinx_theme
from pydata_sphinx_theme.utils import config_provided_by_user

from .patches import Patch, file_contains

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

VERSION_CHECKED = "pydata-sphinx-theme 0.20.0, sphinx-book-theme 1.4.0"
#: context values the book theme prints without escaping
TEXT_VALUES = ("pagetitle", "root_title")
#: ids of the themes' own elements on every page, which no section may take
THEME_ELEMENT_IDS = frozenset(
    {
        "bd-header-version-warning",
        "ethical-ad-placement",
        "jb-print-docs-body",
        "jb-print-toc",
        "main-content",
        "print-main-content",
        "pst-back-to-top",
        "pst-header",
        "pst-page-toc-nav",
        "pst-primary-sidebar",
        "pst-primary-sidebar-modal",
        "pst-scroll-pixel-helper",
        "pst-search-dialog",
        "pst-secondary-sidebar",
        "pst-secondary-sidebar-modal",
        "pst-skip-link",
        "searchbox",
    }
)
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")
PYDATA_LAYOUT = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "layout.html"
PYDATA_INIT = Path(pydata_sphinx_theme.__file__)
PYDATA_TOCTREE = Path(pydata_sphinx_theme.__file__).parent / "toctree.py"


def default_colour_mode(app: Sphinx, config: Config) -> None:
    config.html_context = {"default_mode": "auto", **config.html_context}


def fontawesome_before_the_environment(app: Sphinx, config: Config) -> None:
    if "ablog" in config.extensions and not config_provided_by_user(app, "fontawesome_included"):
        config.fontawesome_included = True


def toctree_never_none(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    toctree = context.get("toctree")
    if callable(toctree):
        context["toctree"] = lambda **options: toctree(**options) or ""


PATCHES = (
    Patch(
        "pydata's extrahead loads Sphinx's search index",
        VERSION_CHECKED,
        file_contains(PYDATA_LAYOUT, "{%- block extrahead %}", *SEARCH_SCRIPTS),
    ),
    Patch("pydata reads default_mode from the context", VERSION_CHECKED, file_contains(PYDATA_LAYOUT, "default_mode")),
    Patch(
        "pydata turns fontawesome_included on for ablog on builder-inited",
        VERSION_CHECKED,
        file_contains(PYDATA_INIT, 'config_provided_by_user(app, "fontawesome_included")'),
    ),
    Patch(
        "pydata parses the toctree() it is given",
        VERSION_CHECKED,
        file_contains(PYDATA_TOCTREE, 'html_toctree = context["toctree"](**kwargs)'),
    ),
)
