"""Refresh the README's pictures: build ``docs/`` and photograph it in headless Chromium.

    make screenshots          # or: .venv/bin/python scripts/screenshots.py

The site is built into a temporary folder (as ``make html`` builds it, nothing
written into ``docs/``), served on localhost, and each page of :data:`SHOTS`
is captured by Debian's Chromium through Playwright into ``screenshots/``.
Japanese needs a Japanese font on the machine (Debian: ``fonts-ipafont-gothic``
or ``fonts-noto-cjk``); without one the text shows as boxes, and the script
says so.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jekyll_posts.testing.browser import chromium, serve

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
POST = "posts/2025-12-05-inference-optimization.html"


@dataclass(frozen=True)
class Shot:
    """One picture: the page, the window, and what to show of it."""

    file: str
    page: str
    viewport: dict[str, int]
    #: scroll so that this element is at the top of the window
    scroll_to: str | None = None
    #: wait for this element before the picture (what a script fills in)
    wait_for: str | None = None


SHOTS = (
    Shot("home.png", "index.html", DESKTOP),
    Shot("post.png", POST, DESKTOP),
    Shot("post-end.png", POST, DESKTOP, scroll_to=".jekyll-related, .jekyll-backlinks"),
    Shot("tag.png", "blog/tag/推論最適化.html", DESKTOP),
    Shot("search.png", "search.html?q=量子化", DESKTOP, wait_for=".jekyll-search-result"),
    Shot("phone.png", POST, PHONE),
)


def main() -> int:
    if not shutil.which("fc-list") or not subprocess.run(["fc-list", ":lang=ja"], capture_output=True).stdout:
        print("no Japanese font found: install fonts-ipafont-gothic or fonts-noto-cjk first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as build:
        html = Path(build) / "html"
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-c", str(REPO), str(REPO / "docs"), str(html)]
        subprocess.run([*command, "-d", str(Path(build) / "doctrees")], check=True)
        OUTPUT.mkdir(exist_ok=True)
        with serve(html) as base, chromium() as browser:
            for shot in SHOTS:
                take(browser, base, shot)
                print(f"screenshots/{shot.file}")
    return 0


def take(browser: object, base: str, shot: Shot) -> None:
    context = browser.new_context(viewport=shot.viewport, device_scale_factor=1, color_scheme="light")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base + shot.page, wait_until="networkidle")
    if shot.wait_for:
        page.wait_for_selector(shot.wait_for)
    if shot.scroll_to:
        page.locator(shot.scroll_to).first.evaluate("element => element.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
    page.screenshot(path=str(OUTPUT / shot.file))
    context.close()


if __name__ == "__main__":
    sys.exit(main())
