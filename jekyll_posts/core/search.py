"""The search index: Japanese found by any substring, English by its stem.

Japanese has no spaces, and a reader types any part of a compound
(``推論能力``, ``論能``, ``画像認識``), so Japanese text is indexed by
character bigrams: every run of kanji and kana gives all its two-character
pieces, and a query run is found where all its pieces are.  Words in other
scripts are indexed by their Snowball stem (``builds`` finds ``build``).
Text is NFKC-normalised and lower-cased on both sides, so full-width and
half-width forms (``ＡＩ``, ``ｶﾀｶﾅ``) match their usual forms.

The browser downloads only what a query needs: the terms are spread over
``shard_count`` files by a hash of the term (FNV-1a over UTF-16 code units,
the same in ``static/jekyll_search.js``), each holding, per term, the pages
that have it in their title, their tags and their body.  Page numbers are
given newest post first, so the browser breaks ties by the smaller number.
"""

from __future__ import annotations

import random
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, pairwise

#: The characters split as Japanese (a character class, read as one by Python and by the browser,
#: which has it from the index's meta.js).  Other words are runs of ``\w``, the browser's ``[\p{L}\p{N}_]``.
JAPANESE = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{JAPANESE}]+|(?:(?![{JAPANESE}])\w)+")
_JAPANESE_RUN = re.compile(rf"[{JAPANESE}]+")
FIELDS = ("title", "tags", "body")

#: About this many postings go into one shard file.
POSTINGS_PER_SHARD = 12_000

Stemmer = Callable[[str], str]


@dataclass(frozen=True)
class SearchPage:
    """What search knows of one page."""

    url: str
    title: str
    date: str
    tags: tuple[str, ...]
    text: str
    sort_key: tuple[float, str]


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> Iterator[str]:
    """Runs of Japanese characters, and words of other scripts, of normalised text."""
    return iter(_RUN.findall(text))


def is_japanese(run: str) -> bool:
    return _JAPANESE_RUN.fullmatch(run) is not None


def terms(text: str, stem: Stemmer) -> set[str]:
    """The index terms of a text: Japanese bigrams and stemmed words."""
    found: set[str] = set()
    for run in runs(normalize(text)):
        if is_japanese(run):
            found.update(run[index : index + 2] for index in range(len(run) - 1))
        else:
            found.add(stem(run))
    return found


def term_hash(term: str) -> int:
    """FNV-1a (32 bit) over the term's UTF-16 code units, as in the browser."""
    value = 0x811C9DC5
    data = term.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | data[index + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


@dataclass(frozen=True)
class IndexedPage:
    """A page and its index terms per field (title, tags, body), computed once per page version.

    Each field's terms are one space-separated string (terms hold no spaces):
    a set of thousands of two-character strings per page would take tens of
    kilobytes of memory, gigabytes for a large site.
    """

    page: SearchPage
    terms: tuple[str, str, str]


def index_page(page: SearchPage, stem: Stemmer) -> IndexedPage:
    title, tags, body = (" ".join(terms(text, stem)) for text in (page.title, " ".join(page.tags), page.text))
    return IndexedPage(page, (title, tags, body))


Postings = tuple["array[int]", "array[int]", "array[int]"]


@dataclass
class SearchIndex:
    """Pages in search order and, per term, the numbers of the pages having it in each field.

    The shards are made one at a time (:meth:`shard`): at 10,000 pages, all
    of them as Python lists at once took hundreds of megabytes.
    """

    pages: list[SearchPage]
    postings: dict[str, Postings]
    #: the terms of each shard, sorted
    shard_terms: list[list[str]]

    def shard(self, number: int) -> dict[str, list[list[int]]]:
        """Term -> page numbers per field (as differences), for the terms of shard ``number``."""
        return {term: [_deltas(numbers) for numbers in self.postings[term]] for term in self.shard_terms[number]}


def build_index(pages: Iterable[IndexedPage]) -> SearchIndex:
    ordered = sorted(pages, key=lambda indexed: indexed.page.sort_key)
    postings: dict[str, Postings] = defaultdict(lambda: (array("I"), array("I"), array("I")))
    total = 0
    for number, indexed in enumerate(ordered):
        for field, field_terms in enumerate(indexed.terms):
            for term in field_terms.split():
                postings[term][field].append(number)
                total += 1
    shard_terms: list[list[str]] = [[] for _ in range(max(1, total // POSTINGS_PER_SHARD))]
    for term in sorted(postings):
        shard_terms[term_hash(term) % len(shard_terms)].append(term)
    return SearchIndex([indexed.page for indexed in ordered], dict(postings), shard_terms)


def _deltas(numbers: array[int]) -> list[int]:
    """Ascending page numbers as differences: small numbers, short files."""
    return [number - previous for previous, number in pairwise(chain((0,), numbers))]


_KANJI_KATAKANA_RUN = re.compile(r"[\u3005\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def sample_queries(texts: list[str], count: int, seed: int) -> list[str]:
    """Queries a reader might type, cut from the texts themselves: random 2-8
    character cuts of kanji/katakana runs, and one Latin word in five."""
    rng = random.Random(seed)
    queries: list[str] = []
    while len(queries) < count:
        text = rng.choice(texts)
        if rng.random() < 0.2 and (words := _LATIN_WORD.findall(text)):
            queries.append(rng.choice(words))
            continue
        found = _KANJI_KATAKANA_RUN.findall(text)
        if not found:
            continue
        run = rng.choice(found)
        length = rng.randint(2, min(8, len(run)))
        start = rng.randint(0, len(run) - length)
        queries.append(run[start : start + length])
    return queries


def pages_containing(query: str, normalized_texts: list[str]) -> set[int]:
    """The numbers of the (already normalised) texts in which every space-separated
    part of ``query`` appears literally: Latin words as whole words."""
    parts = normalize(query).split()
    found = set()
    for number, text in enumerate(normalized_texts):
        if all(part in text for part in parts):
            words = set(runs(text)) if any(part.isascii() for part in parts) else set()
            if all(part in words if part.isascii() else True for part in parts):
                found.add(number)
    return found
