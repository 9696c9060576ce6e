"""Related pages benchmark: time and memory of every page's related list.

    python bench/related.py 1000                     # both corpora
    python bench/related.py 10000 --corpus topical

Two corpora of N pages:

- ``generated``: the project's benchmark posts (``jekyll_posts.testing.corpus``),
  read with ``parse_post`` and indexed with ``index_page``, as the site does.
  Their text is random sentences over ~60 words, so it says nothing about
  relatedness, and it has few distinctive terms: the light case.
- ``topical``: synthetic search terms with the statistics of real Japanese
  posts (about 1,300 distinct terms a page from a Zipf vocabulary of 200,000
  character bigrams) plus a topic per ~25 pages with its own 300 terms, a
  topic tag on half its pages, the generated corpus' Zipf tags and
  categories.  Every page has hundreds of distinctive terms: the heavy case,
  and a check of quality: the share of related pages on the same topic.

Prints, per corpus: the CPU time of :meth:`RelatedIndex.build`, of every
list (:meth:`RelatedIndex.fingerprints`), the peak memory of both
(tracemalloc, in a second run) and what stays in the index, what the lists
hold; then the time of :meth:`RelatedIndex.update` after an edit of a
page's text or tags and of the lists it touches, and what the index adds
to a pickle of its inputs (the glue keeps both between builds).
"""

from __future__ import annotations

import argparse
import bisect
import functools
import gc
import itertools
import pickle
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import snowballstemmer

from jekyll_posts.core.entries import PageEntry
from jekyll_posts.core.post import ReadOptions, SourceFile, parse_post
from jekyll_posts.core.related import LIMIT, MIN_TEXT, Related, RelatedIndex, RelatedInput, related_input
from jekyll_posts.core.search import SearchPage, index_page
from jekyll_posts.testing.corpus import CATEGORIES, generate

T = TypeVar("T")
TOKYO = ZoneInfo("Asia/Tokyo")
CUTOFF = datetime(2100, 1, 1, tzinfo=TOKYO)
VOCABULARY = 200_000
TOKENS_PER_PAGE = 2_400
PAGES_PER_TOPIC = 25
TOPIC_TERMS = 300
TOPIC_TOKENS = 120


def generated_inputs(count: int) -> tuple[list[RelatedInput], dict[str, int]]:
    """The project's benchmark posts, parsed and indexed as the site does; no topics."""
    stem = functools.cache(snowballstemmer.stemmer("english").stemWord)
    inputs = []
    with tempfile.TemporaryDirectory() as folder:
        for path in generate(count, Path(folder)):
            source = SourceFile(path.relative_to(folder), in_posts_folder=True)
            parsed = parse_post(path.read_text(encoding="utf-8"), source, ReadOptions())
            record = parsed.record
            assert record is not None and parsed.markdown is not None
            docname = str(source.path.with_suffix(""))
            entry = PageEntry.of_record(docname, record, "")
            page = SearchPage(docname, record.title, "", record.tags, parsed.markdown, (0.0, docname))
            inputs.append(related_input(entry, index_page(page, stem).terms, CUTOFF))
    return inputs, {}


