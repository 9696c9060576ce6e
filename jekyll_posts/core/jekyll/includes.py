"""Jekyll's ``include`` and ``include_relative`` tags.

``{% include FILE a="x" b=page.title %}`` renders ``site.includes/FILE`` with
``include.a`` and ``include.b``; ``{{ var }}`` may name the file.
``{% include_relative FILE %}`` reads from the post's own folder:
``page.path``, the post's file, absolute or relative to the site folder.
File names follow Jekyll's rules (no ``..``, no ``./``), except that
letters of any script are allowed.  Includes nest at most
``MAX_INCLUDE_DEPTH`` deep and ``MAX_INCLUDES`` times per post, so one that
includes itself stops with a problem.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from liquid import BoundTemplate, Environment, RenderContext, Token, TokenStream
from liquid.ast import Node
from liquid.builtin.expressions import parse_primitive, tokenize
from liquid.exceptions import LiquidError
from liquid.expression import Expression
from liquid.tag import Tag
from liquid.token import TOKEN_EOF

from .state import Inclusion, TagError, current, note_error, parse_text
from .tags import LiteralNode, rendered_argument, tag_argument, tag_text

MAX_INCLUDE_DEPTH = 10
MAX_INCLUDES = 10_000

_INCLUDE_VARIABLE = re.compile(r"(?P<file>[^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.DOTALL)
_PARAMETER = r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
_PARAMETERS = re.compile(rf"\s*(?:{_PARAMETER}(?=\s|\Z)\s*)*")
_ONE_PARAMETER = re.compile(_PARAMETER)
_FILE_NAME = re.compile(r"[\w/.\-()+~#@]+")
_BAD_SEQUENCE = re.compile(r"[./]{2,}")


@dataclass(frozen=True)
class Loaded:
    """An include file's text, its template (``None`` when it cannot render) and the errors reading it."""

    source: str
    template: BoundTemplate | None
    errors: tuple[LiquidError, ...]


Parameters = list[tuple[str, str | Expression]]


class IncludeNode(Node):
    """An ``include`` or ``include_relative`` tag: the file's name, perhaps with Liquid in it, and the
    parameters (``None`` when the tag has none: an outer ``include`` variable stays visible, as in Jekyll)."""

    def __init__(self, token: Token, file: str, parameters: Parameters | None) -> None:
        super().__init__(token)
        self.file = file
        self.parameters = parameters
        self.blank = False

    def expressions(self) -> Iterable[Expression]:
        """The parameters' values (for python-liquid's analysis of a template)."""
        return [value for _, value in self.parameters or () if isinstance(value, Expression)]

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state, tag = current(), self.token.value
        path = self._path(context)
        if path is None:
            return buffer.write(tag_text(self.token))
        if len(state.stack) >= MAX_INCLUDE_DEPTH:
            state.report(
                self.token, f"{tag}: {path.name} nested {MAX_INCLUDE_DEPTH} deep: does it include itself? left out"
            )
            return 0
        if state.included >= MAX_INCLUDES:
            state.report(self.token, f"{tag}: more than {MAX_INCLUDES} includes in one post: {path.name} left out")
            return 0
        state.includes.add(str(path.absolute()))
        loaded = _load(context.env, path)
        if loaded is None:
            where = "the includes folder" if tag == "include" else "the post's folder"
            named = self._named(path)
            state.report(self.token, f"{tag}: no file {named!r} in {where}: the tag is left as written")
            return buffer.write(tag_text(self.token))
        return self._render(context, buffer, path, loaded)

    def _named(self, path: Path) -> str:
        """``path`` as the tag names it, in its folder (``embed/video.html``)."""
        state = current()
        folder = state.site.includes if self.token.value == "include" else state.page_folder
        return path.relative_to(folder).as_posix() if folder and path.is_relative_to(folder) else path.name

    def _path(self, context: RenderContext) -> Path | None:
        """The file to read, or ``None`` (with a problem) when its name or folder is wrong."""
        state, tag = current(), self.token.value
        name = rendered_argument(self.file, self.token, context, tag)
        if name is None:
            return None
        name = name.strip()
        if not _FILE_NAME.fullmatch(name) or _BAD_SEQUENCE.search(name):
            state.report(self.token, f"{tag}: invalid file name {name!r}: the tag is left as written")
            return None
        folder = state.site.includes if tag == "include" else state.page_folder
        if folder is None:
            where = "the site has no includes folder" if tag == "include" else "the post's folder is unknown"
            state.report(self.token, f"{tag}: {where}: the tag is left as written")
            return None
        return folder / name.lstrip("/")

    def _render(self, context: RenderContext, buffer: TextIO, path: Path, loaded: Loaded) -> int:
        state = current()
        namespace = {} if self.parameters is None else {"include": _values(self.parameters, context)}
        state.included += 1
        state.stack.append(Inclusion(self.token, path.name, loaded.source))
        try:
            state.report_parse_errors(loaded.errors, "the include is left as written")
            if loaded.template is None:
                return buffer.write(tag_text(self.token))
            with context.extend(namespace, template=loaded.template):
                loaded.template.render_with_context(context, buffer, partial=True)
            return 1
        finally:
            state.stack.pop()


def _values(parameters: Parameters, context: RenderContext) -> dict[str, object]:
    return {key: value if isinstance(value, str) else value.evaluate(context) for key, value in parameters}


class IncludeTag(Tag):
    name = "include"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, argument = tag_argument(stream)
        try:
            file, parameters = _include_argument(self.env, argument, token)
        except LiquidError as error:
            note_error(TagError(f"{self.name}: {error.message}: the tag is left as written", token=token))
            return LiteralNode(token, tag_text(token))
        return IncludeNode(token, file, parameters)


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"


def _include_argument(env: Environment, argument: str, token: Token) -> tuple[str, Parameters | None]:
    """Jekyll's reading of ``FILE name="value" name=variable``: the file and its parameters."""
    match = _INCLUDE_VARIABLE.match(argument)
    if match:
        file, parameters = match["file"].strip(), match["params"].strip()
    else:
        file, *rest = argument.split(None, 1) or [""]
        parameters = rest[0] if rest else None
    if not file:
        raise TagError("no file name", token=token)
    if parameters is None:
        return file, None
    if not _PARAMETERS.fullmatch(parameters):
        raise TagError(f'expected name="value" or name=variable parameters, got {parameters!r}', token=token)
    values: Parameters = []
    for key, double, single, variable in _ONE_PARAMETER.findall(parameters):
        if variable:
            values.append((key, _variable(env, variable, token)))
        else:
            values.append((key, double.replace('\\"', '"') if double else single.replace("\\'", "'")))
    return file, values


def _variable(env: Environment, text: str, token: Token) -> Expression:
    stream = TokenStream(tokenize(text, token))
    expression = parse_primitive(env, stream)
    stream.expect(TOKEN_EOF)
    return expression


def _load(env: Environment, path: Path) -> Loaded | None:
    """The include at ``path``, parsed once for each version of the file; ``None`` when there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _parsed(env, str(path), stat.st_mtime_ns, stat.st_size) if path.is_file() else None


@functools.lru_cache(maxsize=512)
def _parsed(env: Environment, path: str, mtime_ns: int, size: int) -> Loaded | None:
    try:
        source = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None
    template, errors = parse_text(env, source)
    return Loaded(source, template, tuple(errors))
