"""Build Jekyll-style Markdown posts into a Sphinx knowledge base with ablog and sphinx-tags.

In ``conf.py``::

    extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
    jekyll_posts_timezone = "Asia/Tokyo"

Every Markdown document with YAML front matter becomes an ablog post (it has a
date, from its front matter or its ``YYYY-MM-DD-`` file name, or
``layout: post``) or an evergreen wiki page (``layout: page``, or no date);
both carry tags, which get one page each.  The mapping itself is the pure
:mod:`jekyll_posts.core`; :mod:`jekyll_posts.sphinxext` is the glue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .sphinxext.ablog_bridge import setup_ablog_bridge
from .sphinxext.config import setup_config
from .sphinxext.dependencies import setup_dependencies
from .sphinxext.domain import JekyllDomain
from .sphinxext.encoding import setup_encoding
from .sphinxext.escaping import setup_escaping
from .sphinxext.failsafe import setup_failsafe
from .sphinxext.listings import setup_listings
from .sphinxext.pages import setup_pages
from .sphinxext.parallel import setup_parallel
from .sphinxext.reading import setup_reading
from .sphinxext.search import setup_search
from .sphinxext.sidebar import setup_sidebar
from .sphinxext.site import setup_site
from .sphinxext.stale import setup_stale
from .sphinxext.tags import setup_tags
from .sphinxext.urls import setup_urls

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("ablog")
    app.setup_extension("sphinx_tags")
    setup_config(app)
    setup_encoding(app)
    setup_failsafe(app)
    app.add_domain(JekyllDomain)
    setup_reading(app)
    setup_parallel(app)
    setup_tags(app)
    setup_ablog_bridge(app)
    setup_pages(app)
    setup_dependencies(app)
    setup_listings(app)
    setup_site(app)
    setup_escaping(app)
    setup_stale(app)
    setup_urls(app)
    setup_search(app)
    setup_sidebar(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
