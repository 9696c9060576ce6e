"""Jekyll's Liquid in post bodies: the site folder, tags, filters, and problems at the file's lines."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jekyll_posts.core.jekyll
from jekyll_posts.core import Problem
from jekyll_posts.core.jekyll import JekyllSite, Links, has_liquid, load_jekyll_site
from jekyll_posts.core.jekyll.includes import MAX_INCLUDE_DEPTH, MAX_INCLUDES
from jekyll_posts.core.jekyll.liquid import Rendered, environment, render_liquid
from jekyll_posts.core.jekyll.tags import code_block

SITE_FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "jekyll-site"
DEFAULTS = {"title": "既定のタイトル", "url": "http://localhost:8000", "baseurl": "", "copyright": "チーム"}
SITE, SITE_PROBLEMS = load_jekyll_site(SITE_FOLDER, DEFAULTS)
TOKYO = ZoneInfo("Asia/Tokyo")
POSTS = {
    "2026-01-05-first-post": "first-post.md",
    "2017-10-12-welcome": "../2017/welcome.md",
    "ja/2019-01-01-年始": "ja/new-year.md",
}
PAGES = {"_posts/2016-07-26-name.md": "name.md", "ja/news/_posts/x.md": "ja/news/x.md"}
#: the URLs Jekyll wrote for the posts, by tag and argument
JEKYLL_URLS = {("post_url", "2026-01-05-first-post"): "/2026/01/05/first-post.html"}
LINKS = Links(post_url=POSTS.get, link=PAGES.get, jekyll_url=lambda tag, name: JEKYLL_URLS.get((tag, name)))
POST_PATH = SITE_FOLDER / "_posts" / "2026-01-10-liquid-sample.md"
PAGE: dict[str, Any] = {
    "title": "Liquid の使い方",
    "date": datetime(2026, 1, 10, 18, 30, tzinfo=TOKYO),
    "tags": ["Jekyll", "Liquid"],
    "categories": ["技術"],
    "url": "/技術/2026/01/10/liquid-sample/",
    "path": "_posts/2026-01-10-liquid-sample.md",
    "slug": "liquid-sample",
    "id": "/技術/2026/01/10/liquid-sample",
    "draft": False,
    "reading_time": 3,
}


def render(body: str, *, page: dict[str, Any] | None = None, site: JekyllSite = SITE, first_line: int = 1) -> Rendered:
    return render_liquid(body, first_line, PAGE if page is None else page, site, LINKS)


def rendered_text(body: str, **page: Any) -> str:
    """The text of a body that must render without a problem."""
    result = render(body, page={**PAGE, **page})
    assert result.problems == ()
    return result.text


# The site folder


def test_the_fixture_site_loads_without_problems() -> None:
    assert SITE_PROBLEMS == []
    assert SITE.root == SITE_FOLDER
    assert SITE.includes == SITE_FOLDER / "_includes"


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("/assets/img/logo.png", "/assets/img/logo.png"),
        ("assets/img/logo.png ", "/assets/img/logo.png"),
        ("/assets/img/none.png", None),
        ("/assets/img", None),  # a folder
        ("../outside.txt", None),
    ],
)
def test_link_finds_the_sites_static_files(target: str, path: str | None) -> None:
    """Jekyll's ``{% link %}`` names static files too (a real blog wrote its 27 images so)."""
    assert SITE.static_file(target) == path


@pytest.mark.parametrize(
    ("head", "reads"),
    [
        ("MathJax = {tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']]}};", True),  # a real blog's head.html
        ('MathJax.Hub.Config({tex2jax: {inlineMath: [ ["$","$"] ]}});', True),  # MathJax 2
        ("MathJax = {tex: {inlineMath: [['\\\\(', '\\\\)']]}};", False),
        ("<p>$5 と $10</p>", False),
    ],
)
def test_a_site_whose_mathjax_reads_dollars_is_known_by_its_includes(tmp_path: Path, head: str, reads: bool) -> None:
    write(tmp_path, {"_includes/head.html": f"<script>{head}</script>\n"})
    assert JekyllSite(includes=tmp_path / "_includes").mathjax_reads_dollars is reads
    assert JekyllSite().mathjax_reads_dollars is False


def test_config_values_win_over_defaults_which_fill_the_rest() -> None:
    assert SITE.config["title"] == "チーム技術ブログ"
    assert SITE.config["url"] == "https://blog.example.jp"
    assert SITE.config["baseurl"] == "/tech"
    assert SITE.config["excerpt_separator"] == "<!--more-->"
    assert SITE.config["copyright"] == "チーム"


def test_data_files_nest_by_folder_with_their_types() -> None:
    assert SITE.data["members"][0] == {
        "name": "山田 太郎",
        "role": "リードエンジニア",
        "github": "yamada",
        "joined": 2019,
    }
    assert SITE.data["nested"]["links"]["docs"]["title"] == "社内ドキュメント"
    assert SITE.data["table"][1] == {"version": "1.1", "released": "2024-10-15", "note": "検索を高速化, バグ修正"}


def test_no_folder_gives_a_site_of_defaults() -> None:
    site, problems = load_jekyll_site(None, DEFAULTS)
    assert site == JekyllSite(config=DEFAULTS)
    assert problems == []


@pytest.mark.parametrize("source_there", [True, False], ids=["octopress", "imported-copy"])
def test_the_site_is_read_from_the_source_folder_the_config_names_when_it_is_there(
    tmp_path: Path, source_there: bool
) -> None:
    """Octopress's ``_config.yml`` says ``source: source``; an imported copy of it holds what was in
    ``source/`` beside the configuration (found on grandbig/octopress)."""
    inner = "source/" if source_there else ""
    write(tmp_path, {"_config.yml": "source: source\n", f"{inner}_includes/a.html": "A", f"{inner}_data/d.yml": "x: 1"})
    site, problems = load_jekyll_site(tmp_path, {})
    assert problems == []
    root = tmp_path / "source" if source_there else tmp_path
    assert (site.root, site.includes, site.config_folder) == (root, root / "_includes", tmp_path)
    assert site.data == {"d": {"x": 1}}
    assert render("{% include a.html %}", site=site).text == "A"


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def test_a_tab_after_a_key_is_read_as_jekyll_reads_it(tmp_path: Path) -> None:
    """``paginate:\t15`` (from a real blog's theme): PyYAML's own reader rejected the whole ``_config.yml``,
    its ``permalink`` and ``url`` with it; libyaml, Jekyll's reader, reads it."""
    folder = write(tmp_path, {"_config.yml": "paginate:\t15\npermalink: /:title\n", "_data/d.yml": "a:\t1\n"})
    site, problems = load_jekyll_site(folder, {})
    assert problems == []
    assert (site.config["paginate"], site.config["permalink"], site.data["d"]) == (15, "/:title", {"a": 1})


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "_config.yml",
            "title: [unclosed\nurl: x\n",
            Problem(2, "yaml", "not valid YAML: expected ',' or ']', but got ':': ignored"),
        ),
        (
            "_config.yml",
            "- a list\n",
            Problem(1, "yaml", "the configuration must be a mapping of keys to values: ignored"),
        ),
        (
            "_config.yml",
            "lang: ja\ntimezone: Mars/Base\n",
            Problem(2, "liquid", "timezone: unknown time zone 'Mars/Base': dates keep their own"),
        ),
        (
            "_data/bad.yml",
            "a: 1\n b: 2\n",
            Problem(2, "yaml", "not valid YAML: mapping values are not allowed here: ignored"),
        ),
        (
            "_data/bad.json",
            '{\n  "a": 1,\n}\n',
            Problem(
                3, "liquid", "not valid JSON: Expecting property name enclosed in double quotes: left out of site.data"
            ),
        ),
        (
            "_data/bad.csv",
            'a,b\n1,"2\n',
            Problem(2, "liquid", "not valid CSV: unexpected end of data: left out of site.data"),
        ),
        (
            "_data/latin1.yml",
            "a: 1\nb: caf\xe9\n".encode("latin-1"),
            Problem(2, "encoding", "not UTF-8: left out of the site"),
        ),
    ],
)
def test_a_bad_site_file_is_a_located_problem(
    tmp_path: Path, name: str, content: str | bytes, problem: Problem
) -> None:
    folder = write(tmp_path, {name: content, "_data/good.yml": "ok: true\n"})
    site, problems = load_jekyll_site(folder, {"title": "既定"})
    assert problems == [(folder / name, problem)]
    assert site.data["good"] == {"ok": True}
    assert site.config["title"] == "既定"


