"""What one build carries from event to event, in one typed object per application.

State that must survive a build, or be merged from parallel readers, lives in
the ``jekyll`` domain (:mod:`.domain`); this is the rest: one build's notes,
made afresh for each application and dropped with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass
class BuildState:
    #: documents being read again as literal text after their reading failed
    literal_documents: set[str] = field(default_factory=set)


_STATES: WeakKeyDictionary[Sphinx, BuildState] = WeakKeyDictionary()


def build_state(app: Sphinx) -> BuildState:
    """This application's build state."""
    if app not in _STATES:
        _STATES[app] = BuildState()
    return _STATES[app]
