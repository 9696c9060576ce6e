"""Preview benchmark: from saving a post to its new text served by ``jekyll-posts serve`` (``make serve``).

    python bench/serve.py 1000 --edits 7

Generates N posts (:func:`jekyll_posts.testing.corpus.generate`, the posts of ``make bench``), starts the
preview with this repository's ``conf.py`` on a free port, waits for the first build, then saves one post's
body ``--edits`` times, each time with a new sentence, and measures from the save until sphinx-autobuild
saw it, until the page was served with that sentence (polled over HTTP: the number to quote, as a median),
and until the build ended, when an open page reloads (sphinx-build has written the search index and
the listing pages, and has exited).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import REPO, SEED_POST, median

from jekyll_posts.testing.corpus import generate
from jekyll_posts.testing.preview import BUILT, RunningPreview, preview

TIMEOUT = 600
POLL = 0.05  # seconds between two looks: often enough, and little work taken from the build


@dataclass
class Edit:
    seen: float  # seconds from the save until sphinx-autobuild saw it
    served: float  # until the page was served with the new text
    reloaded: float  # until the build ended, when sphinx-autobuild tells an open page to reload


def save_and_wait(running: RunningPreview, post: Path, page: str, number: int) -> Edit:
    """Save ``post`` with a new sentence, then poll the page until the sentence is served and the output
    (only what is new in it) until the build ends; the save was seen when something was first printed."""
    printed = running.log.stat().st_size
    sentence = f"プレビューの計測で書き足した{number}番目の文です。"
    text = post.read_text(encoding="utf-8")
    start = time.perf_counter()
    post.write_text(text.replace("\n## ", f"\n{sentence}\n\n## ", 1), encoding="utf-8")
    times: dict[str, float] = {}
    while len(times) < 3:
        time.sleep(POLL)
        now = time.perf_counter() - start
        if now > TIMEOUT:
            raise TimeoutError(running.output()[-3000:])
        if "seen" not in times and running.log.stat().st_size > printed:
            times["seen"] = now
        if "served" not in times and sentence in (running.get(page) or ""):
            times["served"] = now
        if "reloaded" not in times and BUILT in running.output(since=printed):
            times["reloaded"] = now
    return Edit(**times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--workdir", type=Path)
    arguments = parser.parse_args()
    work = arguments.workdir or Path(tempfile.mkdtemp(prefix="serve-bench-"))
    source = work / "source"
    generate(arguments.count, source, extra_posts=(SEED_POST,))
    posts = sorted((source / "posts").glob("*.md"))
    post = posts[len(posts) // 2]
    page = f"posts/{post.stem}.html"
    start = time.perf_counter()
    with preview(source, REPO, work / "_build", work / "serve.log") as running:
        running.wait_for(page, "<h1", TIMEOUT, poll=0.5)
        first = time.perf_counter() - start
        edits = [save_and_wait(running, post, page, number) for number in range(1, arguments.edits + 1)]
    print(f"N={arguments.count}: first build served in {first:.1f} s; {arguments.edits} saves of {page}")
    print("| save | seen (s) | served (s) | reloaded (s) |")
    print("|---|---|---|---|")
    for number, edit in enumerate(edits, 1):
        print(f"| {number} | {edit.seen:.2f} | {edit.served:.2f} | {edit.reloaded:.2f} |")
    medians = [median([getattr(edit, name) for edit in edits]) for name in ("seen", "served", "reloaded")]
    print("| median | " + " | ".join(f"{value:.2f}" for value in medians) + " |")


if __name__ == "__main__":
    main()
