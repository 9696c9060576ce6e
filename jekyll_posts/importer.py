"""Move a whole Jekyll site into the knowledge base: its posts, drafts, site files and the files posts use.

::

    jekyll-posts import ../old-blog              # or: make import SRC=../old-blog
    jekyll-posts import ../old-blog --dry-run    # what would be copied; nothing is written
    jekyll-posts import ../old-blog --force      # also overwrite files changed since the last import
    jekyll-posts import ../www --only ja         # only ja/.../_posts (a site with a folder per language)
    jekyll-posts import ../blog --only _posts/ja # only _posts/ja (jekyll-polyglot's folder per language)

What goes where (``docs`` is ``--source``, ``posts`` the first of
``jekyll_posts_post_folders``, ``jekyll`` the site folder beside ``conf.py``
that ``jekyll_posts_site`` names; the line is added to ``conf.py`` when it
has none):

- the Markdown posts of every ``_posts`` folder Jekyll reads:
  ``_posts/sub/x.md`` to ``docs/posts/sub/x.md``, ``ja/news/_posts/x.md`` to
  ``docs/posts/ja/news/_posts/x.md``; drafts: ``_drafts/x.md`` to
  ``docs/posts/_drafts/x.md`` (see :mod:`.core.jekyll.sitefiles`);
- ``_config.yml``, ``_data`` and ``_includes`` (or ``data_dir`` and
  ``includes_dir``): to the same paths in ``jekyll/``;
- the files posts use, found in each body after Liquid (links, images, HTML
  ``src``, see :mod:`.core.jekyll.references`): ``/assets/img/x.png`` to
  ``jekyll/assets/img/x.png``; a file a post reads beside itself in
  ``_posts`` (a relative image, ``include_relative``) goes beside the
  imported post.

The site is only read.  A file imported before is left alone when its bytes
are the same, and when they differ (edited in the knowledge base) unless
``--force``.  Each imported post is checked as ``jekyll-posts check`` checks
it; its problems are listed, and do not fail the import.  The exit status is
1 when something could not be read or written.  Nothing here imports Sphinx.
"""

from __future__ import annotations

import argparse
import filecmp
import glob
import json
import mimetypes
import os
import posixpath
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from tqdm import tqdm

from .check import Located, check_files, find_conf_py, read_conf, site_of
from .core.encoding import decode_source
from .core.frontmatter import deep_merged, read_front_matter, split_front_matter
from .core.jekyll import JekyllSite, Links, load_jekyll_site
from .core.jekyll.defaults import defaults_for
from .core.jekyll.kramdown import kramdown_to_myst
from .core.jekyll.liquid import render_liquid
from .core.jekyll.permalinks import split_post_file_name
from .core.jekyll.posts import parses_block_html
from .core.jekyll.references import SiteAddress, is_page_address, references, resolve, source_lines, target_path
from .core.jekyll.site import configured_folder, time_zone
from .core.jekyll.sitefiles import (
    DRAFTS,
    HTML_EXTENSIONS,
    POSTS,
    SiteReading,
    magic_folder,
    post_destination,
    post_page,
)
from .core.post import cover_image, media_subpath, under_media_subpath
from .core.settings import SiteSettings, sets, site_settings

SITE_SETTING = "jekyll_posts_site"
DEFAULT_SITE_FOLDER = "jekyll"
CONF_COMMENT = "# The Jekyll site's _config.yml, _data, _includes and the files its posts use (jekyll-posts import)"
#: Folders of a site never copied from: Jekyll's output, version control, dependencies.
NOT_SITE_FILES = frozenset({"_site", ".git", "node_modules", "vendor"})
#: Folders of a site the knowledge base has no use for, named in the summary.
LEFT_OUT = ("_layouts", "_plugins", "_sass")
#: how many of the site's HTML pages the import's summary names
PAGES_SHOWN = 5
#: Kinds of copies, in the order the summary lists them, with their names there.
KINDS = {
    "post": "posts",
    "draft": "drafts",
    "config": "config files",
    "data": "data files",
    "include": "includes",
    "asset": "files posts use",
}
OUTCOMES = ("new", "updated", "unchanged")
#: ``{% post_url %}`` and ``{% link %}`` while looking for files: a page, and the path as an address.
LINKS = Links(post_url=lambda name: "#", link=lambda path: "/" + path.lstrip("/"))
SAME_DESTINATION = "another file of the site goes to the same place: the first is copied"
_FRONT_MATTER = re.compile(rb"---\s*\r?\n")
_UNKNOWN = re.compile(r"unknown ((?:tag|filter) '[^']*')")


