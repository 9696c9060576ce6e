"""Jekyll's tags: ``highlight``, ``post_url``, ``link``, ``include``, ``include_relative``; unknown tags.

- ``{% highlight ruby linenos %}`` ... ``{% endhighlight %}`` becomes a MyST code
  block (```` ```{code-block} ruby ```` with ``:linenos:``, ``mark_lines="1 2"`` as
  ``:emphasize-lines: 1,2``; a plain ```` ```ruby ```` fence without options).
  Liquid inside it is rendered first, as Jekyll renders it; ``{% raw %}`` keeps it.
  The tags are expected on lines of their own; in a list item the closing
  fence takes the opening tag's indentation.
- ``{% post_url NAME %}`` and ``{% link PATH %}`` are replaced by what
  :class:`~.state.Links` finds; a ``{{ }}`` in their argument is rendered first.
- ``{% include FILE a="x" b=page.title %}`` renders ``site.includes/FILE`` with
  ``include.a`` and ``include.b``; ``{{ var }}`` may name the file.
  ``{% include_relative FILE %}`` reads from the post's own folder:
  ``page.path``, the post's file, absolute or relative to the site folder.
  File names follow Jekyll's rules (no ``..``, no ``./``), except that
  letters of any script are allowed.  Includes nest at most
  ``MAX_INCLUDE_DEPTH`` deep and ``MAX_INCLUDES`` times per post, so one that
  includes itself stops with a problem.
- A tag no one knows (a plugin's ``{% gist %}``, a stray ``{% endif %}``) is
  shown as written, with a problem; so is a Jekyll tag whose target is
  missing.  Python-liquid's ``render`` tag, which Jekyll does not have, is not
  registered.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TextIO

from liquid import BoundTemplate, Environment, RenderContext, Token, TokenStream
from liquid.ast import BlockNode, Node
from liquid.builtin.expressions import parse_primitive, tokenize
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_ILLEGAL

from .state import Inclusion, TagError, current, has_liquid, note_error, parse_errors, parse_text

MAX_INCLUDE_DEPTH = 10
MAX_INCLUDES = 10_000

_HIGHLIGHT = re.compile(r'([a-zA-Z0-9.+#_-]+)((?:\s+\w+(?:=(?:\w+|"(?:[0-9]+\s)*[0-9]+"))?)*)')
_HIGHLIGHT_OPTION = re.compile(r'(?:\w="[^"]*"|\w=\w|\w)+')
_INCLUDE_VARIABLE = re.compile(r"(?P<file>[^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.DOTALL)
_PARAMETER = r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
_PARAMETERS = re.compile(rf"\s*(?:{_PARAMETER}(?=\s|\Z)\s*)*")
_ONE_PARAMETER = re.compile(_PARAMETER)
_FILE_NAME = re.compile(r"[\w/.\-()+~#@]+")
_BAD_SEQUENCE = re.compile(r"[./]{2,}")
_INNER_TAGS = frozenset({"else", "elsif", "when"})


def register_tags(env: Environment) -> None:
    for tag in (UnknownTag, HighlightTag, PostUrlTag, LinkTag, IncludeTag, IncludeRelativeTag):
        env.add_tag(tag)
    env.tags.pop("render", None)


def tag_text(token: Token) -> str:
    """The whole ``{% ... %}`` of a tag, as written."""
    start = token.source.rfind("{%", 0, token.start_index)
    end = token.source.find("%}", token.start_index)
    return token.source[start : end + 2]


def _argument(stream: TokenStream) -> tuple[Token, str]:
    """A tag's token and the text after its name, the stream left on the tag's last token."""
    token = stream.current
    if stream.peek.kind != TOKEN_EXPRESSION:
        return token, ""
    next(stream)
    return token, stream.current.value


class LiteralNode(Node):
    """Text shown as it was written."""

    def __init__(self, token: Token, text: str) -> None:
        super().__init__(token)
        self.text = text
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(self.text)


class UnknownTag(Tag):
    """Stands for every tag not registered: shown as written, with one problem (its ``end`` tag shares it)."""

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, _ = _argument(stream)
        name = token.value
        if name in _INNER_TAGS or name.removeprefix("end") in self.env.tags:
            note_error(TagError(f"unexpected tag '{name}': shown as written", token=token))
        elif not name.startswith("end") or name[3:] not in _unknown_tags():
            note_error(TagError(f"unknown tag '{name}': shown as written", token=token))
        return LiteralNode(token, tag_text(token))


def _unknown_tags() -> set[str]:
    return {error.token.value for error in parse_errors() if isinstance(error, TagError) and error.token}


def rendered_argument(text: str, token: Token, context: RenderContext, tag: str) -> str | None:
    """A tag's argument with its Liquid rendered first, as Jekyll renders it; ``None`` when it cannot be.

    Problems in it are reported at the tag's line.
    """
    if not has_liquid(text):
        return text
    state = current()
    template, errors = parse_text(context.env, text)
    for error in errors:
        state.report(token, f"{tag}: {error.message}")
    if template is None:
        return None
    buffer = StringIO()
    outer, state.argument = state.argument, token
    try:
        for node in template.nodes:
            node.render(context, buffer)
    except LiquidError as error:
        state.report(token, f"{tag}: {error.message}")
        return None
    finally:
        state.argument = outer
    return buffer.getvalue()


# highlight


class HighlightNode(Node):
    def __init__(self, token: Token, language: str, options: Mapping[str, str], block: BlockNode) -> None:
        super().__init__(token)
        self.language = language
        self.options = options
        self.block = block
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        code = StringIO()
        self.block.render(context, code)
        return buffer.write(code_block(self.language, code.getvalue(), self.options, _indent(self.token)))


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"

    def parse(self, stream: TokenStream) -> Node:
        token, argument = _argument(stream)
        match = _HIGHLIGHT.fullmatch(argument)
        if match is None:
            message = f"highlight: expected a language and options such as linenos, got {argument!r}"
            note_error(TagError(f"{message}: shown as plain code", token=token))
        language, options = (match.group(1).lower(), _highlight_options(match.group(2))) if match else ("", {})
        next(stream)
        block = get_parser(self.env).parse_block(stream, (self.end, TOKEN_EOF))
        if not stream.current.is_tag(self.end):
            raise LiquidSyntaxError("highlight: no {% endhighlight %} closes it", token=token)
        return HighlightNode(token, language, options, block)


def _highlight_options(text: str) -> dict[str, str]:
    """``linenos`` and ``mark_lines="1 2"`` as MyST ``code-block`` options."""
    options: dict[str, str] = {}
    for option in _HIGHLIGHT_OPTION.findall(text):
        key, _, value = option.partition("=")
        if key == "linenos":
            options["linenos"] = ""
        elif key in ("mark_lines", "hl_lines") and re.findall(r"\d+", value):
            options["emphasize-lines"] = ",".join(re.findall(r"\d+", value))
    return options


def code_block(language: str, code: str, options: Mapping[str, str], indent: str = "") -> str:
    """A MyST fenced code block for ``code``: Jekyll's edge line breaks dropped, a fence longer than any in it."""
    code = re.sub(r"\A[\r\n]+|[\r\n]+[ \t]*\Z", "", code)
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", code))])
    if not options:
        lines = [f"{fence}{language}"]
    else:
        lines = [f"{fence}{{code-block}} {language}"]
        lines += [f"{indent}:{key}: {value}".rstrip() for key, value in options.items()]
        lines.append("")
    lines += [code] if code else []
    lines.append(f"{indent}{fence}")
    return "\n".join(lines)


