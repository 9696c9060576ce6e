"""Helpers shared by the benchmarks: building a corpus, serving it, a browser."""

from __future__ import annotations

import contextlib
import http.server
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Runs sphinx-build, then reports the largest resident size of it and its -j workers (KB).
MEASURED_BUILD = """
import resource, sys
from sphinx.cmd.build import main
status = main(sys.argv[1:])
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(peak, file=sys.stderr)
sys.exit(status)
"""


def sphinx_build(source: Path, outdir: Path, confdir: Path, *options: str) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one sphinx-build (warnings are not errors here)."""
    command = [
        sys.executable,
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
    result = subprocess.run(command, check=True, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - start, int(result.stderr.strip().splitlines()[-1]) / 1024


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
