"""Japanese search for the HTML site: the index files and the search page.

Sphinx's own search splits the index with TinySegmenter but the query only
at spaces, so most Japanese compounds are never found; its whole index is
also one file every reader downloads.  Here Sphinx's index is turned off and
replaced (see :mod:`jekyll_posts.core.search`):

- each page's text and index terms are taken from its doctree by the last
  transform that reads it (:class:`IndexPageText`, in the reading worker
  under ``-j``: splitting and stemming is most of the work), handed to the
  main process through the ``jekyll`` domain, and kept with the doctrees
  before any page is written (related pages are ranked by these terms), so
  a rebuild only splits and stems the pages it read.  A reference showing
  its target's title is text of the target, not of the page: it is in the
  page's text as its author wrote it (``{doc}`guide```: ``guide``);
- after the build, ``_search/`` gets ``meta.js`` (the numbers of shards and
  pages, and the characters split as Japanese, so that the browser splits
  queries as the index split the pages), one ``s<N>.js`` per shard and one
  ``p<N>.js`` per page (title, date, URL and text for the result list).
  They are scripts, not JSON, so the search also works when the site is
  opened from disk (``file://``).  Only files whose content changed are
  written: a body edit rewrites that page's record and the shards of the
  terms it gained or lost;
- ``search.html`` (the target of the theme's search box and Ctrl+K dialog)
  runs ``_static/jekyll_search.js``, with ``_static/jekyll_english_stemmer.js``:
  Snowball's English stemmer from the release ``snowballstemmer`` is pinned
  to, so the browser stems a query's words as the index stemmed the pages'
  (Sphinx's own copy is of an older release: ``internal`` became ``intern``).
"""

from __future__ import annotations

import functools
import json
import shutil
import zlib
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import snowballstemmer
from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..core import format_date_ja
from ..core.japanese import JAPANESE
from ..core.pages import GeneratedPage, SiteView
from ..core.search import (
    FIELD_WEIGHTS,
    IndexedPage,
    IndexUpdate,
    SearchIndex,
    SearchPage,
    build_index,
    index_page,
    update_index,
)
from . import compat
from .domain import get_domain
from .files import write_if_changed
from .generated import register_page_kind
from .page_parts import ADDED_PARTS, text_after_title
from .state import Store, build_state

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_ = get_translation("sphinx")
logger = logging.getLogger(__name__)

#: the store's files: the index, and the pages in buckets
INDEX = "search-index.pickle"
PAGES = "search-pages-{}.pickle"
BUCKETS = 64
FOLDER = "_search"
STEMMER_FILES = ("base-stemmer.js", "english-stemmer.js")
#: Parts of a page that are not its own text.
SKIPPED_CLASSES = frozenset({*ADDED_PARTS, "postlist", "toctree-wrapper", "ablog-post-excerpt"})


def setup_search(app: Sphinx) -> None:
    app.connect("builder-inited", start_search)
    app.connect("env-before-read-docs", note_documents_to_read)
    app.connect("env-merge-info", take_texts_from_reader)
    app.add_transform(IndexPageText)
    # before what pages show of others is compared (default priority): related pages need the terms
    app.connect("env-get-updated", note_documents_read, priority=400)
    app.connect("build-finished", write_search_index)


