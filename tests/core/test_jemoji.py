"""jemoji's emoji names, for a site that used the plugin."""

from __future__ import annotations

import pytest

from jekyll_posts.core.jekyll.jemoji import uses_jemoji, with_emoji


@pytest.mark.parametrize(
    ("config", "used"),
    [
        ({"plugins": ["jekyll-feed", "jemoji"]}, True),
        ({"gems": ["jemoji"]}, True),  # the key before Jekyll 3.5
        ({"plugins": ["jekyll-feed"]}, False),
        ({"plugins": "jemoji"}, False),  # Jekyll reads a list only
        ({}, False),
    ],
)
def test_a_site_uses_jemoji_when_its_plugins_list_it(config: dict[str, object], used: bool) -> None:
    assert uses_jemoji(config) is used


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (":smile:", "😄"),
        ("再開しました :tada:", "再開しました 🎉"),
        (":+1: :-1: :sweat_smile:", "👍 👎 😅"),
        (":no_such_emoji:", ":no_such_emoji:"),
        ("10:30:45", "10:30:45"),
        ("a: b", "a: b"),
    ],
)
def test_each_name_jemoji_knew_is_its_emoji_and_any_other_is_kept(text: str, shown: str) -> None:
    assert with_emoji(text) == shown
