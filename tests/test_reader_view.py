"""What a reader sees in a built site: post pages, lists, taxonomy pages, sidebar, feeds."""

from __future__ import annotations

import posixpath
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build, copy_root
from docutils import nodes

ATOM = "{http://www.w3.org/2005/Atom}"
SEED_POST = "posts/2026-01-01-llama-4.html"
SEED_TITLE = "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"


def target(built: Built, page: str, href: str) -> Path:
    """The file a link on ``page`` leads to (the site is served at ``/``: the 404 page's links are absolute)."""
    path = unquote(urlsplit(href).path)
    if path.startswith("/"):
        return built.outdir / path.lstrip("/")
    return built.outdir / posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def linked_page(built: Built, page: str, href: str) -> BeautifulSoup:
    path = target(built, page, href)
    assert path.is_file(), f"{page} links to missing {href}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def listed_titles(soup: BeautifulSoup) -> list[str]:
    """The posts, then the wiki pages, a list page shows."""
    return [a.get_text(strip=True) for a in soup.select(".ablog-post-title a, .jekyll-pages a")]


def test_the_site_builds_without_warnings(kb: Built) -> None:
    assert kb.warnings == ""


def test_post_page_shows_title_once_and_its_metadata(kb: Built) -> None:
    soup = kb.soup(SEED_POST)
    article = soup.select_one("article")
    assert [h1.get_text(strip=True).rstrip("#") for h1 in article.find_all("h1")] == [SEED_TITLE]
    assert soup.title.get_text().startswith(SEED_TITLE)
    body_paragraphs = [p.get_text(strip=True) for p in article.select("section > p")]
    assert SEED_TITLE not in body_paragraphs
    assert body_paragraphs[0].startswith("いやはや、Metaからのニュースには")
    info = article.select_one(".jekyll-post-info").get_text(" ", strip=True)
    assert "2026年1月1日" in info
    assert "読了時間 約8分" in info
    assert soup.find("meta", attrs={"name": "description"})["content"] == SEED_TITLE


@pytest.mark.parametrize(
    ("selector", "expected", "listing"),
    [
        (".jekyll-post-author a", ["ALLFORCES編集部"], ".ablog-post-title a"),
        (".jekyll-post-category a", ["AI最新ニュース"], ".ablog-post-title a"),
        ("p.tags a", ["OpenAI", "Meta", "LLM", "マルチモーダル", "推論最適化", "AI人材"], ".ablog-post-title a"),
    ],
)
def test_post_links_lead_to_pages_listing_the_post(kb: Built, selector: str, expected: list[str], listing: str) -> None:
    links = kb.soup(SEED_POST).select(selector)
    assert [a.get_text(strip=True) for a in links] == expected
    for link in links:
        page = linked_page(kb, SEED_POST, link["href"])
        assert SEED_TITLE in [a.get_text(strip=True) for a in page.select(listing)]


def test_previous_and_next_posts_in_time(kb: Built) -> None:
    soup = kb.soup("posts/2025-06-01-upper-ai.html")
    assert soup.select_one(".prev-next-area a.left-prev")["href"] == "2025-05-01-lower-ai.html"
    assert soup.select_one(".prev-next-area a.right-next")["href"] == "2025-07-01-kite.html"
    assert soup.select(".ablog__prev-next") == []


def test_home_page_lists_newest_posts_with_excerpts(kb: Built) -> None:
    soup = kb.soup("index.html")
    items = soup.select("ul.postlist > li")
    titles = [item.select_one(".ablog-post-title a").get_text(strip=True) for item in items]
    assert titles == [SEED_TITLE, "カイトを揚げる", "Upper-case AI", "lower-case ai"]
    excerpts = [item.select_one(".ablog-post-excerpt").get_text(strip=True) for item in items]
    assert excerpts[2] == "The front matter excerpt of the upper-case post."
    assert excerpts[1] == "カイトを揚げるには、風の強い日を選びます。"


