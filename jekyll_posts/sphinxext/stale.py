"""Removing output that a clean build would not have.

Sphinx never deletes output files.  Left alone, a deleted post's page, or the
page of a tag, category, author or year that no longer has a listed post,
would stay on the site, listing what it listed before.  Before the extra
pages are written, such files are removed, so an incremental build leaves
the same site as a clean one.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import TAXONOMY_KINDS, get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def setup_stale(app: Sphinx) -> None:
    app.connect("env-get-outdated", note_removed_documents)
    app.connect("html-collect-pages", remove_stale_output, priority=100)


def note_removed_documents(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    get_domain(env).removed = set(removed)
    return []


def remove_stale_output(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    outdir = Path(app.builder.outdir)
    domain = get_domain(app.env)
    for docname in domain.removed:
        (outdir / app.builder.get_target_uri(docname)).unlink(missing_ok=True)
        for suffix in app.config.source_suffix:
            (outdir / "_sources" / f"{docname}{suffix}.txt").unlink(missing_ok=True)
    blog = outdir / app.config.blog_path
    for kind in TAXONOMY_KINDS:
        current = {domain.page_of(kind, term.name) for term in domain.index.terms[kind].values()}
        for page in (blog / kind).glob("*.html"):
            if f"{app.config.blog_path}/{kind}/{page.stem}" not in current:
                _remove_listing(page)
    years = {str(year) for year in domain.index.years}
    for page in blog.glob("[0-9][0-9][0-9][0-9].html"):
        if page.stem not in years:
            _remove_listing(page)
    yield from ()


def _remove_listing(page: Path) -> None:
    """A listing page and the folder of its feed."""
    page.unlink()
    shutil.rmtree(page.with_suffix(""), ignore_errors=True)
