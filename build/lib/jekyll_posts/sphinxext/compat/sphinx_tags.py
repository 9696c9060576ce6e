"""What this package changes of sphinx-tags 0.4.

sphinx-tags finds tags by scanning the raw text of every file for a
```` ```{tags} ```` line (an example inside a code block counts) and writes its
tag pages into the source folder, which makes every tag page look changed and
live-reload servers loop.  Its ``{tags}`` directive is replaced by one that
records the tags while the document is parsed (:mod:`..tags`); its page
writing stays off (``tags_create_tags``, off by default) and its
``tags_intro_text`` is kept.
"""

from __future__ import annotations

import sphinx_tags

from .patches import Patch, has_attributes

VERSION_CHECKED = "sphinx-tags 0.4"


PATCHES = (
    Patch(
        "sphinx-tags registers the tags directive", VERSION_CHECKED, has_attributes(sphinx_tags, "TagLinks", "setup")
    ),
)
