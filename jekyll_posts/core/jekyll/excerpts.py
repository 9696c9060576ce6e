"""A post's excerpt the way Jekyll cuts it, as plain text for lists and feeds.

Jekyll's excerpt is the body up to the first ``excerpt_separator`` (Jekyll
4.3 ``Excerpt#extract_excerpt``): ``"\\n\\n"`` by default, so the first
paragraph, or whatever the site or the post sets, often ``<!--more-->``.
Reference definitions further down whose label the excerpt uses are added,
so its reference links still read as links.  The Markdown is then read with
markdown-it and only its text is kept: no markup, no HTML, no code blocks,
link and image texts kept; Japanese lines are joined without a space::

    excerpt_of("最初の**段落**です。\\n続きです。<!--more-->残り", "<!--more-->")
    # "最初の段落です。続きです。"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..emphasis import cjk_friendly_emphasis
from ..japanese import collapse_white_space, join_japanese_lines
from ..visible import hidden_elements_opened, html_text
from .kramdown import kramdown_to_myst

#: Jekyll's own ``excerpt_separator``: the excerpt is the first paragraph.
JEKYLL_SEPARATOR = "\n\n"
#: The separator of a post and site that set none.  It is found as Octopress's ``excerpt`` filter
#: finds it, with any white space inside and in any case: ``<!-- more -->``, ``<!--More-->``.
MORE_SEPARATOR = "<!--more-->"
_MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)

#: Jekyll's ``Excerpt::MKDWN_LINK_REF_REGEX``.
_LINK_DEFINITION = re.compile(r"^ {0,3}(?:(\[[^\]]+\])(:.+))$", re.M)
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_TEXT_CHILDREN = frozenset({"text", "code_inline", "myst_role"})

_PARSER = (
    MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .use(attrs_plugin)
    .use(attrs_block_plugin)
    .use(deflist_plugin)
    .use(footnote_plugin)
    .use(myst_role_plugin)
    .use(cjk_friendly_emphasis)
)


def excerpt_of(body: str, separator: str = JEKYLL_SEPARATOR) -> str | None:
    """The plain text of the part of ``body`` (the text after the front matter)
    before ``separator``; ``None`` when the separator is not there or the part
    holds no text, so the caller can fall back."""
    parts = _split_at(body, separator) if separator else None
    if parts is None:
        return None
    head, tail = parts
    text = plain_text(head + _definitions_used(head, tail))
    return text or None


def _split_at(body: str, separator: str) -> tuple[str, str] | None:
    """``body`` before and after its first ``separator``; ``None`` when it has none."""
    if separator == MORE_SEPARATOR:
        match = _MORE.search(body)
        return (body[: match.start()], body[match.end() :]) if match else None
    head, found, tail = body.partition(separator)
    return (head, tail) if found else None


def plain_text(markdown: str) -> str:
    """What a reader reads in ``markdown``, on one line: text of paragraphs, headings, list items and
    table cells, one space between blocks, none where a line break falls between Japanese characters."""
    tokens = _PARSER.parse(kramdown_to_myst(_LIQUID.sub("", markdown)))
    blocks = (collapse_white_space(join_japanese_lines(text)) for text in _block_texts(tokens))
    return " ".join(block for block in blocks if block)


def _definitions_used(head: str, tail: str) -> str:
    """Jekyll's ``extract_markdown_link_reference_definitions``: tail definitions the head refers to."""
    found = [match[1] + match[2] for match in _LINK_DEFINITION.finditer(tail) if match[1] in head]
    return "\n\n" + "\n".join(found) if found else ""


def _block_texts(tokens: Sequence[Token]) -> Iterable[str]:
    skipping: str | None = None
    for token in tokens:
        if skipping is not None:
            skipping = None if token.type == "footnote_block_close" else skipping
            continue
        if token.type == "footnote_block_open":
            skipping = token.type
        elif token.type == "inline":
            yield _inline_text(token.children or [])
        elif token.type == "html_block":
            yield html_text(token.content)


def _inline_text(children: Sequence[Token]) -> str:
    pieces: list[str] = []
    hidden = 0  # inside an inline script or style
    for child in children:
        if child.type == "html_inline":
            hidden = max(0, hidden + hidden_elements_opened(child.content))
        elif hidden:
            continue
        elif child.type in _TEXT_CHILDREN:
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif child.type == "image":
            pieces.append(_inline_text(child.children or []))
    return "".join(pieces)
