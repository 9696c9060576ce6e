extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
html_theme = "sphinx_book_theme"
blog_title = "Related"
blog_baseurl = "https://related.example.org/"
