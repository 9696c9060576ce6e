"""Emphasis decided by CommonMark's CJK-friendly amendments.

The bold cases are the ones CommonMark leaves as asterisks and kramdown 2.4
(Jekyll) shows in bold; the cases without CJK text are decided as CommonMark
decides them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import StateInline

from jekyll_posts.core.emphasis import cjk_friendly_emphasis, is_cjk, scan_run

CASES = [
    # punctuation inside the run, a CJK letter outside it
    ("これは**「重要」**です", "これは<strong>「重要」</strong>です"),
    ("**強調した。**次の文", "<strong>強調した。</strong>次の文"),
    ("**Python（パイソン）**を使う", "<strong>Python（パイソン）</strong>を使う"),
    ("*「引用」*と書く", "<em>「引用」</em>と書く"),
    ("半角の**(括弧)**でも", "半角の<strong>(括弧)</strong>でも"),
    ("a**「b」**c", "a<strong>「b」</strong>c"),
    ("漢**(x)**", "漢<strong>(x)</strong>"),
    ("한국어**「강조」**입니다", "한국어<strong>「강조」</strong>입니다"),
    # CommonMark already showed these, and still does
    ("日本語の**強調**です", "日本語の<strong>強調</strong>です"),
    ("これは*斜体*です", "これは<em>斜体</em>です"),
    # not emphasis in either
    ("日本_語_です", "日本_語_です"),
    ("** 空白 **の中", "** 空白 **の中"),
    ("__「下線」__の後", "__「下線」__の後"),  # ``_`` closes only before punctuation or space, as in kramdown
    # an emoji is not a CJK character but a symbol, punctuation to CommonMark
    ("x**😀**あ", "x**😀**あ"),
]


def render(text: str, md: MarkdownIt) -> str:
    return md.renderInline(text)


@pytest.mark.parametrize(("text", "html"), CASES, ids=[text for text, _ in CASES])
def test_emphasis_next_to_japanese(text: str, html: str) -> None:
    assert render(text, MarkdownIt("commonmark").use(cjk_friendly_emphasis)) == html


def test_the_bold_cases_were_asterisks_in_commonmark() -> None:
    commonmark = MarkdownIt("commonmark")
    assert render("これは**「重要」**です", commonmark) == "これは**「重要」**です"
    assert render("**強調した。**次の文", commonmark) == "**強調した。**次の文"


@pytest.mark.parametrize(
    ("character", "cjk"),
    [
        *[("あ", True), ("漢", True), ("。", True), ("（", True), ("ｱ", True), ("한", True), ("\u1161", True)],
        *[("\u2329", True), ("a", False), ("(", False), (" ", False), ("😀", False), ("⌚", False)],
    ],
)
def test_which_characters_are_cjk(character: str, cjk: bool) -> None:
    assert is_cjk(character) is cjk


def test_a_variation_selector_belongs_to_the_character_before_it() -> None:
    md = MarkdownIt("commonmark").use(cjk_friendly_emphasis)
    assert render("葛\U000e0100**「x」**", md) == "葛\U000e0100<strong>「x」</strong>"  # ideographic selector
    assert render("\u2ff0\ufe00**(x)**", md) == "\u2ff0\ufe00<strong>(x)</strong>"  # a CJK sequence


NOT_CJK = st.text(alphabet="ab *_~.,!?()[]\"'-\t\u00e9\u00a0\u2014\u201c\u201d", max_size=14)


@given(NOT_CJK)
def test_text_without_cjk_characters_is_decided_as_commonmark_decides_it(text: str) -> None:
    commonmark = MarkdownIt("commonmark")
    for start, character in enumerate(text):
        if character in "*_" and (start == 0 or text[start - 1] != character):
            state = StateInline(text, commonmark, {}, [])
            expected = state.scanDelims(start, character == "*")
            assert tuple(scan_run(text, start, len(text), character == "*")) == tuple(expected)
    assert render(text, MarkdownIt("commonmark").use(cjk_friendly_emphasis)) == render(text, commonmark)
    with_strikethrough = MarkdownIt("commonmark").enable("strikethrough")
    friendly = MarkdownIt("commonmark").enable("strikethrough").use(cjk_friendly_emphasis)
    assert render(text, friendly) == render(text, with_strikethrough)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("~~申請中です。~~公開されました", "<s>申請中です。</s>公開されました"),  # grandbig/octopress
        ("~~「取消」~~です", "<s>「取消」</s>です"),
        ("日本語の~~取消~~です", "日本語の<s>取消</s>です"),
        ("~~x~", "~~x~"),
    ],
)
def test_gfm_strikethrough_next_to_japanese_is_struck_out_as_kramdown_struck_it(text: str, html: str) -> None:
    assert render(text, MarkdownIt("commonmark").enable("strikethrough").use(cjk_friendly_emphasis)) == html
    assert render(text, MarkdownIt("commonmark").use(cjk_friendly_emphasis)) == render(text, MarkdownIt("commonmark"))
