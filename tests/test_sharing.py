"""Sharing and hosting: OpenGraph and Twitter cards, sitemap.xml, robots.txt, "last updated", the edit button."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import Site, build, copy_root
from test_incremental import assert_same_site

SITE_URL = "http://localhost:8000/"
SAMPLE = "posts/2026-01-01-llama-4-ai-future.html"
SAMPLE_TITLE = "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(site: Site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / page).read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, name: str) -> str:
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    assert tag is not None, name
    return str(tag["content"])


def test_a_post_has_opengraph_and_twitter_metadata(docs_site: Site) -> None:
    page = soup(docs_site, SAMPLE)
    assert meta(page, "og:title") == SAMPLE_TITLE
    assert meta(page, "og:description") == SAMPLE_TITLE  # its excerpt
    assert meta(page, "og:url") == SITE_URL + SAMPLE
    assert meta(page, "og:site_name") == "チームナレッジベース"
    assert meta(page, "twitter:card") == "summary"
    assert len(page.find_all("meta", attrs={"name": "description"})) == 1


def test_a_posts_first_image_is_its_opengraph_image(tmp_path: Path) -> None:
    built = build(copy_root("jekyll", tmp_path), tmp_path / "_build", html_baseurl="https://kb.example.org/")
    page = built.soup("posts/2026-01-05-first.html")
    assert meta(page, "og:image") == "https://kb.example.org/_images/logo.png"
    assert meta(page, "og:description") == "最初の段落です。"


def sitemap_pages(outdir: Path) -> set[str]:
    root = ET.parse(outdir / "sitemap.xml").getroot()
    return {loc.text.removeprefix(SITE_URL) for loc in root.iter(f"{SITEMAP}loc") if loc.text}


def test_the_sitemap_lists_every_page(docs_site: Site) -> None:
    pages = sitemap_pages(docs_site.outdir)
    assert {"index.html", SAMPLE, "wiki/onboarding.html", "blog.html", "blog/archive.html", "blog/tag.html"} <= pages
    assert {"search.html", "genindex.html", "404.html"}.isdisjoint(pages)
    html = {path.relative_to(docs_site.outdir).as_posix() for path in docs_site.outdir.rglob("*.html")}
    assert pages <= html


def test_the_sitemap_of_a_rebuild_lists_every_page_too(tmp_path: Path) -> None:
    srcdir = copy_root("kb", tmp_path)
    build(srcdir, tmp_path / "_build", html_baseurl=SITE_URL)
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n追記です。\n", encoding="utf-8")
    rebuilt = build(srcdir, tmp_path / "_build", html_baseurl=SITE_URL)
    clean = build(srcdir, tmp_path / "clean", html_baseurl=SITE_URL)
    assert sitemap_pages(rebuilt.outdir) == sitemap_pages(clean.outdir)
    assert len(sitemap_pages(rebuilt.outdir)) > 20
    assert_same_site(rebuilt, clean)


@pytest.mark.parametrize("front_matter", ["noindex: true", "sitemap: false"])
def test_a_post_kept_from_search_engines_says_so_and_is_not_in_the_sitemap(tmp_path: Path, front_matter: str) -> None:
    """``noindex: true`` (Minimal Mistakes sites print a robots meta for it), ``sitemap: false`` (jekyll-sitemap)."""
    srcdir = copy_root("kb", tmp_path)
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(post.read_text(encoding="utf-8").replace("---\n", f"---\n{front_matter}\n", 1), "utf-8")
    built = build(srcdir, tmp_path / "_build", html_baseurl=SITE_URL)
    assert built.warnings == ""
    robots = built.soup("posts/2025-07-01-kite.html").find_all("meta", attrs={"name": "robots"})
    assert [tag["content"] for tag in robots] == ["noindex"]
    assert built.soup("posts/2025-06-01-upper-ai.html").find_all("meta", attrs={"name": "robots"}) == []
    pages = sitemap_pages(built.outdir)
    assert "posts/2025-07-01-kite.html" not in pages and "posts/2025-06-01-upper-ai.html" in pages


def test_robots_txt_points_to_the_sitemap(docs_site: Site) -> None:
    assert (docs_site.outdir / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    )


def test_pages_show_when_they_were_last_updated_in_git(docs_site: Site) -> None:
    footer = soup(docs_site, SAMPLE).select_one(".footer-item .last-updated, p.last-updated")
    assert footer is not None and "最終更新" in footer.get_text()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to make a checkout")
def test_a_missing_picture_in_a_git_checkout_is_one_warning_at_its_line(tmp_path: Path) -> None:
    """A real blog (tokoik/blog): each of 380 missing pictures was warned about twice, the second
    time by sphinx-last-updated-by-git, with no line."""
    srcdir = copy_root("kb", tmp_path)
    (srcdir / "posts" / "2025-08-01-lost.md").write_text(
        "---\ntitle: 写真\ndate: 2025-08-01\n---\n\n本文\n\n![なくした写真](/images/lost.png)\n", "utf-8"
    )
    identity = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.jp",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.jp",
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "posts"]):
        subprocess.run(["git", *command], cwd=srcdir, env={**os.environ, **identity}, check=True)
    built = build(srcdir, tmp_path / "_build")
    assert "最終更新" in built.soup("posts/2025-08-01-lost.html").get_text()  # the git extension is on
    lines = [line for line in built.warnings.splitlines() if "lost.png" in line]
    assert len(lines) == 1 and "2025-08-01-lost.md:8: WARNING: image file not readable" in lines[0], built.warnings


@pytest.mark.sphinx(
    "html", testroot="kb", confoverrides={"html_theme_options": {"repository_url": "https://github.com/example/kb"}}
)
def test_the_edit_button_is_there_when_a_repository_is_named(app: Any) -> None:
    app.build()
    page = BeautifulSoup((app.outdir / "posts" / "2025-07-01-kite.html").read_text(encoding="utf-8"), "html.parser")
    edit = page.select_one("a[href*='github.com/example/kb/edit']")
    assert edit is not None and edit["href"].endswith("posts/2025-07-01-kite.md")


def test_the_404_page_is_written_when_it_changes_and_a_documents_404_wins(tmp_path: Path) -> None:
    srcdir = copy_root("series", tmp_path)
    first = build(srcdir, tmp_path / "_build")
    page = first.outdir / "404.html"
    written = page.stat().st_mtime_ns
    assert "ページが見つかりません" in page.read_text(encoding="utf-8")
    build(srcdir, tmp_path / "_build")
    assert page.stat().st_mtime_ns == written  # a rebuild leaves it alone
    (srcdir / "404.md").write_text("# 迷子になりました\n\nトップページからどうぞ。\n", encoding="utf-8")
    rebuilt = build(srcdir, tmp_path / "_build")
    assert rebuilt.warnings == ""  # no clash with the generated page: the document's page is the 404 page
    assert "迷子になりました" in page.read_text(encoding="utf-8")
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_an_ideographic_space_in_a_title_stays_wherever_the_title_is_shown(tmp_path: Path) -> None:
    """``本当？　素人`` was shown as ``本当？ 素人``: white space was collapsed with Python's split,
    which counts U+3000 as white space (Jinja's ``striptags``, in the theme's ``<title>``, too);
    a browser does not."""
    srcdir = copy_root("kb", tmp_path)
    post = "---\ntitle: |-\n  本当？　素人が\n  読む\n---\n\n本文です。\n"  # a line break: one space
    (srcdir / "posts" / "2026-02-01-space.md").write_text(post, encoding="utf-8")
    built = build(srcdir, tmp_path / "_build")
    page = built.soup("posts/2026-02-01-space.html")
    shown = "本当？\u3000素人が 読む"
    assert page.select_one("article h1").get_text().removesuffix("#") == shown
    assert meta(page, "og:title") == shown
    assert page.title is not None and page.title.get_text().startswith(f"{shown} — ")
    assert shown in [a.get_text() for a in built.soup("blog.html").select("article a")]
