"""Which pages link to a page: its 「このページへのリンク」 list.

Each document's links are noted while it is read, as it wrote them
(:class:`LinkTarget`): a document (``{doc}``, ``[](other.md)``), a label
(``{ref}``, ``{any}``, ``[](label)``) or a path of the old Jekyll site
(``[](/2017/10/12/name.html)``, ``{% post_url %}``).  Once every document is
read, :func:`resolve` finds the document each leads to and :func:`backlinks`
turns the links around.  A page is never listed as linking to itself, and a
page linking twice is listed once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

LinkKind = Literal["doc", "label", "path"]


@dataclass(frozen=True, order=True)
class LinkTarget:
    """What a link points at, as written: a document name, a label, or a path of the old site."""

    kind: LinkKind
    name: str


@dataclass(frozen=True)
class Backlink:
    """A page as a backlinks list shows it."""

    docname: str
    title: str
    date: datetime | None


def resolve(
    target: LinkTarget,
    documents: Collection[str],
    labels: Mapping[str, str],
    old_url: Callable[[str], str | None],
) -> str | None:
    """The document ``target`` leads to, if it is one: ``labels`` maps a label to its document,
    ``old_url`` a path of the old site to the document that has it now."""
    if target.kind == "doc":
        return target.name if target.name in documents else None
    if target.kind == "label":
        return labels.get(target.name)
    return old_url(target.name)


def backlinks(links: Mapping[str, Iterable[str]], shown: Mapping[str, Backlink]) -> dict[str, tuple[Backlink, ...]]:
    """For each linked document, the documents linking to it: newest post first, then undated pages by title.

    ``links`` maps each document to the documents it links to; only documents
    in ``shown`` are listed as linking (drafts and future posts are left out
    by leaving them out of it).
    """
    linking: dict[str, set[str]] = defaultdict(set)
    for source, targets in links.items():
        if source in shown:
            for target in targets:
                if target != source:
                    linking[target].add(source)
    return {target: tuple(sorted((shown[name] for name in sources), key=_order)) for target, sources in linking.items()}


def _order(page: Backlink) -> tuple[float, str, str]:
    return (-page.date.timestamp() if page.date else float("inf"), page.title, page.docname)
