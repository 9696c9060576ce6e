"""sphinx-tags' ``{tags}`` directive, linked to the same tag pages as front matter tags.

sphinx-tags 0.4 finds tags by scanning the raw text of every file for a
```` ```{tags} ```` line (so an example inside a code block counts), and
writes its tag pages into the source folder.  Here the directive itself
records its tags while the document is parsed, and the tag pages are made
from the ``jekyll`` domain (see :mod:`jekyll_posts.sphinxext.pages`), so a
tag written in the body and the same tag in front matter share one page.
The display rules (``tags_intro_text``, comma separation, white space
folding) stay sphinx-tags'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx_tags import TagLinks, _normalize_display_tag

from ..core.taxonomy import unique_terms
from .header import tag_links
from .reading import BODY_TAGS_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def setup_tags(app: Sphinx) -> None:
    app.add_directive("tags", TagsDirective, override=True)


class TagsDirective(TagLinks):  # type: ignore[misc]  # sphinx-tags ships no type hints
    """``{tags}`` with comma-separated tags as argument or content."""

    def run(self) -> list[nodes.Node]:
        text = ",".join([*self.arguments, *self.content])
        tags = unique_terms(_normalize_display_tag(tag) for tag in text.split(self.separator))
        if not tags:
            logger.warning(
                "the tags directive lists no tags",
                location=(self.env.docname, self.lineno),
                type="jekyll_posts",
                subtype="taxonomy",
            )
            return []
        noted = self.env.current_document.setdefault(BODY_TAGS_KEY, [])
        noted.extend(tag for tag in tags if tag not in noted)
        return [tag_links(tags, self.env.docname, self.config.tags_intro_text)]
