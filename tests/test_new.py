"""``jekyll-posts new``: a post or wiki page whose front matter reads back exactly as typed."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOTS_DIR, build

from jekyll_posts.check import main as check
from jekyll_posts.cli import main
from jekyll_posts.core import PostRecord, ReadOptions, SourceFile, parse_post
from jekyll_posts.new import BODY, SLUG_BYTES, title_slug

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
DATE = ["--date", "2026-01-02 10:00"]
SYMBOLS = "C++ と \"AI\": 50% の [実験] #1 & 'more'"
LLAMA = "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder, the current folder, with an empty ``docs/`` and no ``conf.py`` (the defaults)."""
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    status = main(["new", *arguments])
    out, err = capsys.readouterr()
    return status, out, err


def written(capsys: pytest.CaptureFixture[str], *arguments: str) -> Path:
    """The path ``jekyll-posts new`` printed, asserting it printed nothing else."""
    status, out, err = new(capsys, *arguments)
    assert (status, err) == (0, "")
    assert out.count("\n") == 1
    return Path(out.rstrip("\n"))


def read(path: Path, zone: ZoneInfo = TOKYO) -> PostRecord:
    source = SourceFile(path, in_posts_folder="posts" in path.parts)
    parsed = parse_post(path.read_text(encoding="utf-8"), source, ReadOptions(zone=zone))
    assert parsed.problems == ()
    assert parsed.record is not None
    return parsed.record


