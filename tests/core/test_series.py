"""Series of posts: order, merged spellings, drafts, a series of one."""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from jekyll_posts.core import ReadOptions, parse_post
from jekyll_posts.core.entries import PageEntry
from jekyll_posts.core.series import collect_series, membership, series_pagename

TOKYO = ZoneInfo("Asia/Tokyo")
CUTOFF = datetime(2026, 6, 1, tzinfo=TOKYO)


def post(
    docname: str, day: int, series: str | None = "LLM入門", order: float | None = None, draft: bool = False
) -> PageEntry:
    date = datetime(2026, 1, day, tzinfo=TOKYO)
    return PageEntry(docname, docname, True, date, draft, (), (), (), "", series=series, series_order=order)


def names(entries: list[PageEntry], slug: str = "llm入門") -> list[str]:
    return [entry.docname for entry in collect_series(entries, CUTOFF)[slug].posts]


def test_without_numbers_posts_go_oldest_first() -> None:
    assert names([post("c", 3), post("a", 1), post("b", 2)]) == ["a", "b", "c"]


def test_series_order_wins_over_dates() -> None:
    entries = [post("a", 1, order=3), post("b", 2, order=1), post("c", 3, order=2.5)]
    assert names(entries) == ["b", "c", "a"]


def test_numbered_posts_come_first_then_the_rest_by_date() -> None:
    entries = [post("new", 9), post("old", 1), post("second", 5, order=2), post("first", 7, order=1)]
    assert names(entries) == ["first", "second", "old", "new"]


def test_equal_numbers_go_oldest_first_then_by_name() -> None:
    entries = [post("b", 2, order=1), post("a", 2, order=1), post("c", 1, order=1)]
    assert names(entries) == ["c", "a", "b"]


def test_spellings_are_one_series_shown_as_most_used() -> None:
    entries = [post("a", 1, "llm入門"), post("b", 2, "LLM入門"), post("c", 3, "ＬＬＭ入門"), post("d", 4, "LLM入門")]
    series = collect_series(entries, CUTOFF)
    assert list(series) == ["llm入門"]
    assert series["llm入門"].name == "LLM入門"
    assert [entry.docname for entry in series["llm入門"].posts] == ["a", "b", "c", "d"]


def test_positions_and_the_other_posts() -> None:
    entries = [post("a", 1), post("b", 2), post("c", 3), post("other", 4, series="別の連載")]
    series = collect_series(entries, CUTOFF)
    place = membership(series, entries[1])
    assert place is not None
    assert (place.position, place.label) == (2, "2/3")
    assert [entry.docname for entry in place.others] == ["a", "c"]
    other = membership(series, entries[3])
    assert other is not None and other.label == "1/1" and other.others == ()
    assert membership(series, post("alone", 5, series=None)) is None


def test_drafts_and_future_posts_are_not_counted() -> None:
    draft = post("draft", 2, draft=True)
    future = PageEntry("future", "future", True, datetime(2027, 1, 1, tzinfo=TOKYO), False, (), (), (), "", "LLM入門")
    entries = [post("a", 1), draft, post("b", 3), future]
    series = collect_series(entries, CUTOFF)
    assert names(entries) == ["a", "b"]
    place = membership(series, entries[2])
    assert place is not None and place.label == "2/2"
    draft_place = membership(series, draft)
    assert draft_place is not None and (draft_place.position, draft_place.label) == (None, "")
    assert [entry.docname for entry in draft_place.others] == ["a", "b"]


def test_a_series_of_drafts_only_is_no_series() -> None:
    draft = post("draft", 1, draft=True)
    series = collect_series([draft], CUTOFF)
    assert series == {} and membership(series, draft) is None


def test_a_series_of_one_post() -> None:
    only = post("only", 1)
    series = collect_series([only], CUTOFF)
    place = membership(series, only)
    assert place is not None and place.label == "1/1" and place.others == ()


def test_wiki_pages_are_in_no_series() -> None:
    page = PageEntry("wiki/a", "a", False, None, False, (), (), (), "", "LLM入門")
    series = collect_series([page, post("a", 1)], CUTOFF)
    assert names([page, post("a", 1)]) == ["a"] and membership(series, page) is None


def test_the_series_page() -> None:
    assert series_pagename("blog", "LLMの量子化入門") == "blog/series/llmの量子化入門"
    assert series_pagename("blog", "ＬＬＭの量子化入門") == series_pagename("blog", "LLMの量子化入門")
    assert series_pagename("news", "C++ 入門") == "news/series/c-plus-plus-入門"


def test_entries_carry_the_series_of_their_front_matter() -> None:
    text = "---\ntitle: t\ndate: 2026-01-02\nseries: LLM入門\nseries_order: 2\n---\nbody\n"
    record = parse_post(text, PurePosixPath("posts/a.md"), ReadOptions()).record
    assert record is not None
    entry = PageEntry.of_record("posts/a", record, "")
    assert (entry.series, entry.series_order) == ("LLM入門", 2.0)
