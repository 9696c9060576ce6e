"""Workarounds for the internals of the packages this one builds on, one module per upstream.

Each module names the behaviour it works around, the version it was checked
against, and lists in ``PATCHES`` what it relies on; :data:`PATCHES` gathers
them for the test that checks each target still has that shape.
"""

from __future__ import annotations

from . import ablog, docutils, myst, notfound, opengraph, sitemap, sphinx, sphinx_tags, theme
from .patches import Patch

PATCHES: tuple[Patch, ...] = (
    *ablog.PATCHES,
    *docutils.PATCHES,
    *myst.PATCHES,
    *notfound.PATCHES,
    *opengraph.PATCHES,
    *sitemap.PATCHES,
    *sphinx.PATCHES,
    *sphinx_tags.PATCHES,
    *theme.PATCHES,
)

__all__ = ["PATCHES", "Patch"]
