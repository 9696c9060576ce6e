"""A series: each part shows 「連載: <name> (n/m)」 with every part in order, and the series has a page.

The ``series`` root: two numbered parts (one spelling the series in lower
case), an unnumbered appendix dated between them (numbered parts come first),
a draft part and a post in no series.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import Built, build, copy_root
from test_incremental import assert_same_site, html_mtimes, written_pages

PARTS = ["posts/2026-01-05-basics.html", "posts/2026-01-20-int8.html", "posts/2026-01-12-appendix.html"]
TITLES = ["量子化とは何か", "INT8 量子化を試す", "付録：用語の整理"]
SERIES_PAGE = "blog/series/llmの量子化入門.html"


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("series")
    return build(copy_root("series", base), base / "_build")


def box(built: Built, page: str) -> tuple[str, list[str]] | None:
    """The series box under a post's header: its heading, and its parts (the page's own unlinked)."""
    found = built.soup(page).select_one("article .jekyll-post-header + .jekyll-series")
    if found is None:
        return None
    parts = [item.get_text() if item.select_one("a") else f"[{item.get_text()}]" for item in found.select("ol li")]
    return found.select_one(".jekyll-series-heading").get_text(), parts


def test_each_part_shows_its_place_and_every_part_in_reading_order(series: Built) -> None:
    assert series.warnings == ""
    assert box(series, PARTS[0]) == ("連載: LLMの量子化入門 (1/3)", ["[量子化とは何か]", TITLES[1], TITLES[2]])
    assert box(series, PARTS[1]) == ("連載: LLMの量子化入門 (2/3)", [TITLES[0], "[INT8 量子化を試す]", TITLES[2]])
    assert box(series, PARTS[2]) == ("連載: LLMの量子化入門 (3/3)", [TITLES[0], TITLES[1], "[付録：用語の整理]"])


def test_the_parts_link_to_each_other_and_the_series_page(series: Built) -> None:
    links = [unquote(a["href"]) for a in series.soup(PARTS[0]).select(".jekyll-series a")]
    assert links == ["../blog/series/llmの量子化入門.html", "2026-01-20-int8.html", "2026-01-12-appendix.html"]


def test_a_draft_part_shows_the_series_without_a_place_and_is_not_counted(series: Built) -> None:
    assert box(series, "posts/2026-02-01-draft.html") == ("連載: LLMの量子化入門", TITLES)
    assert box(series, "posts/2026-02-10-alone.html") is None


def test_the_series_page_lists_the_parts_numbered_and_the_overview_every_series(series: Built) -> None:
    page = series.soup(SERIES_PAGE)
    assert page.select_one("article h1").get_text() == "連載: LLMの量子化入門"
    assert [a.get_text() for a in page.select("ol.jekyll-series-posts li a")] == TITLES
    overview = series.soup("blog/series.html")
    assert [li.get_text(" ", strip=True) for li in overview.select(".jekyll-series-overview li")] == [
        "LLMの量子化入門 (3)"
    ]


def search_records(built: Built) -> dict[str, str]:
    """Each page's text as the search shows it, by URL."""
    records = {}
    for path in (built.outdir / "_search").glob("p*.js"):
        for call in re.finditer(r'jekyllSearchData\("p\d+",(\{.*\})\);', path.read_text(encoding="utf-8")):
            record = json.loads(call[1])
            records[record["u"]] = record["x"]
    return records


def test_the_box_is_not_search_text(series: Built) -> None:
    text = search_records(series)[PARTS[0]]
    assert "第1回は量子化の考え方です" in text
    assert not [title for title in TITLES[1:] if title in text]


def test_a_new_part_rewrites_the_series_and_gives_the_clean_site(tmp_path: Path) -> None:
    srcdir = copy_root("series", tmp_path)
    builddir = tmp_path / "_build"
    build(srcdir, builddir)
    before = html_mtimes(builddir / "html")
    (srcdir / "posts" / "2026-01-25-gptq.md").write_text(
        "---\ntitle: GPTQ\ndate: 2026-01-25\nseries: LLMの量子化入門\nseries_order: 3\n---\n\n第3回。\n",
        encoding="utf-8",
    )

    rebuilt = build(srcdir, builddir)

    assert box(rebuilt, PARTS[0]) == ("連載: LLMの量子化入門 (1/4)", ["[量子化とは何か]", TITLES[1], "GPTQ", TITLES[2]])
    written = written_pages(rebuilt.outdir, before)
    parts = {*PARTS, "posts/2026-02-01-draft.html"}  # every part shows the new one
    neighbours = {"posts/2026-01-20-int8.html", "posts/2026-02-10-alone.html"}  # its previous and next posts
    assert {page for page in written if page.startswith("posts/")} == {
        "posts/2026-01-25-gptq.html",
        *parts,
        *neighbours,
    }
    assert SERIES_PAGE in written_pages(rebuilt.outdir, before)
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))
