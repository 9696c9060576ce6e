"""Titles, tags, categories, authors and excerpts are text wherever they appear."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build, copy_root

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT_TITLE = "<script data-injected=1>alert(1)</script> & <b data-injected=1>bold</b>"
MYST_TITLE = "{ref}`x` **bold** `code` [link](http://x) | a | b |"
TAGS = ['"><i data-injected=1>quote</i>', "a<b", "{tags} `code` *star* | pipe", "key: value"]
CATEGORY = "<img data-injected=1 src=x onerror=alert(1)>"
AUTHOR = "<a data-injected=1 href=x>M</a>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("hostile")
    return build(copy_root("hostile", base), base / "_build")


def test_builds_without_warnings(hostile: Built) -> None:
    assert hostile.warnings == ""


def test_no_page_holds_injected_markup(hostile: Built) -> None:
    pages = hostile.html_pages()
    assert len(pages) > 15
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select("[data-injected]") == [], page
        assert not any("alert(1)" in script.get_text() for script in soup.find_all("script")), page
    assert hostile.blog_sidebar().select("[data-injected]") == []


def test_values_are_shown_as_literal_text(hostile: Built) -> None:
    post = hostile.soup("posts/2026-01-01-script.html")
    assert post.find("h1").get_text().rstrip("#") == SCRIPT_TITLE
    assert [a.get_text() for a in post.select("p.tags a")] == TAGS
    assert [a.get_text() for a in post.select(".jekyll-post-category a")] == [CATEGORY, "cat: egory"]
    assert [a.get_text() for a in post.select(".jekyll-post-author a")] == [AUTHOR]
    assert post.find("meta", attrs={"name": "description"})["content"] == "</p><p data-injected=1>excerpt</p>"
    assert post.title.get_text().startswith(SCRIPT_TITLE)
    myst = hostile.soup("posts/2026-01-02-myst.html")
    assert myst.find("h1").get_text().rstrip("#") == MYST_TITLE


@pytest.mark.parametrize(
    ("page", "selector"),
    [
        ("index.html", ".ablog-post-title a"),
        ("blog.html", ".ablog-post-title a"),
        ("blog/2026.html", ".ablog-post-title a"),
        ("blog/2026/01.html", ".ablog-post-title a"),
    ],
)
def test_titles_in_lists_and_sidebars(hostile: Built, page: str, selector: str) -> None:
    texts = [a.get_text(strip=True) for a in hostile.soup(page).select(selector)]
    assert any(text.endswith(SCRIPT_TITLE) for text in texts), texts


def test_names_in_sidebars_and_taxonomy_pages(hostile: Built) -> None:
    sidebar = hostile.blog_sidebar()
    assert any(a.get_text().endswith(SCRIPT_TITLE) for a in sidebar.select(".ablog__recentposts a"))
    assert CATEGORY + " (1)" in [a.get_text() for a in sidebar.select(".ablog__categories a")]
    assert set(TAGS) <= {a.get_text() for a in sidebar.select(".jekyll-tag-cloud a")}
    overview = hostile.soup("blog/tag.html")
    assert set(TAGS) <= {a.get_text() for a in overview.select(".jekyll-tag-list a")}
    for link in hostile.soup("posts/2026-01-01-script.html").select("p.tags a"):
        tag_page = hostile.outdir / "posts" / link["href"]
        listed = BeautifulSoup(tag_page.read_text(encoding="utf-8"), "html.parser")
        assert SCRIPT_TITLE in [a.get_text() for a in listed.select(".ablog-post-title a")]


def test_feeds_are_well_formed_and_hold_the_literal_values(hostile: Built) -> None:
    feeds = sorted(hostile.outdir.rglob("atom.xml"))
    assert len(feeds) >= 8
    titles = set()
    for feed in feeds:
        root = ET.parse(feed).getroot()
        titles |= {entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")}
    assert {SCRIPT_TITLE, MYST_TITLE} <= titles
    summaries = {
        entry.findtext(f"{ATOM}summary")
        for entry in ET.parse(hostile.outdir / "blog" / "atom.xml").getroot().iter(f"{ATOM}entry")
    }
    assert summaries == {"</p><p data-injected=1>excerpt</p>", "{sub-ref}`today` and ]]> in a feed"}
