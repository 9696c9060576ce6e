"""Every section's id made from its heading (:mod:`jekyll_posts.core.sections`), in every document.

docutils numbers the ids of headings without ASCII letters (``id1``,
``id2``...), which move when a section is added above.  After the document's
own transforms, each section's made-up id is replaced by one from its text
(``#量子化``), used by the ``#`` permalink, the page's table of contents,
search results and MyST's ``[](#量子化)`` links.  Ids the author gave
(``(label)=`` before a heading, ``{#id}`` after it) stay, first; the id from the
text follows them.  ``[](#id)`` finds a section by any of its ids.

In a Jekyll post, an id kramdown gave (``{: #typical-cases}``) is an id of its
page, as it was on the Jekyll site: not a label of the whole project, where
the same id in two posts (a post and its translation) clashed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import clean_astext

from ..core.sections import heading_slug, kramdown_heading_ids, section_ids
from .compat import myst
from .compat.theme import THEME_ELEMENT_IDS
from .documents import MADE_KEY, RECORD_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_sections(app: Sphinx) -> None:
    app.add_transform(StableSectionIds)
    app.add_transform(KramdownIdsStayOnTheirPage)


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
        # a section the author gave its text's own id (## Setup {#setup}) keeps that one id
        own = {
            slug
            for section, title in zip(sections, titles, strict=True)
            if (slug := heading_slug(title)) in section["ids"] and slug in given
        }
        new_ids = section_ids(titles, taken={*self.document.ids, *THEME_ELEMENT_IDS} - own)
        renamed: dict[str, str] = {}
        slugs: dict[str, myst.SlugTarget] = {}
        for section, title, new_id in zip(sections, titles, new_ids, strict=True):
            renamed.update((id_, new_id) for id_ in section["ids"] if id_ not in given)
            section["ids"] = list(dict.fromkeys([*(id_ for id_ in section["ids"] if id_ in given), new_id]))
            self.document.ids[new_id] = section
            for id_ in section["ids"]:
                slugs[id_] = (section.line, id_, title)
        _follow_renamed_ids(self.document, renamed)
        if self.env.current_document.get(MADE_KEY) is not None:
            self._add_kramdown_ids(sections, titles, given, slugs)
        myst.record_slugs(self.document, self.env, slugs)

    def _add_kramdown_ids(
        self, sections: list[nodes.section], titles: list[str], given: set[str], slugs: dict[str, myst.SlugTarget]
    ) -> None:
        """In a Jekyll post, each heading also has the id kramdown gave it, last, where no other
        element has it: links from the Jekyll site and ``[](#add-robotstxt)`` in the post arrive.
        kramdown gave none to the title (front matter's, not the body's) nor to a heading with an id
        of its own."""
        record = self.env.current_document.get(RECORD_KEY)
        start = 1 if record is not None and not record.title_in_body else 0
        headed = [
            (section, title)
            for section, title in zip(sections[start:], titles[start:], strict=True)
            if not given & set(section["ids"])
        ]
        kramdown_ids = kramdown_heading_ids([title for _, title in headed])
        for (section, title), kramdown_id in zip(headed, kramdown_ids, strict=True):
            if kramdown_id is None or kramdown_id in self.document.ids or kramdown_id in THEME_ELEMENT_IDS:
                continue
            slugs.setdefault(kramdown_id, (section.line, section["ids"][0], title))  # links go to the id from its text
            section["ids"].append(kramdown_id)
            self.document.ids[kramdown_id] = section


class KramdownIdsStayOnTheirPage(SphinxTransform):
    """The names of a Jekyll post's elements are not project labels (the ids stay)."""

    # after the section ids are made (710), before Sphinx's domains collect labels (850)
    default_priority = 800

    def apply(self) -> None:
        if self.env.current_document.get(MADE_KEY) is None:
            return
        for name, explicit in list(self.document.nametypes.items()):
            node = self.document.ids.get(self.document.nameids.get(name) or "")
            if explicit and node is not None and not isinstance(node, nodes.target | nodes.footnote | nodes.citation):
                self.document.nametypes[name] = False


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
