"""The languages of a Jekyll post's code blocks, as Pygments names them.

Jekyll highlights with Rouge, which knows some languages by names Pygments
does not (``txt``, ``vimscript``, ``rbs``) and shows a language it does not
know as plain text.  A fenced block's or ``{% highlight %}``'s language is
given its Pygments name, and a name Pygments does not know either becomes
``text``, as Rouge would show it, instead of a warning per block.

Only the line opening a fenced block is rewritten, wherever markdown-it finds
one (in a list item, a quote, indented under a list), and only its first word
(after ``{code-block}``, the directive a ``{% highlight %}`` block becomes):
a closing fence and indented code stay as they are.  A body whose fences
name only languages Pygments knows is returned after one scan, without parsing.
"""

from __future__ import annotations

import functools
import re

from markdown_it.token import Token
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from .structure import BLOCK_PARSER

#: Rouge's names (and aliases) that Pygments knows by another name
ROUGE_TO_PYGMENTS = {
    "txt": "text",
    "plaintext": "text",
    "plain": "text",
    "vimscript": "vim",
    "viml": "vim",
    "rbs": "ruby",
    "sh-session": "console",
    "shell-session": "console",
    "conf": "ini",
    "patch": "diff",
    "kt": "kotlin",
    "ml": "ocaml",
    "objective_c": "objective-c",
    "mustache": "handlebars",
    "jsonc": "json",
    "plist": "xml",
    "svg": "xml",
}
# the info string of a fence, or of the directive a {% highlight %} block becomes: its language
_INFO_LANGUAGE = re.compile(r"^([ \t]*(?:\{code-block\}[ \t]+)?)([^\s`{}]+)")
# the word after each run of fence characters: every fence's language, and more
_AFTER_FENCE = re.compile(r"(?:`{3,}|~{3,})[ \t]*(?:\{code-block\}[ \t]+)?([^\s`{}~]+)")


@functools.cache
def pygments_name(language: str) -> str:
    """The Pygments name of a language as Rouge names it; ``text`` for one neither knows."""
    name = ROUGE_TO_PYGMENTS.get(language.lower(), language)
    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return "text"
    return name


def with_pygments_names(markdown: str) -> str:
    """``markdown`` with each fenced code block's language named as Pygments names it."""
    if all(pygments_name(word) == word for word in _AFTER_FENCE.findall(markdown)):
        return markdown
    lines = markdown.split("\n")
    for token in BLOCK_PARSER.parse(markdown):
        if token.type == "fence" and token.map:
            lines[token.map[0]] = _opening_with_pygments_name(lines[token.map[0]], token)
    return "\n".join(lines)


def _opening_with_pygments_name(line: str, fence: Token) -> str:
    """A fence's opening ``line`` (which ends with its info string) with the language renamed."""
    if not fence.info or not line.endswith(fence.info):
        return line
    start = len(line) - len(fence.info)
    renamed = _INFO_LANGUAGE.sub(lambda match: match.group(1) + pygments_name(match.group(2)), fence.info, count=1)
    return line[:start] + renamed
