"""Line breaks in Japanese text.

A Markdown paragraph's line breaks become spaces in HTML.  Japanese puts no
spaces between words, so a line broken between two Japanese characters
shows a stray space in the middle of a sentence; the break is dropped there.
"""

from __future__ import annotations

import re

_WIDE = r"\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK_BETWEEN_WIDE = re.compile(rf"(?<=[{_WIDE}])[ \t]*\n[ \t]*(?=[{_WIDE}])")


def join_japanese_lines(text: str) -> str:
    """``text`` without the line breaks that stand between two Japanese characters."""
    return _BREAK_BETWEEN_WIDE.sub("", text)
