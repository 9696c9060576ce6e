"""The shipped site: `make html`'s command builds docs/ cleanly, and Read the Docs' steps do too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO_DIR, Site, tree_fingerprint

DOCS = REPO_DIR / "docs"
SAMPLE = "posts/2026-01-01-llama-4-ai-future"


def test_docs_build_with_no_warnings(docs_site: Site) -> None:
    assert docs_site.returncode == 0, docs_site.stderr
    assert docs_site.stderr == ""


def test_build_leaves_docs_untouched(docs_site: Site) -> None:
    assert tree_fingerprint(DOCS) == docs_site.docs_before


def test_every_post_in_docs_has_a_page(docs_site: Site) -> None:
    outdir = docs_site.outdir
    posts = sorted(path.relative_to(DOCS).with_suffix(".html") for path in (DOCS / "posts").rglob("*.md"))
    assert len(posts) >= 7
    for page in posts:
        assert (outdir / page).is_file(), page


def test_sample_post_page(docs_site: Site) -> None:
    outdir = docs_site.outdir
    soup = BeautifulSoup((outdir / f"{SAMPLE}.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True).rstrip("#") == (
        "Llama 4の「2倍」は、AIの未来をどう変えるのでしょうか？"
    )
    assert soup.find("html")["lang"] == "ja"
    assert "2026年1月1日" in soup.select_one(".jekyll-post-info").get_text()


def test_wiki_page_links_to_a_post(docs_site: Site) -> None:
    outdir = docs_site.outdir
    soup = BeautifulSoup((outdir / "wiki" / "onboarding.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.select("article a.reference.internal")]
    assert f"../{SAMPLE}.html" in hrefs


def read_the_docs_steps() -> tuple[list[list[str]], list[str]]:
    config = yaml.safe_load((REPO_DIR / ".readthedocs.yaml").read_text(encoding="utf-8"))
    installs = []
    for step in config["python"]["install"]:
        if "requirements" in step:
            installs.append(["-r", step["requirements"]])
        else:
            installs.append([step["path"]])
    return installs, config["build"]["jobs"]["build"]["html"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the checkout")
def test_read_the_docs_build(tmp_path: Path) -> None:
    """Install and build as Read the Docs would: a fresh virtualenv, then the declared steps."""
    checkout = tmp_path / "checkout"
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in files:
        if (REPO_DIR / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_DIR / name, checkout / name)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    installs, commands = read_the_docs_steps()
    for arguments in installs:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *arguments], cwd=checkout, check=True)
    output = tmp_path / "rtd_output"
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_OUTPUT": str(output),
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
    }
    for command in commands:
        subprocess.run(["bash", "-c", command], cwd=checkout, env=env, check=True)
    assert (output / "html" / "index.html").is_file()
    assert (output / "html" / f"{SAMPLE}.html").is_file()
    assert (output / "html" / "blog" / "atom.xml").is_file()
