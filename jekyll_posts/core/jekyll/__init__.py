"""Jekyll's Liquid for post bodies: the site folder, the engine, Jekyll's tags and filters.

Pure like the rest of the core: no Sphinx, docutils or ablog here.
"""

from __future__ import annotations

from .liquid import Rendered, render_liquid
from .site import JekyllSite, load_jekyll_site
from .state import Links, has_liquid

__all__ = ["JekyllSite", "Links", "Rendered", "has_liquid", "load_jekyll_site", "render_liquid"]