def test_data_keys_are_file_names_as_jekyll_cleans_them(tmp_path: Path) -> None:
    files = {
        "_data/my data.v2.yml": "1",
        "_data/メンバー.yml": "2",
        "_data/sub dir/a.tsv": "x\ty\n1\t2\n",
        "_data/x.txt": "3",
        "_data/.hidden.yml": "4",
    }
    folder = write(tmp_path, files)
    (folder / "_data" / "sub dir" / "loop").symlink_to(folder / "_data")
    site, problems = load_jekyll_site(folder, {})
    assert problems == []
    assert site.data == {"my_datav2": 1, "メンバー": 2, "sub_dir": {"a": [{"x": "1", "y": "2"}]}}


def test_configured_data_and_includes_folders_stay_inside_the_site(tmp_path: Path) -> None:
    files = {"_config.yml": "data_dir: datos\nincludes_dir: ../outside\n", "datos/a.yml": "1", "outside/x.html": ""}
    site, _ = load_jekyll_site(write(tmp_path / "site", files), {})
    assert site.data == {"a": 1}
    assert site.includes is None


# What goes through the engine


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain text", False), ("{ {not} }", False), ("{{ x }}", True), ("a {% if %}", True), ("{%raw%}", True)],
)
def test_has_liquid(text: str, expected: bool) -> None:
    assert has_liquid(text) is expected


def test_a_body_without_liquid_is_returned_as_it_is() -> None:
    body = "本文です。{ 波括弧 } と %} だけ。\n"
    assert render(body) == Rendered(body)


def test_the_environment_is_made_once() -> None:
    assert environment() is environment()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("# {{ page.title }}\n", "# Liquid の使い方\n"),
        ("{{ site.title }} / {{ site.data.members.size }}人", "チーム技術ブログ / 3人"),
        ("```html\n<title>{{ site.title }}</title>\n```\n", "```html\n<title>チーム技術ブログ</title>\n```\n"),
        ("`{{ page.slug }}` を使う", "`liquid-sample` を使う"),
        ("[docs]: {{ site.data.nested.links.docs.url }}guide\n", "[docs]: https://docs.example.jp/guide\n"),
        ("[home]: {{ site.url }}{{ site.baseurl }}/\n", "[home]: https://blog.example.jp/tech/\n"),
        ("{% raw %}{{ page.title }} {% if %}{% endraw %}", "{{ page.title }} {% if %}"),
        ("`{% raw %}{{ x }}{% endraw %}`", "`{{ x }}`"),
        ("[{{ nothing }}]{{ page.nothing.deeper }}", "[]"),
        ("{{ page.draft }} {{ page.reading_time | plus: 1 }}", "false 4"),
        ("{{ page.tags }} {{ page.tags | join: '、' }}", "JekyllLiquid Jekyll、Liquid"),
        ("{{ page.date }}", "2026-01-10 18:30:00 +0900"),
    ],
)
def test_output_is_rendered_everywhere_in_the_body(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


EMPTY_PAGES = "site.pages is empty here, where the wiki's pages are not Jekyll's: it shows nothing"
#: what ``site.posts`` lists: the posts' ``page`` variables, newest first
SITE_POSTS = [
    {
        "title": "新しい記事",
        "url": "/2026/02/01/new.html",
        "date": datetime(2026, 2, 1),
        "tags": ["AI"],
        "categories": [],
    },
    {
        "title": "古い記事",
        "url": "/2025/01/01/old.html",
        "date": datetime(2025, 1, 1),
        "tags": ["AI", "入門"],
        "categories": ["技術"],
    },
]


def render_with_posts(body: str) -> Rendered:
    links = Links(post_url=POSTS.get, link=PAGES.get, site_posts=lambda: SITE_POSTS)
    return render_liquid(body, 1, PAGE, SITE, links)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ site.posts | size }}{% for p in site.posts %}、{{ p.title }}{% endfor %}", "2、新しい記事、古い記事"),
        ("{{ site.posts.first.url }} {{ site.posts[1].date | date: '%Y年%-m月' }}", "/2026/02/01/new.html 2025年1月"),
        (
            "{% for p in site.tags.AI %}{{ p.title }};{% endfor %}{{ site.tags['入門'] | size }}",
            "新しい記事;古い記事;1",
        ),
        ("{% for c in site.categories %}{{ c[0] }}={{ c[1] | size }}{% endfor %}", "技術=1"),
        (
            "{% assign hit = site.posts | where: 'url', '/2025/01/01/old.html' | first %}"
            "[{{ hit.title }}]({{ hit.url }})",
            "[古い記事](/2025/01/01/old.html)",
        ),
    ],
)
def test_the_sites_lists_of_posts_are_the_posts(body: str, expected: str) -> None:
    rendered = render_with_posts(body)
    assert (rendered.text, rendered.problems, rendered.reads_posts) == (expected, (), True)


#: three posts, newest first; the middle one is the one rendered
THREE_POSTS = [
    {"title": "新しい", "url": "/2026/02/01/new.html", "path": "_posts/2026-02-01-new.md"},
    {"title": "真ん中", "url": "/2026/01/10/mid.html", "path": PAGE["path"]},
    {"title": "古い", "url": "/2025/01/01/old.html", "path": "_posts/2025-01-01-old.md"},
]


