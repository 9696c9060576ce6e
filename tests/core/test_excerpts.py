from __future__ import annotations

import pytest

from jekyll_posts.core.jekyll.excerpts import JEKYLL_SEPARATOR, excerpt_of, plain_text

MORE = "<!--more-->"


@pytest.mark.parametrize(
    ("body", "separator", "excerpt"),
    [
        ("最初の**段落**です。\n続きです。<!--more-->残り", MORE, "最初の段落です。続きです。"),
        ("一段落目です。\n改行の後。\n\n二段落目。\n", JEKYLL_SEPARATOR, "一段落目です。改行の後。"),
        ("\n先頭の空行の後。\n\n次。\n", JEKYLL_SEPARATOR, "先頭の空行の後。"),
        ("# 見出し\n\n- 項目一\n- 項目二\n\n```\ncode\n```\n<!--more-->\n残り", MORE, "見出し 項目一 項目二"),
        (
            "See [the docs][1] and ![図](a.png), `code`.\nNext line\n\nMore\n\n[1]: http://x\n",
            "\n\n",
            "See the docs and 図, code. Next line",
        ),
        ("[リンク](http://example.com)と<span>HTML</span>&amp;実体参照。\n\n次", "\n\n", "リンクとHTML&実体参照。"),
        ('<div class="x">HTML &amp; text</div>\n\nmore', "\n\n", "HTML & text"),
        ("本文 $$x^2$$ と注[^1]。\n{: .note}\n\n[^1]: 注の本文\n", "\n\n", "本文 x^2 と注。"),
        ("{% include x.html %}テキスト{{ page.title }}です\n\nmore", "\n\n", "テキストです"),
        ("English line one\nand two.\n\nmore", "\n\n", "English line one and two."),
        ("| 列 | 値 |\n|---|---|\n| A | 1 |\n<!--more-->", MORE, "列 値 A 1"),
        ("no separator here", MORE, None),
        ("\n\nnothing before the first blank line", "\n\n", None),
        ("text", "", None),
    ],
)
def test_excerpt_of(body: str, separator: str, excerpt: str | None) -> None:
    assert excerpt_of(body, separator) == excerpt


def test_bold_next_to_japanese_punctuation_is_read_as_the_page_reads_it() -> None:
    """The page shows ``**…！**の`` in bold (CJK-friendly emphasis); the excerpt showed its asterisks
    (grandbig/octopress, in the related pages of 7 posts)."""
    body = "紹介した**位置情報を取得してみよう！**の部分と**『許可しない』/『常に許可』**の3つ。<!--more-->"
    assert excerpt_of(body, MORE) == "紹介した位置情報を取得してみよう！の部分と『許可しない』/『常に許可』の3つ。"
    assert excerpt_of("~~申請中~~ 公開されました！<!--more-->", MORE) == "申請中 公開されました！"  # GFM's


def test_a_script_or_a_style_in_the_excerpt_is_not_its_text() -> None:
    """An ad snippet before ``<!-- more -->`` put its script into the excerpts of a real blog's lists
    and related pages (grandbig/octopress)."""
    body = (
        "では、早速。\n\n<script async src=\"//x.js\"></script>\n<ins class=\"ad\"></ins>\n"
        "<script>\n(adsbygoogle = window.adsbygoogle || []).push({});\n</script>\n<style>\np { color: red }\n</style>\n"
        "<div>見える&amp;文字<!-- 注釈 --></div>\n\n<!-- more -->\n後"
    )
    assert excerpt_of(body, MORE) == "では、早速。 見える&文字"
    inline = "前 <script>alert(1)</script>後 <style>p { color: red }</style>。<!--more-->"
    assert excerpt_of(inline, MORE) == "前 後 。"  # a script in a paragraph: tags and text apart


@pytest.mark.parametrize("marker", ["<!-- more -->", "<!--More-->", "<!--\tmore\n-->"])
def test_the_default_marker_is_found_with_spaces_and_in_any_case_as_octopress_finds_it(marker: str) -> None:
    """101 of grandbig/octopress's 166 posts write ``<!-- more -->``; their excerpts ignored it."""
    assert excerpt_of(f"前半です。\n\n続き。\n{marker}\n後半", MORE) == "前半です。 続き。"
    assert excerpt_of(f"前半{marker}後半", "<!--cut-->") is None  # a separator the site names is Jekyll's: as written


def test_reference_definitions_after_the_separator_are_used() -> None:
    body = "詳しくは[公式文書][docs]を参照。<!--more-->\n\n[docs]: https://example.com\n[other]: https://x\n"
    assert excerpt_of(body, MORE) == "詳しくは公式文書を参照。"
    assert plain_text("詳しくは[公式文書][docs]を参照。") == "詳しくは[公式文書][docs]を参照。"


def test_kramdown_syntax_is_not_shown() -> None:
    body = "* TOC\n{:toc}\n\n段落\n{: .lead}\n\n*[HTML]: x\n\n[link](u){: .btn}\n<!--more-->"
    assert excerpt_of(body, MORE) == "段落 link"
