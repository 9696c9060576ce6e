"""What a Jekyll site folder gives Liquid: ``site.*`` from ``_config.yml``, ``site.data``, the includes.

::

    site, problems = load_jekyll_site(Path("jekyll"), {"title": "KB", "url": "https://kb.example"})
    site.config["title"]            # _config.yml's title, else the default
    site.data["members"]            # _data/members.yml
    site.data["nested"]["links"]    # _data/nested/links.json
    problems                        # [(Path("jekyll/_data/bad.yml"), Problem(3, "yaml", ...))]

Data files are read as Jekyll reads them: YAML and JSON as values, CSV and
TSV as a list of mappings keyed by the header row, each sub-folder a nested
mapping, each key the file name without its extension.  A file that cannot
be read is left out of ``site.data`` with a problem at its own line (subtype
``yaml`` for YAML, ``liquid`` for the rest); nothing here raises.  Unlike
Jekyll, Japanese file names keep their letters as keys (Ruby's ``\\w`` would
drop them).  The site's own files are trusted to be of a sane size.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from ..problems import Problem
from .defaults import DefaultValues, default_values_of

#: Jekyll's default configuration files, the first found is read.
CONFIG_FILES = ("_config.yml", "_config.yaml")
DATA_EXTENSIONS = frozenset({".yml", ".yaml", ".json", ".csv", ".tsv"})
_NOT_KEY = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"\s+")
#: What a data file that cannot be read gives (a YAML file may well hold ``null``).
_UNREADABLE = object()

SiteProblem = tuple[Path, Problem]
#: MathJax told to read ``$...$`` as inline math: ``inlineMath: [['$','$'], ...]`` (versions 2 and 3)
_DOLLAR_INLINE_MATH = re.compile(r"""inlineMath['"]?\s*[:=]\s*\[\s*\[\s*['"]\$['"]\s*,\s*['"]\$['"]\s*\]""")


@dataclass(frozen=True)
class JekyllSite:
    """What a Jekyll site folder gives Liquid: ``site.*`` and the includes.

    ``config`` holds the ``_config.yml`` values (``site.title``, ``site.url``,
    ``site.baseurl``, ``site.timezone``...), ``data`` is ``site.data``,
    ``includes`` the folder ``{% include %}`` reads from and ``root`` the
    folder Jekyll reads the site from (a relative ``page.path`` is read from
    there): the folder of ``_config.yml``, or the one its ``source`` names
    (Octopress keeps its site in ``source/``).
    """

    config: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    includes: Path | None = None
    root: Path | None = None
    #: ``defaults:``, the front matter values it gives the posts it scopes
    front_matter_defaults: tuple[DefaultValues, ...] = ()
    #: the folder of ``_config.yml`` (``root`` or the folder above it)
    config_folder: Path | None = None

    @functools.cached_property
    def mathjax_setup(self) -> dict[Path, str]:
        """The site's includes that set MathJax up (``head.html``), with their text: what a post's
        reading of ``$...$`` depends on, so a post is read again when one of them changes."""
        if self.includes is None or not self.includes.is_dir():
            return {}
        texts = {
            path: path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(self.includes.rglob("*"))
            if path.is_file() and path.suffix.lower() in (".html", ".htm", ".js")
        }
        return {path: text for path, text in texts.items() if "mathjax" in text.lower()}

    @property
    def mathjax_reads_dollars(self) -> bool:
        """Whether the site's own MathJax setup reads ``$...$`` as math (``inlineMath: [['$', '$'], ...]``);
        kramdown leaves single dollars to it."""
        return any(_DOLLAR_INLINE_MATH.search(text) for text in self.mathjax_setup.values())

    @property
    def config_files(self) -> list[Path]:
        """The site's ``_config.yml`` (and ``_config.yaml``): in its own folder, above the one it reads
        the site from when its ``source`` names one."""
        folder = self.config_folder
        return [] if folder is None else [path for name in CONFIG_FILES if (path := folder / name).is_file()]

    def static_file(self, target: str) -> str | None:
        """The site path of the file of the site ``{% link %}`` names (``/assets/img/a.png``): Jekyll's tag
        finds its static files as well as its posts and pages; ``None`` when the site folder has no such file."""
        if self.root is None:
            return None
        root = self.root.resolve()
        file = (root / target.strip().strip("/")).resolve()
        return "/" + file.relative_to(root).as_posix() if file.is_relative_to(root) and file.is_file() else None


def load_jekyll_site(folder: Path | None, defaults: Mapping[str, Any]) -> tuple[JekyllSite, list[SiteProblem]]:
    """Read a Jekyll site folder; ``defaults`` (from ``conf.py``) fill the keys its configuration lacks.

    Without a folder the site is made of the defaults alone: no data, no includes.
    """
    if folder is None:
        return JekyllSite(config=dict(defaults)), []
    problems: list[SiteProblem] = []
    config = {**defaults, **_read_config(folder, problems)}
    source = source_folder(folder, config)
    data_folder = configured_folder(source, config.get("data_dir"), "_data")
    data = _read_data_folder(data_folder, problems) if data_folder else {}
    includes = configured_folder(source, config.get("includes_dir"), "_includes")
    front_matter_defaults = default_values_of(config)[0]
    return JekyllSite(config, data, includes, source, front_matter_defaults, folder), problems


