"""Check every post's front matter, links and URLs, without building the site.

::

    jekyll-posts check docs                  # or: jekyll-posts-check docs, make check
    jekyll-posts-check docs --conf-dir . --timezone UTC --posts-folder news

Reads the ``jekyll_posts_*`` and ablog settings from ``conf.py`` (in the source
folder or the folder above it, or ``--conf-dir``), then prints each problem as
``path:line: message [jekyll_posts.subtype]``, the same problems, in the same
words, as the Sphinx build's warnings: front matter, links no file system can
hold, empty ``{tags}`` directives, two pages for one URL (case, or a
document at a generated page's URL), bad settings.  Then ``N posts, M
problems``; the exit status is 1 when there is any problem.  Nothing here
imports Sphinx: it takes seconds for thousands of posts.
"""

from __future__ import annotations

import argparse
import fnmatch
import runpy
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from .core import ParsedPost, PostRecord, Problem, SourceFile, parse_post
from .core.encoding import decode_source
from .core.entries import PageEntry, TaxonomyIndex, listing_cutoff
from .core.jekyll import JekyllSite, Links, load_jekyll_site
from .core.jekyll.body import NO_LINKS
from .core.jekyll.defaults import defaults_for
from .core.jekyll.posts import JekyllContext, MadePost, PostIndex, jekyll_post, post_site_path, site_posts
from .core.markdown import EMPTY_TAGS, tags_directives
from .core.pages import SiteView, generated_pages
from .core.settings import (
    ABLOG_DEFAULTS,
    SETTINGS,
    SiteSettings,
    assignment_line,
    is_in_drafts_folder,
    is_in_posts_folder,
    site_settings,
    unbuilt_post_files,
    unbuilt_post_message,
)
from .core.urls import case_collisions, generated_url_clashes

SKIPPED_FOLDERS = {"_build", "node_modules"}


@dataclass(frozen=True)
class Located:
    """A problem in one file."""

    path: Path
    problem: Problem

    def __str__(self) -> str:
        return f"{self.path}:{self.problem.line}: {self.problem.message} [jekyll_posts.{self.problem.subtype}]"


def main(argv: Sequence[str] | None = None) -> int:
    """``jekyll-posts-check``, the same as ``jekyll-posts check``."""
    parser = argparse.ArgumentParser(prog="jekyll-posts-check", description=(__doc__ or "").split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(arguments: argparse.Namespace) -> int:
    source: Path = arguments.source
    conf_py = find_conf_py(source, arguments.conf_dir)
    values, problems = read_conf(conf_py)
    if arguments.timezone:
        values["jekyll_posts_timezone"] = arguments.timezone
    if arguments.posts_folder:
        values["jekyll_posts_post_folders"] = arguments.posts_folder
    settings, bad_settings = checked_settings(values, conf_py, source)
    problems += bad_settings
    every_file = sorted(source_files(source, values.get("exclude_patterns", [])))
    suffixes = {f".{extension}" for extension in settings.markdown_extensions}
    files = [path for path in every_file if path.suffix in suffixes]
    site, site_problems = load_site(source, conf_py, files, settings, str(values.get("project", "")))
    problems += site_problems
    checked = list(check_files(source, files, site))
    relative = [path.relative_to(source).as_posix() for path in every_file]
    for name in unbuilt_post_files(relative, settings.post_folders, settings.markdown_extensions):
        problems.append(Located(source / name, Problem(1, "front_matter", unbuilt_post_message(name))))
    for report in checked:
        problems += report.problems
    problems += url_problems(checked, settings)
    for located in problems:
        print(located)
    posts = sum(report.entry is not None and report.entry.is_post for report in checked)
    print(f"{posts} {_plural(posts, 'post')}, {len(problems)} {_plural(len(problems), 'problem')}")
    return 1 if problems else 0


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="the Sphinx source folder (docs)")
    parser.add_argument(
        "--conf-dir", type=Path, help="the folder of conf.py (default: the source folder or its parent)"
    )
    parser.add_argument("--timezone", help="the site's time zone (jekyll_posts_timezone), over conf.py's")
    parser.add_argument(
        "--posts-folder", action="append", help="a folder whose files are all posts (jekyll_posts_post_folders)"
    )


