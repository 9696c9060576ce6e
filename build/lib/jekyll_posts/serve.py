"""Preview the site while writing: make html's build, served on localhost, rebuilt on every save.

::

    jekyll-posts serve                   # or: make serve (PORT=8001 for another port)
    jekyll-posts serve docs --conf-dir . --build-dir _build --port 8001

sphinx-autobuild runs ``make html``'s build, ``sphinx-build -b html -c . -d
_build/doctrees docs _build/html``, into the same folders: a preview after
``make html`` starts with nothing to read, and ``make html`` after a preview
writes nothing (the server adds its reload script to the pages it sends, not
to the files).  Warnings are not errors here: each rebuild prints them with
their ``file:line`` and the page is served all the same.  The open page
reloads itself after each rebuild.

A save rebuilds when it is in:

- the source folder;
- ``conf.py``: its folder is watched with everything else in it ignored,
  because editors save by writing a new file over the old one, which a watch
  of the file alone loses;
- the folders ``templates_path`` and ``html_static_path`` name;
- the Jekyll site folder ``jekyll_posts_site`` names (``_config.yml``,
  ``_data``, ``_includes``, the files posts show);
- this package's own templates and static files.

Nothing the build writes is watched: the build folder is ignored, and the
build writes nothing into the source or the site folder.  Editors' swap,
backup and lock files are ignored.  Sphinx is imported only by :func:`run`.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .check import find_conf_py, read_conf
from .core.settings import site_settings

#: this package's own folders a build reads besides its code
PACKAGE_FOLDERS = tuple(Path(__file__).resolve().parent / name for name in ("templates", "static"))
#: the folders ``conf.py`` may name for a build to read, relative to it
CONF_FOLDERS = ("templates_path", "html_static_path")
#: editors' swap, backup and lock files, written beside a file while it is edited (vim, Emacs, JetBrains)
EDITOR_FILES = (r"\.sw.$", r"~$", r"/4913$", r"/\.?#[^/]*$", r"\.___jb_\w+___$")


@dataclass(frozen=True)
class Preview:
    """What a preview builds and watches, every path absolute."""

    source: Path
    conf_dir: Path
    build_dir: Path
    #: the existing folders besides the source folder whose files a build reads
    folders: tuple[Path, ...]

    def arguments(self, host: str, port: int) -> list[str]:
        """sphinx-autobuild's command line: ``make html``'s build, the server, what to watch and ignore."""
        build = ["-b", "html", "-c", str(self.conf_dir), "-d", str(self.build_dir / "doctrees")]
        build += [str(self.source), str(self.build_dir / "html")]
        server = ["--host", host, "--port", str(port)]
        watch = [argument for folder in self.watched() for argument in ("--watch", str(folder))]
        ignore = [argument for pattern in self.ignored() for argument in ("--re-ignore", pattern)]
        return [*build, *server, *watch, *ignore]

    def watched(self) -> list[Path]:
        """The folder of ``conf.py`` and the folders read, less those the source folder or another holds:
        one watch for each tree (sphinx-autobuild always watches the source folder)."""
        trees = {self.conf_dir, *self.folders}
        return sorted(
            folder
            for folder in trees
            if not folder.is_relative_to(self.source)
            and not any(other != folder and folder.is_relative_to(other) for other in trees)
        )

    def ignored(self) -> list[str]:
        """Editors' files; and in the folder of ``conf.py``, when it is not the source folder, all but
        ``conf.py``, the source folder and the folders read (the build folder, ``.git``, ``.venv``...)."""
        if self.conf_dir.is_relative_to(self.source):
            return list(EDITOR_FILES)
        kept = [re.escape("conf.py") + "$"]
        for folder in (self.source, *self.folders):
            if folder != self.conf_dir and folder.is_relative_to(self.conf_dir):
                kept.append(re.escape(folder.relative_to(self.conf_dir).as_posix()) + "/")
        return [*EDITOR_FILES, f"^{re.escape(self.conf_dir.as_posix())}/(?!{'|'.join(kept)})"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, nargs="?", default=Path("docs"), help="the Sphinx source folder (docs)")
    parser.add_argument(
        "--conf-dir", type=Path, help="the folder of conf.py (default: the source folder or its parent)"
    )
    parser.add_argument("--build-dir", type=Path, default=Path("_build"), help="make html's build folder (_build)")
    parser.add_argument("--port", type=int, default=8000, help="the port to serve on (8000)")
    parser.add_argument("--host", default="127.0.0.1", help="the address to serve on (127.0.0.1: this machine only)")


def run(arguments: argparse.Namespace) -> int:
    source: Path = arguments.source
    conf_py = find_conf_py(source, arguments.conf_dir)
    if not source.is_dir() or conf_py is None:
        print(
            f"jekyll-posts serve: no folder {source} with a conf.py in it, above it or in --conf-dir", file=sys.stderr
        )
        return 1
    try:
        from sphinx_autobuild.__main__ import main as autobuild
    except ImportError:
        print("jekyll-posts serve needs sphinx-autobuild: pip install 'jekyll-posts[serve]'", file=sys.stderr)
        return 1
    preview = preview_of(source, conf_py, arguments.build_dir)
    print(f"jekyll-posts serve: http://{arguments.host}:{arguments.port}/ once built (Ctrl+C stops)", flush=True)
    autobuild(preview.arguments(arguments.host, arguments.port))
    return 0


def preview_of(source: Path, conf_py: Path, build_dir: Path) -> Preview:
    """The preview of ``source`` built with ``conf_py``, and the folders that ``conf.py`` names."""
    values, problems = read_conf(conf_py, extra=CONF_FOLDERS)
    for located in problems:
        print(located, file=sys.stderr)
    conf_dir = conf_py.parent.resolve()
    named = [conf_dir / name for setting in CONF_FOLDERS for name in _names(values.get(setting))]
    site = site_settings(values)[0].site
    if site:
        named.append(conf_dir / site)
    folders = sorted({folder.resolve() for folder in (*PACKAGE_FOLDERS, *named) if folder.is_dir()})
    return Preview(source.resolve(), conf_dir, build_dir.resolve(), tuple(folders))


def _names(value: object) -> list[str]:
    """The folder names of a ``conf.py`` list value (anything else names none)."""
    return [name for name in value if isinstance(name, str)] if isinstance(value, list | tuple) else []
