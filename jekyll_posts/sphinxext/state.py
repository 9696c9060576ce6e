"""What a build carries from event to event, in one typed object per application.

What must be merged from parallel readers and purged with a document lives in
the ``jekyll`` domain (:mod:`.domain`), pickled with the environment.  The
rest is here, in :class:`BuildState`:

- one build's notes (documents read again as literal text, the reading
  parallelism to give back, the process the build runs in);
- what the writing phase keeps for the next build, which the environment
  cannot hold (it is pickled before writing starts): the fingerprints of the
  generated pages and feeds, and the search texts.  They are kept in one
  folder beside the doctrees, ``<doctreedir>/jekyll_posts/``, under one
  version (:data:`STORE_VERSION`); a folder of another version is ignored.
  They are saved only when a build succeeds.
"""

from __future__ import annotations

import json
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from .files import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..core.backlinks import Backlink
    from ..core.pages import GeneratedPage, PageKind
    from ..core.series import Series
    from .jekyll import SiteState
    from .related import RelatedLists
    from .search import SearchTexts
    from .written_warnings import WarningsWhileWriting

#: the version of what the store folder holds: raise it when its contents change shape
STORE_VERSION = 6
STORE = "jekyll_posts"


class Store:
    """The folder of what one build keeps for the next, beside the doctrees."""

    def __init__(self, doctreedir: Path) -> None:
        self.folder = doctreedir / STORE
        version = self.folder / "VERSION"
        if not version.is_file() or version.read_text(encoding="utf-8").strip() != str(STORE_VERSION):
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True, exist_ok=True)
            version.write_text(f"{STORE_VERSION}\n", encoding="utf-8")

    def has(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def read_json(self, name: str) -> Any:
        try:
            return json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def write_json(self, name: str, value: object) -> None:
        write_if_changed(self.folder / name, json.dumps(value, ensure_ascii=False, indent=0, sort_keys=True))

    def read_pickle(self, name: str) -> Any:
        try:
            with (self.folder / name).open("rb") as stored:
                return pickle.load(stored)
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            return None

    def write_pickle(self, name: str, value: object) -> None:
        with (self.folder / name).open("wb") as stored:
            pickle.dump(value, stored, pickle.HIGHEST_PROTOCOL)


@dataclass
class BuildState:
    """One application's build state."""

    #: the kinds of generated page, in the order they are written
    page_kinds: list[PageKind] = field(default_factory=list)
    #: documents deleted since the last build
    removed_documents: set[str] = field(default_factory=set)
    #: documents being read again as literal text after their reading failed
    literal_documents: set[str] = field(default_factory=set)
    #: the ``-j`` value to give back once the few changed documents are read
    parallel: int | None = None
    #: this build's generated pages, when kept from reading to writing (:func:`.generated.generated_page_names`)
    generated: list[GeneratedPage] | None = None
    #: :func:`.generated.pages_digest` of this build, made once the documents are read
    pages_digest: str | None = None
    #: the configuration's hash, taken once the documents are read (:func:`.generated.configuration`)
    configuration: str | None = None
    #: the name and template of each generated page of this build (made after reading)
    page_names: list[tuple[str, str]] | None = None
    #: what this build's generated pages were made from (:func:`.generated.write_generated`)
    site_digest: str | None = None
    #: the fingerprint of each generated output of this build (output path -> digest)
    fingerprints: dict[str, str] = field(default_factory=dict)
    #: the search texts, when this builder writes the search index
    search: SearchTexts | None = None
    #: the Jekyll site the posts read (its configuration, data and includes)
    jekyll: SiteState | None = None
    #: each old URL of a post, in each form a link may take, to its document (made after reading)
    old_urls: dict[str, str] | None = None
    #: the documents read in this build
    read_documents: set[str] = field(default_factory=set)
    #: each document's related pages (made after reading)
    related: RelatedLists | None = None
    #: the pages linking to each document (made after reading)
    backlinks: dict[str, tuple[Backlink, ...]] | None = None
    #: every series, by slug (made after reading)
    series: dict[str, Series] | None = None
    #: whether no post was read or removed and the listing cutoff and configuration are the
    #: last build's, so nothing listed anywhere changed (:func:`.dependencies.pages_showing_changes`)
    shown_unchanged: bool = False
    #: whether ablog's ``Blog`` holds this build's posts (:func:`.blog.registered_blog`)
    blog_registered: bool = False
    #: links to pages of the old site warned about in this build
    warned_links: set[str] = field(default_factory=set)
    #: the documents whose pages this build wrote (:mod:`.written_warnings`)
    written_documents: set[str] = field(default_factory=set)
    #: what notes the warnings given while this build writes (:mod:`.written_warnings`)
    warnings_while_writing: WarningsWhileWriting | None = None
    #: whether Python's garbage collector was on when the build started (:mod:`.collector`)
    collector_was_enabled: bool = True
    #: whether this build froze the objects alive when its builder started (:mod:`.collector`)
    froze_objects: bool = False
    #: the process the build runs in (forked readers and writers run in others)
    main_process: int = 0
    #: the documents read in this process, when it is a forked reader (:mod:`.parallel`)
    read_in_this_reader: set[str] = field(default_factory=set)
    _store: Store | None = None

    def store(self, app: Sphinx) -> Store:
        if self._store is None:
            self._store = Store(Path(app.doctreedir))
        return self._store


_STATES: WeakKeyDictionary[Sphinx, BuildState] = WeakKeyDictionary()


def build_state(app: Sphinx) -> BuildState:
    """This application's build state."""
    if app not in _STATES:
        _STATES[app] = BuildState()
    return _STATES[app]
