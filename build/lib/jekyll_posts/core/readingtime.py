"""Reading time of a post body, right for Japanese as well as English.

Japanese is not written with spaces, so counting words says nothing about
it: Japanese characters (kanji, hiragana, katakana) are counted one by one
and read at ``chars_per_minute``; runs of Latin letters and digits count as
words read at ``words_per_minute``.  Link targets and HTML tags are not read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .japanese import HALF_WIDTH_KANA, JAPANESE

_JAPANESE_CHAR = re.compile(rf"[{JAPANESE}{HALF_WIDTH_KANA}]")
_WORD = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:['’][A-Za-z]+)*")
_NOT_READ = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")


@dataclass(frozen=True)
class ReadingSpeed:
    """How fast a reader reads: Japanese characters and other words per minute."""

    chars_per_minute: int = 500
    words_per_minute: int = 200


def reading_minutes(body: str, speed: ReadingSpeed = ReadingSpeed()) -> int:
    """Whole minutes to read ``body`` (at least 1)."""
    text = _NOT_READ.sub(" ", body)
    chars = len(_JAPANESE_CHAR.findall(text))
    words = len(_WORD.findall(text))
    minutes = chars / speed.chars_per_minute + words / speed.words_per_minute
    return max(1, math.ceil(minutes))
