"""Posts of a Jekyll site built as Jekyll built them: every post file, Liquid, kramdown, links,
images, excerpts and old URLs.

The ``jekyll`` root has a Jekyll site folder (``jekyll/``: ``_config.yml`` with a
``baseurl`` and a ``permalink`` style, ``_data``, ``_includes``, an image and a
file) and posts in five of Jekyll's Markdown extensions, in a nested
``_posts`` folder and a ``_drafts`` folder.
"""

from __future__ import annotations

import contextlib
import io
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build, copy_root
from sphinx.builders.html import StandaloneHTMLBuilder
from test_incremental import assert_same_site

from jekyll_posts.check import main as check
from jekyll_posts.sphinxext import jekyll as jekyll_glue
from jekyll_posts.sphinxext.documents import typography
from jekyll_posts.sphinxext.state import build_state
from jekyll_posts.testing.browser import serve

POSTS = {
    "posts/2026-01-05-first.markdown": "posts/2026-01-05-first.html",
    "posts/2026-01-10-liquid.mkd": "posts/2026-01-10-liquid.html",
    "posts/2017-2-5-one-digit.mkdn": "posts/2017-2-5-one-digit.html",
    "posts/ja/news/_posts/2026-01-12-nested.mkdown": "posts/ja/news/_posts/2026-01-12-nested.html",
    "posts/2026-01-13-separator.md": "posts/2026-01-13-separator.html",
    "posts/_drafts/idea.md": "posts/_drafts/idea.html",
}
#: each post's URL on the old site (baseurl aside), and redirect_from
OLD_URLS = {
    "お知らせ/2026/01/05/first/index.html": "posts/2026-01-05-first.html",
    "tech/2026/01/10/liquid/index.html": "posts/2026-01-10-liquid.html",
    "2017/02/05/one-digit/index.html": "posts/2017-2-5-one-digit.html",
    "ja/news/2026/01/12/nested/index.html": "posts/ja/news/_posts/2026-01-12-nested.html",
    "old/nested.html": "posts/ja/news/_posts/2026-01-12-nested.html",
    "2026/01/13/separator/index.html": "posts/2026-01-13-separator.html",
}
LIQUID_OR_KRAMDOWN = re.compile(r"\{\{|\{%|\{:|\{::")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("jekyll")
    return build(copy_root("jekyll", base), base / "_build")


