"""Related pages on a small hand-made site where the right answer is known."""

from __future__ import annotations

import functools
import random
from dataclasses import replace
from datetime import datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
import snowballstemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from jekyll_posts.core import related
from jekyll_posts.core.entries import PageEntry
from jekyll_posts.core.related import (
    MIN_TEXT,
    TEXT_WEIGHT,
    RelatedIndex,
    RelatedInput,
    changed_lists,
    related_input,
    taxonomy_keys,
)
from jekyll_posts.core.search import SearchPage, index_page, terms

TOKYO = ZoneInfo("Asia/Tokyo")
STEM = functools.cache(snowballstemmer.stemmer("english").stemWord)


def page(
    docname: str,
    title: str,
    body: str,
    tags: tuple[str, ...] = (),
    day: int | None = 1,
    listed: bool = True,
    categories: tuple[str, ...] = (),
) -> RelatedInput:
    """A page as the glue gives it: its search terms, its taxonomy keys."""
    date = datetime(2026, 1, day, 9, tzinfo=TOKYO) if day is not None else None
    keys = tuple(f"tag/{tag.lower()}" for tag in tags) + tuple(f"category/{name}" for name in categories)
    title_terms, body_terms = (" ".join(sorted(terms(text, STEM))) for text in (title, body))
    return RelatedInput(docname, date, listed, keys, title_terms, body_terms)


QUANTIZATION = "LLMの量子化では、4ビットの重みでメモリ使用量を減らします。GPTQやAWQが代表的な量子化手法です。"

#: Every page has the filler sentence, so common Japanese (です, ます) weighs nothing.
FILLER = "この記事ではチームの取り組みを紹介します。"

SITE = [
    page("posts/quant", "LLMの量子化入門", FILLER + QUANTIZATION, ("LLM", "量子化"), day=10),
    # only its text is like posts/quant: Japanese only, no shared tag, compounds cut differently
    page(
        "posts/quant-ja",
        "重みを四ビットにする",
        FILLER + "重みを四ビットに量子化すると、メモリ使用量が大きく減ります。代表的な量子化手法の精度も比べました。",
        ("推論",),
        day=3,
    ),
    # shares the rare tag 量子化 (2 pages) with posts/quant
    page("posts/rare", "社内勉強会の記録", FILLER + "先週の勉強会で話した内容をまとめました。", ("量子化",), day=5),
    # share the common tag LLM (6 pages) with posts/quant
    page("posts/common-1", "採用のお知らせ", FILLER + "エンジニアを募集しています。", ("LLM",), day=6),
    page("posts/common-2", "オフィス移転", FILLER + "新しいオフィスは駅から近いです。", ("LLM",), day=7),
    page("posts/common-3", "年末の挨拶", FILLER + "今年もありがとうございました。", ("LLM",), day=7),
    page("posts/common-4", "休暇の案内", FILLER + "年末年始は休業いたします。", ("LLM",), day=2),
    page("posts/common-5", "忘年会", FILLER + "忘年会を開きました。", ("LLM",), day=2),
    # a draft that would be the best match of all
    page("posts/draft", "LLMの量子化入門（下書き）", FILLER + QUANTIZATION, ("LLM", "量子化"), day=9, listed=False),
    # a wiki page (undated) about the same as posts/quant, without tags
    page(
        "wiki/quantization",
        "量子化",
        FILLER + "量子化はモデルの重みを少ないビットで表し、メモリ使用量を減らします。GPTQとAWQの使い分け。",
    ),
    # related to nothing: no tag, nothing in common but the filler
    page("posts/lonely", "庭の手入れ", FILLER + "春になったので庭の草を抜き、花の種をまきました。", day=4),
    page("wiki/kitchen", "台所", FILLER + "冷蔵庫の掃除は月に一度、当番が行います。", day=None),
]


@pytest.fixture(scope="module")
def index() -> RelatedIndex:
    return RelatedIndex.build(SITE)


def names(index: RelatedIndex, docname: str, limit: int = 5) -> list[str]:
    return [item.docname for item in index.related(docname, limit)]


def test_a_shared_rare_tag_beats_a_shared_common_tag(index: RelatedIndex) -> None:
    found = {item.docname: item for item in index.related("posts/quant", limit=10)}
    assert found["posts/rare"].shared == ("tag/量子化",)
    assert found["posts/common-1"].shared == ("tag/llm",)
    assert found["posts/rare"].score > found["posts/common-1"].score
    assert names(index, "posts/rare") == ["posts/quant"]


def test_text_alone_finds_a_page_with_no_shared_tag(index: RelatedIndex) -> None:
    found = {item.docname: item for item in index.related("posts/quant")}
    japanese = found["posts/quant-ja"]
    assert japanese.shared == () and japanese.taxonomy == 0
    assert japanese.text >= MIN_TEXT and japanese.score == pytest.approx(TEXT_WEIGHT * japanese.text)


