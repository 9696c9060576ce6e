"""Python's garbage collector and the environment a rebuild loads.

A rebuild unpickles the last build's environment (the tocs, every domain's
data, ablog's records): at 1,000 posts about 290,000 objects the collector
tracks, all alive until the build ends.  Each full collection walks every one
of them, and unpickling allocates fast enough to start several: with the
collector off, a rebuild reading one post took a quarter less time.  So the
collector is off while the environment is loaded, and the objects alive when
the builder starts are frozen (:func:`gc.freeze`: no collection walks them
again) until the build ends.  The ``-j`` processes forked after that leave the
frozen objects' memory alone as well.  The collector is given back as it was
found.  (Should Sphinx stop between the two, while loading the environment or
starting the builder, the collector stays off in that process: it raises, and
``sphinx-build`` ends there.)

When the process ends, whatever is still alive is frozen (an :mod:`atexit`
handler): the interpreter's last collections walked all of it to free memory
the operating system takes back anyway, 7 s after a no-change rebuild of
10,000 posts (longer than the rebuild) and 1 s at 1,000, for stock Sphinx as
well.  Python never promised ``__del__`` for objects alive at exit; files are
closed and streams flushed as before.
"""

from __future__ import annotations

import atexit
import gc
from typing import TYPE_CHECKING

from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def setup_collector(app: Sphinx) -> None:
    app.connect("config-inited", pause_collector, priority=0)  # the environment is loaded after it
    app.connect("builder-inited", freeze_what_is_loaded, priority=0)
    app.connect("build-finished", give_back_collector, priority=1000)


def pause_collector(app: Sphinx, config: Config) -> None:
    state = build_state(app)
    state.collector_was_enabled = gc.isenabled()
    state.froze_objects = False
    gc.disable()


def freeze_what_is_loaded(app: Sphinx) -> None:
    """Frozen unless something else froze objects before this build: those are not ours to thaw."""
    state = build_state(app)
    if gc.get_freeze_count() == 0:
        gc.freeze()
        state.froze_objects = True
    if state.collector_was_enabled:
        gc.enable()


def give_back_collector(app: Sphinx, exception: Exception | None) -> None:
    state = build_state(app)
    if state.froze_objects:
        gc.unfreeze()
        state.froze_objects = False
    atexit.unregister(gc.freeze)  # once per process, however many builds it runs
    atexit.register(gc.freeze)