class SearchTexts:
    """The text of every page and the index last written, kept between builds in the build
    state's store.

    The pages are kept in :data:`BUCKETS` files by a hash of their document's name, the
    index (its postings and order, no text) in one more: a build reads only the buckets of
    the pages it read or removed, and the index only when a page changed, and writes back
    only what changed (at 10,000 posts the pages are 140 MB: a body edit read and wrote all
    of them).  Pages edited in place are noted with what they were, so that the index is
    updated (:func:`.core.search.update_index`) rather than made again.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._buckets: dict[int, dict[str, IndexedPage]] = {}
        #: the buckets changed in this build, to be saved
        self._changed_buckets: set[int] = set()
        self._index: SearchIndex | None = None
        self._index_read = False
        #: each page edited in this build: as it was indexed, as it is now
        self.edits: dict[str, tuple[IndexedPage, IndexedPage]] = {}
        #: whether a page came or went: the pages are numbered again
        self.renumbered = False
        self.changed = not store.has(INDEX)
        #: the documents read in this build whose text was taken
        self.taken: set[str] = set()

    def page(self, docname: str) -> IndexedPage | None:
        """The page of ``docname`` as last indexed (or noted in this build)."""
        return self._bucket(bucket_of(docname)).get(docname)

    def all_pages(self) -> dict[str, IndexedPage]:
        """Every page (reads every bucket)."""
        return {docname: page for number in range(BUCKETS) for docname, page in self._bucket(number).items()}

    @property
    def loaded(self) -> bool:
        return bool(self._buckets)

    @property
    def index(self) -> SearchIndex | None:
        if not self._index_read:
            self._index_read = True
            stored = self.store.read_pickle(INDEX)
            self._index = stored if isinstance(stored, SearchIndex) else None
        return self._index

    def take(self, docname: str, indexed: IndexedPage | None) -> None:
        """What a document read in this build shows (``None``: nothing to index)."""
        self.taken.add(docname)
        if indexed is None:
            self.forget(docname)
        else:
            self.note(docname, indexed)

    def note(self, docname: str, indexed: IndexedPage) -> None:
        bucket = bucket_of(docname)
        known = self._bucket(bucket).get(docname)
        if known is None or known.page != indexed.page:  # the same page has the same terms, in any order
            self._buckets[bucket][docname] = indexed
            self._changed_buckets.add(bucket)
            self.changed = True
            if known is None:
                self.renumbered = True
            else:
                self.edits[docname] = (self.edits.get(docname, (known, indexed))[0], indexed)

    def forget(self, docname: str) -> None:
        bucket = bucket_of(docname)
        if self._bucket(bucket).pop(docname, None) is not None:
            self._changed_buckets.add(bucket)
            self.changed = self.renumbered = True

    def keep_only(self, docnames: Set[str]) -> None:
        """Forget every page not of ``docnames``: those the index names, else those of every bucket."""
        known = set(self.index.keys) if self.index is not None else set(self.all_pages())
        known.update(*(bucket.keys() for bucket in self._buckets.values()))
        for docname in known - docnames:
            self.forget(docname)

    def updated_index(self) -> tuple[SearchIndex, IndexUpdate | None]:
        """The index of the pages as they are now, and what changed when it was updated in place
        (``None``: made again, every file to be written)."""
        if self.index is not None and not self.renumbered:
            update = update_index(self.index, self.edits)
            if update is not None:
                return self.index, update
        self._index = build_index(self.all_pages())
        return self._index, None

    def save(self) -> None:
        for number in sorted(self._changed_buckets):
            self.store.write_pickle(PAGES.format(number), self._buckets[number])
        self.store.write_pickle(INDEX, self.index)

    def _bucket(self, number: int) -> dict[str, IndexedPage]:
        bucket = self._buckets.get(number)
        if bucket is None:
            bucket = self._buckets[number] = self.store.read_pickle(PAGES.format(number)) or {}
        return bucket


def bucket_of(docname: str) -> int:
    """The bucket of a document's page: the same in every process and build (not ``hash``)."""
    return zlib.crc32(docname.encode()) % BUCKETS


def start_search(app: Sphinx) -> None:
    if app.builder.format != "html" or app.builder.name in {"json", "pickle", "singlehtml"}:
        return
    compat.sphinx.turn_off_sphinx_search(app.builder)
    state = build_state(app)
    state.search = SearchTexts(state.store(app))
    register_page_kind(app, SearchPageKind())


def note_documents_to_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    build_state(app).read_documents.update(docnames)


