"""A Jekyll site's ``defaults:`` (``_config.yml``) give its posts their URLs, authors and tags.

The ``defaults`` root's site says what Chirpy's starter says, ``permalink: /posts/:title/`` for
every post, with an author, plus sets for pages (not posts), a glob of file names and the drafts.
"""

from __future__ import annotations

import contextlib
import io
import posixpath
from pathlib import Path

import pytest
from conftest import Built, BuiltRoots, build, copy_root
from test_incremental import assert_same_site, clean_build

from jekyll_posts.check import main as check

HELLO, SECOND, LATER = "posts/2025-09-05-hello.html", "posts/2025-09-06-second.html", "posts/2025-10-01-later.html"
DRAFT = "posts/_drafts/idea.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("defaults")
    return build(copy_root("defaults", base), base / "_build")


def authors(built: Built, page: str) -> list[str]:
    return [a.get_text() for a in built.soup(page).select(".jekyll-post-author a")]


def tags(built: Built, page: str) -> list[str]:
    return [a.get_text() for a in built.soup(page).select("p.tags a")]


def test_the_old_urls_are_the_defaults_permalink(site: Built) -> None:
    assert site.warnings == ""
    for title, page in (("hello", HELLO), ("second", SECOND), ("later", LATER)):
        redirect = f"posts/{title}/index.html"
        url = site.soup(redirect).find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=")[1]
        assert posixpath.normpath(posixpath.join(posixpath.dirname(redirect), url)) == page
    assert not (site.outdir / "2025").exists()  # the site's own style is not the posts'
    assert not (site.outdir / "pages").exists()  # a set for pages


def test_a_link_by_that_url_goes_to_the_post(site: Built) -> None:
    link = next(a for a in site.soup(HELLO).select("article a") if a.get_text() == "次の記事")
    assert link["href"] == "2025-09-06-second.html"


def test_a_posts_own_values_win_over_the_defaults(site: Built) -> None:
    assert authors(site, HELLO) == ["hantani"]
    assert authors(site, SECOND) == ["自分"]
    assert authors(site, LATER) == ["hantani"]
    assert tags(site, HELLO) == ["既定のタグ"]  # _posts/2025-09-0*
    assert tags(site, SECOND) == ["自分のタグ"]
    assert tags(site, LATER) == []
    assert "著者: 下書き係" in site.soup(DRAFT).get_text()  # the _drafts set's path is longer


def test_the_checker_agrees(site: Built) -> None:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = check([str(site.srcdir)])
    assert (status, output.getvalue().splitlines()) == (0, ["4 posts, 0 problems"])


def test_a_bad_default_value_is_reported_by_the_build_and_the_checker_alike(tmp_path: Path) -> None:
    """The checker reads the posts with the site's defaults, as the build does."""
    srcdir = copy_root("defaults", tmp_path)
    config = srcdir / "jekyll" / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("author: 下書き係", "author: [[下書き係]]"), "utf-8")
    built = build(srcdir, tmp_path / "_build")
    warned = [line for line in built.warnings.splitlines() if "jekyll_posts.taxonomy" in line]
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = check([str(srcdir)])
    checked = [line for line in output.getvalue().splitlines() if "jekyll_posts.taxonomy" in line]
    assert status == 1 and len(warned) == len(checked) == 1
    assert "posts/_drafts/idea.md:1:" in warned[0] and "posts/_drafts/idea.md:1:" in checked[0]
    assert "(a value of _config.yml's defaults:)" in warned[0] and "(a value of _config.yml's defaults:)" in checked[0]


def test_editing_the_defaults_rebuilds_the_posts_as_a_clean_build(built_roots: BuiltRoots, tmp_path: Path) -> None:
    srcdir, builddir = built_roots.fresh("defaults")
    config = srcdir / "jekyll" / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("author: hantani", "author: 編集部"), encoding="utf-8")
    rebuilt = build(srcdir, builddir)
    assert "0 added, 4 changed, 0 removed" in rebuilt.status  # the posts and the draft: they read _config.yml
    assert authors(rebuilt, HELLO) == ["編集部"]
    assert_same_site(rebuilt, clean_build(srcdir, tmp_path, "clean"))


def test_a_parallel_build_gives_the_serial_site(tmp_path: Path) -> None:
    """The defaults are read in each forked reader as in the main process."""
    srcdir = copy_root("defaults", tmp_path)
    for day in range(11, 15):
        post = f"---\ntitle: 九月{day}日\n---\n\n本文です。\n"
        (srcdir / "posts" / f"2025-09-{day}-day{day}.md").write_text(post, encoding="utf-8")
    serial = build(srcdir, tmp_path / "serial")
    parallel = build(srcdir, tmp_path / "parallel", parallel=2)
    chunks = [line for line in parallel.status.splitlines() if line.startswith("reading sources") and " .. " in line]
    assert chunks  # read in forked readers, a chunk of documents each
    assert authors(parallel, "posts/2025-09-11-day11.html") == ["hantani"]
    assert (parallel.outdir / "posts" / "day11" / "index.html").is_file()
    assert_same_site(parallel, serial)
