"""Rouge's language names given to Pygments, on the lines that open fenced code and nowhere else."""

from __future__ import annotations

import pytest

from jekyll_posts.core.jekyll.languages import pygments_name, with_pygments_names


@pytest.mark.parametrize(
    ("rouge", "pygments"),
    [("ruby", "ruby"), ("vimscript", "vim"), ("TXT", "text"), ("shell-session", "console"), ("nonesuch", "text")],
)
def test_pygments_name(rouge: str, pygments: str) -> None:
    assert pygments_name(rouge) == pygments


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("```vimscript\nlet x = 1\n```\n", "```vim\nlet x = 1\n```\n"),
        ("~~~ txt\nplain\n~~~\n", "~~~ text\nplain\n~~~\n"),
        ("```{code-block} vimscript\n:linenos:\n\nx\n```\n", "```{code-block} vim\n:linenos:\n\nx\n```\n"),
        ("```ruby {.x}\np 1\n```\n", "```ruby {.x}\np 1\n```\n"),
        # in a list item, indented by four spaces; in a quote; on the list marker's line
        ("- 設定\n\n    ```vimscript\n    set nu\n    ```\n", "- 設定\n\n    ```vim\n    set nu\n    ```\n"),
        ("> ```viml\n> x\n> ```\n", "> ```vim\n> x\n> ```\n"),
        ("1. ```rbs\n   x\n   ```\n", "1. ```ruby\n   x\n   ```\n"),
    ],
)
def test_an_opening_fence_gets_the_pygments_name(markdown: str, expected: str) -> None:
    assert with_pygments_names(markdown) == expected


@pytest.mark.parametrize(
    "markdown",
    [
        # a closing fence of four tildes is not a fence with the language "~"
        "前\n\n~~~~ ruby\np [1, 2, 3]\n~~~~\n\n後の段落。\n",
        "~~~~\nplain\n~~~~\n\n後の段落。\n",
        "````\n```vimscript\n````\n",  # a fence inside a longer one is code
        "段落\n\n    ```vimscript\n    x\n    ```\n",  # indented code
        "```{raw} html\n<b>x</b>\n```\n",
        "```{math}\nx^2\n```\n",
        "```\nno language\n```\n",
    ],
)
def test_closing_fences_code_and_directives_stay_as_they_are(markdown: str) -> None:
    assert with_pygments_names(markdown) == markdown


@pytest.mark.parametrize("text", ["# 見出し\n\n`code` と ``二重`` だけ。\n", "```ruby\np 1\n```\n\n~~~~\nx\n~~~~\n"])
def test_text_without_a_language_to_rename_is_returned_as_it_is(text: str) -> None:
    assert with_pygments_names(text) is text
