"""The languages of a Jekyll post's code blocks, as Pygments names them.

Jekyll highlights with Rouge, which knows some languages by names Pygments
does not (``txt``, ``vimscript``, ``rbs``) and shows a language it does not
know as plain text.  A fenced block's or ``{% highlight %}``'s language is
given its Pygments name, and a name Pygments does not know either becomes
``text``, as Rouge would show it, instead of a warning per block.
"""

from __future__ import annotations

import functools
import re

from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

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
# a fence opening, or the directive a {% highlight %} block becomes: its language
_FENCE_LANGUAGE = re.compile(r"^( {0,3}(?:`{3,}|~{3,})[ \t]*(?:\{code-block\}[ \t]+)?)([^\s`{}]+)", re.MULTILINE)


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
    """``markdown`` with each code block's language named as Pygments names it."""
    return _FENCE_LANGUAGE.sub(lambda match: match.group(1) + pygments_name(match.group(2)), markdown)
