# Posts that make Sphinx, MyST or another extension raise: the build goes on.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts", "raising"]
language = "ja"
html_theme = "sphinx_book_theme"
html_sidebars = {"**": ["jekyll_posts/blog-sidebar.html"]}
fontawesome_included = True
blog_baseurl = "https://kb.example.org/"
