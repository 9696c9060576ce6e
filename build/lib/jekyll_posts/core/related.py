"""Related pages: what to read next, from shared tags and categories and similar text.

A page's related pages are the listed pages (posts and wiki pages) that
share its tags and categories, weighted by how rare each one is, or whose
text is like its own.  For two pages::

    score = taxonomy + TEXT_WEIGHT * text
    taxonomy = sum, over the tags and categories both have, of log(N / df) / log(N)
    text = similarity of their text vectors (below), 0 under MIN_TEXT

``N`` is the number of listed pages and ``df`` how many of them have the
term: a tag on 2 of 1,000 pages weighs 0.90, on 10 of them 0.67, on 500 of
them 0.10, on every page nothing.  Dividing by ``log(N)`` keeps a weight
between 0 and 1 on a site of any size.  Tags and categories are told apart
(``tag/ai`` is not ``category/ai``); spellings of one term are merged by
:func:`~jekyll_posts.core.taxonomy.slugify`, as on the tag pages.

**Text.**  A page's text is its search terms
(:class:`~jekyll_posts.core.search.IndexedPage`: Japanese character bigrams
and stemmed words, a set per field), each weighted by its rarity as above,
three times that in the title (a title names the subject, a body says much
else).  The terms are sets, so how often a page uses a term is unknown:
a page's most distinctive terms are its rarest.  Its vector keeps the
``TEXT_TERMS`` (48) heaviest terms that another listed page has too, leaving
out terms of digits only (years, versions, counts say when and how much,
not what about) and common terms (below).  Two vectors' similarity is their
dot product, each scaled as if it had all 48 terms (the missing ones of its
mean weight): with equal weights it is the share of the 48 they have in
common, so a short page does not come out close to everything it shares a
few words with.

``MIN_TEXT`` is 0.12: pages must share about 6 of their 48 most distinctive
terms (two rare compounds of four kanji are six bigrams) before their text
counts.  On the benchmark's topical corpus at 10,000 pages (random text
with the statistics of Japanese posts, and a topic per 25 pages), 93 % of
the pairs from 0.12 up are on one topic, 74 % of those from 0.10 to 0.12;
on the tests' hand-made pages, pages on one subject reach 0.18-0.37.
``TEXT_WEIGHT`` is 2, so those (0.35-0.75) weigh like a tag on 6-90 of
1,000 pages, and the weakest text relation (0.24) like a tag on 190 of them.
Pages that share no tag or category and whose text is not that close are
not related: a page with none of those shows nothing.

**Work.**  Nothing compares every pair of pages.  Inverted indexes map each
tag and category, and each term kept in some vector, to the listed pages
having it; a page's candidates are the pages found under its own keys and
vector terms, and only they are scored.  A term is *common* when more than
``COMMON_FRACTION`` (5 %) of the listed pages have it, counted as at least
``MIN_COMMON`` (10) pages and at most ``MAX_COMMON`` (50): a common text
term is left out of vectors, and a common tag or category proposes only its
50 newest pages (among pages sharing only that tag, which tie, the newest
win anyway; an older page sharing it is still scored when something else
proposes it).  So a page scores at most a few hundred candidates, whatever
the size of the site, and a build is linear in the number of pages' terms.

**Order.**  Drafts and posts dated in the future are never related to
anything (only pages given as ``listed`` are candidates), but get a list
of their own; a page is never related to itself.  Equal scores (rounded to
9 digits) go newest page first, undated wiki pages last, then by document
name; inputs are taken in document name order, so the same pages give the
same lists in any order and in any process.

**For the Sphinx glue**::

    inputs = [related_input(entry, indexed.terms, cutoff) for ...]  # every document
    index = RelatedIndex.build(inputs)           # the first build
    touched = index.update(inputs)               # later builds: the pages whose list may have changed
    index.related("posts/2026-01-01-llama")      # up to LIMIT Related, best first
    digests = index.fingerprints(touched)        # docname -> digest of the names its list shows
    changed_lists(previous, digests)             # of those, the pages to write again
    previous.update(digests)                     # (and drop the documents that are gone)

Give the index every document's input once per build, after every
document's search terms are known and before any page is written, and
keep it between builds in the build's store, pickled together with the
pages' ``IndexedPage`` values (the inputs share their term strings, which
pickle then stores once).  When only the text of some pages changed,
:meth:`RelatedIndex.update` makes again only the vectors that depend on the
changed terms, and returns the pages whose vector changed and those sharing
a term with one; the lists are exactly those a build gives (a property
test checks it).  A change of tags, categories, date or draft status, or a
page added or removed, changes weights everywhere: the index is built again
and every page returned.  Of the pages returned, those whose fingerprint
changed are written again, and so are pages whose related pages' titles
changed (a fingerprint holds only document names).

**Cost**, from ``bench/related.py N`` on this project's shared 2-core
machine (CPU seconds, medians of 5 edits; other jobs ran, times vary by a
third).  *generated*: the project's benchmark posts, parsed and indexed as
the site does (about 700 terms a page from a small vocabulary, so few
distinctive ones); *topical*: synthetic terms with the statistics of a real
post (1,500 terms a page, as the 8-minute sample post has, from a Zipf
vocabulary of 200,000 bigrams), a topic per 25 pages::

                                   1,000 pages           10,000 pages
                              generated   topical   generated   topical
    build                        0.2 s     1.4 s       1.9 s     16.1 s
    every list                   0.3 s     0.4 s       3.5 s      6.7 s
    memory: peak / kept        2 / 1 MB  31 / 31 MB  11 / 9 MB  74 / 73 MB
    update, 10 terms edited     0.00 s    0.01 s      0.01 s     0.04 s
      lists it touches               0         3           0          2
    update, 100 terms edited    0.00 s    0.46 s      0.01 s     1.95 s
      lists it touches               0        25           0         62
    update, a page's tags       0.01 s    0.01 s      0.13 s     0.12 s
      lists it touches (time)  575 (0.1 s) 656 (0.2 s) 6,826 (2.6 s) 6,485 (4.1 s)
    pickled beside the inputs    +0 MB   +5 MB, 0.5 s    +1 MB   +20 MB, 2.2 s

Memory is measured with tracemalloc, besides the inputs' strings, which
the glue holds anyway.  A build at 10,000 real-sized pages takes about as
long as the site's whole incremental rebuild at that size (21 s), hence
:meth:`RelatedIndex.update`: a text edit then costs well under a second
up to a few seconds for a rewritten page, a tag edit a list for each page
having a tag or category whose pages changed (a category is on a tenth of
the site).  Without an update (a page added or removed), a build and every
list: 23 s at 10,000 pages, 2 s at 1,000.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat

from .digest import fingerprint
from .entries import PageEntry
from .search import FIELDS
from .taxonomy import slugify

#: Terms kept in a page's text vector.
TEXT_TERMS = 48
#: A title term weighs this many times a body term.
TITLE_BOOST = 3.0
#: A term on more than this share of the listed pages is common ...
COMMON_FRACTION = 0.05
#: ... counted as at least this many pages (else on a small site every tag would be common) ...
MIN_COMMON = 10
#: ... and at most this many: a common tag proposes this many pages, so candidates stay few.
MAX_COMMON = 50
#: Text similarity below this counts for nothing ...
MIN_TEXT = 0.12
#: ... and above it, this many times over.
TEXT_WEIGHT = 2.0
#: How many related pages a page shows.
LIMIT = 5


@dataclass(frozen=True)
class RelatedInput:
    """What the related pages are worked out from, for one document.

    ``taxonomy``: its tags and categories as ``tag/<slug>``, ``category/<slug>``
    (:func:`taxonomy_keys`); ``listed``: whether it may be shown as related
    (drafts and future posts may not); ``title_terms`` and ``body_terms``:
    its search terms, space-separated, each once, as in the title and body
    fields of ``IndexedPage.terms``.
    """

    docname: str
    date: datetime | None
    listed: bool
    taxonomy: tuple[str, ...]
    title_terms: str = ""
    body_terms: str = ""


@dataclass(frozen=True)
class Related:
    """A related page, its score and where the score comes from.

    ``shared``: the taxonomy keys both pages have, rarest first.
    """

    docname: str
    score: float
    taxonomy: float
    text: float
    shared: tuple[str, ...]


def taxonomy_keys(entry: PageEntry) -> tuple[str, ...]:
    """An entry's tags and categories as index keys: one per term, spellings merged by slug."""
    keys = [f"tag/{slugify(tag)}" for tag in entry.tags]
    keys += [f"category/{slugify(category)}" for category in entry.categories]
    return tuple(dict.fromkeys(keys))


