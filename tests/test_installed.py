"""The package as a user installs it: a wheel with every file it needs, a site built outside the checkout.

A fresh virtualenv is made the way Read the Docs makes it (``.readthedocs.yaml``:
the pinned requirements, then the project installed with pip, which builds and
installs its wheel).  The builds then run where the checkout's own
``jekyll_posts`` folder cannot be imported, so only the installed package is used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO_DIR, ROOTS_DIR, made_once

from jekyll_posts.testing.browser import serve

SAMPLE = "posts/2026-01-01-llama-4-ai-future"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the checkout")


@dataclass
class Installed:
    """A virtualenv with the package installed from a checkout copy."""

    checkout: Path
    python: Path
    wheel: Path

    def run(self, command: str, cwd: Path, **env: str) -> None:
        path = f"{self.python.parent}{os.pathsep}{os.environ['PATH']}"
        subprocess.run(["bash", "-c", command], cwd=cwd, env={**os.environ, "PATH": path, **env}, check=True)


def tracked_files() -> list[str]:
    command = ["git", "ls-files", "--cached", "--others", "--exclude-standard"]
    return subprocess.run(command, cwd=REPO_DIR, capture_output=True, text=True, check=True).stdout.splitlines()


def read_the_docs_steps() -> tuple[list[list[str]], list[str]]:
    config = yaml.safe_load((REPO_DIR / ".readthedocs.yaml").read_text(encoding="utf-8"))
    installs = [
        ["-r", step["requirements"]] if "requirements" in step else [step["path"]]
        for step in config["python"]["install"]
    ]
    return installs, config["build"]["jobs"]["build"]["html"]


def install(base: Path) -> None:
    """The checkout copied into ``base``, its virtualenv made and its wheel built as Read the Docs would."""
    checkout = base / "checkout"
    for name in tracked_files():
        if (REPO_DIR / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_DIR / name, checkout / name)
    # pip itself is not installed into it (5 s): this virtualenv's pip installs into it instead
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(base / "venv")], check=True)
    pip = [sys.executable, "-m", "pip", "--python", str(base / "venv" / "bin" / "python")]
    for arguments in read_the_docs_steps()[0]:
        if arguments[0] != "-r":  # a folder: pip builds its wheel and installs that, here in two steps
            wheel_command = [*pip, "wheel", "--quiet", "--no-deps", "-w", str(base / "dist"), *arguments]
            subprocess.run(wheel_command, cwd=checkout, check=True)  # (4 s, once instead of twice)
            arguments = [str(wheel_of(base))]
        subprocess.run([*pip, "install", "--quiet", *arguments], cwd=checkout, check=True)
    shutil.rmtree(checkout / "jekyll_posts")  # from here on, only the installed package can be imported


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = made_once(tmp_path_factory, "installed", install)
    python = base / "venv" / "bin" / "python"
    return Installed(base / "checkout", python, wheel_of(base))


def wheel_of(base: Path) -> Path:
    return next((base / "dist").glob("jekyll_posts-*.whl"))


def test_the_wheel_holds_every_file_of_the_package(installed: Installed) -> None:
    shipped = set(zipfile.ZipFile(installed.wheel).namelist())
    package_files = {name for name in tracked_files() if name.startswith("jekyll_posts/")}
    assert package_files - shipped == set()
    assert {"jekyll_posts/static/jekyll_search.js", "jekyll_posts/static/jekyll_blog_sidebar.js"} <= shipped


def test_read_the_docs_builds_the_site_with_the_installed_package(installed: Installed, tmp_path: Path) -> None:
    output = tmp_path / "rtd_output"
    for command in read_the_docs_steps()[1]:
        installed.run(command, installed.checkout, READTHEDOCS="True", READTHEDOCS_OUTPUT=str(output))
    html = output / "html"
    assert (html / "index.html").is_file()
    assert (html / f"{SAMPLE}.html").is_file()
    assert (html / "blog" / "atom.xml").is_file()
    assert (html / "_static" / "jekyll_search.js").is_file()


@pytest.fixture(scope="module")
def outside_site(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site in a folder of its own, built with the installed package."""

    def build_outside(base: Path) -> None:
        shutil.copytree(ROOTS_DIR / "test-kb", base / "site")
        installed.run(f"'{installed.python}' -m sphinx -b html -q -W site html", base)

    return made_once(tmp_path_factory, "outside", build_outside) / "html"


def test_search_and_sidebar_files_are_there_and_referenced(outside_site: Path) -> None:
    search_page = BeautifulSoup((outside_site / "search.html").read_text(encoding="utf-8"), "html.parser")
    scripts = {script.get("src", "").split("?")[0] for script in search_page.find_all("script")}
    assert "_static/jekyll_search.js" in scripts
    assert "_static/jekyll_blog_sidebar.js" in scripts
    for name in scripts - {""}:
        assert (outside_site / name).is_file(), name
    assert (outside_site / "_static" / "jekyll_blog_sidebar_data.js").is_file()
    assert (outside_site / "_search" / "meta.js").is_file()


def test_search_and_sidebar_work_in_the_browser(outside_site: Path, page: Any) -> None:
    with serve(outside_site) as base:
        page.goto(f"{base}search.html?q={quote('推論')}")
        page.wait_for_selector("#jekyll-search[data-state=done]")
        assert page.locator(".jekyll-search-result").count() >= 1
        assert page.locator(".ablog__recentposts li").count() >= 1
