"""Octopress's tags, read as its plugins read them and written as the MyST that shows the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from jekyll_posts.core import Problem
from jekyll_posts.core.jekyll import JekyllSite, Links, load_jekyll_site
from jekyll_posts.core.jekyll.liquid import Rendered, render_liquid
from jekyll_posts.core.jekyll.octopress import captioned_fences, is_octopress

LINKS = Links(post_url=lambda name: None, link=lambda path: None, jekyll_url=lambda tag, name: None)


def render(body: str) -> Rendered:
    return render_liquid(body, 1, {"title": "Octopress", "slug": "octo"}, JekyllSite(), LINKS)


def rendered_text(body: str) -> str:
    result = render(body)
    assert result.problems == ()
    return result.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # no language: plain text, line numbers as Octopress's gutter; a # line stays code
            "{% codeblock %}\n$ gem install rspec-rails\n\n# コメント\n{% endcodeblock %}",
            "```{code-block} text\n:linenos:\n\n$ gem install rspec-rails\n\n# コメント\n```",
        ),
        (  # lang: and a title, which is the caption
            "{% codeblock lang:ruby spec/images_spec.rb %}\nrequire 'spec_helper'\n{% endcodeblock %}",
            "```{code-block} ruby\n:caption: spec\\/images\\_spec\\.rb\n:linenos:\n\nrequire 'spec_helper'\n```",
        ),
        (  # the language from the title's file name; a URL and its link text
            "{% codeblock Got pain? relief.sh http://site.com/relief.sh Download it! %}\n$ rm -rf ~/PAIN\n"
            "{% endcodeblock %}",
            "```{code-block} sh\n:caption: Got pain\\? relief\\.sh [Download it\\!](<http://site.com/relief.sh>)\n"
            ":linenos:\n\n$ rm -rf ~/PAIN\n```",
        ),
        (  # Octopress 2.5's options
            '{% codeblock lang:Ruby title:"素数か" mark:1,3-4 linenos:false url:/files/p.rb %}\nx\n{% endcodeblock %}',
            "```{code-block} ruby\n:caption: 素数か [link](</files/p.rb>)\n:emphasize-lines: 1,3-4\n\nx\n```",
        ),
        (
            "{% codeblock lang:c start:5 %}\nint x;\n{% endcodeblock %}",
            "```{code-block} c\n:linenos:\n:lineno-start: 5\n\nint x;\n```",
        ),
        (  # mark: numbers lines as shown (from start:), MyST from the block's first line
            "{% codeblock lang:c start:5 mark:6,8-9 %}\na\nb\nc\nd\ne\n{% endcodeblock %}",
            "```{code-block} c\n:linenos:\n:lineno-start: 5\n:emphasize-lines: 2,4-5\n\na\nb\nc\nd\ne\n```",
        ),
        (  # in a list item, at the item's indentation
            "- 手順\n  {% codeblock lang:sh %}\n  ls {{ page.slug }}\n  {% endcodeblock %}",
            "- 手順\n  ```{code-block} sh\n  :linenos:\n\n  ls octo\n  ```",
        ),
        (  # a link that is neither the web's nor the site's is text
            '{% codeblock title:"t" url:"javascript:alert(1)" %}\nx\n{% endcodeblock %}',
            "```{code-block} text\n:caption: t javascript\\:alert\\(1\\)\n:linenos:\n\nx\n```",
        ),
    ],
)
def test_codeblock_is_a_code_block_with_its_caption(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% img /images/ninja.png Ninja Attack! %}", "![Ninja Attack\\!](</images/ninja.png>)"),
        (
            '{% img left half http://site.com/ninja.png 150 120 "Ninja Attack!" "忍者の構え" %}',
            "![忍者の構え](<http://site.com/ninja.png>){align=left .half width=150px height=120px}",
        ),
        ("前 {% img /a.png 40 %} 後", "前 ![](</a.png>){width=40px} 後"),
        ('{% img /a.png "題" %}', "![題](</a.png>)"),
    ],
)
def test_img_is_a_picture(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


def test_an_img_naming_no_picture_is_left_as_written_with_a_problem() -> None:
    result = render("写真\n{% img nothing here %}")
    assert result.text == "写真\n{% img nothing here %}"
    expected = 'expected [classes] /path/or/url [width [height]] [title | "title" ["alt"]]'
    message = f"img: {expected}, got 'nothing here': the tag is left as written"
    assert result.problems == (Problem(2, "liquid", message),)


@pytest.mark.parametrize(
    ("argument", "citation"),
    [
        ("", None),
        ("David Levithan, Wide Awake", "— **David Levithan** *Wide Awake*"),
        ("夏目漱石", "— **夏目漱石**"),
        (
            "Bobby Willis http://google.com/search?q=pants the search",
            "— **Bobby Willis** [the search](<http://google.com/search?q=pants>)",
        ),
        (
            "@DevDocs https://twitter.com/devdocs/status/356095192085962752",
            "— **\\@DevDocs** [twitter\\.com\\/devdocs\\/status\\/…](<https://twitter.com/devdocs/status/356095192085962752>)",
        ),
    ],
)
def test_blockquote_is_a_quote_with_its_author_and_source(argument: str, citation: str | None) -> None:
    text = rendered_text(f"{{% blockquote {argument} %}}\n一行目\n二行目\n\n次の段落\n{{% endblockquote %}}")
    quote = "> 一行目\n> 二行目\n>\n> 次の段落"
    assert text == (quote if citation is None else f"{quote}\n>\n> {citation}")


def test_pullquote_shows_its_text_with_the_pulled_words_in_place() -> None:
    body = '{% pullquote %}\n彼は {" 早く帰れ "} と言った。\n{% endpullquote %}'
    assert rendered_text(body) == "彼は 早く帰れ と言った。"
    result = render("{% pullquote %}\n印なし\n{% endpullquote %}")
    assert result.text == "{% pullquote %}\n印なし\n{% endpullquote %}"
    message = 'pullquote: expected its text to hold {" words "} to pull out: the tag is left as written'
    assert result.problems == (Problem(1, "liquid", message),)


def test_a_title_or_an_author_is_text() -> None:
    text = rendered_text('{% blockquote <b>x</b> [a](javascript:1) %}\nq\n{% endblockquote %}')
    assert text.endswith("> — **\\<b\\>x\\<\\/b\\> \\[a\\]\\(javascript\\:1\\)**")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # jedipunkz/octopress_posts: "diff output of Makefiles" was nowhere on the page
            "前\n\n``` bash diff output of Makefiles\n# x\n```\n",
            "前\n\n```{code-block} bash\n:caption: diff output of Makefiles\n:linenos:\n\n# x\n```\n",
        ),
        (
            "- 項目\n\n  ``` ruby Discover if a number is prime http://x.net/prime Source Article\n"
            "  class Fixnum\n  ```\n",
            "- 項目\n\n  ```{code-block} ruby\n  :caption: Discover if a number is prime [Source Article](<http://x.net/prime>)\n"
            "  :linenos:\n\n  class Fixnum\n  ```\n",
        ),
        ("```ruby\nx\n```\n", "```ruby\nx\n```\n"),  # the language alone: a plain fence
        ("```{code-block} ruby\n:linenos:\n\nx\n```\n", "```{code-block} ruby\n:linenos:\n\nx\n```\n"),
        ("````\n``` c x\n````\n", "````\n``` c x\n````\n"),  # code, not a fence
    ],
)
def test_an_octopress_fence_naming_more_than_its_language_has_a_caption(body: str, expected: str) -> None:
    assert captioned_fences(body) == expected


def test_an_octopress_site_is_known_by_its_config() -> None:
    assert is_octopress({"markdown": "rdiscount", "category_dir": "blog/categories"})
    assert not is_octopress({"markdown": "kramdown", "title": "ブログ"})


@pytest.mark.parametrize(
    ("body", "country", "expected"),
    [
        ("{% amazon large_image 4873113946 %}", "jp", "[Amazon 4873113946](<https://www.amazon.co.jp/dp/4873113946>)"),
        ("{% amazon B00TO6KMEK %}", None, "[Amazon B00TO6KMEK](<https://www.amazon.com/dp/B00TO6KMEK>)"),
        ("{% amazon 4774178667 %}", None, "[Amazon 4774178667](<https://www.amazon.co.jp/dp/4774178667>)"),  # ISBN 4…
        ("{% amazon text 4873113946 %}", "uk", "[Amazon 4873113946](<https://www.amazon.co.uk/dp/4873113946>)"),
        ('<a href="{% amazon 4873113946 %}">本</a>', "jp", '<a href="https://www.amazon.co.jp/dp/4873113946">本</a>'),
    ],
)
def test_an_amazon_plugins_tag_is_a_link_to_the_item(body: str, country: str | None, expected: str) -> None:
    """longkey1's octopress-amazon-plugin and the jekyll-amazon gem fetched the item's title and picture
    at build time; a real blog's 70 tags were shown as written (PharaohKJ/learn_octopress)."""
    site = JekyllSite(config={"amazon_country": country} if country else {})
    result = render_liquid(body, 1, {"title": "本"}, site, LINKS)
    assert (result.text, result.problems) == (expected, ())


