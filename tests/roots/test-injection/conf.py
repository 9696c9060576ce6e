# Every front matter value tries to break out of text: attributes, elements, scripts.
extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
html_theme = "sphinx_book_theme"
html_sidebars = {
    "**": ["navbar-logo.html", "search-button-field.html", "sbt-sidebar-nav.html", "jekyll_posts/blog-sidebar.html"]
}
fontawesome_included = True
blog_baseurl = "https://kb.example.org/"
blog_feed_archives = True