@pytest.mark.parametrize(
    ("posts", "body", "expected"),
    [
        # a real blog (tokoik/blog): [前回]({{ page.previous | relative_url }}) lost its link
        (THREE_POSTS, "[前回]({{ page.previous | relative_url }})", "[前回](/tech/2025/01/01/old.html)"),
        (
            THREE_POSTS,
            "{{ page.previous.title }}←→{{ page.next.title }} {{ page.next.url }}",
            "古い←→新しい /2026/02/01/new.html",
        ),
        (THREE_POSTS, "{{ page.next | absolute_url }}", "https://blog.example.jp/tech/2026/02/01/new.html"),
        (THREE_POSTS[1:], "{% if page.next %}次{% else %}最新{% endif %}/{{ page.previous.title }}", "最新/古い"),
        (THREE_POSTS[:2], "{% if page.previous == nil %}最初{% endif %}", "最初"),
        (THREE_POSTS[::2], "[{{ page.previous.title }}]({{ page.next.url }})", "[]()"),  # a draft has neither
    ],
    ids=["relative_url", "title-and-url", "absolute_url", "newest", "oldest", "draft"],
)
def test_a_posts_previous_and_next_are_the_older_and_the_newer_post(
    posts: list[dict[str, Any]], body: str, expected: str
) -> None:
    rendered = render_liquid(body, 1, PAGE, SITE, Links(post_url=POSTS.get, link=PAGES.get, site_posts=lambda: posts))
    assert (rendered.text, rendered.problems, rendered.reads_posts) == (expected, (), True)


def test_the_posts_are_listed_only_when_read() -> None:
    def unread() -> list[dict[str, Any]]:
        raise AssertionError("site.posts was listed")

    links = Links(post_url=POSTS.get, link=PAGES.get, site_posts=unread)
    body = "{{ site.title }}{{ page.title }}{% raw %}{{ site.posts }}{{ page.next }}{% endraw %}"
    rendered = render_liquid(body, 1, PAGE, SITE, links)
    expected = "チーム技術ブログLiquid の使い方{{ site.posts }}{{ page.next }}"
    assert (rendered.text, rendered.reads_posts) == (expected, False)


def test_site_pages_is_empty_and_each_place_reading_it_is_warned_about() -> None:
    body = "前置き\n{{ site.pages | size }}{% for p in site.pages %}x{% endfor %}\n{{ site.title }}\n"
    result = render(body, first_line=5)
    assert result.text == "前置き\n0\nチーム技術ブログ\n"
    assert result.problems == (Problem(6, "liquid", EMPTY_PAGES),)


@pytest.mark.parametrize(
    "body",
    ["{% include note.html title=site.pages %}", "{% highlight ruby %}{{ site.pages }}{% endhighlight %}"],
)
def test_a_read_in_an_include_parameter_or_a_highlight_block_is_warned_about_too(body: str) -> None:
    assert render(body).problems == (Problem(1, "liquid", EMPTY_PAGES),)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% if page.draft %}下書き{% elsif page.tags contains 'Liquid' %}L{% else %}他{% endif %}", "L"),
        ("{% unless page.draft %}公開{% endunless %}", "公開"),
        ("{% case page.slug %}{% when 'x' %}X{% when 'liquid-sample' %}当たり{% else %}外れ{% endcase %}", "当たり"),
        (
            "{% for m in site.data.members %}{{ m.name }}{% unless forloop.last %}、{% endunless %}{% endfor %}",
            "山田 太郎、佐藤 花子、鈴木 一郎",
        ),
        ("{% for m in site.data.members limit:2 offset:1 %}{{ m.github }} {% endfor %}", "hanako-sato suzuki1 "),
        ("{% for row in site.data.table reversed %}{{ row.version }}{% endfor %}", "2.01.11.0"),
        (
            "{% for pair in site.data.nested.links %}{{ pair[0] }}={{ pair[1].title }};{% endfor %}",
            "docs=社内ドキュメント;status=稼働状況;",
        ),
        ("{% assign n = site.data.members | size %}{{ n | times: 2 }}", "6"),
        (
            "{% capture greeting %}こんにちは、{{ page.title }}{% endcapture %}{{ greeting }}",
            "こんにちは、Liquid の使い方",
        ),
        ("前{% comment %}{{ page.title }} {% unknown %}{% endcomment %}後", "前後"),
        (
            "{% for i in (1..3) %}{{ i }}{% else %}空{% endfor %}{% for x in page.nothing %}{% else %}空{% endfor %}",
            "123空",
        ),
    ],
)
def test_control_flow_works_as_in_jekyll(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


def test_a_japanese_post_renders() -> None:
    body = POST_PATH.read_text(encoding="utf-8").split("---\n", 2)[2]
    result = render(body, first_line=9)
    assert result.problems == ()
    assert result.text.splitlines()[1:4] == [
        "Liquid の使い方を2026年1月10日にまとめます。",
        "前回の記事は[はじめての投稿](first-post.md)です。",
        "",
    ]
    assert '<div class="note note-warning">\n  <strong>注意</strong>: この記事は下書きです。\n</div>' in result.text
    assert "- 佐藤 花子（デザイナー）" in result.text
    assert (
        '```{code-block} ruby\n:linenos:\n\ndef hello\n  puts "こんにちは、チーム技術ブログ"\nend\n```' in result.text
    )
    assert "`{{ page.title }}`" in result.text
    assert result.text.endswith("[docs]: https://docs.example.jp/\n")
    assert result.includes == {str(SITE_FOLDER / "_includes" / "note.html")}
    assert result.data == {"members", "nested"}


# highlight


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% highlight ruby %}\ndef x\nend\n{% endhighlight %}\n", "```ruby\ndef x\nend\n```\n"),
        ("{% highlight Ruby linenos %}\nx = 1\n{% endhighlight %}", "```{code-block} ruby\n:linenos:\n\nx = 1\n```"),
        ("{% highlight js linenos=table %}\nf()\n{% endhighlight %}", "```{code-block} js\n:linenos:\n\nf()\n```"),
        (
            '{% highlight python mark_lines="1 3" %}\na\nb\nc\n{% endhighlight %}',
            "```{code-block} python\n:emphasize-lines: 1,3\n\na\nb\nc\n```",
        ),
        ("{% highlight md %}\n```\ncode\n```\n{% endhighlight %}", "````md\n```\ncode\n```\n````"),
        ("{% highlight sh %}\necho {{ page.slug }}\n{% endhighlight %}", "```sh\necho liquid-sample\n```"),
        (
            "{% highlight liquid %}\n{% raw %}{{ page.slug }}{% endraw %}\n{% endhighlight %}",
            "```liquid\n{{ page.slug }}\n```",
        ),
        ("{% highlight c++ %}{% endhighlight %}", "```c++\n```"),
        (
            "1. 手順\n   {% highlight sh linenos %}\n   ls\n   {% endhighlight %}\n",
            "1. 手順\n   ```{code-block} sh\n   :linenos:\n\n   ls\n   ```\n",
        ),
        ("{% highlight ruby %}\n\n  x = '日本語'  \n\n{% endhighlight %}", "```ruby\n  x = '日本語'  \n```"),
    ],
)
def test_highlight_becomes_a_myst_code_block(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


def test_code_block_fence_is_longer_than_any_backtick_run() -> None:
    assert code_block("text", "a ``` b ````` c", {}) == "``````text\na ``` b ````` c\n``````"
    assert code_block("", "x", {}) == "```\nx\n```"


def test_an_end_tag_ends_its_block_whatever_follows_its_name() -> None:
    """Jekyll's Liquid ignores ``java`` in ``{% endhighlight java %}`` (found on mincong-h.github.io)."""
    body = "{% highlight java %}\nint x;\n{% endhighlight java %}\n{% if true %}はい{% endif true %}"
    assert rendered_text(body) == "```java\nint x;\n```\nはい"
    assert rendered_text("{% raw %}{% endif x %}{% endraw %}") == "{% endif x %}"  # raw text stays as written


def test_highlight_without_a_language_is_plain_code_with_a_problem() -> None:
    result = render("前\n{% highlight %}\nx\n{% endhighlight %}")
    assert result.text == "前\n```\nx\n```"
    message = "highlight: expected a language and options such as linenos, got '': shown as plain code"
    assert result.problems == (Problem(2, "liquid", message),)


# post_url, link


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[前回]({% post_url 2026-01-05-first-post %})", "[前回](first-post.md)"),
        ("[a]: {% post_url 2017-10-12-welcome %}\n", "[a]: ../2017/welcome.md\n"),
        ("[年始]({% post_url ja/2019-01-01-年始 %})", "[年始](ja/new-year.md)"),
        (
            "[a]({% post_url /2017-10-12-welcome %}) [b]({% post_url /ja/2019-01-01-年始 %})",
            "[a](../2017/welcome.md) [b](ja/new-year.md)",
        ),
        ("{% assign name = '2017-10-12-welcome' %}[a]({% post_url {{ name }} %})", "[a](../2017/welcome.md)"),
        ("[x]({% link _posts/2016-07-26-name.md %})", "[x](name.md)"),
        ("[x]({% link ja/news/_posts/x.md %})", "[x](ja/news/x.md)"),
    ],
)
def test_post_url_and_link_write_what_the_links_find(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% post_url ja/2019-01-01-年始 %}", "[](<ja/new-year.md>)"),
        ("- 直近のまとめ：{% link ja/news/_posts/x.md %}", "- 直近のまとめ：[](<ja/news/x.md>)"),
        ("紹介 — {% post_url 2026-01-05-first-post %}。", "紹介 — [](<first-post.md>)。"),
        ("（{% post_url 2026-01-05-first-post %}）", "（[](<first-post.md>)）"),
        ("see ({% post_url 2026-01-05-first-post %}).", "see ([](<first-post.md>))."),
    ],
)
def test_a_tag_standing_alone_in_a_sentence_is_a_link_to_the_page(body: str, expected: str) -> None:
    """Jekyll shows the URL as text there; here the link shows the page's title."""
    assert rendered_text(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<a href="{% post_url 2026-01-05-first-post %}">前回</a>', '<a href="first-post.md">前回</a>'),
        ("<a href={% post_url 2026-01-05-first-post %}>前回</a>", "<a href=first-post.md>前回</a>"),
        ("[a]: {% post_url 2026-01-05-first-post %}", "[a]: first-post.md"),
        ("[a]({% post_url 2026-01-05-first-post %}#part)", "[a](first-post.md#part)"),
    ],
)
def test_a_tag_that_is_a_links_destination_is_the_path_of_the_pages_source(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "[a]({{ site.url }}{% post_url 2026-01-05-first-post %})",
            "[a](https://blog.example.jp/2026/01/05/first-post.html)",
        ),
        (
            "[a](http://old.example.jp{% post_url 2026-01-05-first-post %})",
            "[a](http://old.example.jp/2026/01/05/first-post.html)",
        ),
        ("{% post_url 2026-01-05-first-post %}#part", "/2026/01/05/first-post.html#part"),
        ("`{% post_url 2026-01-05-first-post %}`", "`/2026/01/05/first-post.html`"),
        ("```\n{% post_url 2026-01-05-first-post %}\n```", "```\n/2026/01/05/first-post.html\n```"),
        (
            "{% highlight text %}\n{% post_url 2026-01-05-first-post %}\n{% endhighlight %}",
            "```text\n/2026/01/05/first-post.html\n```",
        ),
        ("`{% post_url 2017-10-12-welcome %}`", "`../2017/welcome.md`"),  # no URL known: the path
    ],
)
def test_a_tag_inside_a_url_or_code_is_the_url_jekyll_wrote(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "[a]({% post_url 2099-01-01-nothing %})",
            "post_url: no post named '2099-01-01-nothing': the tag is left as written",
        ),
        ("[a]({% link _posts/none.md %})", "link: no post or file at '_posts/none.md': the tag is left as written"),
    ],
)
def test_an_unknown_link_target_is_left_as_written(body: str, problem: str) -> None:
    result = render(f"一行目\n{body}\n", first_line=5)
    assert result.text == f"一行目\n{body}\n"
    assert result.problems == (Problem(6, "liquid", problem),)


