"""Jekyll's tags ``highlight``, ``post_url`` and ``link``, jekyll-gist's ``gist``; unknown tags; what every tag shares.

- ``{% highlight ruby linenos %}`` ... ``{% endhighlight %}`` becomes a MyST code
  block (```` ```{code-block} ruby ```` with ``:linenos:``, ``mark_lines="1 2"`` as
  ``:emphasize-lines: 1,2``; a plain ```` ```ruby ```` fence without options).
  Liquid inside it is rendered first, as Jekyll renders it; ``{% raw %}`` keeps it.
  The tags are expected on lines of their own; in a list item the closing
  fence takes the opening tag's indentation.
- ``{% post_url NAME %}`` and ``{% link PATH %}`` are replaced by what
  :class:`~.state.Links` finds; a ``{{ }}`` in their argument is rendered first,
  and a ``/`` before a post's name is dropped, as Jekyll drops it.  Where the
  tag is a link's destination (``](``, ``[name]:``, an HTML attribute) it is the
  path of the page's source, which MyST follows.  Where Jekyll shows the URL as
  text in a sentence, it becomes a link to the page, which shows the page's
  title.  Anywhere else (part of a longer URL, in code) it is the URL Jekyll
  wrote, which the site's links lead to the page (:mod:`...sphinxext.links`).
- ``{% gist ID %}`` and ``{% gist ID FILE %}`` (the jekyll-gist plugin, which
  embeds GitHub's script) become a link to the gist, ``<https://gist.github.com/ID>``
  (``#file-name-ext`` for one file): no script from a post runs on the site.
  As in jekyll-gist, ID and FILE may name variables (``{% gist page.gist %}``).
  An ID that is not a gist's (one is ``0123abcd`` or ``user/0123abcd``: nothing
  else goes in the link) leaves the tag as written, with a problem.
- A tag no one knows (a plugin's ``{% youtube %}``, a stray ``{% endif %}``) is
  shown as written, with a problem; so is a Jekyll tag whose target is
  missing.  Python-liquid's ``render`` tag, which Jekyll does not have, is not
  registered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from io import StringIO
from typing import Literal, TextIO

from liquid import RenderContext, Token, TokenStream
from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_ILLEGAL

from .body import has_liquid
from .embeds import amazon_url, gist_url
from .ruby import to_s
from .state import TagError, current, note_error, parse_errors, parse_text

_HIGHLIGHT = re.compile(r'([a-zA-Z0-9.+#_-]+)((?:\s+\w+(?:=(?:\w+|"(?:[0-9]+\s)*[0-9]+"))?)*)')
_HIGHLIGHT_OPTION = re.compile(r'(?:\w="[^"]*"|\w=\w|\w)+')
_INNER_TAGS = frozenset({"else", "elsif", "when"})
_VARIABLE = re.compile(r"[A-Za-z_][\w-]*(?:\.[\w-]+)*")
#: what comes before a tag that is a link's destination: ``](``, ``[name]:``, an HTML attribute's ``=``
_DESTINATION_AFTER = re.compile(r"""(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*|=\s*["']?)$""")
#: what may come before a tag that stands alone on its line: nothing, a space, an opening bracket
#: or a separator
_ALONE_AFTER = re.compile(r"(?:^|[\s(（「『【：、，。・—–])$")
#: what may follow it: nothing, a space, a closing bracket or punctuation
_ALONE_BEFORE = re.compile(r"^(?:$|[\s)）」』】。、，．.,;!?！？])")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE)
_HIGHLIGHT_TAGS = re.compile(r"\{%-?\s*(end)?highlight\b")


def tag_text(token: Token) -> str:
    """The whole ``{% ... %}`` of a tag, as written."""
    start = token.source.rfind("{%", 0, token.start_index)
    end = token.source.find("%}", token.start_index)
    return token.source[start : end + 2]


def tag_argument(stream: TokenStream) -> tuple[Token, str]:
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
        token, _ = tag_argument(stream)
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


# tags without an end tag


class ArgumentNode(Node):
    """A tag without an end tag, and its argument as written: :meth:`output` gives what the tag
    writes for the argument with its Liquid rendered (as Jekyll renders it first), or the tag as
    written with a problem saying why (:meth:`left_as_written`)."""

    def __init__(self, token: Token, argument: str) -> None:
        super().__init__(token)
        self.argument = argument
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        argument = rendered_argument(self.argument, self.token, context, self.token.value)
        return buffer.write(tag_text(self.token) if argument is None else self.output(argument, context))

    def output(self, argument: str, context: RenderContext) -> str:
        raise NotImplementedError

    def left_as_written(self, why: str) -> str:
        """The tag as written, with a problem at it saying why."""
        current().report(self.token, f"{self.token.value}: {why}: the tag is left as written")
        return tag_text(self.token)

    def not_read(self, expected: str, argument: str) -> str:
        """The tag as written, with a problem saying what argument it reads and which it got."""
        return self.left_as_written(f"expected {expected}, got {argument.strip()!r}")