def bigram(number: int) -> str:
    """A distinct two-kanji term for each number."""
    return chr(0x4E00 + number % 20_000) + chr(0x4E00 + number // 20_000)


def topical_inputs(count: int, seed: int = 1) -> tuple[list[RelatedInput], dict[str, int]]:
    """Synthetic search terms with a topic per ~25 pages (see the module docstring)."""
    rng = random.Random(seed)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(VOCABULARY)))
    tag_cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(150)))
    topics = max(1, count // PAGES_PER_TOPIC)
    topic_terms = [rng.sample(range(2_000, VOCABULARY), TOPIC_TERMS) for _ in range(topics)]

    def zipf(cumulative: list[float], k: int) -> list[int]:
        return [bisect.bisect(cumulative, rng.random() * cumulative[-1]) for _ in range(k)]

    inputs, topic_of = [], {}
    for number in range(count):
        topic = rng.randrange(topics)
        body = {*zipf(cumulative, TOKENS_PER_PAGE), *rng.choices(topic_terms[topic], k=TOPIC_TOKENS)}
        title = {*zipf(cumulative, 10), *rng.choices(topic_terms[topic], k=4)}
        tags = {f"tag/t{rank}" for rank in zipf(tag_cumulative, rng.randint(1, 5))}
        if rng.random() < 0.5:
            tags.add(f"tag/topic{topic}")
        categories = {f"category/{name}" for name in rng.sample(CATEGORIES, rng.randint(1, 2))}
        docname = f"posts/p{number:05d}"
        date = datetime(2021, 1, 1, tzinfo=TOKYO) + timedelta(hours=number)
        text = (" ".join(map(bigram, sorted(title))), " ".join(map(bigram, sorted(body))))
        inputs.append(RelatedInput(docname, date, True, tuple(sorted(tags | categories)), *text))
        topic_of[docname] = topic
    return inputs, topic_of


def measure(inputs: list[RelatedInput]) -> tuple[float, float, RelatedIndex]:
    gc.collect()
    start = time.process_time()
    index = RelatedIndex.build(inputs)
    built = time.process_time()
    index.fingerprints()
    return built - start, time.process_time() - built, index


def memory(inputs: list[RelatedInput]) -> tuple[float, float]:
    """Peak MB while building the index and every list, and MB the index keeps."""
    gc.collect()
    tracemalloc.start()
    index = RelatedIndex.build(inputs)
    kept = tracemalloc.get_traced_memory()[0]
    index.fingerprints()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20, kept / 2**20


def edits(inputs: list[RelatedInput], changed: int, count: int = 5) -> list[list[RelatedInput]]:
    """The site after each of ``count`` body edits, one after the other.

    An edit rewrites part of a page: ``changed`` of its body terms go, and
    as many come from another page's body, taken evenly from all of them.
    """
    sites, site = [], inputs[:]
    for edit in range(count):
        at = (edit * 7_919 + 13) % len(site)
        page, donor = site[at], site[(at + len(site) // 2) % len(site)]
        terms = page.body_terms.split()
        dropped = set(terms[:: len(terms) // changed][:changed])
        novel = [term for term in donor.body_terms.split() if term not in terms]
        added = novel[:: max(1, len(novel) // changed)][:changed]
        body = " ".join([term for term in terms if term not in dropped] + added)
        site[at] = RelatedInput(page.docname, page.date, page.listed, page.taxonomy, page.title_terms, body)
        sites.append(site[:])
    return sites


def retagged(inputs: list[RelatedInput], count: int = 5) -> list[list[RelatedInput]]:
    """The site after each of ``count`` tag edits: a page takes the tags of another."""
    sites, site = [], inputs[:]
    for edit in range(count):
        at = (edit * 7_919 + 13) % len(site)
        donor = site[(at + len(site) // 3) % len(site)]
        site[at] = replace(site[at], taxonomy=donor.taxonomy)
        sites.append(site[:])
    return sites


def incremental(inputs: list[RelatedInput], name: str, sites: list[list[RelatedInput]]) -> str:
    """Median seconds of an update after each edit, and of the lists it touches."""
    index = RelatedIndex.build(inputs)
    updates, lists, touched = [], [], []
    for site in sites:
        start = time.process_time()
        pages = index.update(site)
        updated = time.process_time()
        index.fingerprints(pages)
        updates.append(updated - start)
        lists.append(time.process_time() - updated)
        touched.append(len(pages))
    return (
        f"{name}: update {statistics.median(updates):.2f} s, "
        f"then the {statistics.median(touched):.0f} lists it touches {statistics.median(lists):.2f} s"
    )


def pickled(inputs: list[RelatedInput], index: RelatedIndex) -> str:
    """What the index adds to a pickle of its inputs (the glue keeps both), in size and time."""

    def dumped(value: object) -> tuple[int, float]:
        start = time.perf_counter()
        saved = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(saved)
        return len(saved), time.perf_counter() - start

    (alone, alone_time), (both, both_time) = dumped(inputs), dumped((inputs, index))
    return (
        f"pickled beside its inputs the index adds {(both - alone) / 2**20:.0f} MB, "
        f"saved and loaded in {both_time - alone_time:.2f} s"
    )


def text_pairs(index: RelatedIndex, topic_of: dict[str, int]) -> str:
    """How many pairs of pages with similar text share a topic, from MIN_TEXT up and just under it.

    A diagnostic of the threshold: it reads the index's private text scores.
    """
    counts = {(above, same): 0 for above in (True, False) for same in (True, False)}
    pages = index._pages
    for number, page in enumerate(pages):
        for other, similarity in index._text_scores(page).items():
            if other != number and similarity >= MIN_TEXT - 0.02:
                counts[similarity >= MIN_TEXT, topic_of[pages[other].docname] == topic_of[page.docname]] += 1

    def same(above: bool) -> str:
        return f"{counts[above, True] / max(1, counts[above, True] + counts[above, False]):.0%}"

    return (
        f"pairs with text similarity from {MIN_TEXT}: {counts[True, True] + counts[True, False]:,}, "
        f"{same(True)} on one topic; from {MIN_TEXT - 0.02:.2f} to {MIN_TEXT}: {same(False)}"
    )


def share(items: list[T], test: Callable[[T], bool]) -> str:
    return f"{sum(1 for item in items if test(item)) / max(1, len(items)):.1%}"


def report(name: str, make: Callable[[int], tuple[list[RelatedInput], dict[str, int]]], count: int) -> None:
    inputs, topic_of = make(count)
    build, lists, index = measure(inputs)
    peak, kept = memory(inputs)
    related = index.all_related()
    shown = [item for items in related.values() for item in items]
    line = (
        f"{name} {count:,} pages: build {build:.2f} s, every list {lists:.2f} s (CPU), "
        f"peak {peak:.0f} MB, index {kept:.0f} MB; "
        f"{sum(1 for items in related.values() if items) / len(related):.1%} of pages have related pages, "
        f"{statistics.mean(len(items) for items in related.values()):.2f} a page, "
        f"{share(shown, lambda item: item.text > 0)} of them with similar text, "
        f"{share(shown, lambda item: not item.shared)} by text alone; "
        f"{incremental(inputs, 'an edit of 10 terms', edits(inputs, 10))}, "
        f"{incremental(inputs, 'of 100 terms', edits(inputs, 100))}, "
        f"{incremental(inputs, 'of tags', retagged(inputs))} (medians of 5); {pickled(inputs, index)}"
    )
    if topic_of:
        pairs = [(page, item) for page, items in related.items() for item in items]
        by_text = [(page, item) for page, item in pairs if item.text > 0]

        def same(pair: tuple[str, Related]) -> bool:
            return topic_of[pair[0]] == topic_of[pair[1].docname]

        line += f"; {share(pairs, same)} on the same topic, {share(by_text, same)} of those with similar text; "
        line += text_pairs(index, topic_of)
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--corpus", choices=["generated", "topical", "both"], default="both")
    arguments = parser.parse_args()
    corpora = {"generated": generated_inputs, "topical": topical_inputs}
    for name, make in corpora.items():
        if arguments.corpus in {name, "both"}:
            report(name, make, arguments.count)
    print(f"(lists of up to {LIMIT})")


if __name__ == "__main__":
    main()
