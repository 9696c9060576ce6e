"""Sharing and hosting: OpenGraph and Twitter cards, ``sitemap.xml``, ``robots.txt``, a 404 page,
"last updated" from git, and an "edit this page" link.

- sphinxext-opengraph gives every page its ``og:`` tags (title, description,
  absolute URL, the page's first image or ``ogp_image``); a post's description
  is its excerpt (:mod:`.compat.opengraph`), and a ``twitter:card`` is added;
- sphinx-sitemap writes ``sitemap.xml`` at the site's URL (``html_baseurl``),
  listing every page, not only those a rebuild wrote (:mod:`.compat.sitemap`),
  and ``robots.txt`` points to it;
- sphinx-notfound-page's ``404.html``, whose links and styles work from any
  depth, under the site's path (from ``html_baseurl``), written like a generated
  page: when what it shows changed (:mod:`.compat.notfound`);
- sphinx-last-updated-by-git shows each page's last commit date, when the
  source folder is a git checkout;
- the book theme's "edit this page" button is on when ``html_theme_options``
  names a ``repository_url``.

Every default here gives way to a value the site sets in ``conf.py``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markupsafe import escape
from sphinx.locale import get_translation

from .compat import notfound, opengraph, sitemap
from .compat.sphinx import set_by_site
from .files import write_if_changed
from .generated import register_page_kind

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation("sphinx")
TWITTER_CARD = '<meta name="twitter:card" content="summary" />'


def setup_sharing(app: Sphinx) -> None:
    app.setup_extension("sphinxext.opengraph")
    app.setup_extension("sphinx_sitemap")
    app.setup_extension("notfound.extension")
    if is_git_checkout(Path(app.srcdir)):
        app.setup_extension("sphinx_last_updated_by_git")
        app.connect("config-inited", one_warning_for_a_missing_file)
    app.connect("config-inited", sharing_defaults)
    app.connect("html-page-context", opengraph.describe_with_the_excerpt, priority=900)  # after opengraph's tags
    sitemap.list_every_page(app)
    app.connect("builder-inited", generate_the_404_page)
    app.connect("build-finished", write_robots_txt)


def generate_the_404_page(app: Sphinx) -> None:
    register_page_kind(app, notfound.not_found_page(app))


#: sphinx-last-updated-by-git's warning about a file a page uses that is not there: Sphinx has
#: already warned about it at its line (``image.not_readable``, a missing include)
MISSING_DEPENDENCY = "git.dependency_not_found"


def one_warning_for_a_missing_file(app: Sphinx, config: Config) -> None:
    """A missing picture is one warning, Sphinx's at its line, not a second with no line."""
    if MISSING_DEPENDENCY not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings, MISSING_DEPENDENCY]


def is_git_checkout(folder: Path) -> bool:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=folder, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        return False
    return result.stdout.strip() == "true"


def sharing_defaults(app: Sphinx, config: Config) -> None:
    defaults = {
        "ogp_site_url": config.html_baseurl or "",
        "ogp_image": config.html_logo or None,
        "ogp_use_first_image": True,
        "ogp_enable_meta_description": False,  # a page's description is its excerpt (page_context)
        "ogp_custom_meta_tags": [TWITTER_CARD],
        "sitemap_url_scheme": "{link}",
        "notfound_urls_prefix": site_path(config.html_baseurl),
        "notfound_context": {"title": _("Page not found"), "body": not_found_body()},
    }
    for name, value in defaults.items():
        if not set_by_site(config, name):
            setattr(config, name, value)
    options = config.html_theme_options
    if options.get("repository_url") and "use_edit_page_button" not in options:
        config.html_theme_options = {**options, "use_edit_page_button": True}


def not_found_body() -> str:
    hint = _("There is no page at this address. Search for it, or start from the home page.")
    return f"<h1>{escape(_('Page not found'))}</h1>\n<p>{escape(hint)}</p>"


def site_path(baseurl: str | None) -> str:
    """The path the site is served under: ``/`` for ``http://localhost:8000/``, ``/ja/latest/`` on Read the Docs."""
    path = urlsplit(baseurl or "").path or "/"
    return path if path.endswith("/") else f"{path}/"


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    """``robots.txt`` allowing every page and naming the sitemap, unless the site ships its own."""
    baseurl = app.config.html_baseurl
    if exception is not None or not baseurl or app.builder.format != "html":
        return
    if any((Path(app.confdir) / folder / "robots.txt").is_file() for folder in app.config.html_extra_path):
        return
    sitemap_url = baseurl.rstrip("/") + "/" + app.config.sitemap_filename
    write_if_changed(Path(app.outdir) / "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