def target(built: Built, page: str, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    return built.outdir / posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def article(built: Built, page: str) -> BeautifulSoup:
    return built.soup(page).select_one("article")


def test_it_builds_without_a_warning(site: Built) -> None:
    assert site.warnings == ""


def test_every_post_file_jekyll_builds_is_a_page(site: Built) -> None:
    for page in POSTS.values():
        assert (site.outdir / page).is_file(), page
    listed = set(site.listed_posts())
    assert listed == {page for source, page in POSTS.items() if "_drafts" not in source}
    drafts = {a.get_text() for a in site.soup("blog/drafts.html").select(".ablog-post-title a")}
    assert drafts == {"下書きのアイデア"}


def test_a_one_digit_date_and_front_matter_closed_by_dots(site: Built) -> None:
    page = article(site, "posts/2017-2-5-one-digit.html")
    assert page.find("h1").get_text().rstrip("#") == "一桁の月と日"
    assert "2017年2月5日" in page.select_one(".jekyll-post-info").get_text()


def test_liquid_is_rendered(site: Built) -> None:
    page = article(site, "posts/2026-01-10-liquid.html")
    text = " ".join(page.get_text().split())
    assert "Liquid と kramdownを2026年1月10日に書きました。" in text  # page.* and a filter
    assert "山田太郎（開発） 佐藤花子（設計）" in text  # a loop over site.data
    assert page.select_one(".jekyll-note strong").get_text() == "注意"  # an include with parameters
    code = page.select_one("div.highlight-ruby")
    assert code is not None and 'puts "旧ブログ"' in code.get_text()  # highlight, with site.title inside
    assert page.select(".linenos")  # linenos
    assert page.select_one("code").get_text() == "{{ page.title }}"  # raw
    nested = article(site, "posts/ja/news/_posts/2026-01-12-nested.html")
    assert "最新版は 3.4.1 です。" in nested.get_text()


def test_no_liquid_or_kramdown_is_shown_outside_code_that_shows_it(site: Built) -> None:
    for page in POSTS.values():
        soup = article(site, page)
        for code in soup.select("code, pre"):
            code.decompose()
        assert LIQUID_OR_KRAMDOWN.search(soup.get_text()) is None, page


def test_fenced_code_ends_at_its_closing_fence_and_gets_its_pygments_language(site: Built) -> None:
    page = article(site, "posts/2026-01-10-liquid.html")
    paragraph = next(p for p in page.select("p") if "チルダの囲みの後の段落です。" in p.get_text())
    assert paragraph.find_parent("pre") is None
    assert [pre.get_text() for pre in page.select("div.highlight-ruby pre")][-1] == "p [1, 2, 3]\n"  # ~~~~ closes
    assert page.select_one("li div.highlight-vim pre").get_text() == "set number\n"  # vimscript, in a list item


def test_a_link_without_a_destination_is_its_text(site: Built) -> None:
    page = article(site, "posts/2026-01-10-liquid.html")
    paragraph = next(p for p in page.select("p") if "チルダの囲みの後の段落です。" in p.get_text())
    assert paragraph.get_text() == "チルダの囲みの後の段落です。プラグインは Vundle で入れます。"
    assert paragraph.find("a") is None  # and no warning: "cross-reference target not found: ''"


def test_a_gist_is_a_link_to_it_without_its_script(site: Built) -> None:
    page = article(site, "posts/2026-01-10-liquid.html")
    paragraph = next(p for p in page.select("p") if "gist.github.com" in p.get_text())
    link = paragraph.select_one("a")
    assert link is not None and link["href"] == "https://gist.github.com/yamada/0123abcd#file-hello-rb"
    assert paragraph.get_text() == link["href"]
    assert not page.select("script")  # jekyll-gist's <script src="https://gist.github.com/....js"> is not run


def test_kramdown_attributes_toc_and_comments(site: Built) -> None:
    page = article(site, "posts/2026-01-10-liquid.html")
    assert page.select_one("p.important-paragraph").get_text() == "強調する段落です。"
    contents = page.select_one("nav.contents")
    assert contents is not None and {a.get_text() for a in contents.select("a")} >= {"チーム", "コード"}
    assert "読者には見せないメモ" not in site.soup("posts/2026-01-10-liquid.html").get_text()


def test_links_to_other_posts_resolve(site: Built) -> None:
    first, liquid = "posts/2026-01-05-first.html", "posts/2026-01-10-liquid.html"
    by_post_url = next(a for a in article(site, liquid).select("a") if a.get_text() == "前の投稿")
    assert target(site, liquid, by_post_url["href"]) == site.outdir / first
    with_a_slash = next(a for a in article(site, liquid).select("a") if a.get_text() == "名前の前に / があっても")
    assert target(site, liquid, with_a_slash["href"]) == site.outdir / first  # {% post_url /2026-01-05-first %}
    by_old_url = next(a for a in article(site, first).select("a") if a.get_text() == "次の投稿")
    assert target(site, first, by_old_url["href"]) == site.outdir / liquid


def test_post_url_in_html_or_alone_in_a_sentence_links_to_the_page(site: Built) -> None:
    first, liquid = "posts/2026-01-05-first.html", "posts/2026-01-10-liquid.html"
    in_html = next(a for a in article(site, liquid).select("a") if a.get_text() == "HTML で書いた前の投稿へのリンク")
    assert in_html["href"] == "2026-01-05-first.html#見出し"
    alone = in_html.parent.select("a")[-1]  # Jekyll shows the URL there: here, a link with the page's title
    assert (alone.get_text(), target(site, liquid, alone["href"])) == ("最初の投稿", site.outdir / first)


@pytest.mark.parametrize("text", ["サイトの URL に続けても", "baseurl に続けても"])
def test_post_url_inside_a_longer_url_is_jekylls_url_which_leads_to_the_page(site: Built, text: str) -> None:
    """``{{ site.url }}{% post_url %}``: the tag wrote the post's source path, glued to the host."""
    first, liquid = "posts/2026-01-05-first.html", "posts/2026-01-10-liquid.html"
    link = next(a for a in article(site, liquid).select("a") if a.get_text() == text)
    assert target(site, liquid, link["href"]) == site.outdir / first


def test_a_post_whose_url_another_wrote_is_read_again_when_its_url_changes(tmp_path: Path) -> None:
    srcdir = copy_root("jekyll", tmp_path)
    build(srcdir, tmp_path / "_build")
    first = srcdir / "posts" / "2026-01-05-first.markdown"
    first.write_text(first.read_text(encoding="utf-8").replace("categories: [お知らせ]", "categories: [告知]"), "utf-8")
    rebuilt = build(srcdir, tmp_path / "_build")
    assert read_docs(rebuilt) == ["posts/2026-01-05-first", "posts/2026-01-10-liquid"]
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


#: a real blog's way of linking a post with its title and date: find it in ``site.posts`` by URL
LINK_BY_SITE_POSTS = """---
title: 一覧から探すリンク
---

{% capture target_url %}{{ site.baseurl }}{% post_url 2026-01-05-first %}{% endcapture %}\
{% for post in site.posts %}\
{% assign candidate_url = post.url | relative_url %}{% if candidate_url == target_url %}\
[{{ post.title }}（{{ post.date | date: "%B %-d, %Y" }}）]({{ target_url }}){% break %}\
{% endif %}{% endfor %}で設定した。

投稿は {{ site.posts | size }} 件、お知らせは {{ site.categories["お知らせ"] | size }} 件。
"""


def test_site_posts_lists_the_posts_and_its_readers_are_read_again_when_a_post_changes_or_comes(
    tmp_path: Path,
) -> None:
    srcdir = copy_root("jekyll", tmp_path)
    reader = srcdir / "posts" / "2026-01-20-list.md"
    reader.write_text(LINK_BY_SITE_POSTS, encoding="utf-8")
    built = build(srcdir, tmp_path / "_build")
    assert "site.posts" not in built.warnings
    page, first = "posts/2026-01-20-list.html", "posts/2026-01-05-first.html"
    link = article(built, page).select_one("p a")
    assert link is not None and link.get_text() == "最初の投稿（January 5, 2026）"
    assert target(built, page, link["href"]) == built.outdir / first
    assert "投稿は 6 件、お知らせは 1 件。" in article(built, page).get_text()  # five, this one, no draft

    first_source = srcdir / "posts" / "2026-01-05-first.markdown"
    first_source.write_text(first_source.read_text(encoding="utf-8").replace("最初の投稿", "改めた題"), "utf-8")
    rebuilt = build(srcdir, tmp_path / "_build")
    assert "posts/2026-01-20-list" in read_docs(rebuilt)
    assert article(rebuilt, page).select_one("p a").get_text() == "改めた題（January 5, 2026）"
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))

    (srcdir / "posts" / "2026-01-25-new.md").write_text("---\ntitle: 新しい投稿\n---\n\n本文\n", "utf-8")
    rebuilt = build(srcdir, tmp_path / "_build")
    assert read_docs(rebuilt) == ["posts/2026-01-20-list", "posts/2026-01-25-new"]
    assert "投稿は 7 件" in article(rebuilt, page).get_text()
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean2"))


def test_post_url_without_the_folders_finds_a_post_of_that_date_and_slug(tmp_path: Path) -> None:
    """A real blog (MasahikoSawada, posts in ``_posts/jp/``) wrote ``{% post_url 2018-07-07-Window-Frame %}``:
    Jekyll found the post by its date and slug (with a deprecation message); here the tag was left as written."""
    srcdir = copy_root("jekyll", tmp_path)
    (srcdir / "posts" / "2026-01-20-by-slug.md").write_text(
        "---\ntitle: 日付と名前で\n---\n\n[入れ子の投稿]({% post_url 2026-01-12-nested %})\n", encoding="utf-8"
    )
    built = build(srcdir, tmp_path / "_build")
    assert "2026-01-20-by-slug" not in built.warnings
    page = "posts/2026-01-20-by-slug.html"
    link = article(built, page).select_one("p a")
    assert link is not None and link.get_text() == "入れ子の投稿"
    nested = built.outdir / "posts" / "ja" / "news" / "_posts" / "2026-01-12-nested.html"
    assert target(built, page, link["href"]) == nested


