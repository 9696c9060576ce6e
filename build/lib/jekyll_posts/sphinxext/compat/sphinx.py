"""Everything this package does with Sphinx's internals, checked against Sphinx 9.0.4.

Each function works around one Sphinx behaviour named in its docstring;
:data:`PATCHES` lists what each relies on (a test checks every target).
"""

from __future__ import annotations

import codecs
import inspect
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import sphinx.builders
import sphinx.environment
import sphinx.jinja2glue
import sphinx.search
import sphinx.util.docutils
import sphinx.util.parallel
from jinja2 import FileSystemBytecodeCache
from sphinx.builders import Builder
from sphinx.builders.html._build_info import BuildInfo
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors.metadata import MetadataCollector
from sphinx.environment.collectors.title import TitleCollector
from sphinx.environment.collectors.toctree import TocTreeCollector
from sphinx.registry import SphinxComponentRegistry

from ...core.digest import fingerprint
from ...core.encoding import CODEC
from .docutils import settings_from_kept_parser
from .patches import Patch, file_contains, has_attributes, has_parameters

if TYPE_CHECKING:
    from docutils import nodes
    from docutils.transforms import Transform
    from sphinx.application import Sphinx
    from sphinx.config import Config

VERSION_CHECKED = "Sphinx 9.0.4"
ReadDoc = Callable[..., None]
Resolve = Callable[..., "nodes.document"]


def wrap_read_doc(builder: Builder, wrap: Callable[[ReadDoc], ReadDoc]) -> None:
    """Sphinx aborts the build when reading one document raises; ``read_doc`` (final for
    subclasses) is wrapped on the builder in use, so serial and forked readers use the wrapper."""
    builder.read_doc = wrap(builder.read_doc)  # type: ignore[misc,method-assign]


def wrap_transforms(app: Sphinx, wrap: Callable[[type[Transform]], type[Transform]]) -> None:
    """Sphinx applies the registered transforms and post-transforms with no guard: each
    registered class is replaced by what ``wrap`` makes of it, for this application."""
    registry = app.registry
    registry.transforms[:] = [wrap(transform) for transform in registry.transforms]
    registry.post_transforms[:] = [wrap(transform) for transform in registry.post_transforms]


def wrap_resolving(env: BuildEnvironment, wrap: Callable[[Resolve], Resolve]) -> None:
    """``get_and_resolve_doctree`` raises for one document and stops the build.  The
    environment is pickled before writing starts, so from ``write-started`` on its method
    can be wrapped on the instance; :func:`unwrap_resolving` undoes it."""
    env.get_and_resolve_doctree = wrap(env.get_and_resolve_doctree)  # type: ignore[method-assign]


def unwrap_resolving(env: BuildEnvironment) -> None:
    vars(env).pop("get_and_resolve_doctree", None)


def app_of(env: BuildEnvironment) -> Sphinx:
    """The application of an environment: transforms need it for the build's state and builder
    (``SphinxTransform.app`` is deprecated; Sphinx's own resolvers read ``env._app``)."""
    app: Sphinx = env._app
    return app


def set_by_site(config: Config, name: str) -> bool:
    """Whether ``conf.py`` (or ``-D``) sets ``name``: a default of another extension is then the site's
    choice.  (``Config._raw_config`` holds what ``conf.py`` set; no public equivalent.)"""
    raw: dict[str, object] = config._raw_config
    return name in raw or name in config._overrides


def configuration_hash(app: Sphinx) -> str:
    """The hash Sphinx keeps in ``.buildinfo`` of the configuration that changes HTML output
    (``sphinx.builders.html._build_info`` is private; no public equivalent)."""
    info = BuildInfo(app.config, app.tags, frozenset({"html", "env"}))
    return f"{info.config_hash}/{info.tags_hash}"


