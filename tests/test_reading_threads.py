"""Following threads in a browser: related pages, backlinks, a list's pages and section links all arrive.

The ``backlinks`` root (pages linking each other by every kind of link, with
a label on a section) is built with two posts a list page, served over HTTP
and read in Chromium: every link of each kind is clicked, and the page it
leads to must load (not the 404 page) and, for a link to a section, have
that section, scrolled into view.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Built, build, copy_root

from jekyll_posts.testing.browser import serve

#: the links a reader follows from page to page, by where they are
THREADS = {
    "related": "article .jekyll-related a",
    "backlinks": "article .jekyll-backlinks a",
    "pagination": ".jekyll-pagination a",
    "contents": "#pst-page-toc-nav a",
    "permalinks": "article a.headerlink",
    "cross-references": "article p a.reference.internal",
}

#: the root has one page with sections below its title, with one section
MINIMUM = {"contents": 1}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Built, str]]:
    base = tmp_path_factory.mktemp("threads")
    built = build(copy_root("backlinks", base), base / "_build", jekyll_posts_page_size=1)
    with serve(built.outdir) as url:
        yield built, url


def pages_with(built: Built, selector: str) -> list[str]:
    return [
        path.relative_to(built.outdir).as_posix()
        for path in built.html_pages()
        if built.soup(path.relative_to(built.outdir).as_posix()).select(selector)
    ]


def arrived(page: Any) -> dict[str, object]:
    """Where the browser is: the page's title, whether it is the 404 page, and the anchor's element."""
    return page.evaluate(
        """() => {
            const id = decodeURIComponent(location.hash.slice(1));
            const target = id ? document.getElementById(id) : null;
            const box = target ? target.getBoundingClientRect() : null;
            return {
                missing: document.title.startsWith("ページが見つかりません"),
                anchor: id,
                found: id ? target !== null : true,
                inView: box ? box.top >= -1 && box.top < window.innerHeight : true,
            };
        }"""
    )


@pytest.mark.parametrize("thread", THREADS)
def test_every_link_of_a_thread_arrives_at_its_page_and_section(
    site: tuple[Built, str], page: Any, thread: str
) -> None:
    built, url = site
    selector = THREADS[thread]
    followed = 0
    for start in pages_with(built, selector):
        page.goto(url + start)
        hrefs = page.locator(selector).evaluate_all("links => links.map(link => link.getAttribute('href'))")
        for number, href in enumerate(hrefs):
            if href in hrefs[:number]:  # the same link again on the page leads to the same place
                continue
            if number:  # back at the start page, as it loads, for the next link
                page.goto(url + start)
            link = page.locator(selector).nth(number)
            link.locator("xpath=..").hover()  # a heading's permalink shows when the heading is pointed at
            link.click()
            page.wait_for_load_state()
            where = arrived(page)
            assert where == {**where, "missing": False, "found": True, "inView": True}, (start, href, where)
            followed += 1
    assert followed >= MINIMUM.get(thread, 2), thread
