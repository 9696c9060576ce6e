"""Two pages for one URL.

Documents whose URLs differ only in case (``Post.md``, ``post.md``) are both
built, but a case-insensitive host (macOS, Windows, many object stores)
serves one of them for both URLs.  A document at the URL of a page the site
generates (``blog/tag.md``) keeps its URL and the generated page is not
written (see :mod:`jekyll_posts.core.pages`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from .problems import Problem

SHARED_URL = "two pages for one URL"


def case_collisions(docnames: Iterable[str]) -> Iterator[tuple[str, Problem]]:
    """Each document whose URL differs only in case from an earlier one's, with its problem."""
    by_folded_url: dict[str, list[str]] = defaultdict(list)
    for docname in sorted(docnames):
        by_folded_url[docname.casefold()].append(docname)
    for same in by_folded_url.values():
        for docname in same[1:]:
            reason = f"its URL differs only in case from that of {same[0]!r}; a case-insensitive host mixes them"
            yield docname, Problem(1, "url", f"{SHARED_URL}: {reason}")


def generated_url_clashes(docnames: Iterable[str], generated: Iterable[str]) -> Iterator[tuple[str, Problem]]:
    """Each document at the URL of a generated page, with its problem."""
    for docname in sorted(set(docnames) & set(generated)):
        reason = "it has the URL of a listing page the blog generates; the page is not generated"
        yield docname, Problem(1, "url", f"{SHARED_URL}: {reason}")