def read_in_main_process(app: Sphinx) -> int:
    """Under ``-j`` Sphinx 9 forks readers for however few documents changed, each sending
    the whole environment back; ``app.parallel`` is lowered while reading.  Returns the
    value to give back to :func:`restore_parallel`."""
    parallel: int = app.parallel
    app.parallel = 1
    return parallel


def restore_parallel(app: Sphinx, parallel: int) -> None:
    app.parallel = parallel


class TasksStartedInTurn(sphinx.util.parallel.ParallelTasks):
    """Sphinx's ``ParallelTasks.add_task`` queues a task and returns at once.  Writing under
    ``-j``, the main process resolves the doctrees of a chunk of pages, queues them for a
    forked writer and goes on to the next chunk: it resolved every page long before the
    writers were done, holding the queued doctrees (1 GB of 2.2 GB at 10,000 posts), and
    each writer forked later started at that size.  Here ``add_task`` returns once its task
    has started: the main process holds the chunks being written and the one it makes."""

    def add_task(
        self,
        task_func: Callable[[Any], Any] | Callable[[], Any],
        arg: Any = None,
        result_func: Callable[[Any, Any], Any] | None = None,
    ) -> None:
        super().add_task(task_func, arg, result_func)
        while self._precvs_waiting:
            if not self._join_one():
                time.sleep(0.02)  # as ``ParallelTasks.join`` waits


ORIGINAL_ENVIRONMENT_STATE = BuildEnvironment.__getstate__
#: the environment's tables Sphinx's collectors merge from a reader one document at a time
#: (``merge_other`` of ``TitleCollector``, ``TocTreeCollector`` and ``MetadataCollector``)
MERGED_BY_DOCUMENT = ("titles", "longtitles", "tocs", "toc_num_entries", "metadata")


def send_back_only_what_was_read(
    documents_read_here: Callable[[BuildEnvironment], Set[str] | None], tables: Sequence[str]
) -> None:
    """Under ``-j`` a forked reader pickles the whole environment back to the main process
    (``read_process`` in ``Builder._read_parallel``), with everything the main process had
    merged when it forked: at 10,000 posts, each of 45 chunks sent up to 40 MB and the reader
    held the pickler's memo of millions of objects (1.5 GB).  Of the environment's ``tables``
    (document -> value, merged one document at a time: :data:`MERGED_BY_DOCUMENT` and
    others'), the environment a reader pickles holds what it read (``documents_read_here``:
    ``None`` in any other process).  Undone by :func:`send_back_everything`."""

    def state(env: BuildEnvironment) -> dict[str, Any]:
        pickled = ORIGINAL_ENVIRONMENT_STATE(env)
        read = documents_read_here(env)
        if read is not None:
            for name in tables:
                if name in pickled:
                    pickled[name] = {docname: pickled[name][docname] for docname in read if docname in pickled[name]}
        return pickled

    BuildEnvironment.__getstate__ = state  # type: ignore[method-assign,assignment]


def send_back_everything() -> None:
    BuildEnvironment.__getstate__ = ORIGINAL_ENVIRONMENT_STATE  # type: ignore[method-assign]


