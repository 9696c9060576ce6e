"""Japanese search, as a reader uses it: in Chromium, on the built site."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import snowballstemmer
from conftest import Built, Site, build, copy_root

from jekyll_posts.core.search import FIELD_WEIGHTS, IndexedPage, SearchPage, normalize, runs, term_hash, terms
from jekyll_posts.sphinxext import search as search_module
from jekyll_posts.sphinxext.search import SearchTexts
from jekyll_posts.sphinxext.state import Store
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


def test_an_emoji_in_the_query_is_not_a_word(page: Any, docs_url: str) -> None:
    assert SAMPLE_TITLE in search(page, docs_url, "汎用AI❤️")  # ❤️ ends in a variation selector, a mark


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


def with_meta(site: Path, destination: Path, **changes: object) -> Path:
    """A copy of a built site whose search meta.js is changed (a value of None removes the key)."""
    shutil.copytree(site, destination)
    meta = destination / "_search" / "meta.js"
    data = {key: value for key, value in {**_payload(meta), **changes}.items() if value is not None}
    meta.write_text(f'jekyllSearchData("meta",{json.dumps(data, ensure_ascii=False)});\n', encoding="utf-8")
    return destination


def test_the_browser_splits_with_the_japanese_characters_of_the_index(
    page: Any, docs_site: Site, tmp_path: Path
) -> None:
    with serve(with_meta(docs_site.outdir, tmp_path / "html", japanese="\u4e00-\u9fff")) as url:  # kanji only
        page.goto(f"{url}search.html")
        assert page.evaluate("jekyllSearch.runs('推論とカタカナ')") == ["推論", "とカタカナ"]


def test_an_index_older_than_the_script_says_to_build_again(page: Any, docs_site: Site, tmp_path: Path) -> None:
    with serve(with_meta(docs_site.outdir, tmp_path / "html", japanese=None)) as url:
        search(page, url, "推論")
        assert "make html" in page.inner_text(".jekyll-search-status")


def test_the_browser_hashes_terms_as_the_index_does(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}search.html")
    words = ["推論", "ai", "build", "ガイ", "𠮷野"]
    hashes = page.evaluate("words => words.map(word => jekyllSearch.termHash(word))", words)
    assert hashes == [term_hash(word) for word in words]


#: Words Snowball releases 3.0 and 3.1 stem differently: with the index stemmed by one and the browser
#: by the other (Sphinx ships 3.0 in JavaScript), ``internal`` found nothing.
RELEASE_DEPENDENT_WORDS = ["internal", "internally", "international", "interval", "intervals", "interfering", "skis"]


def test_the_browser_stems_words_as_the_index_does(page: Any, docs_url: str, docs_site: Site) -> None:
    records = read_pages(docs_site.outdir)
    words = sorted({word for record in records for word in re.findall(r"[a-z]+", normalize(record["x"]))})
    words += [*RELEASE_DEPENDENT_WORDS, "building", "generously", "dying", "news", "skies", "café", "naïve"]
    page.goto(f"{docs_url}search.html")
    stems = page.evaluate("words => words.map(word => new EnglishStemmer().stemWord(word))", words)
    stem = snowballstemmer.stemmer("english").stemWord
    assert len(words) > 100
    assert {word: got for word, got in zip(words, stems, strict=True) if got != stem(word)} == {}


#: Texts split and indexed by core/search.py and again, for queries, by the browser.
TOKENIZER_INPUTS = [
    "",
    "推論能力とAI、builds",
    "汎用AIの性能が2倍になった",
    "ＡＩ人材とｶﾀｶﾅ、ﾏﾙﾁﾓｰﾀﾞﾙ",  # full and half width
    "コーヒー・ブレーク、ｽｰﾊﾟｰ",  # prolonged sound marks, full and half width
    "人々、時々刻々、〆切、〇〇方式",
    "「推論」（能力）！？…・",
    "2026年1月1日、１２３、Ⅻ章、①番、½杯",
    "don't O'Neill's it’s rock'n'roll snake_case_name",
    "internal international interval skis interfering building generously",
    "AI❤️推論 1️⃣ 👍🏽 👨‍👩‍👧",  # emoji: a variation selector and a keycap are marks
    "𠮷野家、𩸽(ほっけ)",  # kanji outside the BMP
    "Cafe\u0301 İstanbul हिन्दी ภาษาไทย ΟΔΟΣ 한국어",  # marks, casing, other scripts
    "か゛ ヿ ゟ ㍿ ﬁne",  # characters NFKC turns into two or more
]


def test_the_browser_splits_and_indexes_text_as_the_index_does(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}search.html")
    split = page.evaluate(
        """texts => Promise.all(texts.map(async text =>
            [await jekyllSearch.runs(text), (await jekyllSearch.parse(text)).terms]))""",
        TOKENIZER_INPUTS,
    )
    stem = snowballstemmer.stemmer("english").stemWord
    browser = {
        text: (got_runs, sorted(got_terms)) for text, (got_runs, got_terms) in zip(TOKENIZER_INPUTS, split, strict=True)
    }
    index = {text: (list(runs(normalize(text))), sorted(terms(text, stem))) for text in TOKENIZER_INPUTS}
    assert {text: got for text, got in browser.items() if got != index[text]} == {}
    assert index["AI❤️推論 1️⃣ 👍🏽 👨‍👩‍👧"] == (["ai", "推論", "1"], ["1", "ai", "推論"])


def test_recall_on_a_fixed_query_set(page: Any, docs_url: str, docs_site: Site) -> None:
    records = read_pages(docs_site.outdir)
    texts = [f"{record['t']} {' '.join(record['n'])} {' '.join(record['g'])} {record['x']}" for record in records]
    queries = sample_queries(texts, 80, seed=4) + sample_queries([" ".join(r["n"]) for r in records], 20, seed=5)
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


def test_an_authors_name_or_a_category_finds_their_posts(page: Any, docs_url: str) -> None:
    assert SAMPLE_TITLE in search(page, docs_url, "ALLFORCES編集部")
    assert search(page, docs_url, "AI最新ニュース")[:2] == [SAMPLE_TITLE, "推論最適化の基礎：量子化とバッチ処理"]


def test_an_authors_posts_come_newest_first_drafts_aside(page: Any, kb_url: str) -> None:
    assert search(page, kb_url, "taro") == ["カイトを揚げる", "Upper-case AI"]


def test_names_rank_between_titles_and_tags() -> None:
    assert list(FIELD_WEIGHTS) == ["title", "names", "tags", "body"]
    assert FIELD_WEIGHTS["title"] > FIELD_WEIGHTS["names"] > FIELD_WEIGHTS["tags"] > FIELD_WEIGHTS["body"]


def test_drafts_are_not_found(page: Any, kb_url: str) -> None:
    assert search(page, kb_url, "Secret plans") == []


@pytest.fixture(scope="module")
def text_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site of short posts whose text changes length under NFKC before and inside the matches."""
    base = tmp_path_factory.mktemp("search-text")
    built: Built = build(copy_root("search-text", base), base / "_build")
    with serve(built.outdir) as url:
        yield url


