"""One render of one post body: where tags and filters find the site and the links, and report.

The Liquid environment is shared by every post, so what belongs to one render
(the site, the problems, the includes and data read) lives in a
:class:`RenderState` set in a context variable for the length of the render.
Problems are located in the post's file: a token of the body at its own line,
a token of an include at the line of the body's ``{% include %}`` tag, naming
the include and its own line.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from liquid import BoundTemplate, Environment, Token
from liquid.exceptions import LiquidError

from ..problems import Problem
from .body import Links
from .site import JekyllSite


@dataclass(frozen=True)
class Inclusion:
    """An include being rendered: the tag that asked for it, the file's name and text."""

    token: Token
    name: str
    source: str


class TagError(LiquidError):
    """A problem confined to one tag: the tag is shown as written (or as well as it can be), the rest renders."""


@dataclass
class RenderState:
    """What one render of one body knows and has found.

    ``stack`` holds the includes being rendered, outermost first; while a
    tag's argument (an include's file name) is rendered, ``argument`` is that
    tag, where problems in the argument are reported; while an output
    (``{{ ... }}``) is evaluated, ``in_output`` is true.
    """

    body: str
    first_line: int
    site: JekyllSite
    links: Links
    page_folder: Path | None
    zone: ZoneInfo | None
    random: random.Random
    problems: dict[tuple[int, str], Problem] = field(default_factory=dict)
    includes: set[str] = field(default_factory=set)
    data: set[str] = field(default_factory=set)
    #: whether ``site.posts``, ``site.tags`` or ``site.categories`` was read
    reads_posts: bool = False
    stack: list[Inclusion] = field(default_factory=list)
    included: int = 0
    argument: Token | None = None
    in_output: bool = False

    def report(self, token: Token | None, message: str) -> None:
        """A problem at the file line of ``token``; the same problem at the same line is kept once."""
        line, where = self._locate(token)
        problem = Problem(line, "liquid", f"{message} ({where})" if where else message)
        self.problems.setdefault((problem.line, problem.message), problem)

    def report_error(self, error: LiquidError) -> None:
        """A Liquid error at its own token, in its own words."""
        self.report(error.token, str(error.message))

    def report_parse_errors(self, errors: Iterable[LiquidError], consequence: str) -> None:
        """The errors met reading a text; a syntax error says what becomes of the text."""
        for error in errors:
            if isinstance(error, TagError):
                self.report_error(error)
            else:
                self.report(error.token, f"Liquid syntax error: {error.message}: {consequence}")

    def line_of(self, token: Token) -> int:
        """The file line of a token of the body."""
        return self.line_at(token.start_index)

    def line_at(self, index: int) -> int:
        """The file line of the body's character at ``index``."""
        return self.first_line + self.body.count("\n", 0, max(index, 0))

    def report_at(self, index: int, message: str) -> None:
        """A problem at the file line of the body's character at ``index``."""
        problem = Problem(self.line_at(index), "liquid", message)
        self.problems.setdefault((problem.line, problem.message), problem)

    def _locate(self, token: Token | None) -> tuple[int, str]:
        outer = self.line_of(self.stack[0].token) if self.stack else self.first_line
        if token is None or token.start_index < 0:
            return outer, ""
        if token.source == self.body:
            return self.line_of(token), ""
        for inclusion in reversed(self.stack):
            if token.source == inclusion.source:
                line = inclusion.source.count("\n", 0, token.start_index) + 1
                return outer, f"in {inclusion.name}, line {line}"
        if self.argument is not None:
            return self._locate(self.argument)
        return outer, ""


@dataclass(frozen=True)
class _Parsing:
    """A text being parsed and the errors met in it so far."""

    source: str
    errors: list[LiquidError]


_STATE: ContextVar[RenderState] = ContextVar("jekyll_render_state")
_PARSING: ContextVar[_Parsing | None] = ContextVar("jekyll_parsing", default=None)


def current() -> RenderState:
    """The render under way; tags and filters only run inside one."""
    return _STATE.get()


@contextlib.contextmanager
def rendering(state: RenderState) -> Iterator[RenderState]:
    """Make ``state`` the render under way for the length of the block."""
    reset = _STATE.set(state)
    try:
        yield state
    finally:
        _STATE.reset(reset)


def parse_text(env: Environment, source: str) -> tuple[BoundTemplate | None, list[LiquidError]]:
    """A template and the errors met reading it; no template when an error stops it rendering.

    Only problems confined to a tag (an unknown tag, a Jekyll tag with a bad
    argument) let the rest of the text render.
    """
    parsing = _Parsing(source, [])
    reset = _PARSING.set(parsing)
    try:
        template: BoundTemplate | None = env.from_string(source)
    except LiquidError as error:
        parsing.errors.append(error)
        template = None
    finally:
        _PARSING.reset(reset)
    if any(not isinstance(error, TagError) for error in parsing.errors):
        template = None
    return template, parsing.errors


def parse_errors() -> list[LiquidError]:
    """The errors met so far in the text being parsed."""
    parsing = _PARSING.get()
    return parsing.errors if parsing else []


def note_error(error: LiquidError) -> None:
    """A parse error joins its text's errors; a render error is reported at once."""
    parsing = _PARSING.get()
    if parsing is not None:
        parsing.errors.append(error)
    else:
        current().report_error(error)


def has_place(token: Token | None) -> bool:
    """Whether ``token`` is in a text whose lines are known: the body, an include, the text being parsed."""
    if token is None or token.start_index < 0:
        return False
    parsing = _PARSING.get()
    state = current()
    if parsing is not None and token.source == parsing.source:
        return True
    return token.source == state.body or any(token.source == inclusion.source for inclusion in state.stack)