class RecentDoctrees(OrderedDict[str, bytes]):
    """At most ``limit`` pickled doctrees: the most recently used."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __getitem__(self, docname: str) -> bytes:
        pickled = super().__getitem__(docname)
        self.move_to_end(docname)
        return pickled

    def __setitem__(self, docname: str, pickled: bytes) -> None:
        super().__setitem__(docname, pickled)
        self.move_to_end(docname)
        while len(self) > self.limit:
            self.popitem(last=False)


def keep_few_pickled_doctrees(env: BuildEnvironment, limit: int) -> None:
    """Sphinx keeps the pickled bytes of every doctree it loads until the build ends
    (``env._pickled_doctree_cache``, filled by ``get_doctree``): while writing, every page's
    (291 MB at 10,000 posts), copied into each writer forked later.  The ``limit`` most
    recently used are kept: the root document's, loaded for every page's navigation, stays."""
    env._pickled_doctree_cache = RecentDoctrees(limit)


def start_tasks_in_turn() -> None:
    """The builders' parallel tasks start in turn (:class:`TasksStartedInTurn`) while a build
    runs (``sphinx.builders.ParallelTasks``).  Undone by :func:`queue_tasks_again`."""
    sphinx.builders.ParallelTasks = TasksStartedInTurn  # type: ignore[attr-defined]


def queue_tasks_again() -> None:
    sphinx.builders.ParallelTasks = sphinx.util.parallel.ParallelTasks  # type: ignore[attr-defined]


def doctree_just_read(env: BuildEnvironment, docname: str) -> nodes.document:
    """The doctree of a document read in this build, to look at before it is written.

    Sphinx keeps what it read serially in ``env._write_doc_doctree_cache``
    until it writes the page (and pops it then); under ``-j`` the doctree is
    only on disk.  The doctree is given as it is: read it, never change it.
    """
    cached: nodes.document | None = env._write_doc_doctree_cache.get(docname)
    return cached if cached is not None else env.get_doctree(docname)


def turn_off_sphinx_search(builder: Builder) -> None:
    """Sphinx's own search index is replaced by this package's: the HTML builder's flag."""
    builder.search = False  # type: ignore[attr-defined]


def use_replacing_codec(env: BuildEnvironment) -> None:
    """Sphinx decodes every source strictly with ``input_encoding``: one non-UTF-8 file
    stopped the build with a traceback naming no file.  The environment's setting is
    switched to a codec that replaces bad bytes (the configuration is left alone)."""
    if codecs.lookup(env.settings["input_encoding"]).name == "utf-8-sig":
        env.settings["input_encoding"] = CODEC


def autoescape_templates(builder: Builder, autoescape: Callable[[str | None], bool]) -> None:
    """Sphinx renders templates without autoescaping; ``autoescape`` picks the templates
    that get it (Jinja decides per template name when it compiles one)."""
    environment = getattr(getattr(builder, "templates", None), "environment", None)
    if environment is not None:
        environment.autoescape = autoescape


def keep_compiled_templates(builder: Builder, folder: Path, depends_on: object) -> None:
    """Sphinx's Jinja environment has no bytecode cache: each build compiles every template it
    renders.  They are kept under ``folder``, in a folder of their own for each way of compiling
    them: Jinja's version, the environment's extensions (``jinja2.ext.i18n`` with a translator)
    and its gettext style, and ``depends_on`` (what else the compiled code depends on); Jinja
    checks the template's text and Python's version itself."""
    environment = getattr(getattr(builder, "templates", None), "environment", None)
    if environment is not None:
        compiling = (
            jinja2.__version__,
            sorted(environment.extensions),
            getattr(environment, "newstyle_gettext", None),
            depends_on,
        )
        kept = folder / fingerprint(compiling)
        kept.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = FileSystemBytecodeCache(str(kept))


ORIGINAL_GET_SETTINGS = sphinx.util.docutils._get_settings


def reuse_settings_parsers() -> None:
    """Sphinx makes each document's settings with a new docutils ``OptionParser``
    (``sphinx.util.docutils._get_settings``); while a build runs they come from one kept
    parser (see :mod:`.docutils`).  Undone by :func:`restore_settings_parsers`."""
    sphinx.util.docutils._get_settings = settings_from_kept_parser


def restore_settings_parsers() -> None:
    sphinx.util.docutils._get_settings = ORIGINAL_GET_SETTINGS


def snowball_stemmer_js() -> Path:
    """The folder of the Snowball stemmers Sphinx ships, in JavaScript, for its search."""
    return Path(sphinx.search.__file__).parent / "minified-js"


def _check_stemmers() -> None:
    folder = snowball_stemmer_js()
    assert (folder / "base-stemmer.js").is_file() and (folder / "english-stemmer.js").is_file(), folder


