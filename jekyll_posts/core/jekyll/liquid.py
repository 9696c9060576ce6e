"""Render the Liquid in a post body the way Jekyll does, before Markdown sees it.

::

    site, site_problems = load_jekyll_site(Path("jekyll"), {"url": "https://kb.example"})
    rendered = render_liquid(body, first_line=7, page={"title": "...", "path": "..."}, site=site, links=links)
    rendered.text         # the Markdown to parse
    rendered.problems     # (Problem(12, "liquid", "unknown tag 'youtube': shown as written"),)
    rendered.includes     # include files read or looked for, for rebuild dependencies
    rendered.data         # top-level site.data keys read ("members"), for rebuild dependencies
    rendered.reads_posts  # whether it read site.posts (site.tags, site.categories, page.previous, page.next)

Liquid runs over the whole body, as in Jekyll: inside code blocks, inline
code and link definitions too; ``{% raw %}`` keeps its text.  The engine is
python-liquid with Jekyll's defaults (an undefined variable is empty),
Jekyll's tags and jekyll-gist's (:mod:`.tags`, :mod:`.includes`) and
filters (:mod:`.filters`, :mod:`.arrays`).  Templates see ``site`` (the
configuration, ``site.data``, and ``site.posts``, ``site.tags`` and
``site.categories`` of the posts ``links.site_posts`` gives; ``site.pages`` is
empty, each place the body reads it a problem; and there is no ``site.time``,
which would make every build differ) and ``page`` (the mapping
the caller gives: front matter, ``url``, ``date``, ``path``...).  Values
print the Ruby way (``true``, ``2026-01-01 02:40:14 +0900``).

Nothing raises out of :func:`render_liquid`; each problem is located at its
line in the post's file:

- a syntax error leaves the whole body as it was written;
- an unknown tag, or a Jekyll tag whose include, post or page is missing,
  is shown as written and the rest renders;
- an unknown filter (a plugin's) shows its whole output ``{{ ... }}`` as
  written, not a value half filtered; in a tag (``{% assign %}``, ``{% if %}``)
  it leaves its value unfiltered, as Jekyll does;
- an error while rendering an output (``{{ x | date_to_string }}`` on a
  value that is not a date) shows that output as written.

Loops stop at ``LOOP_LIMIT`` iterations, output at ``OUTPUT_LIMIT`` bytes, includes at
``includes.MAX_INCLUDE_DEPTH`` deep: nothing a post holds can make a build hang.

Speed: a body without ``{{`` or ``{%`` is returned as it is.  One
environment serves every site and post; include files are parsed once per
version.  Rendering 1,000 Japanese bodies of 10 KB with a few tags each
(``{{ }}`` with filters, ``highlight``, ``include``, ``post_url``, a ``for``
over ``site.data``) takes about 1 s on this project's 2-core machine: 0.84 to
1.26 s of CPU over runs, 1 ms a post (0.94 to 1.5 s wall clock; three times
that when the shared machine is busy).  The same bodies without Liquid take
12 ms in all.  ``python bench/render_liquid.py 1000`` measures it.
"""

from __future__ import annotations

import functools
import os
import random
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from liquid import BoundTemplate, Environment, Mode, RenderContext, Token, TokenStream
from liquid.ast import Node
from liquid.builtin.output import Output, OutputNode
from liquid.exceptions import FilterArgumentError, LiquidError, UnknownFilterError
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG

from ..problems import Problem
from .arrays import ARRAY_FILTERS
from .body import Links, has_liquid
from .filters import FILTERS
from .includes import IncludeRelativeTag, IncludeTag
from .octopress_tags import TAGS as OCTOPRESS_TAGS
from .ruby import to_s
from .site import JekyllSite, time_zone
from .state import RenderState, current, has_place, note_error, parse_text, rendering
from .tags import AmazonTag, GistTag, HighlightTag, LinkTag, PostUrlTag, UnknownTag

LOOP_LIMIT = 200_000
OUTPUT_LIMIT = 20_000_000


