"""Search benchmark: recall, latency and download size, ours beside stock Sphinx.

    python bench/search.py 1000            # generate, build both sites, measure
    python bench/search.py 1000 --queries 300 --no-stock

Queries are cut from the pages' own text (random 2-8 character cuts of
kanji/katakana runs, and Latin words); a page should be found when it
contains the query.  Both sites are searched in Chromium through their
search pages.  Prints one line of numbers.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from common import REPO, SEED_POST, chromium, folder_size, median, serve, sphinx_build

from jekyll_posts.core.search import normalize
from jekyll_posts.testing.corpus import generate
from jekyll_posts.testing.search import pages_containing, sample_queries


def records(outdir: Path) -> list[dict[str, Any]]:
    def payload(path: Path) -> Any:
        text = path.read_text(encoding="utf-8")
        return json.loads(text[text.index(",") + 1 : text.rindex(")")])

    meta = payload(outdir / "_search" / "meta.js")
    return [payload(outdir / "_search" / f"p{number}.js") for number in range(meta["pages"])]


def ours(browser: Any, url: str, root: Path, queries: list[str]) -> tuple[list[set[str]], list[float], list[int]]:
    """Pages found (by URL), milliseconds to the first result, bytes fetched before it."""
    page = browser.new_page()
    found, times, sizes = [], [], []
    for query in queries:
        page.goto(f"{url}search.html")
        page.wait_for_function("window.jekyllSearch !== undefined")
        measured = page.evaluate(
            """async query => {
                const box = document.getElementById("jekyll-search");
                performance.clearResourceTimings();
                const start = performance.now();
                let first = null;
                const watch = new MutationObserver(() => {
                    if (first === null && box.querySelector("li")) first = performance.now();
                });
                watch.observe(box, {childList: true, subtree: true});
                await jekyllSearch.show(query, box);
                watch.disconnect();
                const fetched = performance.getEntriesByType("resource")
                    .filter(entry => entry.name.includes("/_search/") && (first === null || entry.responseEnd <= first))
                    .map(entry => new URL(entry.name).pathname);
                // every page with all the query's terms; the ones shown are then checked to hold
                // the query as typed, which never drops a page that does
                const numbers = (await jekyllSearch.candidates(query)).pages;
                return {ms: (first ?? performance.now()) - start, files: fetched, numbers};
            }""",
            query,
        )
        found.append(set(measured["numbers"]))
        times.append(measured["ms"])
        sizes.append(sum((root / unquote(name).lstrip("/")).stat().st_size for name in set(measured["files"])))
    page.close()
    return found, times, sizes


def stock(browser: Any, url: str, queries: list[str]) -> list[set[str]]:
    page = browser.new_page()
    found = []
    for query in queries:
        page.goto(f"{url}search.html?q={quote(query)}")
        # Sphinx retitles the results "検索結果" (Search Results) once the search is finished
        page.wait_for_function("document.querySelector('#search-results h2')?.innerText === '検索結果'", timeout=60_000)
        hrefs = page.eval_on_selector_all(
            "#search-results ul.search li a", "links => links.map(l => l.getAttribute('href'))"
        )
        found.append({unquote(urlsplit(href).path).removesuffix(".html") for href in hrefs})
    page.close()
    return found


def recall(expected: list[set[Any]], found: list[set[Any]]) -> float:
    wanted = sum(len(want) for want in expected)
    return sum(len(want & got) for want, got in zip(expected, found, strict=True)) / wanted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument(
        "--stock-queries",
        type=int,
        default=40,
        help="stock Sphinx search takes seconds a query: it gets the first ones",
    )
    parser.add_argument("--reuse", action="store_true", help="keep the posts and builds already in --workdir")
    parser.add_argument("--workdir", type=Path)
    arguments = parser.parse_args()
    work = arguments.workdir or Path(tempfile.mkdtemp(prefix="search-bench-"))
    source = work / "source"
    ours_out = work / "ours"
    reuse = arguments.reuse and (ours_out / "_search").is_dir()
    if not reuse:
        generate(arguments.count, source, extra_posts=(SEED_POST,))
    ours_build = float("nan") if reuse else sphinx_build(source, ours_out, REPO, "-j", "auto")[0]
    pages = records(ours_out)
    texts = [f"{page['t']} {' '.join(page['g'])} {page['x']}" for page in pages]
    queries = sample_queries(texts, arguments.queries, seed=11)
    normalized = [normalize(text) for text in texts]
    expected = [pages_containing(query, normalized) for query in queries]
    line = [f"N={arguments.count} queries={len(queries)}"]
    with chromium() as browser, serve(ours_out) as url:
        found, times, sizes = ours(browser, url, ours_out, queries)
        index_mb = folder_size(ours_out / "_search") / 2**20
        line.append(
            f"ours: recall={recall(expected, found):.3f} first_result_ms_median={median(times):.0f}"
            f" first_result_kb_median={median(sizes) / 1024:.0f} index_mb={index_mb:.1f} build_s={ours_build:.0f}"
        )
    if not arguments.no_stock:
        stock_out = work / "stock"
        reuse_stock = arguments.reuse and (stock_out / "searchindex.js").is_file()
        stock_build = (
            float("nan") if reuse_stock else sphinx_build(source, stock_out, REPO / "bench" / "stock", "-j", "auto")
        )
        few = arguments.stock_queries
        by_url = [{pages[number]["u"].removesuffix(".html") for number in want} for want in expected[:few]]
        ours_by_url = [{pages[number]["u"].removesuffix(".html") for number in got} for got in found[:few]]
        with chromium() as browser, serve(stock_out) as url:
            stock_found = stock(browser, url, queries[:few])
        size = (stock_out / "searchindex.js").stat().st_size
        line.append(
            f"stock (first {few} queries; ours on them: {recall(by_url, ours_by_url):.3f}): "
            f"recall={recall(by_url, stock_found):.3f} index_mb={size / 2**20:.1f} build_s={stock_build:.0f}"
        )
    print(" | ".join(line))


if __name__ == "__main__":
    main()