def test_previous_and_next_lead_to_the_older_and_the_newer_post_and_follow_a_new_post(tmp_path: Path) -> None:
    """A real blog (tokoik/blog) linked each part of a series with ``page.previous``: the link was empty."""
    srcdir = copy_root("jekyll", tmp_path)
    reader = srcdir / "posts" / "2026-01-20-parts.md"
    reader.write_text(
        "---\ntitle: 続き\n---\n\n[前回]({{ page.previous | relative_url }})・"
        "{% if page.next %}[次回]({{ page.next.url | relative_url }}){% else %}最新{% endif %}\n",
        encoding="utf-8",
    )
    built = build(srcdir, tmp_path / "_build")
    page = "posts/2026-01-20-parts.html"
    links = article(built, page).select("p a")
    assert [link.get_text() for link in links] == ["前回"] and "最新" in article(built, page).get_text()
    assert target(built, page, links[0]["href"]) == built.outdir / "posts" / "2026-01-13-separator.html"

    (srcdir / "posts" / "2026-01-25-new.md").write_text("---\ntitle: 新しい投稿\n---\n\n本文\n", "utf-8")
    rebuilt = build(srcdir, tmp_path / "_build")
    assert "posts/2026-01-20-parts" in read_docs(rebuilt)
    links = article(rebuilt, page).select("p a")
    assert [link.get_text() for link in links] == ["前回", "次回"]
    assert target(rebuilt, page, links[1]["href"]) == rebuilt.outdir / "posts" / "2026-01-25-new.html"
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_kramdown_math_is_math_and_math_on_its_own_lines_stays_in_its_sentence(tmp_path: Path) -> None:
    """A real blog (tokoik/blog): a sentence with ``$$`` math on lines of its own was cut in three paragraphs."""
    srcdir = copy_root("jekyll", tmp_path)
    post = (
        "---\ntitle: 数式\n---\n\n値は $$x^2$$ です。\n\n"
        "この法線ベクトル\n$$\n\\mathbf{n}' = \\frac{a}{b}\n$$\nと中間ベクトルから求めます。\n\n"
        "$$\ne = mc^2\n$$\n"
    )
    (srcdir / "posts" / "2026-01-20-math.md").write_text(post, encoding="utf-8")
    built = build(srcdir, tmp_path / "_build")
    assert "2026-01-20-math" not in built.warnings
    body = article(built, "posts/2026-01-20-math.html")
    paragraphs = [paragraph.get_text(" ", strip=True) for paragraph in body.select("p")]
    # the math's own line ends are spaces in it, which MathJax does not show
    assert "この法線ベクトル \\( \\mathbf{n}' = \\frac{a}{b} \\) と中間ベクトルから求めます。" in paragraphs
    inline = ["\\(x^2\\)", "\\( \\mathbf{n}' = \\frac{a}{b} \\)"]
    assert [span.get_text() for span in body.select("span.math")] == inline
    assert [div.get_text(strip=True) for div in body.select("div.math")] == ["\\[e = mc^2\\]"]


def test_a_post_that_cannot_be_read_is_left_out_of_site_posts_and_its_readers_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another post's source, gone or unreadable while a reader of ``site.posts`` is read, is not
    listed; its own reading says what became of it."""
    srcdir = copy_root("jekyll", tmp_path)
    (srcdir / "posts" / "2026-01-20-list.md").write_text(LINK_BY_SITE_POSTS, encoding="utf-8")
    decode = jekyll_glue.decode_source

    def unreadable_first(data: bytes) -> tuple[str, list[Any]]:
        if "最初の投稿".encode() in data:
            raise PermissionError("Permission denied")
        return decode(data)

    monkeypatch.setattr(jekyll_glue, "decode_source", unreadable_first)
    built = build(srcdir, tmp_path / "_build")
    text = article(built, "posts/2026-01-20-list.html").get_text()
    assert "投稿は 5 件、お知らせは 0 件。" in text and "で設定した。" in text


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("http で書いた古い URL", "posts/2026-01-13-separator.html"),
        ("スキームのない URL", "posts/ja/news/_posts/2026-01-12-nested.html"),
    ],
)
def test_a_link_to_the_old_site_by_http_or_without_a_scheme_arrives(site: Built, text: str, linked: str) -> None:
    """The site's ``url`` is ``https://``; its posts still link by ``http://`` (a site that moved to https)."""
    liquid = "posts/2026-01-10-liquid.html"
    link = next(a for a in article(site, liquid).select("a") if a.get_text() == text)
    assert target(site, liquid, link["href"]) == site.outdir / linked
    backlinks = [target(site, linked, a["href"]) for a in site.soup(linked).select(".jekyll-backlinks li a")]
    assert site.outdir / liquid in backlinks


def test_the_posts_are_indexed_for_post_url_only_when_a_post_links_by_it(site: Built, tmp_path: Path) -> None:
    """Indexing every post's name and path took 1 s of a one-post rebuild at 10,000 posts."""
    jekyll = build_state(site.app).jekyll
    assert jekyll is not None and jekyll.index is not None  # {% post_url %} in a post here
    plain = build_state(build(copy_root("kb", tmp_path), tmp_path / "_build").app).jekyll
    assert plain is not None and plain.index is None


def test_links_by_old_url_and_post_url_are_backlinks(site: Built) -> None:
    first, liquid = "posts/2026-01-05-first.html", "posts/2026-01-10-liquid.html"
    linking_first = [a["href"] for a in site.soup(first).select(".jekyll-backlinks li a")]
    linking_liquid = [a["href"] for a in site.soup(liquid).select(".jekyll-backlinks li a")]
    assert "2026-01-10-liquid.html" in linking_first  # {% post_url 2026-01-05-first %}
    assert "2026-01-05-first.html" in linking_liquid  # /blog/tech/2026/01/10/liquid/


def test_images_and_files_of_the_site_are_copied_and_shown(site: Built) -> None:
    page = "posts/2026-01-05-first.html"
    images = article(site, page).select("img")
    assert len(images) == 3  # two in Markdown (baseurl, {{ site.baseurl }}), one in HTML (relative_url)
    for image in images:
        assert target(site, page, image["src"]).read_bytes().startswith(b"\x89PNG"), image
    guide = next(a for a in article(site, page).select("a") if a.get_text() == "案内ファイル")
    assert target(site, page, guide["href"]).read_text(encoding="utf-8") == "案内の本文です。\n"


def test_a_page_of_the_old_site_that_is_not_here_links_there(site: Built) -> None:
    outside = next(
        a for a in article(site, "posts/2026-01-05-first.html").select("a") if a.get_text() == "旧サイトの概要"
    )
    assert outside["href"] == "https://old.example.jp/blog/about/"


