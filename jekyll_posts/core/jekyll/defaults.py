"""Front matter defaults: the values ``_config.yml``'s ``defaults:`` gives the posts it scopes.

Jekyll merges them beneath each file's own front matter, so a site can say once
``permalink: /posts/:title/`` or ``author: hantani`` for every post (Chirpy's
starter does).  This follows Jekyll 4.3's ``FrontmatterDefaults``::

    defaults:
      - scope: {path: "", type: posts}      # every post
        values: {permalink: /posts/:title/}
      - scope: {path: _drafts}              # the files under _drafts/
        values: {comments: false}

- a set applies when its scope's ``type`` (if any) is the file's collection
  (``posts`` for posts and drafts alike) and its ``path`` (if any) is a prefix
  of the file's path in the site (``_posts/2025-09-05-x.md``); a path with
  ``*`` is a glob, matched here against the file's folders and the file;
- where several sets apply, a longer scope path wins, and at the same length a
  set with a ``type``; the later set wins a tie;
- the file's own front matter wins over them all; mappings are merged key by key.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..frontmatter import deep_merged

#: The collection Jekyll puts posts and drafts in.
POSTS_TYPE = "posts"


@dataclass(frozen=True)
class DefaultValues:
    """One set of ``defaults:``: the values, for the files of ``type`` under ``path``."""

    values: Mapping[str, Any]
    path: str = ""
    type: str | None = None

    def applies_to(self, path: PurePosixPath, collection: str) -> bool:
        if self.type is not None and self.type != collection:
            return False
        if not self.path:
            return True
        if "*" in self.path:
            return _glob_matches(self.path, path)
        return path.as_posix().startswith(self.path)

    def wins_over(self, other: DefaultValues) -> bool:
        """Jekyll's ``has_precedence?``: a longer path wins; at the same length, one with a type."""
        if len(self.path) != len(other.path):
            return len(self.path) > len(other.path)
        return self.type is not None or other.type is None


def default_values_of(config: Mapping[str, Any]) -> tuple[tuple[DefaultValues, ...], list[str]]:
    """The sets of ``config["defaults"]``, and what is wrong with the ones left out (Jekyll
    skips a set whose ``values`` is not a mapping)."""
    listed = config.get("defaults")
    if listed is None:
        return (), []
    if not isinstance(listed, list):
        return (), [f"defaults: expected a list of scope and values, got {type(listed).__name__}: ignored"]
    sets, problems = [], []
    for number, item in enumerate(listed, start=1):
        values = item.get("values") if isinstance(item, dict) else None
        if not isinstance(values, dict):
            problems.append(f"defaults: item {number} has no mapping of values: ignored")
            continue
        scope = item.get("scope")
        scope = scope if isinstance(scope, dict) else {}
        path, kind = scope.get("path"), scope.get("type")
        sets.append(
            DefaultValues(
                values=values,
                path=_sanitized(path) if isinstance(path, str) else "",
                type=str(kind) if kind is not None else None,
            )
        )
    return tuple(sets), problems


def defaults_for(sets: Sequence[DefaultValues], path: PurePosixPath, collection: str = POSTS_TYPE) -> dict[str, Any]:
    """The values ``sets`` give the file at ``path`` (from the site's root) of ``collection``."""
    merged: dict[str, Any] = {}
    winner: DefaultValues | None = None
    for item in sets:
        if not item.applies_to(path, collection):
            continue
        if winner is None or item.wins_over(winner):
            merged = deep_merged(merged, item.values)
            winner = item
        else:
            merged = deep_merged(item.values, merged)
    return merged


def _sanitized(path: str) -> str:
    """Jekyll's ``sanitize_path``: no leading ``/`` nor trailing ones."""
    return path.lstrip("/").rstrip("/") if path.strip("/") else ""


def _glob_matches(pattern: str, path: PurePosixPath) -> bool:
    """Whether the glob names ``path`` or a folder it is in (Jekyll globs the site's files and
    compares each as a prefix)."""
    wanted = PurePosixPath(pattern).parts
    return len(path.parts) >= len(wanted) and all(
        fnmatch.fnmatchcase(part, glob) for part, glob in zip(path.parts, wanted, strict=False)
    )
