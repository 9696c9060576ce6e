"""The package's shape: a pure core, one checked place per upstream workaround, builds that do not leak."""

from __future__ import annotations

import codecs
import gc
import subprocess
import sys
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import ablog.blog
import myst_parser.mdit_to_docutils.base
import myst_parser.parsers.sphinx_
import pytest
import sphinx.builders
import sphinx.util.docutils
import sphinx.util.parallel
from conftest import build, copy_root
from docutils.frontend import OptionParser, get_default_settings
from docutils.parsers.rst import Parser
from myst_parser.parsers.mdit import create_md_parser
from sphinx.environment import BuildEnvironment
from sphinx.testing.util import SphinxTestApp

from jekyll_posts.core.encoding import CODEC
from jekyll_posts.sphinxext.compat import PATCHES, Patch
from jekyll_posts.sphinxext.compat.docutils import forget_kept_parsers, settings_from_kept_parser
from jekyll_posts.sphinxext.compat.sphinx import ORIGINAL_ENVIRONMENT_STATE, TasksStartedInTurn

UPSTREAMS = (
    "sphinx",
    "ablog",
    "sphinx_tags",
    "docutils",
    "pydata_sphinx_theme",
    "sphinx_book_theme",
    "myst_parser",
    "sphinx_autobuild",
)
PURE_IMPORTS = (
    "import jekyll_posts.core, jekyll_posts.core.pages, jekyll_posts.core.settings, jekyll_posts.core.jekyll,"
    " jekyll_posts.core.search, jekyll_posts.cli, jekyll_posts.check"
)


def test_the_core_and_the_command_line_import_no_sphinx() -> None:
    script = f"{PURE_IMPORTS}; import sys; print(sorted({{name.split('.')[0] for name in sys.modules}}))"
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert [name for name in UPSTREAMS if f"'{name}'" in loaded] == []


def test_the_extension_imports_the_liquid_engine_only_for_a_post_that_has_liquid() -> None:
    script = "import sys, jekyll_posts, jekyll_posts.sphinxext; print('liquid' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert imported == "False\n"


@pytest.mark.parametrize("patch", PATCHES, ids=lambda patch: patch.name)
def test_every_patched_upstream_target_still_has_the_shape_relied_on(patch: Patch) -> None:
    patch.check()


def test_each_compat_module_names_the_version_it_was_checked_against() -> None:
    compat = Path(__file__).parent.parent / "jekyll_posts" / "sphinxext" / "compat"
    for module in ("ablog", "docutils", "myst", "sphinx", "sphinx_tags", "theme"):
        assert "VERSION_CHECKED = " in (compat / f"{module}.py").read_text(encoding="utf-8"), module


def test_a_rebuild_leaves_the_loaded_environment_out_of_collections_and_gives_the_collector_back(
    tmp_path: Path,
) -> None:
    srcdir = copy_root("kb", tmp_path)
    build(srcdir, tmp_path / "_build")
    app = SphinxTestApp("html", srcdir=srcdir, builddir=tmp_path / "_build", status=StringIO(), warning=StringIO())
    seen: list[tuple[bool, bool]] = []
    app.connect("env-before-read-docs", lambda *_: seen.append((gc.isenabled(), gc.get_freeze_count() > 0)))
    try:
        app.build()
    finally:
        app.cleanup()
    assert seen == [(True, True)]  # collecting, but not the objects loaded with the environment
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_what_is_alive_when_the_process_ends_is_frozen_for_a_quick_exit(tmp_path: Path) -> None:
    """The interpreter's last collections walked the whole environment (7 s at 10,000 posts)."""
    srcdir = copy_root("kb", tmp_path)
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))\n"
        "from sphinx.cmd.build import main\n"
        f"status = main(['-q', '-b', 'html', {str(srcdir)!r}, {str(tmp_path / 'html')!r}])\n"
        "print('frozen after the build:', gc.get_freeze_count() > 0)\n"
        "sys.exit(status)\n"
    )
    printed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert printed.splitlines() == ["frozen after the build: False", "frozen at exit: True"]


