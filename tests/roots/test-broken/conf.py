extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
fontawesome_included = True
blog_baseurl = "https://kb.example.org/"
jekyll_posts_words_per_minute = 0  # not a reading speed: warned, and the default used
