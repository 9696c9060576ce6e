"""Octopress's tags: ``codeblock``, ``img``, ``blockquote`` and ``pullquote``.

Octopress (Jekyll with its own plugins, 2011-2015, much used for Japanese
blogs) gave posts these tags; they are read here as its plugins read them
(``plugins/code_block.rb``, ``image_tag.rb``, ``blockquote.rb``,
``pullquote.rb``, and the options of Octopress 2.5 and the octopress-codeblock
gem), and written as the MyST that shows the same thing:

- ``{% codeblock [lang:x] [title] [url] [link text] %}`` ... ``{% endcodeblock %}``
  is a code block with line numbers (Octopress drew a gutter), its title and
  link as its caption; the language is ``lang:``, else the extension of a
  file name in the title (``Time to be Awesome! (awesome.rb)``), else none
  (plain text).  Options:
  ``title:"…"``, ``url:"…"``, ``link_text:"…"``, ``linenos:false``,
  ``start:5``, ``mark:1-4,8``.
- ``{% img [classes] /path/or/url [width [height]] [title | "title" ["alt"]] %}``
  is a picture: ``left``, ``right`` and ``center`` align it, other class
  names are kept, a title without an alt text is the alt text.
- ``{% blockquote [author[, title]] [url] [link title] %}`` ... is a quote,
  its last line the author and the source (a long URL shortened as Octopress
  shortened it).
- ``{% pullquote %}`` ... ``{" words "}`` ... is its paragraph; the words it
  pulled out into the margin are shown once, in place.
- ``{% include_code path/to/file [title] [lang:x] [start:5] [end:9] %}`` is the
  file of the site's ``code_dir`` (``downloads/code``) as a code block, its
  lines from ``start`` to ``end`` (or ``range:5-9``), captioned with the title
  and the file's name and a ``view raw`` link to the file.

The tags are python-liquid's in :mod:`.octopress_tags`; what they write is
made here.  A tag whose argument none of them reads is shown as written, with a problem.
The texts are escaped: a title or an author is text wherever it lands.

On an Octopress site (:func:`is_octopress`), a backtick code block's first line
may name more than its language, as ``backtick_code_block.rb`` read it:
```` ``` ruby Discover if a number is prime http://… Source Article ```` is a
code block with that caption and link and line numbers, as a ``codeblock``
(:func:`captioned_fences`).  Elsewhere MyST reads the language alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..markdown import escape_inline
from .structure import BLOCK_PARSER

#: the options of Octopress 2.5 and the octopress-codeblock gem: ``lang:ruby``, ``title:"A title"``
_CODE_OPTION = re.compile(
    r'(?<!\S)(lang|title|url|link_text|linenos|start|end|range|mark|class):(?:"([^"]*)"|(\S+))', re.I
)
#: Octopress 2.0's ``CaptionUrlTitle``, ``CaptionUrl`` and ``Caption``
_CAPTION_URL_TITLE = re.compile(r"(\S[\S\s]*?)\s+(https?://\S+)\s+(.+)", re.I)
_CAPTION_URL = re.compile(r"(\S[\S\s]*?)\s+(https?://\S+)\s*$", re.I)
#: the extension of a file name in a code block's title, which names its language
_FILE_TYPE = re.compile(r"\S[\S\s]*\w+\.(\w+)")
#: a link the caption or a quote's source may hold: the web, or a path of the site
_LINKABLE = re.compile(r"(?:https?://|/)[^\s<>]*", re.I)
#: ``image_tag.rb``'s ``IMG``
_IMG = re.compile(
    r"""\A(?:(?P<classes>[^'"\s][^'"]*?)\s+)?(?P<src>(?:https?://|/)\S+)"""
    r"""(?:\s+(?P<width>\d+)(?:\s+(?P<height>\d+))?)?"""
    r"""(?:\s+(?P<title>[^'"\s].*?)|\s+(?P<quote>['"])(?P<quoted>.*?)(?P=quote)(?:\s+(?P<alt_quote>['"])(?P<alt>.*?)(?P=alt_quote))?)?"""
    r"""\s*\Z"""
)
_ALIGNMENTS = frozenset({"left", "right", "center"})
#: ``blockquote.rb``'s ``FullCiteWithTitle`` and ``FullCite``
_CITE_WITH_TITLE = re.compile(r"(\S.*?)\s+(https?://\S+)\s+(.+)", re.I)
_CITE = re.compile(r"(\S.*?)\s+(https?://\S+)\s*$", re.I)
_AUTHOR_AND_TITLE = re.compile(r"([^,]+),([^,]+)")
#: how long a source URL shown in a quote's citation may be, as ``blockquote.rb`` cuts it
_SHORT_SOURCE = 32
#: the language of a block that names none: Octopress highlighted it as no language
PLAIN_TEXT = "text"
#: where ``include_code`` reads its files, in the site's folder, unless ``_config.yml``'s ``code_dir`` says
CODE_DIR = "downloads/code"
#: ``include_code``'s file then title, and the title before the file (deprecated in Octopress 2.1)
_CODE_FILE_THEN_TITLE = re.compile(r"(\S*\.\S+)\s*(.*)")
_CODE_TITLE_THEN_FILE = re.compile(r"(.*?)\s*(\S*\.\S+)")
_LINE_RANGE = re.compile(r"(\d+)-(\d+)")
#: a line or a range of lines ``mark:`` names
_MARKED = re.compile(r"(\d+)(?:-(\d+))?")
#: keys only Octopress's own ``_config.yml`` has
_OCTOPRESS_KEYS = frozenset({"code_dir", "category_dir", "subscribe_rss", "simple_search"})
#: a backtick fence's first line naming more than a language (not a MyST directive's), and its parts
_FENCE_WITH_WORDS = re.compile(r"^[ \t]*`{3,}[ \t]*[^`\s{][^`\s]*[ \t]+\S", re.MULTILINE)
_FENCE_OPENING = re.compile(r"^([ \t]*)(`{3,})[ \t]*([^`\s{][^`\s]*)[ \t]+(.*?)\s*$")
#: ``pullquote.rb``'s marks around the words it pulls out
_PULLED = re.compile(r'\{"\s*(.+?)\s*"\}', re.S)


# codeblock


def code_block_options(argument: str) -> tuple[str, dict[str, str]]:
    """The language and MyST ``code-block`` options of an Octopress code block's argument."""
    options, rest = _options_and_rest(argument)
    title, url, link_text = options.get("title"), options.get("url"), options.get("link_text")
    if match := _CAPTION_URL_TITLE.fullmatch(rest):
        title, url, link_text = title or match[1], url or match[2], link_text or match[3]
    elif match := _CAPTION_URL.fullmatch(rest):
        title, url = title or match[1], url or match[2]
    elif rest:
        title = title or rest
    language = options.get("lang") or ((found[1] if (found := _FILE_TYPE.search(title)) else "") if title else "")
    caption = _caption(title, url, link_text)
    start = int(options["start"]) if options.get("start", "").isdigit() else 1
    block_options = ({"caption": caption} if caption else {}) | _line_options(options, start)
    return language.lower() or PLAIN_TEXT, block_options


def include_code_parts(argument: str) -> tuple[str, str | None, dict[str, str]] | None:
    """The file, title and options of an ``include_code`` tag's argument; ``None`` when it names no file."""
    options, rest = _options_and_rest(argument)
    if match := _CODE_FILE_THEN_TITLE.fullmatch(rest):
        return match[1], options.get("title") or match[2] or None, options
    if match := _CODE_TITLE_THEN_FILE.fullmatch(rest):
        return match[2], options.get("title") or match[1] or None, options
    return None


def include_code_block(
    file: str, title: str | None, options: dict[str, str], code: str, code_dir: str
) -> tuple[str, str, dict[str, str]] | None:
    """The language, code and MyST ``code-block`` options of an ``include_code`` tag, ``code`` being the
    file's text: its lines from ``start`` to ``end``, as Octopress cut them, and a caption with a link to
    the file; ``None`` when the file has not those lines."""
    lines = code.split("\n")
    if code.endswith("\n"):
        lines.pop()
    first, last = 1, len(lines)
    if match := _LINE_RANGE.fullmatch(options.get("range", "")):
        first, last = int(match[1]), int(match[2])
    first = int(options["start"]) if options.get("start", "").isdigit() else first
    last = int(options["end"]) if options.get("end", "").isdigit() else last
    if not 1 <= first <= last <= len(lines):
        return None
    name = file.rsplit("/", 1)[-1]
    caption = f"{title} ({name})" if title else name
    link = _caption(caption, f"/{code_dir}/{file}", options.get("link_text") or "view raw")
    block_options = {"caption": link} | _line_options(options, first)
    language = options.get("lang") or (name.rsplit(".", 1)[1] if "." in name else "")
    return language.lower() or PLAIN_TEXT, "\n".join(lines[first - 1 : last]), block_options


def _options_and_rest(argument: str) -> tuple[dict[str, str], str]:
    """The ``key:value`` options of a code tag's argument, and what the argument holds besides."""
    options = {match[1].lower(): _option_value(match) for match in _CODE_OPTION.finditer(argument)}
    return options, _CODE_OPTION.sub("", argument).strip()


def _line_options(options: Mapping[str, str], start: int) -> dict[str, str]:
    """Line numbers (Octopress drew them unless ``linenos:false``) from ``start``, and the lines ``mark:``
    names (``1-4,8``, numbered as shown) as MyST's ``emphasize-lines`` (numbered from the block's first)."""
    lines: dict[str, str] = {}
    if options.get("linenos", "").lower() != "false":
        lines["linenos"] = ""
        if start > 1:
            lines["lineno-start"] = str(start)
    marked = [
        f"{first - start + 1}-{last - start + 1}" if last else str(first - start + 1)
        for first, last in ((int(match[1]), int(match[2] or 0)) for match in _MARKED.finditer(options.get("mark", "")))
        if first >= start
    ]
    if marked:
        lines["emphasize-lines"] = ",".join(marked)
    return lines


def is_octopress(config: Mapping[str, Any]) -> bool:
    """Whether a site's ``_config.yml`` is Octopress's: it holds a key only Octopress's has."""
    return not _OCTOPRESS_KEYS.isdisjoint(config)


def captioned_fences(body: str) -> str:
    """``body`` with each backtick code block whose first line names more than its language made a
    code block with that caption, as Octopress's ``backtick_code_block.rb`` drew it."""
    if not _FENCE_WITH_WORDS.search(body):
        return body
    lines = body.split("\n")
    fences = [token.map[0] for token in BLOCK_PARSER.parse(body) if token.type == "fence" and token.map]
    for start in reversed(fences):  # from the end: a block's added lines leave the earlier ones in place
        if match := _FENCE_OPENING.match(lines[start]):
            indent, fence, language, words = match.groups()
            language, options = code_block_options(f"lang:{language} {words}")
            opening = [f"{indent}{fence}{{code-block}} {language}"]
            opening += [f"{indent}:{key}: {value}".rstrip() for key, value in options.items()]
            lines[start : start + 1] = [*opening, indent.rstrip()]
    return "\n".join(lines)


def _option_value(match: re.Match[str]) -> str:
    """An option's value, quoted (``title:"A title"``) or not (``lang:ruby``)."""
    return match[2] if match[2] is not None else match[3]


def _caption(title: str | None, url: str | None, link_text: str | None) -> str:
    """A code block's caption: its title, then its link (``link`` by default, as Octopress wrote it)."""
    parts = [escape_inline(title)] if title and title.strip() else []
    if url and _LINKABLE.fullmatch(url):
        parts.append(f"[{escape_inline(link_text or 'link')}](<{url}>)")
    elif url:
        parts.append(escape_inline(" ".join(filter(None, (link_text, url)))))
    return " ".join(parts)


# img


def image_markdown(argument: str) -> str | None:
    """An Octopress ``img`` tag's argument as a MyST picture; ``None`` when it names no picture."""
    match = _IMG.fullmatch(argument)
    if match is None:
        return None
    title = match["title"] or match["quoted"] or ""
    alt = match["alt"] if match["alt"] is not None else title
    attributes = []
    for name in (match["classes"] or "").split():
        attributes.append(f"align={name}" if name in _ALIGNMENTS else f".{name}")
    attributes += [f"{size}={match[size]}px" for size in ("width", "height") if match[size]]
    image = f"![{escape_inline(alt)}](<{match['src']}>)"
    return image + ("{" + " ".join(dict.fromkeys(attributes)) + "}" if attributes else "")


# blockquote


def blockquote_markdown(argument: str, text: str, indent: str = "") -> str:
    """An Octopress ``blockquote`` as a Markdown quote, its author and source on its last line."""
    author, url, title = None, None, None
    if match := _CITE_WITH_TITLE.fullmatch(argument):
        author, url, title = match[1], match[2], match[3]
    elif match := _CITE.fullmatch(argument):
        author, url = match[1], match[2]
    elif argument:
        author, title = _author_and_title(argument)
    lines = [f"> {line}" if line.strip() else ">" for line in text.strip("\n").split("\n")]
    if author:
        citation = f"— **{escape_inline(author)}**"
        if url:
            citation += f" [{escape_inline(title or _short_source(url))}](<{url}>)"
        elif title:
            citation += f" *{escape_inline(title)}*"
        lines += [">", f"> {citation}"]
    return f"\n{indent}".join(lines)


def _author_and_title(argument: str) -> tuple[str, str | None]:
    """``blockquote.rb``'s ``Author``: ``name, title`` gives both, anything else the author alone."""
    match = _AUTHOR_AND_TITLE.search(argument)
    return (match[1].strip(), match[2].strip()) if match else (argument, None)


def _short_source(url: str) -> str:
    """``blockquote.rb``'s shown source: the URL without its scheme, cut to whole parts under 32
    characters, with ``/…`` when something was cut."""
    parts: list[str] = []
    for part in url.split("://", 1)[1].split("/"):
        if len("/".join([*parts, part])) < _SHORT_SOURCE:
            parts.append(part)
    shown = "/".join(parts)
    return shown if shown == url else f"{shown}/…"


# pullquote


def pullquote_markdown(argument: str, text: str, indent: str = "") -> str | None:
    """An Octopress ``pullquote``'s text, the words it pulled out left in place; ``None`` without them."""
    return _PULLED.sub(r"\1", text.strip("\n")) if _PULLED.search(text) else None
