"""Which files of a Jekyll site are posts and drafts, and where each goes.  The fixture site's
decisions were checked against jekyll 4.3.1 (``jekyll build --drafts``): it built the seven Markdown
posts, the HTML post and the draft, and neither ``notes.txt`` nor ``beside.png`` as posts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import pytest

from jekyll_posts.core.jekyll.permalinks import is_post_file
from jekyll_posts.core.jekyll.sitefiles import (
    EXCLUDED,
    HTML_POST,
    IGNORED,
    NO_DATE,
    NO_EXTENSION,
    NOT_MARKDOWN,
    SiteReading,
    magic_folder,
    post_destination,
    post_page,
)

TOKYO = ZoneInfo("Asia/Tokyo")
POSTS = PurePosixPath("_posts")
DRAFTS = PurePosixPath("_drafts")


@pytest.mark.parametrize(
    ("folder", "entry", "reason"),
    [
        (POSTS, "2026-01-05-first-post.md", None),
        (POSTS, "2026-01-12-x.markdown", None),
        (POSTS, "2026-01-13-x.mkd", None),
        (POSTS, "2026-01-13-x.MKDN", None),
        (POSTS, "2019-1-7-one-digit.md", None),
        (POSTS, "sub/deeper/2026-01-05-x.md", None),
        (PurePosixPath("ja/news/_posts"), "2026-01-05-x.md", None),
        (POSTS, "notes.txt", NO_DATE),
        (POSTS, "cover.png", NO_DATE),
        (POSTS, "README.md", NO_DATE),
        (POSTS, "2026-01-16-html-post.html", HTML_POST),
        (POSTS, "2026-01-16-x.htm", HTML_POST),
        (POSTS, "2026-01-16-data.yml", NOT_MARKDOWN),
        (POSTS, "2026-01-16-x.textile", NOT_MARKDOWN),
        (POSTS, ".DS_Store", IGNORED),
        (POSTS, "_2026-01-05-x.md", IGNORED),
        (POSTS, "#2026-01-05-x.md#", IGNORED),
        (POSTS, "2026-01-05-x.md~", IGNORED),
        (POSTS, "_old/2026-01-05-x.md", IGNORED),
        (POSTS, "sub/.2026-01-05-x.md", IGNORED),
        (DRAFTS, "writing.md", None),
        (DRAFTS, "2026-01-05-dated.md", None),
        (DRAFTS, "sub/writing.markdown", None),
        (DRAFTS, "notes", NO_EXTENSION),
        (DRAFTS, "page.html", HTML_POST),
        (DRAFTS, "image.png", NOT_MARKDOWN),
        (DRAFTS, ".hidden.md", IGNORED),
    ],
)
def test_skip_reason_tells_posts_and_drafts(folder: PurePosixPath, entry: str, reason: str | None) -> None:
    assert SiteReading().skip_reason(folder, PurePosixPath(entry)) == reason


@pytest.mark.parametrize(
    "path",
    [
        "_posts/2026-01-05-a.md",
        "_posts/2026-01-05-a.markdown",
        "_posts/a.md",
        "_posts/2026-01-05-a.html",
        "_posts/_x/2026-01-05-a.md",
        "_posts/.x/2026-01-05-a.md",
        "_posts/2026-01-05-a.md~",
        "ja/_posts/sub/2019-1-7-a.mkd",
    ],
)
def test_a_markdown_post_is_what_permalinks_call_a_post_file(path: str) -> None:
    relative = PurePosixPath(path)
    folder = magic_folder(relative)
    assert folder is not None
    entry = relative.relative_to(folder)
    assert (SiteReading().skip_reason(folder, entry) is None) == is_post_file(relative)


def test_markdown_ext_from_the_config_decides_what_is_markdown() -> None:
    reading = SiteReading.of({"markdown_ext": "md, Txt"})
    assert reading.skip_reason(POSTS, PurePosixPath("2026-01-05-a.txt")) is None
    assert reading.skip_reason(POSTS, PurePosixPath("2026-01-05-a.markdown")) == NOT_MARKDOWN
    assert SiteReading.of({"markdown_ext": 3}).markdown_ext == SiteReading().markdown_ext


def test_exclude_and_include_work_as_jekyll_matches_them() -> None:
    reading = SiteReading.of({"exclude": ["_posts/*-README.md", "lib", "vendor"], "include": ["_hidden"]})
    assert reading.skip_reason(POSTS, PurePosixPath("2020-01-01-README.md")) == EXCLUDED
    assert reading.skip_reason(POSTS, PurePosixPath("2020-01-01-other.md")) is None
    assert not reading.reads(PurePosixPath("lib"))
    assert not reading.reads(PurePosixPath("library"))  # Jekyll compares a plain prefix
    assert not reading.reads(PurePosixPath("node_modules"))  # a default exclude
    assert reading.reads(PurePosixPath("_hidden"))
    assert not reading.reads(PurePosixPath("_layouts"))
    assert reading.reads(PurePosixPath("ja/news"))


def test_collections_dir_limits_where_posts_are_read() -> None:
    reading = SiteReading.of({"collections_dir": "my_collections"})
    assert reading.reads_posts_in(PurePosixPath("my_collections"))
    assert not reading.reads_posts_in(PurePosixPath())
    assert SiteReading().reads_posts_in(PurePosixPath())


@pytest.mark.parametrize(
    ("path", "destination"),
    [
        ("_posts/x.md", "x.md"),
        ("_posts/sub/x.md", "sub/x.md"),
        ("ja/news/_posts/x.md", "ja/news/_posts/x.md"),
        ("_drafts/x.md", "_drafts/x.md"),
        ("ja/_drafts/x.md", "ja/_drafts/x.md"),
        ("_posts/2026/beside.png", "2026/beside.png"),
    ],
)
def test_post_destination_keeps_every_folder_but_the_root_posts_folder(path: str, destination: str) -> None:
    assert post_destination(PurePosixPath(path)) == PurePosixPath(destination)


def test_magic_folder_is_the_first_posts_or_drafts_folder_of_a_path() -> None:
    assert magic_folder(PurePosixPath("ja/news/_posts/sub/x.md")) == PurePosixPath("ja/news/_posts")
    assert magic_folder(PurePosixPath("_drafts/x.md")) == DRAFTS
    assert magic_folder(PurePosixPath("assets/_posts")) is None


def test_post_page_gives_liquid_the_front_matter_and_the_url_jekyll_gave_the_post() -> None:
    config = {"permalink": "/:categories/:year/:month/:day/:title/"}
    path = PurePosixPath("ja/news/_posts/2026-01-15-nested.md")
    page = post_page(path, {"title": "入れ子", "date": "2026-01-15 09:30:00 +0900"}, config, TOKYO, MODIFIED)
    assert page["url"] == "/ja/news/2026/01/15/nested/"
    assert page["path"] == "ja/news/_posts/2026-01-15-nested.md"
    assert page["title"] == "入れ子"
    assert page["date"] == datetime(2026, 1, 15, 9, 30, tzinfo=TOKYO)


MODIFIED = datetime(2026, 2, 1, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("path", "front_matter", "url"),
    [
        ("_posts/2019-1-7-calendar.md", {}, "/2019/01/07/calendar.html"),
        ("_posts/2019-01-07-x.md", {"date": "not a date"}, "/2019/01/07/x.html"),
        ("_posts/2019-01-07-x.md", {"categories": "a b", "slug": "y"}, "/a/b/2019/01/07/y.html"),
        ("_posts/2019-01-07-x.md", {"permalink": "/fixed/"}, "/fixed/"),
        ("_drafts/writing.md", {}, "/_drafts/2026/02/01/writing.html"),
    ],
)
def test_post_page_url_falls_back_to_the_file_name_then_the_modification_time(
    path: str, front_matter: dict[str, object], url: str
) -> None:
    assert post_page(PurePosixPath(path), front_matter, {}, TOKYO, MODIFIED)["url"] == url
