"""``jekyll-posts-check``: validate every post without building the site.

::

    jekyll-posts-check docs                  # or: make check
    jekyll-posts-check docs --timezone UTC --posts-folder posts --posts-folder news

Prints each problem as ``path:line: message [jekyll_posts.subtype]`` (the
same problems, in the same words, as the Sphinx build's warnings), then
``N posts, M problems``, and exits with 1 when there is any problem.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .core import Problem, ReadOptions, SourceFile, parse_post
from .core.markdown import decode_source
from .sphinxext.config import DEFAULT_POST_FOLDERS, DEFAULT_TIMEZONE
from .sphinxext.reading import is_in_posts_folder
from .sphinxext.urls import SHARED_URL, case_collision

SKIPPED_FOLDERS = {"_build", "node_modules"}


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    options = ReadOptions(zone=ZoneInfo(arguments.timezone))
    folders = arguments.posts_folder or DEFAULT_POST_FOLDERS
    posts = problems = 0
    files = sorted(markdown_files(arguments.source))
    for path, file_problems, is_post in check_files(arguments.source, files, folders, options):
        posts += is_post
        problems += len(file_problems)
        for problem in file_problems:
            print(f"{path}:{problem.line}: {problem.message} [jekyll_posts.{problem.subtype}]")
    for path, problem in case_collisions(arguments.source, files):
        problems += 1
        print(f"{path}:{problem.line}: {problem.message} [jekyll_posts.{problem.subtype}]")
    print(f"{posts} posts, {problems} problems")
    return 1 if problems else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jekyll-posts-check", description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="the Sphinx source folder (docs)")
    parser.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="the site's time zone (jekyll_posts_timezone)")
    parser.add_argument(
        "--posts-folder", action="append", help="a folder whose files are all posts (jekyll_posts_post_folders)"
    )
    return parser


def markdown_files(source: Path) -> Iterator[Path]:
    for path in source.rglob("*.md"):
        relative = path.relative_to(source)
        if not any(part in SKIPPED_FOLDERS or part.startswith(".") for part in relative.parts):
            yield path


def check_files(
    source: Path, files: list[Path], folders: list[str], options: ReadOptions
) -> Iterator[tuple[Path, list[Problem], bool]]:
    for path in files:
        docname = path.relative_to(source).with_suffix("").as_posix()
        text, problems = decode_source(path.read_bytes())
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
        parsed = parse_post(text, SourceFile(path, is_in_posts_folder(docname, folders), modified), options)
        is_post = parsed.record is not None and parsed.record.is_post
        yield path, problems + list(parsed.problems), is_post


def case_collisions(source: Path, files: list[Path]) -> Iterator[tuple[Path, Problem]]:
    by_folded: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        by_folded[path.relative_to(source).with_suffix("").as_posix().casefold()].append(path)
    for paths in by_folded.values():
        for path in paths[1:]:
            first = paths[0].relative_to(source).with_suffix("").as_posix()
            yield path, Problem(1, "url", f"{SHARED_URL}: {case_collision(first)}")


if __name__ == "__main__":
    sys.exit(main())
