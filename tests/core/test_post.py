from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pytest

from jekyll_posts.core import KNOWN_KEYS, SUBTYPES, Problem, ReadOptions, SourceFile, parse_post
from jekyll_posts.core.post import CoverImage, media_subpath, under_media_subpath
from jekyll_posts.core.readingtime import ReadingSpeed, reading_minutes

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "docs" / "posts" / "2026-01-01-llama-4-ai-future.md"
TOKYO = ZoneInfo("Asia/Tokyo")
OPTIONS = ReadOptions()


def parse(front_matter: str, body: str = "Body text.\n", name: str = "posts/note.md"):
    return parse_post(f"---\n{front_matter}---\n{body}", PurePosixPath(name), OPTIONS)


def test_the_sample_post() -> None:
    parsed = parse_post(SAMPLE.read_text(encoding="utf-8"), SAMPLE, OPTIONS)
    record = parsed.record
    assert parsed.problems == ()
    assert record is not None
    assert record.title == "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"
    assert record.title_in_body is False
    assert record.kind == "post" and not record.is_draft
    assert record.date == datetime(2026, 1, 1, 11, 40, 14, tzinfo=TOKYO)
    assert record.tags == ("OpenAI", "Meta", "LLM", "マルチモーダル", "推論最適化", "AI人材")
    assert record.categories == ("AI最新ニュース",)
    assert record.authors == ("ALLFORCES編集部",)
    assert record.excerpt == "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"
    assert record.reading_time == 8
    assert record.layout == "post"
    assert record.body_line == 11


#: SHA-256 of the shared sample post (``shared/seed/000_39abe291de5b92f2.txt`` beside the checkout)
SEED_SHA256 = "4b60b7deb07c3ff5df990e73f953f1df5dc3520d1572c6a5621ab41a338bd04b"


def test_sample_post_is_the_shared_seed_byte_for_byte() -> None:
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == SEED_SHA256
    seed = REPO.parent / "shared" / "seed" / "000_39abe291de5b92f2.txt"
    if seed.exists():  # beside the team's checkout; a plain clone has the hash above
        assert SAMPLE.read_bytes() == seed.read_bytes()


def test_a_file_without_front_matter_is_not_a_post() -> None:
    assert parse_post("# Just a page\n", PurePosixPath("page.md"), OPTIONS).record is None


@pytest.mark.parametrize(
    ("front_matter", "name", "kind", "draft"),
    [
        ("layout: post\ntitle: t\ndate: 2026-01-01\n", "a.md", "post", False),
        ("title: t\ndate: 2026-01-01\n", "a.md", "post", False),
        ("title: t\n", "2026-01-01-a.md", "post", False),
        ("layout: page\ntitle: t\ndate: 2026-01-01\n", "a.md", "page", False),
        ("title: t\n", "a.md", "page", False),
        ("layout: default\ntitle: t\n", "a.md", "page", False),
        ("title: t\ndate: 2026-01-01\npublished: false\n", "a.md", "post", True),
        ("title: t\ndate: 2026-01-01\ndraft: true\n", "a.md", "post", True),
        ("title: t\ndate: 2026-01-01\ndraft: false\n", "a.md", "post", False),
    ],
)
def test_posts_pages_and_drafts(front_matter: str, name: str, kind: str, draft: bool) -> None:
    record = parse(front_matter, name=name).record
    assert record is not None
    assert (record.kind, record.is_draft) == (kind, draft)


def test_file_name_date_when_there_is_no_date_key() -> None:
    record = parse("title: t\n", name="_posts/sub/2024-06-01-welcome.md").record
    assert record is not None and record.date == datetime(2024, 6, 1, tzinfo=TOKYO)


def test_front_matter_date_wins_over_the_file_name() -> None:
    record = parse("title: t\ndate: 2025-02-03 04:05:06 +0900\n", name="2024-06-01-x.md").record
    assert record is not None and record.date == datetime(2025, 2, 3, 4, 5, 6, tzinfo=TOKYO)


def test_categories_singular_and_plural_and_authors() -> None:
    record = parse(
        "title: t\ncategory: Machine Learning\ncategories: [AI最新ニュース, machine learning]\n"
        "author: {name: 山田太郎}\nauthors: [佐藤花子, {name: 山田太郎}]\n"
    ).record
    assert record is not None
    assert record.categories == ("Machine Learning", "AI最新ニュース")
    assert record.authors == ("山田太郎", "佐藤花子")


