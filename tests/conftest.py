from __future__ import annotations

import fcntl
import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from jekyll_posts.sphinxext.compat import sphinx as sphinx_compat
from jekyll_posts.testing.browser import CHROMIUM, CHROMIUM_ARGS, served_once

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
ROOTS_DIR = TESTS_DIR / "roots"

COLOURS = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # colours, and the line erasing of progress output


def strip_colours(output: str) -> str:
    return COLOURS.sub("", output)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS_DIR


@dataclass
class Built:
    """A finished HTML build: where it is and what Sphinx printed."""

    srcdir: Path
    outdir: Path
    status: str
    warnings: str
    app: SphinxTestApp

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / page).read_text(encoding="utf-8"), "html.parser")

    def blog_sidebar(self) -> BeautifulSoup:
        """The sidebar blocks every page's script inserts: rendered once, links relative to the root."""
        script = (self.outdir / "_static" / "jekyll_blog_sidebar_data.js").read_text(encoding="utf-8")
        call = re.fullmatch(r'jekyllBlogSidebar\(document\.currentScript, (".*"), \d+\);\n', script, re.DOTALL)
        assert call is not None, script[:200]
        return BeautifulSoup(json.loads(call[1]), "html.parser")

    def listed_posts(self, first_page: str | None = None) -> list[str]:
        """The pages a paginated list links to (all posts by default), following its pages,
        as paths relative to the output folder."""
        page: str | None = first_page or f"{self.app.config.blog_path}.html"
        found: list[str] = []
        while page is not None:
            soup = self.soup(page)
            found += [relative_target(page, a["href"]) for a in soup.select(".ablog-post-title a")]
            following = soup.select_one(".jekyll-pagination a.jekyll-page-next")
            page = relative_target(page, following["href"]) if following else None
        return found

    def html_pages(self) -> list[Path]:
        return sorted(path for path in self.outdir.rglob("*.html") if "_static" not in path.parts)


def relative_target(page: str, href: str) -> str:
    """The output file a relative link on ``page`` leads to, relative to the output folder."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(urlsplit(href).path)))


def build(srcdir: Path, builddir: Path, *, parallel: int = 0, **overrides: object) -> Built:
    """Build ``srcdir`` to HTML with a fresh Sphinx application, as ``sphinx-build`` would."""
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=builddir,
        status=status,
        warning=warning,
        confoverrides=overrides,
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Built(srcdir, Path(app.outdir), strip_colours(status.getvalue()), strip_colours(warning.getvalue()), app)


def copy_root(name: str, destination: Path) -> Path:
    srcdir = destination / name
    shutil.copytree(ROOTS_DIR / f"test-{name}", srcdir)
    return srcdir


@pytest.fixture(scope="session", autouse=True)
def templates_compiled_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The worker's builds keep their compiled templates in one folder, not each in its own
    (a clean build compiles every template it renders, a fifth of a small build's time);
    Jinja checks each template's text and file before it uses what is kept."""
    folder = tmp_path_factory.mktemp("compiled-templates")
    keep_in_own_folder = sphinx_compat.keep_compiled_templates

    def keep_in_shared_folder(builder: Any, _own_folder: Path, depends_on: object) -> None:
        keep_in_own_folder(builder, folder, depends_on)

    sphinx_compat.keep_compiled_templates = keep_in_shared_folder
    yield
    sphinx_compat.keep_compiled_templates = keep_in_own_folder


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """Folder ``name``, made by ``make`` once for the whole test run: with ``pytest -n`` (pytest-xdist)
    the first worker to ask makes it in the folder all workers share while the others wait for it."""
    shared = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        shared = shared.parent
    folder, made = shared / name, shared / f"{name}.made"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


class BuiltRoots:
    """Test roots built once per test run; each test that edits one and builds it again is given
    a fresh copy of the built root, always at the same place: Sphinx keeps the absolute source
    folder in its environment, and a copy found elsewhere would be built again from scratch.
    The copy keeps every file's modification time, so Sphinx sees what the first build left."""

    def __init__(self, base: Path) -> None:
        self.base = base

    def fresh(self, name: str) -> tuple[Path, Path]:
        """The source folder and build folder of root ``name``, as its first build left them."""
        work, built = self.base / name, self.base / f"{name}.built"
        if built.exists():
            shutil.rmtree(work)
            shutil.copytree(built, work, symlinks=True)
        else:
            shutil.rmtree(work, ignore_errors=True)
            build(copy_root(name, work), work / "_build")
            shutil.copytree(work, built, symlinks=True)
        return work / name, work / "_build"


