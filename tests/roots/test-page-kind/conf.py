# A site with one more kind of generated page, registered by a local extension.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["myst_parser", "ablog", "sphinx_tags", "jekyll_posts", "people"]
language = "ja"
html_theme = "sphinx_book_theme"
html_sidebars = {"**": []}
templates_path = ["_templates"]
fontawesome_included = True
