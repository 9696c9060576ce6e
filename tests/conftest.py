from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
ROOTS_DIR = TESTS_DIR / "roots"
COLOURS = re.compile(r"\x1b\[[0-9;]*m")


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

    def html_pages(self) -> list[Path]:
        return sorted(path for path in self.outdir.rglob("*.html") if "_static" not in path.parts)


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
    return Built(srcdir, Path(app.outdir), COLOURS.sub("", status.getvalue()), COLOURS.sub("", warning.getvalue()), app)


def copy_root(name: str, destination: Path) -> Path:
    srcdir = destination / name
    shutil.copytree(ROOTS_DIR / f"test-{name}", srcdir)
    return srcdir


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The ``kb`` test root, built once for the read-only tests."""
    base = tmp_path_factory.mktemp("kb")
    yield build(copy_root("kb", base), base / "_build")
