"""Bad front matter warns at file:line with a type and subtype; the post still builds."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import build, copy_root, strip_colours
from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("warnings")
    return build(copy_root("warnings", base), base / "_build")


def warning_lines(output: str, srcdir: Path) -> list[str]:
    return [line.replace(f"{srcdir}/", "") for line in output.splitlines() if "jekyll_posts" in line]


def test_each_bad_value_is_one_warning_at_its_line(warned) -> None:
    bad = "posts/2026-01-05-bad-values.md"
    assert warning_lines(warned.warnings, warned.srcdir) == [
        f"{bad}:3: WARNING: date: '2026-02-30' is not a real calendar date [jekyll_posts.date]",
        f"{bad}:4: WARNING: tags: expected text or a list of text, got a mapping [jekyll_posts.taxonomy]",
        f"{bad}:5: WARNING: categories: list items must be text, skipped a list [jekyll_posts.taxonomy]",
        f"{bad}:6: WARNING: author: expected text or a list of text, got true/false [jekyll_posts.taxonomy]",
        f"{bad}:7: WARNING: excerpt: expected text, got list [jekyll_posts.excerpt]",
        f"{bad}:8: WARNING: reading_time: expected minutes, got 'soon' [jekyll_posts.reading_time]",
        f"{bad}:9: WARNING: published: expected true or false [jekyll_posts.published]",
        "posts/2026-01-06-empty-tags.md:6: WARNING: the tags directive lists no tags [jekyll_posts.taxonomy]",
        "posts/broken-yaml.md:1: WARNING: no date and no YYYY-MM-DD- file name: "
        "the file's modification time is used [jekyll_posts.date]",
        "posts/broken-yaml.md:4: WARNING: front matter is not valid YAML (column 1): "
        "found unexpected end of stream [jekyll_posts.yaml]",
    ]


def test_posts_with_bad_values_still_build(warned) -> None:
    bad = warned.soup("posts/2026-01-05-bad-values.html")
    assert bad.find("h1").get_text(strip=True).rstrip("¶") == "Bad values"
    assert [a.get_text() for a in bad.select(".jekyll-post-category a")] == ["ok"]
    assert "読了時間 約1分" in bad.select_one(".jekyll-post-info").get_text()
    broken = warned.soup("posts/broken-yaml.html")
    assert broken.find("h1").get_text(strip=True).rstrip("¶") == "Still a page"


@pytest.mark.sphinx(
    "html", testroot="warnings", confoverrides={"suppress_warnings": ["jekyll_posts.taxonomy", "jekyll_posts.date"]}
)
def test_a_subtype_can_be_silenced(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    subtypes = {line.rsplit("[", 1)[1] for line in warning_lines(strip_colours(warning.getvalue()), app.srcdir)}
    assert subtypes == {
        "jekyll_posts.excerpt]",
        "jekyll_posts.reading_time]",
        "jekyll_posts.published]",
        "jekyll_posts.yaml]",
    }


BAD_CONFIG = [
    ("jekyll_posts_timezone", "Mars/Olympus", "Asia/Tokyo", "is not an IANA time zone name"),
    ("jekyll_posts_chars_per_minute", 0, 500, "must be a positive whole number"),
    ("jekyll_posts_words_per_minute", -5, 200, "must be a positive whole number"),
    ("jekyll_posts_page_size", 0, 20, "must be a positive whole number"),
    ("jekyll_posts_post_folders", ["posts", 3], ["posts"], "must be a list of folder names"),
    ("jekyll_posts_site", "", None, "must be the path of a Jekyll site folder"),
    ("jekyll_posts_site_url", "  ", None, "must be the URL of the Jekyll site"),
    (
        "jekyll_posts_markdown_extensions",
        ["md", ".markdown"],
        ["markdown", "mkdown", "mkdn", "mkd", "md"],
        "must be a list of file name extensions",
    ),
]


@pytest.mark.parametrize(("name", "value", "default", "reason"), BAD_CONFIG)
def test_bad_config_values_warn_and_fall_back(
    make_app: Any, rootdir: Path, tmp_path: Path, name: str, value: object, default: object, reason: str
) -> None:
    srcdir = tmp_path / "warnings"
    shutil.copytree(rootdir / "test-warnings", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={name: value})
    app.build()
    expected = f"conf.py:1: WARNING: {name} = {value!r} {reason}; using {default!r} [jekyll_posts.config]"
    warnings = strip_colours(app.warning.getvalue()).splitlines()
    assert [line for line in warnings if line.endswith(expected)] != []
    assert getattr(app.config, name) == default
    # 20:00 UTC on 5 January is 6 January in Tokyo, the fallback zone
    page = (app.outdir / "posts" / "2026-01-06-empty-tags.html").read_text(encoding="utf-8")
    assert "2026年1月6日" in BeautifulSoup(page, "html.parser").get_text()


def test_every_config_value_has_a_negative_case(warned) -> None:
    declared = {option.name for option in warned.app.config if option.name.startswith("jekyll_posts_")}
    assert declared == {name for name, *_ in BAD_CONFIG}