def find_conf_py(source: Path, conf_dir: Path | None) -> Path | None:
    """``conf.py`` in ``conf_dir``, else in the source folder or the folder above it (``sphinx-build -c .``)."""
    candidates = [conf_dir] if conf_dir else [source, source.parent]
    return next((folder / "conf.py" for folder in candidates if (folder / "conf.py").is_file()), None)


def read_conf(conf_py: Path | None, extra: Sequence[str] = ()) -> tuple[dict[str, Any], list[Located]]:
    """The values of ``conf.py`` this check needs, and the ``extra`` names another command needs
    (run as Sphinx runs it, in its folder's terms)."""
    if conf_py is None:
        return {}, []
    try:
        namespace = runpy.run_path(str(conf_py), init_globals={"tags": _NoTags()})
    except Exception as error:  # a conf.py that cannot run here: the defaults are used
        message = f"conf.py could not be read ({type(error).__name__}: {error}); the defaults are used"
        return {}, [Located(conf_py, Problem(1, "config", message))]
    names = (
        {setting.config_name for setting in SETTINGS} | set(ABLOG_DEFAULTS) | {"exclude_patterns", "project", *extra}
    )
    return {name: namespace[name] for name in names if name in namespace}, []


def checked_settings(
    values: Mapping[str, object], conf_py: Path | None, source: Path
) -> tuple[SiteSettings, list[Located]]:
    """The settings ``values`` give, and each bad one at the line of ``conf_py`` that sets it."""
    settings, bad_settings = site_settings(values)
    conf_text = conf_py.read_text(encoding="utf-8") if conf_py else ""
    where = conf_py or source
    return settings, [
        Located(where, Problem(assignment_line(conf_text, name), "config", text)) for name, text in bad_settings
    ]


class _NoTags:
    """``tags`` in ``conf.py``: no builder tags are set when checking."""

    def has(self, tag: str) -> bool:
        return False

    def __contains__(self, tag: str) -> bool:
        return False


def source_files(source: Path, exclude_patterns: Sequence[str] = ()) -> Iterator[Path]:
    """Every file of the source folder Sphinx would look at (not ``_build``, hidden or excluded ones)."""
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if not path.is_file() or any(part in SKIPPED_FOLDERS or part.startswith(".") for part in relative.parts):
            continue
        if any(fnmatch.fnmatch(relative.as_posix(), pattern) for pattern in exclude_patterns):
            continue
        yield path


@dataclass(frozen=True)
class Report:
    """What the check found in one file: its problems, and its entry for the site's lists."""

    docname: str
    path: Path
    problems: list[Located]
    entry: PageEntry | None


@dataclass
class Site:
    """What posts read besides themselves: the settings, the Jekyll site, where the other posts are
    (and ``site.posts``, made when a post's Liquid first reads it)."""

    settings: SiteSettings
    jekyll: JekyllSite
    index: PostIndex
    #: each post's file and its path in the Jekyll site, by document name
    post_files: dict[str, tuple[Path, PurePosixPath]]
    #: where each file's text is read from (an import's dry run: the Jekyll site's file to be copied there)
    read_from: Mapping[Path, Path] = field(default_factory=dict)
    posts: list[dict[str, Any]] | None = None

    def site_posts(self) -> list[dict[str, Any]]:
        if self.posts is None:
            self.posts = site_posts(self._posts_as_jekyll_reads())
        return self.posts

    def _posts_as_jekyll_reads(self) -> Iterator[tuple[PostRecord, JekyllContext]]:
        for docname, (path, site_path) in self.post_files.items():
            record = read_file(docname, path, self)[1].record
            if record is not None:
                yield record, JekyllContext(site_path, self.jekyll, NO_LINKS, self.settings.zone, path.absolute())


def load_site(
    source: Path, conf_py: Path | None, files: list[Path], settings: SiteSettings, project: str
) -> tuple[Site, list[Located]]:
    folder = (conf_py.parent if conf_py else source) / settings.site if settings.site else None
    defaults = {"title": project, "url": settings.site_url or "", "baseurl": ""}
    jekyll, site_problems = load_jekyll_site(folder.resolve() if folder and folder.is_dir() else None, defaults)
    problems = [Located(path, problem) for path, problem in site_problems]
    return site_of(source, files, settings, jekyll), problems