def test_other_keys_stay_in_metadata_with_their_types() -> None:
    record = parse("title: t\nowner: platform\nrelated: [a, b]\nweight: 3\n").record
    assert record is not None
    assert record.metadata["owner"] == "platform"
    assert record.metadata["related"] == ["a", "b"]
    assert record.metadata["weight"] == 3
    assert set(record.metadata) - KNOWN_KEYS == {"owner", "related", "weight"}


@pytest.mark.parametrize(
    ("front_matter", "series", "order"),
    [
        ("series: '  LLM  入門 '\n", "LLM 入門", None),
        ("series: 2024\n", "2024", None),
        ("series: LLM入門\nseries_order: 2\n", "LLM入門", 2.0),
        ("series: LLM入門\nseries_order: 2.5\n", "LLM入門", 2.5),
        ("series: LLM入門\nseries_order: '3'\n", "LLM入門", 3.0),
        ("series: LLM入門\nseries_order: .nan\n", "LLM入門", None),
        ("series: LLM入門\nseries_order: true\n", "LLM入門", None),
        ("series: ''\n", None, None),
        ("series: [LLM入門]\n", "LLM入門", None),  # a list of one, as some themes write it
    ],
)
def test_series_and_its_order(front_matter: str, series: str | None, order: float | None) -> None:
    record = parse(f"title: t\ndate: 2026-01-01\n{front_matter}").record
    assert record is not None
    assert (record.series, record.series_order) == (series, order)


def test_title_from_heading_then_file_name() -> None:
    from_heading = parse("tags: [a]\n", body="intro\n\n# Heading title\n").record
    assert from_heading is not None
    assert (from_heading.title, from_heading.title_in_body) == ("Heading title", True)
    parsed = parse("tags: [a]\n", name="posts/2024-06-01-hello-world.md")
    assert parsed.record is not None
    assert (parsed.record.title, parsed.record.title_in_body) == ("hello world", False)
    assert parsed.problems == (
        Problem(1, "title", "no title in the front matter and no heading: the file name is used"),
    )


@pytest.mark.parametrize("heading", ["# ", "#   #", "## "])
def test_an_empty_first_heading_is_no_title(heading: str) -> None:
    """Hypothesis found ``# `` alone gave a post an empty title."""
    parsed = parse("tags: [a]\n", body=f"{heading}\n\n## 節\n", name="posts/2024-06-01-hello-world.md")
    assert parsed.record is not None
    assert (parsed.record.title, parsed.record.title_in_body) == ("hello world", False)


def test_a_front_matter_title_is_the_page_title_whatever_the_body_heads_with() -> None:
    """As in Jekyll's layouts: a body's ``# インストール`` is a section under the post's title."""
    record = parse("title: From front matter\n", body="# From the body\n").record
    assert record is not None
    assert (record.title, record.title_in_body) == ("From front matter", False)
    repeated = parse("title: From front matter\n", body="# ＦＲＯＭ front  matter\n").record
    assert repeated is not None and repeated.title_in_body  # the body's first heading is the title
    later = parse("title: T\n", body="Intro.\n\n## Section\n\n# T\n").record
    assert later is not None and not later.title_in_body


def test_character_references_in_a_title_are_its_characters() -> None:
    """A real blog's ``title: "Ruby の &lt;&lt;~ ヒアドキュメント"`` showed ``<<~``; it stays text."""
    record = parse('title: "Ruby の &lt;&lt;~ と &amp; と &#x3042;"\n').record
    assert record is not None and record.title == "Ruby の <<~ と & と あ"


def test_front_matter_closed_by_yaml_document_end() -> None:
    parsed = parse_post("---\ntitle: Dots\ndate: 2026-01-02\n...\nBody.\n", PurePosixPath("a.md"), OPTIONS)
    assert parsed.record is not None and parsed.record.title == "Dots"
    assert parsed.problems == ()


@pytest.mark.parametrize(("reading_time", "minutes"), [("8", 8), ("8分", 8), ("2.5", 3), (12, 12)])
def test_reading_time_given(reading_time: object, minutes: int) -> None:
    record = parse(f"title: t\nreading_time: {reading_time!r}\n").record
    assert record is not None and record.reading_time == minutes


