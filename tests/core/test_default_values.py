"""``defaults:`` of a Jekyll site's ``_config.yml``: which sets apply to a post, and which wins."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from jekyll_posts.core import ReadOptions, parse_post
from jekyll_posts.core.jekyll.defaults import DefaultValues, default_values_of, defaults_for

POST = PurePosixPath("_posts/2025-09-05-hello.md")
DRAFT = PurePosixPath("_drafts/idea.md")
NESTED = PurePosixPath("ja/news/_posts/2025-09-05-nested.md")


def sets(*items: dict[str, object]) -> tuple[DefaultValues, ...]:
    found, problems = default_values_of({"defaults": list(items)})
    assert problems == []
    return found


def test_a_set_for_every_post_applies_to_posts_and_drafts_not_to_pages() -> None:
    every_post = sets({"scope": {"path": "", "type": "posts"}, "values": {"author": "hantani"}})
    assert defaults_for(every_post, POST) == {"author": "hantani"}
    assert defaults_for(every_post, DRAFT) == {"author": "hantani"}
    assert defaults_for(every_post, POST, "pages") == {}


@pytest.mark.parametrize(
    ("scope", "applies"),
    [
        ({}, [POST, DRAFT, NESTED]),
        ({"path": "_posts"}, [POST]),
        ({"path": "/_drafts/"}, [DRAFT]),  # leading and trailing slashes do not count
        ({"path": "ja"}, [NESTED]),
        ({"path": "_posts/2025-09-0*"}, [POST]),  # a glob names files or folders
        ({"path": "*/news"}, [NESTED]),
        ({"path": "_posts/2024-*"}, []),
        ({"type": "pages"}, []),
    ],
)
def test_a_scope_path_is_a_prefix_or_a_glob_of_the_files_path(
    scope: dict[str, str], applies: list[PurePosixPath]
) -> None:
    given = sets({"scope": scope, "values": {"tags": ["x"]}})
    assert [path for path in (POST, DRAFT, NESTED) if defaults_for(given, path)] == applies


def test_a_longer_path_wins_then_a_set_with_a_type_then_the_later_set() -> None:
    given = sets(
        {"scope": {"path": "_posts"}, "values": {"author": "by path", "toc": True}},
        {"scope": {"path": ""}, "values": {"author": "every file", "comments": True}},
        {"scope": {"path": "", "type": "posts"}, "values": {"author": "every post"}},
    )
    assert defaults_for(given, POST) == {"author": "by path", "toc": True, "comments": True}
    assert defaults_for(given, DRAFT) == {"author": "every post", "comments": True}
    later = sets({"scope": {"path": ""}, "values": {"author": "first"}}, {"values": {"author": "second"}})
    assert defaults_for(later, POST) == {"author": "second"}


def test_mappings_are_merged_key_by_key() -> None:
    given = sets(
        {"scope": {"path": ""}, "values": {"image": {"path": "/a.png", "alt": "a"}}},
        {"scope": {"path": "_posts"}, "values": {"image": {"path": "/b.png"}}},
    )
    assert defaults_for(given, POST) == {"image": {"path": "/b.png", "alt": "a"}}


def test_sets_jekyll_skips_are_reported() -> None:
    found, problems = default_values_of({"defaults": [{"scope": {"path": ""}}, "x", {"values": {"toc": True}}]})
    assert found == (DefaultValues({"toc": True}),)
    assert problems == [
        "defaults: item 1 has no mapping of values: ignored",
        "defaults: item 2 has no mapping of values: ignored",
    ]
    assert default_values_of({"defaults": {"values": {}}})[1] == [
        "defaults: expected a list of scope and values, got dict: ignored"
    ]
    assert default_values_of({}) == ((), [])


def test_a_posts_own_front_matter_wins_and_only_its_own_keys_are_checked() -> None:
    text = "---\ntitle: 二つ目\nauthor: 自分\nimage:\n  alt: 自分の説明\n---\n\n本文。\n"
    defaults = {"author": "hantani", "tags": ["既定"], "image": {"path": "/a.png", "alt": "a"}, "athor": "typo"}
    parsed = parse_post(text, POST, ReadOptions(), defaults)
    assert parsed.record is not None
    assert parsed.record.authors == ("自分",)
    assert parsed.record.tags == ("既定",)
    assert parsed.record.metadata["image"] == {"path": "/a.png", "alt": "自分の説明"}
    assert parsed.problems == ()  # "athor" is the site's, not a typo in this post


def test_a_bad_value_from_the_defaults_says_where_it_comes_from() -> None:
    """It has no line in the post: the post's first line is named, and the site's defaults."""
    text = "---\ntitle: 三つ目\ntags: 7\n---\n\n本文。\n"
    parsed = parse_post(text, POST, ReadOptions(), {"pin": "yes", "tags": ["既定"]})  # a flag
    assert [(problem.line, problem.message) for problem in parsed.problems] == [
        (1, "pin: expected true or false (a value of _config.yml's defaults:)"),
        (3, "tags: 7 is a number: quote it to make it text"),
    ]
    far = parse_post(text.replace("tags: 7\n", ""), POST, ReadOptions(), {"date": "2099-01-01"})
    assert [problem.message for problem in far.problems if problem.subtype == "date"] == [
        "date 2099-01-01 is not the file name's 2025-09-05: the front matter date is used"
        " (a value of _config.yml's defaults:)",
        "date 2099-01-01 is more than a year ahead: is the year right? (a value of _config.yml's defaults:)",
    ]
