"""The parts this package adds to a page, by their class: none of them is the page's own text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.japanese import collapse_white_space, join_japanese_lines
from ..core.visible import hidden_elements_opened, html_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: date, authors, categories, reading time and tags under a post's title
POST_HEADER = "jekyll-post-header"
#: 「連載: name (3/5)」 and the series' parts
SERIES = "jekyll-series"
#: 「関連するページ」
RELATED = "jekyll-related"
#: 「このページへのリンク」
BACKLINKS = "jekyll-backlinks"
ADDED_PARTS = frozenset({POST_HEADER, SERIES, RELATED, BACKLINKS})


def visible_text(node: nodes.Node, skipped_classes: frozenset[str] = frozenset()) -> str:
    """The text a reader sees of ``node`` on one line (:func:`text_pieces`): its blocks apart,
    and no space where inline markup starts or ends or a line breaks between Japanese characters."""
    return collapse_white_space(join_japanese_lines("".join(text_pieces(node, skipped_classes))))


def text_after_title(doctree: nodes.document, skipped_classes: frozenset[str] = frozenset()) -> str:
    """:func:`visible_text` of a page but its title (the page's first section's): what a search
    result's snippet is cut from, under the title the result shows."""
    parts: list[nodes.Node] = list(doctree.children)
    first_section = next((child for child in parts if isinstance(child, nodes.section)), None)
    if first_section is not None and first_section.children and isinstance(first_section[0], nodes.title):
        at = parts.index(first_section)
        parts[at : at + 1] = first_section.children[1:]
    pieces = (piece for part in parts for piece in text_pieces(part, skipped_classes))
    return collapse_white_space(join_japanese_lines("".join(pieces)))


def text_pieces(node: nodes.Node, skipped_classes: frozenset[str] = frozenset()) -> Iterator[str]:
    """The text a reader sees of ``node``, piece by piece: raw HTML by its text, not its markup
    (:func:`~jekyll_posts.core.visible.html_text`); no comments or system messages; none of
    the elements with one of ``skipped_classes``.  A block (a paragraph, a title, an item, raw
    HTML outside a paragraph) ends with a space; inline markup adds none."""
    if isinstance(node, nodes.Text):
        yield str(node)
        return
    if isinstance(node, nodes.raw):
        if "html" in node.get("format", "").split():
            yield html_text(node.astext())
            if not isinstance(node.parent, nodes.TextElement):
                yield " "
        return
    if isinstance(node, nodes.Invisible | nodes.system_message):
        return
    if isinstance(node, nodes.Element) and skipped_classes & set(node.get("classes", [])):
        return
    hidden = 0  # inside a script or style split into raw start and end tags, in a paragraph
    for child in node.children:
        if isinstance(child, nodes.raw):
            hidden = max(0, hidden + hidden_elements_opened(child.astext()))
        elif hidden:
            continue
        yield from text_pieces(child, skipped_classes)
    if not isinstance(node, nodes.Inline):
        yield " "


def is_written_page(app: Sphinx, doctree: nodes.Node) -> bool:
    """Whether a ``doctree-resolved`` tree is an HTML page being written, where the parts go.

    Sphinx also emits the event for pieces it resolves on their own: ablog
    resolves each excerpt of a ``postlist`` that way, as a paragraph.
    """
    return app.builder.format == "html" and isinstance(doctree, nodes.document)


def append_to_page(doctree: nodes.document, part: nodes.Element) -> None:
    """Put ``part`` at the end of the page: in its last top-level section (a body's ``#``
    headings are sections beside the title's), else at the end of the document.

    MyST puts a page's footnotes after its last section; they end the text they belong
    to, so they are moved into that section first and the parts come after them.
    """
    sections = [child for child in doctree.children if isinstance(child, nodes.section)]
    if not sections:
        doctree.append(part)
        return
    last = sections[-1]
    after = doctree.children[doctree.index(last) + 1 :]
    if after and all(isinstance(node, FOOTNOTE_NODES) for node in after):
        for node in after:
            doctree.remove(node)
            last.append(node)
    last.append(part)


#: what MyST adds after a page's text for its footnotes: a line, the notes
FOOTNOTE_NODES = (nodes.transition, nodes.footnote)


def append_list_box(doctree: nodes.document, part: str, heading: str, items: Iterable[nodes.list_item]) -> None:
    """A box of class ``part`` (one of :data:`ADDED_PARTS`) with its heading and list, at the end of the page."""
    box = nodes.container(classes=[part])
    box += nodes.rubric("", heading)
    box += nodes.bullet_list("", *items)
    append_to_page(doctree, box)


def page_title(env: BuildEnvironment, docname: str) -> str:
    """A page's title as text, or its name when it has none."""
    return env.titles[docname].astext() if docname in env.titles else docname
