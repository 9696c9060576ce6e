"""Emphasis in Japanese text: ``**「重要」**です`` in bold, as kramdown shows it.

CommonMark decides whether a run of ``*`` or ``_`` opens or closes emphasis
from the characters on its two sides: a run with punctuation on its inner side
needs whitespace or punctuation on its outer side.  Japanese has no spaces
between words, and its brackets and full stops are punctuation, so
``これは**「重要」**です`` and ``**強調した。**次の文`` stay as asterisks in
CommonMark, where kramdown (Jekyll) and a Japanese reader see bold text.

This module decides it by the CJK-friendly amendments to CommonMark
(https://github.com/tats-u/markdown-cjk-friendly, ``specification.md``): a CJK
character outside a run counts as whitespace does, CJK punctuation inside it
counts as a letter.  Text without CJK characters or variation selectors is
decided as CommonMark decides it.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, StateInline

#: Code points of the Hangul script whose East Asian Width is not wide (conjoining jamo)
_NARROW_HANGUL = ((0x1160, 0x11FF), (0xD7B0, 0xD7FF))
#: Blocks whose wide characters are emoji (Python's unicodedata has no emoji property);
#: 〈 and 〉 (U+2329, U+232A) are CJK brackets among them
_EMOJI_BLOCKS = ((0x2300, 0x2328), (0x232B, 0x2BFF), (0x1F000, 0x1FAFF))
#: U+FE00–U+FE0E: variation selectors that may follow a CJK character (U+FE0F asks for an emoji)
_TEXT_VARIATION_SELECTORS = (0xFE00, 0xFE0E)
#: U+E0100–U+E01EF: ideographic variation selectors (葛󠄀), which only follow kanji
_IDEOGRAPHIC_VARIATION_SELECTORS = (0xE0100, 0xE01EF)


class Run(NamedTuple):
    """A run of one delimiter character: whether it can open and close emphasis, and its length."""

    can_open: bool
    can_close: bool
    length: int


def is_cjk(character: str) -> bool:
    """Wide, full-width or half-width (East Asian Width W, F, H) and not an emoji, or Hangul."""
    code = ord(character)
    if any(first <= code <= last for first, last in _NARROW_HANGUL):
        return True
    if unicodedata.east_asian_width(character) not in ("W", "F", "H"):
        return False
    return not any(first <= code <= last for first, last in _EMOJI_BLOCKS)


def is_punctuation(character: str) -> bool:
    """CommonMark's Unicode punctuation (P and S categories), as markdown-it decides it."""
    return isMdAsciiPunct(ord(character)) or isPunctChar(character)


def _is_text_variation_selector(character: str) -> bool:
    first, last = _TEXT_VARIATION_SELECTORS
    return first <= ord(character) <= last


def _is_ideographic_variation_selector(character: str) -> bool:
    first, last = _IDEOGRAPHIC_VARIATION_SELECTORS
    return first <= ord(character) <= last


def _is_non_cjk_punctuation(character: str) -> bool:
    return is_punctuation(character) and not is_cjk(character)


def _character_before(before: str) -> str:
    """The character a run follows: a variation selector belongs to the character before it."""
    last = before[-1]
    return before[-2] if _is_text_variation_selector(last) and len(before) > 1 else last


def flanking(before: str, after: str) -> tuple[bool, bool]:
    """Whether a run is left-flanking and right-flanking.  ``before``: the text before the
    run (its last two characters are enough, a space at the start of a line); ``after``: the
    character after it (a space at the end of a line)."""
    last = before[-1]
    base = _character_before(before)
    before_space = isWhiteSpace(ord(last))
    after_space = isWhiteSpace(ord(after))
    before_cjk = is_cjk(base) or _is_ideographic_variation_selector(last)
    before_other_punctuation = _is_non_cjk_punctuation(base)
    after_other_punctuation = _is_non_cjk_punctuation(after)
    left = not after_space and (not after_other_punctuation or before_space or before_other_punctuation or before_cjk)
    right = not before_space and (
        not before_other_punctuation or after_space or after_other_punctuation or is_cjk(after)
    )
    return left, right


def scan_run(text: str, start: int, end: int, can_split_word: bool) -> Run:
    """The run of delimiter characters at ``text[start]`` (``text[:end]`` being the inline
    content): ``*`` and ``~`` may open and close inside a word (``can_split_word``), ``_``
    only next to punctuation, as CommonMark's rules 2-8 say."""
    marker = text[start]
    position = start
    while position < end and text[position] == marker:
        position += 1
    before = text[max(start - 2, 0) : start] if start > 0 else " "
    after = text[position] if position < end else " "
    left, right = flanking(before, after)
    can_open = left and (can_split_word or not right or is_punctuation(_character_before(before)))
    can_close = right and (can_split_word or not left or is_punctuation(after))
    return Run(can_open, can_close, position - start)


def _tokenize_emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's ``emphasis`` rule with the runs decided by :func:`scan_run`: each ``*``
    or ``_`` a text token and a delimiter, paired by markdown-it's own post-processing."""
    marker = state.src[state.pos]
    if silent or marker not in ("*", "_"):
        return False
    run = scan_run(state.src, state.pos, state.posMax, can_split_word=marker == "*")
    for _ in range(run.length):
        token = state.push("text", "", 0)
        token.content = marker
        delimiter = Delimiter(ord(marker), run.length, len(state.tokens) - 1, -1, run.can_open, run.can_close)
        state.delimiters.append(delimiter)
    state.pos += run.length
    return True


def _tokenize_strikethrough(state: StateInline, silent: bool) -> bool:
    """markdown-it's ``strikethrough`` rule with the runs decided by :func:`scan_run`: ``~~`` pairs, each
    a text token and a delimiter (an odd run's first ``~`` is text), paired by markdown-it's own
    post-processing."""
    if silent or state.src[state.pos] != "~":
        return False
    run = scan_run(state.src, state.pos, state.posMax, can_split_word=True)
    if run.length < 2:
        return False
    if run.length % 2:
        state.push("text", "", 0).content = "~"
    for _ in range(run.length // 2):
        state.push("text", "", 0).content = "~~"
        state.delimiters.append(Delimiter(ord("~"), 0, len(state.tokens) - 1, -1, run.can_open, run.can_close))
    state.pos += run.length
    return True


def cjk_friendly_emphasis(md: MarkdownIt) -> None:
    """A markdown-it plugin: ``*`` and ``_`` emphasis, and GFM's ``~~`` strikethrough where it is on,
    decided by the CJK-friendly rules (the amendments cover ``~~`` too)."""
    md.inline.ruler.at("emphasis", _tokenize_emphasis)
    md.inline.ruler.at("strikethrough", _tokenize_strikethrough)
