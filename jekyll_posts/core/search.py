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

import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, pairwise

from .japanese import JAPANESE

_RUN = re.compile(rf"[{JAPANESE}]+|(?:(?![{JAPANESE}])\w)+")
_JAPANESE_RUN = re.compile(rf"[{JAPANESE}]+")
#: the fields of a page the index knows, with the weight of a match in each (the browser ranks by them):
#: its title, its authors and categories (a name typed finds that person's posts), its tags, its text
FIELD_WEIGHTS = {"title": 100, "names": 30, "tags": 10, "body": 1}
FIELDS = tuple(FIELD_WEIGHTS)

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
    #: its authors and categories
    names: tuple[str, ...] = ()

    def field_texts(self) -> tuple[str, ...]:
        """The text of each of :data:`FIELDS`."""
        return (self.title, " ".join(self.names), " ".join(self.tags), self.text)


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
    terms: tuple[str, ...]


def index_page(page: SearchPage, stem: Stemmer) -> IndexedPage:
    return IndexedPage(page, tuple(" ".join(terms(text, stem)) for text in page.field_texts()))


Postings = tuple["array[int]", ...]


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
    postings: dict[str, Postings] = defaultdict(lambda: tuple(array("I") for _ in FIELDS))
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