# gist (jekyll-gist): a link to the gist, no script


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% gist 0123abcd %}", "<https://gist.github.com/0123abcd>"),
        (
            "{% gist parkr/931c1c8d465a04042403 hello_world.rb %}",
            "<https://gist.github.com/parkr/931c1c8d465a04042403#file-hello_world-rb>",
        ),
        ("コードは {%- gist 12345 Main.JAVA -%} です", "コードは<https://gist.github.com/12345#file-main-java>です"),
        ("{% gist page.gist page.gist_file %}", "<https://gist.github.com/yamada/99#file-a-rb>"),  # variables
        ("{% gist {{ page.gist }} %}", "<https://gist.github.com/yamada/99>"),
        ("{% gist abc %}", "<https://gist.github.com/abc>"),  # a word no variable has
    ],
)
def test_a_gist_is_a_link_to_it(body: str, expected: str) -> None:
    assert rendered_text(body, gist="yamada/99", gist_file="a.rb") == expected


@pytest.mark.parametrize(
    ("body", "argument"),
    [
        ("{% gist %}", "''"),
        ("{% gist a b c %}", "'a b c'"),
        ('{% gist "><script>x</script> %}', "'\"><script>x</script>'"),
        ("{% gist https://gist.github.com/1 %}", "'https://gist.github.com/1'"),
        ("{% gist page.title %}", "'page.title'"),  # a title is no gist's id
    ],
)
def test_a_gist_tag_naming_no_gist_is_left_as_written(body: str, argument: str) -> None:
    result = render(f"前\n{body}\n", first_line=3)
    assert result.text == f"前\n{body}\n"
    expected = "gist: expected a gist's id and maybe a file name, such as 'user/0123abcd hello.rb'"
    assert result.problems == (Problem(4, "liquid", f"{expected}, got {argument}: the tag is left as written"),)


