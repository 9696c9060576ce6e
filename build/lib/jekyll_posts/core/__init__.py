"""The pure core: Jekyll-style Markdown in, typed post records and problems out.

Nothing here imports Sphinx, ablog or sphinx-tags (a test checks it); the Sphinx glue
lives in :mod:`jekyll_posts.sphinxext`.
"""

from __future__ import annotations

from .dates import format_date_ja
from .japanese import join_japanese_lines
from .post import KNOWN_KEYS, ParsedPost, PostRecord, ReadOptions, SourceFile, parse_post
from .problems import SUBTYPES, Problem
from .readingtime import ReadingSpeed, reading_minutes
from .taxonomy import slugify

__all__ = [
    "KNOWN_KEYS",
    "SUBTYPES",
    "ParsedPost",
    "PostRecord",
    "Problem",
    "ReadOptions",
    "ReadingSpeed",
    "SourceFile",
    "format_date_ja",
    "join_japanese_lines",
    "parse_post",
    "reading_minutes",
    "slugify",
]
