"""Jekyll's Liquid for post bodies: the site folder, the engine, Jekyll's tags and filters.

Pure like the rest of the core: no Sphinx, docutils or ablog here.
"""

from __future__ import annotations

from .site import JekyllSite, load_jekyll_site

__all__ = ["JekyllSite", "load_jekyll_site"]
