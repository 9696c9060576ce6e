"""Text stays text in every template: titles, names and feed titles are escaped.

Sphinx renders its templates without autoescaping, and the templates of
ablog, pydata-sphinx-theme and sphinx-book-theme print some values as they
are.  On a document's page Sphinx gives ``title`` as HTML made from the
doctree (already escaped); on a generated page (a tag, category, author or
year page, a feed's ``<link>``) the values are plain text from front matter.
Two rules make every one of them text:

- ablog's templates and this package's own are compiled with autoescaping
  (``{{ coll }}`` in ablog's sidebars prints a category name as it is;
  ``<link rel="alternate" title="{{ feed_title }}">`` in its ``page.html``
  is reached through the context below);
- the text values of a page's context that shared templates print as they
  are (``title`` on a generated page, ablog's ``feed_title`` and
  ``header``, the book theme's ``pagetitle`` and ``root_title``) are given
  to the templates escaped, as :class:`markupsafe.Markup`, which ``|e``
  leaves as it is and ``|striptags`` turns back into the whole text.

Compiling the templates a page uses takes 0.3 s in every build that draws a
page (Sphinx compiles them afresh in each process); the compiled templates are
kept beside the doctrees for the next build, in a folder named for what the
compiled code depends on besides a template's text, the autoescaping rule among
it (:func:`.compat.sphinx.keep_compiled_templates`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import escape

from . import compat
from .compat import theme
from .state import build_state

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: Templates under these folders are compiled with autoescaping.
AUTOESCAPED_FOLDERS = ("ablog/", "jekyll_posts/")
#: Context values that are text on every page: ablog's, and the book theme's.
TEXT_VALUES = ("feed_title", "header", *theme.TEXT_VALUES)


def setup_escaping(app: Sphinx) -> None:
    app.connect("builder-inited", autoescape_templates)
    # after ablog's and the themes' handlers have set the values
    app.connect("html-page-context", escape_text_values, priority=900)


def autoescape_templates(app: Sphinx) -> None:
    compat.sphinx.autoescape_templates(app.builder, is_autoescaped)
    templates = build_state(app).store(app).folder / "templates"
    compat.sphinx.keep_compiled_templates(app.builder, templates, depends_on=AUTOESCAPED_FOLDERS)


def is_autoescaped(template_name: str | None) -> bool:
    return template_name is not None and template_name.startswith(AUTOESCAPED_FOLDERS)


def escape_text_values(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    names = TEXT_VALUES if doctree is not None else ("title", *TEXT_VALUES)
    for name in names:
        if isinstance(context.get(name), str):
            context[name] = escape(context[name])
