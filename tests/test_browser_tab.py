"""The browser tab the tests share leaves nothing of one test to the next."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Tab

from jekyll_posts.testing.browser import SHUTDOWN_POLL, serve


@pytest.fixture
def tab(browser_context: Any) -> Iterator[Tab]:
    """A tab of the test's own, closed after it whatever happened."""
    opened = Tab(browser_context)
    yield opened
    opened.page.close()


def test_a_shared_tab_forgets_storage_and_cookies(tab: Tab, browser_context: Any, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>first</p>", encoding="utf-8")
    with serve(tmp_path) as url:
        tab.page.goto(url + "page.html")
        tab.page.evaluate("""() => {
            localStorage.setItem("mode", "dark");
            document.cookie = "seen=1";
        }""")
        assert browser_context.storage_state() != {"cookies": [], "origins": []}

        tab.forget_everything()
        tab.page.goto(url + "page.html")

        assert tab.page.evaluate("() => [localStorage.length, document.cookie]") == [0, ""]
    assert browser_context.storage_state() == {"cookies": [], "origins": []}


def test_a_folder_served_again_shows_what_changed_in_it(tab: Tab, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>first</p>", encoding="utf-8")
    with serve(tmp_path) as url:
        tab.page.goto(url + "page.html")
    tab.forget_everything()
    page.write_text("<p>second</p>", encoding="utf-8")  # within the second, the same Last-Modified
    with serve(tmp_path) as url:
        tab.page.goto(url + "page.html")
        assert tab.page.inner_text("p") == "second"


@contextlib.contextmanager
def served_elsewhere(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 as another server would, at a port others may have had."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def test_pages_of_another_server_are_forgotten(tab: Tab, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>first</p>", encoding="utf-8")
    with served_elsewhere(tmp_path) as url:
        tab.page.goto(url + "page.html")
        tab.forget_everything()
        page.write_text("<p>second</p>", encoding="utf-8")  # within the second, the same Last-Modified
        tab.page.goto(url + "page.html")
        assert tab.page.inner_text("p") == "second"