def shown(page: Any, base: str, query: str, title: str) -> tuple[list[str], list[str], str]:
    """The marked parts of the result's title and snippet, and the snippet's text."""
    search(page, base, query)
    results = page.eval_on_selector_all(
        ".jekyll-search-result",
        """items => items.map(item => [
            item.querySelector(".jekyll-search-title").textContent,
            [...item.querySelectorAll(".jekyll-search-title mark")].map(mark => mark.textContent),
            [...item.querySelectorAll(".jekyll-search-snippet mark")].map(mark => mark.textContent),
            item.querySelector(".jekyll-search-snippet").textContent,
        ])""",
    )
    found = {shown_title: (title_marks, marks, text) for shown_title, title_marks, marks, text in results}
    assert title in found, list(found)
    return found[title]


#: Titles of the posts of tests/roots/test-search-text and their search text: the body, under
#: the title the result shows (a snippet repeated the title, seen on a real blog).
ELLIPSIS = ("三点リーダー…推論能力の話", "それは……推論能力の話。えー…推論能力かな。")
HALF_WIDTH = ("半角カナ", "ﾃﾞｰﾀとﾏﾙﾁﾓｰﾀﾞﾙ、そしてマルチモーダル推論。")
FULL_WIDTH = ("全角英字", "ＡＩの時代、ＡＩ人材とAI人材。")
EXPANDING = ("広がる文字", "㍿とﬁneｶﾞｲﾄﾞとCafe\u0301の推論能力。")  # ㍿ ﬁ ｶﾞ e◌́ change length
NON_BMP = ("サロゲート", "𠮷野家の𠮷と推論能力。")
FAR = ("遠い一致", "…" + "…" * 40 + "推論能力の話。")  # the body has 100 … first: the snippet shows the last 40
#: emphasis, code and a line break between two Japanese characters add no space to the text; <br> and a hard break do
INLINE = (
    "強調の中",
    "これは推論能力の結果で、改行をまたぎます。Liquid Drop for Page objects. Next code!"
    " After a break and a hard one.",
)


