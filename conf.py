"""Sphinx configuration of the team knowledge base.

The content lives in ``docs/``; ``make html`` runs
``sphinx-build -c . docs _build/html``.  Posts are Jekyll-style Markdown
files in ``docs/posts/``: the ``jekyll_posts`` extension reads their front
matter and hands it to ablog (posts, archives, categories, authors, feeds)
and to the tag pages.
"""

import os

project = "チームナレッジベース"
author = "チーム一同"
copyright = "2026, チーム一同"
language = "ja"

extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", ".venv", "Thumbs.db", ".DS_Store"]

# -- Posts ---------------------------------------------------------------------
jekyll_posts_timezone = "Asia/Tokyo"

# The site's address, for feeds, the sitemap and OpenGraph: Read the Docs gives it, the GitHub
# Pages recipe (README, Publishing) sets SITE_URL; locally it is make serve's http://localhost:8000/.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or os.environ.get("SITE_URL") or "http://localhost:8000/"

blog_title = project
blog_path = "blog"
blog_baseurl = html_baseurl
blog_feed_archives = True  # one feed per category, author and year too
blog_feed_fulltext = False  # the excerpt is each entry's summary
blog_feed_length = 20
post_date_format = "%Y年%-m月%-d日"
post_date_format_short = "%Y年%-m月%-d日"
post_auto_orphan = True  # posts are listed by the blog, not in a toctree

tags_intro_text = "タグ:"

# -- HTML ----------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = project
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "search_bar_text": "検索…",
}
html_sidebars = {
    "**": [
        "navbar-logo.html",
        "search-button-field.html",
        "sbt-sidebar-nav.html",
        # recent posts, categories, tags and archives, shared by all pages
        "jekyll_posts/blog-sidebar.html",
    ]
}
