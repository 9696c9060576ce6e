"""``jekyll-posts serve`` run in the background on a free port: its pages over HTTP, its builds, its output."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

#: the package's folder: the preview imports this code, not another installed copy
CODE = Path(__file__).resolve().parent.parent.parent
#: sphinx-autobuild prints this after each build, the first one too
BUILT = "[sphinx-autobuild] Serving on"
#: and this when a change starts a build, before it runs
REBUILDING = "[sphinx-autobuild] Rebuilding..."
_COLOURS = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class RunningPreview:
    """A running ``jekyll-posts serve``."""

    process: subprocess.Popen[bytes]
    log: Path
    url: str

    def output(self, since: int = 0) -> str:
        """What it printed so far, or after its first ``since`` bytes, without colours."""
        with self.log.open("rb") as printed:
            printed.seek(since)
            return _COLOURS.sub("", printed.read().decode("utf-8", errors="replace"))

    def builds(self) -> int:
        """How many builds have finished."""
        return self.output().count(BUILT)

    def builds_started(self) -> int:
        """How many builds have started, the first one too."""
        return 1 + self.output().count(REBUILDING)

    def get(self, page: str) -> str | None:
        """The page as served, or ``None`` while it cannot be had (not served yet, or cut short
        by the build writing it while it was sent)."""
        try:
            with urllib.request.urlopen(self.url + quote(page), timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (OSError, http.client.HTTPException):
            return None

    def wait_for(self, page: str, text: str, timeout: float, poll: float = 0.05) -> None:
        """Until ``page`` is served with ``text`` in it."""
        deadline = time.monotonic() + timeout
        while text not in (self.get(page) or ""):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise TimeoutError(f"{page} never showed {text!r}:\n{self.output()}")
            time.sleep(poll)

    def wait_built(self, count: int, timeout: float) -> None:
        """Until ``count`` builds have finished."""
        deadline = time.monotonic() + timeout
        while self.builds() < count:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise TimeoutError(f"never {count} builds:\n{self.output()}")
            time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def preview(source: Path, conf_dir: Path, build_dir: Path, log: Path) -> Iterator[RunningPreview]:
    """``jekyll-posts serve`` of ``source`` with the ``conf.py`` of ``conf_dir``, printing into ``log``,
    run from ``conf_dir`` (warnings name files from there, as ``make serve``'s do); stopped with the
    processes it started (its group) when the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "jekyll_posts.cli", "serve", str(source), "--conf-dir", str(conf_dir)]
    command += ["--build-dir", str(build_dir), "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(CODE), "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=conf_dir, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield RunningPreview(process, log, f"http://127.0.0.1:{port}/")
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl+C, as a terminal sends it to the whole group (the server, its build worker, sphinx-build);
    then force."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
