"""Every section's id made from its heading (:mod:`jekyll_posts.core.sections`), in every document.

docutils numbers the ids of headings without ASCII letters (``id1``,
``id2``...), which move when a section is added above.  After the document's
own transforms, each section's made-up id is replaced by one from its text
(``#量子化``), used by the ``#`` permalink, the page's table of contents,
search results and MyST's ``[](#量子化)`` links.  Ids the author gave
(``(label)=`` before a heading, ``{#id}`` after it) stay, first; the id from the
text follows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import clean_astext

from ..core.sections import section_ids
from .compat import myst
from .compat.theme import THEME_ELEMENT_IDS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_sections(app: Sphinx) -> None:
    app.add_transform(StableSectionIds)


class StableSectionIds(SphinxTransform):
    """Section ids from heading text; links to a replaced id follow it."""

    # after the front matter's title section is made (700), before MyST resolves [](#id) links (879)
    default_priority = 710

    def apply(self) -> None:
        sections = list(self.document.findall(nodes.section))
        if not sections:
            return
        given = _ids_given_by_the_author(self.document)
        made_up = {id_ for section in sections for id_ in section["ids"] if id_ not in given}
        for id_ in made_up:
            del self.document.ids[id_]
        titles = [_heading(section) for section in sections]
        new_ids = section_ids(titles, taken={*self.document.ids, *THEME_ELEMENT_IDS})
        renamed: dict[str, str] = {}
        slugs: dict[str, myst.SlugTarget] = {}
        for section, title, new_id in zip(sections, titles, new_ids, strict=True):
            renamed.update((id_, new_id) for id_ in section["ids"] if id_ not in given)
            section["ids"] = [*(id_ for id_ in section["ids"] if id_ in given), new_id]
            self.document.ids[new_id] = section
            slugs[new_id] = (section.line, new_id, title)
        _follow_renamed_ids(self.document, renamed)
        myst.record_slugs(self.document, self.env, slugs)


def _ids_given_by_the_author(document: nodes.document) -> set[str]:
    return {id_ for name, explicit in document.nametypes.items() if explicit and (id_ := document.nameids.get(name))}


def _heading(section: nodes.section) -> str:
    return clean_astext(section[0]) if section.children and isinstance(section[0], nodes.title) else ""


def _follow_renamed_ids(document: nodes.document, renamed: dict[str, str]) -> None:
    """References and names that pointed at a replaced id point at its section's new one."""
    for name, id_ in document.nameids.items():
        if id_ in renamed:
            document.nameids[name] = renamed[id_]
    for node in document.findall(nodes.Element):
        if node.get("refid") in renamed:
            node["refid"] = renamed[node["refid"]]