def test_reading_time_counts_japanese_characters_not_spaces() -> None:
    japanese = "日本語の文章です。" * 250  # 2,000 characters, no spaces at all
    english = "word " * 1000
    speed = ReadingSpeed(chars_per_minute=500, words_per_minute=200)
    assert reading_minutes(japanese, speed) == 4
    assert reading_minutes(english, speed) == 5
    assert reading_minutes("", speed) == 1
    assert reading_minutes("[リンク](https://example.org/a/very/long/path)", speed) == 1


NOW = datetime(2026, 6, 1, tzinfo=TOKYO)
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]\n"
    for previous, name in zip("abcdefg", "bcdefgh", strict=True)
)

#: One bad input per problem the core reports: (file text, file name, the problem).
BAD_INPUTS = [
    (
        "---\ntitle: t\nimage: [a.png, b.png]\n---\n",
        "a.md",
        Problem(3, "image", "image: expected a path or URL, or a mapping with a path and an alt text: not shown"),
    ),
    (
        "---\ntitle: t\nimage:\n  path: javascript:alert(1)\n---\n",
        "a.md",
        Problem(3, "image", "image: 'javascript:alert(1)' is not a path or an http(s) URL"),
    ),
    (
        "---\ntitle: t\nheader:\n  overlay_image: [a.png]\n---\n",
        "a.md",
        Problem(3, "image", "header.overlay_image: expected a path or URL, and a text as image_description: not shown"),
    ),
    (
        "---\ntitle: t\ncover-img: [{a.png: x, b.png: y}]\n---\n",
        "a.md",
        Problem(
            3,
            "image",
            "cover-img: expected a path or URL, or a list of them (each alone or with its caption): not shown",
        ),
    ),
    (
        "---\ntitle: t\ndate: 2026-02-30\n---\n",
        "2026-03-01-a.md",
        Problem(3, "date", "date: '2026-02-30' is not a real calendar date"),
    ),
    (
        "---\ntitle: t\ndate: soon\n---\n",
        "2026-03-01-a.md",
        Problem(3, "date", "date: 'soon' does not start with a YYYY-MM-DD date"),
    ),
    (
        "---\ntitle: t\ndate: 2026-01-02\n---\n",
        "2026-01-01-a.md",
        Problem(3, "date", "date 2026-01-02 is not the file name's 2026-01-01: the front matter date is used"),
    ),
    (
        "---\ntitle: t\ndate: 2031-01-01\n---\n",
        "a.md",
        Problem(3, "date", "date 2031-01-01 is more than a year ahead: is the year right?"),
    ),
    (
        "---\nlayout: post\ntitle: t\n---\n",
        "a.md",
        Problem(1, "date", "this post has no date and no YYYY-MM-DD- file name: shown as a draft"),
    ),
    (
        "---\ntitle: t\ntags: {a: 1}\n---\n",
        "a.md",
        Problem(3, "taxonomy", "tags: expected text or a list of text, got a mapping"),
    ),
    (
        "---\ntitle: t\ntags: [AI, '']\n---\n",
        "a.md",
        Problem(3, "taxonomy", "tags: empty term skipped"),
    ),
    (
        "---\ntitle: t\ntags: 2024\n---\n",
        "a.md",
        Problem(3, "taxonomy", "tags: 2024 is a number: quote it to make it text"),
    ),
    ("---\ntitle: t\ntags: [a, '']\n---\n", "a.md", Problem(3, "taxonomy", "tags: empty term skipped")),
    ("---\ntitle: t\ntags: [AI, ai]\n---\n", "a.md", Problem(3, "taxonomy", "tags: 'ai' repeats 'AI'")),
    (
        "---\ntitle: t\ncategories: [a, [b]]\n---\n",
        "a.md",
        Problem(3, "taxonomy", "categories: list items must be text, skipped a list"),
    ),
    (
        "---\ntitle: t\nauthor: true\n---\n",
        "a.md",
        Problem(3, "taxonomy", "author: expected text or a list of text, got true/false"),
    ),
    ("---\ntitle: t\nexcerpt: [a]\n---\n", "a.md", Problem(3, "excerpt", "excerpt: expected text, got list")),
    (
        "---\ntitle: t\nreading_time: soon\n---\n",
        "a.md",
        Problem(3, "reading_time", "reading_time: expected minutes, got 'soon'"),
    ),
    ("---\ntitle: t\npublished: maybe\n---\n", "a.md", Problem(3, "published", "published: expected true or false")),
    ("---\ntitle: t\ndraft: yes please\n---\n", "a.md", Problem(3, "published", "draft: expected true or false")),
    ("---\ntitle: t\npin: top\n---\n", "a.md", Problem(3, "flag", "pin: expected true or false")),
    ("---\ntitle: t\nlayout: [post]\n---\n", "a.md", Problem(3, "layout", "layout: expected text, got list")),
    ("---\ntitle: t\nseries: [a, b]\n---\n", "a.md", Problem(3, "series", "series: expected text, got list")),
    (
        "---\ntitle: t\nseries: s\nseries_order: first\n---\n",
        "a.md",
        Problem(4, "series", "series_order: expected a number, got 'first'"),
    ),
    ("---\ntitle: t\nseries_order: 2\n---\n", "a.md", Problem(3, "series", "series_order without a series: ignored")),
    (
        "---\nlayout: page\ntitle: t\nseries: s\n---\n",
        "a.md",
        Problem(4, "series", "series: only posts form a series (a wiki page's place is its toctree's): ignored"),
    ),
    ("---\ntitle: [a]\n---\n# H\n", "a.md", Problem(2, "title", "title: expected non-empty text")),
    ("---\ntitle: ''\n---\n# H\n", "a.md", Problem(2, "title", "title: expected non-empty text")),
    ("---\ntitle: 2024\n---\n", "a.md", Problem(2, "title", "title: 2024 is a number: quote it")),
    (
        "---\ntags: [a]\n---\nNo heading.\n",
        "2024-06-01-hello.md",
        Problem(1, "title", "no title in the front matter and no heading: the file name is used"),
    ),
    (
        "---\ntitle: [unclosed\n---\n",
        "a.md",
        Problem(3, "yaml", "front matter is not valid YAML (column 1): expected ',' or ']', but got '<stream end>'"),
    ),
    ("---\n- a\n- b\n---\n", "a.md", Problem(2, "yaml", "front matter must be a mapping of keys to values")),
    (
        "---\ntitle: t\ntags:\n\t- a\n---\n",
        "a.md",
        Problem(
            4,
            "yaml",
            "front matter is not valid YAML (column 1): found character '\\t' that cannot start any token; "
            "YAML is indented with spaces, never tabs",
        ),
    ),
    (
        f"---\n{LAUGHS}---\n",
        "a.md",
        Problem(2, "yaml", "front matter aliases expand to more than 10000 values: it is ignored"),
    ),
    (
        "---\ntitle: t\ncatgories: [a]\n---\n",
        "a.md",
        Problem(3, "unknown_key", "unknown key 'catgories': did you mean 'categories'?"),
    ),
    ("---\ntitle: t\ntagss: a\n---\n", "a.md", Problem(3, "unknown_key", "unknown key 'tagss': did you mean 'tags'?")),
    (
        "---\ntitle: t\nautor: a\n---\n",
        "a.md",
        Problem(3, "unknown_key", "unknown key 'autor': did you mean 'author'?"),
    ),
    (
        "# Just text\n",
        "2026-01-01-a.md",
        Problem(1, "front_matter", "no front matter: a post starts with --- lines holding its title and date"),
    ),
    ("", "2026-01-01-a.md", Problem(1, "front_matter", "the file is empty")),
    (
        "---\ntitle: t\n\nbody\n",
        "2026-01-01-a.md",
        Problem(1, "front_matter", "front matter is not closed: no --- line ends it"),
    ),
    (
        "---\ntitle: t\n---\n\nNUL\x00 and \x01\n",
        "a.md",
        Problem(5, "encoding", "control characters (U+0000 and 2 in all) removed"),
    ),
    (
        f"---\ntitle: t\n---\n\nSee [this]({'x' * 300}).\n",
        "a.md",
        Problem(5, "link", "a link target of 300 characters is longer than a file name may be: shown as its text"),
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), BAD_INPUTS)
def test_each_bad_input_is_one_located_problem(text: str, name: str, expected: Problem) -> None:
    source = SourceFile(PurePosixPath("posts") / name, in_posts_folder=True)
    parsed = parse_post(text, source, ReadOptions(now=NOW))
    assert parsed.record is not None
    assert [p for p in parsed.problems if p.subtype == expected.subtype] == [expected]


