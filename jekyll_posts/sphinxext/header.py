"""The doctree nodes a reader sees at the top of a post: date, authors, tags...

Every value goes into a text node, never through a markup parser, so a title
or a tag can hold any character.  Links to taxonomy pages are pending
references resolved by the ``jekyll`` domain once all pages are known.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from ..core import PostRecord, format_date_ja
from ..core.entries import TaxonomyKind
from ..core.post import CoverImage
from .page_parts import POST_HEADER

#: the class of a post's cover picture
COVER_IMAGE = "jekyll-post-image"

_ = get_translation("sphinx")
SEPARATOR = " · "


def post_header(record: PostRecord, docname: str, tags_intro: str) -> nodes.container:
    """Date, authors, categories and reading time of a post, then its tags."""
    header = nodes.container(classes=[POST_HEADER])
    if record.is_post:
        header += _post_info(record, docname)
    if record.tags:
        header += tag_links(record.tags, docname, tags_intro)
    return header


def cover_figure(image: CoverImage, source: object) -> nodes.container:
    """The post's ``image`` below its header, its alt text under it (as Chirpy shows it); at the
    line of ``image:``, where a missing file is reported.  (Not a docutils figure: one with a
    caption is numbered, and wants an id.)"""
    cover = nodes.container(classes=[COVER_IMAGE])
    cover += nodes.image(uri=image.path, alt=image.alt)
    if image.alt:
        cover += nodes.paragraph(image.alt, image.alt, classes=[f"{COVER_IMAGE}-caption"])
    for node in cover.findall():
        node.source, node.line = str(source), image.line
    return cover


def _post_info(record: PostRecord, docname: str) -> nodes.paragraph:
    parts: list[nodes.Node] = []
    if record.date is not None:
        parts.append(nodes.inline("", format_date_ja(record.date), classes=["jekyll-post-date"]))
    if record.is_draft:
        parts.append(nodes.inline("", _("Draft"), classes=["jekyll-post-draft"]))
    if record.authors:
        parts.append(_labelled(_("Author"), "author", record.authors, docname))
    if record.categories:
        parts.append(_labelled(_("Category"), "category", record.categories, docname))
    reading = _("%(minutes)d min read") % {"minutes": record.reading_time}
    parts.append(nodes.inline("", reading, classes=["jekyll-reading-time"]))
    info = nodes.paragraph(classes=["jekyll-post-info"])
    for index, part in enumerate(parts):
        if index:
            info += nodes.Text(SEPARATOR)
        info += part
    return info


def _labelled(label: str, kind: TaxonomyKind, names: Sequence[str], docname: str) -> nodes.inline:
    box = nodes.inline(classes=[f"jekyll-post-{kind}"])
    box += nodes.Text(f"{label}: ")
    for index, name in enumerate(names):
        if index:
            box += nodes.Text(", ")
        box += term_reference(kind, name, docname)
    return box


def tag_links(tags: Sequence[str], docname: str, intro: str) -> nodes.paragraph:
    """A sphinx-tags style line of tag links: ``Tags: <a>AI</a> <a>LLM</a>``."""
    line = nodes.paragraph(classes=["tags"])
    line += nodes.inline("", f"{intro} ", classes=["tags-intro"])
    for index, tag in enumerate(tags):
        if index:
            line += nodes.Text(" ")
        line += term_reference("tag", tag, docname)
    return line


def term_reference(kind: TaxonomyKind, name: str, docname: str) -> addnodes.pending_xref:
    """A link to the page of a tag, category or author."""
    reference: addnodes.pending_xref = addnodes.pending_xref(
        "", refdomain="jekyll", reftype=kind, reftarget=name, refexplicit=True, refdoc=docname
    )
    reference += nodes.inline("", name, classes=[f"jekyll-{kind}"])
    return reference
