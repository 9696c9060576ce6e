"""Section ids: readable, unique on the page, and stable when other sections change."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jekyll_posts.core.sections import heading_slug, kramdown_heading_ids, section_ids


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("量子化", "量子化"),
        ("バッチ処理", "バッチ処理"),
        ("推論最適化の考え方", "推論最適化の考え方"),
        ("LLMの量子化入門", "llmの量子化入門"),
        ("Python 3.12 の新機能", "python-3-12-の新機能"),
        ("GPU と CPU", "gpu-と-cpu"),
        ("Getting Started", "getting-started"),
        ("snake_case の名前", "snake_case-の名前"),
        ("「2倍」は本当か？", "2倍-は本当か"),
        ("Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？", "llama-4の-2倍-は-aiの未来をどう変えるのでしょうか"),
    ],
)
def test_japanese_and_mixed_headings(heading: str, slug: str) -> None:
    assert heading_slug(heading) == slug


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("C", "c"),
        ("Q&A", "q-and-a"),
        ("AT&T の歴史", "at-and-t-の歴史"),
        ("C++ と C# の比較", "c-plus-plus-と-c-sharp-の比較"),
        ("#1 の理由", "1-の理由"),  # not after a word: a separator
        ("CI/CD", "ci-cd"),
        ("よくある質問 (FAQ)", "よくある質問-faq"),
    ],
)
def test_symbols(heading: str, slug: str) -> None:
    assert heading_slug(heading) == slug


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("ＡＩ活用", "ai活用"),
        ("ｶﾀｶﾅ", "カタカナ"),
        ("ﾏﾙﾁﾓｰﾀﾞﾙ", "マルチモーダル"),
        ("Ｑ＆Ａ", "q-and-a"),
        ("Ｃ＋＋", "c-plus-plus"),
        ("１．はじめに", "1-はじめに"),
        ("第①章", "第1章"),
        ("ガイド", "ガイド"),  # composed, and kept apart from カイト
        ("カ\u3099イト\u3099", "ガイド"),  # combining dakuten compose to the same
    ],
)
def test_full_width_and_half_width_forms(heading: str, slug: str) -> None:
    assert heading_slug(heading) == slug


def test_emoji_are_separators() -> None:
    assert section_ids(["🚀 リリース", "リリース 🎉", "🚀🚀 まとめ ✨"]) == ["リリース", "リリース-1", "まとめ"]


def test_symbols_only_headings_are_never_empty_and_differ() -> None:
    ids = section_ids(["🎉", "***", "🎉", "", "　"])
    assert all(re.fullmatch(r"section-[0-9a-f]{8}(-\d)?", id_) for id_ in ids)
    assert ids[2] == f"{ids[0]}-1"
    assert len(set(ids)) == 5
    assert section_ids(["***"]) == [ids[1]]  # from its own text, wherever it is


def test_repeats_are_numbered_in_order() -> None:
    assert section_ids(["まとめ", "概要", "まとめ", "まとめ"]) == ["まとめ", "概要", "まとめ-1", "まとめ-2"]


def test_spellings_of_one_heading_are_repeats() -> None:
    assert section_ids(["まとめ", "まとめ！", "ＡＰＩ", "api"]) == ["まとめ", "まとめ-1", "api", "api-1"]


def test_adding_a_section_above_keeps_the_other_ids() -> None:
    headings = ["はじめに", "量子化", "バッチ処理", "まとめ", "量子化"]
    before = section_ids(headings)
    after = section_ids(["新しい節", *headings[:3], "付録", *headings[3:]])
    assert after == ["新しい節", *before[:3], "付録", *before[3:]]
    assert section_ids(headings[1:]) == before[1:]  # removing the first one too


WORDS = st.sampled_from(["量子化", "まとめ", "概要", "Python", "C++", "C#", "Q&A", "ＡＩ", "🎉", "バッチ処理", "***"])
HEADINGS = st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), max_size=12)


@given(HEADINGS, st.integers(min_value=0), st.text(alphabet="新節付録", min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_an_id_depends_only_on_its_text_and_earlier_repeats(headings: list[str], at: int, new: str) -> None:
    """Inserting a heading no other heading repeats changes no other id."""
    at %= len(headings) + 1
    before = section_ids(headings)
    after = section_ids([*headings[:at], new, *headings[at:]])
    assert after[:at] + after[at + 1 :] == before


def test_ids_like_docutils_numbered_ones_are_never_made() -> None:
    """docutils numbers footnotes and targets id1, id2...: a heading must not take one."""
    assert section_ids(["ID1", "id1", "id 1", "ID"]) == ["id1-1", "id1-2", "id-1", "id"]


def test_taken_ids_are_avoided() -> None:
    taken = {"main-content", "まとめ", "まとめ-1"}
    assert section_ids(["Main content", "まとめ", "まとめ"], taken) == ["main-content-1", "まとめ-2", "まとめ-3"]


def test_a_heading_that_looks_like_a_repeat_does_not_collide() -> None:
    assert section_ids(["まとめ-1", "まとめ", "まとめ"]) == ["まとめ-1", "まとめ", "まとめ-2"]


@given(st.lists(st.text(max_size=30), max_size=8))
@settings(max_examples=300, deadline=None)
def test_ids_are_html_ids_and_url_fragments(headings: list[str]) -> None:
    ids = section_ids(headings)
    assert len(set(ids)) == len(ids) == len(headings)
    for id_ in ids:
        assert id_ and not any(char.isspace() for char in id_)
        assert re.fullmatch(r"[a-z0-9_-]*", "".join(char for char in id_ if char.isascii()))
        assert unquote(quote(id_, safe="")) == id_
        assert not re.fullmatch(r"id\d+", id_)


@pytest.mark.parametrize(
    ("headings", "ids"),
    [
        (["Add robots.txt", "2. Inside .git/index"], ["add-robotstxt", "2-inside-gitindex"]),  # seen on a real blog
        (["まとめ", "まとめ", "まとめ"], ["まとめ", "まとめ-1", "まとめ-2"]),
        (["C++ と C#", "Q&A  two spaces"], ["c-と-c", "qa--two-spaces"]),  # each space a -
        (["snake_case ‿ tie", "ＡＢＣ①"], ["snake_case-‿-tie", "ａｂｃ"]),  # no NFKC; ① is no decimal digit
        (["🎉", "***", "🎉"], [None, "-1", "-2"]),  # kramdown gives the first none, counts the rest
        (["が", "ｶﾞ", "e\u0301"], ["が", "ｶﾞ", "e\u0301"]),  # marks are kept
    ],
)
def test_kramdown_ids_are_those_jekyll_wrote(headings: list[str], ids: list[str | None]) -> None:
    assert kramdown_heading_ids(headings) == ids
