"""sphinx-tags' ``{tags}`` directive, linked to the same tag pages as front matter tags.

The directive records its tags while the document is parsed, and the tag
pages are made from the ``jekyll`` domain (see :mod:`jekyll_posts.core.pages`),
so a tag written in the body and the same tag in front matter share one page
(why sphinx-tags' own directive is replaced: :mod:`.compat.sphinx_tags`).  The
display rules (``tags_intro_text``, comma separation, white space folding)
stay sphinx-tags'; the tags are read by :func:`jekyll_posts.core.markdown.directive_tags`,
as ``jekyll-posts-check`` reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..core.markdown import EMPTY_TAGS, directive_tags
from ..core.problems import Problem
from .documents import BODY_TAGS_KEY
from .domain import get_domain
from .header import tag_links

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_tags(app: Sphinx) -> None:
    app.add_directive("tags", TagsDirective, override=True)


class TagsDirective(SphinxDirective):
    """``{tags}`` with comma-separated tags as argument or content (sphinx-tags' syntax)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        tags = directive_tags(",".join([*self.arguments, *self.content]))
        if not tags:
            get_domain(self.env).warn(self.env.docname, Problem(self.lineno, "taxonomy", EMPTY_TAGS))
            return []
        noted = cast("list[str]", self.env.current_document.setdefault(BODY_TAGS_KEY, []))
        noted.extend(tag for tag in tags if tag not in noted)
        return [tag_links(tags, self.env.docname, self.config.tags_intro_text)]