def site_of(
    source: Path,
    files: list[Path],
    settings: SiteSettings,
    jekyll: JekyllSite,
    read_from: Mapping[Path, Path] | None = None,
) -> Site:
    """What the posts among ``files`` (in the source folder ``source``) read besides themselves."""
    post_files = {}
    for path in files:
        docname = path.relative_to(source).with_suffix("").as_posix()
        site_path = post_site_path(docname, path.suffix, settings.post_folders)
        if site_path is not None:
            post_files[docname] = (path, site_path)
    index = PostIndex((docname, site_path) for docname, (_, site_path) in post_files.items())
    return Site(settings, jekyll, index, post_files, read_from or {})


def read_file(docname: str, path: Path, site: Site) -> tuple[str, ParsedPost, list[Problem]]:
    """A document's text, as the build reads it, and the problems of its encoding."""
    readable = site.read_from.get(path, path)
    text, problems = decode_source(readable.read_bytes())
    modified = datetime.fromtimestamp(readable.stat().st_mtime, tz=UTC)
    post_folders = site.settings.post_folders
    file = SourceFile(path, is_in_posts_folder(docname, post_folders), modified, is_in_drafts_folder(docname))
    site_path = post_site_path(docname, path.suffix, post_folders)
    defaults = defaults_for(site.jekyll.front_matter_defaults, site_path) if site_path else {}
    return text, parse_post(text, file, site.settings.read_options(), defaults), problems


def check_files(source: Path, files: list[Path], site: Site) -> Iterator[Report]:
    for path in files:
        docname = path.relative_to(source).with_suffix("").as_posix()
        text, parsed, problems = read_file(docname, path, site)
        problems += parsed.problems
        made = _made(docname, path, parsed, site)
        if made is not None:
            problems += made.problems
        first_line = parsed.record.body_line if parsed.record else 1
        body = text.split("\n", first_line - 1)[-1] if first_line > 1 else text
        directives = list(tags_directives(body, first_line))
        problems += [Problem(line, "taxonomy", EMPTY_TAGS) for line, tags in directives if not tags]
        body_tags = [tag for _, tags in directives for tag in tags]
        located = [Located(path, problem) for problem in sorted(problems, key=lambda problem: problem.line)]
        yield Report(docname, path, located, _entry(docname, parsed.record, body_tags, made, site.settings))


def _made(docname: str, path: Path, parsed: ParsedPost, site: Site) -> MadePost | None:
    """The post as Jekyll makes it, as the build makes it (for its Liquid's problems and its old URLs)."""
    site_path = post_site_path(docname, path.suffix, site.settings.post_folders)
    if site_path is None or parsed.record is None:
        return None
    links = Links(
        post_url=site.index.post_named,
        link=lambda target: site.index.by_path.get(target.strip("/")) or site.jekyll.static_file(target),
        site_posts=site.site_posts,
    )
    # the file's absolute path, as the build gives it: page.path, and the folder include_relative reads
    return jekyll_post(parsed, JekyllContext(site_path, site.jekyll, links, site.settings.zone, path.absolute()))


def _entry(
    docname: str, record: PostRecord | None, body_tags: list[str], made: MadePost | None, settings: SiteSettings
) -> PageEntry | None:
    if record is not None:
        old_urls = made.old_urls if made else ()
        return PageEntry.of_record(docname, record, "", body_tags, settings.blog_default_author, old_urls)
    return PageEntry.of_page(docname, docname, body_tags, "") if body_tags else None


def url_problems(reports: list[Report], settings: SiteSettings) -> list[Located]:
    """Two pages for one URL: names that differ only in case, documents at generated pages' URLs."""
    paths = {report.docname: report.path for report in reports}
    entries: Mapping[str, PageEntry] = {report.docname: report.entry for report in reports if report.entry}
    site = SiteView(settings, entries, TaxonomyIndex(entries.values(), listing_cutoff(settings.zone)))
    generated = [page.pagename for page in generated_pages(site)]
    found = [*case_collisions(paths), *generated_url_clashes(paths, generated)]
    return [Located(paths[docname], problem) for docname, problem in found]


if __name__ == "__main__":
    sys.exit(main())
