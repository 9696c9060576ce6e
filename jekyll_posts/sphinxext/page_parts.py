"""The parts this package adds to a page, by their class: none of them is the page's own text."""

from __future__ import annotations

#: date, authors, categories, reading time and tags under a post's title
POST_HEADER = "jekyll-post-header"
#: 「連載: name (3/5)」 and the series' parts
SERIES = "jekyll-series"
#: 「関連するページ」
RELATED = "jekyll-related"
#: 「このページへのリンク」
BACKLINKS = "jekyll-backlinks"
ADDED_PARTS = frozenset({POST_HEADER, SERIES, RELATED, BACKLINKS})
