"""kramdown syntax rewritten for MyST.

Each expected output was checked by rendering the input with kramdown 2.4
(kramdown-parser-gfm 1.1, Jekyll 4.3's defaults) and the output with MyST's
markdown-it and the extensions the docstring names; the HTML comments say
what kramdown showed.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin

from jekyll_posts.core.jekyll.kramdown import MARKERS, kramdown_to_myst

CASES = [
    # Block IALs after a block, before it, and ALDs.
    ("ial after paragraph", "para\n{: .note #x}\n", "{#x .note}\npara\n"),
    ("ial after paragraph, room above", "\n\npara\n{: .note}\n", "\n{.note}\npara\n\n"),
    ("ial before paragraph", "{: .before}\npara\n", "{.before}\npara\n"),
    ("ial before, blank between: dropped", "{: .x}\n\npara\n", "\n\npara\n"),
    ("ial after list, key MyST lacks", '* a\n* b\n{: .list data-x="1"}\n', "{.list}\n* a\n* b\n"),
    ("ordered list start", '1. a\n{: start="3"}\n', '{start="3"}\n1. a\n'),
    ("ial after blockquote", "> q\n{: .bq}\n\npara\n", "{.bq}\n> q\n\npara\n"),
    ("ial after table", "| a |\n|---|\n| 1 |\n{: .tbl}\n", "{.tbl}\n| a |\n|---|\n| 1 |\n"),
    ("ial after fence", "```ruby\nx = 1\n```\n{: .code}\n", "{.code}\n```ruby\nx = 1\n```\n"),
    ("two ials after one block", "para\n{: .a}\n{: #b}\n\nnext\n", "{#b .a}\npara\n\n\nnext\n"),
    ("ald and reference", "{:ref: .red #rid}\npara\n{: ref}\n", "{#rid .red}\npara\n\n"),
    ("ald used before defined", "para\n{: ref .blue}\n\n{:ref: .red}\n", "{.red .blue}\npara\n\n\n"),
    ("ald naming an ald", "{:a: .one}\n{:b: a .two}\npara\n{: b}\n", "\n{.one .two}\npara\n\n"),
    ("id used twice: first kept", "a\n{: #x}\n\nb\n{: #x}\n", "{#x}\na\n\nb\n\n"),
    ("no room: dropped", "one\n\ntwo\n{: .c}\nthree\n", "one\n\ntwo\n\nthree\n"),
    # a fence, a heading or a quote right after starts a block of its own: the paragraph moves down
    ("fence right after", "x\n{:.filename}\n```git\n* text\n```\n", "{.filename}\nx\n```git\n* text\n```\n"),
    ("heading right after", "x\n{: .c}\n## H\n", "{.c}\nx\n## H\n"),
    ("a list right after: dropped", "x\n{: .c}\n- a\n", "x\n\n- a\n"),
    ("ial in a list item: dropped", "* one\n  {: .li}\n* two\n", "* one\n\n* two\n"),
    ("ial in a quote: dropped", "> q\n> {: .x}\n", "> q\n>\n"),
    # Heading IDs and no_toc.
    ("heading id", "## Head {#hid}\n\ntext\n", "{#hid}\n## Head\ntext\n"),
    ("heading id with room above", "text\n\n\n## 見出し {#midashi}\n", "text\n\n{#midashi}\n## 見出し\n"),
    ("no_toc dropped", "### H3\n{: .no_toc}\n", "### H3\n\n"),
    ("span ial after heading text stays", "## Head {: .c}\n", "## Head {: .c}\n"),
    # TOC.
    ("toc", "* TOC\n{:toc}\n\n## A\n", "```{contents}\n:local:\n```\n## A\n"),
    ("ordered toc with class", "1. TOC\n{:toc .x}\n\n# A\n", "```{contents}\n:local:\n```\n# A\n"),
    ("second toc is a list", "* TOC\n{:toc}\n\n* two\n{:toc}\n", "```{contents}\n:local:\n```\n* two\n\n"),
    ("toc then a list", "* TOC\n{:toc}\n\n- a\n- b\n", "```{contents}\n:local:\n```\n- a\n- b\n"),
    ("ial between lists: no room", "* a\n{: .x}\n* b\n", "* a\n\n* b\n"),
    ("toc with no blank line left", "* TOC\n{:toc}\n# A\n", "```{contents}\n:local:\n```\n# A\n"),
    (
        "toc then heading id",
        "* TOC\n{:toc}\n\n## 概要 {#gaiyou}\n\n本文\n",
        "```{contents}\n:local:\n```\n{#gaiyou}\n## 概要\n本文\n",
    ),
    ("after a heading", "# T\n\npara\n{: .lead}\n", "# T\n{.lead}\npara\n\n"),
    (
        "a quote in a list item",
        "- 項目\n\n  > 引用\n  {: .prompt-tip }\n\n- 次\n",
        "- 項目\n\n  {.prompt-tip}\n  > 引用\n\n- 次\n",
    ),
    (
        "a quote in an ordered item, attributes before it",
        "1. 手順\n\n   {: .prompt-warning }\n   > 注意\n\n2. 次\n",
        "1. 手順\n\n   {.prompt-warning}\n   > 注意\n\n2. 次\n",
    ),
    # Span IALs.
    (
        "span ials",
        'This is *em*{: .c} and [link](http://x){: .btn target="_blank"} and `code`{: .k}.\n',
        'This is *em* and [link](http://x){.btn target="_blank"} and `code`{.k}.\n',
    ),
    (
        "autolinks",
        '参考: <https://jyn.jp/x/>{:target="_blank"} <a@b.jp>{: .m} <b>太字</b>{: .x}\n',
        '参考: <https://jyn.jp/x/>{target="_blank"} <a@b.jp>{.m} <b>太字</b>\n',
    ),
    ("image width", '![図](a.png){: width="50%" style="x"}\n', '![図](a.png){width="50%"}\n'),
    ("image bad width dropped", '![図](a.png){: width="wide"}\n', "![図](a.png)\n"),
    ("reference link", "[l][r]{: .lc} [r]{: .x}\n\n[r]: http://r\n", "[l][r]{.lc} [r]{.x}\n\n[r]: http://r\n"),
    ("code language", "`x = 1`{: .language-ruby}\n", '`x = 1`{language="ruby"}\n'),
    ("strong: dropped", "A **strong**{: .s} word\n", "A **strong** word\n"),
    ("after text: kramdown shows it", "text{: .t} here\n", "text{: .t} here\n"),
    ("inside code span: untouched", "`a{: .x}` and `b`{: .y}\n", "`a{: .x}` and `b`{.y}\n"),
    ("ald in span ial", "![i](a.png){: base}\n\n{:base: .one}\n", "![i](a.png){.one}\n\n\n"),
    # Extensions.
    ("comment block", "{::comment}\ngone\n{:/comment}\nafter\n", "\n\n\nafter\n"),
    ("comment closed by {:/}", "{::comment}\ngone\n{:/}\n", "\n\n\n"),
    ("empty comment", "{::comment /}\npara\n", "\npara\n"),
    ("inline comment", "a {::comment}x{:/comment}b\n", "a b\n"),
    ("unclosed comment: kramdown shows it", "{::comment}\nshown\n", "{::comment}\nshown\n"),
    ("comment after text: a span comment", "text\n{::comment}\nx\n{:/comment}\n", "text\n\n\n\n"),
    ("options", '{::options auto_ids="false" /}\n# H\n', "\n# H\n"),
    ("nomarkdown", "{::nomarkdown}\n<div>x</div>\n{:/nomarkdown}\n", "```{raw} html\n<div>x</div>\n```\n"),
    ("nomarkdown with fence inside", "{::nomarkdown}\n```\n{:/nomarkdown}\n", "````{raw} html\n```\n````\n"),
    ("nomarkdown for latex only", '{::nomarkdown type="latex"}\n\\x\n{:/nomarkdown}\n', "\n\n\n"),
    ("inline nomarkdown", "a {::nomarkdown}<b>x</b>{:/nomarkdown} b\n", "a <b>x</b> b\n"),
    # Math.
    ("block math", "text\n\n$$\na^2\n$$\n\nmore\n", "text\n\n```{math}\na^2\n```\n\nmore\n"),
    ("one-line block math", "text\n\n$$a^2$$\n\nmore\n", "text\n```{math}\na^2\n```\nmore\n"),
    ("inline math", "値は $$x^2$$ です。$5 と $10\n", "値は {math}`x^2` です。$5 と $10\n"),
    ("block math after a fence", "```\nx\n```\n$$\na\n$$\n", "```\nx\n```\n```{math}\na\n```\n"),
    ("block math keeps % lines", "\n$$\n% comment\n$$\n", "\n```{math}\n% comment\n```\n"),
    ("escaped dollars", "\\$$x$$\n", "\\$$x$$\n"),
    ("math in code", "`$$x$$`\n", "`$$x$$`\n"),
    (
        "math and attributes in a footnote's text",  # a real blog: its footnotes' math was shown as TeX
        "本文[^1]\n\n[^1]: 注 $$x$$ と[リンク](u){: .c}\n    続き $$y$$\n",
        "本文[^1]\n\n[^1]: 注 {math}`x` と[リンク](u){.c}\n    続き {math}`y`\n",
    ),
    # A math block: markdown-it read its lines as a heading's underline, a list, or its end (a real blog).
    (
        "math block with = and - lines",
        "前\n\n$$\nF =\n\\left(a\\right)\n=\n- f_{00}\n+ b\n$$\n\n後\n",
        "前\n\n```{math}\nF =\n\\left(a\\right)\n=\n- f_{00}\n+ b\n```\n\n後\n",
    ),
    (
        "math block with a blank line",
        "$$\n\n\\begin{aligned}\nX &= 1 \\\\\n\\end{aligned}\n$$\n",
        "```{math}\n%\n\\begin{aligned}\nX &= 1 \\\\\n\\end{aligned}\n```\n",
    ),
    ("math block in code: untouched", "```\n$$\n- a\n$$\n```\n", "```\n$$\n- a\n$$\n```\n"),
    ("math block never closed: untouched", "$$\n- a\n", "$$\n- a\n"),
    # a real blog (tokoik/blog): math on its own lines inside a sentence, one paragraph in kramdown
    ("math lines in a paragraph", "法線\n$$\nn = a\n$$\nと中間\n", "法線\n{math}`\nn = a\n`\nと中間\n"),
    ("math lines ending a line", "値 $$a\nb$$ です\n", "値 {math}`a\nb` です\n"),
    ("math line of =", "式\n$$\na\n= b\n$$\nです\n", "式\n{math}`\na\n= b\n`\nです\n"),
    ("math lines of a list marker's look", "式 $$a\n2. b$$ です\n", "式 {math}`a\n2. b` です\n"),
    ("math line myst comments out", "式 $$a\n% b\nc$$ です\n", "式 {math}`a\n\\% b\nc` です\n"),
    ("math line left blank", "式 $$a {::comment}x\ny{:/comment}\nc$$ です\n", "式 {math}`a c`\n\n です\n"),
    # Footnotes and abbreviations.
    ("footnotes", "本文[^1]。\n\n[^1]: 注。\n[^unused]: 未使用。\n    続き。\n", "本文[^1]。\n\n[^1]: 注。\n\n\n"),
    ("footnote defined twice, unused", "[^1]: a\n[^1]: b\n", "\n\n"),
    ("undefined footnote", "x[^missing] y\n", "x\\[^missing] y\n"),
    # A regex's [^'] is no footnote name for kramdown; markdown-it reads any label without spaces.
    ("no footnote name", "[^'] and <code>`([^']*)'</code>\n", "\\[^'] and <code>`(\\[^']*)'</code>\n"),
    ("footnote definition after text: kramdown shows it", "a[^1]\n[^1]: b\n", "a\\[^1]\n\\[^1]\\: b\n"),
    ("footnote definition after text, defined below", "a[^1]\n[^1]: b\n\n[^1]: c\n", "a[^1]\n[^1]\\: b\n\n[^1]: c\n"),
    ("math before footnote and ial", "$$x[^1]$$ `c`{: .k} $$y$${: .z}\n", "{math}`x[^1]` `c`{.k} {math}`y`\n"),
    ("abbreviation", "*[HTML]: Hyper Text Markup Language\nHTMLです。\n", "\nHTMLです。\n"),
    ("abbreviation after text: kramdown shows it", "HTMLです。\n*[HTML]: x\n", "HTMLです。\n*[HTML]: x\n"),
    # Links without a destination: kramdown links to the page itself; their text.
    ("empty link", "[Vundle]() を使う。\n", "Vundle を使う。\n"),
    ("empty link in brackets, with an ial", "[a *b*](<>){: .x} and [c]( )\n", "a *b* and c\n"),
    ("empty link over two lines", "[a\nb]() c\n", "a\nb c\n"),
    ("escaped bracket and image: not links", "\\[a]() ![i]()\n", "\\[a]() ![i]()\n"),
    ("empty link in code: untouched", "`[a]()` and [b]()\n", "`[a]()` and b\n"),
    # Reference definitions.
    ("url with spaces", "use [x][1]\n\n[1]: http://a b/c\n", "use [x][1]\n\n[1]: <http://a b/c>\n"),
    ("url with spaces and title", '[x][1]\n\n[1]: http://a b "T"\n', '[x][1]\n\n[1]: <http://a b> "T"\n'),
    ("url on the next line", "[x][1]\n\n[1]:\n  http://one\n", "[x][1]\n\n\\[1]:\n  http://one\n"),
    ("definition after a heading", "# H\n[1]: http://a b\n", "# H\n[1]: <http://a b>\n"),
    ("paren title left", "[x][1]\n\n[1]: http://one (T)\n", "[x][1]\n\n[1]: http://one (T)\n"),
    ("link then text", "[a][1](note)\n\n[1]: http://one\n", "[a][1](note)\n\n[1]: http://one\n"),
    # MyST's own syntax, text in kramdown.
    ("percent line", "% 百分率の行\n  %d\n", "\\% 百分率の行\n  \\%d\n"),
    ("block break and target", "+++\n(target)=\n", "\\+++\n\\(target)=\n"),
    (
        "percent in list items and a quote",
        "- %USERPROFILE%/.ssh\n1. %d\n   %e\n\n> - %f\n",
        "- \\%USERPROFILE%/.ssh\n1. \\%d\n   \\%e\n\n> - \\%f\n",
    ),
    ("percent in indented code: untouched", "text\n\n    %d\n", "text\n\n    %d\n"),
    # Liquid tags left as written (a plugin's): text, where MyST's attributes would hide them.
    ("lone tag", "a\n\n{% youtube x %}\n\nb\n", "a\n\n\\{% youtube x %}\n\nb\n"),
    (
        "tags in list, quote, indented",
        "- {% a %}\n\n> {% b %}\n\n   {% c %}{% d %}\n",
        "- \\{% a %}\n\n> \\{% b %}\n\n   \\{% c %}{% d %}\n",
    ),
    (
        "tag after link, code, span",
        "[a](u){% x %} `c`{% y %} [s]{% z %} a {% w %}\n",
        "[a](u)\\{% x %} `c`\\{% y %} [s]\\{% z %} a {% w %}\n",
    ),
    ("tag in code: untouched", "`{% x %}` and\n`a\n{% y %}`\n", "`{% x %}` and\n`a\n{% y %}`\n"),
    (
        "tag in fence and html: untouched",
        "```\n{% x %}\n```\n\n<div>\n{% y %}\n</div>\n",
        "```\n{% x %}\n```\n\n<div>\n{% y %}\n</div>\n",
    ),
    # Tables GFM reads otherwise.
    ("table without a header", "| a | b\n| c | d\n", "|  |  |\n| --- | --- |\n| a | b\n| c | d\n"),
    ("short separator", "| Key | Value\n|-\n| k | v\n", "| Key | Value\n| - | --- |\n| k | v\n"),
    ("header shorter than a row", "| a\n|---\n| 1 | 2\n", "| a |\n| --- | --- |\n| 1 | 2\n"),
    (
        "separators in the body and a footer",
        "| a | b |\n|:-|-:|\n| 1 | 2 |\n|---+---|\n| 3 | 4 |\n|===|\n| f | g |\n",
        "| a | b |\n| :- | -: |\n| 1 | 2 |\n|  |  |\n| 3 | 4 |\n|  |  |\n| f | g |\n",
    ),
    (
        "a pipe in a code span is in its cell",
        "| a | b |\n|---|---|\n| x | `a|b` と `\\|` |\n",
        "| a | b |\n| --- | --- |\n| x | `a\\|b` と `\\|` |\n",
    ),
    ("text right after a table", "| a |\n|---|\n| 1 |\nnext\n", "| a |\n|---|\n| 1 |\n\nnext\n"),
    ("gfm table: untouched", "| a | b |\n|---|---|\n| 1 | 2 |\n", "| a | b |\n|---|---|\n| 1 | 2 |\n"),
    ("a pipe after text: no table here", "text | pipe\n\n| a |\n", "text | pipe\n\n|  |\n| --- |\n| a |\n"),
    ("table in code: untouched", "```\n| a\n```\n", "```\n| a\n```\n"),
    ("indented table keeps its indent", "\n  | a\n  | b\n", "\n  |  |\n  | --- |\n  | a\n  | b\n"),
    # HTML blocks end where kramdown ends them.
    (
        "fence right after a one-line html block",
        '<p class="filename">a.scss:</p>\n```scss\n.a {}\n```\n',
        '<p class="filename">a.scss:</p>\n\n```scss\n.a {}\n```\n',
    ),
    ("text after a closed div", "<div>\nx\n</div>\n**太字**\n", "<div>\nx\n</div>\n\n**太字**\n"),
    ("nested divs", "<div><div>\n</div>\n</div>\nafter\n", "<div><div>\n</div>\n</div>\n\nafter\n"),
    (
        "html lines between paragraph lines, each ending a block",
        "![a](1)\n<p></p>\n![b](2)\n<p></p>\n![c](3)\n<div>y</div>\n**d**\n",
        "![a](1)\n<p></p>\n\n![b](2)\n<p></p>\n\n![c](3)\n<div>y</div>\n\n**d**\n",
    ),
    ("html block ended by a blank line: untouched", "<p>a</p>\n\ntext\n", "<p>a</p>\n\ntext\n"),
    (
        "a stray end tag, then text",  # a real blog: the text after </html> was raw HTML, in no paragraph
        "<html>\n<img src='a.png'>\n\n</html>\n以前の\n",
        "<html>\n<img src='a.png'>\n\n</html>\n\n以前の\n",
    ),
    ("span html is text: untouched", "<span>a</span>\ntext\n", "<span>a</span>\ntext\n"),
    # Markdown inside HTML marked markdown="1".
    (
        "markdown=1 over lines",
        '<details markdown="1">\n<summary>詳細</summary>\n**太字**\n</details>\n',
        "<details>\n\n<summary>詳細</summary>\n\n**太字**\n\n</details>\n",
    ),
    (
        "markdown=1 on one line, in an html block",
        '<div class="note">\n  <p markdown="1">段落の `x` と **強調**</p>\n</div>\n',
        '<div class="note">\n  <p>段落の <code>x</code> と <strong>強調</strong></p>\n</div>\n',
    ),
    ("markdown=1 already apart", '<div markdown="1">\n\n- a\n\n</div>\n', "<div>\n\n- a\n\n</div>\n"),
    ("markdown=0: untouched", '<p markdown="0">**x**</p>\n', '<p markdown="0">**x**</p>\n'),
    (
        "markdown=1 in code: untouched",
        '```\n<div markdown="1">\nx\n</div>\n```\n',
        '```\n<div markdown="1">\nx\n</div>\n```\n',
    ),
    # Code is never touched.
    ("fenced code", "```\n{: .x}\n{::comment}\n$$x$$\n```\n", "```\n{: .x}\n{::comment}\n$$x$$\n```\n"),
    ("indented code", "text\n\n    {: .x}\n    $$x$$\n", "text\n\n    {: .x}\n    $$x$$\n"),
]


@pytest.mark.parametrize(("kramdown", "myst"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_kramdown_is_rewritten(kramdown: str, myst: str) -> None:
    assert kramdown_to_myst(kramdown) == myst


def test_text_without_markers_is_returned_as_it_is() -> None:
    body = "# 見出し\n\n本文です。[リンク](http://example.com) と `code` {x}。\n" * 100
    assert not any(marker in body for marker in MARKERS)
    assert kramdown_to_myst(body) is body


def _myst(text: str) -> str:
    parser = MarkdownIt("commonmark").enable("table")
    for plugin in (attrs_plugin, attrs_block_plugin, deflist_plugin, footnote_plugin, myst_block_plugin):
        parser.use(plugin)
    return parser.render(text)


@pytest.mark.parametrize(
    ("kramdown", "myst"),
    [
        ("方程式: $y^{\\prime} + ay = 0$ です\n", "方程式: {math}`y^{\\prime} + ay = 0` です\n"),
        ("価格 \\$5 と $x$\n", "価格 \\$5 と {math}`x`\n"),
        ("`$a$` と $$b$$ と $c$\n", "`$a$` と {math}`b` と {math}`c`\n"),
        ("$a\nb$ と\n", "{math}`a\nb` と\n"),
        ("$\\$$ と $\\{x\\}$\n", "{math}`\\$` と {math}`\\{x\\}`\n"),
        ("注[^1]\n\n[^1]: 文献では$k$の代わりに$$i$$\n", "注[^1]\n\n[^1]: 文献では{math}`k`の代わりに{math}`i`\n"),
    ],
)
def test_dollars_are_math_where_the_page_read_them_so(kramdown: str, myst: str) -> None:
    """Chirpy's ``math: true`` had MathJax read ``$...$`` (a real blog: 3,602 formulas); without it
    a dollar is a dollar."""
    assert kramdown_to_myst(kramdown, dollar_math=True) == myst
    assert kramdown_to_myst(kramdown).count("{math}") == kramdown.count("$$") // 2  # only kramdown's own


@pytest.mark.parametrize(
    ("kramdown", "html"),
    [
        ("para\n{: .note #x}\n", '<p id="x" class="note">para</p>\n'),
        ("{:ref: .red}\n\n> q\n{: ref}\n", '<blockquote class="red">\n<p>q</p>\n</blockquote>\n'),
        ("[a](http://x){: .btn}\n", '<p><a href="http://x" class="btn">a</a></p>\n'),
        ("[a][1](note)\n\n[1]: http://one\n", '<p><a href="http://one">a</a>(note)</p>\n'),
        ("[x][1]\n\n[1]: http://a b\n", '<p><a href="http://a%20b">x</a></p>\n'),
        ("Term\n: Definition\n", "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n"),
        ("# T\n\npara\n{: .lead}\n", '<h1>T</h1>\n<p class="lead">para</p>\n'),
        (
            ".gitattributes\n{:.filename}\n```git\na\n```\n",
            '<p class="filename">.gitattributes</p>\n<pre><code class="language-git">a\n</code></pre>\n',
        ),
        (
            "* TOC\n{:toc}\n\n## 概要 {#gaiyou}\n",
            '<pre><code class="language-{contents}">:local:\n</code></pre>\n<h2 id="gaiyou">概要</h2>\n',
        ),
        ("% 百分率\n", "<p>% 百分率</p>\n"),
        (
            "以下のファイル\n- %USERPROFILE%/.ssh/id_rsa\n",
            "<p>以下のファイル</p>\n<ul>\n<li>%USERPROFILE%/.ssh/id_rsa</li>\n</ul>\n",
        ),
        ("> %d\n", "<blockquote>\n<p>%d</p>\n</blockquote>\n"),
        ("<div>\n<img>\n\n</div>\n本文\n", "<div>\n<img>\n</div>\n<p>本文</p>\n"),
        (
            "- 項目\n\n  > 引用\n  {: .prompt-tip }\n",
            '<ul>\n<li>\n<p>項目</p>\n<blockquote class="prompt-tip">\n<p>引用</p>\n</blockquote>\n</li>\n</ul>\n',
        ),
        (
            '<https://x.jp/>{:target="_blank"}\n',
            '<p><a href="https://x.jp/" target="_blank">https://x.jp/</a></p>\n',
        ),
        ("法線\n$$\nn = a\n$$\nと中間\n", "<p>法線\n{math}<code>n = a</code>\nと中間</p>\n"),
        ("{% youtube 1 %}\n", "<p>{% youtube 1 %}</p>\n"),
        ("- {% youtube 1 %}\n", "<ul>\n<li>{% youtube 1 %}</li>\n</ul>\n"),
        ("`c`{% x %}\n", "<p><code>c</code>{% x %}</p>\n"),
        (
            '<p class="f">a.scss:</p>\n```scss\n.a {}\n```\n',
            '<p class="f">a.scss:</p>\n<pre><code class="language-scss">.a {}\n</code></pre>\n',
        ),
        (
            "![a](1)\n<p></p>\n![b](2)\n<p></p>\n**c**\n",
            '<p><img src="1" alt="a" /></p>\n<p></p>\n<p><img src="2" alt="b" /></p>\n<p></p>\n'
            "<p><strong>c</strong></p>\n",
        ),
        (
            '<details markdown="1">\n<summary>詳細</summary>\n**太字**\n</details>\n',
            "<details>\n<summary>詳細</summary>\n<p><strong>太字</strong></p>\n</details>\n",
        ),
        (
            "| a\n\ntext\n",
            "<table>\n<thead>\n<tr>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n</tr>\n</tbody>\n</table>\n"
            "<p>text</p>\n",
        ),
        (
            "| k | v\n|-\n| 1 | 2\ntext\n",
            "<table>\n<thead>\n<tr>\n<th>k</th>\n<th>v</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n"
            "</tr>\n</tbody>\n</table>\n<p>text</p>\n",
        ),
        (  # an ad snippet with its attributes run together (grandbig/octopress: 232 shown as text)
            '本文\n\n<ins class="ad"style="display:block"data-slot="1"></ins>\n',
            '<p>本文</p>\n<p><ins class="ad" style="display:block" data-slot="1"></ins></p>\n',
        ),
        (
            '<a href="https://x.jp" target="store"style="a:b">App</a> と `<b x="1"y="2">`\n',
            '<p><a href="https://x.jp" target="store" style="a:b">App</a> と '
            "<code>&lt;b x=&quot;1&quot;y=&quot;2&quot;&gt;</code></p>\n",
        ),
        (
            '```html\n<b x="1"y="2">\n```\n',
            '<pre><code class="language-html">&lt;b x=&quot;1&quot;y=&quot;2&quot;&gt;\n</code></pre>\n',
        ),
    ],
)
def test_myst_shows_what_kramdown_showed(kramdown: str, html: str) -> None:
    assert _myst(kramdown_to_myst(kramdown)) == html


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_no_ial_is_left_as_text_where_kramdown_hid_it(case: tuple[str, str, str]) -> None:
    name, kramdown, _ = case
    rendered = _myst(kramdown_to_myst(kramdown))
    if "kramdown shows" not in name and "code" not in name and "heading text" not in name:
        assert "{:" not in rendered


@pytest.mark.parametrize(
    ("kramdown", "myst"),
    [
        (
            '<p class="filename">[a.sh](https://example.com/a.sh):</p>\n',
            '<p class="filename"><a href="https://example.com/a.sh">a.sh</a>:</p>\n',
        ),
        ('<div class="x">\n**太字**\n</div>\n', '<div class="x">\n\n**太字**\n\n</div>\n'),
        ("<pre>\n**raw**\n</pre>\n", "<pre>\n**raw**\n</pre>\n"),
        ('<p markdown="0">**x**</p>\n', '<p markdown="0">**x**</p>\n'),
    ],
)
def test_with_parse_block_html_each_html_blocks_content_is_markdown(kramdown: str, myst: str) -> None:
    """kramdown's ``parse_block_html: true`` (a real blog's); raw elements and ``markdown="0"`` aside."""
    assert kramdown_to_myst(kramdown, parse_block_html=True) == myst
    assert kramdown_to_myst(kramdown) == kramdown
