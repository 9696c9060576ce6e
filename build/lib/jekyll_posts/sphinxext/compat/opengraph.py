"""What this package changes of sphinxext-opengraph 0.13.0.

It prints a notice when it is imported without matplotlib (for its social
cards, which this site does not draw): it is imported quietly here, first.

sphinxext-opengraph takes a page's ``og:description`` from the first words of
its doctree, which on a post are its header (date, authors, reading time), and
reads no per-page description.  On a page with front matter, the tag it made is
given the excerpt instead, or left out when there is none (the page's own
``<meta name="description">`` is this package's: :mod:`..page_context`).
"""

from __future__ import annotations

import contextlib
import io
import re
from typing import TYPE_CHECKING, Any

from markupsafe import escape

with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph

from ..domain import get_domain
from .patches import Patch, has_attributes

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

VERSION_CHECKED = "sphinxext-opengraph 0.13.0"
_DESCRIPTION = re.compile(r'<meta property="og:description" content="[^"]*" />')


def describe_with_the_excerpt(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """A page with front matter is described by its excerpt; without one, not by its header's words."""
    entry = get_domain(app.env).pages.get(pagename)
    metatags = context.get("metatags", "")
    if entry is None or "og:description" not in metatags:
        return
    tag = f'<meta property="og:description" content="{escape(entry.summary)}" />' if entry.summary else ""
    context["metatags"] = _DESCRIPTION.sub(lambda _: tag, metatags, count=1)


def _check_tag_format() -> None:
    made = sphinxext.opengraph.make_tag("og:description", "x")
    assert _DESCRIPTION.fullmatch(made), made


PATCHES = (
    Patch("opengraph's meta tags", VERSION_CHECKED, has_attributes(sphinxext.opengraph, "make_tag", "get_tags")),
    Patch("opengraph writes og:description so", VERSION_CHECKED, _check_tag_format),
)
