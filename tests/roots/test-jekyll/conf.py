# Posts of a Jekyll site, built as Jekyll built them: its site folder is jekyll/.
extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
html_theme = "sphinx_book_theme"
html_sidebars = {"**": ["jekyll_posts/blog-sidebar.html"]}
fontawesome_included = True
html_baseurl = blog_baseurl = "https://kb.example.org/"
jekyll_posts_site = "jekyll"
exclude_patterns = ["jekyll"]