# include, include_relative


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '{% include note.html content="内容" %}',
            '<div class="note note-info">\n  <strong>メモ</strong>: 内容\n</div>\n',
        ),
        (
            "{% include note.html content='它\\'s' title=page.title type=\"x\" %}",
            '<div class="note note-x">\n  <strong>Liquid の使い方</strong>: 它\'s\n</div>\n',
        ),
        (
            "{% assign kind = 'note' %}{% include {{ kind }}.html content=page.reading_time %}",
            '<div class="note note-info">\n  <strong>メモ</strong>: 3\n</div>\n',
        ),
        (
            "{% include note.html content=42 title=true %}",
            '<div class="note note-info">\n  <strong>true</strong>: 42\n</div>\n',
        ),
    ],
)
def test_include_reads_the_includes_folder_with_parameters(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


def test_include_parameters_do_not_leak_and_assigns_do(tmp_path: Path) -> None:
    site = JekyllSite(includes=write(tmp_path, {"a.html": "{{ include.x }}{% assign leaked = 'L' %}"}))
    result = render("{% include a.html x=1 %}[{{ include.x }}]{{ leaked }}", site=site)
    assert (result.text, result.problems) == ("1[]L", ())


def test_include_relative_reads_beside_the_post(tmp_path: Path) -> None:
    write(tmp_path, {"posts/2026-01-01-a.md": "", "posts/snippets/hello.rb": "puts '{{ page.title }}'\n"})
    page = {"title": "題", "path": str(tmp_path / "posts" / "2026-01-01-a.md")}
    result = render("{% include_relative snippets/hello.rb %}", page=page, site=JekyllSite())
    assert result.text == "puts '題'\n"
    assert result.includes == {str(tmp_path / "posts" / "snippets" / "hello.rb")}


def test_include_relative_with_a_relative_page_path_reads_from_the_site_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"site/_posts/part.md": "部分"})
    monkeypatch.chdir(tmp_path)
    site = JekyllSite(root=Path("site"))
    page = {"path": PurePosixPath("_posts/2026-01-01-a.md")}
    result = render("{% include_relative part.md %}", page=page, site=site)
    assert result.text == "部分"
    assert result.includes == {str(tmp_path / "site" / "_posts" / "part.md")}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "{% include missing.html %}",
            "include: no file 'missing.html' in the includes folder: the tag is left as written",
        ),
        (
            "{% include embed/video.html src='x.mp4' %}",
            "include: no file 'embed/video.html' in the includes folder: the tag is left as written",
        ),
        ("{% include ../_config.yml %}", "include: invalid file name '../_config.yml': the tag is left as written"),
        ("{% include ./note.html %}", "include: invalid file name './note.html': the tag is left as written"),
        ('{% include "note.html" %}', "include: invalid file name '\"note.html\"': the tag is left as written"),
        ("{% include %}", "include: no file name: the tag is left as written"),
        (
            "{% include note.html content %}",
            "include: expected name=\"value\" or name=variable parameters, got 'content': the tag is left as written",
        ),
        ("{% include_relative x.md %}", "include_relative: the post's folder is unknown: the tag is left as written"),
    ],
)
def test_an_include_that_cannot_be_read_is_left_as_written(body: str, problem: str) -> None:
    result = render(f"前\n\n{body}\n後", page={"title": "t"}, first_line=3)
    assert result.text == f"前\n\n{body}\n後"
    assert result.problems == (Problem(5, "liquid", problem),)


def test_a_missing_include_is_still_a_dependency() -> None:
    result = render("{% include missing.html %}")
    assert result.includes == {str(SITE_FOLDER / "_includes" / "missing.html")}


def test_an_include_that_includes_itself_stops(tmp_path: Path) -> None:
    result = render("前\n{% include self.html %}\n後", first_line=10)
    assert (
        result.text
        == "前\n" + "<span>自分自身を読み込む部品</span>" * MAX_INCLUDE_DEPTH + "\n" * MAX_INCLUDE_DEPTH + "\n後"
    )
    message = f"include: self.html nested {MAX_INCLUDE_DEPTH} deep: does it include itself? left out"
    assert result.problems == (Problem(11, "liquid", f"{message} (in self.html, line 1)"),)


def test_an_include_that_includes_itself_three_times_stops_quickly(tmp_path: Path) -> None:
    site = JekyllSite(
        includes=write(tmp_path, {"x.html": "{% include x.html %}{% include x.html %}{% include x.html %}"})
    )
    result = render("{% include x.html %}", site=site)
    assert result.text == ""
    assert [problem.message for problem in result.problems] == [
        f"include: x.html nested {MAX_INCLUDE_DEPTH} deep: does it include itself? left out (in x.html, line 1)",
        f"include: more than {MAX_INCLUDES} includes in one post: x.html left out (in x.html, line 1)",
    ]


def test_problems_inside_an_include_are_at_the_include_tag_naming_the_file(tmp_path: Path) -> None:
    includes = {"outer.html": "外\n{% include inner.html %}", "inner.html": "一\n二 {% youtube x %} {{ 'a' | nope }}\n"}
    site = JekyllSite(includes=write(tmp_path, includes))
    result = render("本文\n\n{% include outer.html %}\n", site=site, first_line=4)
    assert result.text == "本文\n\n外\n一\n二 {% youtube x %} {{ 'a' | nope }}\n\n"
    assert result.problems == (
        Problem(6, "liquid", "unknown tag 'youtube': shown as written (in inner.html, line 2)"),
        Problem(6, "liquid", "unknown filter 'nope': shown as written (in inner.html, line 2)"),
    )


def test_an_include_with_a_syntax_error_is_left_as_written_every_time(tmp_path: Path) -> None:
    site = JekyllSite(includes=write(tmp_path, {"bad.html": "a\n{% if x %}\nb"}))
    for _ in range(2):
        result = render("{% include bad.html %} と {{ page.title }}", site=site)
        assert result.text == "{% include bad.html %} と Liquid の使い方"
        assert result.problems == (
            Problem(
                1,
                "liquid",
                "Liquid syntax error: expected tag endif, found end of expression: the include is left as written"
                " (in bad.html, line 2)",
            ),
        )


# Filters


