"""A folder served over HTTP on localhost, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import http.server
import itertools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's options on a machine with no screen, no sandbox for root and no outside network
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


#: how often, in seconds, a served folder's server looks for a request to stop
SHUTDOWN_POLL = 0.02

#: the loopback addresses ``serve`` has given, one per folder served (127.0.0.1 is left to other servers)
_SERVED_HOSTS = (f"127.1.{number // 250}.{number % 250 + 1}" for number in itertools.count())
_served_origins: set[str] = set()


def served_once(origin: str) -> bool:
    """Whether ``origin`` (``http://host:port``) is one ``serve`` gave: no other folder is ever
    served there by this process, so what a browser keeps of it cannot show another site."""
    return origin in _served_origins


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a loopback address of its own; yields its base URL.  A missing page is
    answered with the site's ``404.html`` (and status 404), as static hosts do.

    A browser may keep a page it was given for as long as it likes: a test that changes a file
    the server has given serves the folder again to see the change."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            not_found = folder / "404.html"
            if code != 404 or not not_found.is_file():
                super().send_error(code, message, explain)
                return
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    host = next(_SERVED_HOSTS)
    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    origin = f"http://{host}:{server.server_address[1]}"
    _served_origins.add(origin)
    # it looks for a request to stop every SHUTDOWN_POLL seconds: the default half second
    # was a quarter of a second lost, on average, each time a served folder was left
    threading.Thread(target=server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True).start()
    try:
        yield f"{origin}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright's ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