def test_one_page_per_tag_for_look_alike_tags(kb: Built) -> None:
    tag_dir = kb.outdir / "blog" / "tag"
    pages = {path.stem for path in tag_dir.glob("*.html")}
    assert {"ガイド", "カイト", "c", "c-plus-plus", "c-sharp", "ai"} <= pages
    assert listed_titles(kb.soup("blog/tag/カイト.html")) == ["カイトを揚げる"]
    assert listed_titles(kb.soup("blog/tag/c.html")) == ["Upper-case AI"]
    assert listed_titles(kb.soup("blog/tag/c-sharp.html")) == ["lower-case ai"]


def test_case_variants_share_one_tag_page_newest_first(kb: Built) -> None:
    assert not (kb.outdir / "blog" / "tag" / "AI.html").exists()
    soup = kb.soup("blog/tag/ai.html")
    assert soup.select_one("article h1").get_text(strip=True) == "タグ: AI"
    assert listed_titles(soup) == ["Upper-case AI", "lower-case ai"]


def test_tag_page_lists_posts_then_wiki_pages(kb: Built) -> None:
    soup = kb.soup("blog/tag/ガイド.html")
    assert [a.get_text(strip=True) for a in soup.select(".ablog-post-title a")] == ["lower-case ai"]
    assert [a.get_text(strip=True) for a in soup.select(".jekyll-pages a")] == ["Notes", "ガイドのページ"]


def test_tags_only_from_directive_code_or_drafts(kb: Built) -> None:
    tag_dir = kb.outdir / "blog" / "tag"
    assert listed_titles(kb.soup("blog/tag/notes-tag.html")) == ["Notes"]
    assert not (tag_dir / "example-only-tag.html").exists()
    assert not (tag_dir / "draft-only-tag.html").exists()
    assert "Secret plans" not in listed_titles(kb.soup("blog/tag/ai.html"))


def test_no_json_escapes_reach_the_reader(kb: Built) -> None:
    for path in kb.html_pages():
        text = path.read_text(encoding="utf-8")
        assert "\\u30" not in text and '["' not in BeautifulSoup(text, "html.parser").get_text(), path


def test_all_tags_page_counts_and_links(kb: Built) -> None:
    soup = kb.soup("blog/tag.html")
    entries = {a.get_text(strip=True): a for a in soup.select(".jekyll-tag-list a")}
    assert entries["ガイド"].find_next_sibling("span").get_text() == "(3)"
    assert entries["AI"].find_next_sibling("span").get_text() == "(2)"
    assert target(kb, "blog/tag.html", entries["ガイド"]["href"]) == kb.outdir / "blog/tag/ガイド.html"


def test_badges_sidebar_and_all_tags_page_point_to_the_same_page(kb: Built) -> None:
    badge = kb.soup("posts/2025-05-01-lower-ai.html").select_one("p.tags a")
    cloud = next(a for a in kb.blog_sidebar().select(".jekyll-tag-cloud li a") if a.get_text() == "AI")
    overview = next(a for a in kb.soup("blog/tag.html").select(".jekyll-tag-list a") if a.get_text() == "AI")
    pages = {
        target(kb, "posts/2025-05-01-lower-ai.html", badge["href"]),
        target(kb, "index.html", cloud["href"]),
        target(kb, "blog/tag.html", overview["href"]),
    }
    assert pages == {kb.outdir / "blog/tag/ai.html"}


def test_category_spellings_share_one_page(kb: Built) -> None:
    soup = kb.soup("blog/category/engineering.html")
    assert [a.get_text(strip=True) for a in soup.select(".ablog-post-title a")] == ["Upper-case AI", "lower-case ai"]
    assert not any(p.name.startswith("Engineering") for p in (kb.outdir / "blog" / "category").iterdir())


def test_year_and_month_archives(kb: Built) -> None:
    year = kb.soup("blog/2025.html")
    assert listed_titles(year) == ["カイトを揚げる", "Upper-case AI", "lower-case ai"]
    assert year.select_one("article h1").get_text(strip=True) == "2025年"
    july = kb.soup("blog/2025/07.html")
    assert july.select_one("article h1").get_text(strip=True) == "2025年7月"
    assert listed_titles(july) == ["カイトを揚げる"]


