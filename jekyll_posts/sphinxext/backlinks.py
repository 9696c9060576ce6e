"""「このページへのリンク」: each page ends with the pages that link to it.

A document's links are noted in the ``jekyll`` domain as it is read (so they
are purged with it and merged from parallel readers); once every document is
read they are resolved and turned around (:mod:`jekyll_posts.core.backlinks`),
and each page gets its list when it is written.  A page's list is part of
what it shows of other pages (:mod:`.dependencies`): when a linking page is
added, edited, retitled or removed, the pages it linked to are written again.
Drafts and posts not yet published link to nothing here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util import docname_join

from ..core import format_date_ja
from ..core.backlinks import Backlink, LinkTarget, backlinks, resolve
from .compat.ablog import ablog_tomorrow
from .domain import get_domain
from .links import SitePaths, old_url_keys, old_urls, relative_on_old_page
from .page_parts import BACKLINKS, append_list_box, is_written_page, page_title
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation("sphinx")


def setup_backlinks(app: Sphinx) -> None:
    app.connect("doctree-read", note_links)
    app.connect("env-updated", forget_backlinks)
    app.connect("doctree-resolved", add_backlinks)


def note_links(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    targets = tuple(sorted(set(link_targets(doctree, docname, SitePaths(app), app))))
    get_domain(app.env).note_links(docname, targets)


def link_targets(doctree: nodes.document, docname: str, paths: SitePaths, app: Sphinx) -> Iterator[LinkTarget]:
    """Every link of a document to another document, as written (a relative one also as the path
    it led to on the document's old page)."""
    for node in doctree.findall(addnodes.pending_xref):
        domain, role, target = node.get("refdomain"), node.get("reftype"), node.get("reftarget", "")
        if domain == "doc":  # MyST's [](other.md), already a document name
            yield LinkTarget("doc", target)
        elif domain == "std" and role == "doc":
            yield LinkTarget("doc", docname_join(node.get("refdoc", docname), target))
        elif (domain == "std" and role == "ref") or role == "any":
            yield LinkTarget("label", target)
        elif role == "myst" and not domain:
            found = paths.path_of(target)
            if found:
                yield LinkTarget("path", found[0])
                continue
            yield LinkTarget("label", target)
            if relative := relative_on_old_page(app, docname, target):
                yield LinkTarget("path", relative[0])
    for reference in doctree.findall(nodes.reference):
        found = paths.path_of_url(reference.get("refuri", ""))
        if found:
            yield LinkTarget("path", found[0])


def forget_backlinks(app: Sphinx, env: Any) -> None:
    """The documents have been read: the backlinks are made again when next needed."""
    build_state(app).backlinks = None


def backlinks_of(app: Sphinx, docname: str) -> tuple[Backlink, ...]:
    """The pages linking to ``docname``, in the order its list shows them."""
    state = build_state(app)
    if state.backlinks is None:
        state.backlinks = _all_backlinks(app)
    return state.backlinks.get(docname, ())


def _all_backlinks(app: Sphinx) -> dict[str, tuple[Backlink, ...]]:
    env = app.env
    domain = get_domain(env)
    std = env.domains.standard_domain.data
    labels = {name: found[0] for name, found in std["anonlabels"].items()}
    old = old_urls(app)

    def old_url(path: str) -> str | None:
        return next((old[key] for key in old_url_keys(path) if key in old), None)

    links = {
        source: {docname for target in targets if (docname := resolve(target, env.all_docs, labels, old_url))}
        for source, targets in domain.links.items()
    }
    cutoff = ablog_tomorrow(domain.settings.zone)
    shown = {}
    for docname in links:
        entry = domain.pages.get(docname)
        if entry is None or entry.is_listed(cutoff):
            date = entry.date if entry and entry.is_post else None
            shown[docname] = Backlink(docname, page_title(env, docname), date)
    return backlinks(links, shown)


def add_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_written_page(app, doctree):
        return
    linking = backlinks_of(app, docname)
    if not linking:
        return
    items = []
    for page in linking:
        paragraph = nodes.paragraph()
        uri = app.builder.get_relative_uri(docname, page.docname)
        paragraph += nodes.reference("", page.title, internal=True, refuri=uri)
        if page.date is not None:
            paragraph += nodes.inline("", format_date_ja(page.date), classes=["jekyll-backlink-date"])
        items.append(nodes.list_item("", paragraph))
    append_list_box(doctree, BACKLINKS, _("Links to this page"), items)
