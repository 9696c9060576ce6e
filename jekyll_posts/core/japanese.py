"""Japanese text: which characters it is made of, and its line breaks.

The character classes are defined here once, for every use (reading time,
line joining, search terms; the browser's search takes them from the index,
see :mod:`jekyll_posts.core.search`):

- :data:`JAPANESE`: the characters of Japanese words: kana, kanji (with the
  iteration marks 々 and 〆);
- :data:`WIDE`: characters set without spaces between them: those, CJK
  punctuation and full-width forms.

A Markdown paragraph's line breaks become spaces in HTML.  Japanese puts no
spaces between words, so a line broken between two wide characters shows a
stray space in the middle of a sentence; the break is dropped there.
"""

from __future__ import annotations

import re

ITERATION_MARKS = "\u3005\u3006"
KANA = "\u3040-\u30ff"
HALF_WIDTH_KANA = "\uff66-\uff9f"
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCTUATION = "\u3000-\u303f"
FULL_WIDTH_FORMS = "\uff00-\uffef"

#: Characters of Japanese words (a regular expression class body).
JAPANESE = ITERATION_MARKS + KANA + KANJI
#: Characters set without spaces between them.
WIDE = CJK_PUNCTUATION + KANA + KANJI + FULL_WIDTH_FORMS

_BREAK_BETWEEN_WIDE = re.compile(rf"(?<=[{WIDE}])[ \t]*\n[ \t]*(?=[{WIDE}])")
#: HTML's white space, and the line breaks of Python's ``splitlines``: one space at most.
_COLLAPSED_WHITE_SPACE = re.compile(r"[ \t\n\r\f\v\x1c-\x1e\x85\u2028\u2029]+")


def join_japanese_lines(text: str) -> str:
    """``text`` without the line breaks that stand between two wide characters."""
    return _BREAK_BETWEEN_WIDE.sub("", text)


def collapse_white_space(text: str) -> str:
    """``text`` on one line as a browser shows it: each run of spaces, tabs and line breaks (any
    of Unicode's) one space, none at the ends.  The ideographic space (U+3000) and no-break
    spaces are characters a writer chose (``本当？　素人``), and stay, as in the browser."""
    return _COLLAPSED_WHITE_SPACE.sub(" ", text).strip(" ")
