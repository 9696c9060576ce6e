"""The GitHub Pages recipe (``examples/publish-to-github-pages.yml``, shown in the README).

Its shell steps are run as a runner runs them, on clones of this repository: a first run with no
cache, then, after a commit that edits one post, a run on a fresh clone with the first run's
``_build`` restored (mtimes kept, as actions/cache's tar keeps them).  That run reads and writes
only the edited post, and publishes the site a run without a cache publishes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO_DIR, strip_colours
from test_incremental import assert_same_files, html_mtimes, written_pages

WORKFLOW = REPO_DIR / "examples" / "publish-to-github-pages.yml"
BASE_URL = "https://team.example.github.io/kb"  # what actions/configure-pages gives: no trailing slash
EDITED = "docs/posts/2025-12-05-inference-optimization.md"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git to clone the repository")


def build_steps() -> list[dict[str, object]]:
    steps: list[dict[str, object]] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    return steps


def step_env(step: dict[str, object]) -> dict[str, str]:
    """A step's ``env``, with the one expression it may hold filled in as the runner fills it."""
    values = {name: str(value) for name, value in dict(step.get("env") or {}).items()}  # type: ignore[call-overload]
    filled = {name: value.replace("${{ steps.pages.outputs.base_url }}", BASE_URL) for name, value in values.items()}
    assert not any("${{" in value for value in filled.values()), filled
    return filled


def run_shell_steps(checkout: Path, runner: Path) -> str:
    """Each ``run`` step in order, as ``bash -e``, in the checkout; make uses the tests' virtualenv,
    whose ``.installed`` stamp is a file made after the checkout (the cached ``.venv`` of the recipe)."""
    stamp = runner / "installed"
    stamp.touch()
    base = {**os.environ, "RUNNER_TEMP": str(runner), "PYTHONPATH": str(REPO_DIR)}
    base["MAKEFLAGS"] = f"VENV={sys.prefix} STAMP={stamp}"
    output = []
    for step in build_steps():
        if "run" in step:
            env = {**base, **step_env(step)}
            done = subprocess.run(
                ["bash", "-e", "-c", str(step["run"])], cwd=checkout, env=env, capture_output=True, text=True
            )
            assert done.returncode == 0, done.stdout + done.stderr
            output.append(done.stdout + done.stderr)
    return strip_colours("".join(output))  # CI's runner may set FORCE_COLOR


def clone(source: Path, destination: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(source), str(destination)], check=True)
    return destination


def commit_an_edit(checkout: Path) -> None:
    """One post's body edited, in a commit dated long before the last run, as a merged branch's may be:
    the recipe goes by content, not by commit dates."""
    post = checkout / EDITED
    post.write_text(post.read_text(encoding="utf-8") + "\n公開の手順で書き足した段落です。\n", encoding="utf-8")
    identity = ["-c", "user.name=Writer", "-c", "user.email=writer@example.org"]
    dated = {**os.environ, "GIT_AUTHOR_DATE": "2020-01-02T03:04:05Z", "GIT_COMMITTER_DATE": "2020-01-02T03:04:05Z"}
    command = ["git", *identity, "commit", "--quiet", "-am", "Edit one post"]
    subprocess.run(command, cwd=checkout, env=dated, check=True)


def test_the_readme_shows_the_recipe_as_it_is() -> None:
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{WORKFLOW.read_text(encoding='utf-8')}```\n" in readme


def test_the_cache_is_restored_before_the_files_are_dated_and_the_site_is_built() -> None:
    names = [str(step.get("name") or step.get("uses")) for step in build_steps()]
    order = ["Restore the virtualenv", "Restore the last build", "Date unchanged files back", "Build"]
    assert [name for name in names if name in order] == order
    assert names[-1].startswith("actions/upload-pages-artifact")


def test_a_run_from_the_last_runs_cache_builds_only_the_edited_post_and_the_clean_site(tmp_path: Path) -> None:
    origin = clone(REPO_DIR, tmp_path / "origin")  # the repository the runs check out
    runner = tmp_path / "runner"
    runner.mkdir()
    checkout = tmp_path / "checkout"  # one path for every run, as on GitHub's runners: Sphinx keeps
    run_shell_steps(clone(origin, checkout), runner)  # its environment only for the same source folder
    cache = shutil.copytree(checkout / "_build", tmp_path / "cache")  # mtimes kept, as the cache's tar keeps them
    before = html_mtimes(cache / "html")

    commit_an_edit(origin)
    shutil.rmtree(checkout)
    clone(origin, checkout)
    shutil.copytree(cache, checkout / "_build")
    output = run_shell_steps(checkout, runner)
    print(output)  # shown whole when the test fails
    environment = [line for line in output.splitlines() if re.match(r"(loading pickled|updating) environment", line)]
    assert environment[-1].endswith("0 added, 1 changed, 0 removed"), "\n".join(environment)
    edited = re.sub(r"^docs/|\.md$", "", EDITED)
    assert re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", output) == [edited]
    assert written_pages(checkout / "_build" / "html", before) == {f"{edited}.html"}

    clean = clone(origin, tmp_path / "clean")
    run_shell_steps(clean, runner)
    assert_same_files(checkout / "_build" / "html", clean / "_build" / "html")
    assert BASE_URL + "/" in (clean / "_build" / "html" / "sitemap.xml").read_text(encoding="utf-8")


def test_read_the_docs_shallow_clone_is_given_the_history_last_updated_dates_need(tmp_path: Path) -> None:
    config = yaml.safe_load((REPO_DIR / ".readthedocs.yaml").read_text(encoding="utf-8"))
    checkout = tmp_path / "rtd"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{REPO_DIR}", str(checkout)], check=True)
    for command in config["build"]["jobs"]["post_checkout"]:
        subprocess.run(["bash", "-e", "-c", command], cwd=checkout, check=True, capture_output=True)
    shallow = ["git", "rev-parse", "--is-shallow-repository"]
    assert subprocess.run(shallow, cwd=checkout, capture_output=True, text=True, check=True).stdout == "false\n"