def test_struck_out_text_is_struck_out_as_gfm_does(site: Built) -> None:
    """Jekyll's kramdown reads GFM, where ``~~text~~`` is struck out (a real blog had seven): quietly, and
    next to Japanese punctuation too, as kramdown struck it (grandbig/octopress)."""
    article = site.soup("posts/2026-01-13-separator.html").select_one("article")
    assert [struck.get_text() for struck in article.select("s")] == ["古い説明", "申請中です。"]
    assert "~~" not in article.get_text()


def test_a_relative_link_leads_where_it_led_on_the_old_page(site: Built) -> None:
    """``[…](../../../../2017/02/05/one-digit/)`` on the post at ``/2026/01/13/separator/`` led to that post's old
    page: here, to its page (MyST read it as a label, and warned it missing), which lists the link."""
    page = "posts/2026-01-13-separator.html"
    link = next(a for a in site.soup(page).select("article a") if a.get_text() == "一桁の日付の投稿")
    assert target(site, page, link["href"]) == site.outdir / "posts" / "2017-2-5-one-digit.html"
    backlinks = site.soup("posts/2017-2-5-one-digit.html").select(".jekyll-backlinks a")
    assert "区切りを決めた投稿" in [backlink.get_text() for backlink in backlinks]


def test_a_link_tag_to_a_static_file_is_its_path(site: Built) -> None:
    """``{% link /assets/img/logo.png %}`` (Jekyll finds static files too): a real blog wrote its 27 images
    so, and each was left as written with a warning."""
    article = site.soup("posts/2026-01-13-separator.html").select_one("article")
    image = article.find("img", alt="リンクタグのロゴ")
    assert image is not None and "width: 120px" in image.get("style", "")
    assert (site.outdir / "posts" / image["src"]).resolve().read_bytes() == (
        site.srcdir / "jekyll" / "assets" / "img" / "logo.png"
    ).read_bytes()


def test_a_post_is_read_again_when_the_sites_mathjax_setup_starts_reading_dollars(tmp_path: Path) -> None:
    """The site's ``_includes/head.html`` decides whether ``$x$`` is math (a real blog's did): editing it
    rebuilds the posts as a clean build would."""
    srcdir = copy_root("jekyll", tmp_path)
    head = srcdir / "jekyll" / "_includes" / "head.html"
    head.write_text("<script>MathJax = {tex: {inlineMath: [['\\\\(', '\\\\)']]}};</script>\n", encoding="utf-8")
    (srcdir / "posts" / "2026-02-02-dollars.md").write_text("---\ntitle: 式\n---\n\n式 $x$ です。\n", "utf-8")
    first = build(srcdir, tmp_path / "_build")
    assert not first.soup("posts/2026-02-02-dollars.html").select("article span.math")
    head.write_text("<script>MathJax = {tex: {inlineMath: [['$', '$']]}};</script>\n", encoding="utf-8")
    again = build(srcdir, tmp_path / "_build")
    assert [math.get_text() for math in again.soup("posts/2026-02-02-dollars.html").select("article span.math")] == [
        "\\(x\\)"
    ]


def test_a_title_the_body_repeats_as_its_heading_keeps_its_quotes(tmp_path: Path) -> None:
    """The page's title is the front matter's, as written, though the body's ``#`` heading shows it; the
    body's text gets kramdown's typography (a real blog's "Walker's" was curled in its title)."""
    srcdir = copy_root("kb", tmp_path)
    post = '---\ntitle: "Walker\'s Alias"\n---\n\n# Walker\'s Alias\n\n本文の "引用" です。\n'
    (srcdir / "posts" / "2026-02-01-walker.md").write_text(post, encoding="utf-8")
    page = build(srcdir, tmp_path / "_build").soup("posts/2026-02-01-walker.html")
    assert page.find("h1").get_text().rstrip("#") == "Walker's Alias"
    assert page.title.get_text().startswith("Walker's Alias")
    assert "本文の “引用” です。" in [p.get_text() for p in page.select("article p")]


def test_a_relative_picture_or_html_link_is_read_from_the_posts_old_page(site: Built) -> None:
    """``../assets/...`` on ``/2026/01/13/separator/`` was ``/assets/...`` on the old site, in Markdown and in
    HTML alike (a real blog's pictures were broken in both)."""
    page = "posts/2026-01-13-separator.html"
    article = site.soup(page).select_one("article")
    image = article.find("img", alt="相対のロゴ")
    logo = (site.srcdir / "jekyll" / "assets" / "img" / "logo.png").read_bytes()
    assert image is not None and (site.outdir / "posts" / image["src"]).resolve().read_bytes() == logo
    guide = next(a for a in article.select("a") if a.get_text() == "相対の案内")
    assert (
        target(site, page, guide["href"]).read_bytes()
        == (site.srcdir / "jekyll" / "assets" / "files" / "guide.txt").read_bytes()
    )


def test_a_github_alert_is_the_box_it_names(site: Built) -> None:
    """``> [!NOTE]`` alone on a quote's first line (a real blog had 372): a box with its title, as on GitHub."""
    article = site.soup("posts/2026-01-13-separator.html").select_one("article")
    boxes = [
        (box["class"], box.select_one(".admonition-title").get_text(), box.select_one("p:not(.admonition-title)"))
        for box in article.select("div.admonition")
    ]
    assert [(classes, title, str(body)) for classes, title, body in boxes] == [
        (["admonition", "note"], "注釈", "<p>GitHub の注意書きです。二行目です。</p>"),
        (["admonition", "warning"], "警告", "<p><strong>大事な</strong>警告です。</p>"),
    ]
    quotes = [quote.get_text(strip=True) for quote in article.select("blockquote")]
    assert quotes == ["[!TIP] 同じ行に続く文は引用のままです。"]


def test_a_posts_body_has_kramdowns_typography_in_japanese_too(site: Built) -> None:
    """kramdown curled quotes and drew dashes and ellipses in every post (a real blog: 34 posts with
    ``...``); Sphinx does it for other languages only.  Code is left as written."""
    article = site.soup("posts/2026-01-13-separator.html").select_one("article")
    paragraph = next(p for p in article.select("p") if p.get_text().startswith("調べてみると"))
    assert paragraph.get_text() == '調べてみると… “引用” と ‘single’ と Let’s と 2010–2020 と A — B と a -- "b"...'


