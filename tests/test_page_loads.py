"""Every kind of page loads in Chromium with no failed request and no console error.

One page of each kind of the shipped ``docs/`` site, served over HTTP and
opened from disk (``file://``): each request must succeed and the console
must stay free of errors (a missing ``searchindex.js`` and the theme's
"invalid theme mode" were both once on every page).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import Site

from jekyll_posts.testing.browser import serve

SAMPLE_POST = "posts/2026-01-01-llama-4-ai-future.html"
QUERIES = {"search": "?q=%E6%8E%A8%E8%AB%96"}  # 推論


def page_of_each_kind(outdir: Path) -> dict[str, str]:
    post = BeautifulSoup((outdir / SAMPLE_POST).read_text(encoding="utf-8"), "html.parser")

    def linked(selector: str) -> str:
        href = post.select_one(selector)["href"]
        return posixpath.normpath(posixpath.join("posts", unquote(href)))

    return {
        "home": "index.html",
        "post": SAMPLE_POST,
        "wiki page": "wiki/onboarding.html",
        "tag": linked("p.tags a"),
        "category": linked(".jekyll-post-category a"),
        "author": linked(".jekyll-post-author a"),
        "year archive": "blog/2026.html",
        "month archive": "blog/2026/01.html",
        "all posts": "blog.html",
        "archive": "blog/archive.html",
        "all tags": "blog/tag.html",
        "drafts": "blog/drafts.html",
        "search": "search.html",
    }


@pytest.fixture(scope="module")
def served(docs_site: Site) -> Iterator[str]:
    assert docs_site.returncode == 0, docs_site.stderr
    with serve(docs_site.outdir) as url:
        yield url


class Loading:
    """A page loading in a tab of its own, noting failed requests, HTTP errors and console errors;
    ``missing``: the page itself is expected to answer 404 (with the site's 404 page)."""

    def __init__(self, page: Any, url: str, missing: bool = False) -> None:
        self.page, self.url, self.problems = page, url, list[str]()

        def console(message: Any) -> None:
            if message.type == "error" and not (missing and message.location.get("url") == url):
                self.problems.append(f"console error: {message.text} {message.location.get('url', '')}")

        def response(answer: Any) -> None:
            if answer.status >= 400 and not (missing and answer.url == url and answer.status == 404):
                self.problems.append(f"HTTP {answer.status}: {answer.url}")

        page.on("console", console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: self.problems.append(f"failed: {request.url} {request.failure}"))
        page.on("response", response)
        page.goto(url, wait_until="commit")

    def settled(self) -> list[str]:
        """The problems once the page has loaded and made no request for half a second."""
        self.page.wait_for_load_state("networkidle")
        return self.problems


def problems_loading(page: Any, url: str, missing: bool = False) -> list[str]:
    return Loading(page, url, missing).settled()


def problems_loading_each(browser: Any, urls: dict[str, str]) -> dict[str, list[str]]:
    """``problems_loading`` of each URL, all loading at once, each in a tab of its own with the
    HTTP cache off (every request made, as on a first visit): the half second each waits to
    settle is waited once.  One context for all: a context each took twice as long."""
    context = browser.new_context()
    try:
        loading = {kind: Loading(uncached_tab(context), url) for kind, url in urls.items()}
        return {kind: each.settled() for kind, each in loading.items()}
    finally:
        context.close()


def uncached_tab(context: Any) -> Any:
    tab = context.new_page()
    context.new_cdp_session(tab).send("Network.setCacheDisabled", {"cacheDisabled": True})
    return tab


KINDS = [
    "home",
    "post",
    "wiki page",
    "tag",
    "category",
    "author",
    "year archive",
    "month archive",
    "all posts",
    "archive",
    "all tags",
    "drafts",
    "search",
]


@pytest.fixture(scope="module")
def problems_over_http(docs_site: Site, served: str, browser: Any) -> dict[str, list[str]]:
    pages = page_of_each_kind(docs_site.outdir)
    return problems_loading_each(browser, {kind: served + pages[kind] + QUERIES.get(kind, "") for kind in KINDS})


@pytest.fixture(scope="module")
def problems_from_disk(docs_site: Site, browser: Any) -> dict[str, list[str]]:
    pages = page_of_each_kind(docs_site.outdir)
    urls = {kind: (docs_site.outdir / pages[kind]).as_uri() + QUERIES.get(kind, "") for kind in KINDS}
    return problems_loading_each(browser, urls)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_loads_cleanly_over_http(problems_over_http: dict[str, list[str]], kind: str) -> None:
    assert problems_over_http[kind] == []


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_loads_cleanly_from_disk(problems_from_disk: dict[str, list[str]], kind: str) -> None:
    assert problems_from_disk[kind] == []


@pytest.mark.parametrize("address", ["no-such-page.html", "blog/tag/no/such/deep/page.html"])
def test_a_missing_page_shows_the_404_page_with_its_styles_and_links(
    docs_site: Site, served: str, new_tab: Any, address: str
) -> None:
    page = new_tab
    assert problems_loading(page, served + address, missing=True) == []  # styles, scripts, icons all load
    assert page.locator("article h1").inner_text() == "ページが見つかりません"
    links = page.eval_on_selector_all("a[href^='/']", "links => links.map(link => link.getAttribute('href'))")
    assert "/wiki/onboarding.html" in links  # the navigation, from the site's root
    for link in links:
        assert page.request.get(served.rstrip("/") + link.split("#")[0]).status == 200, link