FILTERS: list[tuple[str, str]] = [
    # URLs: site.url https://blog.example.jp, site.baseurl /tech
    ("{{ '/about/' | relative_url }}", "/tech/about/"),
    ("{{ 'about/' | relative_url }}", "/tech/about/"),
    ("{{ '' | relative_url }}", "/tech"),
    ("{{ '記事/一覧.html' | relative_url }}", "/tech/%E8%A8%98%E4%BA%8B/%E4%B8%80%E8%A6%A7.html"),
    ("{{ 'https://example.com/x' | relative_url }}", "https://example.com/x"),
    ("{{ '/about/' | absolute_url }}", "https://blog.example.jp/tech/about/"),
    ("{{ '' | absolute_url }}", "https://blog.example.jp/tech"),
    ("{{ 'mailto:a@example.jp' | absolute_url }}", "mailto:a@example.jp"),
    ("{{ nothing | relative_url }}", ""),
    ("{{ '/a/index.html' | strip_index }}", "/a/"),
    ("{{ 'foo,bar;baz? 日本' | cgi_escape }}", "foo%2Cbar%3Bbaz%3F+%E6%97%A5%E6%9C%AC"),
    ("{{ 'foo, bar \\baz?' | uri_escape }}", "foo,%20bar%20%5Cbaz?"),
    ("{{ '/日本/a b' | uri_escape }}", "/%E6%97%A5%E6%9C%AC/a%20b"),
    # Text
    (
        """{% capture s %}foo "bar" <baz> & 'q'{% endcapture %}{{ s | xml_escape }}""",
        "foo &quot;bar&quot; &lt;baz&gt; &amp; 'q'",
    ),
    ("{{ '  a \n\t b　c  ' | normalize_whitespace }}", "a b　c"),
    ("{{ 'one two  three' | number_of_words }}", "3"),
    ("{{ '日本語のテキスト test' | number_of_words }}", "2"),
    ("{{ '日本語のテキスト test' | number_of_words: 'cjk' }}", "9"),
    ("{{ '日本語のテキスト test' | number_of_words: 'auto' }}", "9"),
    ("{{ 'plain words here' | number_of_words: 'auto' }}", "3"),
    ("{{ 'コーヒー。' | number_of_words: 'cjk' }}", "4"),
    ("{{ 'こんにちは、世界！안녕하세요 세상!' | number_of_words: 'auto' }}", "17"),
    ("{{ '你好hello世界world' | number_of_words: 'cjk' }}|{{ '你好hello世界world' | number_of_words }}", "6|1"),
    ("{{ page.tags | array_to_sentence_string }}", "Jekyll and Liquid"),
    ("{{ site.data.members | map: 'github' | array_to_sentence_string: 'と' }}", "yamada, hanako-sato, と suzuki1"),
    ("{{ 'a' | split: ',' | array_to_sentence_string }}", "a"),
    ("{{ 'The _config.yml file' | slugify }}", "the-config-yml-file"),
    ("{{ 'The _config.yml file' | slugify: 'pretty' }}", "the-_config.yml-file"),
    ("{{ 'The _config.yml file' | slugify: 'raw' }}", "the-_config.yml-file"),
    ("{{ 'The _config.yml file' | slugify: 'ascii' }}", "the-config-yml-file"),
    ("{{ 'Café Über ß' | slugify: 'latin' }}", "cafe-uber-ss"),
    ("{{ 'The _config.yml File' | slugify: 'none' }}", "the _config.yml file"),
    ("{{ '日本語のタイトル！ (2026年)' | slugify }}", "日本語のタイトル-2026年"),
    ("{{ 'ガイド・入門' | slugify: 'ascii' }}", ""),
    ("{{ 'ガイド・入門' | slugify: 'latin' }}", ""),
    (
        "{{ '# 見出し\n\n*強調* と `code`' | markdownify }}",
        "<h1>見出し</h1>\n<p><em>強調</em> と <code>code</code></p>\n",
    ),
    ("{{ 'これは**「重要」**です' | markdownify }}", "<p>これは<strong>「重要」</strong>です</p>\n"),
    (
        """{% capture s %}"This filter's test..."{% endcapture %}{{ s | smartify }}""",
        "\u201cThis filter\u2019s test\u2026\u201d",
    ),
    (
        "{{ 'a -- b --- c <em>x</em> 3 < 4 & &rsquo;' | smartify }}",
        "a \u2013 b \u2014 c <em>x</em> 3 &lt; 4 &amp; \u2019",
    ),
    (
        "{{ site.data.members[0] | jsonify }}",
        '{"name":"山田 太郎","role":"リードエンジニア","github":"yamada","joined":2019}',
    ),
    ("{{ page.tags | jsonify }}{{ nothing | jsonify }}", '["Jekyll","Liquid"]null'),
    ("{{ page.date | jsonify }}", '"2026-01-10 18:30:00 +0900"'),
    ("{{ page.tags | inspect }}", "[&quot;Jekyll&quot;, &quot;Liquid&quot;]"),
    (
        "{{ site.data.nested.links.status | inspect }}",
        "{&quot;title&quot; =&gt; &quot;稼働状況&quot;, &quot;url&quot; =&gt; &quot;https://status.example.jp/&quot;}",
    ),
    ("{{ nothing | inspect }}", "nil"),
    ("{{ '12abc' | to_integer }} {{ true | to_integer }} {{ 'x' | to_integer }} {{ 3.9 | to_integer }}", "12 1 0 3"),
    # Dates: site.timezone Asia/Tokyo
    ("{{ page.date | date_to_string }}", "10 Jan 2026"),
    ("{{ page.date | date_to_string: 'ordinal' }}", "10th Jan 2026"),
    ("{{ page.date | date_to_string: 'ordinal', 'US' }}", "Jan 10th, 2026"),
    ("{{ page.date | date_to_long_string }}", "10 January 2026"),
    ("{{ '2026-03-01' | date_to_long_string: 'ordinal', 'US' }}", "March 1st, 2026"),
    ("{{ '2026-01-22 10:00:00 +0000' | date_to_long_string: 'ordinal' }}", "22nd January 2026"),
    ("{{ page.date | date_to_xmlschema }}", "2026-01-10T18:30:00+09:00"),
    ("{{ '2026-01-10 01:02:03 +0000' | date_to_xmlschema }}", "2026-01-10T10:02:03+09:00"),
    ("{{ '2026-01-10 01:02:03' | date_to_xmlschema }}", "2026-01-10T01:02:03+09:00"),
    ("{{ page.date | date_to_rfc822 }}", "Sat, 10 Jan 2026 18:30:00 +0900"),
    ("{{ nothing | date_to_string }}{{ '' | date_to_xmlschema }}", ""),
    ("{{ page.date | date: '%Y年%-m月%-d日 %H:%M' }}", "2026年1月10日 18:30"),
    (
        "{{ page.date | date: '%a %A %b %B %^b %e %l%P %p %j %:z %z %%' }}",
        "Sat Saturday Jan January JAN 10  6pm PM 010 +09:00 +0900 %",
    ),
    ("{{ '2026-01-10' | date: '%-d %B %Y' }}", "10 January 2026"),
    ("{{ 'not a date' | date: '%Y' }}|{{ page.date | date: '' }}", "not a date|2026-01-10 18:30:00 +0900"),
    # Arrays
    ("{{ site.data.members | where: 'joined', '2019' | map: 'github' | join: ',' }}", "yamada"),
    ("{{ site.data.members | where: 'joined', 2021 | map: 'github' | join: ',' }}", "hanako-sato"),
    ("{% assign p = page | push: 1 %}{{ site.data.members | where: 'role', 'SRE' | size }}", "1"),
    ("{{ site.data.table | where: 'version', 1.1 | map: 'note' }}", "検索を高速化, バグ修正"),
    ("{{ site.data.members | where_exp: 'm', 'm.joined > 2018' | map: 'github' | join: ',' }}", "yamada,hanako-sato"),
    ("{{ site.data.members | where_exp: 'm', \"m.name contains '佐藤'\" | map: 'role' }}", "デザイナー"),
    ("{{ site.data.members | find: 'github', 'suzuki1' | map: 'name' }}", "鈴木 一郎"),
    ("{{ site.data.members | find_exp: 'm', 'm.joined < 2018' | map: 'name' }}", "鈴木 一郎"),
    ("{{ site.data.members | find: 'github', 'nobody' | inspect }}", "nil"),
    ("{{ site.data.members | group_by: 'role' | map: 'name' | join: ',' }}", "リードエンジニア,デザイナー,SRE"),
    (
        "{% assign g = site.data.table | group_by_exp: 'r', \"r.released | slice: 0, 4\" %}"
        "{{ g | map: 'name' | join: ',' }}/{{ g[0].size }}",
        "2024,2025/2",
    ),
    ("{{ site.data.members | sort: 'joined' | map: 'github' | join: ',' }}", "suzuki1,yamada,hanako-sato"),
    ("{{ site.data.members | sort: 'nickname', 'last' | map: 'github' | join: ',' }}", "yamada,hanako-sato,suzuki1"),
    ("{% assign xs = '10,9,1' | split: ',' %}{{ xs | sort | join: ',' }}", "1,10,9"),
    ("{{ page.tags | push: 'Ruby' | unshift: 'Web' | join: ',' }}", "Web,Jekyll,Liquid,Ruby"),
    (
        "{{ page.tags | pop | join: ',' }}|{{ page.tags | shift | join: ',' }}|{{ page.tags | pop: 2 | size }}",
        "Jekyll|Liquid|0",
    ),
    ("{{ page.title | push: 'x' }}", "Liquid の使い方"),
    ("{% assign s = site.data.members | sample: 2 %}{{ s | size }}", "2"),
]