def test_japanese_text_is_compared_by_bigrams(index: RelatedIndex) -> None:
    """posts/quant-ja is Japanese only: 量子化すると and 量子化手法 meet in 量子 and 子化."""
    assert names(index, "posts/quant-ja")[:2] == ["posts/quant", "wiki/quantization"]


def test_text_and_rare_tags_come_before_common_tags(index: RelatedIndex) -> None:
    assert names(index, "posts/quant") == [
        "wiki/quantization",
        "posts/rare",
        "posts/quant-ja",
        "posts/common-2",  # equal scores: newest first ...
        "posts/common-3",  # ... then by name
    ]


def test_a_wiki_page_can_be_related_and_has_related_pages(index: RelatedIndex) -> None:
    assert "wiki/quantization" in names(index, "posts/quant")
    assert names(index, "wiki/quantization")[:2] == ["posts/quant", "posts/quant-ja"]


def test_a_page_is_never_related_to_itself(index: RelatedIndex) -> None:
    for item in SITE:
        assert item.docname not in names(index, item.docname, limit=20)


def test_drafts_are_never_related_but_have_a_list(index: RelatedIndex) -> None:
    for item in SITE:
        assert "posts/draft" not in names(index, item.docname, limit=20)
    assert names(index, "posts/draft")[:2] == ["posts/quant", "wiki/quantization"]


def test_nothing_related_shows_nothing(index: RelatedIndex) -> None:
    assert index.related("posts/lonely") == ()
    assert index.related("wiki/kitchen") == ()
    assert index.related("not/a/page") == ()


def test_the_same_pages_in_any_order_give_the_same_lists(index: RelatedIndex) -> None:
    shuffled = SITE[:]
    random.Random(4).shuffle(shuffled)
    again = RelatedIndex.build(shuffled)
    assert again.all_related(limit=20) == index.all_related(limit=20)


def test_equal_scores_go_newest_first_then_by_name() -> None:
    same = "同じ本文です。"
    pages = [
        page("b", "b", same, ("x",), day=2),
        page("a", "a", same, ("x",), day=2),
        page("c", "c", same, ("x",), day=3),
        page("wiki", "w", same, ("x",), day=None),
        page("me", "me", same, ("x",), day=1),
        page("other", "o", "別の話です。", ("y",), day=1),
    ]
    assert names(RelatedIndex.build(pages), "me") == ["c", "a", "b", "wiki"]


def test_a_tag_on_every_page_relates_nothing() -> None:
    pages = [page(name, name, f"{name}の話", ("all",), day=1) for name in ("a", "b", "c")]
    index = RelatedIndex.build(pages)
    assert all(index.related(name) == () for name in ("a", "b", "c"))


def test_common_tags_still_find_their_newest_pages() -> None:
    """Past the common limit (10 pages here), a tag proposes its newest pages, and they tie."""
    pages = [page(f"p{day:02d}", "t", "", ("llm",), day=day) for day in range(1, 31)]
    pages.append(page("other", "t", "", ("other",), day=1))
    assert names(RelatedIndex.build(pages), "p05") == ["p30", "p29", "p28", "p27", "p26"]


def test_fingerprints_change_only_for_lists_that_change(index: RelatedIndex) -> None:
    before = index.fingerprints()
    retitled = [item for item in SITE if item.docname != "posts/lonely"]
    retitled.append(page("posts/lonely", "庭の手入れ", FILLER + "草を抜きました。", day=4))
    assert changed_lists(before, RelatedIndex.build(retitled).fingerprints()) == set()
    retagged = [item for item in SITE if item.docname != "posts/lonely"]
    retagged.append(page("posts/lonely", "庭の手入れ", FILLER, ("量子化",), day=4))
    changed = changed_lists(before, RelatedIndex.build(retagged).fingerprints())
    assert {"posts/lonely", "posts/rare"} <= changed
    assert "wiki/kitchen" not in changed


VOCABULARY = [f"t{number}" for number in range(40)] + ["2024", "量子", "子化"]
TEXTS = st.lists(st.sampled_from(VOCABULARY), max_size=16, unique=True).map(" ".join)
PAGES = st.lists(
    st.tuples(TEXTS, TEXTS, st.lists(st.sampled_from("abcd"), max_size=2), st.integers(1, 5), st.booleans()),
    min_size=2,
    max_size=14,
)


def inputs_of(pages: list[tuple[str, str, list[str], int, bool]]) -> list[RelatedInput]:
    date = lambda day: datetime(2026, 1, day, tzinfo=TOKYO)  # noqa: E731
    return [
        RelatedInput(f"p{n:02d}", date(day), n % 5 != 4 or listed, tuple(f"tag/{tag}" for tag in tags), title, body)
        for n, (title, body, tags, day, listed) in enumerate(pages)
    ]


EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0),
        st.none() | TEXTS,
        st.none() | TEXTS,
        st.none() | st.lists(st.sampled_from("abcde"), max_size=3),
    ),
    max_size=3,
)


@given(PAGES, EDITS, st.sampled_from([3, 48]))
@settings(max_examples=400, deadline=None)
def test_an_update_of_text_gives_the_lists_of_a_build(pages: list, edits: list, text_terms: int) -> None:
    """An edit of text or tags gives the lists of a build, and touches every page whose list changed.

    With 3 terms a vector, most vectors are full: terms come into them only past their floor.
    """
    with patch.object(related, "TEXT_TERMS", text_terms):
        check_update(pages, edits)


def check_update(pages: list, edits: list) -> None:
    before = inputs_of(pages)
    after = before[:]
    for at, title, body, tags in edits:
        page = after[at % len(after)]
        after[at % len(after)] = replace(
            page,
            taxonomy=page.taxonomy if tags is None else tuple(dict.fromkeys(f"tag/{tag}" for tag in tags)),
            title_terms=page.title_terms if title is None else title,
            body_terms=page.body_terms if body is None else body,
        )
    index = RelatedIndex.build(before)
    lists = index.all_related(limit=20)
    touched = index.update(after)
    built = RelatedIndex.build(after)
    expected = built.all_related(limit=20)
    assert index.all_related(limit=20) == expected
    assert {docname for docname in expected if expected[docname] != lists[docname]} <= touched
    assert index._pages == built._pages  # every vector, to the last bit, as a build makes it


def test_an_update_touches_the_pages_sharing_a_term_with_a_changed_vector() -> None:
    """r gains x: its vector is scaled again, so q's similarity to r changes though none of q's terms did.

    s1 and s2 share only x with r: too little for their text to count, so their lists stay.
    """
    shared = "a1 a2 a3 a4 a5 a6"
    filler = [RelatedInput(f"f{n}", None, True, (), "", "f") for n in range(6)]
    pages = [
        RelatedInput("q", None, True, (), "", shared),
        RelatedInput("r", None, True, (), "", shared),
        RelatedInput("s1", None, True, (), "", "x"),
        RelatedInput("s2", None, True, (), "", "x"),
        *filler,
    ]
    index = RelatedIndex.build(pages)
    before = index.related("q")
    edited = [RelatedInput("r", None, True, (), "", f"{shared} x") if page.docname == "r" else page for page in pages]
    touched = index.update(edited)
    assert [item.docname for item in before] == ["r"] and index.related("q") != before
    assert touched == {"q", "r"}
    assert index.all_related() == RelatedIndex.build(edited).all_related()


def test_an_update_of_tags_touches_the_pages_with_those_tags() -> None:
    index = RelatedIndex.build(SITE)
    assert index.update(SITE) == set()
    lonely = next(item for item in SITE if item.docname == "posts/lonely")
    retagged = [replace(item, taxonomy=("tag/量子化",)) if item is lonely else item for item in SITE]
    assert index.update(retagged) == {"posts/lonely", "posts/quant", "posts/rare", "posts/draft"}
    assert index.all_related() == RelatedIndex.build(retagged).all_related()
    assert "posts/lonely" in names(index, "posts/rare")


def test_an_update_that_adds_removes_or_dates_a_page_builds_again() -> None:
    index = RelatedIndex.build(SITE)
    assert index.update(SITE[1:]) == {item.docname for item in SITE[1:]}
    assert index.fingerprints() == RelatedIndex.build(SITE[1:]).fingerprints()
    redated = [replace(SITE[0], date=None), *SITE[1:]]
    assert index.update(redated) == {item.docname for item in SITE}
    assert index.all_related() == RelatedIndex.build(redated).all_related()


def test_the_input_of_an_entry() -> None:
    entry = PageEntry(
        "posts/a",
        "T",
        True,
        datetime(2026, 1, 1, tzinfo=TOKYO),
        False,
        ("AI", "ＡＩ人材", "C++"),
        ("AI最新ニュース",),
        ("山田",),
        "",
    )
    assert taxonomy_keys(entry) == ("tag/ai", "tag/ai人材", "tag/c-plus-plus", "category/ai最新ニュース")
    indexed = index_page(SearchPage("a.html", "量子化", "", entry.tags, "本文", (0.0, "a")), STEM)
    made = related_input(entry, indexed.terms, datetime(2026, 2, 1, tzinfo=TOKYO))
    assert made.listed
    assert (set(made.title_terms.split()), made.body_terms) == ({"量子", "子化"}, "本文")
    assert not related_input(entry, indexed.terms, datetime(2025, 2, 1, tzinfo=TOKYO)).listed


def test_two_inputs_for_one_document_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="share a document name"):
        RelatedIndex.build([page("a", "a", ""), page("a", "a", "")])