def test_every_subtype_has_a_bad_input() -> None:
    # "liquid" comes from rendering a body's Liquid: its bad inputs are in tests/core/test_liquid.py;
    # "config" from conf.py: in tests/test_broken_posts.py and tests/test_warnings.py
    reported_by_the_glue = {"url", "document", "liquid", "config"}
    assert {problem.subtype for _, _, problem in BAD_INPUTS} | reported_by_the_glue == set(SUBTYPES)


def test_unknown_keys_that_are_not_typos_stay_quiet() -> None:
    parsed = parse("title: t\npermalink: /x/\nowner: team\ntags: [a]\n")
    assert parsed.problems == ()


@pytest.mark.parametrize("key", ["subtitle", "read_time", "readtime", "update", "date_updated", "tags_old"])
def test_themes_keys_close_to_ours_are_not_typos(key: str) -> None:
    """Found on mincong-h.github.io (TeXt theme): 48 posts with ``subtitle`` were each warned; on
    silverag-corgi/blog-old, 7 posts' ``update`` was taken for ``date``: one of our keys with a word
    added is a key of its own."""
    assert parse(f"title: t\n{key}: x\n").problems == ()
    typo = parse("title: t\ncategorie: y\n").problems  # a typo of ours still is one
    assert [problem.subtype for problem in typo] == ["unknown_key"]