@pytest.mark.parametrize(("body", "expected"), FILTERS)
def test_jekyll_filters(body: str, expected: str) -> None:
    assert rendered_text(body) == expected


@pytest.mark.parametrize(
    ("items", "arguments", "expected"),
    [
        ([{"a": "10", "n": "10"}, {"a": ".5", "n": ".5"}, {"a": "0.65", "n": "0.65"}], "'a'", ".5,0.65,10"),
        ([{"a": "twelve", "n": "12"}, {"a": ".5", "n": ".5"}, {"a": "0.6", "n": "0.6"}], "'a'", ".5,0.6,12"),
        ([{"a": "20", "n": "20"}, {"a": "1", "n": "1"}, {"a": "1abc", "n": "1abc"}], "'a'", "1,1abc,20"),
        ([{"a": 2, "n": "二"}, {"n": "無"}, {"a": 1, "n": "一"}], "'a'", "無,一,二"),
        ([{"a": 2, "n": "二"}, {"n": "無"}, {"a": 1, "n": "一"}], "'a', 'last'", "一,二,無"),
        ([{"a": {"b": 2}, "n": "二"}, {"a": {"b": 1}, "n": "一"}, {"a": {"b": 3}, "n": "三"}], "'a.b'", "一,二,三"),
    ],
)
def test_sort_by_property_as_jekyll_sorts(items: list[dict[str, object]], arguments: str, expected: str) -> None:
    assert rendered_text(f"{{{{ page.items | sort: {arguments} | map: 'n' | join: ',' }}}}", items=items) == expected


TAGGED = [
    {"n": "a", "tags": {}},
    {"n": "b", "tags": ""},
    {"n": "c", "tags": None},
    {"n": "d", "tags": ["x", None]},
    {"n": "e", "tags": []},
    {"n": "f", "tags": "xtra"},
    {"n": "g"},
    {"n": "h", "tags": ["x", "y"], "value": "24.625", "featured": True},
    {"n": "i", "tags": "x", "value": 24.625, "featured": False},
]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("'tags', nil", "c,g"),
        ("'tags', ''", "b,d"),
        ("'tags', 'x'", "d,h,i"),
        ("'tags', 'xt'", ""),
        ("'value', 24.625", "h,i"),
        ("'featured', 'true'", "h"),
        ("'featured', false", "i"),
    ],
)
def test_where_compares_as_jekyll_compares(arguments: str, expected: str) -> None:
    assert rendered_text(f"{{{{ page.items | where: {arguments} | map: 'n' | join: ',' }}}}", items=TAGGED) == expected


@pytest.mark.parametrize(
    ("text", "mode", "expected"),
    [
        ("  Working with drafts   ", "", "working-with-drafts"),
        ("So what is Jekyll, exactly?", "", "so-what-is-jekyll-exactly"),
        ("5時〜6時 三・一四", "", "5時-6時-三-一四"),
        ("كيف حالك؟", "", "كيف-حالك"),
        ("மல்லிப்பூ வகைகள்", "pretty", "மல்லிப்பூ-வகைகள்"),
        ("fürtive glance!!!!", "ascii", "f-rtive-glance"),
        ("fürtive glance!!!!", "latin", "furtive-glance"),
        ("àáçèéíïòóúü", "latin", "aaceeiioouu"),
        ("Aあわれ鬱господинZ", "latin", "a-z"),
        ("The _config.yml file?", "raw", "the-_config.yml-file?"),
        ("The _config.yml file?", "none", "the _config.yml file?"),
        ("💎", "", ""),
    ],
)
def test_slugify_as_jekyll_tests_it(text: str, mode: str, expected: str) -> None:
    assert rendered_text("{{ page.text | slugify: page.mode }}", text=text, mode=mode or None) == expected


def test_sample_is_the_same_for_the_same_body() -> None:
    one = "{{ site.data.members | sample | map: 'github' }}"
    three = "{{ site.data.members | sample: 3 | map: 'github' | sort | join: ',' }}"
    assert rendered_text(one) in {"yamada", "hanako-sato", "suzuki1"}
    assert len({rendered_text(one) for _ in range(5)}) == 1
    assert rendered_text(three) == "hanako-sato,suzuki1,yamada"


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 1, 10, 18, 30, tzinfo=TOKYO),
        datetime(2026, 1, 10, 9, 30, tzinfo=ZoneInfo("UTC")),
        "2026-01-10 18:30:00 +0900",
    ],
)
def test_dates_arrive_as_aware_times_or_text(value: object) -> None:
    assert rendered_text("{{ page.date | date_to_xmlschema }}", date=value) == "2026-01-10T18:30:00+09:00"


def test_a_date_without_time_is_midnight_in_the_site_zone() -> None:
    assert rendered_text("{{ page.date | date_to_xmlschema }}", date=date(2026, 1, 10)) == "2026-01-10T00:00:00+09:00"


def test_dates_without_a_site_zone_keep_their_offset() -> None:
    site = JekyllSite(config={"url": "https://x.example"})
    result = render("{{ page.date | date_to_xmlschema }} {{ '2026-01-10' | date_to_xmlschema }}", site=site)
    assert result.text == "2026-01-10T18:30:00+09:00 2026-01-10T00:00:00+00:00"


def test_url_filters_without_url_or_baseurl() -> None:
    result = render("{{ '/a' | absolute_url }} {{ 'a' | relative_url }} {{ '/' | absolute_url }}", site=JekyllSite())
    assert result.text == "/a /a /"
    international = JekyllSite(config={"url": "http://ümlaut.example.org/"})
    assert render("{{ '' | absolute_url }}", site=international).text == "http://xn--mlaut-jva.example.org/"


# Problems: one per occurrence, at the file's line, the text kept visible


def test_an_unknown_tag_is_shown_as_written_and_the_rest_renders() -> None:
    result = render("# {{ page.title }}\n\n{% codepen 12345 %}\n{% youtube abc %}{{ site.title }}\n", first_line=7)
    assert result.text == "# Liquid の使い方\n\n{% codepen 12345 %}\n{% youtube abc %}チーム技術ブログ\n"
    assert result.problems == (
        Problem(9, "liquid", "unknown tag 'codepen': shown as written"),
        Problem(10, "liquid", "unknown tag 'youtube': shown as written"),
    )