def test_excerpts_end_at_the_separator(site: Built) -> None:
    excerpts = {
        a.get_text(): post.select_one(".ablog-post-excerpt").get_text()
        for post in site.soup("blog.html").select(".ablog-post")
        for a in post.select(".ablog-post-title a")
    }
    assert excerpts["最初の投稿"] == "最初の段落です。"  # <!--more--> by default
    assert excerpts["区切りを決めた投稿"] == "ここまでが抜粋です。"  # the post's excerpt_separator


@pytest.mark.parametrize(("old", "new"), OLD_URLS.items())
def test_every_old_url_redirects_to_the_post(site: Built, old: str, new: str) -> None:
    redirect = site.soup(old)
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert target(site, old, refresh.split("url=", 1)[1]) == site.outdir / new
    assert redirect.find("link", rel="canonical")["href"] == f"https://kb.example.org/{new}"  # absolute, as Sphinx's
    assert target(site, old, redirect.select_one("body a")["href"]) == site.outdir / new


def test_old_urls_are_drawn_without_the_themes_page_machinery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A redirect is a document of its own small template: the theme's handlers of every page
    (3 ms a page) do not run for it, and its page is the one the tests above read."""
    drawn: list[str] = []
    handle_page = StandaloneHTMLBuilder.handle_page

    def noted(builder: StandaloneHTMLBuilder, pagename: str, *args: Any, **kwargs: Any) -> None:
        drawn.append(pagename)
        handle_page(builder, pagename, *args, **kwargs)

    monkeypatch.setattr(StandaloneHTMLBuilder, "handle_page", noted)
    built = build(copy_root("jekyll", tmp_path), tmp_path / "_build")
    assert drawn and all((built.outdir / old).is_file() for old in OLD_URLS)
    assert not {old.removesuffix(".html") for old in OLD_URLS} & set(drawn)


def test_the_checker_agrees(site: Built) -> None:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = check([str(site.srcdir)])
    assert (status, output.getvalue().splitlines()) == (0, ["6 posts, 0 problems"])


def read_docs(built: Built) -> list[str]:
    return re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", built.status)


@pytest.mark.parametrize(
    ("edited", "reread"),
    [
        ("jekyll/_includes/note.html", ["posts/2026-01-10-liquid"]),
        ("jekyll/_data/release.yml", ["posts/ja/news/_posts/2026-01-12-nested"]),
    ],
)
def test_editing_an_include_or_data_file_rebuilds_the_posts_that_read_it(
    tmp_path: Path, edited: str, reread: list[str]
) -> None:
    srcdir = copy_root("jekyll", tmp_path)
    build(srcdir, tmp_path / "_build")
    path = srcdir / edited
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("3.4.1", "3.5.0")
        .replace("<strong>", "<em>")
        .replace("</strong>", "</em>"),
        encoding="utf-8",
    )
    rebuilt = build(srcdir, tmp_path / "_build")
    assert read_docs(rebuilt) == reread
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_without_the_old_sites_url_a_link_to_a_page_not_here_is_warned_about_once(tmp_path: Path) -> None:
    """In Markdown the link shows as its text; in HTML it is left as it is (there is no text to show)."""
    srcdir = copy_root("jekyll", tmp_path)
    config = srcdir / "jekyll" / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("url: https://old.example.jp\n", ""), "utf-8")
    (srcdir / "posts" / "2026-01-20-links.md").write_text(
        "---\ntitle: リンク\n---\n\n[概要](/about/)と[もう一度](/about/)、"
        '<a href="/books/">本</a>と<a href="/books/">本棚</a>。\n\n[動画](/misc/movie.mp4)\n',
        encoding="utf-8",
    )
    built = build(srcdir, tmp_path / "_build")
    warned = re.findall(r"WARNING: '(\S+)' is a (page|file) of the Jekyll site that is not here", built.warnings)
    assert sorted(warned) == [("/about/", "page"), ("/books/", "page"), ("/misc/movie.mp4", "file")]
    paragraph = next(p for p in article(built, "posts/2026-01-20-links.html").select("p") if "概要" in p.get_text())
    assert [a["href"] for a in paragraph.select("a")] == ["/books/", "/books/"]
    assert paragraph.get_text() == "概要ともう一度、本と本棚。"


def test_rules_kramdown_draws_anywhere_are_drawn_without_a_warning(tmp_path: Path) -> None:
    """After a heading, after another rule, in a quote, in a list: kramdown draws each quietly."""
    srcdir = copy_root("kb", tmp_path)
    body = "## 見出し\n\n***\n\n本文です。\n\n***\n\n---\n\n> 引用\n>\n> ***\n\n- 項目\n\n  ***\n\n最後の段落。\n"
    (srcdir / "posts" / "2025-08-01-rules.md").write_text(f"---\ntitle: 罫線\n---\n\n{body}", encoding="utf-8")
    built = build(srcdir, tmp_path / "_build")
    assert "transition" not in built.warnings
    assert len(built.soup("posts/2025-08-01-rules.html").select("article hr")) == 5


@pytest.mark.parametrize(("overrides", "coloured"), [({}, False), ({"highlight_language": "python"}, True)])
def test_a_code_block_naming_no_language_is_plain_text(
    tmp_path: Path, overrides: dict[str, object], coloured: bool
) -> None:
    """kramdown and Rouge show it as it is; Sphinx's default guessed Python (89 blocks of a real
    blog: a build log with its ``'s`` coloured as a string).  conf.py's choice still wins."""
    srcdir = copy_root("kb", tmp_path)
    code = "with open('x') as log:\n    print(log)"
    post = f"---\ntitle: ログ\n---\n\n```\n{code}\n```\n\n```python\n{code}\n```\n"
    (srcdir / "posts" / "2026-02-01-log.md").write_text(post, encoding="utf-8")
    page = build(srcdir, tmp_path / "_build", **overrides).soup("posts/2026-02-01-log.html")
    bare, python = page.select("article div.highlight pre")
    assert bare.get_text() == python.get_text() == code + "\n"
    assert bool(bare.select("span.k")) is coloured
    assert python.select("span.k")  # a block naming its language is coloured


def test_the_sites_parse_block_html_reads_markdown_inside_html(tmp_path: Path) -> None:
    srcdir = copy_root("jekyll", tmp_path)
    config = srcdir / "jekyll" / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "kramdown:\n  parse_block_html: true\n", encoding="utf-8")
    body = '<p class="filename">[a.sh](https://example.com/a.sh):</p>\n```sh\necho a\n```\n'
    (srcdir / "posts" / "2026-01-26-html.md").write_text(f"---\ntitle: HTML\n---\n\n{body}", encoding="utf-8")
    article = build(srcdir, tmp_path / "_build").soup("posts/2026-01-26-html.html").select_one("article")
    assert article.select_one("p.filename a")["href"] == "https://example.com/a.sh"
    assert article.select_one("div.highlight-sh pre").get_text() == "echo a\n"


def test_an_octopress_post_shows_its_headings_code_pictures_and_quotes_as_octopress_did(tmp_path: Path) -> None:
    """Octopress's ``markdown: rdiscount`` read ``##Octopressとは`` as a heading (a real blog wrote its 511
    headings so, all shown as text run into the next line: grandbig/octopress); its plugins gave the
    ``codeblock``, ``img`` and ``blockquote`` tags, each left as written with a warning, and a backtick
    block's caption (``` bash diff output of Makefiles), which was lost (jedipunkz/octopress_posts)."""
    srcdir = copy_root("jekyll", tmp_path)
    config = srcdir / "jekyll" / "_config.yml"
    octopress = "markdown: rdiscount\ncategory_dir: blog/categories\n"  # a key of Octopress's own _config.yml
    config.write_text(config.read_text(encoding="utf-8") + octopress, encoding="utf-8")
    body = (
        "はじめに。\n\n##Octopressとは\nブログの仕組みです。\n\n```\n#import <UIKit/UIKit.h>\n```\n\n"
        "``` bash diff output of Makefiles\n--- a\n```\n\n"
        "{% codeblock lang:ruby 設定 (config.rb) https://example.com/config.rb 元のファイル %}\n"
        "# 設定\nset :x, 1\n{% endcodeblock %}\n\n"
        '{% img left /assets/img/logo.png 120 "ロゴ" "チームのロゴ" %}\n\n'
        "{% blockquote 夏目漱石, 草枕 %}\n智に働けば角が立つ。\n{% endblockquote %}\n"
    )
    (srcdir / "posts" / "2026-01-26-octo.md").write_text(f"---\ntitle: 仕組み\n---\n\n{body}", encoding="utf-8")
    built = build(srcdir, tmp_path / "_build")
    assert built.warnings == ""
    page = "posts/2026-01-26-octo.html"
    post = article(built, page)
    assert [h2.get_text(strip=True).rstrip("#") for h2 in post.select("h2")] == ["Octopressとは"]
    assert "ブログの仕組みです。" in [p.get_text() for p in post.select("p")]
    plain, diff, ruby = post.select("div.highlight")
    assert plain.pre.get_text() == "#import <UIKit/UIKit.h>\n"
    diff_caption = diff.find_parent(class_="literal-block-wrapper").select_one(".caption-text")
    assert diff_caption.get_text() == "diff output of Makefiles"
    code = ruby.find_parent(class_="literal-block-wrapper")
    caption = code.select_one(".code-block-caption .caption-text")
    assert caption.get_text() == "設定 (config.rb) 元のファイル"
    assert caption.a["href"] == "https://example.com/config.rb"
    assert [number.get_text().strip() for number in ruby.select(".linenos")] == ["1", "2"]
    assert "highlight-ruby" in ruby.parent["class"]
    picture = post.select_one("img[alt='チームのロゴ']")
    assert "align-left" in picture["class"] and picture["style"] == "width: 120px;"
    assert target(built, page, picture["src"]).read_bytes().startswith(b"\x89PNG")
    quote = post.select_one("blockquote")
    assert [p.get_text() for p in quote.select("p")] == ["智に働けば角が立つ。", "— 夏目漱石 草枕"]