def test_a_post_without_front_matter_in_a_posts_folder() -> None:
    source = SourceFile(PurePosixPath("posts/2026-01-01-plain.md"), in_posts_folder=True)
    parsed = parse_post("Just a body.\n", source, OPTIONS)
    assert parsed.record is not None and parsed.record.is_post
    assert parsed.record.title == "plain"
    assert parsed.markdown == "# plain\nJust a body.\n"
    elsewhere = parse_post("Just a body.\n", PurePosixPath("wiki/plain.md"), OPTIONS)
    assert elsewhere.record is None and elsewhere.markdown is None


def test_undated_post_takes_the_modification_time() -> None:
    modified = datetime(2025, 3, 4, 5, 6, tzinfo=ZoneInfo("UTC"))
    source = SourceFile(PurePosixPath("posts/plain.md"), in_posts_folder=True, modified=modified)
    record = parse_post("---\ntitle: t\n---\n", source, OPTIONS).record
    assert record is not None and record.date == datetime(2025, 3, 4, 14, 6, tzinfo=TOKYO)
    assert not record.is_draft


def test_markdown_for_the_parser_keeps_line_numbers() -> None:
    parsed = parse_post("---\ntitle: <b>T</b>\ntags: [a]\n---\nbody\x00\n", PurePosixPath("a.md"), OPTIONS)
    assert parsed.markdown == "\n\n\n# \\<b\\>T\\<\\/b\\>\nbody\n"


def test_a_bad_value_keeps_the_rest_of_the_post() -> None:
    parsed = parse("title: Kept\ndate: 2026-02-30\ntags: [a, b]\n", name="2026-02-01-x.md")
    record = parsed.record
    assert record is not None
    assert record.title == "Kept"
    assert record.tags == ("a", "b")
    assert record.date == datetime(2026, 2, 1, tzinfo=TOKYO)


def test_unicode_line_breaks_in_values_do_not_shift_the_body() -> None:
    # found by Hypothesis: U+0085 is a line break to str.splitlines, not to Markdown
    parsed = parse_post('---\ntitle: "a\\x85b\\u2028c"\n---\nBody.\n', PurePosixPath("a.md"), OPTIONS)
    assert parsed.record is not None and parsed.record.title == "a b c"
    assert parsed.markdown == "\n\n# a b c\nBody.\n"


def test_a_link_no_file_system_can_hold_is_shown_as_its_text() -> None:
    long_target = "a" * 5000
    body = f"Before [the **link**]({long_target}) and ![an image]({'い' * 90}) after.\n\n[ref]: {long_target}\n"
    parsed = parse("title: t\n", body)
    assert parsed.markdown is not None
    assert "Before the **link** and an image after." in parsed.markdown
    assert long_target not in parsed.markdown
    assert [(problem.line, problem.subtype) for problem in parsed.problems] == [(4, "link"), (4, "link"), (6, "link")]