def test_an_amazon_tag_naming_no_item_is_left_as_written_with_a_problem() -> None:
    result = render("{% amazon taocp2 %}")
    assert result.text == "{% amazon taocp2 %}"
    expected = "expected [text|small_image|medium_image|large_image] and an ASIN (large_image 4873113946)"
    assert result.problems == (Problem(1, "liquid", f"amazon: {expected}, got 'taocp2': the tag is left as written"),)


@pytest.fixture
def code_site(tmp_path: Path) -> JekyllSite:
    """A site with Octopress's code folder (``code_dir: code``) holding one file."""
    (tmp_path / "code" / "js").mkdir(parents=True)
    (tmp_path / "code" / "js" / "test.js").write_text("// 1\nvar a = 1;\nvar b = 2;\n// 4\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("code_dir: /code\n", encoding="utf-8")
    return load_jekyll_site(tmp_path, {})[0]


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        (
            "js/test.js",
            "```{code-block} js\n:caption: test\\.js [view raw](</code/js/test.js>)\n:linenos:\n\n"
            "// 1\nvar a = 1;\nvar b = 2;\n// 4\n```",
        ),
        (  # a title after the file (and before it, Octopress 2.0's way), a language, lines 2 to 3
            "js/test.js 例その2 lang:javascript start:2 end:3",
            "```{code-block} javascript\n:caption: 例その2 \\(test\\.js\\) [view raw](</code/js/test.js>)\n:linenos:\n"
            ":lineno-start: 2\n\nvar a = 1;\nvar b = 2;\n```",
        ),
        (
            "Old style js/test.js range:3-4 linenos:false",
            "```{code-block} js\n:caption: Old style \\(test\\.js\\) [view raw](</code/js/test.js>)\n\n"
            "var b = 2;\n// 4\n```",
        ),
    ],
)
def test_include_code_is_the_files_code_with_its_caption(code_site: JekyllSite, argument: str, expected: str) -> None:
    result = render_liquid(f"{{% include_code {argument} %}}", 1, {"title": "t"}, code_site, LINKS)
    assert (result.text, result.problems) == (expected, ())
    assert result.includes == {str(code_site.root / "code" / "js" / "test.js")}  # a post depends on it


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("js/none.js", "no file 'js/none.js' in code"),
        ("../_config.yml", "no file '../_config.yml' in code"),  # nothing outside the code folder is read
        ("js/test.js start:3 end:9", "js/test.js has not the lines asked for"),
    ],
)
def test_an_include_code_that_cannot_be_shown_is_left_as_written(
    code_site: JekyllSite, argument: str, message: str
) -> None:
    result = render_liquid(f"{{% include_code {argument} %}}", 1, {"title": "t"}, code_site, LINKS)
    assert result.text == f"{{% include_code {argument} %}}"
    assert result.problems == (Problem(1, "liquid", f"include_code: {message}: the tag is left as written"),)
