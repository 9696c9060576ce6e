"""A few changed documents are read in the main process, not in worker processes.

Under ``-j``, Sphinx reads in worker processes however few documents
changed, and each worker sends the whole environment back, pickled: at
10,000 posts that took 7 s to read one edited post, which alone takes
milliseconds.  When fewer documents are to be read than ``SERIAL_SHARE`` of
the site, they are read in the main process; a full build still reads in
parallel.

Under ``-j`` the main process hands out a chunk of documents only once a
worker is free to take it (:class:`.compat.sphinx.TasksStartedInTurn`):
Sphinx resolved every page to write before the workers had written a tenth
of them, and held them all.  A forked reader sends back the per-document
tables of what it read, not of everything the main process had merged when
it forked (:func:`.compat.sphinx.send_back_only_what_was_read`).  Of the
pickled doctrees Sphinx keeps once loaded, the main process keeps the most
recently used (:data:`KEPT_DOCTREES`), not every page's.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from . import compat
from .state import build_state

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: how many pickled doctrees the main process keeps once loaded (the most recently used)
KEPT_DOCTREES = 32
#: below this share of the site's documents, reading in workers costs more than it saves
SERIAL_SHARE = 0.05


def setup_parallel(app: Sphinx) -> None:
    app.connect("env-before-read-docs", read_few_documents_here)
    app.connect("env-updated", restore_parallel)
    app.connect("builder-inited", start_tasks_in_turn)
    app.connect("builder-inited", send_back_only_what_is_read)
    app.connect("builder-inited", keep_few_doctrees)
    app.connect("build-finished", give_sphinx_its_own_back)


def start_tasks_in_turn(app: Sphinx) -> None:
    compat.sphinx.start_tasks_in_turn()


def send_back_only_what_is_read(app: Sphinx) -> None:
    state = build_state(app)
    state.main_process = os.getpid()
    compat.sphinx.wrap_read_doc(app.builder, lambda read_doc: _noting_forked_reads(app, read_doc))
    tables = compat.sphinx.MERGED_BY_DOCUMENT + compat.ablog.MERGED_BY_DOCUMENT
    compat.sphinx.send_back_only_what_was_read(documents_read_in_this_reader, tables)


def keep_few_doctrees(app: Sphinx) -> None:
    compat.sphinx.keep_few_pickled_doctrees(app.env, KEPT_DOCTREES)


def give_sphinx_its_own_back(app: Sphinx, exception: Exception | None) -> None:
    compat.sphinx.queue_tasks_again()
    compat.sphinx.send_back_everything()


def _noting_forked_reads(app: Sphinx, read_doc: compat.sphinx.ReadDoc) -> compat.sphinx.ReadDoc:
    state = build_state(app)

    def read_and_note(docname: str, *, _cache: bool = True) -> None:
        if os.getpid() != state.main_process:
            state.read_in_this_reader.add(docname)
        read_doc(docname, _cache=_cache)

    return read_and_note


def documents_read_in_this_reader(env: BuildEnvironment) -> Set[str] | None:
    """The documents this forked reader read (``None`` in the main process)."""
    state = build_state(compat.sphinx.app_of(env))
    return state.read_in_this_reader if os.getpid() != state.main_process else None


def read_few_documents_here(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if app.parallel > 1 and len(docnames) < SERIAL_SHARE * len(env.found_docs):
        build_state(app).parallel = compat.sphinx.read_in_main_process(app)


def restore_parallel(app: Sphinx, env: BuildEnvironment) -> None:
    state = build_state(app)
    if state.parallel is not None:
        compat.sphinx.restore_parallel(app, state.parallel)
        state.parallel = None