def test_the_archive_counts_posts_by_year_and_month(kb: Built) -> None:
    archive = kb.soup("blog/archive.html")
    years = [h2.get_text(" ", strip=True) for h2 in archive.select(".jekyll-archive h2")]
    assert years == ["2026年 (1)", "2025年 (3)"]
    months = [li.get_text(" ", strip=True) for li in archive.select(".jekyll-archive-months li")]
    assert months == ["2026年1月 (1)", "2025年7月 (1)", "2025年6月 (1)", "2025年5月 (1)"]
    for link in archive.select(".jekyll-archive a"):
        assert target(kb, "blog/archive.html", link["href"]).is_file(), link


def test_category_and_author_overviews_count_and_link(kb: Built) -> None:
    overview = kb.soup("blog/category.html")
    headings = {h2.get_text(" ", strip=True) for h2 in overview.select(".jekyll-overview h2")}
    assert "Engineering (2)" in headings
    for link in overview.select(".jekyll-overview a"):
        assert target(kb, "blog/category.html", link["href"]).is_file(), link
    assert kb.soup("blog/author.html").select(".jekyll-overview h2")


def test_sidebar_blocks_are_rendered_once_for_all_pages(kb: Built) -> None:
    blocks = kb.blog_sidebar()
    for block in (".ablog__recentposts", ".ablog__categories", ".jekyll-tag-cloud", ".ablog__archives"):
        assert len(blocks.select(block)) == 1, block
    for link in blocks.select("a"):
        assert target(kb, "index.html", link["href"]).is_file(), link
    soup = kb.soup(SEED_POST)
    assert soup.select(".ablog-sidebar-item") == []  # not in the page: inserted by its script
    assert len(soup.select(".bd-sidebar-primary .jekyll-blog-sidebar script")) == 2
    fallback = BeautifulSoup(soup.select_one(".jekyll-blog-sidebar noscript").decode_contents(), "html.parser")
    links = [target(kb, SEED_POST, a["href"]) for a in fallback.select("a")]
    assert links == [kb.outdir / "blog.html", kb.outdir / "blog/archive.html", kb.outdir / "blog/tag.html"]
    assert len(soup.select("nav.bd-docs-nav")) == 1


def test_every_internal_link_resolves(kb: Built) -> None:
    for path in kb.html_pages():
        page = path.relative_to(kb.outdir).as_posix()
        for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True):
            href = link["href"]
            if urlsplit(href).scheme or href.startswith("#") or not urlsplit(href).path:
                continue
            assert target(kb, page, href).exists(), f"{page}: {href}"


def test_wiki_page_keeps_tags_cross_references_and_metadata(kb: Built) -> None:
    soup = kb.soup("wiki/guide.html")
    assert [a.get_text(strip=True) for a in soup.select("p.tags a")] == ["ガイド", "wiki-only"]
    link = soup.select_one("article a.reference.internal[href*='kite']")
    assert link.get_text(strip=True) == "the kite post"
    assert kb.app.env.metadata["wiki/guide"]["owner"] == "platform-team"
    assert kb.app.env.metadata["posts/2026-01-01-llama-4"]["tags"] == [
        "OpenAI",
        "Meta",
        "LLM",
        "マルチモーダル",
        "推論最適化",
        "AI人材",
    ]


def test_drafts_are_not_listed_but_are_built(kb: Built) -> None:
    draft = kb.soup("posts/2025-08-01-draft.html")
    assert draft.select_one(".jekyll-post-draft").get_text() == "下書き"
    assert "Secret plans" not in kb.soup("index.html").get_text()
    assert "Secret plans" in kb.soup("blog/drafts.html").get_text()


def feed_entries(path: Path) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {entry.findtext(f"{ATOM}title"): entry for entry in root.iter(f"{ATOM}entry")}


def test_site_feed_has_the_post_with_its_excerpt(kb: Built) -> None:
    entry = feed_entries(kb.outdir / "blog" / "atom.xml")[SEED_TITLE]
    assert entry.findtext(f"{ATOM}summary") == SEED_TITLE
    assert entry.find(f"{ATOM}link").get("href") == "https://kb.example.org/posts/2026-01-01-llama-4.html"


@pytest.mark.parametrize("feed", ["blog/tag/マルチモーダル/atom.xml", "blog/category/ai最新ニュース/atom.xml"])
def test_tag_and_category_feeds(kb: Built, feed: str) -> None:
    entries = feed_entries(kb.outdir / feed)
    assert list(entries) == [SEED_TITLE]
    link = entries[SEED_TITLE].find(f"{ATOM}link").get("href")
    assert link == "https://kb.example.org/posts/2026-01-01-llama-4.html"


