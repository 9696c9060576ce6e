"""Octopress's tags as Liquid tags: what :mod:`.octopress` reads, where python-liquid meets them."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import TextIO

from liquid import RenderContext, Token, TokenStream
from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidSyntaxError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF

from .octopress import (
    CODE_DIR,
    blockquote_markdown,
    code_block_options,
    image_markdown,
    include_code_block,
    include_code_parts,
    pullquote_markdown,
)
from .state import current
from .tags import ArgumentNode, ArgumentTag, code_block, rendered_argument, tag_argument, tag_indent, tag_text


class OctopressBlockNode(Node):
    """An Octopress block tag: its argument, its contents, and what makes Markdown of the two."""

    def __init__(self, token: Token, argument: str, block: BlockNode, end: str, tag: type[OctopressBlockTag]) -> None:
        super().__init__(token)
        self.argument = argument
        self.block = block
        self.end = end
        self.tag = tag
        self.blank = False

    def children(self, static_context: RenderContext, *, include_partials: bool = True) -> list[Node]:
        """Its contents, which are Liquid (for python-liquid's analysis of a template)."""
        return [self.block]

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        argument = rendered_argument(self.argument, self.token, context, self.token.value)
        contents = StringIO()
        self.block.render(context, contents)
        indent = tag_indent(self.token)
        markdown = None if argument is None else self.tag.to_markdown(argument.strip(), contents.getvalue(), indent)
        if markdown is None:
            if argument is not None:
                got = f", got {argument.strip()!r}" if argument.strip() else ""
                message = f"{self.token.value}: {self.tag.expected}{got}"
                current().report(self.token, f"{message}: the tag is left as written")
            return buffer.write(tag_text(self.token) + contents.getvalue() + self.end)
        return buffer.write(markdown)


class OctopressBlockTag(Tag):
    """Reads an Octopress block tag up to its end tag; ``to_markdown`` makes Markdown of its argument,
    contents and the tag's indentation (in a list item), ``None`` when it cannot (``expected`` then
    says what it reads)."""

    to_markdown: Callable[[str, str, str], str | None]
    expected = ""

    def parse(self, stream: TokenStream) -> Node:
        token, argument = tag_argument(stream)
        next(stream)
        block = get_parser(self.env).parse_block(stream, (self.end, TOKEN_EOF))
        if not stream.current.is_tag(self.end):
            raise LiquidSyntaxError(f"{self.name}: no {{% {self.end} %}} closes it", token=token)
        return OctopressBlockNode(token, argument, block, tag_text(stream.current), type(self))


# codeblock


def codeblock_markdown(argument: str, code: str, indent: str = "") -> str:
    """An Octopress ``codeblock`` as a MyST code block: its language, caption and line numbers."""
    language, options = code_block_options(argument)
    return code_block(language, code, options, indent)


class CodeblockTag(OctopressBlockTag):
    name = "codeblock"
    end = "endcodeblock"
    to_markdown = staticmethod(codeblock_markdown)


# img


class ImageNode(ArgumentNode):
    def output(self, argument: str, context: RenderContext) -> str:
        markdown = image_markdown(argument.strip())
        if markdown is None:
            return self.not_read('[classes] /path/or/url [width [height]] [title | "title" ["alt"]]', argument)
        return markdown


class ImageTag(ArgumentTag):
    name = "img"
    node = ImageNode


# blockquote


class BlockquoteTag(OctopressBlockTag):
    name = "blockquote"
    end = "endblockquote"
    to_markdown = staticmethod(blockquote_markdown)


# pullquote


class PullquoteTag(OctopressBlockTag):
    name = "pullquote"
    end = "endpullquote"
    to_markdown = staticmethod(pullquote_markdown)
    expected = 'expected its text to hold {" words "} to pull out'


# include_code


class IncludeCodeNode(ArgumentNode):
    def output(self, argument: str, context: RenderContext) -> str:
        parts = include_code_parts(argument.strip())
        if parts is None:
            return self.not_read("path/to/file [title] and options such as lang:ruby start:5 end:9", argument)
        file, title, options = parts
        state = current()
        code_dir = str(state.site.config.get("code_dir") or CODE_DIR).strip().strip("/")
        path = _code_file(state.site.root, code_dir, file)
        if path is None:
            return self.left_as_written(f"no file {file!r} in {code_dir}")
        state.includes.add(str(path.absolute()))
        block = include_code_block(file, title, options, path.read_text("utf-8-sig", errors="replace"), code_dir)
        if block is None:
            return self.left_as_written(f"{file} has not the lines asked for")
        return code_block(*block, tag_indent(self.token))


def _code_file(root: Path | None, code_dir: str, file: str) -> Path | None:
    """The file ``include_code`` names, in the site's code folder; ``None`` when it is not there."""
    if root is None:
        return None
    folder = (root / code_dir).resolve()
    path = (folder / file).resolve()
    return path if path.is_relative_to(folder) and path.is_file() else None


class IncludeCodeTag(ArgumentTag):
    name = "include_code"
    node = IncludeCodeNode


TAGS = (CodeblockTag, ImageTag, BlockquoteTag, PullquoteTag, IncludeCodeTag)