def _indent(token: Token) -> str:
    """The white space before a tag on its line, when only white space is there."""
    start = token.source.rfind("{%", 0, token.start_index)
    prefix = token.source[token.source.rfind("\n", 0, start) + 1 : start]
    return prefix if not prefix.strip() else ""


# post_url, link


class LinkNode(Node):
    def __init__(self, token: Token, argument: str) -> None:
        super().__init__(token)
        self.argument = argument
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = current()
        tag = self.token.value
        name = rendered_argument(self.argument, self.token, context, tag)
        if name is None:
            return buffer.write(tag_text(self.token))
        find = state.links.post_url if tag == "post_url" else state.links.link
        target = find(name.strip())
        if target is None:
            what = "post named" if tag == "post_url" else "page at"
            state.report(self.token, f"{tag}: no {what} {name.strip()!r}: the tag is left as written")
            return buffer.write(tag_text(self.token))
        return buffer.write(target)


class PostUrlTag(Tag):
    name = "post_url"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        return LinkNode(*_argument(stream))


class LinkTag(PostUrlTag):
    name = "link"


# include, include_relative


@dataclass(frozen=True)
class Loaded:
    """An include file's text, its template (``None`` when it cannot render) and the errors reading it."""

    source: str
    template: BoundTemplate | None
    errors: tuple[LiquidError, ...]


Parameters = list[tuple[str, str | Expression]]


class IncludeNode(Node):
    def __init__(self, token: Token, file: str, parameters: Parameters | None) -> None:
        super().__init__(token)
        self.file = file
        self.parameters = parameters
        self.blank = False

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
            state.report(self.token, f"{tag}: no file {path.name!r} in {where}: the tag is left as written")
            return buffer.write(tag_text(self.token))
        return self._render(context, buffer, path, loaded)

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
        token, argument = _argument(stream)
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
