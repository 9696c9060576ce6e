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
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
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

    def __reduce__(self) -> tuple[Callable[..., SearchPage], tuple[object, ...]]:
        """Pickled with its text as UTF-8 bytes: pickling a string keeps a UTF-8 copy of it
        inside the string for as long as it lives (CPython), 1.5 times its size in Japanese."""
        return _search_page, (self.url, self.title, self.date, self.tags, self.text.encode(), self.sort_key, self.names)


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

    def __reduce__(self) -> tuple[Callable[..., IndexedPage], tuple[object, ...]]:
        """Pickled with its terms as UTF-8 bytes (see :meth:`SearchPage.__reduce__`)."""
        return _indexed_page, (self.page, tuple(field_terms.encode() for field_terms in self.terms))


def _search_page(
    url: str,
    title: str,
    date: str,
    tags: tuple[str, ...],
    text: bytes,
    sort_key: tuple[float, str],
    names: tuple[str, ...],
) -> SearchPage:
    return SearchPage(url, title, date, tags, text.decode(), sort_key, names)


def _indexed_page(page: SearchPage, terms: tuple[bytes, ...]) -> IndexedPage:
    return IndexedPage(page, tuple(field_terms.decode() for field_terms in terms))


def index_page(page: SearchPage, stem: Stemmer) -> IndexedPage:
    return IndexedPage(page, tuple(" ".join(terms(text, stem)) for text in page.field_texts()))


Postings = tuple["array[int]", ...]


@dataclass
class SearchIndex:
    """Pages in search order (their keys and sort keys: their text is kept with the pages) and,
    per term, the numbers of the pages having it in each field.

    The shards are made one at a time (:meth:`shard`): at 10,000 pages, all
    of them as Python lists at once took hundreds of megabytes.
    """

    #: each page's sort key, in page order
    sort_keys: list[tuple[float, str]]
    postings: dict[str, Postings]
    #: the terms of each shard, sorted
    shard_terms: list[list[str]]
    #: each page's key (its document), in page order
    keys: list[str]
    #: how many postings there are (the number of shards follows from it)
    total: int

    def shard(self, number: int) -> dict[str, list[list[int]]]:
        """Term -> page numbers per field (as differences), for the terms of shard ``number``."""
        return {term: [_deltas(numbers) for numbers in self.postings[term]] for term in self.shard_terms[number]}

    def shard_of(self, term: str) -> int:
        return term_hash(term) % len(self.shard_terms)


def build_index(pages: Mapping[str, IndexedPage]) -> SearchIndex:
    keys = sorted(pages, key=lambda key: pages[key].page.sort_key)
    postings: dict[str, Postings] = defaultdict(_no_postings)
    total = 0
    for number, key in enumerate(keys):
        for field, field_terms in enumerate(pages[key].terms):
            for term in field_terms.split():
                postings[term][field].append(number)
                total += 1
    shard_terms: list[list[str]] = [[] for _ in range(_shard_count(total))]
    for term in sorted(postings):
        shard_terms[term_hash(term) % len(shard_terms)].append(term)
    return SearchIndex([pages[key].page.sort_key for key in keys], dict(postings), shard_terms, keys, total)


@dataclass(frozen=True)
class IndexUpdate:
    """What an update changed: the shards and page records to write again."""

    shards: set[int]
    pages: set[int]


def update_index(index: SearchIndex, edits: Mapping[str, tuple[IndexedPage, IndexedPage]]) -> IndexUpdate | None:
    """``index`` with each edited page (``key: (as indexed, now)``) indexed as it is now, changed
    in place; ``None``, and ``index`` unchanged, when the edits move a page in the order or
    change the number of shards: :func:`build_index` must then number everything again.

    A body edited changes the postings of the few terms it added or removed: only their
    shards and the page's record are written again, not the whole index."""
    numbers = {key: number for number, key in enumerate(index.keys)}
    if any(key not in numbers for key in edits):
        return None
    sort_keys = list(index.sort_keys)
    for key, (_, edited) in edits.items():
        sort_keys[numbers[key]] = edited.page.sort_key
    if not all(_in_order(sort_keys, numbers[key]) for key in edits):  # neighbours edited too: as they are now
        return None
    changes = [
        (numbers[key], field, set(before_terms.split()), set(now_terms.split()))
        for key, (before, now) in edits.items()
        for field, (before_terms, now_terms) in enumerate(zip(before.terms, now.terms, strict=True))
    ]
    total = index.total + sum(len(added) - len(gone) for _, _, gone, added in changes)
    if _shard_count(total) != len(index.shard_terms):
        return None
    shards: set[int] = set()
    for number, field, terms_before, terms_now in changes:
        for term in terms_before - terms_now:
            _remove_posting(index, term, field, number)
            shards.add(index.shard_of(term))
        for term in terms_now - terms_before:
            _add_posting(index, term, field, number)
            shards.add(index.shard_of(term))
    index.sort_keys = sort_keys
    index.total = total
    return IndexUpdate(shards, {numbers[key] for key in edits})


def _in_order(sort_keys: list[tuple[float, str]], number: int) -> bool:
    """Whether page ``number`` still comes after the page before it and before the next one."""
    after_previous = number == 0 or sort_keys[number - 1] < sort_keys[number]
    before_next = number == len(sort_keys) - 1 or sort_keys[number] < sort_keys[number + 1]
    return after_previous and before_next


def _remove_posting(index: SearchIndex, term: str, field: int, number: int) -> None:
    numbers = index.postings[term][field]
    del numbers[bisect_left(numbers, number)]
    if not any(index.postings[term]):
        del index.postings[term]
        terms = index.shard_terms[index.shard_of(term)]
        del terms[bisect_left(terms, term)]


def _add_posting(index: SearchIndex, term: str, field: int, number: int) -> None:
    if term not in index.postings:
        index.postings[term] = _no_postings()
        insort(index.shard_terms[index.shard_of(term)], term)
    insort(index.postings[term][field], number)


def _no_postings() -> Postings:
    return tuple(array("I") for _ in FIELDS)


def _shard_count(total: int) -> int:
    return max(1, total // POSTINGS_PER_SHARD)


def _deltas(numbers: array[int]) -> list[int]:
    """Ascending page numbers as differences: small numbers, short files."""
    return [number - previous for previous, number in pairwise(chain((0,), numbers))]
