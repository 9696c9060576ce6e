"""The floor Sphinx itself sets: stock Sphinx + MyST + sphinx-book-theme, no blog
extensions, the same posts as orphan pages, Sphinx's own Japanese search."""

project = "stock"
language = "ja"
extensions = ["myst_parser"]
html_theme = "sphinx_book_theme"
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header", "toc.not_included", "myst.xref_missing", "ref.doc"]


def _orphan(app, docname, source):
    """Mark each post an orphan, as if its front matter said so (the files are not changed)."""
    if source[0].startswith("---\n"):
        source[0] = "---\norphan: true\n" + source[0][4:]


def setup(app):
    app.connect("source-read", _orphan)
