"""Section ids come from heading text and keep Japanese: permalinks, the page's contents and links use them.

The ``sections`` root has a post with repeated, labelled and symbol headings
and links to its own sections, a wiki page linking to them from outside, and a
reStructuredText page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Built, build, copy_root
from test_incremental import assert_same_site

from jekyll_posts.sphinxext.compat.myst import RESOLVES_ANCHORS_AT
from jekyll_posts.sphinxext.documents import ApplyFrontMatter
from jekyll_posts.sphinxext.sections import StableSectionIds

POST = "posts/2026-01-10-inference.html"
POST_IDS = [
    ["推論を速くする"],
    ["量子化"],
    ["まとめ"],
    ["バッチ処理"],
    ["まとめ-1"],
    ["measurements", "計測"],
    ["main-content-1"],  # kramdown's id, main-content, is the theme's: not given
    ["c-plus-plus-と-c-sharp", "c-と-c"],  # a Jekyll post's heading keeps the id kramdown gave it, last
    ["add-robots-txt", "add-robotstxt"],
]


@pytest.fixture(scope="module")
def sections(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("sections")
    return build(copy_root("sections", base), base / "_build")


def section_ids(soup: BeautifulSoup) -> list[list[str]]:
    """Each section's ids: its element's id, then those of the empty spans Sphinx writes in it."""
    found = []
    for section in soup.select("article section"):
        spans = [span["id"] for span in section.find_all("span", id=True, recursive=False)]
        found.append([section["id"], *spans])
    return found


def test_ids_are_the_heading_text_with_repeats_numbered_and_labels_first(sections: Built) -> None:
    assert sections.warnings == ""
    assert section_ids(sections.soup(POST)) == POST_IDS


def test_no_numbered_docutils_ids_are_left(sections: Built) -> None:
    for page in (POST, "wiki/rest.html", "wiki/links.html"):
        ids = [element["id"] for element in sections.soup(page).find_all(id=True)]
        assert not [id_ for id_ in ids if re.fullmatch(r"id\d+", id_)], page


def test_every_id_on_the_page_is_unique_theme_elements_included(sections: Built) -> None:
    ids = [element["id"] for element in sections.soup(POST).find_all(id=True)]
    assert "main-content" in ids
    assert len(ids) == len(set(ids))


def test_permalinks_and_the_contents_link_to_the_ids(sections: Built) -> None:
    soup = sections.soup(POST)
    primary_ids = [ids[0] for ids in POST_IDS]
    assert [a["href"] for a in soup.select("a.headerlink")] == [f"#{id_}" for id_ in primary_ids]
    assert [a["href"] for a in soup.select("#pst-page-toc-nav a")] == [f"#{id_}" for id_ in primary_ids[1:]]


def test_myst_links_to_a_section_use_its_id(sections: Built) -> None:
    soup = sections.soup(POST)
    links = [(a.get_text(), a["href"]) for a in soup.select("article p a.reference") if a["href"].startswith("#")]
    assert links == [
        ("量子化", "#量子化"),
        ("バッチ処理", "#バッチ処理"),
        ("こちら", "#まとめ-1"),
        ("計測の節", "#measurements"),
        ("この節", "#add-robots-txt"),  # written against kramdown's ids on the Jekyll site
        ("C++ の節", "#c-plus-plus-と-c-sharp"),
    ]
    ids = {element["id"] for element in soup.find_all(id=True)}
    assert {href[1:] for _, href in links} <= ids


def test_links_from_another_page_use_the_ids(sections: Built) -> None:
    links = [(a.get_text(), a["href"]) for a in sections.soup("wiki/links.html").select("article p a.reference")]
    assert links == [
        ("バッチ処理", "../posts/2026-01-10-inference.html#バッチ処理"),
        ("計測", "../posts/2026-01-10-inference.html#measurements"),
        ("手順へ", "#wiki-steps"),
    ]


def test_a_myst_label_before_a_heading_stays_its_first_id(sections: Built) -> None:
    assert section_ids(sections.soup("wiki/links.html")) == [["他のページから"], ["wiki-steps", "手順"]]


def test_restructuredtext_headings_follow_the_same_rule(sections: Built) -> None:
    soup = sections.soup("wiki/rest.html")
    assert section_ids(soup) == [["restructuredtext-のページ"], ["概要"]]
    assert [a["href"] for a in soup.select("article p a.reference")] == ["#概要"]


def test_a_section_added_above_changes_no_other_id(tmp_path: Path) -> None:
    srcdir = copy_root("sections", tmp_path)
    builddir = tmp_path / "_build"
    build(srcdir, builddir)
    post = srcdir / "posts" / "2026-01-10-inference.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("## 量子化", "## 前提\n\nGPU が一枚。\n\n## 量子化", 1), encoding="utf-8")

    rebuilt = build(srcdir, builddir)

    assert rebuilt.warnings == ""
    assert section_ids(rebuilt.soup(POST)) == [POST_IDS[0], ["前提"], *POST_IDS[1:]]
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_ids_are_final_before_myst_resolves_links_to_them() -> None:
    assert ApplyFrontMatter.default_priority < StableSectionIds.default_priority < RESOLVES_ANCHORS_AT


def test_a_post_whose_body_starts_with_a_heading_is_summed_up_by_its_first_paragraph(sections: Built) -> None:
    description = sections.soup("posts/2026-01-20-heading-first.html").select_one('meta[name="description"]')
    assert description is not None and description["content"] == "最初の段落がこの投稿の抜粋になります。"
    listed = sections.soup("blog.html").select(".ablog-post-excerpt p")
    assert "最初の段落がこの投稿の抜粋になります。" in [paragraph.get_text() for paragraph in listed]


def test_a_kramdown_id_is_an_id_of_its_post_not_a_project_label(sections: Built) -> None:
    """A post and its translation both have ``{: #typical-cases}``: no duplicate label, each links to its own."""
    assert "duplicate label" not in sections.warnings
    for post, ids in (("en", ["typical-cases"]), ("ja", ["typical-cases", "よくあるケース"])):
        soup = sections.soup(f"posts/2019-12-12-separation-{post}.html")
        assert section_ids(soup)[1] == ids  # the English heading's own id is the one it was given
        assert [a["href"] for a in soup.select("article p a.reference")] == ["#typical-cases"]


def test_a_link_to_a_place_marked_in_raw_html_leads_there(sections: Built) -> None:
    """``[上記](#serialnumber)`` to ``<a name="serialnumber"></a>``: MyST knew no such target and
    warned, failing a strict build (a real blog)."""
    page = "posts/2026-01-30-html-anchors.html"
    soup = sections.soup(page)
    paragraph = next(p for p in soup.select("article p") if "を見てください" in p.get_text())
    links = {a.get_text(): a["href"] for a in paragraph.select("a")}
    assert links == {"上記の写真": "#serialnumber", "下記の箱": "#写真の説明", "見出しへ": "#まとめ"}
    assert soup.select_one('a[name="serialnumber"]') is not None and soup.find(id="写真の説明") is not None
    assert "serialnumber" not in sections.warnings
