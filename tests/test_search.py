"""Japanese search, as a reader uses it: in Chromium, on the built site."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import Built, Site, build, copy_root

from jekyll_posts.core.search import normalize, term_hash, terms
from jekyll_posts.testing.browser import serve
from jekyll_posts.testing.search import pages_containing, sample_queries

SAMPLE_TITLE = "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"


def read_pages(outdir: Path) -> list[dict[str, Any]]:
    """The page records of the search index, in page-number order."""
    meta = _payload(outdir / "_search" / "meta.js")
    return [_payload(outdir / "_search" / f"p{number}.js") for number in range(meta["pages"])]


def _payload(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


@pytest.fixture(scope="module")
def docs_url(docs_site: Site) -> Iterator[str]:
    assert docs_site.returncode == 0, docs_site.stderr
    with serve(docs_site.outdir) as url:
        yield url


def search(page: Any, base: str, query: str) -> list[str]:
    page.goto(f"{base}search.html?q={quote(query)}")
    page.wait_for_selector("#jekyll-search[data-state=done]")
    return page.eval_on_selector_all(".jekyll-search-title", "links => links.map(link => link.textContent)")


@pytest.mark.parametrize(
    "query", ["推論", "性能", "マルチモーダル", "推論能力", "汎用AI", "画像認識", "自然言語処理", "技術者", "中小企業"]
)
def test_words_of_the_sample_post_find_it(page: Any, docs_url: str, query: str) -> None:
    assert SAMPLE_TITLE in search(page, docs_url, query)


@pytest.mark.parametrize(("query", "expected"), [("ＡＩ人材", SAMPLE_TITLE), ("ﾏﾙﾁﾓｰﾀﾞﾙ", SAMPLE_TITLE)])
def test_full_and_half_width_forms(page: Any, docs_url: str, query: str, expected: str) -> None:
    assert expected in search(page, docs_url, query)


def test_english_keeps_stemming(page: Any, docs_url: str) -> None:
    assert search(page, docs_url, "building") == ["Migrating our Jekyll blog to Sphinx and MyST"]


def test_several_words_find_pages_with_all_of_them(page: Any, docs_url: str) -> None:
    assert search(page, docs_url, "推論")[:2] == ["推論最適化の基礎：量子化とバッチ処理", SAMPLE_TITLE]
    assert search(page, docs_url, "推論 量子化") == ["推論最適化の基礎：量子化とバッチ処理"]
    assert search(page, docs_url, "推論 存在しない語") == []


def test_result_shows_date_and_highlighted_snippet(page: Any, docs_url: str) -> None:
    search(page, docs_url, "推論能力")
    result = page.locator(".jekyll-search-result").first
    assert result.locator(".jekyll-search-date").inner_text() == "2026年1月1日"
    assert result.locator(".jekyll-search-snippet mark").first.inner_text() == "推論能力"
    result.locator(".jekyll-search-title").click()
    page.wait_for_load_state()
    assert page.url.endswith("/posts/2026-01-01-llama-4-ai-future.html")


def test_the_theme_search_box_and_ctrl_k_use_it(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}index.html")
    page.keyboard.press("Control+k")
    dialog_input = page.locator("#pst-search-dialog input[name=q]")
    dialog_input.fill("推論能力")
    dialog_input.press("Enter")
    page.wait_for_selector("#jekyll-search[data-state=done]")
    assert "search.html" in page.url
    assert page.locator(".jekyll-search-title").all_inner_texts() == [SAMPLE_TITLE]


def test_opened_from_disk(page: Any, docs_site: Site) -> None:
    page.goto((docs_site.outdir / "search.html").as_uri() + "?q=" + quote("自然言語処理"))
    page.wait_for_selector("#jekyll-search[data-state=done]")
    assert page.locator(".jekyll-search-title").all_inner_texts() == [SAMPLE_TITLE]


def test_missing_index_says_so(page: Any, docs_site: Site, tmp_path: Path) -> None:
    broken = tmp_path / "html"
    shutil.copytree(docs_site.outdir, broken)
    shutil.rmtree(broken / "_search")
    with serve(broken) as url:
        search(page, url, "推論")
        assert "make html" in page.inner_text(".jekyll-search-status")


def test_the_browser_hashes_terms_as_the_index_does(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}search.html")
    words = ["推論", "ai", "build", "ガイ", "𠮷野"]
    hashes = page.evaluate("words => words.map(word => jekyllSearch.termHash(word))", words)
    assert hashes == [term_hash(word) for word in words]


def test_recall_on_a_fixed_query_set(page: Any, docs_url: str, docs_site: Site) -> None:
    records = read_pages(docs_site.outdir)
    texts = [f"{record['t']} {' '.join(record['g'])} {record['x']}" for record in records]
    queries = sample_queries(texts, 80, seed=4)
    page.goto(f"{docs_url}search.html")
    found = page.evaluate("queries => Promise.all(queries.map(query => jekyllSearch.pages(query)))", queries)
    normalized = [normalize(text) for text in texts]
    expected = [pages_containing(query, normalized) for query in queries]
    hits = sum(len(want & set(got)) for want, got in zip(expected, found, strict=True))
    assert sum(map(len, expected)) > 80
    assert hits / sum(map(len, expected)) >= 0.98
    japanese = [
        (want, set(got)) for query, want, got in zip(queries, expected, found, strict=True) if not query.isascii()
    ]
    assert len(japanese) > 40
    assert all(got == want for want, got in japanese)  # no page without the text typed


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("kb-search")
    built: Built = build(copy_root("kb", base), base / "_build")
    with serve(built.outdir) as url:
        yield url


def test_title_matches_first_then_tags_and_newer_wins_ties(page: Any, kb_url: str) -> None:
    assert search(page, kb_url, "ai")[:3] == [SAMPLE_TITLE, "Upper-case AI", "lower-case ai"]
    assert search(page, kb_url, "ガイド") == ["ガイドのページ", "lower-case ai", "Notes"]


def test_drafts_are_not_found(page: Any, kb_url: str) -> None:
    assert search(page, kb_url, "Secret plans") == []


def test_index_terms() -> None:
    assert terms("推論能力とAI、builds", lambda word: word.rstrip("s")) == {
        "推論",
        "論能",
        "能力",
        "力と",
        "ai",
        "build",
    }
    assert normalize("ＡＩ ｶﾞｲﾄﾞ") == "ai ガイド"