@dataclass(frozen=True)
class Rendered:
    """A body after Liquid, the problems found, and what it read (for rebuild dependencies).

    ``includes`` holds the absolute paths of the files ``include`` and
    ``include_relative`` read or looked for (a missing one counts: adding it
    must rebuild the post), ready for Sphinx's ``note_dependency``; ``data``
    the top-level ``site.data`` keys read; ``reads_posts`` whether the site's
    lists of posts were read.
    """

    text: str
    problems: tuple[Problem, ...] = ()
    includes: frozenset[str] = frozenset()
    data: frozenset[str] = frozenset()
    reads_posts: bool = False


def render_liquid(body: str, first_line: int, page: Mapping[str, Any], site: JekyllSite, links: Links) -> Rendered:
    """Render the Liquid in ``body``, which starts on line ``first_line`` of its file.

    ``page`` is what templates see as ``page.*``; its ``path`` is the post's
    file, absolute or (as Jekyll gives it) relative to ``site.root``:
    ``include_relative`` reads beside it.
    """
    if not has_liquid(body):
        return Rendered(body)
    state = RenderState(
        body=body,
        first_line=first_line,
        site=site,
        links=links,
        page_folder=_page_folder(page, site),
        zone=time_zone(site.config.get("timezone")),
        random=random.Random(zlib.crc32(body.encode("utf-8", "replace"))),
    )
    with rendering(state):
        text = _render(body, page, state)
    problems = tuple(sorted(state.problems.values(), key=lambda problem: problem.line))
    return Rendered(text, problems, frozenset(state.includes), frozenset(state.data), state.reads_posts)


#: ``jekyll.*``: Jekyll's default environment (``JEKYLL_ENV`` unset, as ``jekyll build`` and
#: ``jekyll serve`` run): a post's production-only Liquid (analytics, ads) shows nothing here.
JEKYLL_VARIABLES = {"environment": "development"}


def _render(body: str, page: Mapping[str, Any], state: RenderState) -> str:
    try:
        template, errors = parse_text(environment(), body)
        state.report_parse_errors(errors, "the body is left as written")
        if template is None:
            return body
        _report_empty_site_lists(template, state)
        return template.render(site=SiteVariables(state), page=PageVariables(page, state), jekyll=JEKYLL_VARIABLES)
    except Exception as error:  # never raise on a post: Python's own limits (recursion, memory) end here
        state.report(None, f"Liquid could not be rendered: {error!r}: the body is left as written")
        return body


def _page_folder(page: Mapping[str, Any], site: JekyllSite) -> Path | None:
    """The folder ``include_relative`` reads from: ``page.path``'s, relative to the site folder unless absolute."""
    path = page.get("path")
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        return None
    if Path(path).is_absolute():
        return Path(path).parent
    return (site.root / path).parent if site.root is not None else None


#: what Jekyll lists of the whole site and is empty here: the wiki's pages are not Jekyll's
EMPTY_SITE_LISTS = ("pages",)
#: the lists of the site's posts, made when a template first reads one
POST_LISTS = ("posts", "tags", "categories")


class SiteVariables(Mapping[str, Any]):
    """``site``: the configuration, ``site.data`` (its reads noted), and the site's posts as
    ``posts``, ``tags`` and ``categories``, listed when first read (reading them is noted)."""

    def __init__(self, state: RenderState) -> None:
        self._state = state
        self._lists: dict[str, object] | None = None
        self._values: dict[str, object] = {
            **state.site.config,
            "data": DataReads(state.site.data, state.data),
            **{name: [] for name in EMPTY_SITE_LISTS},
        }

    def __getitem__(self, key: str) -> Any:
        if key in POST_LISTS:
            if self._lists is None:
                self._lists = post_lists(self._state.links.site_posts())
                self._state.reads_posts = True
            return self._lists[key]
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._values, *POST_LISTS])

    def __len__(self) -> int:
        return len(self._values) + len(POST_LISTS)


#: ``page.previous`` and ``page.next``, found among the site's posts when a template first reads one
NEIGHBOURS = ("previous", "next")


