"""Jekyll's Liquid for post bodies: the site folder, the engine, Jekyll's tags and filters.

Pure like the rest of the core: no Sphinx, docutils or ablog here.  The engine
(:mod:`.liquid`, python-liquid) is imported when a post body has Liquid.
"""

from __future__ import annotations

from .body import Links, has_liquid
from .site import JekyllSite, load_jekyll_site

__all__ = ["JekyllSite", "Links", "has_liquid", "load_jekyll_site"]