@pytest.fixture(scope="session")
def built_roots(tmp_path_factory: pytest.TempPathFactory) -> BuiltRoots:
    return BuiltRoots(tmp_path_factory.mktemp("built-roots"))


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The ``kb`` test root, built once for the read-only tests."""
    base = tmp_path_factory.mktemp("kb")
    yield build(copy_root("kb", base), base / "_build")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (``.ci/run`` installs it)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium for the browser tests")
        pytest.skip("needs Debian's /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """The browser context of the worker's tests."""
    context = browser.new_context()
    yield context
    context.close()


class Tab:
    """A browser tab that remembers the sites it has been on, to forget them again."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.page = context.new_page()
        self.origins: set[str] = set()
        self.page.on("framenavigated", self._visited)

    def _visited(self, frame: Any) -> None:
        parts = urlsplit(frame.url)
        if parts.scheme in ("http", "https"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def forget_everything(self) -> None:
        """Leave the page, and clear the cookies and the storage of each site visited.  The HTTP
        cache is kept while every site visited was one ``serve`` gave, for no other folder is
        served at its address (keeping it saves a tenth of a second a test); a later test's
        server, or another server, may get the port of any other site."""
        self.page.goto("about:blank")
        devtools = self.context.new_cdp_session(self.page)
        for origin in sorted(self.origins):
            devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        if not all(served_once(origin) for origin in self.origins):
            devtools.send("Network.clearBrowserCache")
        devtools.detach()
        self.context.clear_cookies()
        self.origins.clear()


@pytest.fixture(scope="session")
def shared_tab(browser_context: Any) -> Tab:
    return Tab(browser_context)


@pytest.fixture
def page(shared_tab: Tab) -> Iterator[Any]:
    """A browser tab on a blank page with nothing stored, shared by the worker's tests: a new
    context or tab for each test took 0.4-0.6 s more a test on this machine (a renderer
    process started and the theme's scripts compiled again), a page loaded in a used tab
    0.1-0.2 s.  A test that listens to the tab's events opens a tab of its own (``new_tab``)."""
    yield shared_tab.page
    shared_tab.forget_everything()


@pytest.fixture
def new_tab(browser_context: Any) -> Iterator[Any]:
    """A tab of the test's own, for listening to its events; closed and forgotten after."""
    tab = Tab(browser_context)
    yield tab.page
    tab.forget_everything()
    tab.page.close()


@dataclass
class Site:
    """The shipped docs/ built with `make html`'s command."""

    outdir: Path
    returncode: int
    stderr: str
    docs_before: dict[str, str]


def tree_fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_docs_site(build_dir: Path) -> None:
    """The shipped docs/ built into ``build_dir`` with `make html`'s command, and what it gave."""
    docs = REPO_DIR / "docs"
    before = tree_fingerprint(docs)
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-c",
        str(REPO_DIR),
        "-d",
        str(build_dir / "doctrees"),
        str(docs),
        str(build_dir / "html"),
        "-W",
        "--keep-going",
        "--no-color",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    outcome = {"returncode": result.returncode, "stderr": result.stderr, "docs_before": before}
    (build_dir / "outcome.json").write_text(json.dumps(outcome), encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def docs_site_started_early(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The first worker starts building docs/ before its first test, in the background, when some
    test needs it: a worker that came to such a test while another built it (5-6 s) waited idle."""
    needed = any("docs_site" in getattr(item, "fixturenames", ()) for item in request.session.items)
    if not needed or os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0":
        yield
        return
    tmp_path_factory.getbasetemp()  # made here: the build's thread and the first test would race to make it
    builder = threading.Thread(target=made_once, args=(tmp_path_factory, "site", make_docs_site))
    builder.start()
    yield
    builder.join()


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    build_dir = made_once(tmp_path_factory, "site", make_docs_site)
    outcome = json.loads((build_dir / "outcome.json").read_text(encoding="utf-8"))
    return Site(build_dir / "html", outcome["returncode"], outcome["stderr"], outcome["docs_before"])
