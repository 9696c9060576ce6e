"""Where a build's time goes, by feature of the site.

    python bench/features.py 1000          # or: make bench-features N=1000
    python bench/features.py --project ../kb   # a copy of a knowledge base: conf.py and docs/

Builds the benchmark corpus (or a copy of a project) serially (``-j 1``, so every part runs in this process),
then rebuilds after one post's body is edited.  Each feature's entry points (event
handlers, transforms, lazily built indexes, and the pages of its templates) are timed
by wrappers: a feature's time is its functions' own time, less the time of any other
feature's functions they call, so the rows add up to the build.  What no feature
claims is Sphinx's, MyST's, docutils' and the theme's.  Run it beside an earlier
commit's code (``--code``) to see what a change cost each feature.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.cmd.build import build_main

from jekyll_posts.testing.corpus import generate

REPO = Path(__file__).resolve().parent.parent
SEED_POST = REPO / "docs" / "posts" / "2026-01-01-llama-4-ai-future.md"
PACKAGE = "jekyll_posts.sphinxext"

#: each feature's entry points, ``module:qualified name``
FEATURES: dict[str, tuple[str, ...]] = {
    "Jekyll bodies: Liquid, kramdown, links, images": (
        f"{PACKAGE}.jekyll:make_post",
        f"{PACKAGE}.jekyll:load_site",
        f"{PACKAGE}.jekyll:warn_unbuilt_post_files",
        f"{PACKAGE}.links:SiteImages.apply",
        f"{PACKAGE}.links:SiteLinks.run",
        f"{PACKAGE}.links:LinksAtTheirLines.run",
        f"{PACKAGE}.links:old_urls",
    ),
    "front matter to posts": (
        f"{PACKAGE}.documents:read_front_matter",
        f"{PACKAGE}.documents:ApplyFrontMatter.apply",
        f"{PACKAGE}.documents:JoinJapaneseLines.apply",
        f"{PACKAGE}.documents:HighlightAsRougeDid.apply",
        f"{PACKAGE}.urls:warn_shared_urls",
    ),
    "Jekyll text: typography, alerts, jemoji, hard wrap": (
        f"{PACKAGE}.documents:TypographyAsKramdown.apply",
        f"{PACKAGE}.documents:EmojiAsJemoji.apply",
        f"{PACKAGE}.documents:LineEndsAsKramdownHardWrap.apply",
        f"{PACKAGE}.alerts:GitHubAlerts.apply",
    ),
    "warnings given again": (
        f"{PACKAGE}.written_warnings:note_written",
        f"{PACKAGE}.written_warnings:warn_again_unless_written",
    ),
    "related pages": (
        f"{PACKAGE}.related:_bring_up_to_date",
        f"{PACKAGE}.related:add_related",
        f"{PACKAGE}.related:save_related",
    ),
    "backlinks": (
        f"{PACKAGE}.backlinks:note_links",
        f"{PACKAGE}.backlinks:_all_backlinks",
        f"{PACKAGE}.backlinks:add_backlinks",
    ),
    "stable section ids": (
        f"{PACKAGE}.sections:StableSectionIds.apply",
        f"{PACKAGE}.sections:KramdownIdsStayOnTheirPage.apply",
    ),
    "series": (f"{PACKAGE}.series:add_series_box",),
    "search index": (
        f"{PACKAGE}.search:IndexPageText.apply",
        f"{PACKAGE}.search:note_documents_read",
        f"{PACKAGE}.search:write_search_index",
    ),
    "listing pages and feeds": (f"{PACKAGE}.generated:write_generated",),
    "old URLs: redirect pages": (f"{PACKAGE}.generated:draw_standalone",),
    "what changed (fingerprints)": (
        f"{PACKAGE}.dependencies:pages_showing_changes",
        f"{PACKAGE}.generated:save_fingerprints",
    ),
    "ablog: posts, sidebar": (
        f"{PACKAGE}.blog:registered_blog",
        f"{PACKAGE}.sidebar:write_blog_sidebar",
        "ablog.post:process_posts",
        "ablog.post:process_postlist",
        "ablog:html_page_context",
    ),
    "page context, escaping, sharing": (
        f"{PACKAGE}.page_context:add_page_context",
        f"{PACKAGE}.escaping:escape_text_values",
        f"{PACKAGE}.sharing:write_robots_txt",
        "sphinxext.opengraph:html_page_context",
    ),
}
LISTINGS = "listing pages and feeds"
DOCUMENT_PAGES = "document pages (Sphinx, theme)"


class Clock:
    """Each feature's own time: a stack of running features, each call's time less its callees'."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []

    def timed(self, feature: str, call: Callable[[], Any]) -> Any:
        self._stack.append([0.0])
        start = time.perf_counter()
        try:
            return call()
        finally:
            elapsed = time.perf_counter() - start
            inner = self._stack.pop()[0]
            self.own[feature] += elapsed - inner
            if self._stack:
                self._stack[-1][0] += elapsed

    def wrap(self, feature: str, function: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(function):

            @functools.wraps(function)
            def generator(*args: Any, **kwargs: Any) -> Iterator[Any]:
                items = function(*args, **kwargs)
                done = object()
                while (item := self.timed(feature, lambda: next(items, done))) is not done:
                    yield item

            return generator

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            return self.timed(feature, lambda: function(*args, **kwargs))

        return timed


def instrument(clock: Clock) -> None:
    """Wrap every entry point, wherever a module holds it, and the HTML builder's ``handle_page``."""
    for feature, targets in FEATURES.items():
        for target in targets:
            module_name, qualified = target.split(":")
            owner: Any = importlib.import_module(module_name)
            *path, name = qualified.split(".")
            for part in path:
                owner = getattr(owner, part)
            original = getattr(owner, name)
            wrapped = clock.wrap(feature, original)
            if path:  # a method: its class holds it
                setattr(owner, name, wrapped)
                continue
            for module in list(sys.modules.values()):
                if module is not None and module.__name__.startswith(("jekyll_posts", "ablog", "sphinxext")):
                    for attribute, value in list(vars(module).items()):
                        if value is original:
                            setattr(module, attribute, wrapped)
    handle_page = StandaloneHTMLBuilder.handle_page

    def drawn(
        builder: StandaloneHTMLBuilder,
        pagename: str,
        context: dict[str, Any],
        template: str = "page.html",
        **options: Any,
    ) -> None:
        feature = DOCUMENT_PAGES if template == "page.html" else LISTINGS
        clock.timed(feature, lambda: handle_page(builder, pagename, context, template, **options))

    StandaloneHTMLBuilder.handle_page = drawn  # type: ignore[method-assign]


def build(source: Path, confdir: Path, work: Path, clock: Clock) -> dict[str, float]:
    """One serial build of ``source``: each feature's seconds, the rest, and the whole."""
    clock.own.clear()
    outputs = ["-d", str(work / "doctrees"), str(source), str(work / "html")]
    arguments = ["-q", "-b", "html", "-j", "1", "-c", str(confdir), *outputs]
    start = time.perf_counter()
    status = build_main(arguments)
    total = time.perf_counter() - start
    assert status == 0, status
    seconds = dict(clock.own)
    seconds["the rest: Sphinx, MyST, docutils, theme"] = total - sum(seconds.values())
    seconds["whole build"] = total
    return seconds


def edit_one_body(source: Path) -> None:
    posts = sorted((source / "posts").rglob("*.md"))
    post = posts[len(posts) // 2]
    text = post.read_text(encoding="utf-8")
    post.write_text(f"{text.rstrip()}\n\n追記した段落です。本文だけを変えました。\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--project", type=Path, help="a knowledge base (conf.py, docs/) to copy and build instead")
    arguments = parser.parse_args()
    work = arguments.workdir or Path(tempfile.mkdtemp(prefix="features-bench-"))
    for made in ("html", "doctrees", "project"):
        shutil.rmtree(work / made, ignore_errors=True)
    if arguments.project:
        confdir = shutil.copytree(arguments.project, work / "project", ignore=shutil.ignore_patterns("_build"))
        source, built = confdir / "docs", f"{arguments.project}"
    else:
        confdir, source, built = REPO, work / "source", f"N={arguments.count}"
        generate(arguments.count, source, extra_posts=(SEED_POST,))
    clock = Clock()
    instrument(clock)
    full = build(source, confdir, work, clock)
    edit_one_body(source)
    edited = build(source, confdir, work, clock)
    print(f"{built}, -j 1, seconds of each feature's own time (share of the build)")
    print("| feature | full build | one body edited |")
    print("|---|---|---|")
    for feature in sorted(full, key=lambda name: (name == "whole build", -full[name])):
        cells = [
            f"{run.get(feature, 0.0):.2f} ({run.get(feature, 0.0) / run['whole build']:.0%})" for run in (full, edited)
        ]
        print(f"| {feature} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
