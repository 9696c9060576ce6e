"""A few changed documents are read in the main process, not in worker processes.

Under ``-j``, Sphinx reads in worker processes however few documents
changed, and each worker sends the whole environment back, pickled: at
10,000 posts that took 7 s to read one edited post, which alone takes
milliseconds.  When fewer documents are to be read than ``SERIAL_SHARE`` of
the site, they are read in the main process; a full build still reads in
parallel, and writing is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import compat
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: below this share of the site's documents, reading in workers costs more than it saves
SERIAL_SHARE = 0.05


def setup_parallel(app: Sphinx) -> None:
    app.connect("env-before-read-docs", read_few_documents_here)
    app.connect("env-updated", restore_parallel)


def read_few_documents_here(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if app.parallel > 1 and len(docnames) < SERIAL_SHARE * len(env.found_docs):
        build_state(app).parallel = compat.sphinx.read_in_main_process(app)


def restore_parallel(app: Sphinx, env: BuildEnvironment) -> None:
    state = build_state(app)
    if state.parallel is not None:
        compat.sphinx.restore_parallel(app, state.parallel)
        state.parallel = None
