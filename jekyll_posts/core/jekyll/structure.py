"""Where a post body's blocks, code and raw HTML are, as MyST's markdown-it reads them.

The steps that rewrite a body for MyST (:mod:`.kramdown`, :mod:`.languages`)
must agree with MyST on what is code: they read the body's block structure
with one parser, :data:`BLOCK_PARSER` (CommonMark with tables, footnotes and
definition lists, as MyST reads posts; inline parsing left out, which would
double the time), and find code spans in a block's text with
:func:`code_spans`.  Line numbers are 0-based indexes of ``text.split("\\n")``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

#: Block structure only: where code, paragraphs and lists are.
BLOCK_PARSER = (
    MarkdownIt("commonmark", {"maxNesting": 50})
    .enable("table")
    .use(footnote_plugin)
    .use(deflist_plugin)
    .disable(["inline", "text_join"])
)

_BACKTICKS = re.compile(r"`+")


def verbatim_lines(tokens: Sequence[Token], kinds: Collection[str] = ("fence", "code_block", "html_block")) -> set[int]:
    """Lines markdown-it reads as code (fenced or indented) or raw HTML: MyST shows them as they are
    (``kinds``: only code, ``("fence", "code_block")``)."""
    verbatim: set[int] = set()
    for token in tokens:
        if token.type in kinds and token.map:
            verbatim.update(range(*token.map))
    return verbatim


def inline_regions(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """The lines (``start``, ``end`` exclusive) of each block's inline text: a paragraph, a heading, a cell."""
    for token in tokens:
        if token.type == "inline" and token.map:
            yield token.map[0], token.map[1]


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where CommonMark's code spans are: a backtick run up to the next run of the same length."""
    spans: list[tuple[int, int]] = []
    position = 0
    while match := _BACKTICKS.search(text, position):
        opening_start, run = match.start(), match.group()
        backslashes = len(text[:opening_start]) - len(text[:opening_start].rstrip("\\"))
        if backslashes % 2:
            opening_start, run = opening_start + 1, run[1:]
        closing = re.compile(rf"(?<!`){run}(?!`)").search(text, match.end()) if run else None
        if closing is None:
            position = match.end()
            continue
        spans.append((opening_start, closing.end()))
        position = closing.end()
    return spans
