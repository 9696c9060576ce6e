"""The Markdown engines of older Jekyll sites: ``##見出し`` is a heading there (grandbig/octopress's 511)."""

from __future__ import annotations

from typing import Any

import pytest

from jekyll_posts.core.jekyll.engines import spaced_headings, unspaced_headings_reader


@pytest.mark.parametrize(
    ("config", "engine"),
    [
        ({}, None),  # Jekyll 3's kramdown with its GFM input
        ({"markdown": "kramdown", "kramdown": {"input": "GFM"}}, None),
        ({"markdown": "rdiscount", "rdiscount": {"extensions": ["autolink", "smart"]}}, "rdiscount"),  # Octopress's
        ({"markdown": "RDiscount"}, "rdiscount"),
        ({"markdown": "redcarpet"}, "redcarpet"),
        ({"markdown": "redcarpet", "redcarpet": {"extensions": ["space_after_headers"]}}, None),
        ({"markdown": "kramdown", "kramdown": {"input": "kramdown"}}, "kramdown"),
        ({"markdown": "maruku"}, "maruku"),
        ({"markdown": None, "kramdown": "not a mapping"}, None),
    ],
)
def test_the_engines_that_read_a_heading_without_a_space(config: dict[str, Any], engine: str | None) -> None:
    assert unspaced_headings_reader(config) == engine


@pytest.mark.parametrize(
    ("body", "needs_boundary", "expected"),
    [
        ("##Octopressとは\n本文です。", False, "## Octopressとは\n本文です。"),
        ("段落\n###Rubyのインストール\n続き", False, "段落\n### Rubyのインストール\n続き"),  # Markdown.pl: any line
        ("段落\n###Rubyのインストール\n続き", True, "段落\n###Rubyのインストール\n続き"),  # kramdown: a boundary
        ("前\n\n#見出し\n", True, "前\n\n# 見出し\n"),
        ("## 見出し\n", False, "## 見出し\n"),
        ("#######七つ\n", False, "#######七つ\n"),
        (" ##字下げ\n", False, " ##字下げ\n"),
        (
            "```objective-c\n#import <UIKit/UIKit.h>\n```\n#import\n",
            False,
            "```objective-c\n#import <UIKit/UIKit.h>\n```\n# import\n",
        ),
        ("    #define X 1\n", False, "    #define X 1\n"),
        ("<div>\n##x\n</div>\n", False, "<div>\n##x\n</div>\n"),
        ("###\n", False, "###\n"),
        ("> ##引用の見出し\n> 本文\n", False, "> ## 引用の見出し\n> 本文\n"),
        ("- ##項目の見出し\n1. ###番号付き\n", False, "- ## 項目の見出し\n1. ### 番号付き\n"),
    ],
)
def test_a_heading_without_a_space_gets_one_outside_code(body: str, needs_boundary: bool, expected: str) -> None:
    assert spaced_headings(body, needs_boundary=needs_boundary) == expected
