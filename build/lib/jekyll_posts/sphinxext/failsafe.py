"""No document can stop the build: an exception in one document becomes a warning.

Sphinx aborts the whole build, with a traceback that names no file, when any
code raises while one document is read, parsed, transformed or resolved: a
link MyST cannot look up, a bug in an extension for one odd input.  Here:

- **reading and parsing** (the builder's ``read_doc``: ``source-read``
  handlers, the parser, docutils' and the parser's transforms,
  ``doctree-read`` handlers): the document is warned about at its file and
  read again with its body shown as literal text; should that fail too, it
  gets a page holding its title and its source as literal text;
- **transforms and post-transforms** registered with Sphinx (every
  extension's, Sphinx's own, the reference resolvers): each runs guarded; one
  that raises is warned about at the document and skipped for it, the others
  run, and references it left unresolved are shown as their text;
- **resolving** (``get_and_resolve_doctree``: post-transforms,
  ``doctree-resolved`` handlers, toctrees): the page is written from its
  doctree with cross-references shown as their text.

Every warning is ``jekyll_posts.document`` at the document's file (and line
when the error names one); every other page builds as if it were not there.
A warning that ``-W`` turns into an error still stops the build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors.title import TitleCollector
from sphinx.environment.collectors.toctree import TocTreeCollector
from sphinx.errors import ExtensionError, SphinxWarning
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import new_document

from . import compat
from .compat.sphinx import ReadDoc, Resolve
from .state import build_state

if TYPE_CHECKING:
    from docutils.transforms import Transform
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Longest part of an error's text put in a warning.
MESSAGE_LENGTH = 200
GUARDED = "_jekyll_posts_guarded"


def setup_failsafe(app: Sphinx) -> None:
    app.add_post_transform(ShowUnresolvedReferencesAsText)
    # last, so the transforms of every extension and theme are registered
    app.connect("builder-inited", guard_reading, priority=900)
    app.connect("builder-inited", guard_transforms, priority=900)
    app.connect("write-started", guard_resolving)
    app.connect("build-finished", stop_guarding_resolving)


def describe(error: BaseException) -> str:
    """``Type: message``, cut to ``MESSAGE_LENGTH`` characters; for an event handler's
    error, the handler's own error and the extension it belongs to."""
    if isinstance(error, ExtensionError) and error.orig_exc is not None:
        return f"{describe(error.orig_exc)} in {error.modname or 'an event handler'}"
    text = " ".join(str(error).split())
    if len(text) > MESSAGE_LENGTH:
        text = text[: MESSAGE_LENGTH - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def error_line(error: BaseException) -> int | None:
    """The source line an error names, when it names one."""
    line = getattr(error, "lineno", None) or getattr(error, "line", None)
    return line if isinstance(line, int) else None


def _warn(docname: str, line: int | None, message: str) -> None:
    logger.warning(message, location=(docname, line), type="jekyll_posts", subtype="document")


# -- reading ------------------------------------------------------------------


def guard_reading(app: Sphinx) -> None:
    builder = app.builder

    def guarded(read_doc: ReadDoc) -> ReadDoc:
        def guarded_read_doc(docname: str, *, _cache: bool = True) -> None:
            try:
                read_doc(docname, _cache=_cache)
            except SphinxWarning:
                raise
            except Exception as error:
                _warn(
                    docname, error_line(error), f"reading failed ({describe(error)}): the page shows its source as text"
                )
                _read_as_literal_text(app, builder, read_doc, docname, _cache)

        return guarded_read_doc

    compat.sphinx.wrap_read_doc(builder, guarded)


def _read_as_literal_text(app: Sphinx, builder: Builder, read_doc: ReadDoc, docname: str, cache: bool) -> None:
    literal = build_state(app).literal_documents
    literal.add(docname)
    _forget(app, docname)
    try:
        read_doc(docname, _cache=cache)
    except SphinxWarning:
        raise
    except Exception:
        _forget(app, docname)
        _store_source_page(app, builder, docname, cache)
    finally:
        literal.discard(docname)


def _forget(app: Sphinx, docname: str) -> None:
    """Whatever a failed reading left of the document."""
    app.events.emit("env-purge-doc", app.env, docname)
    app.env.clear_doc(docname)


def _store_source_page(app: Sphinx, builder: Builder, docname: str, cache: bool) -> None:
    """A page of the file name as title and the source as literal text, made without any extension."""
    env = app.env
    path = env.doc2path(docname)
    source = path.read_bytes().decode("utf-8", "replace")
    env.prepare_settings(docname)
    document = new_document(str(path))
    section = nodes.section(ids=["source"], names=["source"])
    section += nodes.title(docname, docname)
    section += nodes.literal_block(source, source)
    document += section
    for collector in (TitleCollector(), TocTreeCollector()):
        collector.process_doc(app, document)
    for domain in env.domains.sorted():
        domain.process_doc(env, docname, document)
    env.metadata[docname]["orphan"] = True  # it is shown as it is, whatever lists it
    env.all_docs[docname] = path.stat().st_mtime_ns // 1_000
    env.current_document = type(env.current_document)()
    builder.write_doctree(docname, document, _cache=cache)


# -- transforms ---------------------------------------------------------------


def guard_transforms(app: Sphinx) -> None:
    compat.sphinx.wrap_transforms(app, guarded_transform)


def guarded_transform(transform: type[Transform]) -> type[Transform]:
    """A subclass of ``transform`` whose failure on one document is a warning."""
    if getattr(transform, GUARDED, False) or transform is ShowUnresolvedReferencesAsText:
        return transform

    def apply(self: Transform, **kwargs: Any) -> None:
        try:
            transform.apply(self, **kwargs)
        except SphinxWarning:
            raise
        except Exception as error:
            env = self.document.settings.env
            name = f"{transform.__module__}.{transform.__qualname__}"
            _warn(env.current_document.docname, error_line(error), f"{name} failed ({describe(error)}): skipped")

    namespace = {"apply": apply, GUARDED: True, "__module__": transform.__module__, "__doc__": transform.__doc__}
    return type(transform.__name__, (transform,), namespace)


class ShowUnresolvedReferencesAsText(SphinxPostTransform):
    """References that a failed resolver left pending are shown as their text."""

    default_priority = 999  # after every resolver

    def run(self, **kwargs: Any) -> None:
        for pending in list(self.document.findall(addnodes.pending_xref)):
            pending.replace_self(pending.children or nodes.Text(pending.get("reftarget", "")))


# -- resolving ----------------------------------------------------------------


def guard_resolving(app: Sphinx, builder: Builder) -> None:
    env = app.env

    def wrap(get_and_resolve_doctree: Resolve) -> Resolve:
        def guarded(docname: str, builder: Builder, **kwargs: Any) -> nodes.document:
            try:
                return get_and_resolve_doctree(docname, builder, **kwargs)
            except SphinxWarning:
                raise
            except Exception as error:
                _warn(docname, error_line(error), f"resolving failed ({describe(error)}): references shown as text")
                return _unresolved_doctree(env, docname)

        return guarded

    compat.sphinx.wrap_resolving(env, wrap)


def stop_guarding_resolving(app: Sphinx, exception: Exception | None) -> None:
    compat.sphinx.unwrap_resolving(app.env)


def _unresolved_doctree(env: BuildEnvironment, docname: str) -> nodes.document:
    doctree = env.get_doctree(docname)
    for pending in list(doctree.findall(addnodes.pending_xref)):
        pending.replace_self(pending.children or nodes.Text(pending.get("reftarget", "")))
    for toctree in list(doctree.findall(addnodes.toctree)):
        toctree.parent.remove(toctree)
    return doctree
