"""Build Jekyll-style Markdown posts into a Sphinx knowledge base with ablog and sphinx-tags.

In ``conf.py``::

    extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
    jekyll_posts_timezone = "Asia/Tokyo"

Every Markdown document with YAML front matter becomes an ablog post (it has a
date, from its front matter or its ``YYYY-MM-DD-`` file name, or
``layout: post``) or an evergreen wiki page (``layout: page``, or no date);
both carry tags, which get one page each.  The mapping itself is the pure
:mod:`jekyll_posts.core`, importable without Sphinx; :mod:`jekyll_posts.sphinxext`
is the glue, imported only when Sphinx loads the extension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    from .sphinxext import setup as setup_extension

    return setup_extension(app, __version__)
