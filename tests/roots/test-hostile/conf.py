extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
html_theme = "sphinx_book_theme"
html_sidebars = {"**": ["jekyll_posts/blog-sidebar.html"]}
fontawesome_included = True
blog_title = "Hostile <i data-injected=1>blog</i>"
blog_baseurl = "https://kb.example.org/"
blog_feed_archives = True