@pytest.mark.parametrize(
    ("query", "post", "marks"),
    [
        pytest.param("推論能力", ELLIPSIS, ["推論能力"] * 2, id="ellipsis"),
        pytest.param("マルチモーダル", HALF_WIDTH, ["ﾏﾙﾁﾓｰﾀﾞﾙ", "マルチモーダル"], id="full-width-typed"),
        pytest.param("ﾏﾙﾁﾓｰﾀﾞﾙ", HALF_WIDTH, ["ﾏﾙﾁﾓｰﾀﾞﾙ", "マルチモーダル"], id="half-width-typed"),
        pytest.param("ＡＩ人材", FULL_WIDTH, ["ＡＩ", "ＡＩ", "人材", "AI", "人材"], id="full-width-latin-typed"),
        pytest.param("AI人材", FULL_WIDTH, ["ＡＩ", "ＡＩ", "人材", "AI", "人材"], id="latin-typed"),
        pytest.param("推論能力", EXPANDING, ["推論能力"], id="after-expanding-and-composing"),
        pytest.param("株式会社", EXPANDING, ["㍿"], id="square-sign"),
        pytest.param("ガイド", EXPANDING, ["ｶﾞｲﾄﾞ"], id="half-width-voiced"),
        pytest.param("fine", EXPANDING, ["ﬁne"], id="ligature"),
        pytest.param("café", EXPANDING, ["Cafe\u0301"], id="combining-accent"),
        pytest.param("推論能力", NON_BMP, ["推論能力"], id="after-non-bmp"),
        pytest.param("𠮷野家", NON_BMP, ["𠮷", "野家", "𠮷"], id="non-bmp"),
        pytest.param("推論能力", FAR, ["推論能力"], id="far-after-ellipses"),
        pytest.param("能力の結果", INLINE, ["能力の結果"], id="across-emphasis"),
    ],
)
def test_marks_are_the_original_characters_of_the_match(
    page: Any, text_url: str, query: str, post: tuple[str, str], marks: list[str]
) -> None:
    title, text = post
    _, shown_marks, shown_text = shown(page, text_url, query, title)
    assert shown_marks == marks
    assert shown_text == text  # every character as written, none lost or split
    assert all(normalize(mark) in set(runs(normalize(query))) for mark in shown_marks)


def test_a_snippet_shows_the_text_of_raw_html_not_its_markup(page: Any, text_url: str) -> None:
    """``<!-- more -->`` (an excerpt separator) and tags were in the snippets, seen on a real blog."""
    _, marks, text = shown(page, text_url, "推論能力", "生のHTML")
    assert marks == ["推論能力", "推論能力"]
    assert "<" not in text and "ignored" not in text
    assert "詳細" in text and "推論能力の&補足" in text


def test_title_marks_are_the_original_characters_of_the_match(page: Any, text_url: str) -> None:
    title_marks, _, _ = shown(page, text_url, "推論能力", ELLIPSIS[0])
    assert title_marks == ["推論能力"]


def test_a_match_inside_one_original_character_marks_that_character(page: Any, text_url: str) -> None:
    _, marks, _ = shown(page, text_url, "株式", EXPANDING[0])
    assert marks == ["㍿"]


@pytest.mark.parametrize(
    ("title", "run"),
    [
        pytest.param("サロゲート切れ目", "𠮷" * 60, id="non-bmp"),
        pytest.param("切れ目の濁点", "ﾃﾞ" * 60, id="half-width-voiced"),
    ],
)
def test_a_snippet_cut_keeps_surrogate_pairs_and_half_width_voiced_kana_whole(
    page: Any, text_url: str, title: str, run: str
) -> None:
    _, marks, text = shown(page, text_url, "推論能力", title)
    assert marks == ["推論能力"]
    assert text.startswith("…" + run[:2])
    assert (run + "x推論能力。").endswith(text[1:])


def test_snippets_cut_between_characters_wherever_the_match_falls(page: Any, text_url: str) -> None:
    page.goto(f"{text_url}search.html")
    texts = ["x" * shift + "𠮷ﾃﾞ" * 30 + "推論能力の話" for shift in range(4)]
    shown = page.evaluate(
        """texts => texts.map(text => {
            const box = document.createElement("p");
            box.innerHTML = jekyllSearch.snippet(text, ["推論能力"]);
            return [box.textContent, [...box.querySelectorAll("mark")].map(mark => mark.textContent)];
        })""",
        texts,
    )
    for text, (snippet, marks) in zip(texts, shown, strict=True):
        assert marks == ["推論能力"]
        assert snippet.startswith("…") and text.endswith(snippet[1:])
        assert normalize(snippet[1:]).startswith(("𠮷", "デ")), snippet[:4]  # not half a character


