from __future__ import annotations

import pytest

from jekyll_posts.core.taxonomy import MAX_SLUG_LENGTH, readable_slug, slugify, terms_from_value, unique_terms


@pytest.mark.parametrize(
    ("value", "split_text", "expected"),
    [
        (["OpenAI", "マルチモーダル"], True, ["OpenAI", "マルチモーダル"]),
        ("jekyll ruby", True, ["jekyll", "ruby"]),
        ("推論最適化 LLM GPU", True, ["推論最適化", "LLM", "GPU"]),
        # Jekyll splits at ASCII white space only (Ruby's String#split): an ideographic space stays
        ("本当？　素人 AI\t入門", True, ["本当？　素人", "AI", "入門"]),
        (["　ＡＩ　入門　"], True, ["ＡＩ　入門"]),
        ("Machine Learning, Deep Learning", True, ["Machine Learning", "Deep Learning"]),
        ("AI最新ニュース", False, ["AI最新ニュース"]),
        ("Machine Learning", False, ["Machine Learning"]),
    ],
)
def test_terms_from_front_matter_values(value: object, split_text: bool, expected: list[str]) -> None:
    terms, complaints = terms_from_value(value, split_text=split_text)
    assert terms == expected
    assert complaints == []


@pytest.mark.parametrize(
    ("value", "terms", "complaints"),
    [
        ({"a": 1}, [], ["expected text or a list of text, got a mapping"]),
        (True, [], ["expected text or a list of text, got true/false"]),
        (None, [], []),  # tags: with no value, as Jekyll-Bootstrap's template writes
        ([], [], []),
        ("", [], []),
        (2024, ["2024"], ["2024 is a number: quote it to make it text"]),
        ([2024, "AI"], ["2024", "AI"], ["2024 is a number: quote it to make it text"]),
        (
            ["ok", None, ["nested"]],
            ["ok"],
            ["list items must be text, skipped null", "list items must be text, skipped a list"],
        ),
        (["", "  ", "x"], ["x"], ["empty term skipped"]),
        (["AI", "ai", "ＡＩ"], ["AI"], ["'ai' repeats 'AI'", "'ＡＩ' repeats 'AI'"]),
        (["ab" * 30], ["ab" * 30], ["'abababababababababab'... is 60 characters long"]),
    ],
)
def test_wrong_values_are_reported(value: object, terms: list[str], complaints: list[str]) -> None:
    assert terms_from_value(value, split_text=True) == (terms, complaints)


def test_unique_terms_keeps_the_first_spelling() -> None:
    assert unique_terms(["ai", "AI", "Ai  ", "LLM"]) == ["ai", "LLM"]


@pytest.mark.parametrize(
    ("term", "slug"),
    [
        ("マルチモーダル", "マルチモーダル"),
        ("推論最適化", "推論最適化"),
        ("AI人材", "ai人材"),
        ("Machine Learning", "machine-learning"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("C", "c"),
        ("Node.js", "node-dot-js"),
        ("ｶﾞｲﾄﾞ", "ガイド"),
    ],
)
def test_slugs_are_readable(term: str, slug: str) -> None:
    assert slugify(term) == slug


@pytest.mark.parametrize(
    "group",
    [
        ["ガイド", "カイト"],
        ["C++", "C#", "C"],
        ["CI/CD", "CI-CD"],
        ["a<b", "a>b", "a"],
    ],
)
def test_distinct_terms_never_share_a_slug(group: list[str]) -> None:
    assert len({slugify(term) for term in group}) == len(group)


def test_long_terms_get_short_distinct_slugs() -> None:
    first, second = "長い" * 40 + "A", "長い" * 40 + "B"
    assert len(slugify(first)) <= 69
    assert slugify(first) != slugify(second)


def test_spellings_of_one_term_share_a_slug_that_is_stable() -> None:
    assert slugify("AI") == slugify("ai") == slugify("ＡＩ") == "ai"
    assert slugify("CI/CD") == slugify("ci/cd") == "ci-cd-ebfaff47"
    assert slugify("Machine Learning") == slugify("machine-learning") == slugify("MACHINE  LEARNING")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("CI/CD", "ci-cd"),
        ("C++", "c-plus-plus"),
        ("「2倍」の性能", "2倍-の性能"),
        ("ｶﾞｲﾄﾞ", "ガイド"),
        ("!!!", ""),
        ("x" * 70, "x" * 70),
    ],
)
def test_readable_slugs_are_slugs_without_cut_or_hash(text: str, slug: str) -> None:
    assert readable_slug(text) == slug
    assert slugify(text).startswith(slug[:MAX_SLUG_LENGTH])
