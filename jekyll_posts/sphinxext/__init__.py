"""The Sphinx extension: thin glue between Sphinx, MyST, ablog, sphinx-tags and the pure core.

``setup`` reads as the table of contents of the extension; each feature is
a module with its own ``setup_<feature>``.  Workarounds for the internals of
Sphinx, ablog, sphinx-tags and the themes are in :mod:`.compat`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .alerts import setup_alerts
from .backlinks import setup_backlinks
from .blog import setup_blog
from .collector import setup_collector
from .config import setup_config
from .dependencies import setup_dependencies
from .documents import setup_documents
from .domain import JekyllDomain
from .escaping import setup_escaping
from .failsafe import setup_failsafe
from .generated import register_page_kind, setup_generated
from .jekyll import setup_jekyll
from .links import setup_links
from .page_context import setup_page_context
from .parallel import setup_parallel
from .related import setup_related
from .search import setup_search
from .sections import setup_sections
from .series import setup_series
from .sharing import setup_sharing
from .sidebar import setup_sidebar
from .site import setup_site
from .stale import setup_stale
from .tags import setup_tags
from .urls import setup_urls
from .written_warnings import setup_written_warnings

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: raise when what the environment holds for this package changes shape
ENV_VERSION = 8


def setup(app: Sphinx, version: str) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("ablog")
    app.setup_extension("sphinx_tags")
    setup_config(app)
    setup_collector(app)
    setup_failsafe(app)
    app.add_domain(JekyllDomain)
    setup_documents(app)
    setup_alerts(app)
    setup_jekyll(app)
    setup_links(app)
    setup_sections(app)
    setup_related(app)
    setup_backlinks(app)
    setup_series(app)
    setup_parallel(app)
    setup_tags(app)
    setup_blog(app)
    setup_page_context(app)
    setup_dependencies(app)
    setup_generated(app)
    setup_site(app)
    setup_escaping(app)
    setup_stale(app)
    setup_urls(app)
    setup_search(app)
    setup_sharing(app)
    setup_sidebar(app)
    setup_written_warnings(app)
    return {
        "version": version,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


__all__ = ["register_page_kind", "setup"]