def test_any_character_before_a_match_leaves_the_mark_on_the_match(page: Any, text_url: str) -> None:
    """Every code point of the BMP, and a spread of the others, before ``推論能力``."""
    page.goto(f"{text_url}search.html")
    wrong = page.evaluate(
        """() => {
            const escape = (text) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
            const wrong = [];
            for (let code = 0; code < 0x110000; code += code < 0x10000 ? 1 : 97) {
                if (code >= 0xd800 && code <= 0xdfff) continue;
                const char = String.fromCodePoint(code);
                const html = jekyllSearch.snippet(char + "推論能力", ["推論能力"]);
                if (html !== `${escape(char)}<mark>推論能力</mark>`) wrong.push([code, html]);
            }
            return wrong;
        }"""
    )
    assert wrong == []


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


def test_a_page_read_again_unchanged_leaves_the_index_alone(tmp_path: Path) -> None:
    """Terms are sets: their order differs between processes, so it must not count as a change."""
    texts = SearchTexts(Store(tmp_path))
    page = SearchPage("a.html", "推論", "", (), "本文の推論", (0.0, "推論"))
    texts.note("a", IndexedPage(page, ("推論", "", "", "本文 文の の推 推論")))
    texts.save()
    again = SearchTexts(Store(tmp_path))
    again.note("a", IndexedPage(page, ("推論", "", "", "推論 の推 本文 文の")))
    assert not again.changed
    again.note("a", IndexedPage(replace(page, text="本文"), ("推論", "", "", "本文")))
    assert again.changed


def test_a_body_edit_writes_only_the_search_files_it_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index is updated in place: the edited page's record and the shards of the terms it
    gained or lost are written, and the index is the one a clean build makes."""
    srcdir = copy_root("kb", tmp_path)
    build(srcdir, tmp_path / "_build")
    post = srcdir / "posts" / "2025-07-01-kite.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n凧揚げの新しい段落です。\n", encoding="utf-8")
    written: list[str] = []
    write_script = search_module._write_script

    def noted(folder: Path, name: str, data: object) -> None:
        written.append(name)
        write_script(folder, name, data)

    monkeypatch.setattr(search_module, "_write_script", noted)
    rebuilt = build(srcdir, tmp_path / "_build")
    records = {path.stem: path.read_text(encoding="utf-8") for path in (rebuilt.outdir / "_search").iterdir()}
    kite = next(name for name, script in records.items() if name.startswith("p") and "2025-07-01-kite.html" in script)
    assert sorted(written) == [kite, "s0"]  # the kb site's postings fit in one shard
    clean = build(srcdir, tmp_path / "clean")
    assert records == {path.stem: path.read_text(encoding="utf-8") for path in (clean.outdir / "_search").iterdir()}


@pytest.fixture(scope="module")
def many_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The ``kb`` root with 23 more posts that share a word."""
    base = tmp_path_factory.mktemp("many")
    srcdir = copy_root("kb", base)
    for day in range(1, 24):
        post = f"---\ntitle: 共通の話 {day}\ndate: 2025-03-{day:02d}\n---\n\nどれにも共通語があります。\n"
        (srcdir / "posts" / f"2025-03-{day:02d}-common.md").write_text(post, encoding="utf-8")
    with serve(build(srcdir, base / "_build").outdir) as url:
        yield url


def test_more_results_than_a_page_are_counted_honestly_and_shown_on_request(page: Any, many_url: str) -> None:
    """A real blog's query said 20 pages were found where 61 were: the list stopped at 20."""
    assert len(search(page, many_url, "共通語")) == 20
    assert page.inner_text(".jekyll-search-status") == "20 件を表示しています（ほかにも見つかりました）"
    page.click(".jekyll-search-more")
    page.wait_for_selector("#jekyll-search[data-state=done]")
    titles = page.eval_on_selector_all(".jekyll-search-title", "links => links.map(link => link.textContent)")
    assert sorted(titles) == sorted(f"共通の話 {day}" for day in range(1, 24))
    assert page.inner_text(".jekyll-search-status") == "23 件のページが見つかりました"
    assert page.locator(".jekyll-search-more").is_hidden()
