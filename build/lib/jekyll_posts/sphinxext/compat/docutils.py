"""What this package relies on in docutils 0.22.4.

A document's settings come from a ``docutils.frontend.OptionParser`` made of
the reader's and parser's settings specs (about 150 options).  Sphinx
(``sphinx.util.docutils._get_settings``) and MyST (``make_document``, through
``get_default_settings``) make a new one for every document they parse: 5 ms a
document, 5 s of CPU in a 1,000-post build, the same for stock Sphinx.  The
parser depends only on the components' kinds, the defaults and whether config
files are read, so while a build runs one parser is kept per combination and
every document still gets settings of its own (``get_default_values`` makes a
new ``Values``).  :mod:`.sphinx` and :mod:`.myst` route their calls here.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

from docutils.frontend import OptionParser, Values

from .patches import Patch, has_attributes, has_parameters

VERSION_CHECKED = "docutils 0.22.4"
#: the kinds of the components, and whether config files are read
_Key = tuple[tuple[type, ...], bool]
_kept: dict[_Key, tuple[dict[str, Any], OptionParser]] = {}


def settings_from_kept_parser(
    *components: Any, defaults: Mapping[str, Any] | None = None, read_config_files: bool = False
) -> Values:
    """``OptionParser(components, defaults, read_config_files).get_default_values()``, from
    a parser made once for the same kinds of components and equal defaults."""
    key = (
        tuple(component if isinstance(component, type) else type(component) for component in components),
        read_config_files,
    )
    wanted = dict(defaults or {})
    kept = _kept.get(key)
    with warnings.catch_warnings():  # OptionParser and Values are deprecated for argparse
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        if kept is None or kept[0] != wanted:
            parser = OptionParser(components=components, defaults=wanted, read_config_files=read_config_files)
            kept = _kept[key] = (wanted, parser)
        return kept[1].get_default_values()


def forget_kept_parsers() -> None:
    """The next document's settings are made afresh (config files read again)."""
    _kept.clear()


PATCHES = (
    Patch(
        "docutils makes a document's settings with a new OptionParser",
        VERSION_CHECKED,
        has_parameters(OptionParser.__init__, "components", "defaults", "read_config_files"),
    ),
    Patch(
        "docutils gives each document new settings from its parser",
        VERSION_CHECKED,
        has_attributes(OptionParser, "get_default_values"),
    ),
)
