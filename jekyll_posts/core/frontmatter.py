"""Split a Markdown file into YAML front matter and body, and read the YAML.

Values keep their YAML types (lists stay lists) and every top-level key keeps
the line it stands on, so problems can be reported at ``file:line``.  Dates are
left as text: :mod:`jekyll_posts.core.dates` reads them the way Jekyll does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

_FENCE = re.compile(r"^---[ \t]*$")
#: YAML's end-of-document marker closes front matter too, as Jekyll reads it
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")

#: Most values one front matter block may stand for once its aliases are expanded
#: (a "billion laughs" block stands for billions while being a few lines long).
MAX_YAML_NODES = 10_000


class _JekyllLoader(yaml.SafeLoader):
    """A safe loader that leaves timestamps as strings."""


_JekyllLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastJekyllLoader(getattr(yaml, "CSafeLoader", _JekyllLoader)):  # type: ignore[misc]
    """The same, parsing with libyaml when PyYAML has it (30 times faster)."""

    yaml_implicit_resolvers = _JekyllLoader.yaml_implicit_resolvers


def _compose(yaml_text: str) -> yaml.Node | None:
    """The node tree of ``yaml_text``; what libyaml refuses is read again by PyYAML, whose
    verdict (and error message) stands."""
    try:
        node: yaml.Node | None = yaml.compose(yaml_text, Loader=_FastJekyllLoader)
    except yaml.YAMLError:
        node = yaml.compose(yaml_text, Loader=_JekyllLoader)
    return node


@dataclass(frozen=True)
class FrontMatter:
    """The parts of a Markdown file with front matter.

    ``yaml_text`` is the text between the ``---`` fences, ``body`` the rest;
    ``body_line`` is the 1-based line the body starts on.  A block whose
    closing fence is missing is not ``closed``: it has no YAML, and its body
    is everything after the opening fence.
    """

    yaml_text: str
    body: str
    body_line: int
    closed: bool = True


@dataclass
class FrontMatterData:
    """The YAML mapping of a front matter block, with the line of each key."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the opening fence when it is absent."""
        return self.lines.get(key, 1)


def split_front_matter(text: str) -> FrontMatter | None:
    """Split ``text`` at its front matter fences; ``None`` when it has none.

    Lines end at ``\n`` only, as for the Markdown parser: other Unicode line
    breaks (U+0085, U+2028) inside a value do not shift the body.
    """
    lines = text.split("\n")
    if not _FENCE.match(lines[0].lstrip("\ufeff").rstrip("\r")):
        return None
    for index in range(1, len(lines)):
        if _CLOSING_FENCE.match(lines[index].rstrip("\r")):
            return FrontMatter(
                yaml_text="".join(f"{line}\n" for line in lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    return FrontMatter(yaml_text="", body="\n".join(lines[1:]), body_line=2, closed=False)


def read_front_matter(yaml_text: str) -> FrontMatterData:
    """Read the YAML of a front matter block that starts on line 1 of its file."""
    data = FrontMatterData()
    try:
        root = _compose(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        where = f" (column {mark.column + 1})" if mark is not None else ""
        reason = getattr(error, "problem", None) or str(error)
        if "'\\t'" in reason:
            reason += "; YAML is indented with spaces, never tabs"
        data.problems.append(Problem(line, "yaml", f"front matter is not valid YAML{where}: {reason}"))
        return data
    if root is None:
        return data
    if not isinstance(root, yaml.MappingNode):
        data.problems.append(
            Problem(root.start_mark.line + 2, "yaml", "front matter must be a mapping of keys to values")
        )
        return data
    if _expands_beyond(root, MAX_YAML_NODES):
        message = f"front matter aliases expand to more than {MAX_YAML_NODES} values: it is ignored"
        data.problems.append(Problem(root.start_mark.line + 2, "yaml", message))
        return data
    loader = _JekyllLoader("")
    for key_node, value_node in root.value:
        key = str(loader.construct_object(key_node, deep=True))
        data.values[key] = loader.construct_object(value_node, deep=True)
        data.lines[key] = key_node.start_mark.line + 2
    loader.dispose()
    return data


def _expands_beyond(root: yaml.Node, budget: int) -> bool:
    """Whether the node graph, read with every alias expanded, has more than ``budget`` nodes."""
    pending: list[yaml.Node] = [root]
    while pending:
        budget -= 1
        if budget < 0:
            return True
        node = pending.pop()
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.extend((key, value))
    return False


def deep_merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``over``'s keys put in, mappings merged key by key (Jekyll's ``deep_merge_hashes``)."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        merged[key] = deep_merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
    return merged
