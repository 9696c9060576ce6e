"""「このページへのリンク」: every page lists the pages linking to it, through every kind of link.

The ``backlinks`` root: a guide linked by MyST path links (twice from one
post), ``{doc}``, ``{ref}`` and ``{any}``; a post linked from a post and a wiki
page; a draft and a self-link, which do not count.  Links by a post's old URL
are in ``test_jekyll.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Built, BuiltRoots, build, copy_root
from test_incremental import assert_same_site, html_mtimes, written_pages

GUIDE = "wiki/guide.html"
GLOSSARY = "wiki/glossary.html"
QUANTIZATION = "posts/2026-01-10-quantization.html"
BATCHING = "posts/2026-02-01-batching.html"
DRAFT = "posts/2026-02-15-draft.html"


def backlinks(built: Built, page: str) -> list[tuple[str, str]]:
    box = built.soup(page).select_one("article .jekyll-backlinks")
    if box is None:
        return []
    assert box.select_one(".rubric").get_text() == "このページへのリンク"
    return [(a.get_text(), a["href"]) for a in box.select("li a")]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("backlinks")
    return build(copy_root("backlinks", base), base / "_build")


@pytest.fixture
def site(built_roots: BuiltRoots) -> tuple[Path, Path]:
    """The ``backlinks`` root as its first build left it, to edit and build again."""
    return built_roots.fresh("backlinks")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_each_page_lists_the_pages_linking_to_it_newest_post_first(linked: Built) -> None:
    assert linked.warnings == ""
    assert backlinks(linked, GUIDE) == [
        ("バッチ処理", "../posts/2026-02-01-batching.html"),
        ("量子化で推論を速くする", "../posts/2026-01-10-quantization.html"),
        ("用語集", "glossary.html"),  # {doc}, {ref} and {any}: one entry
    ]
    assert backlinks(linked, GLOSSARY) == [("量子化で推論を速くする", "../posts/2026-01-10-quantization.html")]
    assert backlinks(linked, QUANTIZATION) == [
        ("バッチ処理", "2026-02-01-batching.html"),
        ("推論ガイド", "../wiki/guide.html"),
    ]


def test_a_linking_post_shows_its_date(linked: Built) -> None:
    dates = [span.get_text() for span in linked.soup(GUIDE).select(".jekyll-backlinks .jekyll-backlink-date")]
    assert dates == ["2026年2月1日", "2026年1月10日"]


def test_unlinked_pages_show_no_list_and_drafts_and_self_links_do_not_count(linked: Built) -> None:
    assert backlinks(linked, BATCHING) == []
    assert backlinks(linked, DRAFT) == []
    assert "下書き" not in dict(backlinks(linked, GUIDE))  # the draft links to the guide
    assert "量子化で推論を速くする" not in dict(backlinks(linked, QUANTIZATION))  # links to itself


def test_the_list_comes_after_the_footnotes_of_the_text(linked: Built) -> None:
    article = linked.soup(QUANTIZATION).select_one("article")
    parts = [" ".join(part["class"]) for part in article.select("aside.footnote-list, .jekyll-backlinks")]
    assert parts == ["footnote-list brackets", "jekyll-backlinks docutils container"]


def test_the_list_is_not_search_text(linked: Built) -> None:
    records = "".join(path.read_text(encoding="utf-8") for path in (linked.outdir / "_search").glob("p*.js"))
    assert "推論ガイド" in records
    assert "このページへのリンク" not in records


def test_removing_a_link_rewrites_the_page_it_pointed_to_and_no_other(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    before = html_mtimes(builddir / "html")
    links = "{doc}`guide` と {ref}`guide-setup` を参照。{any}`guide-setup` も同じ。"
    edit(srcdir / "wiki" / "glossary.md", links, "なし。")

    rebuilt = build(srcdir, builddir)

    assert [title for title, _ in backlinks(rebuilt, GUIDE)] == ["バッチ処理", "量子化で推論を速くする"]
    documents = {page for page in written_pages(rebuilt.outdir, before) if page.startswith(("posts/", "wiki/"))}
    assert documents == {GLOSSARY, GUIDE}
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_deleting_a_linking_post_removes_it_from_the_lists(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    (srcdir / "posts" / "2026-02-01-batching.md").unlink()

    rebuilt = build(srcdir, builddir)

    assert "バッチ処理" not in dict(backlinks(rebuilt, GUIDE))
    assert backlinks(rebuilt, QUANTIZATION) == [("推論ガイド", "../wiki/guide.html")]
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_retitling_or_adding_a_linking_page_updates_the_lists(site: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, builddir = site
    edit(srcdir / "posts" / "2026-02-01-batching.md", "title: バッチ処理", "title: 動的バッチ処理")
    (srcdir / "wiki" / "faq.md").write_text("# よくある質問\n\n[用語集](glossary.md)を参照。\n", encoding="utf-8")

    rebuilt = build(srcdir, builddir)

    assert backlinks(rebuilt, GUIDE)[0] == ("動的バッチ処理", "../posts/2026-02-01-batching.html")
    assert backlinks(rebuilt, GLOSSARY) == [
        ("量子化で推論を速くする", "../posts/2026-01-10-quantization.html"),
        ("よくある質問", "faq.html"),
    ]
    assert_same_site(rebuilt, build(srcdir, tmp_path / "clean"))


def test_a_parallel_build_gives_the_same_lists(linked: Built, tmp_path: Path) -> None:
    parallel = build(copy_root("backlinks", tmp_path), tmp_path / "_build", parallel=2)
    assert_same_site(parallel, linked)