def _check_app_of() -> None:
    assert "_app" in BuildEnvironment.__init__.__code__.co_names, "BuildEnvironment no longer sets _app"


def _check_raw_config() -> None:
    from sphinx.config import Config

    config = Config({"project": "x"}, {"language": "ja"})
    assert set_by_site(config, "project") and set_by_site(config, "language") and not set_by_site(config, "author")


def _check_merged_by_document() -> None:
    file_contains(Path(sphinx.builders.__file__), "return pickle.dumps(self.env, pickle.HIGHEST_PROTOCOL)")()
    for collector, names in (
        (TitleCollector, ("titles", "longtitles")),
        (TocTreeCollector, ("tocs", "toc_num_entries")),
        (MetadataCollector, ("metadata",)),
    ):
        merge = inspect.getsource(collector.merge_other)
        assert "for docname in docnames:" in merge, collector
        for name in names:
            assert f"env.{name}[docname] = other.{name}[docname]" in merge, (collector, name)


def _check_build_info() -> None:
    info: Any = BuildInfo()
    assert hasattr(info, "config_hash") and hasattr(info, "tags_hash")


PATCHES = (
    Patch(
        "get_doctree keeps the pickled doctrees it loads in env._pickled_doctree_cache",
        VERSION_CHECKED,
        file_contains(
            Path(sphinx.environment.__file__),
            "serialised = self._pickled_doctree_cache[docname]",
            "serialised = self._pickled_doctree_cache[docname] = f.read()",
        ),
    ),
    Patch(
        "a forked reader pickles the environment, merged by document by the collectors",
        VERSION_CHECKED,
        _check_merged_by_document,
    ),
    Patch(
        "the builders queue parallel tasks with ParallelTasks, which starts waiting ones when one ends",
        VERSION_CHECKED,
        file_contains(
            Path(sphinx.util.parallel.__file__),
            "self._precvs_waiting[tid] = precv",
            "def _join_one(self) -> bool:",
            "while self._precvs_waiting and self._pworking < self.nproc:",
        ),
    ),
    Patch(
        "the builders read and write in parallel with the ParallelTasks of sphinx.builders",
        VERSION_CHECKED,
        file_contains(Path(sphinx.builders.__file__), "tasks = ParallelTasks(nproc)"),
    ),
    Patch("Builder.read_doc wrapped", VERSION_CHECKED, has_parameters(Builder.read_doc, "docname", "_cache")),
    Patch(
        "registered transforms wrapped",
        VERSION_CHECKED,
        has_attributes(SphinxComponentRegistry(), "transforms", "post_transforms"),
    ),
    Patch(
        "get_and_resolve_doctree wrapped after pickling",
        VERSION_CHECKED,
        has_parameters(BuildEnvironment.get_and_resolve_doctree, "docname", "builder"),
    ),
    Patch(
        "each document's settings made by _get_settings",
        VERSION_CHECKED,
        file_contains(Path(sphinx.util.docutils.__file__), "settings = _get_settings(", "def _get_settings("),
    ),
    Patch("BuildInfo hashes the configuration", VERSION_CHECKED, _check_build_info),
    Patch("the environment knows its application", VERSION_CHECKED, _check_app_of),
    Patch("the configuration keeps what conf.py set", VERSION_CHECKED, _check_raw_config),
    Patch("Snowball stemmers in JavaScript", VERSION_CHECKED, _check_stemmers),
    Patch(
        "the doctrees read serially are kept until written",
        VERSION_CHECKED,
        file_contains(Path(sphinx.environment.__file__), "self._write_doc_doctree_cache: dict[str, nodes.document]"),
    ),
    Patch(
        "the HTML builder's templates render with one Jinja environment, autoescaped and cached by us",
        VERSION_CHECKED,
        file_contains(
            Path(sphinx.jinja2glue.__file__),
            "self.environment = SandboxedEnvironment(loader=self",
            "return self.environment.get_template(template).render(context)",
        ),
    ),
)
