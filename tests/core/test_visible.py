"""The text a reader sees of raw HTML."""

from __future__ import annotations

import pytest

from jekyll_posts.core.visible import html_text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<!-- more -->", ""),
        ("<details><summary>詳細</summary>本文&amp;続き</details>", "詳細 本文&続き"),
        ("<script>alert(1)</script>見える<style>p {}</style>", "見える"),
        ('<img src="a.png" alt="画像">', ""),
        ("<br />", "\n"),  # a line break of its own, between two words of a paragraph
        ("一行目<br>二行目 <b>太字</b>", "一行目\n二行目 太字"),
    ],
)
def test_raw_html_reads_as_the_text_a_reader_sees(markup: str, text: str) -> None:
    assert html_text(markup) == text
