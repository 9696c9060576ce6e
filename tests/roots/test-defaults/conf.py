# Posts of a Jekyll site whose _config.yml gives their front matter defaults (as Chirpy's starter does).
extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts"]
language = "ja"
html_theme = "sphinx_book_theme"
html_baseurl = blog_baseurl = "https://kb.example.org/"
jekyll_posts_site = "jekyll"
exclude_patterns = ["jekyll"]
