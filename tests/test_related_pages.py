"""「関連するページ」: each page ends with up to five related pages, ranked as the ``related`` root says.

The root's answer, from :mod:`jekyll_posts.core.related`'s rule (shared tags and
categories, each weighted by its rarity, plus close text):

- 量子化の基礎 shares 量子化 and AI with GPTQ, only text with 較正データ (no tags),
  the rare LLM and AI with 配信基盤, 量子化 with the guide (on three pages of six);
- 較正データ has no tag and no category: its text alone relates it to 量子化の基礎;
- the curry post shares nothing with anything and shows no list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Built, build, copy_root
from test_incremental import assert_same_site, html_mtimes, written_pages

BASICS = "posts/2026-01-05-quantization.html"
GPTQ = "posts/2026-01-12-gptq.html"
SERVING = "posts/2026-01-20-serving.html"
CURRY = "posts/2026-02-01-curry.html"
CALIBRATION = "posts/2026-02-10-calibration.html"
GUIDE = "wiki/quantization-guide.html"
EXPECTED = {
    BASICS: ["GPTQ で四ビット量子化", "較正データの選び方", "LLM の配信基盤", "量子化ガイド"],
    GPTQ: ["量子化の基礎", "LLM の配信基盤", "量子化ガイド"],
    SERVING: ["量子化の基礎", "GPTQ で四ビット量子化"],
    CURRY: [],
    CALIBRATION: ["量子化の基礎"],
    GUIDE: ["GPTQ で四ビット量子化", "量子化の基礎"],
}


@pytest.fixture(scope="module")
def related(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("related")
    return build(copy_root("related", base), base / "_build")


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    srcdir = copy_root("related", tmp_path)
    builddir = tmp_path / "_build"
    build(srcdir, builddir)
    return srcdir, builddir


def related_titles(built: Built, page: str) -> list[str]:
    box = built.soup(page).select_one("article .jekyll-related")
    if box is None:
        return []
    assert box.select_one(".rubric").get_text() == "関連するページ"
    return [a.get_text() for a in box.select(".jekyll-related-title a")]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_each_page_lists_its_related_pages_best_first(related: Built) -> None:
    assert related.warnings == ""
    assert {page: related_titles(related, page) for page in EXPECTED} == EXPECTED


def test_each_related_page_shows_its_date_and_excerpt_and_links_to_it(related: Built) -> None:
    first = related.soup(BASICS).select_one(".jekyll-related li")
    assert first.select_one("a")["href"] == "2026-01-12-gptq.html"
    assert first.select_one(".jekyll-related-date").get_text() == "2026年1月12日"
    assert first.select_one(".jekyll-related-summary").get_text() == "GPTQ による四ビット量子化の手順。"


def test_the_list_ends_the_page_whose_body_has_its_own_top_headings(related: Built) -> None:
    text = related.soup(BASICS).select_one("article").get_text()
    assert text.index("混合精度推論を使います") < text.index("関連するページ")


def test_the_home_page_has_no_list_and_its_excerpts_of_posts_none_either(related: Built) -> None:
    home = related.soup("index.html")
    assert len(home.select(".postlist .ablog-post-excerpt")) == 3
    assert home.select(".jekyll-related, .jekyll-backlinks, .jekyll-series") == []


def test_the_list_is_not_search_text(related: Built) -> None:
    records = "".join(path.read_text(encoding="utf-8") for path in (related.outdir / "_search").glob("p*.js"))
    assert "GPTQ による四ビット量子化の手順。" not in records  # an excerpt only a related list shows


def test_a_body_edit_rewrites_only_the_pages_whose_list_changed(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    before = html_mtimes(builddir / "html")
    post = srcdir / "posts" / "2026-02-10-calibration.md"
    front_matter = post.read_text(encoding="utf-8").split("---\n\n")[0]
    post.write_text(f"{front_matter}---\n\n週末は社内の花見でした。桜の下で弁当を食べました。\n", encoding="utf-8")

    rebuilt = build(srcdir, builddir)

    assert related_titles(rebuilt, BASICS) == ["GPTQ で四ビット量子化", "LLM の配信基盤", "量子化ガイド"]
    assert related_titles(rebuilt, CALIBRATION) == []
    documents = {page for page in written_pages(rebuilt.outdir, before) if page.startswith(("posts/", "wiki/"))}
    assert documents == {CALIBRATION, BASICS}
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_a_retitled_page_is_renamed_in_every_list_showing_it(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    edit(srcdir / "posts" / "2026-01-12-gptq.md", "title: GPTQ で四ビット量子化", "title: GPTQ 入門")

    rebuilt = build(srcdir, builddir)

    assert related_titles(rebuilt, BASICS)[0] == "GPTQ 入門"
    assert related_titles(rebuilt, GUIDE)[0] == "GPTQ 入門"
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_a_new_tag_shared_with_the_curry_post_relates_them(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    edit(srcdir / "posts" / "2026-01-20-serving.md", "tags: [LLM]", "tags: [LLM, 料理]")

    rebuilt = build(srcdir, builddir)

    assert related_titles(rebuilt, CURRY) == ["LLM の配信基盤"]
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_deleting_a_page_takes_it_out_of_every_list(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    (srcdir / "posts" / "2026-01-12-gptq.md").unlink()

    rebuilt = build(srcdir, builddir)

    assert "GPTQ で四ビット量子化" not in related_titles(rebuilt, BASICS)
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_a_parallel_build_gives_the_same_lists(related: Built, tmp_path: Path) -> None:
    assert_same_site(build(copy_root("related", tmp_path), tmp_path / "_build", parallel=2), related)