def test_a_post_has_its_front_matter_in_order_and_a_hidden_placeholder(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    arguments = ["Llama 4 の評価", "--tags", "LLM,評価", "--category", "AI", "--author", "編集部", *DATE]
    path = written(capsys, *arguments)
    assert path == Path("docs/posts/2026-01-02-llama-4-の評価.md")
    assert path.read_text(encoding="utf-8") == (
        "---\n"
        "layout: post\n"
        "title: Llama 4 の評価\n"
        "date: 2026-01-02 10:00:00 +0900\n"
        "categories: [AI]\n"
        "tags: [LLM, 評価]\n"
        "author: 編集部\n"
        'excerpt: ""\n'
        "---\n"
        "\n"
        f"{BODY}"
    )
    assert BODY.startswith("<!-- ") and BODY.endswith(" -->\n")  # a comment: never shown


TITLES = [
    SYMBOLS,
    LLAMA,
    "- a leading dash",
    ": a leading colon",
    "{braces} and [brackets]",
    "&anchor *alias !tag %percent @at `tick`",
    'a backslash \\ and \\n and \\"',
    "\"double\" and 'single'",
    "'starts with a quote'",
    "a # that is no comment",
    "title: nested",
    "? a question | a pipe > a fold",
    "絵文字 😀 ❤️ 👩‍💻",
    "null",
    "true",
    "yes",
    "~",
    "123",
    "1.5",
    "2026-01-02",
    "---",
    "...",
]


@pytest.mark.parametrize("title", TITLES)
def test_every_value_reads_back_as_typed(capsys: pytest.CaptureFixture[str], project: Path, title: str) -> None:
    tags = "C++, C#,[x],'q',\"d\",2026, {a: 1}, 機械学習、ＡＩ"
    options = ["--tags", tags, "--category", "カテゴリ: 1, #2", "--author", 'O\'Brien "OB" & 編集部', *DATE]
    path = written(capsys, *options, "--", title)  # after --, a title may start with a dash
    record = read(path)
    assert record.title == title
    assert record.tags == ("C++", "C#", "[x]", "'q'", '"d"', "2026", "{a: 1}", "機械学習", "ＡＩ")
    assert record.categories == ("カテゴリ: 1", "#2")
    assert record.authors == ('O\'Brien "OB" & 編集部',)
    assert record.date == datetime(2026, 1, 2, 10, tzinfo=TOKYO)
    assert (record.kind, record.published, record.excerpt) == ("post", True, None)


def test_values_are_quoted_by_yaml_in_double_quotes_but_emoji_stay_readable(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    text = written(capsys, SYMBOLS, "--tags", "2026,AI", *DATE).read_text(encoding="utf-8")
    assert 'title: "C++ と \\"AI\\": 50% の [実験] #1 & \'more\'"\n' in text
    assert 'tags: ["2026", AI]\n' in text
    emoji = written(capsys, "絵文字: 😀", "--slug", "emoji", *DATE).read_text(encoding="utf-8")
    assert "title: '絵文字: 😀'\n" in emoji  # in double quotes, PyYAML would write it \U0001F600


def test_a_title_with_symbols_makes_a_readable_file_name(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    path = written(capsys, SYMBOLS, *DATE)
    assert path.name == "2026-01-02-c-plus-plus-と-ai-50-percent-の-実験-sharp-1-and-more.md"  # no hash


def test_a_japanese_title_keeps_its_japanese_in_the_file_name(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    path = written(capsys, LLAMA, *DATE)
    assert path == Path("docs/posts/2026-01-02-llama-4の-2倍-は-aiの未来をどう変えるのでしょうか.md")
    assert read(path).title == LLAMA


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Machine Learning 入門", "machine-learning-入門"),
        ("ﾏﾙﾁﾓｰﾀﾞﾙ ＡＩ", "マルチモーダル-ai"),  # width folded, as in tag URLs
        ("⚠️ 注意", "注意"),  # no invisible U+FE0F left behind by the emoji
        ("I ❤️ Python", "i-python"),
        ("1️⃣ 番目", "1-番目"),
        ("!!!", ""),
        ("あ" * 40, "あ" * 33),
        ("word " * 30, "-".join(["word"] * 20)),
    ],
)
def test_title_slugs(title: str, slug: str) -> None:
    assert title_slug(title) == slug
    assert len(slug.encode("utf-8")) <= SLUG_BYTES


def test_a_long_title_makes_a_bounded_file_name(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    title = "長いタイトル" * 40
    path = written(capsys, title, *DATE)
    assert len(path.name.encode("utf-8")) <= 114
    assert read(path).title == title


def test_a_title_without_letters_makes_a_post_named_post(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    assert written(capsys, "!?!", *DATE) == Path("docs/posts/2026-01-02-post.md")


def test_slug_overrides_the_title(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    path = written(capsys, LLAMA, "--slug", "Llama-4_review", *DATE)
    assert path == Path("docs/posts/2026-01-02-Llama-4_review.md")
    assert read(path).title == LLAMA


@pytest.mark.parametrize(
    ("slug", "reason"),
    [
        *((f"a{char}b", "no file name or URL should") for char in '/\\:*?"<>|#%'),
        ("a b", "no file name or URL should"),
        ("a\u200bb", "no file name or URL should"),
        ("a\tb", "no file name or URL should"),
        ("", "is empty"),
        (".hidden", "starts with a dot"),
        ("あ" * 34, "is 102 bytes long, more than 100"),
    ],
)
def test_an_unusable_slug_is_refused(capsys: pytest.CaptureFixture[str], project: Path, slug: str, reason: str) -> None:
    status, out, err = new(capsys, "タイトル", "--slug", slug, *DATE)
    assert (status, out) == (1, "")
    assert err.startswith(f"jekyll-posts new: --slug {slug!r} ")
    assert reason in err
    assert list(project.rglob("*.md")) == []
    assert not (project / "docs" / "posts").exists()


@pytest.mark.parametrize("slug", ["con", "NUL", "com1.notes", "lpt9"])
def test_a_windows_device_name_is_refused_for_a_page(
    capsys: pytest.CaptureFixture[str], project: Path, slug: str
) -> None:
    status, _, err = new(capsys, "タイトル", "--page", "--slug", slug)
    assert status == 1
    assert "is a device name on Windows" in err
    assert written(capsys, "タイトル", "--slug", slug, *DATE).name == f"2026-01-02-{slug}.md"  # a post's has its date


def test_a_title_making_a_device_name_asks_for_a_slug(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    status, _, err = new(capsys, "CON", "--page")
    assert status == 1
    assert err == (
        "jekyll-posts new: the slug 'con' made from the title is a device name on Windows,"
        " where no file can have it: give one with --slug\n"
    )


def test_an_existing_file_is_never_overwritten(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    path = written(capsys, "同じタイトル", *DATE)
    path.write_text("my post", encoding="utf-8")
    status, out, err = new(capsys, "同じタイトル", "--tags", "x", *DATE)
    assert (status, out) == (1, "")
    assert err == f"jekyll-posts new: {path} already exists: nothing written (give another --slug)\n"
    assert path.read_text(encoding="utf-8") == "my post"


def test_a_name_differing_only_in_case_counts_as_existing(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    posts = project / "docs" / "posts"
    posts.mkdir()
    (posts / "2026-01-02-Llama.md").write_text("x", encoding="utf-8")
    status, _, err = new(capsys, "llama", *DATE)
    assert status == 1
    assert "docs/posts/2026-01-02-Llama.md already exists" in err
    assert [path.name for path in posts.iterdir()] == ["2026-01-02-Llama.md"]


def test_the_posts_folder_comes_from_conf_py(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "conf.py").write_text('jekyll_posts_post_folders = ["news/", "posts"]\n', encoding="utf-8")
    assert written(capsys, "お知らせ", *DATE) == Path("docs/news/2026-01-02-お知らせ.md")


def test_no_posts_folder_is_refused(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "conf.py").write_text("jekyll_posts_post_folders = []\n", encoding="utf-8")
    assert new(capsys, "どこへ", *DATE) == (
        1,
        "",
        "jekyll-posts new: jekyll_posts_post_folders in conf.py is empty: no folder to write posts into\n",
    )


def test_source_and_conf_dir(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "site" / "content").mkdir(parents=True)
    (project / "site" / "conf.py").write_text('jekyll_posts_post_folders = ["blog"]\n', encoding="utf-8")
    arguments = ["--source", "site/content", "--conf-dir", "site", *DATE]
    assert written(capsys, "別の場所", *arguments) == Path("site/content/blog/2026-01-02-別の場所.md")


def test_the_printed_path_is_relative_to_the_current_folder(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    assert written(capsys, "絶対パス", "--source", str(project / "docs"), *DATE) == Path(
        "docs/posts/2026-01-02-絶対パス.md"
    )


def test_a_missing_source_folder_is_refused(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    status, _, err = new(capsys, "タイトル", "--source", "doc")
    assert status == 1
    assert err == "jekyll-posts new: no source folder doc: run this in the project's folder, or give --source\n"
    assert not (project / "doc").exists()


def test_a_bad_setting_is_reported_and_its_default_used(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "conf.py").write_text('jekyll_posts_timezone = "Mars/Base"\n', encoding="utf-8")
    status, out, err = new(capsys, "設定", *DATE)
    assert (status, out) == (0, "docs/posts/2026-01-02-設定.md\n")
    assert err.startswith("conf.py:1: jekyll_posts_timezone = 'Mars/Base' is not an IANA time zone name")
    assert "date: 2026-01-02 10:00:00 +0900\n" in Path(out.rstrip()).read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_an_empty_title_is_refused(capsys: pytest.CaptureFixture[str], project: Path, title: str) -> None:
    assert new(capsys, title) == (1, "", "jekyll-posts new: the title is empty\n")


def test_white_space_in_the_title_is_folded_as_the_site_shows_it(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    assert read(written(capsys, "  二つの\n行  と\tタブ ", *DATE)).title == "二つの 行 と タブ"


def test_tags_and_categories_are_split_at_any_comma(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    arguments = ["--tags", " LLM ,評価、推論，, LLM,llm , ＬＬＭ,machine  learning", "--category", "AI、ニュース,"]
    record = read(written(capsys, "分割", *arguments, *DATE))
    assert record.tags == ("LLM", "評価", "推論", "machine learning")
    assert record.categories == ("AI", "ニュース")


def test_no_options_writes_empty_lists_and_no_author(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    text = written(capsys, "最小", *DATE).read_text(encoding="utf-8")
    assert 'categories: []\ntags: []\nexcerpt: ""\n---\n' in text
    assert "author" not in text


def test_draft(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    path = written(capsys, "下書き", "--draft", "--author", "編集部", *DATE)
    assert path.read_text(encoding="utf-8").endswith('author: 編集部\nexcerpt: ""\npublished: false\n---\n\n' + BODY)
    record = read(path)
    assert (record.published, record.is_draft) == (False, True)


def test_page(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    status, out, err = new(capsys, "オンボーディング", "--page", "--tags", "ガイド,入門")
    assert (status, out) == (0, "docs/wiki/オンボーディング.md\n")
    assert err == "add wiki/オンボーディング to a toctree, such as docs/index.md's, to show it in the navigation\n"
    path = Path(out.rstrip())
    assert path.read_text(encoding="utf-8") == (
        f"---\nlayout: page\ntitle: オンボーディング\ntags: [ガイド, 入門]\n---\n\n{BODY}"
    )
    record = read(path)
    assert (record.kind, record.date, record.tags) == ("page", None, ("ガイド", "入門"))


def test_a_page_has_categories_and_author_only_when_given(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    new(capsys, "手順", "--page", "--category", "運用", "--author", "山田")
    record = read(project / "docs" / "wiki" / "手順.md")
    assert (record.categories, record.authors) == (("運用",), ("山田",))
    assert "layout: page\ntitle: 手順\ntags: []\ncategories: [運用]\nauthor: 山田\n---" in (
        project / "docs" / "wiki" / "手順.md"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [["--draft"], DATE])
def test_a_page_has_no_date_and_no_draft(capsys: pytest.CaptureFixture[str], project: Path, option: list[str]) -> None:
    status, _, err = new(capsys, "手順", "--page", *option)
    assert status == 1
    assert "a wiki page has no date and is never a draft" in err
    assert not (project / "docs" / "wiki").exists()


@pytest.mark.parametrize(
    ("given", "written_date", "moment"),
    [
        ("2026-07-01 10:00", "2026-07-01 10:00:00 -0400", datetime(2026, 7, 1, 14, tzinfo=ZoneInfo("UTC"))),
        ("2026-01-15 10:00", "2026-01-15 10:00:00 -0500", datetime(2026, 1, 15, 15, tzinfo=ZoneInfo("UTC"))),
        ("2026-01-15 10:00 +0900", "2026-01-14 20:00:00 -0500", datetime(2026, 1, 15, 1, tzinfo=ZoneInfo("UTC"))),
        ("2026-03-08 02:30", "2026-03-08 03:30:00 -0400", datetime(2026, 3, 8, 7, 30, tzinfo=ZoneInfo("UTC"))),
        ("2026-11-01", "2026-11-01 00:00:00 -0400", datetime(2026, 11, 1, 4, tzinfo=ZoneInfo("UTC"))),
    ],
)
def test_the_date_has_the_site_time_zone_offset_of_its_day(
    capsys: pytest.CaptureFixture[str], project: Path, given: str, written_date: str, moment: datetime
) -> None:
    (project / "conf.py").write_text('jekyll_posts_timezone = "America/New_York"\n', encoding="utf-8")
    path = written(capsys, "時差", "--date", given)
    assert path.name == f"{written_date[:10]}-時差.md"
    assert f"\ndate: {written_date}\n" in path.read_text(encoding="utf-8")
    assert read(path, NEW_YORK).date == moment


def test_the_date_is_now_by_default(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    before = datetime.now(TOKYO).replace(microsecond=0)
    path = written(capsys, "今")
    date = read(path).date
    assert date is not None
    assert before <= date <= datetime.now(TOKYO)
    assert path.name == f"{date:%Y-%m-%d}-今.md"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2026-02-30", "--date: '2026-02-30' is not a real calendar date"),
        ("tomorrow", "--date: 'tomorrow' does not start with a YYYY-MM-DD date"),
    ],
)
def test_an_unreadable_date_is_refused(
    capsys: pytest.CaptureFixture[str], project: Path, date: str, message: str
) -> None:
    assert new(capsys, "日付", "--date", date) == (1, "", f"jekyll-posts new: {message}\n")


def test_what_the_site_would_warn_about_is_refused(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    status, out, err = new(capsys, "長いタグ", "--tags", "x" * 60, "--date", "2099-01-01")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "jekyll-posts new: nothing written, the site would read docs/posts/2099-01-01-長いタグ.md with problems:",
        "docs/posts/2099-01-01-長いタグ.md:4: date 2099-01-01 is more than a year ahead: is the year right?"
        " [jekyll_posts.date]",
        "docs/posts/2099-01-01-長いタグ.md:6: tags: 'xxxxxxxxxxxxxxxxxxxx'... is 60 characters long"
        " [jekyll_posts.taxonomy]",
    ]
    assert not (project / "docs" / "posts").exists()


def test_a_new_post_passes_the_check(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    new(capsys, SYMBOLS, "--tags", "C++,AI", "--category", "実験", "--author", "編集部", *DATE)
    new(capsys, "下書き", "--draft", *DATE)
    new(capsys, "手順", "--page", "--tags", "ガイド")
    status = check(["docs"])
    assert capsys.readouterr().out == "2 posts, 0 problems\n"
    assert status == 0


def test_a_site_with_a_new_post_builds_without_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    srcdir.mkdir()
    shutil.copy(ROOTS_DIR / "test-kb" / "conf.py", srcdir / "conf.py")
    (srcdir / "index.md").write_text("# Home\n\n```{postlist} 10\n:excerpts:\n```\n", encoding="utf-8")
    options = ["--tags", "C++,実験", "--category", "AI", "--author", "編集部", "--source", str(srcdir), *DATE]
    assert main(["new", SYMBOLS, *options]) == 0
    capsys.readouterr()
    built = build(srcdir, tmp_path / "_build")
    assert built.warnings == ""
    page = built.soup("posts/2026-01-02-c-plus-plus-と-ai-50-percent-の-実験-sharp-1-and-more.html")
    assert page.find("h1").get_text(strip=True).startswith(SYMBOLS)
    assert [link.get_text() for link in page.select("p.tags a")] == ["C++", "実験"]
    assert "Markdown で書きます" not in page.get_text()  # the placeholder is a comment: never shown
    assert page.find("meta", attrs={"name": "description"}) is None  # nor made the excerpt