def test_japanese_line_breaks_do_not_become_spaces(kb: Built) -> None:
    text = kb.soup("posts/2025-07-01-kite.html").select_one("article").get_text()
    assert "選びます。" in text
    assert "カイトを揚げるには、風の強い日を選びます。" in text


def test_each_line_break_between_japanese_characters_is_dropped_on_its_own(tmp_path: Path) -> None:
    """A real blog: a break after code stays (a space between code and text), and the breaks
    after it in the paragraph were kept too (1,312 in 363 of its 588 posts)."""
    srcdir = copy_root("kb", tmp_path)
    (srcdir / "posts" / "2025-08-01-lines.md").write_text(
        "---\ntitle: 改行\ndate: 2025-08-01\n---\n\n`sort -V`\nにバージョンソートという機能があるのですが、\n"
        "それが IPv4 アドレスのソートにも使えるということが\nわかりました。\n\n"
        '入門なら本よりも\n<a href="https://example.com/">こちらのサイト</a>\nがおすすめです。\n',
        encoding="utf-8",
    )
    built = build(srcdir, tmp_path / "_build")
    article = built.soup("posts/2025-08-01-lines.html").select_one("article")
    paragraph = next(paragraph for paragraph in article.select("p") if "sort -V" in paragraph.get_text())
    lines = [
        "sort -V\n",
        "にバージョンソートという機能があるのですが、",
        "それが IPv4 アドレスのソートにも使えるということが",
        "わかりました。",
    ]
    assert paragraph.get_text() == "".join(lines)
    by_html = next(paragraph for paragraph in article.select("p") if "入門" in paragraph.get_text())
    assert by_html.get_text() == "入門なら本よりもこちらのサイトがおすすめです。"  # through the link's tags


def test_emphasis_next_to_japanese_punctuation_is_bold_as_in_kramdown(kb: Built) -> None:
    article = kb.soup("posts/2025-07-01-kite.html").select_one("article")
    assert [strong.get_text() for strong in article.select("strong")] == ["「風の強い日」", "丈夫なもの（たこ糸など）"]
    assert "**" not in article.get_text()


