"""The browser tab the tests share leaves nothing of one test to the next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import Tab

from jekyll_posts.testing.browser import serve


def test_a_shared_tab_forgets_storage_cookies_and_cached_pages(browser_context: Any, tmp_path: Path) -> None:
    tab = Tab(browser_context)
    page = tmp_path / "page.html"
    page.write_text("<p>first</p>", encoding="utf-8")
    with serve(tmp_path) as url:
        tab.page.goto(url + "page.html")
        tab.page.evaluate("""() => {
            localStorage.setItem("mode", "dark");
            document.cookie = "seen=1";
        }""")
        assert browser_context.storage_state() != {"cookies": [], "origins": []}

        tab.forget_everything()
        page.write_text("<p>second</p>", encoding="utf-8")  # within the second, the same Last-Modified
        tab.page.goto(url + "page.html")

        assert tab.page.inner_text("p") == "second"
        assert tab.page.evaluate("() => [localStorage.length, document.cookie]") == [0, ""]
    assert browser_context.storage_state() == {"cookies": [], "origins": []}
    tab.page.close()