def terms_of_input(page: RelatedInput) -> tuple[str, ...]:
    """The search terms per field (:data:`.search.FIELDS`) :func:`related_input` keeps of a page."""
    fields = {"title": page.title_terms, "body": page.body_terms}
    return tuple(fields.get(name, "") for name in FIELDS)


def related_input(entry: PageEntry, terms: Sequence[str], cutoff: datetime) -> RelatedInput:
    """The input of a document from its entry and its search terms (``IndexedPage.terms``, one
    string per field of :data:`~jekyll_posts.core.search.FIELDS`): its title and body; the
    names and tags fields are people and the taxonomy, counted on their own."""
    fields = dict(zip(FIELDS, terms, strict=True))
    return RelatedInput(
        entry.docname, entry.date, entry.is_listed(cutoff), taxonomy_keys(entry), fields["title"], fields["body"]
    )


@dataclass(frozen=True)
class _Page:
    """A page as the index keeps it: its taxonomy keys by number, and its text vector."""

    docname: str
    order: tuple[int, float]
    keys: frozenset[int]
    terms: tuple[str, ...]
    weights: array[float]
    #: the weight a term needs to come into the vector (0: any)
    floor: float


#: a page's vector: its terms, their weights, its floor
Vector = tuple[tuple[str, ...], "array[float]", float]
Postings = tuple["array[int]", "array[float]"]
_NO_POSTINGS: Postings = (array("i"), array("d"))  # a term in a draft's vector only
#: a candidate's sort key (best first), number and text similarity
Scored = tuple[tuple[float, tuple[int, float], str], int, float]


