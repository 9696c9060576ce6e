"""What this package relies on in myst-parser 5.2.0.

MyST resolves ``[](#量子化)`` and ``[](other.md#量子化)`` through the heading
slugs it records while parsing: ``document.myst_slugs`` for links in the same
page (its ``ResolveAnchorIds`` transform, priority 879) and
``env.metadata[docname]["myst_slugs"]`` for links from other pages (its
reference resolver), each mapping a slug to ``(line, section id, heading
text)``.  :mod:`..sections` gives every section an id of its own and records
those ids there instead, so MyST's links point at them.

MyST makes a markdown-it parser for every document (``create_md_parser``, as
its Sphinx parser imported it); while a build runs, that parser also decides
emphasis by the CJK-friendly rules of :mod:`jekyll_posts.core.emphasis`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import myst_parser
import myst_parser.mdit_to_docutils.base
import myst_parser.parsers.sphinx_
from markdown_it.rules_inline.state_inline import Delimiter
from myst_parser.mdit_to_docutils.transforms import ResolveAnchorIds

from ...core.emphasis import cjk_friendly_emphasis
from .docutils import settings_from_kept_parser
from .patches import Patch, file_contains, has_parameters

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from markdown_it import MarkdownIt
    from myst_parser.config.main import MdParserConfig
    from sphinx.environment import BuildEnvironment

VERSION_CHECKED = "myst-parser 5.2.0"
#: a heading's slug, the id it links to, and its text
SlugTarget = tuple[int | None, str, str]
#: MyST resolves in-page ``[](#slug)`` links at this priority; section ids must be final before it
RESOLVES_ANCHORS_AT = ResolveAnchorIds.default_priority
#: the key MyST marks a ``[](#name)`` reference with until it resolves it (``refuri`` is ``#name``)
IN_PAGE_LINK = "id_link"
_PACKAGE = Path(myst_parser.__file__).parent


def record_slugs(document: nodes.document, env: BuildEnvironment, slugs: dict[str, SlugTarget]) -> None:
    """Make ``slugs`` the headings MyST links ``[](#slug)`` to, on this page and from others."""
    document.myst_slugs = slugs
    if slugs:
        env.metadata[env.docname]["myst_slugs"] = slugs
    else:
        env.metadata[env.docname].pop("myst_slugs", None)


_RENDERER_MODULE = vars(myst_parser.mdit_to_docutils.base)
ORIGINAL_DEFAULT_SETTINGS = _RENDERER_MODULE["get_default_settings"]


def reuse_settings_parsers() -> None:
    """MyST's renderer makes a document it throws away for every document it renders
    (``options.get("document", make_document())``), with settings from a new docutils
    ``OptionParser``; while a build runs they come from one kept parser (see
    :mod:`.docutils`).  Undone by :func:`restore_settings_parsers`."""
    _RENDERER_MODULE["get_default_settings"] = settings_from_kept_parser


def restore_settings_parsers() -> None:
    _RENDERER_MODULE["get_default_settings"] = ORIGINAL_DEFAULT_SETTINGS


_SPHINX_PARSER_MODULE = vars(myst_parser.parsers.sphinx_)
ORIGINAL_CREATE_MD_PARSER = _SPHINX_PARSER_MODULE["create_md_parser"]


def create_cjk_friendly_parser(config: MdParserConfig, renderer: Callable[[MarkdownIt], object]) -> MarkdownIt:
    parser: MarkdownIt = ORIGINAL_CREATE_MD_PARSER(config, renderer)
    return parser.use(cjk_friendly_emphasis)


def parse_emphasis_cjk_friendly() -> None:
    """Documents are parsed with :func:`create_cjk_friendly_parser`; undone by
    :func:`parse_emphasis_as_commonmark`."""
    _SPHINX_PARSER_MODULE["create_md_parser"] = create_cjk_friendly_parser


def parse_emphasis_as_commonmark() -> None:
    _SPHINX_PARSER_MODULE["create_md_parser"] = ORIGINAL_CREATE_MD_PARSER


PATCHES = (
    Patch(
        "MyST makes a throw-away document's settings with get_default_settings",
        VERSION_CHECKED,
        file_contains(
            _PACKAGE / "mdit_to_docutils" / "base.py",
            "from docutils.frontend import get_default_settings",
            "settings = get_default_settings(parser_cls)",
        ),
    ),
    Patch(
        "MyST keeps a page's heading slugs on the document and in env.metadata",
        VERSION_CHECKED,
        file_contains(
            _PACKAGE / "mdit_to_docutils" / "base.py",
            "self.document.myst_slugs = self._heading_slugs",
            '.metadata[self.sphinx_env.docname]["myst_slugs"]',
        ),
    ),
    Patch(
        "MyST resolves links to a heading by its slug, same page and other pages",
        VERSION_CHECKED,
        file_contains(_PACKAGE / "mdit_to_docutils" / "transforms.py", '"myst_slugs", {}', "class ResolveAnchorIds"),
    ),
    Patch(
        "MyST marks a [](#name) reference with id_link",
        VERSION_CHECKED,
        file_contains(_PACKAGE / "mdit_to_docutils" / "base.py", f'ref_node["{IN_PAGE_LINK}"] = True'),
    ),
    Patch(
        "MyST's ResolveAnchorIds resolves only the references marked id_link",
        VERSION_CHECKED,
        file_contains(_PACKAGE / "mdit_to_docutils" / "transforms.py", f'if not refnode.get("{IN_PAGE_LINK}"):'),
    ),
    Patch(
        "MyST's resolver reads other pages' slugs from env.metadata",
        VERSION_CHECKED,
        file_contains(_PACKAGE / "sphinx_ext" / "myst_refs.py", '.metadata[ref_docname].get("myst_slugs", {})'),
    ),
    Patch(
        "MyST's Sphinx parser makes each document's markdown-it parser with create_md_parser",
        VERSION_CHECKED,
        file_contains(
            _PACKAGE / "parsers" / "sphinx_.py",
            "from myst_parser.parsers.mdit import create_md_parser",
            "parser = create_md_parser(config, SphinxRenderer)",
        ),
    ),
    Patch(
        "markdown-it's emphasis rule, replaced by name, pairs the Delimiters its runs add",
        "markdown-it-py 4.3.0",
        has_parameters(Delimiter, "marker", "length", "token", "end", "open", "close"),
    ),
)