def test_a_second_project_in_the_same_process_is_not_affected(tmp_path: Path) -> None:
    ours = build(copy_root("kb", tmp_path), tmp_path / "ours")
    assert (ours.outdir / "blog" / "tag" / "c-plus-plus.html").is_file()  # our slugs while building
    original_slugify = ablog.blog.slugify
    plain = build(copy_root("plain-ablog", tmp_path), tmp_path / "plain")
    assert plain.warnings == ""
    assert ablog.blog.slugify is original_slugify
    assert sphinx.util.docutils._get_settings.__module__ == "sphinx.util.docutils"  # Sphinx's own, restored
    assert vars(sphinx.builders)["ParallelTasks"] is sphinx.util.parallel.ParallelTasks
    assert BuildEnvironment.__getstate__ is ORIGINAL_ENVIRONMENT_STATE
    assert vars(myst_parser.mdit_to_docutils.base)["get_default_settings"] is get_default_settings  # MyST's
    assert vars(myst_parser.parsers.sphinx_)["create_md_parser"] is create_md_parser  # MyST's: CommonMark emphasis
    assert ablog.blog.slugify("C++") == "c"  # ablog's own, restored when our build ended
    assert (plain.outdir / "blog" / "category" / "c.html").is_file()
    assert not (plain.outdir / "blog" / "tag.html").exists()  # no generated pages of ours
    with pytest.raises(LookupError):
        codecs.lookup(CODEC)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_parallel_build_hands_out_work_only_to_a_free_worker(tmp_path: Path) -> None:
    """Writing, Sphinx's main process resolved every page before the workers had written a tenth
    of them and held them all: 1 GB more at 10,000 posts, and the workers forked at that size."""
    tasks = TasksStartedInTurn(2)
    done: list[int] = []
    for number in range(5):
        tasks.add_task(_pause_and_give, number, lambda number, result: done.append(result))
        assert not tasks._precvs_waiting  # started when it was added, not queued
        assert len(tasks._args) <= 2  # only what the two running workers were given is held
    tasks.join()
    assert sorted(done) == [0, 1, 2, 3, 4]
    during: list[type] = []
    app = SphinxTestApp("html", srcdir=copy_root("kb", tmp_path), status=StringIO(), warning=StringIO(), parallel=2)
    app.connect("write-started", lambda *_: during.append(vars(sphinx.builders)["ParallelTasks"]))
    try:
        app.build()
    finally:
        app.cleanup()
    assert during == [TasksStartedInTurn]
    assert vars(sphinx.builders)["ParallelTasks"] is sphinx.util.parallel.ParallelTasks  # Sphinx's again


def _pause_and_give(number: int) -> int:
    time.sleep(0.05)
    return number


def test_a_forked_reader_sends_back_the_tables_of_what_it_read(tmp_path: Path) -> None:
    """Each reader pickled everything the main process had merged when it forked (40 MB a
    chunk at 10,000 posts); the site is the serial one (``test_incremental``)."""
    srcdir = copy_root("kb", tmp_path)
    for number in range(1, 41):  # four chunks: readers fork after others' work was merged
        post = srcdir / "posts" / f"2024-03-{number:02d}-more.md"
        post.write_text(f"---\ntitle: 追加の記事 {number}\ntags: [more]\n---\n\n本文です。\n", encoding="utf-8")
    merged: list[tuple[set[str], BuildEnvironment]] = []
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), parallel=2)
    app.connect("env-merge-info", lambda app, env, docnames, other: merged.append((set(docnames), other)))
    try:
        app.build()
    finally:
        app.cleanup()
    assert len(merged) > 2  # some readers forked after the first was merged
    for docnames, sent in merged:
        assert set(sent.tocs) == set(sent.titles) == set(sent.metadata) == docnames
        assert set(sent.ablog_posts) <= docnames and sent.ablog_posts
        assert set(sent.domaindata["jekyll"]["indexed"]) == docnames  # search takes each when merged
    assert BuildEnvironment.__getstate__ is ORIGINAL_ENVIRONMENT_STATE  # undone when the build ended


def test_documents_get_settings_of_their_own_from_one_parser_per_kind_and_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[OptionParser] = []
    monkeypatch.setattr(OptionParser, "__init__", record_each(OptionParser.__init__, made))
    forget_kept_parsers()
    first = settings_from_kept_parser(Parser(), defaults={"report_level": 4, "tab_width": 4})
    second = settings_from_kept_parser(Parser(), defaults={"report_level": 4, "tab_width": 4})
    assert len(made) == 1 and first is not second
    first.tab_width = 2  # one document's change is its own
    assert second.tab_width == 4 and second.report_level == 4
    assert second.record_dependencies is not first.record_dependencies
    expected = vars(get_default_settings(Parser())) | {"report_level": 4, "tab_width": 4, "_config_files": []}
    assert without_dependencies(vars(second)) == without_dependencies(expected)
    made.clear()  # get_default_settings made one
    settings_from_kept_parser(Parser(), defaults={"report_level": 2})
    settings_from_kept_parser(Parser, defaults={"report_level": 2})  # a class or an instance: one kind
    assert len(made) == 1
    forget_kept_parsers()
    settings_from_kept_parser(Parser(), defaults={"report_level": 2})
    assert len(made) == 2


def without_dependencies(settings: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in settings.items() if name != "record_dependencies"}


def record_each(init: Callable[..., None], made: list[OptionParser]) -> Callable[..., None]:
    def recording(parser: OptionParser, *args: object, **kwargs: object) -> None:
        made.append(parser)
        init(parser, *args, **kwargs)

    return recording


def test_a_build_makes_a_few_option_parsers_not_one_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[OptionParser] = []
    monkeypatch.setattr(OptionParser, "__init__", record_each(OptionParser.__init__, made))
    built = build(copy_root("kb", tmp_path), tmp_path / "kb")
    documents = len(built.app.env.found_docs)
    assert len(made) < documents  # Sphinx and MyST made two for every document
