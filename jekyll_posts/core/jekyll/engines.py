"""What the Markdown engines of older Jekyll sites read that CommonMark does not.

Jekyll 3 reads Markdown with kramdown's GFM input, which MyST's CommonMark
mostly agrees with.  Sites of Jekyll 1 and 2, Octopress among them, named
another engine in ``_config.yml``: ``markdown: rdiscount`` (Octopress's),
``redcarpet``, or kramdown with its own input (``kramdown: input: kramdown``).
Each of them reads ``##見出し``, with no space after the ``#``, as a heading;
CommonMark reads a paragraph that starts with ``##``.  Such a heading gets its
space here::

    spaced_headings("##見出し\\n本文", needs_boundary=False)  # "## 見出し\\n本文"

rdiscount and redcarpet read the heading on any line (Markdown.pl's rule);
kramdown only after a blank line, at a block boundary; in a quote or a list item
too.  Code and raw HTML are left alone, and a line with more than six ``#`` is no
heading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .structure import BLOCK_PARSER, verbatim_lines

#: Engines that read a heading with no space after its ``#``, whatever their options.
_UNSPACED_HEADING_ENGINES = frozenset({"rdiscount", "maruku"})
#: A heading's ``#`` run with no space after it, at the start of a line or of a quote's or a list
#: item's text on it (the engines read their blocks as they read the page's).
_UNSPACED_HEADING = re.compile(r"^((?:[ \t]*(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+))*#{1,6})(?=[^#\s])", re.MULTILINE)


def unspaced_headings_reader(config: Mapping[str, Any]) -> str | None:
    """The engine of a site's ``_config.yml`` that reads ``##見出し`` as a heading: ``rdiscount``,
    ``maruku``, ``redcarpet`` (unless its ``space_after_headers`` extension is on) or ``kramdown`` with
    its own input; ``None`` for Jekyll's default, kramdown's GFM input, which needs the space."""
    engine = str(config.get("markdown") or "kramdown").strip().lower()
    if engine in _UNSPACED_HEADING_ENGINES:
        return engine
    options = config.get(engine)
    options = options if isinstance(options, Mapping) else {}
    if engine == "redcarpet":
        extensions = options.get("extensions")
        return None if isinstance(extensions, list) and "space_after_headers" in extensions else engine
    reads_kramdown = str(options.get("input") or "").strip().lower() == "kramdown"
    return engine if engine == "kramdown" and reads_kramdown else None


def spaced_headings(body: str, *, needs_boundary: bool) -> str:
    """``body`` with a space after the ``#`` run of each heading written without one, outside code
    and raw HTML; ``needs_boundary``: only after a blank line or at the start (kramdown's rule)."""
    if not _UNSPACED_HEADING.search(body):
        return body
    lines = body.split("\n")
    verbatim = verbatim_lines(BLOCK_PARSER.parse(body))
    for number, line in enumerate(lines):
        if number in verbatim or not _UNSPACED_HEADING.match(line):
            continue
        if needs_boundary and number and lines[number - 1].strip():
            continue
        lines[number] = _UNSPACED_HEADING.sub(r"\1 ", line, count=1)
    return "\n".join(lines)
