"""``jekyll-posts serve`` (``make serve``): a save rebuilds, the new page is served, the preview settles,
and an open page reloads itself.

The project is laid out as this repository is: ``conf.py`` at the top, the posts in ``docs/``, the
Jekyll site folder ``jekyll/`` beside them (the ``jekyll`` test root rearranged).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import REPO_DIR, ROOTS_DIR, strip_colours

from jekyll_posts.serve import EDITOR_FILES, PACKAGE_FOLDERS, preview_of

pytest.importorskip("sphinx_autobuild")

BUILT = "[sphinx-autobuild] Serving on"  # printed after each build
FIRST = "docs/posts/2026-01-05-first.markdown"
LIQUID = "posts/2026-01-10-liquid.html"
QUIET_SECONDS = 5
TIMEOUT = 60


@dataclass
class Running:
    """A running ``jekyll-posts serve`` and its terminal output."""

    project: Path
    process: subprocess.Popen[bytes]
    log: Path
    url: str

    def output(self) -> str:
        return strip_colours(self.log.read_text(encoding="utf-8", errors="replace"))

    def builds(self) -> int:
        return self.output().count(BUILT)

    def get(self, page: str) -> str | None:
        try:
            with urllib.request.urlopen(self.url + quote(page), timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError):
            return None

    def wait_for(self, page: str, text: str) -> None:
        """Until ``page`` is served with ``text`` in it."""
        deadline = time.monotonic() + TIMEOUT
        while text not in (self.get(page) or ""):
            assert self.process.poll() is None, self.output()
            assert time.monotonic() < deadline, f"{page} never showed {text!r}:\n{self.output()}"
            time.sleep(0.1)

    def wait_built(self, count: int) -> None:
        """Until ``count`` builds have finished."""
        deadline = time.monotonic() + TIMEOUT
        while self.builds() < count:
            assert time.monotonic() < deadline, self.output()
            time.sleep(0.1)

    def edit(self, name: str, changes: dict[str, str]) -> None:
        """Save ``name`` once with each old text replaced by the new."""
        path = self.project / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes.items():
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def jekyll_project(folder: Path) -> Path:
    """The ``jekyll`` test root laid out as this repository: conf.py, docs/, the site folder jekyll/."""
    shutil.copytree(ROOTS_DIR / "test-jekyll", folder / "docs")
    (folder / "docs" / "conf.py").rename(folder / "conf.py")
    (folder / "docs" / "jekyll").rename(folder / "jekyll")
    return folder


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    project = jekyll_project(tmp_path_factory.mktemp("serve"))
    port = free_port()
    log = project.parent / "serve.log"
    command = [sys.executable, "-m", "jekyll_posts.cli", "serve", "docs", "--conf-dir", ".", "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR), "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    running = Running(project, process, log, f"http://127.0.0.1:{port}/")
    try:
        running.wait_for("index.html", "最初の投稿")
        yield running
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_the_preview_is_make_htmls_build_watching_what_it_reads(tmp_path: Path) -> None:
    project = jekyll_project(tmp_path)
    preview = preview_of(project / "docs", project / "conf.py", project / "_build")
    build = ["-b", "html", "-c", str(project), "-d", str(project / "_build" / "doctrees")]
    build += [str(project / "docs"), str(project / "_build" / "html")]
    assert preview.arguments("127.0.0.1", 8000)[: len(build)] == build
    # conf.py (many editors save a new file in its place) and the site folder jekyll/ in it; the package's own
    assert set(preview.watched()) == {project, *PACKAGE_FOLDERS}
    assert project / "jekyll" in preview.folders


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


def test_a_save_is_served_with_its_warnings_and_nothing_more_is_built(preview: Running) -> None:
    builds = preview.builds()
    preview.edit(FIRST, {"---\n": "---\nautor: 誰か\n", "続きです。": "続きです。プレビューで書き足しました。"})
    preview.wait_for("posts/2026-01-05-first.html", "プレビューで書き足しました。")
    preview.wait_built(builds + 1)
    assert f"{FIRST}:2: WARNING: unknown key 'autor': did you mean 'author'?" in preview.output()

    preview.edit("jekyll/_data/team.yml", {"  role: 設計\n": "  role: 設計\n- name: 新入社員\n  role: 見習い\n"})
    preview.wait_for(LIQUID, "新入社員（見習い）")
    preview.wait_built(builds + 2)

    conf = preview.project / "conf.py"
    replaced = conf.with_name("conf.py.new")  # saved as most editors save: a new file put in its place
    replaced.write_text(conf.read_text(encoding="utf-8") + 'html_title = "プレビューの題"\n', encoding="utf-8")
    replaced.replace(conf)
    preview.wait_for("index.html", "プレビューの題")
    preview.wait_built(builds + 3)

    time.sleep(QUIET_SECONDS)
    assert preview.builds() == builds + 3, preview.output()


def test_an_open_page_reloads_itself_after_a_save(preview: Running, page: Any) -> None:
    """The page is never navigated again here: the new text can only come from its own reload."""
    page.goto(preview.url + "posts/2026-01-13-separator.html")
    added = "ブラウザで見ている間に書き足しました。"
    preview.edit("docs/posts/2026-01-13-separator.md", {"ここからは本文です。": f"ここからは本文です。{added}"})
    page.wait_for_function(f"document.body.innerText.includes('{added}')", timeout=TIMEOUT * 1000)