class ImportStop(Exception):
    """Why the import cannot start: nothing has been written."""


@dataclass(frozen=True)
class Places:
    """Where the import reads (``site``) and writes (``posts``, ``site_folder``, ``conf_py``)."""

    site: Path
    posts: Path
    site_folder: Path
    conf_py: Path


@dataclass(frozen=True)
class Copy:
    """One file to copy, of one of the :data:`KINDS`."""

    kind: str
    source: Path
    destination: Path


@dataclass
class Plan:
    """What the import does: the copies by destination, the files left out by reason, the missing files."""

    copies: dict[Path, Copy] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    missing: list[tuple[Path, int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: "tag 'gist'", "filter 'x'": Liquid no plugin runs for here -> how many posts use it
    plugins: Counter[str] = field(default_factory=Counter)
    #: the site's own pages (``about.md``, ``_pages/archive.md``): Jekyll renders them, the import does not
    pages: list[PurePosixPath] = field(default_factory=list)

    def add(self, copy: Copy) -> None:
        """Copy a file once, however many posts use it; a second file for one destination is left out."""
        first = self.copies.setdefault(copy.destination, copy)
        if first.source != copy.source:
            self.skipped[SAME_DESTINATION].append(str(copy.source))

    def unskip(self, copied: set[str]) -> None:
        """Files of ``_posts`` left out as posts but copied because a post uses them are not skipped."""
        for reason, paths in list(self.skipped.items()):
            self.skipped[reason] = [path for path in paths if path not in copied]
            if not self.skipped[reason]:
                del self.skipped[reason]


@dataclass(frozen=True)
class Site:
    """The Jekyll site being read, with what deciding about its files needs."""

    places: Places
    jekyll: JekyllSite
    reading: SiteReading
    address: SiteAddress
    zone: ZoneInfo
    #: the site folders whose ``_posts`` and ``_drafts`` are imported (none: all of them)
    only: tuple[PurePosixPath, ...] = ()

    def imports_posts_of(self, folder: PurePosixPath) -> bool:
        """Whether some posts of ``folder`` (``ja/news/_posts``) are imported: all of them, or those of
        a folder in it (``_posts/ja``, jekyll-polyglot's folder per language)."""
        return not self.only or any(
            folder in (chosen, *chosen.parents) or chosen in folder.parents for chosen in self.only
        )

    def imports(self, path: PurePosixPath) -> bool:
        """Whether the post or draft at ``path`` (in the site) is imported."""
        return not self.only or any(chosen in path.parents for chosen in self.only)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, metavar="SITE_DIR", help="the Jekyll site's folder (it is only read)")
    parser.add_argument("--source", type=Path, default=Path("docs"), help="the Sphinx source folder (docs)")
    parser.add_argument(
        "--conf-dir", type=Path, help="the folder of conf.py (default: the source folder or its parent)"
    )
    parser.add_argument(
        "--site-folder",
        type=Path,
        help=f"where the site's own files go (default: {DEFAULT_SITE_FOLDER}/ beside conf.py)",
    )
    parser.add_argument(
        "--only",
        action="append",
        type=PurePosixPath,
        default=[],
        metavar="FOLDER",
        help="import only the posts and drafts of this folder of the site and below (ja for ja/news/_posts, "
        "_posts for the top one, _posts/ja for a folder in it); repeat for more",
    )
    parser.add_argument("--force", action="store_true", help="overwrite files changed in the knowledge base")
    parser.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(arguments: argparse.Namespace) -> int:
    try:
        places, settings, conf_problems, site_value = _places(arguments)
    except ImportStop as stop:
        print(f"jekyll-posts import: {stop}", file=sys.stderr)
        return 1
    jekyll, site_problems = load_jekyll_site(places.site, {})
    notes = _source_folder_note(places.site, jekyll)
    places = replace(places, site=jekyll.root or places.site)
    site = Site(
        places,
        jekyll,
        SiteReading.of(jekyll.config),
        SiteAddress.of(jekyll.config),
        time_zone(jekyll.config.get("timezone")) or settings.zone,
        tuple(PurePosixPath(*folder.parts) for folder in arguments.only),
    )
    progress = not arguments.quiet and sys.stderr.isatty()
    plan = plan_import(site, progress)
    outcomes = copy_files(plan, force=arguments.force, dry_run=arguments.dry_run, progress=progress)
    if any(copy.destination.is_relative_to(places.site_folder) for copy in plan.copies.values()):
        notes += [_name_site_folder(places, site_value, dry_run=arguments.dry_run, errors=plan.errors)]
    notes += _time_zone_note(jekyll.config.get("timezone"), settings)
    notes += _site_url_note(site.address, settings, has_config=bool(jekyll.config_files))
    notes += _root_document_note(arguments.source)
    unmatched = _unmatched_choices(site, plan)
    notes += [f"--only {chosen}: no post or draft of the site is there" for chosen in unmatched]
    no_posts = not site.only and not _imports_posts(plan)
    notes += [_no_posts_note(places.site)] if no_posts else []
    problems = conf_problems + [Located(_copied_to(site, path), problem) for path, problem in site_problems]
    problems += post_problems(plan, outcomes, settings, arguments.source, jekyll)
    print_summary(site, plan, outcomes, problems, notes, dry_run=arguments.dry_run)
    return 1 if plan.errors or unmatched or no_posts else 0


def _imports_posts(plan: Plan) -> bool:
    """Whether the site has posts or drafts: some are copied, or some files of their folders are left out."""
    return bool(plan.skipped) or any(copy.kind in ("post", "draft") for copy in plan.copies.values())


def _no_posts_note(site: Path) -> str:
    return (
        f"no post or draft in {site}: Jekyll reads them from _posts and _drafts folders (Octopress's in "
        "source/, which its _config.yml names); is this a Jekyll site's folder?"
    )


def _unmatched_choices(site: Site, plan: Plan) -> list[PurePosixPath]:
    """The folders ``--only`` names that hold no post or draft: a typo, or a folder Jekyll does not read."""
    imported = [
        PurePosixPath(copy.source.relative_to(site.places.site).as_posix())
        for copy in plan.copies.values()
        if copy.kind in ("post", "draft")
    ]
    return [chosen for chosen in site.only if not any(chosen in path.parents for path in imported)]


# --- where things go ------------------------------------------------------------


def _places(arguments: argparse.Namespace) -> tuple[Places, SiteSettings, list[Located], str | None]:
    """The places of an import, the knowledge base's settings, and the site folder ``conf.py`` names."""
    site: Path = arguments.site
    if not site.is_dir():
        raise ImportStop(f"{site} is not a folder")
    conf_py = find_conf_py(arguments.source, arguments.conf_dir)
    if conf_py is None:
        where = arguments.conf_dir or f"{arguments.source} or {arguments.source.parent}"
        raise ImportStop(f"no conf.py in {where}: import into a knowledge base (--source, --conf-dir)")
    values, problems = read_conf(conf_py, [SITE_SETTING])
    settings, _ = site_settings(values)
    configured = values.get(SITE_SETTING)
    named = conf_py.parent / configured if isinstance(configured, str) else None
    site_folder = arguments.site_folder or named or conf_py.parent / DEFAULT_SITE_FOLDER
    if named is not None and named.resolve() != site_folder.resolve():
        raise ImportStop(f"conf.py reads the Jekyll site from {named} ({SITE_SETTING}), not {site_folder}")
    places = Places(site, arguments.source / next(iter(settings.post_folders), "posts"), site_folder, conf_py)
    _check_apart(places)
    return places, settings, problems, configured if isinstance(configured, str) else None


def _check_apart(places: Places) -> None:
    """Never write into the site: no folder written to may be in it, nor hold it."""
    site = places.site.resolve()
    for written in (places.posts, places.site_folder, places.conf_py):
        resolved = written.resolve()
        if resolved.is_relative_to(site) or site.is_relative_to(resolved):
            raise ImportStop(f"{written} and the site {places.site} overlap: the site is only read")


def plan_import(site: Site, progress: bool) -> Plan:
    """Every copy the import makes, what it leaves out, and the missing files posts refer to."""
    plan = Plan()
    posts = list(_posts_and_drafts(site, plan))
    for copy in posts:
        plan.add(copy)
    for copy in _site_files(site, plan):
        plan.add(copy)
    for copy in tqdm(posts, desc="reading posts", unit=" posts", disable=not progress, file=sys.stderr):
        _add_used_files(site, copy, plan)
    slugs = {split[1] for copy in posts if (split := split_post_file_name(copy.source.name))}
    plan.missing = [missing for missing in plan.missing if not _names_a_post(missing[2], slugs)]
    read = [copy.source for copy in plan.copies.values() if copy.source.is_relative_to(site.places.site)]
    plan.unskip({path.relative_to(site.places.site).as_posix() for path in read})
    return plan


def _posts_and_drafts(site: Site, plan: Plan) -> Iterator[Copy]:
    """The posts and drafts of every ``_posts`` and ``_drafts`` folder Jekyll reads; the other files
    of those folders are left out with their reason (a file a post uses is added back later)."""
    for folder in _magic_folders(site, plan):
        for path in _files_under(site.places.site / folder, plan, hidden=True):
            entry = PurePosixPath(path.relative_to(site.places.site / folder).as_posix())
            if not site.imports(folder / entry):
                continue
            reason = site.reading.skip_reason(folder, entry)
            if reason is None:
                kind = "post" if folder.name == POSTS else "draft"
                yield Copy(kind, path, site.places.posts / post_destination(folder / entry))
            else:
                plan.skipped[reason].append((folder / entry).as_posix())


def _magic_folders(site: Site, plan: Plan) -> Iterator[PurePosixPath]:
    """The ``_posts`` and ``_drafts`` folders Jekyll reads: in the root and in every folder it reads.
    The pages met on the way (files Jekyll reads and renders as pages) are noted in ``plan.pages``."""
    destination = site.jekyll.config.get("destination")
    output = PurePosixPath(destination.strip("/")) if isinstance(destination, str) else PurePosixPath("_site")
    pending = [PurePosixPath()]
    while pending:
        folder = pending.pop()
        if site.reading.reads_posts_in(folder):
            for name in (POSTS, DRAFTS):
                if (site.places.site / folder / name).is_dir() and site.imports_posts_of(folder / name):
                    yield folder / name
        try:
            entries = sorted(os.scandir(site.places.site / folder), key=lambda entry: entry.name, reverse=True)
        except OSError as error:
            plan.errors.append(f"{site.places.site / folder}: {error.strerror}")
            continue
        for entry in entries:
            path = folder / entry.name
            if not site.reading.reads(path) or path == output:
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif _is_page(site, path):
                plan.pages.append(path)


def _is_page(site: Site, path: PurePosixPath) -> bool:
    """Whether Jekyll renders the file ``path`` (read outside ``_posts``) as a page of Markdown or HTML."""
    is_text_page = site.reading.is_markdown(path) or path.suffix[1:].lower() in HTML_EXTENSIONS
    return is_text_page and _has_front_matter(site.places.site / path)


def _files_under(folder: Path, plan: Plan, *, hidden: bool) -> Iterator[Path]:
    """The files in ``folder`` and its sub-folders, by name; links to folders are not followed."""
    for root, folders, files in os.walk(folder, onerror=lambda error: plan.errors.append(str(error))):
        folders[:] = sorted(name for name in folders if hidden or not name.startswith("."))
        yield from (Path(root, name) for name in sorted(files) if hidden or not name.startswith("."))


def _site_files(site: Site, plan: Plan) -> Iterator[Copy]:
    """``_config.yml``, and every file of the data and includes folders (hidden files aside)."""
    root = site.places.site
    files = [("config", path) for path in site.jekyll.config_files]
    folders = {
        "data": configured_folder(root, site.jekyll.config.get("data_dir"), "_data"),
        "include": site.jekyll.includes,
    }
    for kind, folder in folders.items():
        files += [(kind, path) for path in _files_under(folder, plan, hidden=False)] if folder is not None else []
    for kind, path in files:
        yield Copy(kind, path, _copied_to(site, path))


def _copied_to(site: Site, path: Path) -> Path:
    """Where a file of the site goes in the knowledge base's site folder: a file of the folder Jekyll
    reads from keeps its place in it, a configuration file above that folder (Octopress's
    ``_config.yml``, beside ``source/``) goes to the top."""
    base = site.places.site if path.is_relative_to(site.places.site) else site.jekyll.config_folder
    return site.places.site_folder / path.relative_to(base or site.places.site)


# --- the files posts use ------------------------------------------------------


def _add_used_files(site: Site, post: Copy, plan: Plan) -> None:
    """Add the files a post's body uses once Liquid has run, and note the missing ones."""
    try:
        text, _ = decode_source(post.source.read_bytes())
        modified = datetime.fromtimestamp(post.source.stat().st_mtime, tz=UTC)
    except OSError as error:
        plan.errors.append(f"{post.source}: {error.strerror}")
        return
    path = PurePosixPath(post.source.relative_to(site.places.site).as_posix())
    split = split_front_matter(text)
    data = read_front_matter(split.yaml_text if split and split.closed else "")
    data = replace(data, values=deep_merged(defaults_for(site.jekyll.front_matter_defaults, path), data.values))
    front_matter = data.values
    body, first_line = (split.body, split.body_line) if split and split.closed else (text, 1)
    page = post_page(path, front_matter, site.jekyll.config, site.zone, modified)
    folder = media_subpath(front_matter)
    cover = cover_image(data, [])
    if cover is not None and not _add_target(site, path, page["url"], under_media_subpath(cover.path, folder), plan):
        plan.missing.append((post.destination, cover.line, unquote(cover.path)))
    rendered = render_liquid(body, first_line, page, site.jekyll, LINKS)
    plan.plugins.update({found[1] for problem in rendered.problems if (found := _UNKNOWN.match(problem.message))})
    for included in rendered.includes:
        if not _add_beside(site, path, Path(included), plan):
            _add_read_file(site, Path(included), plan)
    # the body as the build reads it (kramdown's definitions, tables, HTML blocks), each line traced back
    myst = kramdown_to_myst(rendered.text, parses_block_html(site.jekyll))
    rendered_lines, myst_lines = source_lines(body, rendered.text), source_lines(rendered.text, myst)
    for reference in references(myst):
        if folder and _add_target(site, path, page["url"], under_media_subpath(reference.target, folder), plan):
            continue  # an image under Chirpy's media_subpath
        if not _add_target(site, path, page["url"], reference.target, plan):
            line = first_line + rendered_lines[myst_lines[min(reference.line, len(myst_lines)) - 1]]
            plan.missing.append((post.destination, line, unquote(reference.target)))


def _add_target(site: Site, post: PurePosixPath, page_url: str, target: str, plan: Plan) -> bool:
    """Add the file ``target`` names when the site has it.  ``False`` only for a file the site
    lacks: another site, a page, a folder or a file a page makes (``style.css``) are not missing."""
    path = target_path(target, site.address)
    found = resolve(path, page_url) if path is not None else None
    if path is None or found is None:
        return True
    kind = _site_file_kind(site, PurePosixPath(found))
    if kind == "file":
        plan.add(Copy("asset", site.places.site / found, site.places.site_folder / found))
    if kind is not None:
        return True
    if not path.startswith("/") and _add_beside(site, post, site.places.site / post.parent / path, plan):
        return True
    return is_page_address(found) or _made_by_a_page(site.places.site / found)


def _add_beside(site: Site, post: PurePosixPath, file: Path, plan: Plan) -> bool:
    """Add a file read from the post's own folder (a relative image, ``include_relative``) when it
    lies in the post's ``_posts`` or ``_drafts`` folder: it goes beside the imported post."""
    path = _in_site(site, file)
    if path is None or magic_folder(path) != magic_folder(post) or _site_file_kind(site, path) != "file":
        return False
    plan.add(Copy("asset", site.places.site / path, site.places.posts / post_destination(path)))
    return True


def _add_read_file(site: Site, file: Path, plan: Plan) -> None:
    """Add a file of the site a post's Liquid read outside the includes folder (Octopress's
    ``include_code`` reads ``downloads/code``): it keeps its place in the site folder."""
    includes = site.jekyll.includes
    path = _in_site(site, file)
    if path is None or (includes is not None and file.resolve().is_relative_to(includes.resolve())):
        return
    if _site_file_kind(site, path) == "file":
        plan.add(Copy("asset", site.places.site / path, site.places.site_folder / path))


def _in_site(site: Site, file: Path) -> PurePosixPath | None:
    """``file``'s path in the site, wherever the site was named from; ``None`` outside it."""
    resolved, root = file.resolve(), site.places.site.resolve()
    return PurePosixPath(resolved.relative_to(root).as_posix()) if resolved.is_relative_to(root) else None


def _site_file_kind(site: Site, path: PurePosixPath) -> str | None:
    """``file`` for a file of the site to copy, ``page`` for a page or post (Jekyll renders it)
    or a folder, ``None`` when the site has no such file (or it is in a folder never copied from)."""
    full = site.places.site / path
    if NOT_SITE_FILES & set(path.parts) or not full.resolve().is_relative_to(site.places.site.resolve()):
        return None
    if full.is_dir():
        return "page"
    if not full.is_file():
        return None
    if magic_folder(path) is not None and (
        site.reading.is_markdown(path) or path.suffix[1:].lower() in HTML_EXTENSIONS
    ):
        return "page"
    return "page" if _has_front_matter(full) else "file"


def _has_front_matter(path: Path) -> bool:
    """Jekyll's ``has_yaml_header?``: a file whose first line is ``---`` is a page it renders."""
    try:
        with path.open("rb") as file:
            return _FRONT_MATTER.match(file.readline(1024)) is not None
    except OSError:
        return False


def _names_a_post(target: str, slugs: set[str]) -> bool:
    """Whether a missing target is a post's address: its last part is a post's slug
    (``/ja/blog/2019/03/29/groonga-9.0.1``, where ``.1`` read as an extension): the build links it to the post."""
    name = posixpath.basename(urlsplit(target).path.rstrip("/"))
    return name.removesuffix(".html") in slugs


def _made_by_a_page(path: Path) -> bool:
    """Whether a page makes this missing file (``style.css`` from ``style.scss`` with front matter)."""
    if not path.parent.is_dir():
        return False
    return any(_has_front_matter(other) for other in path.parent.glob(f"{glob.escape(path.stem)}.*"))


# --- copying ---------------------------------------------------------------------


def copy_files(plan: Plan, *, force: bool, dry_run: bool, progress: bool) -> dict[Path, str]:
    """Copy every planned file; the outcome of each by destination: ``new``, ``updated``,
    ``unchanged``, ``kept`` (changed in the knowledge base, no ``--force``) or ``error``."""
    outcomes: dict[Path, str] = {}
    copies = sorted(plan.copies.values(), key=lambda copy: copy.destination)
    for copy in tqdm(copies, desc="copying", unit=" files", disable=not progress, file=sys.stderr):
        try:
            outcomes[copy.destination] = _copy(copy, force=force, dry_run=dry_run)
        except OSError as error:
            outcomes[copy.destination] = "error"
            plan.errors.append(f"{copy.source} -> {copy.destination}: {error}")
    return outcomes


def _copy(copy: Copy, *, force: bool, dry_run: bool) -> str:
    if copy.destination.exists():
        if filecmp.cmp(copy.source, copy.destination, shallow=False):
            return "unchanged"
        if not force:
            return "kept"
        outcome = "updated"
    else:
        outcome = "new"
    if not dry_run:
        _write(copy.source, copy.destination)
    return outcome


def _write(source: Path, destination: Path) -> None:
    """Copy with the file's times (a post without a date is dated by them), through a temporary
    file, so an interrupted import leaves no half-written file."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.")
    os.close(handle)
    try:
        shutil.copy2(source, temporary)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _name_site_folder(places: Places, configured: str | None, *, dry_run: bool, errors: list[str]) -> str:
    """Add ``jekyll_posts_site = "jekyll"`` to ``conf.py`` unless it names the site folder; what was done."""
    text = places.conf_py.read_text(encoding="utf-8")
    if configured is not None or sets(text, SITE_SETTING):
        return f"conf.py already names the site folder ({SITE_SETTING})"
    value = Path(os.path.relpath(places.site_folder, places.conf_py.parent)).as_posix()
    line = f"{SITE_SETTING} = {json.dumps(value, ensure_ascii=False)}"
    if not dry_run:
        try:
            with places.conf_py.open("a", encoding="utf-8") as conf:
                conf.write(("\n" if text and not text.endswith("\n") else "") + f"\n{CONF_COMMENT}\n{line}\n")
        except OSError as error:
            errors.append(f"{places.conf_py}: {error.strerror}")
            return f"conf.py could not be given {line}"
    return f"{places.conf_py}: {'would add' if dry_run else 'added'} {line}"


def _source_folder_note(folder: Path, jekyll: JekyllSite) -> list[str]:
    """Where the site is read from when its ``_config.yml`` names a ``source`` folder (Octopress's ``source/``)."""
    named = jekyll.config.get("source")
    if jekyll.root is not None and jekyll.root != folder:
        return [f"the site is read from {jekyll.root}, the folder _config.yml's source: names, as Jekyll reads it"]
    if isinstance(named, str) and named.strip().strip("/") not in ("", "."):
        return [f"_config.yml's source: {named} is not a folder of the site: the site is read from {folder}"]
    return []


def _time_zone_note(site_zone: object, settings: SiteSettings) -> list[str]:
    """A word when the site read its dates in another time zone than the knowledge base does:
    a date without an offset then means another moment, and may fall on another day."""
    zone = time_zone(site_zone)
    if zone is None or zone.key == settings.timezone:
        return []
    return [
        f"the site's timezone is {zone.key} (_config.yml), conf.py's jekyll_posts_timezone is {settings.timezone}: "
        f'jekyll_posts_timezone = "{zone.key}" reads dates as Jekyll did'
    ]


def _site_url_note(address: SiteAddress, settings: SiteSettings, *, has_config: bool) -> list[str]:
    """A word when nothing says where the old site is: links to its pages that are not
    imported are then warned about, where they could lead to the old site."""
    if address.url or settings.site_url:
        return []
    where = "the site's _config.yml gives no url" if has_config else "the site has no _config.yml to give its url"
    return [
        f"{where}: links to its pages that were not imported are warned about; "
        'jekyll_posts_site_url = "https://…" in conf.py makes them lead to the old site'
    ]


def _root_document_note(source: Path) -> list[str]:
    """A word when the knowledge base has no home page: Sphinx stops without its root document."""
    if any(source.glob("index.*")):
        return []
    return [
        f"{source} has no index.md: Sphinx needs a home page to build (this repository's docs/index.md lists "
        "the newest posts)"
    ]


# --- checking and reporting -------------------------------------------------------


def post_problems(
    plan: Plan, outcomes: dict[Path, str], settings: SiteSettings, source: Path, jekyll: JekyllSite
) -> list[Located]:
    """Each imported post's problems, as ``jekyll-posts check`` finds them (its Liquid rendered
    with the site), at its imported path in the source folder ``source`` (read from the knowledge
    base when it kept its own version, else from the site)."""
    read_from: dict[Path, Path] = {}
    for copy in plan.copies.values():
        if copy.kind in ("post", "draft") and outcomes.get(copy.destination) != "error":
            path = copy.destination if outcomes.get(copy.destination) == "kept" else copy.source
            if path.is_file():
                read_from[copy.destination] = path
            else:
                plan.errors.append(f"{path}: no such file")
    files = sorted(read_from)
    site = site_of(source, files, settings, jekyll, read_from)
    problems = [located for report in check_files(source, files, site) for located in report.problems]
    return sorted(problems, key=lambda located: (str(located.path), located.problem.line))


def print_summary(
    site: Site, plan: Plan, outcomes: dict[Path, str], problems: list[Located], notes: list[str], *, dry_run: bool
) -> None:
    """What was copied and left out, the notes, then each problem as ``jekyll-posts check`` prints it."""
    places = site.places
    lines = [
        f"{places.site} into {places.posts} and {places.site_folder}"
        + (" (dry run: nothing written)" if dry_run else "")
    ]
    lines += [*_copied(places, plan, outcomes), *_left_out(site, plan, outcomes), *notes]
    lines += _section(f"errors: {_count(len(plan.errors), 'file')} could not be read or written", plan.errors)
    with_problems = _count(len({located.path for located in problems}), "file")
    lines.append(f"problems: {len(problems)} in {with_problems} (imported all the same; the import does not fail)")
    lines += _in_drafts(plan, problems)
    print("\n".join(lines + _problem_lines(problems, places.posts) + _what_to_do(problems, plan.missing)))


def _in_drafts(plan: Plan, problems: list[Located]) -> list[str]:
    """How many of the problems and missing files are in drafts, which Jekyll never published
    and the knowledge base builds all the same (on its drafts page)."""
    drafts = {copy.destination for copy in plan.copies.values() if copy.kind == "draft"}
    in_drafts = sum(located.path in drafts for located in problems)
    missing = sum(destination in drafts for destination, _, _ in plan.missing)
    if not in_drafts and not missing:
        return []
    return [
        f"in drafts: {in_drafts} of the problems and {missing} of the missing files (Jekyll published no draft; "
        "they are built here, on the drafts page: delete those you do not want)"
    ]


#: Sphinx's warning about a picture that is not there
MISSING_PICTURE = "image.not_readable"


def _what_to_do(problems: list[Located], missing: list[tuple[Path, int, str]]) -> list[str]:
    """``make html`` stops on a warning: how to build all the same (the missing pictures warn too)."""
    pictures = [target for _, _, target in missing if _is_picture(target)]
    if not problems and not pictures:
        return []
    ours = [f"jekyll_posts.{subtype}" for subtype in sorted({found.problem.subtype for found in problems})]
    kinds = ", ".join(f'"{kind}"' for kind in [*ours, *([MISSING_PICTURE] if pictures else [])])
    return [
        "make html treats warnings as errors: fix these posts, or silence a kind of problem in conf.py",
        f"(suppress_warnings = [{kinds}]), or build with make html SPHINXOPTS=",
    ]


def _is_picture(target: str) -> bool:
    """Whether a post's target names a picture, by its path's file type (``/img/a.png?v=2``)."""
    return (mimetypes.guess_type(urlsplit(target).path)[0] or "").startswith("image/")


#: more problems than this are shown a few of each kind
PROBLEMS_SHOWN = 20
EXAMPLES_SHOWN = 5


def _problem_lines(problems: list[Located], posts: Path) -> list[str]:
    """Each problem; when there are many, how many of each kind with a few of them, so that a
    site with hundreds of one problem does not hide the others."""
    if len(problems) <= PROBLEMS_SHOWN:
        return [str(located) for located in problems]
    by_kind: dict[str, list[Located]] = defaultdict(list)
    for located in problems:
        by_kind[located.problem.subtype].append(located)
    lines = []
    for subtype, found in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        lines.append(f"  jekyll_posts.{subtype}: {len(found)}")
        lines += [f"    {located}" for located in found[:EXAMPLES_SHOWN]]
        if len(found) > EXAMPLES_SHOWN:
            lines.append(f"    ... {len(found) - EXAMPLES_SHOWN} more")
    lines.append(f"every one: jekyll-posts check {posts}")
    return lines


def _copied(places: Places, plan: Plan, outcomes: dict[Path, str]) -> Iterator[str]:
    """A line per kind of file: how many, and how many were new, updated, unchanged, kept."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for copy in plan.copies.values():
        counts[copy.kind][outcomes.get(copy.destination, "error")] += 1
    for kind, label in KINDS.items():
        shown = [f"{counts[kind][outcome]} {outcome}" for outcome in OUTCOMES]
        shown += [f"{counts[kind][outcome]} {outcome}" for outcome in ("kept", "error") if counts[kind][outcome]]
        into = places.posts if kind in ("post", "draft") else places.site_folder
        beside = " (or beside their post)" if kind == "asset" else ""
        yield f"{label}: {counts[kind].total()} ({', '.join(shown)}) into {into}{beside}"


def _left_out(site: Site, plan: Plan, outcomes: dict[Path, str]) -> Iterator[str]:
    """What did not come in: kept files, skipped files by reason, missing files, plugins' Liquid, folders."""
    kept = sorted(str(path) for path, outcome in outcomes.items() if outcome == "kept")
    yield from _section(
        f"kept: {_count(len(kept), 'file')} changed in the knowledge base (--force overwrites them)", kept
    )
    yield f"skipped: {_count(sum(len(paths) for paths in plan.skipped.values()), 'file')} of _posts and _drafts folders"
    for reason, paths in sorted(plan.skipped.items(), key=lambda item: -len(item[1])):
        yield f"  {len(paths)}: {reason}"
        yield from (f"    {path}" for path in sorted(paths)[:5])
    missing = [f"{path}:{line}: {target}" for path, line, target in sorted(plan.missing)]
    yield from _section(f"missing: {_count(len(missing), 'file')} posts refer to are not in the site", missing)
    plugins = [f"{name}: {_count(count, 'post')}" for name, count in plan.plugins.most_common()]
    yield from _section("Liquid of plugins, not run here (a file only it names is not copied):", plugins)
    folders = [name for name in LEFT_OUT if (site.places.site / name).is_dir()]
    if folders:
        yield f"not imported: {', '.join(folders)} (the knowledge base has its own theme; Ruby plugins do not run)"
    yield from _pages_left_out(site, plan.pages)
    collections = _collection_folders(site)
    if collections:
        yield (
            f"not imported: {', '.join(collections)} (collections other than posts; "
            "their pages can go into docs/ as wiki pages)"
        )


def _pages_left_out(site: Site, pages: list[PurePosixPath]) -> list[str]:
    """The site's own pages, every Markdown one named (what its author wrote) and the first
    few HTML ones (mostly lists the theme made, which the knowledge base makes its own of)."""
    markdown = sorted(page.as_posix() for page in pages if site.reading.is_markdown(page))
    html = sorted(page.as_posix() for page in pages if not site.reading.is_markdown(page))
    more = [f"and {_count(len(html) - PAGES_SHOWN, 'more HTML page')}"] if len(html) > PAGES_SHOWN else []
    heading = (
        f"not imported: {_count(len(pages), 'page')} of the site's own, not posts "
        f"({len(markdown)} in Markdown; one can go into docs/ as a wiki page):"
    )
    return _section(heading, [*markdown, *html[:PAGES_SHOWN], *more])


def _collection_folders(site: Site) -> list[str]:
    """The folders of the site's collections other than posts (``collections:`` in _config.yml,
    a list or a mapping, under ``collections_dir``) that exist."""
    config = site.jekyll.config
    named = config.get("collections")
    names = [str(name) for name in named] if isinstance(named, list | dict) else []
    root = site.places.site / str(config.get("collections_dir") or "")
    return [f"_{name}" for name in names if name != "posts" and (root / f"_{name}").is_dir()]


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _section(heading: str, lines: list[str]) -> list[str]:
    """A heading and its lines, indented; nothing when there are none."""
    return [heading, *(f"  {line}" for line in lines)] if lines else []