def test_a_long_japanese_footnote_is_kept_whole() -> None:
    """A real blog (tokoik/blog): a footnote opening with 97 characters without a space was read
    as a link target too long for a file name, and its whole definition blanked."""
    note = "この部分は，元記事から変更しています．" * 6 + " 詳しくは元記事を見てください．"
    body = f"## 粗さのモデル化[^2]\n\n本文です。\n\n[^2]: {note}\n\n[長い]: {'長' * 90}\n"
    parsed = parse("title: t\n", body)
    assert parsed.markdown is not None and f"[^2]: {note}\n" in parsed.markdown
    assert [problem.line for problem in parsed.problems] == [10]  # the link definition, not the footnote
    assert f"[長い]: {'長' * 90}" not in parsed.markdown


def test_an_empty_link_before_long_japanese_text_is_left_alone() -> None:
    """A real blog (MasahikoSawada): ``[以前にも少し解説した]()`` read the text after it as a link
    target too long for a file name."""
    body = f"[以前にも少し解説した](){'長' * 110} 続き。\n"
    parsed = parse("title: t\n", body)
    assert parsed.problems == ()
    assert parsed.markdown is not None and parsed.markdown.endswith(body)


def test_long_urls_and_short_links_are_left_alone() -> None:
    body = f"[web](https://example.org/{'a' * 300}) [local](other.md)\n"
    parsed = parse("title: t\n", body)
    assert parsed.problems == ()
    assert parsed.markdown is not None and parsed.markdown.endswith(body)


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("image: /assets/img/a.png", CoverImage("/assets/img/a.png", "", 3)),
        ("image:\n  path: https://e.jp/a.png\n  alt: 表紙　の絵", CoverImage("https://e.jp/a.png", "表紙　の絵", 3)),
        ("media_subpath: /posts/20250905\nimage: {path: a.png, alt: 図}", CoverImage("a.png", "図", 4)),
        (  # Minimal Mistakes' header picture
            "header:\n  overlay_image: /assets/images/hero.jpg\n  overlay_filter: 0.5\n  image_description: 山",
            CoverImage("/assets/images/hero.jpg", "山", 3),
        ),
        ("header:\n  image: /assets/banner.jpg\n  teaser: /t.jpg", CoverImage("/assets/banner.jpg", "", 3)),
        ("image: /a.png\nheader:\n  overlay_image: /b.png", CoverImage("/a.png", "", 3)),
        # Beautiful Jekyll's: a path, or a list (it shows one at random) of paths or {path: caption}
        ("cover-img: /assets/img/bg.jpg", CoverImage("/assets/img/bg.jpg", "", 3)),
        ("cover-img: [/a.jpg, /b.jpg]", CoverImage("/a.jpg", "", 3)),
        (
            'cover-img:\n  - "/assets/img/山.jpg" : "富士山 — 撮影: 私"\n  - /b.jpg',
            CoverImage("/assets/img/山.jpg", "富士山 — 撮影: 私", 3),
        ),
        ("header:\n  overlay_image: /mm.png\ncover-img: /bj.png", CoverImage("/mm.png", "", 3)),
        ("header:\n  overlay_filter: 0.5\ncover-img: /bj.png", CoverImage("/bj.png", "", 5)),
    ],
)
def test_a_cover_image_is_a_path_or_a_mapping_with_its_alt_text(front_matter: str, expected: CoverImage) -> None:
    parsed = parse(f"title: t\n{front_matter}\n")
    assert parsed.record is not None and parsed.record.image == expected
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("metadata", "path", "read_as"),
    [
        ({"media_subpath": "/posts/20250905/"}, "a.png", "/posts/20250905/a.png"),
        ({"img_path": "/img"}, "sub/a.png", "/img/sub/a.png"),  # Chirpy before 7
        ({"media_subpath": "/img"}, "/assets/b.png", "/assets/b.png"),  # a site path stays
        ({"media_subpath": "/img"}, "https://e.jp/c.png", "https://e.jp/c.png"),
        ({"media_subpath": " "}, "a.png", "a.png"),
        ({}, "a.png", "a.png"),
    ],
)
def test_relative_image_paths_are_under_chirpys_media_subpath(
    metadata: dict[str, str], path: str, read_as: str
) -> None:
    assert under_media_subpath(path, media_subpath(metadata)) == read_as
