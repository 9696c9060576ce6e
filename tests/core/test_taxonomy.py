from __future__ import annotations

import pytest

from jekyll_posts.core.taxonomy import slugify, terms_from_value, unique_terms


@pytest.mark.parametrize(
    ("value", "split_text", "expected"),
    [
        (["OpenAI", "マルチモーダル"], True, ["OpenAI", "マルチモーダル"]),
        ("jekyll ruby", True, ["jekyll", "ruby"]),
        ("推論最適化 LLM GPU", True, ["推論最適化", "LLM", "GPU"]),
        ("Machine Learning, Deep Learning", True, ["Machine Learning", "Deep Learning"]),
        ("AI最新ニュース", False, ["AI最新ニュース"]),
        ("Machine Learning", False, ["Machine Learning"]),
        ([2024, "AI"], True, ["2024", "AI"]),
        (2024, True, ["2024"]),
        (None, True, []),
        (["AI", "ai", "ＡＩ", " AI "], True, ["AI"]),
        (["", "  ", "x"], True, ["x"]),
    ],
)
def test_terms_from_front_matter_values(value: object, split_text: bool, expected: list[str]) -> None:
    terms, complaints = terms_from_value(value, split_text=split_text)
    assert terms == expected
    assert complaints == []


@pytest.mark.parametrize(
    ("value", "terms", "complaint"),
    [
        ({"a": 1}, [], "expected text or a list of text, got a mapping"),
        (True, [], "expected text or a list of text, got true/false"),
        (["ok", None, ["nested"]], ["ok"], "list items must be text, skipped null"),
    ],
)
def test_wrong_types_are_reported_and_skipped(value: object, terms: list[str], complaint: str) -> None:
    found, complaints = terms_from_value(value, split_text=True)
    assert found == terms
    assert complaints[0] == complaint


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


def test_spellings_of_one_term_share_a_slug_that_is_stable() -> None:
    assert slugify("AI") == slugify("ai") == slugify("ＡＩ") == "ai"
    assert slugify("CI/CD") == slugify("ci/cd") == "ci-cd-ebfaff47"
    assert slugify("Machine Learning") == slugify("machine-learning") == slugify("MACHINE  LEARNING")