class PageVariables(Mapping[str, Any]):
    """``page``: the post's own variables, and ``previous`` and ``next``, the older and the newer
    post of ``site.posts`` (nil for the oldest, the newest and a draft), found when first read
    (reading them is noted: they change when a post comes or goes)."""

    def __init__(self, page: Mapping[str, Any], state: RenderState) -> None:
        self._page = page
        self._state = state
        self._neighbours: dict[str, object] | None = None

    def __getitem__(self, key: str) -> Any:
        if key in NEIGHBOURS and key not in self._page:
            if self._neighbours is None:
                self._neighbours = neighbours(self._page.get("path"), self._state.links.site_posts())
                self._state.reads_posts = True
            return self._neighbours[key]
        return self._page[key]

    def __iter__(self) -> Iterator[str]:
        return iter([*self._page, *(key for key in NEIGHBOURS if key not in self._page)])

    def __len__(self) -> int:
        return len(list(iter(self)))


def neighbours(path: object, posts: Sequence[Mapping[str, Any]]) -> dict[str, object]:
    """Jekyll's ``previous`` and ``next`` of the post at ``path`` in ``posts`` (newest first):
    the post just older and the post just newer; ``None`` where there is none."""
    where = next((number for number, post in enumerate(posts) if post.get("path") == path), None)
    if where is None:
        return dict.fromkeys(NEIGHBOURS)
    older = posts[where + 1] if where + 1 < len(posts) else None
    newer = posts[where - 1] if where > 0 else None
    return {"previous": older, "next": newer}


def post_lists(posts: Sequence[Mapping[str, Any]]) -> dict[str, object]:
    """``site.posts``, and ``site.tags`` and ``site.categories``: each name's posts, in that order."""
    tags: dict[str, list[Mapping[str, Any]]] = {}
    categories: dict[str, list[Mapping[str, Any]]] = {}
    for post in posts:
        for name in post.get("tags", ()):
            tags.setdefault(name, []).append(post)
        for name in post.get("categories", ()):
            categories.setdefault(name, []).append(post)
    return {"posts": list(posts), "tags": tags, "categories": categories}


def _report_empty_site_lists(template: BoundTemplate, state: RenderState) -> None:
    """Each place the body reads ``site.pages``: on the Jekyll site it showed something
    there, here nothing (the body only: an include's reads are not looked at)."""
    for variable in template.analyze(include_partials=False).globals.get("site", ()):
        name = variable.segments[1] if len(variable.segments) > 1 else None
        if isinstance(name, str) and name in EMPTY_SITE_LISTS:
            message = f"site.{name} is empty here, where the wiki's pages are not Jekyll's: it shows nothing"
            state.report_at(variable.span.index, message)


class DataReads(Mapping[str, Any]):
    """``site.data`` noting which top-level keys a template reads (all of them when it loops over it)."""

    def __init__(self, data: Mapping[str, Any], reads: set[str]) -> None:
        self._data = data
        self._reads = reads

    def __getitem__(self, key: str) -> Any:
        self._reads.add(key)
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        self._reads.update(self._data)
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def guarded(name: str, function: Callable[..., object]) -> Callable[..., object]:
    """A filter whose failures on odd values (``floor`` of infinity) are Liquid errors naming it.

    Python-liquid's own filters and Jekyll's here let ``OverflowError`` and
    the like through; each would otherwise leave a whole body unrendered.
    """

    @functools.wraps(function)
    def filter_function(*args: object, **kwargs: object) -> object:
        try:
            return function(*args, **kwargs)
        except (ValueError, ArithmeticError, LookupError) as error:
            raise FilterArgumentError(f"{name}: {error}", token=None) from error

    return filter_function


class JekyllContext(RenderContext):
    """A render context where an unknown filter is a problem: an error in an output, which shows
    it as written; elsewhere the value is left as it is."""

    __slots__ = ()

    def filter(self, name: str, token: Token | None) -> Callable[..., object]:
        if name not in self.env.filters:
            state = current()
            if state.in_output:
                raise UnknownFilterError(f"unknown filter '{name}'", token=token)
            state.report(token, f"unknown filter '{name}': the value is left unfiltered")
            return _unfiltered
        return super().filter(name, token)


