"""Helpers shared by the benchmarks: building a corpus, serving it, a browser."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from jekyll_posts.testing.browser import chromium, serve

__all__ = ["REPO", "SEED_POST", "chromium", "folder_size", "median", "serve", "sphinx_build"]

REPO = Path(__file__).resolve().parent.parent
SEED_POST = REPO / "docs" / "posts" / "2026-01-01-llama-4-ai-future.md"
# Runs sphinx-build, then reports the largest resident size of it and its -j workers (KB).
MEASURED_BUILD = """
import resource, sys
from sphinx.cmd.build import main
status = main(sys.argv[1:])
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(peak, file=sys.stderr)
sys.exit(status)
"""


def sphinx_build(
    source: Path, outdir: Path, confdir: Path, *options: str, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one sphinx-build (warnings are not errors here);
    ``env``: the environment of the build (the default: this process's)."""
    command = [
        sys.executable,
        "-P",  # not the current folder first on sys.path: ``env`` chooses the package's code
        "-c",
        MEASURED_BUILD,
        "-q",
        "-b",
        "html",
        "-c",
        str(confdir),
        "-d",
        str(outdir.parent / f"{outdir.name}.doctrees"),
        *options,
        str(source),
        str(outdir),
    ]
    start = time.perf_counter()
    result = subprocess.run(command, check=True, stderr=subprocess.PIPE, text=True, env=env)
    return time.perf_counter() - start, int(result.stderr.strip().splitlines()[-1]) / 1024


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
