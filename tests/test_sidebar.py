"""The blog's sidebar blocks, as a reader sees them: inserted in Chromium on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import Built, build, copy_root

from jekyll_posts.testing.browser import serve

BLOCKS = (".ablog__recentposts", ".ablog__categories", ".jekyll-tag-cloud", ".ablog__archives")


@pytest.fixture(scope="module")
def kb_url(kb: Built) -> Iterator[str]:
    with serve(kb.outdir) as url:
        yield url


def sidebar_links(page: Any) -> list[str]:
    return page.eval_on_selector_all(".jekyll-blog-sidebar a", "links => links.map(link => link.href)")


def served_file(outdir: Path, base: str, url: str) -> Path:
    assert url.startswith(base), url
    return outdir / unquote(urlsplit(url).path).lstrip("/")


@pytest.mark.parametrize(
    "pagename", ["index.html", "posts/2025-07-01-kite.html", "blog/tag/ai.html", "wiki/guide.html"]
)
def test_every_page_shows_each_block_once_with_working_links(page: Any, kb: Built, kb_url: str, pagename: str) -> None:
    page.goto(kb_url + pagename)
    sidebar = page.locator(".bd-sidebar-primary")
    for block in BLOCKS:
        assert sidebar.locator(block).count() == 1, block
    assert page.locator("nav.bd-docs-nav").count() == 1
    links = sidebar_links(page)
    assert len(links) > 10
    for url in links:
        assert served_file(kb.outdir, kb_url, url).is_file(), url


def test_recent_posts_leave_out_the_page_itself(page: Any, kb_url: str) -> None:
    page.goto(kb_url + "posts/2026-01-01-llama-4.html")
    recent = page.locator(".ablog__recentposts li").all_text_contents()
    assert len(recent) == 3  # the kb root has four listed posts
    assert not any("Llama 4" in item for item in recent)
    assert recent[0].endswith("カイトを揚げる")
    page.goto(kb_url + "wiki/guide.html")
    recent = page.locator(".ablog__recentposts li").all_text_contents()
    assert len(recent) == 4
    assert "Llama 4" in recent[0]


def test_hostile_names_stay_text(page: Any, tmp_path: Path) -> None:
    hostile = build(copy_root("hostile", tmp_path), tmp_path / "_build")
    with serve(hostile.outdir) as url:
        page.goto(url + "index.html")
        page.wait_for_selector(".ablog__categories")
        assert page.locator("[data-injected]").count() == 0
        categories = page.locator(".ablog__categories li a").all_text_contents()
        assert "<img data-injected=1 src=x onerror=alert(1)>" + " (1)" in categories