def _unfiltered(value: object, *_args: object, **_kwargs: object) -> object:
    return value


class JekyllTemplate(BoundTemplate):
    context_class = JekyllContext


class JekyllOutputNode(OutputNode):
    """``{{ ... }}`` printed the Ruby way; shown as written when it cannot be rendered."""

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = current()
        outer, state.in_output = state.in_output, True
        try:
            value = self.expression.evaluate(context)
        except LiquidError as error:
            state.report(self.token, f"{error.message}: shown as written")
            return buffer.write(self.token.value)
        finally:
            state.in_output = outer
        return buffer.write(to_s(value))


class JekyllOutput(Output):
    node_class = JekyllOutputNode


@functools.cache
def environment() -> JekyllEnvironment:
    """The one environment: nothing in it belongs to a site or a post."""
    return JekyllEnvironment()


class JekyllEnvironment(Environment):
    """Python-liquid with Jekyll's tags and filters, where every error becomes a located problem.

    Errors are noted by :meth:`error`, never raised, so parsing goes on after
    one (every unknown tag of a body is found) and one output or tag that
    fails does not stop the rest.
    """

    context_depth_limit = 60
    loop_iteration_limit = LOOP_LIMIT
    output_stream_limit = OUTPUT_LIMIT

    template_class = JekyllTemplate

    def __init__(self) -> None:
        super().__init__(tolerance=Mode.STRICT)
        tags = (
            JekyllOutput,
            UnknownTag,
            HighlightTag,
            PostUrlTag,
            LinkTag,
            GistTag,
            AmazonTag,
            IncludeTag,
            IncludeRelativeTag,
        )
        for tag in (*tags, *OCTOPRESS_TAGS):
            self.add_tag(tag)
        self.tags.pop("render", None)  # python-liquid's; Jekyll has none, and it would read includes its own way
        self.filters.update(FILTERS)
        self.filters.update(ARRAY_FILTERS)
        self.filters = {name: guarded(name, function) for name, function in self.filters.items()}
        self.tags = {name: LocatedTag(tag) for name, tag in self.tags.items()}

    def tokenizer(self) -> Callable[[str], Iterator[Token]]:
        """Liquid's tokens, with what follows an end tag's name dropped: Jekyll's Liquid ends a
        block at ``{% endhighlight java %}`` or ``{% endif x %}`` and ignores the rest, where
        python-liquid stops at it (found on mincong-h.github.io: whole posts left as written)."""
        tokenize = super().tokenizer()

        def tokens(source: str) -> Iterator[Token]:
            after_end_tag = False
            for token in tokenize(source):
                if not (after_end_tag and token.kind == TOKEN_EXPRESSION):
                    yield token
                after_end_tag = token.kind == TOKEN_TAG and token.value.startswith("end")

        return tokens

    def error(
        self,
        exc: type[LiquidError] | LiquidError,
        msg: str | None = None,
        token: Token | None = None,
    ) -> None:
        """Note an error instead of raising it; it belongs to the node being parsed or rendered."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif token is not None and not has_place(exc.token):
            exc.token = token
        note_error(exc)


class LocatedTag(Tag):
    """A registered tag whose errors, when they have no place of their own, are put at the tag.

    Python-liquid reports an unclosed ``{% if %}`` at the end of the text, with
    no line: the line of the ``{% if %}`` tells the author where to look.
    """

    def __init__(self, tag: Tag) -> None:
        super().__init__(tag.env)
        self.tag = tag
        self.name = tag.name
        self.block = tag.block
        self.end = tag.end

    def parse(self, stream: TokenStream) -> Node:
        token = stream.current
        try:
            return self.tag.parse(stream)
        except LiquidError as error:
            if not has_place(error.token):
                error.token = token
            raise
