"""Every front matter value is text wherever it lands: element, attribute, ``<head>``, script, feed.

The ``injection`` root gives every key values that try to break out of an
attribute (``" onmouseover="…``, ``' onfocus='…' autofocus``), to add
elements (``<script>``, ``<img onerror>``, ``<svg onload>``) and to close a
script (``</script>``).  Each payload carries ``data-injected`` or runs
``alert(1)``: the test parses every page as a browser does (html5lib) and
fails on anything that came from a value; Chromium then opens every page and
fails on any dialog.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Built, build, copy_root

from jekyll_posts.testing.browser import serve

PAYLOADS = [
    'x" onmouseover="alert(1)" data-injected="1',
    "'><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(1) data-injected=1>',
    "' onfocus='alert(1)' autofocus data-injected='1",
    '"><svg onload=alert(1) data-injected=1>',
]
HEAD_ELEMENTS = {"meta", "link", "script", "style", "title", "noscript", "base"}
ATOM = "{http://www.w3.org/2005/Atom}"
# Runs every inline handler a value could have added.
FIRE_EVENTS = """
for (const element of document.querySelectorAll("*")) {
  for (const type of ["mouseover", "focus", "load", "error"]) element.dispatchEvent(new Event(type));
}
"""


@pytest.fixture(scope="module")
def injection(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("injection")
    return build(copy_root("injection", base), base / "_build")


def injected(soup: BeautifulSoup) -> list[str]:
    """Elements and attributes that a value added to the page."""
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if name == "data-injected" or (name.startswith("on") and "alert(1)" in text):
                found.append(f"<{element.name} {name}={text!r}>")
        if element.name == "script" and element.get_text().lstrip().startswith("alert(1)"):
            found.append(f"<script>{element.get_text()}</script>")
    head = soup.head
    if head is not None:
        found += [
            f"<{child.name}> in <head>"
            for child in head.children
            if isinstance(child, Tag) and child.name not in HEAD_ELEMENTS
        ]
    return found


def browser_soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def test_builds_without_warnings(injection: Built) -> None:
    assert injection.warnings == ""


def test_no_page_holds_anything_a_value_injected(injection: Built) -> None:
    pages = injection.html_pages()
    assert len(pages) > 20
    problems = {page.relative_to(injection.outdir).as_posix(): injected(browser_soup(page)) for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def test_the_shared_sidebar_blocks_hold_only_text(injection: Built) -> None:
    sidebar = BeautifulSoup(str(injection.blog_sidebar()), "html5lib")
    assert injected(sidebar) == []
    shown = {link.get_text() for link in sidebar.find_all("a")}
    assert {PAYLOADS[1], PAYLOADS[3]} <= shown


def test_an_old_urls_page_holds_the_title_as_text(injection: Built) -> None:
    """Redirect pages are drawn from their own template, outside the theme's page handlers."""
    for old, title in (("old/attributes/index.html", PAYLOADS[0]), ("old/elements.html", PAYLOADS[1])):
        redirect = browser_soup(injection.outdir / old)
        assert injected(redirect) == []
        assert redirect.title.get_text() == title
        assert redirect.select_one("body a").get_text() == title


def test_values_reach_the_page_as_the_literal_text(injection: Built) -> None:
    post = browser_soup(injection.outdir / "posts" / "2026-01-01-attributes.html")
    assert post.find("h1").get_text().rstrip("#") == PAYLOADS[0]
    assert post.title.get_text().startswith(PAYLOADS[0])
    assert [a.get_text() for a in post.select("p.tags a")] == PAYLOADS[1:5]
    assert post.find("meta", attrs={"name": "description"})["content"] == PAYLOADS[2]
    link = post.select_one(".jekyll-post-category a")
    assert link.get_text() == PAYLOADS[3]
    category = browser_soup(injection.outdir / "posts" / link["href"])
    assert PAYLOADS[3] in category.title.get_text()
    by_references = browser_soup(injection.outdir / "posts" / "2026-01-06-references.html")
    title = "<img src=x onerror=alert(1) data-injected=1> <script>alert(1)</script>"  # its characters, as text
    assert by_references.find("h1").get_text().rstrip("#") == title
    assert by_references.title.get_text().startswith(title)


def test_search_records_and_feeds_hold_the_literal_values(injection: Built) -> None:
    titles = set()
    for record in (injection.outdir / "_search").glob("p*.js"):
        text = record.read_text(encoding="utf-8")
        titles.add(json.loads(text[text.index(",") + 1 : text.rindex(")")])["t"])
    assert {PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[4]} <= titles
    feeds = sorted(injection.outdir.rglob("*.xml"))
    assert len(feeds) > 8
    feed_titles = set()
    for feed in feeds:
        root = ET.parse(feed).getroot()  # well-formed, whatever the values
        assert root.tag in {f"{ATOM}feed", "rss"}, feed
        feed_titles |= {title.text for title in root.iter(f"{ATOM}title")} | {
            title.text for title in root.iter("title")
        }
    for feed in injection.outdir.rglob("feed.json"):
        feed_titles |= {item["title"] for item in json.loads(feed.read_text(encoding="utf-8"))["items"]}
    assert {PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[4]} <= feed_titles


def moves_on_to(built: Built, page: str) -> str | None:
    """The page an old URL's page sends the reader to (its meta refresh), ``None`` for others."""
    refresh = built.soup(page).find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), refresh["content"].split("url=", 1)[1]))


def test_no_page_opens_a_dialog_in_chromium(injection: Built, new_tab: Any) -> None:
    page = new_tab
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    with serve(injection.outdir) as base:
        for path in injection.html_pages():
            name = path.relative_to(injection.outdir).as_posix()
            page.goto(base + name)
            target = moves_on_to(injection, name)
            if target is not None:  # an old URL's page moves on to its post: fire there, once it has
                page.wait_for_url(base + target)
            page.wait_for_load_state("load")
            page.evaluate(FIRE_EVENTS)
    assert dialogs == []


def test_payloads_cover_every_front_matter_key_shown() -> None:
    root = Path(__file__).parent / "roots" / "test-injection"
    text = "".join(path.read_text(encoding="utf-8") for path in root.rglob("*.md"))
    for key in (
        "title",
        "tags",
        "categories",
        "category",
        "author",
        "excerpt",
        "description",
        "image",
        "redirect_from",
    ):
        assert re.search(rf"^{key}:", text, re.MULTILINE), key
    assert all(payload.replace('"', '\\"') in text or payload in text for payload in PAYLOADS)