@pytest.fixture(scope="module")
def kramdown_options(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The ``jekyll`` root with kramdown's ``hard_wrap`` and the jemoji plugin on, and a post for each."""
    base = tmp_path_factory.mktemp("kramdown-options")
    srcdir = copy_root("jekyll", base)
    config = srcdir / "jekyll" / "_config.yml"
    options = 'kramdown:\n  hard_wrap: true\n  smart_quotes: ["apos", "apos", "quot", "quot"]\nplugins:\n  - jemoji\n'
    config.write_text(config.read_text(encoding="utf-8") + options, encoding="utf-8")
    wrapped = "追加できない。\n(追記) 無事追加できた。\n*first\nsecond* and `a\nb`\n\n```\nx\ny\n```\n\n次の段落。\n"
    emoji = "再開しました :tada: と :+1: と :no_such_emoji: と 10:30:45\n\n- `:smile:` は :smile:\n"
    emoji += "\n```\n:smile:\n```\n"
    for slug, body in (("wrap", wrapped), ("emoji", emoji)):
        post = srcdir / "posts" / f"2026-01-26-{slug}.md"
        post.write_text(f"---\ntitle: {slug}\n---\n\n{body}", encoding="utf-8")
    repeated = "Groonga 9.0.1リリース\n-----\n\n本文の段落です。\n\n## 次の節\n\n続き。\n"
    (srcdir / "posts" / "2026-01-29-repeated.md").write_text(
        f"---\ntitle: Groonga 9.0.1リリース\n---\n\n{repeated}", encoding="utf-8"
    )
    excerpt = srcdir / "posts" / "2026-01-28-excerpt.md"
    excerpt.write_text('---\ntitle: 抜粋\n---\n\n調べてみると... "引用"<!--more-->残り\n', encoding="utf-8")
    as_written = "int a[2][3] = {{1, 2, 3}, {4, 5, 6}}; と {% raw %} と {{ page.title }}\n"
    (srcdir / "posts" / "2026-01-27-as-written.md").write_text(
        f"---\ntitle: as written\nrender_with_liquid: false\n---\n\n{as_written}", "utf-8"
    )
    display = "前の文。\n\n$$\n\\frac{a}{b} =\n- c\n=\n\n+ d\n$$\n\n後の文。\n"
    (srcdir / "posts" / "2026-01-27-display.md").write_text(f"---\ntitle: display\n---\n\n{display}", "utf-8")
    for slug, math in (("math", "true"), ("prices", "false")):
        post = srcdir / "posts" / f"2026-01-27-{slug}.md"
        body = "方程式 $y' + ay = 0$ の解と、$5 と $10 の差。\n"
        post.write_text(f"---\ntitle: {slug}\nmath: {math}\n---\n\n{body}", encoding="utf-8")
    return build(srcdir, base / "_build")


def test_with_the_sites_hard_wrap_each_line_end_of_a_paragraph_is_a_line_break(kramdown_options: Built) -> None:
    """kramdown's ``hard_wrap: true``: Jekyll drew a ``<br />`` at each line end, Japanese lines were not
    joined (a real blog: 236 paragraphs shown as one line each).  Code and the paragraph's end are left."""
    article = kramdown_options.soup("posts/2026-01-26-wrap.html").select_one("article")
    first, last = [p for p in article.select("p") if p.find_parent("div", class_="highlight") is None][-2:]
    assert str(first).replace("\n", "") == (
        "<p>追加できない。<br/>(追記) 無事追加できた。<br/><em>first<br/>second</em> and "
        '<code class="docutils literal notranslate"><span class="pre">a</span> <span class="pre">b</span></code></p>'
    )
    assert str(last) == "<p>次の段落。</p>"
    assert article.select_one("div.highlight pre").get_text() == "x\ny\n"


def test_with_chirpys_math_true_dollars_are_math(kramdown_options: Built) -> None:
    """Chirpy's ``math: true`` had MathJax typeset ``$...$`` (a real blog: 3,602 formulas shown as TeX
    here); a post without it keeps its dollars."""
    with_math = kramdown_options.soup("posts/2026-01-27-math.html").select_one("article")
    assert [math.get_text() for math in with_math.select("span.math")] == ["\\(y' + ay = 0\\)", "\\(5 と\\)"]
    prices = kramdown_options.soup("posts/2026-01-27-prices.html").select_one("article")
    assert not prices.select("span.math")
    assert "方程式 $y' + ay = 0$ の解と、$5 と $10 の差。" in prices.get_text()  # text (quotes kept straight here)


def test_a_first_heading_of_any_level_repeating_the_title_is_not_shown_twice(kramdown_options: Built) -> None:
    """A real blog's layout printed no title, so 266 of its 286 posts open with ``## title`` (or ``title``
    over ``-----``): shown twice, and docutils' note about the two headings was their summary."""
    page = kramdown_options.soup("posts/2026-01-29-repeated.html")
    headings = [heading.get_text(strip=True).rstrip("#") for heading in page.select("article :is(h1, h2)")]
    assert headings == ["Groonga 9.0.1リリース", "次の節"]
    assert page.find("meta", attrs={"name": "description"})["content"] == "本文の段落です。"
    assert "本文の段落です。" in page.select_one("article").get_text()


def test_an_excerpt_has_the_typography_of_the_page(kramdown_options: Built) -> None:
    """The text before ``<!--more-->`` is shown in lists and ``<meta>`` as the page shows it; with the site's
    ``smart_quotes: ["apos", "apos", "quot", "quot"]`` (a real blog's) its quotes stay straight."""
    page = kramdown_options.soup("posts/2026-01-28-excerpt.html")
    assert page.find("meta", attrs={"name": "description"})["content"] == '調べてみると… "引用"'  # quotes kept straight
    assert '調べてみると… "引用"残り' in [p.get_text() for p in page.select("article p")]
    assert typography('C:\\Users と \\" と 1 < 2 > 0 --') == "C:\\Users と \\” と 1 < 2 > 0 –"


def test_a_math_block_is_one_equation_whatever_its_lines_hold(kramdown_options: Built) -> None:
    """kramdown's ``$$`` block up to the next ``$$``: its ``- c`` was a list (the minus sign gone), its ``=``
    a heading's underline and its blank line its end (a real blog: 24 posts)."""
    article = kramdown_options.soup("posts/2026-01-27-display.html").select_one("article")
    assert [math.get_text().strip() for math in article.select("div.math")] == ["\\[\\frac{a}{b} =\n- c\n=\n%\n+ d\\]"]
    assert not article.select("ul, h2") and [p.get_text() for p in article.select("p")][-2:] == ["前の文。", "後の文。"]


def test_a_post_with_render_with_liquid_false_shows_its_braces_as_written(kramdown_options: Built) -> None:
    """Jekyll 4's ``render_with_liquid: false``: no Liquid runs (a real blog's C code gave Liquid errors)."""
    article = kramdown_options.soup("posts/2026-01-27-as-written.html").select_one("article")
    shown = "int a[2][3] = {{1, 2, 3}, {4, 5, 6}}; と {% raw %} と {{ page.title }}"
    assert shown in [p.get_text() for p in article.select("p")]


def test_with_jemoji_an_emoji_name_is_the_emoji(kramdown_options: Built) -> None:
    """jemoji drew ``:tada:`` as its emoji (a real blog had them in 4 posts); other names, times and
    code are left as they are."""
    article = kramdown_options.soup("posts/2026-01-26-emoji.html").select_one("article")
    paragraph, item = article.select("p")[-2:]
    assert paragraph.get_text() == "再開しました 🎉 と 👍 と :no_such_emoji: と 10:30:45"
    assert item.get_text() == ":smile: は 😄"
    assert article.select_one("div.highlight pre").get_text() == ":smile:\n"
    assert kramdown_options.warnings == ""


def test_a_posts_cover_image_is_shown_under_its_header_and_shared(tmp_path: Path) -> None:
    """``image:`` (Chirpy's, jekyll-seo-tag's) was kept without a word: 258 of a real blog's 310
    posts had one, for 170 their only picture."""
    srcdir = copy_root("jekyll", tmp_path)
    post = srcdir / "posts" / "2026-01-20-cover.md"
    post.write_text(
        "---\ntitle: 表紙つき\nimage:\n  path: /blog/assets/img/logo.png\n  alt: 新しい<b>表紙</b>\n---\n\n本文。\n",
        encoding="utf-8",
    )
    built = build(srcdir, tmp_path / "_build", html_baseurl="https://kb.example.org/")
    page = built.soup("posts/2026-01-20-cover.html")
    header, cover = page.select("article .jekyll-post-header, article .jekyll-post-image")
    assert header.find_next_sibling() is cover
    image = cover.select_one("img")
    assert (image["alt"], image["src"]) == ("新しい<b>表紙</b>", "../_images/logo.png")
    assert cover.select_one(".jekyll-post-image-caption").get_text() == "新しい<b>表紙</b>"  # text, not markup
    og_image = page.find("meta", attrs={"property": "og:image"})
    assert og_image["content"] == "https://kb.example.org/_images/logo.png"
    assert "2026-01-20-cover" not in built.warnings


def test_a_posts_relative_images_are_under_its_media_subpath(tmp_path: Path) -> None:
    """Chirpy's ``media_subpath``: ``![](logo.png)``, ``image: logo.png`` and HTML's ``<img src="logo.png">``
    are its pictures' folder's (Chirpy rewrites every picture of the page's HTML)."""
    srcdir = copy_root("jekyll", tmp_path)
    post = srcdir / "posts" / "2026-01-21-subpath.md"
    post.write_text(
        "---\ntitle: 画像の置き場所\nmedia_subpath: /assets/img/\nimage: logo.png\n---\n\n![ロゴ](logo.png)\n\n"
        '<img src="logo.png" alt="HTML のロゴ" width="40">\n',
        encoding="utf-8",
    )
    built = build(srcdir, tmp_path / "_build")
    article = built.soup("posts/2026-01-21-subpath.html").select_one("article")
    assert [image["src"] for image in article.select("img")] == ["../_images/logo.png"] * 2 + ["../assets/img/logo.png"]
    assert (built.outdir / "assets" / "img" / "logo.png").is_file()
    assert "2026-01-21-subpath" not in built.warnings


@pytest.fixture(scope="module")
def styled(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Posts whose kramdown is shown with the site's CSS (Chirpy's prompts, tables without a header),
    and a post of a site made for AMP."""
    base = tmp_path_factory.mktemp("styled")
    srcdir = copy_root("jekyll", base)
    kinds = ["tip", "info", "warning", "danger"]
    body = "".join(f"> {kind} の囲み\n{{: .prompt-{kind} }}\n\n" for kind in kinds) + "> ふつうの引用\n"
    (srcdir / "posts" / "2026-01-22-prompts.md").write_text(f"---\ntitle: 囲み\n---\n\n{body}", encoding="utf-8")
    headerless = "| Build command | `jekyll build`\n| Publish directory | `_site/`\n"
    tables = f"設定です。\n\n{headerless}\n| Key | Value\n|-\n| a | b\n"
    (srcdir / "posts" / "2026-01-23-tables.md").write_text(f"---\ntitle: 表\n---\n\n{tables}", encoding="utf-8")
    amp = (
        '発表の様子です。\n<amp-twitter\n  width="375"\n  data-tweetid="1033586650725502976">\n</amp-twitter>\n\n'
        '<amp-img src="{{ site.baseurl }}/assets/img/logo.png" alt="ロゴ" width="40" height="40"></amp-img>\n\n'
        'スライドです。\n\n<amp-iframe src="https://slide.example.org/viewer.html"\n  width="640" height="524">\n'
        "</amp-iframe>\n\nスライドの後の段落です。\n"
    )
    (srcdir / "posts" / "2026-01-24-amp.md").write_text(f"---\ntitle: AMP\n---\n\n{amp}", encoding="utf-8")
    entities = '---\ntitle: "&lt;b&gt;太字&lt;/b&gt; の書き方"\n---\n\n題名は「{{ page.title }}」です。\n'
    (srcdir / "posts" / "2026-01-25-entities.md").write_text(entities, encoding="utf-8")
    video = '<div class="responsive-video-container">\n<iframe src="about:blank" allowfullscreen></iframe>\n</div>\n'
    (srcdir / "posts" / "2026-01-27-video.md").write_text(f"---\ntitle: 動画\n---\n\n{video}", encoding="utf-8")
    return build(srcdir, base / "_build")


def test_chirpys_prompts_are_coloured_boxes(styled: Built, page: Any) -> None:
    """``> 本文`` then ``{: .prompt-tip }``: kramdown gives the quote the class, Chirpy colours it."""
    with serve(styled.outdir) as url:
        page.goto(url + "posts/2026-01-22-prompts.html")
        colours = page.eval_on_selector_all(
            "article blockquote", "quotes => quotes.map(quote => getComputedStyle(quote).borderLeftColor)"
        )
    assert len(colours) == 5 and len(set(colours)) == 5  # each kind its own colour, none a plain quote's


def test_amp_elements_of_a_post_show_what_they_held(styled: Built) -> None:
    """A site made for AMP: without AMP's script, a tweet and a picture showed nothing."""
    article = styled.soup("posts/2026-01-24-amp.html").select_one("article")
    assert [a["href"] for a in article.select("a[href*=twitter]")] == [
        "https://twitter.com/i/web/status/1033586650725502976"
    ]
    image = article.select_one("img[alt=ロゴ]")
    assert image is not None and (styled.outdir / "posts" / image["src"]).resolve().is_file()
    # the iframe's start and end tags were apart in the Markdown: an unclosed iframe hid the rest of the page
    assert [iframe["src"] for iframe in article.select("iframe")] == ["https://slide.example.org/viewer.html"]
    assert article.select("iframe")[0].get_text() == ""
    assert "スライドの後の段落です。" in [paragraph.get_text() for paragraph in article.select("p")]


def test_a_title_written_with_character_references_shows_their_characters(styled: Built) -> None:
    """Where the title is shown, and ``{{ page.title }}`` as Jekyll gives it (as written): text, never markup."""
    page = styled.soup("posts/2026-01-25-entities.html")
    assert page.select_one("article h1").get_text().removesuffix("#") == "<b>太字</b> の書き方"  # and its anchor
    assert page.title is not None and page.title.get_text().startswith("<b>太字</b> の書き方")
    assert "題名は「<b>太字</b> の書き方」です。" in page.select_one("article").get_text()
    assert page.select("article b") == []


def test_minimal_mistakes_video_players_are_as_wide_as_the_text(styled: Built, page: Any) -> None:
    """``{% include video %}`` of Minimal Mistakes writes this container; without the theme's CSS a
    browser showed a 300×150 box."""
    with serve(styled.outdir) as url:
        page.goto(url + "posts/2026-01-27-video.html")
        paragraph_width = page.locator("article section").first.bounding_box()["width"]
        player = page.locator("article .responsive-video-container iframe").bounding_box()
    assert player["width"] > 300 and abs(player["width"] - paragraph_width) < 2
    assert abs(player["height"] - player["width"] * 0.5625) < 2


def test_kramdown_tables_without_a_header_show_none(styled: Built, page: Any) -> None:
    """kramdown's table without a separator line has no header; GFM's needs one: it is there, empty, and hidden.
    A short separator line (``|-``) still makes a header."""
    assert "2026-01-23-tables" not in styled.warnings
    with serve(styled.outdir) as url:
        page.goto(url + "posts/2026-01-23-tables.html")
        tables = page.locator("article table")
        assert tables.count() == 2
        assert tables.nth(0).locator("thead tr").is_hidden()
        assert tables.nth(0).locator("tbody tr").count() == 2
        assert tables.nth(1).locator("thead tr").inner_text().split() == ["Key", "Value"]