def take_texts_from_reader(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    """What a parallel reader indexed, taken as soon as it is merged: left in the domain, it
    went to every reader forked later and came back pickled with its environment."""
    state = build_state(app)
    if state.search is not None:
        indexed_pages = get_domain(env).indexed_pages
        for docname in sorted(docnames & indexed_pages.keys()):
            state.search.take(docname, indexed_pages.pop(docname))


def note_documents_read(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The text and terms of each document read in this build, as its reader indexed it."""
    state = build_state(app)
    if state.search is not None:
        indexed_pages = get_domain(env).indexed_pages
        for docname in sorted(state.read_documents & env.found_docs):
            if docname in indexed_pages:
                state.search.take(docname, indexed_pages.pop(docname))
            elif docname not in state.search.taken:  # a document whose reading failed is shown as its source
                state.search.take(docname, _indexed(app, docname, compat.sphinx.doctree_just_read(env, docname)))
    return []


class IndexPageText(SphinxTransform):
    """The page's text and index terms, from its doctree as it will be stored."""

    default_priority = 999  # after every other transform, ``doctree-read`` (880) included

    def apply(self, **kwargs: Any) -> None:
        app = compat.sphinx.app_of(self.env)
        if build_state(app).search is not None:
            get_domain(self.env).indexed_pages[self.env.docname] = _indexed(app, self.env.docname, self.document)


_STEMMER = snowballstemmer.stemmer("english")


@functools.cache
def _stem(word: str) -> str:
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed


def _indexed(app: Sphinx, docname: str, doctree: nodes.document) -> IndexedPage | None:
    """What search knows of a document, ``None`` for a draft."""
    entry = get_domain(app.env).pages.get(docname)
    if entry is not None and entry.draft:
        return None
    if entry is not None:
        title = entry.title  # as in the blog's lists and feeds
    else:
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
    date = entry.date if entry is not None and entry.is_post else None
    page = SearchPage(
        url=app.builder.get_target_uri(docname),
        title=title,
        date=format_date_ja(date) if date else "",
        tags=entry.tags if entry is not None else (),
        names=(*entry.authors, *entry.categories) if entry is not None else (),
        text=text_after_title(doctree, SKIPPED_CLASSES),
        sort_key=(-date.timestamp() if date else float("inf"), title),
    )
    return index_page(page, _stem)


class SearchPageKind:
    """``search.html``, a generated page like the others: written when what it shows changed,
    not on every build as Sphinx writes its own."""

    name = "search"

    def pages(self, site: SiteView) -> Iterator[GeneratedPage]:
        yield GeneratedPage("search", "jekyll_posts/search.html", {"title": _("Search")})


def write_search_index(app: Sphinx, exception: Exception | None) -> None:
    texts = build_state(app).search
    if texts is None or exception is not None:
        return
    folder = Path(app.outdir) / FOLDER
    if texts.loaded or build_state(app).removed_documents or not folder.is_dir():
        texts.keep_only(app.env.found_docs)
    if texts.changed or not folder.is_dir():
        index, update = texts.updated_index()
        if update is None or not folder.is_dir():
            _write_index(folder, index, texts)
        else:
            _write_index_update(folder, index, update, texts)
        texts.save()
    static = Path(app.outdir) / "_static"
    for name in STEMMER_FILES:
        source = compat.sphinx.snowball_stemmer_js() / name
        if not (static / name).is_file():
            shutil.copyfile(source, static / name)


def _write_index(folder: Path, index: SearchIndex, texts: SearchTexts) -> None:
    """Write the files whose content changed; remove those the index no longer has."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "shards": len(index.shard_terms),
        "pages": len(index.keys),
        "japanese": JAPANESE,
        "weights": list(FIELD_WEIGHTS.values()),
    }
    written = set()
    for name, data in chain([("meta", meta)], _shards(index), _page_records(index, texts)):  # one shard at a time
        _write_script(folder, name, data)
        written.add(name)
    for path in folder.iterdir():
        if path.stem not in written:
            path.unlink()


def _write_index_update(folder: Path, index: SearchIndex, update: IndexUpdate, texts: SearchTexts) -> None:
    """Write the shards and page records an update changed (the same files, the same numbers)."""
    for name, data in chain(_shards(index, update.shards), _page_records(index, texts, update.pages)):
        _write_script(folder, name, data)


def _shards(index: SearchIndex, numbers: Iterable[int] | None = None) -> Iterator[tuple[str, object]]:
    for number in range(len(index.shard_terms)) if numbers is None else sorted(numbers):
        yield f"s{number}", index.shard(number)


def _page_records(
    index: SearchIndex, texts: SearchTexts, numbers: Iterable[int] | None = None
) -> Iterator[tuple[str, object]]:
    for number in range(len(index.keys)) if numbers is None else sorted(numbers):
        indexed = texts.page(index.keys[number])
        assert indexed is not None  # the index was made or updated from the pages
        page = indexed.page
        yield (
            f"p{number}",
            {
                "u": page.url,
                "t": page.title,
                "d": page.date,
                "n": list(page.names),
                "g": list(page.tags),
                "x": page.text,
            },
        )


def _write_script(folder: Path, name: str, data: object) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_if_changed(folder / f"{name}.js", f"jekyllSearchData({json.dumps(name)},{payload});\n")