class ArgumentTag(Tag):
    """A tag without an end tag, read into its ``node`` class."""

    block = False
    node: type[ArgumentNode]

    def parse(self, stream: TokenStream) -> Node:
        return self.node(*tag_argument(stream))


# highlight


class HighlightNode(Node):
    """A ``highlight`` block: its language, its ``code-block`` options and its contents."""

    def __init__(self, token: Token, language: str, options: Mapping[str, str], block: BlockNode) -> None:
        super().__init__(token)
        self.language = language
        self.options = options
        self.block = block
        self.blank = False

    def children(self, static_context: RenderContext, *, include_partials: bool = True) -> Iterable[Node]:
        """Its contents, which are Liquid (for python-liquid's analysis of a template)."""
        return [self.block]

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        code = StringIO()
        self.block.render(context, code)
        return buffer.write(code_block(self.language, code.getvalue(), self.options, tag_indent(self.token)))


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"

    def parse(self, stream: TokenStream) -> Node:
        token, argument = tag_argument(stream)
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


def tag_indent(token: Token) -> str:
    """The white space before a tag on its line, when only white space is there."""
    start = token.source.rfind("{%", 0, token.start_index)
    prefix = token.source[token.source.rfind("\n", 0, start) + 1 : start]
    return prefix if not prefix.strip() else ""


# post_url, link


class LinkNode(ArgumentNode):
    """A ``post_url`` or ``link`` tag and its argument."""

    def output(self, argument: str, context: RenderContext) -> str:
        links, tag = current().links, self.token.value
        target = links.post_url(_post_name(argument)) if tag == "post_url" else links.link(argument.strip())
        if target is None:
            what = "post named" if tag == "post_url" else "post or file at"
            return self.left_as_written(f"no {what} {argument.strip()!r}")
        place = placement(self.token)
        if place == "alone":
            return f"[](<{target}>)"
        if place == "inside":
            key = _post_name(argument) if tag == "post_url" else argument.strip()
            return links.jekyll_url(tag, key) or target
        return target


def placement(token: Token) -> Literal["destination", "alone", "inside"]:
    """Where a tag's output lands: a link's destination (``](``, ``[name]:``, an HTML attribute),
    alone in a sentence (where Jekyll shows its URL as text), or inside something else (a longer
    URL, code)."""
    text = token.source
    start = text.rfind("{%", 0, token.start_index)
    end = text.find("%}", token.start_index) + 2
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if (found := text.find("\n", end)) == -1 else found
    before, after = text[line_start:start], text[end:line_end]
    if _DESTINATION_AFTER.search(before):
        return "destination"
    alone = (
        bool(_ALONE_AFTER.search(before))
        and bool(_ALONE_BEFORE.match(after))
        and before.count("`") % 2 == 0
        and len(_FENCE.findall(text, 0, line_start)) % 2 == 0
        and not _in_highlight(text[:start])
    )
    return "alone" if alone else "inside"


def _in_highlight(text: str) -> bool:
    """Whether ``text`` ends inside a ``{% highlight %}`` block."""
    tags = _HIGHLIGHT_TAGS.findall(text)
    return bool(tags) and tags[-1] == ""


def _post_name(argument: str) -> str:
    """The post a ``post_url`` names: Jekyll's ``PostComparer`` drops a leading ``/``."""
    return argument.strip().removeprefix("/")


class PostUrlTag(ArgumentTag):
    name = "post_url"
    node = LinkNode


class LinkTag(PostUrlTag):
    name = "link"


# gist


class GistNode(ArgumentNode):
    """A ``gist`` tag and its argument."""

    def output(self, argument: str, context: RenderContext) -> str:
        words = [_variable_or_word(context, word) for word in argument.split()]
        url = gist_url(*words) if 1 <= len(words) <= 2 else None
        if url is None:
            return self.not_read("a gist's id and maybe a file name, such as 'user/0123abcd hello.rb'", argument)
        return f"<{url}>"


def _variable_or_word(context: RenderContext, word: str) -> str:
    """The value of the variable ``word`` names, when there is one (jekyll-gist's ``context[word]``); else ``word``."""
    if not _VARIABLE.fullmatch(word):
        return word
    value = context.get(list(word.split(".")), token=None, default=None)
    return word if value is None else to_s(value)


class GistTag(ArgumentTag):
    name = "gist"
    node = GistNode


# amazon


class AmazonNode(ArgumentNode):
    """An Amazon plugin's ``amazon`` tag and its argument."""

    def output(self, argument: str, context: RenderContext) -> str:
        url = amazon_url(argument, current().site.config.get("amazon_country"))
        if url is None:
            return self.not_read(
                "[text|small_image|medium_image|large_image] and an ASIN (large_image 4873113946)", argument
            )
        return url if placement(self.token) == "destination" else f"[Amazon {url.rsplit('/', 1)[1]}](<{url}>)"


class AmazonTag(ArgumentTag):
    name = "amazon"
    node = AmazonNode