class RelatedIndex:
    """Every page's taxonomy and text vector, and the inverted indexes that find candidates.

    Made by :meth:`build`; :meth:`update` brings it up to date with new inputs.
    """

    def __init__(
        self,
        inputs: list[RelatedInput],
        pages: list[_Page],
        keys: _Keys,
        text: _Text,
        postings: dict[str, Postings],
    ) -> None:
        self._inputs = {page.docname: page for page in inputs}
        self._unlisted = [number for number, page in enumerate(inputs) if not page.listed]
        self._pages = pages
        self._numbers = {page.docname: number for number, page in enumerate(pages)}
        self._keys = keys
        self._text = text
        self._postings = postings

    @classmethod
    def build(cls, inputs: Iterable[RelatedInput]) -> RelatedIndex:
        """The index of ``inputs``, one per document name."""
        ordered = sorted(inputs, key=lambda page: page.docname)
        if len({page.docname for page in ordered}) != len(ordered):
            raise ValueError("two related inputs share a document name")
        listed = [page for page in ordered if page.listed]
        common = max(MIN_COMMON, min(MAX_COMMON, math.floor(COMMON_FRACTION * len(listed))))
        keys = _Keys(listed, common)
        text = _Text(listed, common)
        pages = [
            _Page(page.docname, _newest_first(page.date), keys.numbers(page.taxonomy), *vector)
            for page, vector in zip(ordered, text.vectors(ordered), strict=True)
        ]
        keys.index(ordered, pages)
        return cls(ordered, pages, keys, text, _term_postings(ordered, pages))

    def update(self, inputs: Iterable[RelatedInput]) -> set[str]:
        """Bring the index up to date with ``inputs``; the pages whose list may have changed.

        When the same pages are listed and dated as before, a change of
        tags and categories weighs them again and returns the pages having
        a tag or category whose number of pages changed; a change of text
        makes again only the vectors that depend on the changed terms, and
        returns the pages whose vector changed and those close enough in
        text to one, before or after, for their text to count.  The lists
        are then exactly those of :meth:`build`.  A page added, removed,
        listed, unlisted or dated anew builds the index again, and every
        page is returned.
        """
        fresh = list(inputs)
        changed = self._changes(fresh)
        if changed is None:
            self.__dict__.update(RelatedIndex.build(fresh).__dict__)
            return set(self._inputs)
        old = {page.docname: self._inputs[page.docname] for page in changed}
        self._inputs.update((page.docname, page) for page in changed)
        touched = self._retag(
            [(old[page.docname], page) for page in changed if page.taxonomy != old[page.docname].taxonomy]
        )
        retexted = [(old[page.docname], page) for page in changed if _text(page) != _text(old[page.docname])]
        entering, counted = self._text.recount([(before, after) for before, after in retexted if after.listed])
        numbers = {self._numbers[after.docname] for _, after in retexted} | self._having(counted)
        if entering:
            numbers |= self._entered(entering)
        touched |= self._revector(sorted(numbers))
        return {self._pages[number].docname for number in touched}

    def input_of(self, docname: str) -> RelatedInput | None:
        """The input the index holds of ``docname``."""
        return self._inputs.get(docname)

    def related(self, docname: str, limit: int = LIMIT) -> tuple[Related, ...]:
        """Up to ``limit`` listed pages related to ``docname``, best first; none for an unknown page."""
        number = self._numbers.get(docname)
        if number is None:
            return ()
        page = self._pages[number]
        text = {other: score for other, score in self._text_scores(page).items() if score >= MIN_TEXT}
        taxonomy = self._keys.scores(page.keys)
        common = self._keys.common_keys(page.keys)
        scored: list[Scored] = []
        for other in text.keys() | taxonomy.keys() | set(self._keys.proposed(common)):
            if other != number:
                found = self._score(other, taxonomy.get(other, 0.0), common, text.get(other, 0.0))
                if found is not None:
                    scored.append(found)
        best = heapq.nsmallest(limit, scored)
        return tuple(self._related(page, other, -key[0], similarity) for key, other, similarity in best)

    def all_related(self, limit: int = LIMIT) -> dict[str, tuple[Related, ...]]:
        """Every page's related pages, by document name."""
        return {page.docname: self.related(page.docname, limit) for page in self._pages}

    def fingerprints(self, docnames: Iterable[str] | None = None, limit: int = LIMIT) -> dict[str, str]:
        """Per page (every page, or those of ``docnames``), a digest of the document names its list shows."""
        chosen = self._inputs.keys() if docnames is None else docnames
        return {docname: fingerprint([item.docname for item in self.related(docname, limit)]) for docname in chosen}

    def _changes(self, fresh: list[RelatedInput]) -> list[RelatedInput] | None:
        """The inputs that changed, or ``None`` when the index must be built again."""
        docnames = {page.docname for page in fresh}
        if len(docnames) != len(fresh) or docnames != self._inputs.keys():
            return None  # a page came or went (or two share a name: build says so)
        changed = [page for page in fresh if page != self._inputs[page.docname]]
        if any(_place(page) != _place(self._inputs[page.docname]) for page in changed):
            return None
        return changed

    def _retag(self, edits: list[tuple[RelatedInput, RelatedInput]]) -> set[int]:
        """Weigh the tags and categories again after ``edits``; the pages having one whose pages changed."""
        if not edits:
            return set()
        ordered = list(self._inputs.values())
        self._keys = _Keys([page for page in ordered if page.listed], self._keys.common)
        self._pages = [
            _Page(page.docname, page.order, self._keys.numbers(source.taxonomy), page.terms, page.weights, page.floor)
            for page, source in zip(self._pages, ordered, strict=True)
        ]
        self._keys.index(ordered, self._pages)
        moved = {key for before, after in edits for key in set(before.taxonomy) ^ set(after.taxonomy)}
        edited = {after.docname for _, after in edits}
        return {
            number for number, page in enumerate(ordered) if page.docname in edited or moved.intersection(page.taxonomy)
        }

    def _revector(self, numbers: list[int]) -> set[int]:
        """Make the vectors of pages ``numbers`` again; every page whose list this may change.

        Those are the pages whose vector changed, the listed pages close
        enough in text to one of them, before or after, for their text to
        count, and the drafts sharing a term with one.
        """
        touched: set[int] = set()
        for number in numbers:
            page = self._pages[number]
            source = self._inputs[page.docname]
            terms, weights, floor = self._text.vector(source)
            if (terms, weights, floor) == (page.terms, page.weights, page.floor):
                continue
            touched |= {number, *self._close(page)}
            self._pages[number] = _Page(page.docname, page.order, page.keys, terms, weights, floor)
            if source.listed:
                _unpost(self._postings, number, page.terms)
                _post(self._postings, number, terms, weights)
            touched |= self._close(self._pages[number])
            shared = {*page.terms, *terms}
            touched |= {draft for draft in self._unlisted if shared.intersection(self._pages[draft].terms)}
        return touched

    def _close(self, page: _Page) -> set[int]:
        """The listed pages whose text similarity to ``page`` counts (with a margin for rounding)."""
        return {other for other, score in self._text_scores(page).items() if score >= MIN_TEXT - 1e-9}

    def _entered(self, entering: set[str]) -> set[int]:
        """The pages one of ``entering`` may come into: in their title, or in their body and heavy enough."""
        heaviest = max(self._text.rarity(term) for term in entering)
        found = set()
        for number, page in enumerate(self._pages):
            source = self._inputs[page.docname]
            if not entering.isdisjoint(source.title_terms.split()) or (
                page.floor <= heaviest and not entering.isdisjoint(source.body_terms.split())
            ):
                found.add(number)
        return found

    def _having(self, terms: set[str]) -> set[int]:
        """The pages with any of ``terms`` in their vector: listed ones from the postings, then drafts."""
        found = {other for term in terms for other in self._postings.get(term, _NO_POSTINGS)[0]}
        return found | {number for number in self._unlisted if terms.intersection(self._pages[number].terms)}

    def _text_scores(self, page: _Page) -> dict[int, float]:
        """The dot product of ``page``'s text vector with every listed page sharing a term of it."""
        scores: dict[int, float] = {}
        for term, weight in zip(page.terms, page.weights, strict=True):
            numbers, weights = self._postings.get(term, _NO_POSTINGS)
            for other, other_weight in zip(numbers, weights, strict=True):
                scores[other] = scores.get(other, 0.0) + weight * other_weight
        return scores

    def _score(self, number: int, taxonomy: float, common: list[int], text: float) -> Scored | None:
        """A candidate's sort key, or ``None`` when it is not related after all.

        ``taxonomy`` is the weight of the uncommon keys it shares; those of
        the ``common`` keys it has are added here.
        """
        other = self._pages[number]
        for key in common:
            if key in other.keys:
                taxonomy += self._keys.weights[key]
        if taxonomy <= 0 and not text:
            return None
        return (-round(taxonomy + TEXT_WEIGHT * text, 9), other.order, other.docname), number, text

    def _related(self, page: _Page, number: int, score: float, text: float) -> Related:
        other = self._pages[number]
        shared = self._keys.rarest_first(page.keys & other.keys)
        taxonomy = round(math.fsum(self._keys.weights[key] for key in shared), 9)
        names = tuple(self._keys.names[key] for key in shared)
        return Related(other.docname, score, taxonomy, round(text, 9), names)


