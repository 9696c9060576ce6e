"""Removing the pages of deleted documents.

Sphinx never deletes output files: left alone, a deleted post's page would
stay on the site.  Its page and its copied source are removed, so an
incremental build leaves the same site as a clean one.  (Generated pages that
are gone are removed by :mod:`.generated`.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def setup_stale(app: Sphinx) -> None:
    app.connect("env-get-outdated", note_removed_documents)
    # before the generated pages are written: a deleted document may leave its URL to one
    app.connect("html-collect-pages", remove_deleted_documents, priority=50)


def note_removed_documents(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    build_state(app).removed_documents = set(removed)
    return []


def remove_deleted_documents(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    outdir = Path(app.builder.outdir)
    for docname in build_state(app).removed_documents:
        (outdir / app.builder.get_target_uri(docname)).unlink(missing_ok=True)
        for suffix in app.config.source_suffix:
            (outdir / "_sources" / f"{docname}{suffix}.txt").unlink(missing_ok=True)
    yield from ()
