from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from jekyll_posts.core.markdown import escape_inline, github_alert, headings, line_of_link, replace_front_matter


def test_headings_outside_fenced_code() -> None:
    body = "intro\n\n```md\n# not a heading\n```\n\n## Section ##\n\nTitle\n=====\n~~~\n# no\n~~~\n"
    assert list(headings(body)) == [(2, "Section"), (1, "Title")]


@pytest.mark.parametrize(
    "title",
    [
        "<script>alert(1)</script>",
        "*not emphasis* and `not code` and [not](a-link)",
        "# hash | pipe {brace} \\ backslash",
        "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？",
        "C++ & C#: 100% _done_!",
    ],
)
def test_escaped_title_renders_as_the_same_text(title: str) -> None:
    tokens = MarkdownIt("commonmark").parse(f"# {escape_inline(title)}\n")
    inline = tokens[1]
    assert [child.type for child in inline.children or []] == ["text"]
    assert inline.children[0].content == title


def test_front_matter_lines_are_replaced_line_for_line() -> None:
    text = "---\ntitle: x\ntags: [a]\n---\nbody line 5\n"
    replaced = replace_front_matter(text, 5, "x")
    assert replaced.splitlines() == ["", "", "", "# x", "body line 5"]
    assert replace_front_matter(text, 5, None).splitlines() == ["", "", "", "", "body line 5"]


@pytest.mark.parametrize(
    ("text", "alert"),
    [
        ("[!NOTE]\n本文", ("note", 8)),
        ("[!note]", ("note", 7)),
        ("[!Warning]  \n本文", ("warning", 13)),
        (" [!TIP]\n", ("tip", 8)),
        ("[!IMPORTANT]\n", ("important", 13)),
        ("[!CAUTION]\n", ("caution", 11)),
        ("[!TIP] 同じ行の文", None),  # GitHub reads the marker only alone on its line
        ("[!INFO]\n本文", None),
        ("本文 [!NOTE]\n", None),
        ("[NOTE]\n", None),
    ],
)
def test_a_quote_is_a_github_alert_only_with_the_marker_alone_on_its_first_line(
    text: str, alert: tuple[str, int] | None
) -> None:
    assert github_alert(text) == alert


@pytest.mark.parametrize(
    ("first", "target", "line"),
    [
        (2, "b.html", 3),  # the link on the paragraph's second line
        (2, "a", 2),
        (2, "nowhere", 2),  # not named: the paragraph's first line, as MyST gave
        (4, "a", 4),  # looked for from the paragraph's first line on
    ],
)
def test_a_link_is_placed_at_the_line_that_names_it(first: int, target: str, line: int) -> None:
    lines = ["---", "[a](a) と", "[b](b.html)。", "[c](a)"]
    assert line_of_link(lines, first, target) == line