def changed_lists(before: Mapping[str, str], after: Mapping[str, str]) -> set[str]:
    """The pages of ``after`` whose list is new or not the one of ``before`` (:meth:`RelatedIndex.fingerprints`)."""
    return {docname for docname, digest in after.items() if before.get(docname) != digest}


def _place(page: RelatedInput) -> tuple[bool, datetime | None]:
    """What of a page, changed, makes the index built again: whether it is listed, and its date."""
    return (page.listed, page.date)


def _text(page: RelatedInput) -> tuple[str, str]:
    return (page.title_terms, page.body_terms)


def _newest_first(date: datetime | None) -> tuple[int, float]:
    """Sort key among equal scores: newest first, undated pages (wiki pages) last."""
    return (0, -date.timestamp()) if date is not None else (1, 0.0)


def _rarity(count: int, total: int) -> float:
    """log(N / df) / log(N): 1 for a term of one page, 0 for a term of every page."""
    return math.log(total / count) / math.log(total) if total > 1 else 0.0


class _Keys:
    """The listed pages' tags and categories: a number and a weight each, and their pages.

    A key of at most ``common`` pages has them all in ``postings``; a more
    common one proposes only its ``common`` newest pages (``newest``): among
    pages sharing only that key, which tie, the newest come first anyway.
    """

    def __init__(self, listed: list[RelatedInput], common: int) -> None:
        counts = Counter(key for page in listed for key in set(page.taxonomy))
        self.names = sorted(counts)
        self.ids = {key: number for number, key in enumerate(self.names)}
        self.weights = [_rarity(counts[key], len(listed)) for key in self.names]
        self.common = common
        self.postings: dict[int, array[int]] = {}
        self.newest: dict[int, array[int]] = {}

    def numbers(self, taxonomy: Iterable[str]) -> frozenset[int]:
        return frozenset(self.ids[key] for key in taxonomy if key in self.ids)

    def index(self, ordered: list[RelatedInput], pages: list[_Page]) -> None:
        """Each key's listed pages; keys on every page weigh nothing and are left out."""
        members: dict[int, list[int]] = {}
        for number, (source, page) in enumerate(zip(ordered, pages, strict=True)):
            if source.listed:
                for key in page.keys:
                    if self.weights[key] > 0:
                        members.setdefault(key, []).append(number)
        for key, numbers in members.items():
            if len(numbers) <= self.common:
                self.postings[key] = array("i", numbers)
            else:
                newest = sorted(numbers, key=lambda number: (pages[number].order, number))[: self.common]
                self.newest[key] = array("i", newest)

    def scores(self, keys: frozenset[int]) -> dict[int, float]:
        """The weight of the uncommon keys each listed page shares with ``keys``."""
        scores: dict[int, float] = {}
        for key in sorted(keys):
            weight = self.weights[key]
            for other in self.postings.get(key, ()):
                scores[other] = scores.get(other, 0.0) + weight
        return scores

    def common_keys(self, keys: frozenset[int]) -> list[int]:
        """Those of ``keys`` whose weight :meth:`scores` leaves out, in order."""
        return [key for key in sorted(keys) if key in self.newest]

    def proposed(self, keys: Iterable[int]) -> Iterator[int]:
        """The pages the common ``keys`` propose."""
        for key in keys:
            yield from self.newest[key]

    def rarest_first(self, keys: Iterable[int]) -> list[int]:
        return sorted(keys, key=lambda key: (-self.weights[key], self.names[key]))