@pytest.fixture(scope="module")
def raw_html_posts(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The ``kb`` root with a post holding inline raw HTML and a comment, and one holding a script."""
    base = tmp_path_factory.mktemp("raw-html")
    srcdir = copy_root("kb", base)
    red = 'これは<span style="color:red">赤い</span>文字です。<!-- メモ -->\n\n二段落目。'
    ad = "本文です。<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>続きです。"
    posts = {"2025-08-01-red.md": ("赤い文字", red), "2025-08-02-ad.md": ("広告", ad)}
    for name, (title, body) in posts.items():
        front_matter = f"---\ntitle: {title}\ndate: {name[:10]}\ntags: [カイト]\n---\n\n"
        (srcdir / "posts" / name).write_text(f"{front_matter}{body}\n", encoding="utf-8")
    return build(srcdir, base / "_build")


def test_an_excerpt_shows_the_text_of_raw_html_not_its_markup(raw_html_posts: Built) -> None:
    """In lists, feeds and ``og:description``: an escaped ``<span …>`` read as text before."""
    built = raw_html_posts
    description = built.soup("posts/2025-08-01-red.html").select_one('meta[property="og:description"]')
    assert description is not None and description["content"] == "これは赤い文字です。"
    tag_page = built.soup("blog/tag/カイト.html").get_text()
    assert "これは赤い文字です。" in tag_page and "span" not in tag_page and "メモ" not in tag_page


def test_a_script_in_a_paragraph_is_no_text_of_the_page(raw_html_posts: Built) -> None:
    """Markdown splits ``<script>…</script>`` in a paragraph into its tags and the text between: that
    text was the page's summary and was found by search, like an ad snippet's script in a real blog."""
    built = raw_html_posts
    description = built.soup("posts/2025-08-02-ad.html").select_one('meta[property="og:description"]')
    assert description is not None and description["content"] == "本文です。続きです。"
    searched = [path.read_text(encoding="utf-8") for path in (built.outdir / "_search").glob("*.js")]
    assert any("続きです" in text for text in searched)
    assert not any("adsbygoogle" in text for text in searched)
    assert "adsbygoogle" not in built.soup("blog/tag/カイト.html").get_text()


@pytest.mark.parametrize(
    ("front_matter", "body", "summary"),
    [
        pytest.param("description: 説明文です。", "本文の段落。", "説明文です。", id="description"),
        pytest.param("summary: 要約です。", "本文の段落。", "要約です。", id="summary"),
        pytest.param("excerpt: 抜粋。\ndescription: 説明文。", "本文。", "抜粋。", id="excerpt-first"),
        # a real blog: 85 of 310 posts open with a picture, and had no summary at all
        pytest.param("", "![漫画](/x.png)\n\n本文の最初の段落。", "本文の最初の段落。", id="after-an-image"),
    ],
)
def test_a_posts_summary_is_its_excerpt_description_or_first_text(
    tmp_path: Path, front_matter: str, body: str, summary: str
) -> None:
    srcdir = copy_root("kb", tmp_path)
    post = f"---\ntitle: 要約\ndate: 2025-08-01\ntags: [カイト]\n{front_matter}\n---\n\n{body}\n"
    (srcdir / "posts" / "2025-08-01-summary.md").write_text(post, encoding="utf-8")
    built = build(srcdir, tmp_path / "_build")
    page = built.soup("posts/2025-08-01-summary.html")
    assert page.select_one('meta[name="description"]')["content"] == summary
    listed = built.soup("blog/tag/カイト.html").select(".ablog-post-excerpt")
    assert summary in [excerpt.get_text(" ", strip=True) for excerpt in listed]


def test_a_pinned_post_comes_first_among_all_posts_and_only_there(tmp_path: Path) -> None:
    """Chirpy's ``pin: true``: first on the list of all posts, marked; dated as before everywhere else."""
    srcdir = copy_root("kb", tmp_path)
    post = srcdir / "posts" / "2025-06-01-upper-ai.md"
    post.write_text(post.read_text(encoding="utf-8").replace("layout: post", "layout: post\npin: true"), "utf-8")
    built = build(srcdir, tmp_path / "_build")
    assert built.warnings == ""
    all_posts = built.soup("blog.html")
    assert listed_titles(all_posts) == ["Upper-case AI", SEED_TITLE, "カイトを揚げる", "lower-case ai"]
    assert [marker.get_text() for marker in all_posts.select(".jekyll-pinned")] == ["固定"]
    assert listed_titles(built.soup("blog/2025.html")) == ["カイトを揚げる", "Upper-case AI", "lower-case ai"]
    assert built.soup("blog/2025.html").select(".jekyll-pinned") == []
    assert list(feed_entries(built.outdir / "blog" / "atom.xml")) == [
        SEED_TITLE,
        "カイトを揚げる",
        "Upper-case AI",
        "lower-case ai",
    ]


def test_ablog_keeps_no_copy_of_post_doctrees_without_full_text_feeds(kb: Built) -> None:
    posts = [info for infos in kb.app.env.ablog_posts.values() for info in infos]
    assert len(posts) == 5
    assert all(info["doctree"] is None for info in posts)


@pytest.mark.parametrize("fulltext", [False, True])
def test_ablog_copies_post_documents_only_for_full_text_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fulltext: bool
) -> None:
    """Its copy of each whole post costs 1.2 ms a post; without full-text feeds it is not made."""
    copied_by: list[str] = []
    copy = nodes.document.deepcopy

    def noted_copy(document: nodes.document) -> nodes.document:
        copied_by.append(sys._getframe(1).f_code.co_name)
        return copy(document)

    monkeypatch.setattr(nodes.document, "deepcopy", noted_copy)
    built = build(copy_root("kb", tmp_path), tmp_path / "_build", blog_feed_fulltext=fulltext)
    posts = [info for infos in built.app.env.ablog_posts.values() for info in infos]
    assert copied_by.count("process_posts") == (len(posts) if fulltext else 0)
    assert all((info["doctree"] is not None) is fulltext for info in posts)
    assert len(built.soup("index.html").select("ul.postlist .ablog-post-excerpt")) == 4  # as in the kb site
