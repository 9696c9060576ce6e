"""Jekyll's post URLs.  Every expected URL and file here is what jekyll 4.3.1 built
(``timezone: Asia/Tokyo``) for the same file, front matter and ``permalink:``."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from jekyll_posts.core import ReadOptions, SourceFile, parse_post
from jekyll_posts.core.jekyll import Links
from jekyll_posts.core.jekyll.body import NO_LINKS
from jekyll_posts.core.jekyll.permalinks import (
    PLACEHOLDERS,
    STYLES,
    JekyllPost,
    _placeholders,
    front_matter_categories,
    is_post_file,
    jekyll_date,
    jekyll_slugify,
    output_path,
    path_categories,
    post_url,
    post_url_name,
    redirect_from,
    split_post_file_name,
    unknown_placeholders,
    with_baseurl,
)
from jekyll_posts.core.jekyll.posts import JekyllContext, jekyll_post, site_posts
from jekyll_posts.core.jekyll.site import JekyllSite

TOKYO = ZoneInfo("Asia/Tokyo")
UTC = ZoneInfo("UTC")
JAPANESE = "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%82%BF%E3%82%A4%E3%83%88%E3%83%AB"
AI_NEWS = "ai%E6%9C%80%E6%96%B0%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9"


def _post(path: str, when: datetime, categories: tuple[str, ...] = (), **fields: str) -> JekyllPost:
    return JekyllPost(PurePosixPath(path), when, categories, **fields)


NAME = _post("_posts/2017-10-12-name.md", datetime(2017, 10, 12, tzinfo=TOKYO))
NEWS = _post("ja/news/_posts/2017-10-12-news.md", datetime(2017, 10, 12, tzinfo=TOKYO), ("Tech",), slug="Custom Slug!")
HELLO = _post(
    "_posts/2026-01-01-Hello World!.md",
    datetime(2026, 1, 1, tzinfo=TOKYO),
    front_matter_categories(["AI最新ニュース", "Machine Learning", "AI最新ニュース"]),
)
JAPANESE_TITLE = _post(
    "_posts/2026-01-01-日本語のタイトル.md", datetime(2025, 12, 31, 20, tzinfo=UTC), front_matter_categories("foo bar")
)
SYMBOLS = _post("_posts/sub/2020-02-29-in-sub.md", datetime(2020, 2, 29, tzinfo=TOKYO), ("C# & C++",))
SHORT_DATE = _post("_posts/2017-1-5-short-date.markdown", datetime(2017, 1, 5, 23, 30, tzinfo=UTC))


@pytest.mark.parametrize(
    ("post", "style", "url", "file"),
    [
        (NAME, "date", "/2017/10/12/name.html", "2017/10/12/name.html"),
        (NAME, "pretty", "/2017/10/12/name/", "2017/10/12/name/index.html"),
        (NAME, "ordinal", "/2017/285/name.html", "2017/285/name.html"),
        (NAME, "weekdate", "/2017/W41/Thu/name.html", "2017/W41/Thu/name.html"),
        (NAME, "none", "/name.html", "name.html"),
        (NEWS, "date", "/ja/news/tech/2017/10/12/Custom-Slug!.html", "ja/news/tech/2017/10/12/Custom-Slug!.html"),
        (
            HELLO,
            "date",
            f"/{AI_NEWS}/machine%20learning/2026/01/01/Hello-World!.html",
            "ai最新ニュース/machine learning/2026/01/01/Hello-World!.html",
        ),
        (JAPANESE_TITLE, "date", f"/foo/bar/2026/01/01/{JAPANESE}.html", "foo/bar/2026/01/01/日本語のタイトル.html"),
        (
            JAPANESE_TITLE,
            "pretty",
            f"/foo/bar/2026/01/01/{JAPANESE}/",
            "foo/bar/2026/01/01/日本語のタイトル/index.html",
        ),
        (SYMBOLS, "date", "/c%23%20&%20c++/2020/02/29/in-sub.html", "c# & c++/2020/02/29/in-sub.html"),
        (SHORT_DATE, "date", "/2017/01/06/short-date.html", "2017/01/06/short-date.html"),
        (SHORT_DATE, "weekdate", "/2017/W01/Fri/short-date.html", "2017/W01/Fri/short-date.html"),
        (NAME, "/:year/:title/", "/2017/name/", "2017/name/index.html"),
        (NAME, "/blog/:year/:month/:title", "/blog/2017/10/name", "blog/2017/10/name.html"),
        (NEWS, "/:month_:day-:title.html", "/10_12-Custom-Slug!.html", "10_12-Custom-Slug!.html"),
        (JAPANESE_TITLE, "/:year/:title/", f"/2026/{JAPANESE}/", "2026/日本語のタイトル/index.html"),
    ],
)
def test_urls_and_files_as_jekyll_built_them(post: JekyllPost, style: str, url: str, file: str) -> None:
    assert post_url(post, style, zone=TOKYO) == url
    assert output_path(url) == PurePosixPath(file)


def test_every_placeholder() -> None:
    template = (
        "/:categories/:slugified_categories/:year/:short_year/:month/:i_month/:short_month/:long_month/:day/:i_day"
        "/:y_day/:w_year/:week/:w_day/:short_day/:long_day/:hour/:minute/:second/:title/:slug/:name/:path"
        "/:collection:output_ext"
    )
    assert post_url(SHORT_DATE, template, zone=TOKYO) == (
        "/2017/17/01/1/Jan/January/06/6/006/2017/01/5/Fri/Friday/08/30/00/short-date/short-date"
        "/2017-1-5-short-date/2017-1-5-short-date/posts.html"
    )
    assert post_url(NEWS, template, zone=TOKYO) == (
        "/ja/news/tech/ja/news/tech/2017/17/10/10/Oct/October/12/12/285/2017/41/4/Thu/Thursday/00/00/00"
        "/Custom-Slug!/custom-slug/2017-10-12-news/ja/news/2017-10-12-news/posts.html"
    )
    assert post_url(HELLO, template, zone=TOKYO) == (
        f"/{AI_NEWS}/machine%20learning/{AI_NEWS}/machine-learning/2026/26/01/1/Jan/January/01/1/001/2026/01/4"
        "/Thu/Thursday/00/00/00/Hello-World!/hello-world/2026-01-01-hello-world/2026-01-01-Hello%20World!/posts.html"
    )
    assert set(_placeholders(NAME, "", None)) == PLACEHOLDERS


def test_iso_week_year_and_folder_named_like_posts() -> None:
    post = _post("_posts/2019-12-30-trail....md", datetime(2019, 12, 30, tzinfo=TOKYO))
    assert post_url(post, "/:year/:w_year/W:week/:title:output_ext") == "/2019/2020/W01/trail.html"
    weird = _post("my_posts_x/_posts/2019-07-08-weird.md", datetime(2019, 7, 8, tzinfo=TOKYO))
    assert post_url(weird, "date") == "/my/2019/07/08/weird.html"
    assert post_url(weird, "/:path/") == "/my_x/_posts/2019-07-08-weird/"


@pytest.mark.parametrize(
    ("permalink", "url", "file"),
    [
        ("/:year/:title/", "/2018/perma/", "2018/perma/index.html"),
        ("/fixed/path.html", "/fixed/path.html", "fixed/path.html"),
        ("/no-ext", "/no-ext", "no-ext.html"),
        ("relative/../x", "/relative/x", "relative/x.html"),
        ("/日本語/", "/日本語/", "日本語/index.html"),
    ],
)
def test_front_matter_permalink_wins(permalink: str, url: str, file: str) -> None:
    post = _post("ja/news/_posts/2018-03-04-perma.md", datetime(2018, 3, 4, tzinfo=TOKYO), permalink=permalink)
    assert post_url(post, "pretty") == url
    assert output_path(url) == PurePosixPath(file)


def test_the_date_is_taken_in_the_site_zone() -> None:
    late = _post("_posts/2025-12-31-x.md", datetime(2025, 12, 31, 20, tzinfo=UTC))
    assert post_url(late, "date", zone=TOKYO) == "/2026/01/01/x.html"
    assert post_url(late, "date", zone=UTC) == "/2025/12/31/x.html"


def test_unknown_placeholders_are_reported_and_kept() -> None:
    assert unknown_placeholders("/:year/:titel/:month_:day") == [":titel"]
    assert post_url(NAME, "/:year/:titel") == "/2017/:titel"
    assert set(STYLES) == {"date", "pretty", "ordinal", "weekdate", "none"}


@pytest.mark.parametrize(
    ("categories", "category", "expected"),
    [
        (["AI", "Machine Learning", "AI"], None, ("AI", "Machine Learning")),
        ("foo bar", None, ("foo", "bar")),
        (["A", "B"], "X", ("A", "B", "X")),
        ([2017, None, ["nested"]], None, ("2017", "nested")),
        (None, "機械学習", ("機械学習",)),
        (True, None, ("true",)),
        ({"a": 1}, None, ()),
    ],
)
def test_front_matter_categories(categories: object, category: object, expected: tuple[str, ...]) -> None:
    assert front_matter_categories(categories, category) == expected


def test_categories_from_folders() -> None:
    assert path_categories(PurePosixPath("ja/news/_posts/2017-10-12-x.md")) == ("ja", "news")
    assert path_categories(PurePosixPath("_posts/sub/2017-10-12-x.md")) == ()
    assert path_categories(PurePosixPath("site/ja/_posts/x.md"), collections_dir="site") == ("ja",)
    categories = post_url(_post("ja/_posts/2017-10-12-x.md", NAME.date, ("JA", "Tech")), "none")
    assert categories == "/ja/tech/x.html"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2017-10-12-name.md", (date(2017, 10, 12), "name", ".md")),
        ("2017-1-5-short.markdown", (date(2017, 1, 5), "short", ".markdown")),
        ("2026-01-01-日本語.md", (date(2026, 1, 1), "日本語", ".md")),
        ("17-01-05-two-digit-year.md", (date(2017, 1, 5), "two-digit-year", ".md")),
        ("99-01-05-last-century.md", (date(1999, 1, 5), "last-century", ".md")),
        ("2017-02-30-no-such-day.md", None),
        ("2017-10-12-no-extension", None),
        ("notes.md", None),
    ],
)
def test_post_file_names(name: str, expected: tuple[date, str, str] | None) -> None:
    assert split_post_file_name(name) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("_posts/2017-10-12-name.md", True),
        ("ja/news/_posts/2017-10-12-name.markdown", True),
        ("_posts/sub/2017-10-12-name.MD", True),
        ("_posts/2017-10-12-name.html", False),
        ("_posts/_2017-10-12-name.md", False),
        ("_posts/.hidden/2017-10-12-name.md", False),
        ("_posts/2017-10-12-name.md~", False),
        ("_posts/2017-10-12-week.md.", False),
        ("_posts/notes.md", False),
        ("posts/2017-10-12-name.md", False),
    ],
)
def test_is_post_file(path: str, expected: bool) -> None:
    assert is_post_file(PurePosixPath(path)) is expected


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("_posts/2017-10-12-name.md", "2017-10-12-name"),
        ("_posts/sub/2017-10-12-name.md", "sub/2017-10-12-name"),
        ("ja/news/_posts/2017-10-12-name.md", "ja/news/2017-10-12-name"),
    ],
)
def test_post_url_names(path: str, name: str) -> None:
    assert post_url_name(PurePosixPath(path)) == name


@pytest.mark.parametrize(
    ("text", "mode", "cased", "slug"),
    [
        ("Hello World!", "pretty", True, "Hello-World!"),
        ("Hello World!", "default", False, "hello-world"),
        ("C# & C++", "default", False, "c-c"),
        ("  spaced  out ", "default", False, "spaced-out"),
        ("日本語のタイトル？", "pretty", True, "日本語のタイトル"),
        ("ガイド", "default", False, "ガイド"),
        ("a- b", "raw", False, "a--b"),
        ("Café au lait", "ascii", False, "caf-au-lait"),
    ],
)
def test_jekyll_slugify(text: str, mode: str, cased: bool, slug: str) -> None:
    assert jekyll_slugify(text, mode, cased=cased) == slug


@pytest.mark.parametrize(
    ("baseurl", "url", "expected"),
    [
        (None, "/2017/x.html", "/2017/x.html"),
        ("/blog", "/2017/x.html", "/blog/2017/x.html"),
        ("blog/", "/2017/x.html", "/blog/2017/x.html"),
        ("/", "/2017/x.html", "/2017/x.html"),
        ("/blog", "https://example.com/x", "https://example.com/x"),
    ],
)
def test_baseurl(baseurl: str | None, url: str, expected: str) -> None:
    assert with_baseurl(url, baseurl) == expected


@pytest.mark.parametrize(
    ("value", "urls", "complaints"),
    [
        ("/old/", ["/old/"], 0),
        ("old.html", ["/old.html"], 0),
        (["/a/", None, "/日本語/"], ["/a/", "/日本語/"], 0),
        ([1, ""], [], 2),
        ("https://example.com/x", [], 1),
        (None, [], 0),
    ],
)
def test_redirect_from(value: object, urls: list[str], complaints: int) -> None:
    found, problems = redirect_from(value)
    assert found == urls
    assert len(problems) == complaints


def test_escaping_as_addressable_does() -> None:
    post = _post("_posts/2017-10-12-x.md", NAME.date, ("100% #a#b ?q [x]",))
    assert post_url(post, "none") == "/100%25%20%23a%23b%20?q%20%5Bx%5D/x.html"


def test_redirect_files() -> None:
    assert output_path("/old/") == PurePosixPath("old/index.html")
    assert output_path("/old.php") == PurePosixPath("old.php.html")
    assert output_path("/") == PurePosixPath("index.html")


def test_jekyll_dates_are_read_in_the_site_zone() -> None:
    path = PurePosixPath("ja/news/_posts/2005-07-01-20050701.md")
    assert jekyll_date(path, None, UTC) == datetime(2005, 7, 1, tzinfo=UTC)  # the file name's day
    assert jekyll_date(path, "2005-07-02", UTC) == datetime(2005, 7, 2, tzinfo=UTC)
    assert jekyll_date(path, "2005-07-02 21:00:00 +0900", UTC) == datetime(2005, 7, 2, 12, tzinfo=UTC)
    assert jekyll_date(path, "not a date", UTC) == datetime(2005, 7, 1, tzinfo=UTC)
    assert jekyll_date(PurePosixPath("_posts/notes.md"), None, UTC) is None


def test_the_old_url_of_a_post_dated_by_its_file_name_has_that_day_whatever_zone_shows_it(tmp_path: Path) -> None:
    """ruby-lang.org (``timezone: UTC``) in a knowledge base showing dates in Asia/Tokyo: the day
    of ``2005-07-01-x.md`` is the 1st in both, though midnight in Tokyo is the 30th in UTC."""
    source = SourceFile(tmp_path / "2005-07-01-20050701.md", in_posts_folder=True)
    parsed = parse_post("---\ntitle: t\n---\n\nbody\n", source, ReadOptions(zone=TOKYO))
    site = JekyllSite(config={"timezone": "UTC", "permalink": "pretty"}, root=tmp_path)
    no_links = Links(post_url=lambda name: None, link=lambda path: None)
    context = JekyllContext(PurePosixPath("ja/news/_posts/2005-07-01-20050701.md"), site, no_links, TOKYO)
    assert parsed.record is not None and parsed.record.date == datetime(2005, 7, 1, tzinfo=TOKYO)
    assert jekyll_post(parsed, context).old_urls == ("/ja/news/2005/07/01/20050701/",)


@pytest.mark.parametrize(
    ("config", "urls"),
    [
        # no timezone: Jekyll read the date in the building machine's zone, here's or GitHub Pages' UTC
        ({}, ("/tech/2024/06/13/early.html", "/tech/2024/06/12/early.html")),
        ({"timezone": "Asia/Tokyo"}, ("/tech/2024/06/13/early.html",)),
    ],
)
def test_an_early_morning_posts_old_url_is_its_day_in_each_zone_the_site_may_have_been_built_in(
    tmp_path: Path, config: dict[str, str], urls: tuple[str, ...]
) -> None:
    """A real blog built by GitHub Pages, dated ``00:00:00 +0900``: its URL had the day before."""
    source = SourceFile(tmp_path / "2024-06-13-early.md", in_posts_folder=True)
    front_matter = "---\ntitle: 朝の投稿\ndate: 2024-06-13 00:00:00 +0900\ncategories: tech\n---\n\n本文です。\n"
    parsed = parse_post(front_matter, source, ReadOptions(zone=TOKYO))
    no_links = Links(post_url=lambda name: None, link=lambda path: None)
    site = JekyllSite(config=config, root=tmp_path)
    context = JekyllContext(PurePosixPath("_posts/2024-06-13-early.md"), site, no_links, TOKYO)
    assert jekyll_post(parsed, context).old_urls == urls


@pytest.mark.parametrize(
    ("config", "url"),
    [
        ({"permalink": "/:categories/:title/"}, "/tech/early/"),
        # the posts collection's permalink wins (a real Minimal Mistakes blog: all 52 posts)
        (
            {
                "permalink": "/:categories/:title/",
                "collections": {"posts": {"permalink": "/post/:year/:month/:day/:title/"}},
            },
            "/post/2024/06/13/early/",
        ),
        ({"collections": {"posts": {"output": True}}}, "/tech/2024/06/13/early.html"),
    ],
)
def test_the_posts_collections_permalink_wins_over_the_sites(tmp_path: Path, config: dict[str, Any], url: str) -> None:
    source = SourceFile(tmp_path / "2024-06-13-early.md", in_posts_folder=True)
    text = "---\ntitle: 朝\ndate: 2024-06-13 12:00:00 +0900\ncategories: tech\n---\n\n本文。\n"
    parsed = parse_post(text, source, ReadOptions(zone=TOKYO))
    no_links = Links(post_url=lambda name: None, link=lambda path: None)
    site = JekyllSite(config={"timezone": "Asia/Tokyo", **config}, root=tmp_path)
    context = JekyllContext(PurePosixPath("_posts/2024-06-13-early.md"), site, no_links, TOKYO)
    assert jekyll_post(parsed, context).old_urls == (url,)


def test_site_posts_lists_the_published_posts_newest_first_as_jekyll_build_does(tmp_path: Path) -> None:
    site = JekyllSite(config={"timezone": "Asia/Tokyo"}, root=tmp_path)
    posts = []
    for path, front_matter, is_draft in [
        ("_posts/2024-06-13-b.md", "title: 同じ日の二つ目\ncategories: tech", False),
        ("_posts/2023-01-01-old.md", "title: 古い\ntags: [AI]", False),
        ("_posts/2024-06-13-a.md", "title: 同じ日の一つ目", False),
        ("_posts/2025-01-01-hidden.md", "title: 非公開\npublished: false", False),
        ("_drafts/writing.md", "title: 下書き", True),
    ]:
        source = SourceFile(tmp_path / path, in_posts_folder=True, is_draft=is_draft)
        parsed = parse_post(f"---\n{front_matter}\n---\n\n本文\n", source, ReadOptions(zone=TOKYO))
        assert parsed.record is not None
        posts.append((parsed.record, JekyllContext(PurePosixPath(path), site, NO_LINKS, TOKYO)))
    listed = site_posts(posts)
    assert [(post["title"], post["url"]) for post in listed] == [
        ("同じ日の二つ目", "/tech/2024/06/13/b.html"),
        ("同じ日の一つ目", "/2024/06/13/a.html"),
        ("古い", "/2023/01/01/old.html"),
    ]
    assert listed[2]["tags"] == ["AI"] and listed[2]["date"] == datetime(2023, 1, 1, tzinfo=TOKYO)
