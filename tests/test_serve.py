"""``jekyll-posts serve`` (``make serve``): a save rebuilds, the new page is served, the preview settles,
and an open page reloads itself.

The project is laid out as this repository is: ``conf.py`` at the top, the posts in ``docs/``, the
Jekyll site folder ``jekyll/`` beside them (the ``jekyll`` test root rearranged).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOTS_DIR

from jekyll_posts.cli import main
from jekyll_posts.serve import EDITOR_FILES, PACKAGE_FOLDERS, preview_of
from jekyll_posts.testing.preview import RunningPreview, preview

pytest.importorskip("sphinx_autobuild")

FIRST = "docs/posts/2026-01-05-first.markdown"
LIQUID = "posts/2026-01-10-liquid.html"
#: sphinx-autobuild (watchfiles) starts a build at most 1.6 s after the change that calls for it
QUIET_SECONDS = 2
TIMEOUT = 60


def edit(path: Path, changes: dict[str, str]) -> None:
    """Save ``path`` once with each old text replaced by the new."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, (path, old)
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def jekyll_project(folder: Path) -> Path:
    """The ``jekyll`` test root laid out as this repository: conf.py, docs/, the site folder jekyll/."""
    shutil.copytree(ROOTS_DIR / "test-jekyll", folder / "docs")
    (folder / "docs" / "conf.py").rename(folder / "conf.py")
    (folder / "docs" / "jekyll").rename(folder / "jekyll")
    return folder


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return jekyll_project(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def served(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPreview]:
    """``make serve`` in the project: ``jekyll-posts serve docs --conf-dir . --build-dir _build``."""
    log = tmp_path_factory.mktemp("serve-output") / "serve.log"
    with preview(project / "docs", project, project / "_build", log) as running:
        running.wait_for("index.html", "最初の投稿", TIMEOUT)
        yield running
    assert running.process.returncode == 0, running.output()


def test_the_preview_is_make_htmls_build_watching_what_it_reads(tmp_path: Path) -> None:
    project = jekyll_project(tmp_path)
    preview = preview_of(project / "docs", project / "conf.py", project / "_build")
    build = ["-b", "html", "-c", str(project), "-d", str(project / "_build" / "doctrees")]
    build += [str(project / "docs"), str(project / "_build" / "html")]
    assert preview.arguments("127.0.0.1", 8000)[: len(build)] == build
    # conf.py (many editors save a new file in its place) and the site folder jekyll/ in it; the package's own
    assert set(preview.watched()) == {project, *PACKAGE_FOLDERS}
    assert project / "jekyll" in preview.folders


def test_a_source_folder_without_conf_py_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    assert main(["serve", str(tmp_path / "docs")]) == 1
    assert "no folder" in capsys.readouterr().err


def test_editor_files_and_the_rest_of_the_conf_folder_are_ignored(tmp_path: Path) -> None:
    project = jekyll_project(tmp_path)
    preview = preview_of(project / "docs", project / "conf.py", project / "_build")
    patterns = [re.compile(pattern) for pattern in preview.ignored()]

    def ignored(name: str) -> bool:
        return any(pattern.search(str(project / name)) for pattern in patterns)

    kept = ["conf.py", "docs/posts/x.md", "jekyll/_data/team.yml", "jekyll/_includes/note.html"]
    assert [name for name in kept if ignored(name)] == []
    dropped = [".git/index", ".venv/bin/python", "notes.txt", "jekyll.md", "docs/posts/.x.md.swp", "docs/x.md~"]
    dropped += ["docs/4913", "docs/.#x.md", "docs/#x.md#"]
    assert [name for name in dropped if not ignored(name)] == []
    assert set(EDITOR_FILES) <= set(preview.ignored())


def test_a_save_is_served_with_its_warnings_and_nothing_more_is_built(served: RunningPreview, project: Path) -> None:
    builds = served.builds()
    edit(project / FIRST, {"---\n": "---\nautor: 誰か\n", "続きです。": "続きです。プレビューで書き足しました。"})
    served.wait_for("posts/2026-01-05-first.html", "プレビューで書き足しました。", TIMEOUT)
    served.wait_built(builds + 1, TIMEOUT)
    assert f"{FIRST}:2: WARNING: unknown key 'autor': did you mean 'author'?" in served.output()

    edit(project / "jekyll/_data/team.yml", {"  role: 設計\n": "  role: 設計\n- name: 新入社員\n  role: 見習い\n"})
    served.wait_for(LIQUID, "新入社員（見習い）", TIMEOUT)
    served.wait_built(builds + 2, TIMEOUT)

    conf = project / "conf.py"
    replaced = conf.with_name("conf.py.new")  # saved as most editors save: a new file put in its place
    replaced.write_text(conf.read_text(encoding="utf-8") + 'html_title = "プレビューの題"\n', encoding="utf-8")
    replaced.replace(conf)
    served.wait_for("index.html", "プレビューの題", TIMEOUT)
    served.wait_built(builds + 3, TIMEOUT)

    time.sleep(QUIET_SECONDS)
    assert served.builds_started() == served.builds() == builds + 3, served.output()


def test_an_open_page_reloads_itself_after_a_save(served: RunningPreview, project: Path, page: Any) -> None:
    """The page is never navigated again here: the new text can only come from its own reload."""
    page.goto(served.url + "posts/2026-01-13-separator.html")
    added = "ブラウザで見ている間に書き足しました。"
    edit(project / "docs/posts/2026-01-13-separator.md", {"ここからは本文です。": f"ここからは本文です。{added}"})
    page.wait_for_function(f"document.body?.innerText.includes('{added}')", timeout=TIMEOUT * 1000)
