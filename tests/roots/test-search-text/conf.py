extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
fontawesome_included = True
blog_baseurl = "https://kb.example.org/"
