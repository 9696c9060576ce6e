"""Warnings given as a page is written, given again by every build that does not write it.

Sphinx writes only the pages of documents that changed, so a warning given
while a page is written (a link whose target is missing: MyST's
``myst.xref_missing``, ``jekyll_posts.link``) was given once: a ``-W`` build
that failed on it passed the next time, though nothing was fixed.  Each
warning given while pages are written is noted with the document it is
about; the notes are kept in the store, and a build that does not write that
document's page gives its warnings again, at the same place.  A page written
again replaces its notes; a document deleted takes them with it.

(A post's problems found as it is read are given again by the domain,
:meth:`.domain.JekyllDomain.warn_again_unless`.)
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.util import logging as sphinx_logging

from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = sphinx_logging.getLogger(__name__)

#: the store's file of the warnings each document's page gave when it was last written
KEPT = "written_warnings.json"


@dataclass(frozen=True)
class WrittenWarning:
    """A warning as Sphinx gave it: where (``path:line``), what, and its type and subtype."""

    location: str
    message: str
    type: str | None
    subtype: str | None


class WarningsWhileWriting(logging.Handler):
    """Notes each warning given while pages are written, by the document it is about."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        self.app = app
        self.noted: dict[str, list[WrittenWarning]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "jekyll_posts_noted", False):  # given again by a handler that held it back
            return
        record.jekyll_posts_noted = True
        kind, subkind = getattr(record, "type", None), getattr(record, "subtype", None)
        if sphinx_logging.is_suppressed_warning(kind or "", subkind or "", self.app.config.suppress_warnings):
            return
        where = documents_location(self.app.env, getattr(record, "location", None))
        if where is not None:
            docname, location = where
            message = message_without_type(record.getMessage(), kind, subkind)
            self.noted.setdefault(docname, []).append(WrittenWarning(location, message, kind, subkind))


def documents_location(env: BuildEnvironment, location: object) -> tuple[str, str] | None:
    """The document a warning's ``location`` is in and the location as Sphinx prints it: a
    document name, ``(docname, line)``, a node, or a ``path:line`` Sphinx already made of one."""
    if isinstance(location, nodes.Node):
        source, line = get_source_line(location)
        path, line_text = source, str(line or "")
    elif isinstance(location, tuple) and location and location[0]:
        path, line_text = str(env.doc2path(location[0])), str(location[1] or "")
    elif isinstance(location, str) and ":" not in location:
        path, line_text = str(env.doc2path(location)), ""
    elif isinstance(location, str):
        path, _, line_text = location.rpartition(":")
    else:
        return None
    docname = env.path2doc(path) if path else None
    if docname is None:
        return None
    return docname, f"{path}:{line_text}"  # with its colon, even with no line: not read as a document name


def message_without_type(message: str, kind: str | None, subkind: str | None) -> str:
    """``message`` without the ``[type.subtype]`` Sphinx adds to it (``show_warning_types``)."""
    label = f" [{kind}.{subkind}]" if subkind else f" [{kind}]"
    return message.removesuffix(label) if kind else message


def setup_written_warnings(app: Sphinx) -> None:
    app.connect("write-started", note_warnings_while_writing)
    app.connect("doctree-resolved", note_written)
    app.connect("build-finished", warn_again_unless_written)


def note_warnings_while_writing(app: Sphinx, builder: Builder) -> None:
    """From here to the end of the build, each warning is noted first, as it was given."""
    state = build_state(app)
    state.written_documents = set()
    state.warnings_while_writing = WarningsWhileWriting(app)
    logging.getLogger(sphinx_logging.NAMESPACE).handlers.insert(0, state.warnings_while_writing)


def note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    build_state(app).written_documents.add(docname)


def warn_again_unless_written(app: Sphinx, exception: Exception | None) -> None:
    """Give again the warnings of each page not written in this build, and keep this build's."""
    state = build_state(app)
    handler, state.warnings_while_writing = state.warnings_while_writing, None
    if handler is None:
        return
    logging.getLogger(sphinx_logging.NAMESPACE).removeHandler(handler)
    if exception is not None:
        return
    store = state.store(app)
    kept = {
        docname: [WrittenWarning(**warning) for warning in warnings]
        for docname, warnings in (store.read_json(KEPT) or {}).get(app.builder.name, {}).items()
        if docname in app.env.found_docs and docname not in state.written_documents
    }
    for docname in sorted(kept):
        for warning in kept[docname]:
            logger.warning(warning.message, location=warning.location, type=warning.type, subtype=warning.subtype)
    kept.update(handler.noted)
    saved = store.read_json(KEPT) or {}
    saved[app.builder.name] = {docname: [asdict(warning) for warning in kept[docname]] for docname in sorted(kept)}
    store.write_json(KEPT, saved)