def source_folder(folder: Path, config: Mapping[str, Any]) -> Path:
    """The folder Jekyll reads the site of ``folder``'s ``_config.yml`` from: the one its ``source``
    names when it is there (``source: source``, Octopress's), else ``folder`` itself (an imported
    site's copy holds what was in the source folder)."""
    return configured_folder(folder, config.get("source"), ".") or folder


def _read_config(folder: Path, problems: list[SiteProblem]) -> dict[str, Any]:
    path = next((folder / name for name in CONFIG_FILES if (folder / name).is_file()), None)
    text = _read_text(path, problems) if path is not None else None
    if path is None or text is None:
        return {}
    value = _read_yaml(path, text, problems)
    if value is None or value is _UNREADABLE:
        return {}
    if not isinstance(value, dict):
        problems.append((path, Problem(1, "yaml", "the configuration must be a mapping of keys to values: ignored")))
        return {}
    zone = value.get("timezone")
    if zone is not None and time_zone(zone) is None:
        line = _line_of_key(text, "timezone")
        problems.append((path, Problem(line, "liquid", f"timezone: unknown time zone {zone!r}: dates keep their own")))
    line = _line_of_key(text, "defaults")
    problems += [(path, Problem(line, "yaml", message)) for message in default_values_of(value)[1]]
    return {str(key): item for key, item in value.items()}


def _line_of_key(text: str, key: str) -> int:
    """The line of a top-level ``key:`` in a YAML text, 1 when it is not found."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def time_zone(name: object) -> ZoneInfo | None:
    """The zone named by ``timezone``, ``None`` for no name or an unknown one."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def configured_folder(root: Path, configured: object, default: str) -> Path | None:
    """A folder named in the configuration (``data_dir``, ``includes_dir``), kept inside the site."""
    name = configured if isinstance(configured, str) and configured.strip() else default
    folder = root / name.strip().lstrip("/")
    if not folder.is_dir() or not folder.resolve().is_relative_to(root.resolve()):
        return None
    return folder


def _read_data_folder(folder: Path, problems: list[SiteProblem]) -> dict[str, Any]:
    """One key per data file and per sub-folder, in name order as Jekyll reads them.

    Hidden files are skipped as Jekyll skips them; links to folders are not
    followed, so a link to a parent cannot make the reading endless.
    """
    data: dict[str, Any] = {}
    try:
        entries = sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))
    except OSError as error:
        problems.append((folder, Problem(1, "liquid", f"cannot be read: {error.strerror}")))
        return data
    for entry in entries:
        if entry.is_dir():
            if not entry.is_symlink():
                data[data_key(entry.name)] = _read_data_folder(entry, problems)
        elif entry.suffix.lower() in DATA_EXTENSIONS:
            value = _read_data_file(entry, problems)
            if value is not _UNREADABLE:
                data[data_key(entry.stem)] = value
    return data


def data_key(name: str) -> str:
    """Jekyll's ``sanitize_filename``: symbols dropped, spaces made underscores."""
    return _SPACES.sub("_", _NOT_KEY.sub("", name).strip())


def _read_data_file(path: Path, problems: list[SiteProblem]) -> object:
    suffix = path.suffix.lower()
    text = _read_text(path, problems)
    if text is None:
        return _UNREADABLE
    if suffix in (".csv", ".tsv"):
        return _read_table(path, text, "\t" if suffix == ".tsv" else ",", problems)
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg}: left out of site.data"
            problems.append((path, Problem(error.lineno, "liquid", message)))
            return _UNREADABLE
    return _read_yaml(path, text, problems)


def _read_text(path: Path, problems: list[SiteProblem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append((path, Problem(1, "liquid", f"cannot be read: {error.strerror}: left out of the site")))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append((path, Problem(line, "encoding", "not UTF-8: left out of the site")))
        return None


#: libyaml's reader, Jekyll's (Ruby's Psych is libyaml): it reads a tab after ``key:`` (``paginate:\t15``,
#: from a theme), where PyYAML's own reader rejects the whole file
_LIBYAML_LOADER = getattr(yaml, "CSafeLoader", None)


def _read_yaml(path: Path, text: str, problems: list[SiteProblem]) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        if _LIBYAML_LOADER is not None:
            try:
                return yaml.load(text, Loader=_LIBYAML_LOADER)
            except yaml.YAMLError:
                pass  # PyYAML's own words about it, below
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        problems.append((path, Problem(line, "yaml", f"not valid YAML: {reason}: ignored")))
        return _UNREADABLE


def _read_table(path: Path, text: str, delimiter: str, problems: list[SiteProblem]) -> object:
    """Rows as mappings keyed by the header row, as Ruby's ``CSV.read(headers: true)`` gives them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = [row for row in reader if row]
    except csv.Error as error:
        problems.append((path, Problem(reader.line_num, "liquid", f"not valid CSV: {error}: left out of site.data")))
        return _UNREADABLE
    if not rows:
        return []
    header, *records = rows
    return [dict(zip(header, record + [None] * (len(header) - len(record)), strict=False)) for record in records]
