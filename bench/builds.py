"""Build benchmark: our site beside the floor stock Sphinx sets, on the same posts.

    python bench/builds.py 1000 --runs 3     # or: make bench N=1000
    python bench/builds.py 1000 --sites ours,ours@464947a,stock   # also the code of an earlier commit

For each site: a full build (``-j auto``), a rebuild with nothing changed,
a rebuild after editing one post's body, a rebuild after changing one post's
tags; the peak memory of the full build and the size of the output.  Times
are medians of ``--runs`` runs, measured in the same run of this script.
The package's code is byte-compiled first, as ``pip install`` leaves it and as
Python caches it on first import (where ``PYTHONDONTWRITEBYTECODE`` is set it
would otherwise be compiled again by every build, unlike the packages
installed from wheels beside it).  Each build starts once the files the step
before wrote are on disk (``os.sync``): at 10,000 posts the rebuilds started
right after a full build (a gigabyte in 30,000 files) took 4.1 s with nothing
changed and 10.5-12.2 s for a body edit, the same rebuilds in the same folder
later 2.5-3.0 s and 6.6-7.1 s.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from common import REPO, SEED_POST, folder_size, median, sphinx_build

from jekyll_posts.testing.corpus import generate

SITES = {"ours": REPO, "stock": REPO / "bench" / "stock"}
STEPS = ("full", "no change", "body edit", "tags edit")


@dataclass
class Run:
    seconds: dict[str, float]
    peak_mb: float
    output_mb: float
    #: HTML pages the tags edit wrote (the post, its neighbours and the lists showing its tags)
    tags_edit_pages: int


@dataclass(frozen=True)
class Site:
    """What builds a site: its conf.py folder, and the package's code (``None``: the installed one)."""

    confdir: Path
    code: Path | None = None

    def env(self) -> dict[str, str] | None:
        return {**os.environ, "PYTHONPATH": str(self.code)} if self.code else None


def site_of(name: str, work: Path) -> Site:
    """``ours``, ``stock``, or ``ours@REV``: this repository's code and conf.py at commit REV."""
    if name == "ours":
        compileall.compile_dir(REPO / "jekyll_posts", quiet=1)
    if "@" not in name:
        return Site(SITES[name])
    revision = name.split("@", 1)[1]
    code = work / f"code-{revision}"
    if not code.is_dir():
        code.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", revision], cwd=REPO, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
        compileall.compile_dir(code / "jekyll_posts", quiet=1)
    return Site(code, code)


def build(source: Path, outdir: Path, site: Site) -> tuple[float, float]:
    os.sync()  # what the step before wrote goes to disk first, not during this step's time
    return sphinx_build(source, outdir, site.confdir, "-j", "auto", env=site.env())


def edit(post: Path, old: str, new: str) -> None:
    text = post.read_text(encoding="utf-8")
    assert old in text, (post, old)
    post.write_text(text.replace(old, new, 1), encoding="utf-8")


def one_run(source: Path, work: Path, builder: Site) -> Run:
    outdir = work / "html"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site = work / "source"
    shutil.copytree(source, site)
    seconds: dict[str, float] = {}
    seconds["full"], peak = build(site, outdir, builder)
    seconds["no change"], _ = build(site, outdir, builder)
    post = sorted((site / "posts").glob("*.md"))[len(list((site / "posts").glob("*.md"))) // 2]
    edit(post, "\n## ", "\n追記した段落です。本文だけを変えました。\n\n## ")
    seconds["body edit"], _ = build(site, outdir, builder)
    edit(post, "tags: [", "tags: [ベンチマーク用の新しいタグ, ")
    before = html_mtimes(outdir)
    seconds["tags edit"], _ = build(site, outdir, builder)
    rewritten = sum(1 for page, mtime in html_mtimes(outdir).items() if before.get(page) != mtime)
    return Run(seconds, peak, folder_size(outdir) / 2**20, rewritten)


def html_mtimes(outdir: Path) -> dict[Path, int]:
    return {page: page.stat().st_mtime_ns for page in outdir.rglob("*.html")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--sites", default="ours,stock")
    arguments = parser.parse_args()
    work = arguments.workdir or Path(tempfile.mkdtemp(prefix="build-bench-"))
    source = work / "posts-source"
    generate(arguments.count, source, extra_posts=(SEED_POST,))
    names = arguments.sites.split(",")
    sites = {name: site_of(name, work) for name in names}
    results: dict[str, list[Run]] = {name: [] for name in names}
    for _ in range(arguments.runs):  # runs interleaved: the machine's load falls on every site alike
        for name in names:
            results[name].append(one_run(source, work / name.replace("@", "-"), sites[name]))
    print(f"N={arguments.count}, median of {arguments.runs} runs, -j auto on this machine")
    header = " | ".join(f"{step} (s)" for step in STEPS)
    print(f"| site | {header} | peak memory (MB) | output (MB) | pages the tags edit wrote |")
    print("|---" * (len(STEPS) + 4) + "|")
    for name, runs in results.items():
        cells = [f"{median([run.seconds[step] for run in runs]):.1f}" for step in STEPS]
        cells += [f"{median([run.peak_mb for run in runs]):.0f}", f"{median([run.output_mb for run in runs]):.0f}"]
        cells += [f"{median([run.tags_edit_pages for run in runs]):.0f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if "ours" in results and "stock" in results:
        ratios = [
            median([run.seconds[step] for run in results["ours"]])
            / median([run.seconds[step] for run in results["stock"]])
            for step in STEPS
        ]
        print("| ours / stock | " + " | ".join(f"{ratio:.2f}x" for ratio in ratios) + " | | | |")


if __name__ == "__main__":
    main()