def test_an_unknown_block_tag_is_one_problem() -> None:
    result = render("{% details 詳細 %}\n中身 {{ page.slug }}\n{%- enddetails %}")
    assert result.text == "{% details 詳細 %}\n中身 liquid-sample{%- enddetails %}"
    assert result.problems == (Problem(1, "liquid", "unknown tag 'details': shown as written"),)


@pytest.mark.parametrize("tag", ["endif", "else", "endhighlight", "render"])
def test_a_stray_or_unsupported_tag_is_shown_as_written(tag: str) -> None:
    result = render(f"a\n{{% {tag} %}}b")
    assert result.text == f"a\n{{% {tag} %}}b"
    kind = "unknown" if tag == "render" else "unexpected"
    assert result.problems == (Problem(2, "liquid", f"{kind} tag '{tag}': shown as written"),)


def test_an_unknown_filter_shows_its_whole_output_as_written() -> None:
    body = "{{ page.title | shout | upcase }} {{ page.slug }}\n{{- page.slug | default: 'x' | shout: 1 }}"
    result = render(body, first_line=3)
    assert result.text == "{{ page.title | shout | upcase }} liquid-sample{{- page.slug | default: 'x' | shout: 1 }}"
    assert result.problems == (
        Problem(3, "liquid", "unknown filter 'shout': shown as written"),
        Problem(4, "liquid", "unknown filter 'shout': shown as written"),
    )


def test_an_unknown_filter_in_a_tag_leaves_the_value_unfiltered_as_jekyll_does() -> None:
    result = render("{% assign name = page.slug | shout %}\n{{ name }}")
    assert result.text == "\nliquid-sample"
    assert result.problems == (Problem(1, "liquid", "unknown filter 'shout': the value is left unfiltered"),)


def test_an_unknown_filter_in_a_loop_is_one_problem() -> None:
    result = render("{% for m in site.data.members %}{{ m.name | shout }}{% endfor %}")
    assert result.text == "{{ m.name | shout }}" * len(SITE.data["members"])
    assert result.problems == (Problem(1, "liquid", "unknown filter 'shout': shown as written"),)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("a\nb {{ page.title\nc", 2, "expected '}}', found end of file"),
        ("a\n{% if page.draft %}\nb\n", 2, "expected tag endif, found end of expression"),
        ("a\n\n{{ page.title | }}", 3, "expected word, found end of expression"),
        ("{% for %}x{% endfor %}", 1, "missing expression"),
        ("a\n{% highlight ruby %}\nx\n", 2, "highlight: no {% endhighlight %} closes it"),
        ("{% if a == %}x{% endif %}", 1, "expected a primitive expression, found end of expression"),
    ],
)
def test_a_syntax_error_leaves_the_body_as_written(body: str, line: int, message: str) -> None:
    result = render(body, first_line=11)
    assert result.text == body
    assert result.problems == (
        Problem(10 + line, "liquid", f"Liquid syntax error: {message}: the body is left as written"),
    )


def test_a_syntax_error_reports_the_unknown_tags_met_before_it() -> None:
    result = render("{% youtube 1 %}\n{% if x %}")
    assert result.text == "{% youtube 1 %}\n{% if x %}"
    assert [problem.line for problem in result.problems] == [1, 2]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ 'yesterday?' | date_to_string }}", 'date_to_string: "yesterday?" is not a valid date'),
        ("{{ nothing | sort }}", "sort: cannot sort a null object"),
        ("{{ page.tags | sort: 'x', 'middle' }}", "sort: nils must be 'first' or 'last', not 'middle'"),
        (
            "{{ page.tags | where_exp: 'x', 'x ==' }}",
            "where_exp: expected a primitive expression, found end of expression",
        ),
    ],
)
def test_an_output_that_cannot_be_rendered_is_shown_as_written(body: str, message: str) -> None:
    result = render(f"前 {{{{ page.slug }}}}\n{body}\n後")
    assert result.text == f"前 liquid-sample\n{body}\n後"
    assert result.problems == (Problem(2, "liquid", f"{message}: shown as written"),)


def test_a_filter_failing_on_an_odd_value_is_a_problem_naming_it() -> None:
    result = render("{{ page.x | to_integer }}\n{{ page.x | floor }} {{ page.x | upcase }}", page={"x": float("inf")})
    assert result.text == "{{ page.x | to_integer }}\n{{ page.x | floor }} INF"
    assert result.problems == (
        Problem(1, "liquid", "to_integer: cannot convert float infinity to integer: shown as written"),
        Problem(2, "liquid", "floor: cannot convert float infinity to integer: shown as written"),
    )


def test_a_render_error_in_a_tag_is_reported_and_the_rest_renders() -> None:
    result = render("{% assign x = nothing | sort %}\n{{ page.slug }}")
    assert result.text == "\nliquid-sample"
    assert result.problems == (Problem(1, "liquid", "sort: cannot sort a null object"),)


def test_loops_are_limited() -> None:
    result = render("{% for i in (1..1000000) %}{% endfor %}after")
    assert result.text == "after"
    assert result.problems == (Problem(1, "liquid", "loop iteration limit reached"),)


def test_problems_are_in_line_order() -> None:
    result = render("{{ a | x }}\n{% gist %}\n{{ b | y }}")
    assert [problem.line for problem in result.problems] == [1, 2, 3]


FRAGMENTS = [
    *("{{", "}}", "{%", "%}", "{%-", "-%}", "|", ":", ",", "'", '"', "\n", " ", "日本語", "-"),
    *(" if page.draft ", " elsif ", " else ", " endif ", " for m in site.data.members ", " endfor ", " assign x = "),
    *(" raw ", " endraw ", " comment ", " endcomment ", " highlight ruby ", " endhighlight ", " capture c "),
    *(
        " include note.html content=page.title ",
        " include self.html ",
        " include {{ x }}.html ",
        " include_relative a.md ",
    ),
    *(" post_url 2017-10-12-welcome ", " link x.md ", " gist 1 ", " endgist "),
    *(" page.title ", " page.date ", " site.data ", " nothing ", " date_to_string ", " where: 'a', 1 ", " sort "),
    *(" where_exp: 'm', 'm.joined >' ", " group_by_exp: 'x', 'x | upcase' ", " jsonify ", " slugify: 'latin' "),
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
@settings(max_examples=500, deadline=None)
def test_random_liquid_never_raises_and_its_problems_are_in_the_body(body: str) -> None:
    result = render(body, first_line=5)
    last_line = 5 + body.count("\n")
    assert all(problem.subtype == "liquid" and 5 <= problem.line <= last_line for problem in result.problems)
    if not has_liquid(body):
        assert result.text == body


def test_the_renderer_imports_no_sphinx() -> None:
    imported: set[str] = set()
    for path in Path(jekyll_posts.core.jekyll.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    assert "liquid" in imported
    assert not imported & {"sphinx", "docutils", "ablog", "myst_parser"}


def test_jekyll_environment_is_jekylls_default() -> None:
    body = "{% if jekyll.environment == 'production' %}解析タグ{% else %}{{ jekyll.environment }}{% endif %}"
    assert rendered_text(body) == "development"
