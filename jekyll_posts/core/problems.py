"""Problems found while reading a post: what went wrong, where, and which kind.

Every problem carries a *subtype*; the Sphinx glue reports it as the warning
``jekyll_posts.<subtype>`` so a site can silence one kind in ``conf.py``::

    suppress_warnings = ["jekyll_posts.reading_time"]
"""

from __future__ import annotations

from dataclasses import dataclass

#: Every subtype this package reports, with what it is about.
SUBTYPES: dict[str, str] = {
    "front_matter": "a post with no front matter, an unclosed one, or an empty file",
    "encoding": "a file that is not UTF-8, or holds control characters",
    "yaml": "front matter that YAML cannot read, or that is not a mapping",
    "unknown_key": "an unknown key that looks like a typo of a known one",
    "title": "a title that is missing, empty or not text",
    "date": "a date that cannot be read or is missing from a post",
    "taxonomy": "tags, categories or authors of the wrong type",
    "excerpt": "an excerpt that is not text",
    "reading_time": "a reading time that is not a number of minutes",
    "published": "a published or draft flag that is not true or false",
    "flag": "a pin, noindex or sitemap flag that is not true or false",
    "layout": "a layout that is not text",
    "series": "a series that is not text or not on a post, a series order that is not a number",
    "image": "a cover image that is not a path, an http(s) URL or a mapping with a path",
    "url": "two pages that would be written to the same URL",
    "link": "a link whose target cannot be followed",
    "document": "an error while a document was read, parsed, transformed or resolved",
    "liquid": "Liquid that cannot be rendered: an unknown tag or filter, a missing include, a syntax error",
    "config": "a jekyll_posts_* value in conf.py that is not valid, or a conf.py that cannot be read",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a post, at a 1-based line of its source file."""

    line: int
    subtype: str
    message: str

    def __post_init__(self) -> None:
        if self.subtype not in SUBTYPES:
            raise ValueError(f"unknown problem subtype: {self.subtype!r}")