def _term_postings(ordered: list[RelatedInput], pages: list[_Page]) -> dict[str, Postings]:
    """For each term in some listed page's vector, the listed pages having it there, and its weight in each."""
    postings: dict[str, Postings] = {}
    for number, (source, page) in enumerate(zip(ordered, pages, strict=True)):
        if source.listed:
            _post(postings, number, page.terms, page.weights)
    return postings


def _post(postings: dict[str, Postings], number: int, terms: tuple[str, ...], weights: array[float]) -> None:
    """Add page ``number``'s vector to ``postings``, keeping each term's pages in order."""
    for term, weight in zip(terms, weights, strict=True):
        numbers, term_weights = postings.setdefault(term, (array("i"), array("d")))
        at = bisect.bisect_left(numbers, number)
        numbers.insert(at, number)
        term_weights.insert(at, weight)


def _unpost(postings: dict[str, Postings], number: int, terms: tuple[str, ...]) -> None:
    """Take page ``number``'s vector out of ``postings``."""
    for term in terms:
        numbers, weights = postings[term]
        at = numbers.index(number)
        del numbers[at], weights[at]
        if not numbers:
            del postings[term]


class _Text:
    """How many listed pages have each text term, and the vectors made from that.

    Only terms on two listed pages or more can relate pages, and only those
    up to ``common`` pages go in vectors (the *usable* terms); terms made
    only of digits are left out: numbers (years, versions, counts) say when
    and how much, not what about.  A page's heaviest terms are its rarest,
    then the first in code point order (so that ties never depend on the
    order of a set).
    """

    def __init__(self, listed: list[RelatedInput], common: int) -> None:
        self.total = len(listed)
        self.common = common
        self.counts: Counter[str] = Counter()
        for page in listed:
            body = page.body_terms.split()
            self.counts.update(body)
            self.counts.update(set(page.title_terms.split()).difference(body))
        self.usable = {term for term, count in self.counts.items() if self._usable(term, count)}

    def vectors(self, pages: list[RelatedInput]) -> list[Vector]:
        """The vectors of ``pages``, all at once.

        The usable terms are ranked once, rarest first: a page's heaviest
        body terms are then its smallest ranks, found by sorting numbers
        rather than by weighing each term of each page in Python.
        """
        ranked = sorted(self.usable)
        ranked.sort(key=self.counts.__getitem__)  # stable: equal counts stay in code point order
        rank = {term: number for number, term in enumerate(ranked)}
        vectors = []
        for page in pages:
            ranks = sorted(map(rank.get, page.body_terms.split(), repeat(-1)))
            start = bisect.bisect_left(ranks, 0)
            body = [ranked[number] for number in ranks[start : start + TEXT_TERMS]]
            vectors.append(self._vector(body, page.title_terms.split(), rank.__getitem__))
        return vectors

    def vector(self, page: RelatedInput) -> Vector:
        """The vector of one page: the same as :meth:`vectors` gives it."""
        body = sorted(self.usable.intersection(page.body_terms.split()))
        body.sort(key=self.counts.__getitem__)  # stable: equal counts stay in code point order
        return self._vector(body[:TEXT_TERMS], page.title_terms.split(), self._rarest_first)

    def recount(self, edits: list[tuple[RelatedInput, RelatedInput]]) -> tuple[set[str], set[str]]:
        """Count the listed pages' edited text (before, after).

        Returns the usable terms that may now enter vectors (rarer than
        before, or newly usable), and every term whose count changed.
        """
        before: dict[str, int] = {}
        for old, new in edits:
            old_terms, new_terms = _term_set(old), _term_set(new)
            for term, step in [
                *((term, -1) for term in old_terms - new_terms),
                *((term, 1) for term in new_terms - old_terms),
            ]:
                before.setdefault(term, self.counts[term])
                self.counts[term] += step
                if not self.counts[term]:
                    del self.counts[term]
        counted = {term for term, count in before.items() if count != self.counts[term] and not term.isdigit()}
        entering = {
            term
            for term in counted
            if self._usable(term, self.counts[term]) and (self.counts[term] < before[term] or term not in self.usable)
        }
        self.usable -= counted
        self.usable |= {term for term in counted if self._usable(term, self.counts[term])}
        return entering, counted

    def rarity(self, term: str) -> float:
        return _rarity(self.counts[term], self.total)

    def _usable(self, term: str, count: int) -> bool:
        return 2 <= count <= self.common and count < self.total and not term.isdigit()

    def _vector(self, body: list[str], title: list[str], tie: Callable[[str], object]) -> Vector:
        """Weigh the page's heaviest body terms and its title terms; keep the ``TEXT_TERMS`` heaviest.

        A vector is scaled as if it had ``TEXT_TERMS`` terms, the missing ones
        of its mean weight: a page with little distinctive text that shares
        all of it with another has only that little in common with it.  Its
        floor is the weight a term needs to come in: the lightest kept when
        it is full, else nothing.
        """
        weights = {term: self.rarity(term) for term in body}
        weights |= {term: self.rarity(term) * TITLE_BOOST for term in title if term in self.usable}
        kept = sorted(weights.items(), key=lambda item: (-item[1], tie(item[0])))[:TEXT_TERMS]
        scale = math.sqrt(math.fsum(weight * weight for _, weight in kept) * TEXT_TERMS / len(kept)) if kept else 1.0
        floor = kept[-1][1] if len(kept) == TEXT_TERMS else 0.0
        return tuple(term for term, _ in kept), array("d", (weight / scale for _, weight in kept)), floor

    def _rarest_first(self, term: str) -> tuple[int, str]:
        return (self.counts[term], term)


def _term_set(page: RelatedInput) -> set[str]:
    """A page's title and body terms, each once."""
    terms = set(page.body_terms.split())
    terms.update(page.title_terms.split())
    return terms
