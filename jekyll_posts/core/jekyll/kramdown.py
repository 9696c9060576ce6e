"""kramdown constructs rewritten so MyST shows what Jekyll showed.

Jekyll renders Markdown with kramdown (its GFM parser, Jekyll's defaults);
this site parses with MyST (markdown-it, CommonMark).  Posts are never edited
on disk: :func:`kramdown_to_myst` rewrites the text handed to MyST.  Every
line keeps its number (lines are blanked or rewritten in place), except that a
block which gets attributes moves down one line into the blank or attribute
line after it, and a table GFM reads otherwise gets lines (below).  Fenced
and indented code, HTML blocks and inline code spans are never touched.

What is rewritten (checked against kramdown 2.4 with kramdown-parser-gfm 1.1
under Jekyll 4.3's defaults, and against MyST-Parser 5.2):

- block IALs ``{: .class #id key="value"}`` after a block or before it, ALDs
  ``{:name: ...}`` and their references: a MyST ``{#id .class}`` line before
  the block, with the keys MyST uses for that block (``start`` of an ordered
  list); otherwise, and inside lists and quotes, the IAL is dropped;
- heading IDs ``## Title {#id}``: as a block IAL on the heading;
- span IALs after links, images and code: MyST inline attributes (``target``,
  ``rel``, ``title`` of links, of which MyST keeps ``target`` and ``rel`` only on
  links to other sites; ``width``, ``height``, ``align``, ``title`` of
  images; ``language-x`` classes of code as its language); after emphasis,
  HTML, math and footnote markers they are dropped.  After plain text kramdown
  shows an IAL as text, and so does MyST;
- a list marked ``{:toc}`` (``* TOC``): a ``{contents}`` directive with
  ``:local:``; ``{:.no_toc}`` on headings is dropped;
- ``{::comment}...{:/comment}``, ``{::comment /}`` and ``{::options .../}``:
  removed (blank lines); ``{::nomarkdown}...{:/nomarkdown}``: a
  ``{raw} html`` block (inline: the HTML as it is);
- ``$$...$$`` math: a ``{math}`` directive when it is a paragraph of its own,
  else the ``{math}`` role (kramdown has no single-dollar math: ``$...$`` is the role only with
  ``dollar_math``, for a page whose MathJax read it, Chirpy's ``math: true``);
- links without a destination, ``[Vundle]()`` or ``[Vundle](<>)`` (kramdown:
  ``<a href="">``, a link to the page itself; MyST: a reference to nothing,
  with a warning): their text, without a link (and without a span IAL after them);
- tables GFM reads otherwise (kramdown 2.4's table rules, for tables whose
  first line starts with a pipe): a separator line shorter than the header
  (``|-``) is a full delimiter row; a table without one (kramdown: no header)
  gets an empty header row, which CSS hides, and a delimiter row; a separator
  line between body rows or before a footer (``|---``, ``|===``) is a row of
  empty cells (GFM has one body); a line of text right after a table (kramdown
  ends the table there, GFM reads it as a row) gets a blank line before it.
  The lines after such a table move down by the lines added;
- an HTML block ends at the line closing its first element, as in kramdown
  (CommonMark: at the next blank line, so a fence or a paragraph right after
  ``<p class="filename">x.scss</p>`` was raw HTML): a blank line is put
  after that line, and the lines after it move down one;
- an HTML element with ``markdown="1"`` (or ``"block"``, ``"span"``), whose
  content kramdown parses as Markdown and CommonMark shows as it is: on one
  line (``<p markdown="1">`code`</p>``), its content is rendered as inline
  Markdown in place; over several lines (``<details markdown="1">``), blank
  lines after its opening line and before its closing line let MyST read the
  content between them as Markdown (the lines after it move down).  The
  attribute itself is dropped, as kramdown drops it.  With the site's
  ``kramdown: parse_block_html: true``, every HTML block's first element is
  read so (but one marked ``markdown="0"``, and those whose content is raw:
  ``pre``, ``script``, ``style``, ``textarea``);
- abbreviation definitions ``*[HTML]: ...``: removed (MyST has no
  abbreviations; the words show without their tooltip);
- footnotes: definitions nobody refers to are removed (kramdown leaves them
  out, docutils reports them), references to undefined notes are escaped
  (kramdown shows them as text, docutils reports an error);
- reference definitions CommonMark does not read: a URL with spaces is put in
  ``<...>``; ``[label]:`` with the URL on the next line is escaped (kramdown
  shows it as text).

- MyST's own block syntax, which kramdown shows as text: a line starting
  with ``%`` (a MyST comment: hidden), ``+++`` or ``(name)=`` gets a
  backslash in front;
- a Liquid tag left as written (a plugin's ``{% youtube x %}``, or one
  ``{% raw %}`` kept): a backslash before its ``{`` where MyST would read it
  as attributes (``{% ... %}`` is a comment in their syntax) and hide it: at
  the start of a line of text (in a list item or a quote too) and right
  after a link, an image, a span or inline code.  Code is left as it is.

Left as they are because MyST already shows the same: ``[text][1](note)``
(a link to reference 1, then the text "(note)"; CommonMark reads
``[1](note)`` as a link only where ``1`` is *not* a definition it reads,
which is why URLs with spaces are rewritten), ``[text][]`` and ``[text]``,
definitions after their use and inside list items, quoted titles, labels
differing in case or spacing, definition lists (MyST's ``deflist`` has
kramdown's syntax), footnote syntax, typographic ``--`` and ``---``.

Not rewritten: a ``(title)`` after a definition's URL (kramdown makes it part
of the URL, CommonMark a title: the link text is the same); labels only
Unicode case folding matches (``Straße``, ``STRASSE``: a link in MyST, text
in kramdown); a definition with its URL on the next line is escaped (above)
but one with its title on the next line is read alike; abbreviations are
not wrapped in ``<abbr>``; kramdown's automatic heading IDs (``#概要``) are
not given to headings that have no ``{#id}``; emphasis markers next to
Japanese punctuation (``**「重要」**です``: bold in kramdown, literal ``**``
in CommonMark) cannot be fixed by rewriting and are left to the parser; a
definition list term of several lines (kramdown: one term per line); an IAL
inside a list item is dropped and leaves a blank line (a loose list).

The output needs these MyST extensions: ``attrs_block``, ``attrs_inline``
and ``deflist``.  It uses neither ``dollarmath`` nor ``colon_fence``; the
site should not enable ``dollarmath``: it reads ``$5 and $10`` as math,
which kramdown never does.

Speed: a body without any of the few markers kramdown's syntax needs
(``{:``, ``{#``, ``$$``, ``*[``, ``[^``, ``]:``), without a Liquid tag
left in it (``{%``) or an empty link
destination ``]()``, and with no line starting with ``%``, ``+++`` or
``(name)=``, is returned after one scan for each.
``bench/kramdown.py`` on the project's 2-core machine (fastest of five runs,
other builds running beside it), 1,000 Japanese bodies of 10 KB: 67 ms in
all without markers, and 2.2 s (2.2 ms a body: two block-level markdown-it
parses) with a TOC, IALs, a comment, math, a footnote and an abbreviation in
each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .structure import BLOCK_PARSER, code_spans, inline_regions, verbatim_lines

#: Substrings without which a body holds no kramdown construct rewritten here.
MARKERS = ("{:", "{#", "$$", "*[", "[^", "]:", "{%")

#: What may come before a block's text on its line: indentation, quote and list item markers.
_CONTAINER_MARKERS = r"(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*"
#: MyST's own block syntax, which kramdown shows as text: ``%`` comments, ``+++`` breaks, ``(name)=`` targets,
#: at a block's start in a list item or a quote too (code, where indentation would make it code, is protected).
_MYST_BLOCK_SYNTAX = re.compile(rf"^({_CONTAINER_MARKERS})(?:%|\+\+\+|\([^)\n]*\)=[ \t]*$)", re.M)
#: A Liquid tag where MyST reads attributes: at a line's start, after container markers, or after ``)``, ``]``, ``\```.
_TAG_AS_ATTRIBUTES = re.compile(rf"(^{_CONTAINER_MARKERS}|[)\]`])\{{%", re.M)
#: A link's destination left empty: ``]()``, ``](<>)``.
_EMPTY_DESTINATION = re.compile(r"\]\([ \t]*(?:<>)?[ \t]*\)")
#: a line that starts a kramdown table (kramdown also starts one at any line with a pipe: not followed here)
_TABLE_START = re.compile(r"^ {0,3}\|")
#: a table's separator line: a header or body separator (``|---|:--|``, ``|-``), a footer one (``|===``)
_TABLE_SEPARATOR = re.compile(r"^ {0,3}[+|: \t-]*?-[+|: \t-]*$|^ {0,3}[+|: \t=]*?=[+|: \t=]*$")
_TABLE_ALIGNMENT = re.compile(r"^(:?)-+(:?)$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
#: a line ending with a closing tag, and a line of text right after it
_CLOSED_THEN_TEXT = re.compile(r"</[A-Za-z][\w-]*>[ \t]*\n[ \t]*\S")
#: an HTML start tag with an attribute right after another's quoted value (``class="a"style="b"``, as
#: ad and badge snippets were pasted): kramdown and browsers read it, CommonMark needs a space between
_GLUED_ATTRIBUTE = re.compile(r"""(=[ \t]*(?:"[^"\n]*"|'[^'\n]*'))(?=[A-Za-z_:])""")
_TAG_WITH_GLUED_ATTRIBUTE = re.compile(r"""<[A-Za-z][\w-]*\s(?:[^<>"']|"[^"\n]*"|'[^'\n]*')*>""")
_OPENING_TAG = re.compile(r"^ {0,3}<([A-Za-z][\w-]*)")
#: a line opening a kramdown math block, and a code fence's line (a math block never runs into code)
_MATH_BLOCK_OPENING = re.compile(r"^ {0,3}\$\$")
_CODE_FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,})")
#: a line that is only an end tag (``</html>``, its element opened in an HTML block before a blank line)
_CLOSING_TAG_LINE = re.compile(r"^ {0,3}</[A-Za-z][\w-]*\s*>[ \t]*$")
#: an opening tag asking kramdown to parse its content, and the attribute that asks
_MARKDOWN_TAG = re.compile(
    r"""<([A-Za-z][\w-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\s+markdown\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1)"""
    r"""((?:[^>"']|"[^"]*"|'[^']*')*)>"""
)
#: an HTML block's first element, whose content kramdown reads as Markdown with ``parse_block_html``
_PARSED_BLOCK_TAG = re.compile(
    r"""^ {0,3}<(?!(?:pre|script|style|textarea|math)\b)([A-Za-z][\w-]*)\b"""
    r"""((?:[^>"'m]|m(?!arkdown\s*=)|"[^"]*"|'[^']*')*)()>"""
)
_SPAN_PARSER = MarkdownIt("commonmark")

_NAME = r"[A-Za-z0-9_][A-Za-z0-9_-]*"
_ANY = r"(?:\\\}|[^}])"
_EXT_START = re.compile(rf"^[ \t]*\{{::(\w+)(?:\s({_ANY}*?)|)(/)?\}}[ \t]*$")
_ALD = re.compile(rf"^ {{0,3}}\{{:({_NAME}):({_ANY}+)\}}[ \t]*$")
_BLOCK_IAL = re.compile(rf"^(?P<quote>(?:[ \t]*>)*)(?P<indent>[ \t]*)\{{:(?!:|/)(?P<list>{_ANY}+)\}}[ \t]*$")
_ABBREVIATION = re.compile(r"^ {0,3}\*\[(.+?)\]:")
_FOOTNOTE_DEFINITION = re.compile(rf"^ {{0,3}}\[\^({_NAME})\]:")
_HEADING_ID = re.compile(r"[\t ]\{#([A-Za-z_:\u00c0-\uffff][\w:.\-\u00b7\u00c0-\uffff]*)\}[ \t]*$")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[\t ]")
_FENCE_ONLY = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_LINK_DEFINITION = re.compile(
    r"^(?P<indent> {0,3})\[(?P<label>[^\]^][^\]]*)\]:[ \t]*"
    r"(?:<(?P<angled>[^>]*)>|(?P<url>.*?\S.*?))"
    r"(?:[ \t]+(?P<quote>[\"'])(?P<title>.+?)(?P=quote))?[ \t]*$"
)
_PAREN_TITLE = re.compile(r"^\S+[ \t]+\([^)]*\)$")
_BARE_DEFINITION = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:[ \t]*$")

_ATTRIBUTE = re.compile(
    r"(?:\A|(?<=\s))(?:"
    rf"(?P<key>{_NAME})=(?P<quote>[\"'])(?P<value>(?:\\.|(?!(?P=quote)).)*?)(?P=quote)"
    rf"|(?P<ref>{_NAME})"
    r"|(?P<names>(?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+)"
    r")(?=\s|\Z)"
)
_ID_OR_CLASS = re.compile(r"#([A-Za-z][\w:-]*)|\.([^\s.#]+)")
_MYST_NAME = re.compile(r"^[^\s!\"#$%&'()*+,./;<=>?@\[\]^`{|}~]+$")
_LENGTH = re.compile(r"^\d+(?:\.\d+)?(?:%|px|em|ex|pt|pc|cm|mm|in|rem|vw|vh)?$")

_SPAN_IAL = re.compile(rf"\{{:(?!:|/)({_ANY}+)\}}")
_EMPTY_LINK = re.compile(
    rf"(?<![!\\])\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\([ \t]*(?:<>)?[ \t]*\)(?:\{{:(?!:|/){_ANY}+\}})?"
)
_SPAN_EXTENSION = re.compile(
    rf"\{{::(?P<name>\w+)(?:\s(?P<options>{_ANY}*?)|)(?:(?P<closed>/)\}}|\}}(?P<body>.*?)\{{:/(?P=name)?\}})", re.S
)
_INLINE_MATH = re.compile(r"(?<!\\)\$\$(.*?)\$\$", re.S)
#: ``$$...$$``, or ``$...$`` as MathJax reads it when a page turns it on (Chirpy's ``math: true``)
_INLINE_MATH_AND_DOLLARS = re.compile(r"(?<!\\)\$\$(.*?)\$\$|(?<![\\$])\$(?!\$)((?:[^$\\]|\\.)+?)\$", re.S)
_FOOTNOTE_REFERENCE = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")
_BACKTICKS = re.compile(r"`+")
_INLINE_LINK_BEFORE = re.compile(
    r"(!?)\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\((?:[^()\\\s]|\\.)*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)$"
)
_REFERENCE_BEFORE = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.)*)\](?:\[((?:[^\[\]\\]|\\.)*)\])?$")
#: CommonMark's autolink just before: ``<https://x>``, ``<a@b.jp>``
_AUTOLINK_BEFORE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+)>$")

#: What markdown-it reads in place of an attribute line: an HTML comment ends paragraphs and lists as an IAL does.
_STAND_IN = "<!-- -->"

#: Keys MyST copies from inline attributes, by element (class and id always).
_INLINE_KEYS = {"link": ("target", "rel", "title"), "image": ("width", "height", "align", "title"), "code": ()}
#: Keys MyST copies from block attributes, by markdown-it block (class and id always).
_BLOCK_KEYS: dict[str, tuple[str, ...]] = {
    "paragraph": (),
    "heading": (),
    "bullet_list": (),
    "ordered_list": ("start",),
    "blockquote": (),
    "table": (),
    "fence": (),
}
#: Blocks followed directly by another block without a blank line between.
_SELF_ENDING = frozenset({"heading", "fence", "hr"})
#: a line that starts a block of its own right after a paragraph's line: a fence, a heading, a quote
_INTERRUPTS_PARAGRAPH = re.compile(r"^ {0,3}(?:`{3,}|~{3,}|#{1,6}(?:[ \t]|$)|>)")


@dataclass
class _Attributes:
    """What kramdown's attribute lists say, in order: ids, classes, key=value pairs, ALD references."""

    id: str | None = None
    classes: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)

    def update(self, other: _Attributes) -> None:
        self.id = other.id or self.id
        self.classes += other.classes
        self.values.update(other.values)
        self.refs += other.refs


@dataclass
class _Document:
    """The lines being rewritten, which of them must not be touched, and what the whole text defines."""

    lines: list[str]
    protected: set[int]
    #: ``$...$`` is math too (:func:`kramdown_to_myst`)
    dollar_math: bool = False
    alds: dict[str, _Attributes] = field(default_factory=dict)
    link_labels: set[str] = field(default_factory=set)
    footnotes: dict[str, list[int]] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)
    #: Attribute lines, blanked, and what markdown-it reads in their place to see where kramdown
    #: ends a block (an IAL ends a paragraph and a list; a blank line does not end a list).
    stand_ins: dict[int, str] = field(default_factory=dict)

    def blank(self, index: int) -> None:
        self.lines[index] = ""
        self.protected.add(index)

    def take_attribute_line(self, index: int, stand_in: str) -> None:
        self.stand_ins[index] = stand_in
        self.blank(index)

    def structure(self) -> str:
        """The text markdown-it reads for the blocks kramdown sees."""
        return "\n".join(self.stand_ins.get(index, line) for index, line in enumerate(self.lines))

    def is_blank(self, index: int) -> bool:
        return 0 <= index < len(self.lines) and not self.lines[index].strip()


@dataclass(frozen=True)
class _Block:
    """A top-level block as markdown-it reads it: lines ``start`` to ``end`` (exclusive)."""

    kind: str
    start: int
    end: int


def kramdown_to_myst(body: str, parse_block_html: bool = False, dollar_math: bool = False) -> str:
    """``body`` (``\\n`` line ends, as Sphinx reads it) with kramdown's syntax rewritten for MyST, line numbers
    kept (but where the module says); ``parse_block_html``: kramdown's option of that name; ``dollar_math``:
    ``$...$`` in text is math too, as the page's MathJax read it (Chirpy's ``math: true``)."""
    if not (_has_kramdown_syntax(body) or (parse_block_html and "<" in body) or (dollar_math and "$" in body)):
        return body
    body = _html_blocks_ended_as_in_kramdown(_markdown_in_html(_attributes_apart(body), parse_block_html))
    document = _Document(body.split("\n"), verbatim_lines(BLOCK_PARSER.parse(body)), dollar_math=dollar_math)
    _rewrite_block_extensions(document)
    _rewrite_math_blocks(document)
    _rewrite_tables(document)
    _collect_definitions(document)
    _rewrite_footnote_definitions(document)
    ials = _take_block_ials(document)
    ials += _take_heading_ids(document)
    tokens = BLOCK_PARSER.parse(document.structure())
    blocks = _top_level_blocks(tokens)
    _escape_myst_syntax(document)
    for start, end in [*inline_regions(tokens), *_footnote_texts(document)]:
        _escape_liquid_tags(document, start, end)
        _rewrite_inline_region(document, start, end)
    _rewrite_link_definitions(document)
    _place_block_attributes(document, blocks, _blocks_in_list_items(tokens), ials)
    return "\n".join(document.lines)


def _has_kramdown_syntax(text: str) -> bool:
    """Whether ``text`` may hold anything rewritten here (a quick scan: some hits are not)."""
    return (
        any(marker in text for marker in MARKERS)
        or bool(_EMPTY_DESTINATION.search(text))
        or bool(_MYST_BLOCK_SYNTAX.search(text))
        or _has_table_gfm_misreads(text)
        or bool(_CLOSED_THEN_TEXT.search(text))
        or "markdown=" in text
        or bool(_GLUED_ATTRIBUTE.search(text))
    )


# --- structure ---------------------------------------------------------------


def _top_level_blocks(tokens: Sequence[Token]) -> list[_Block]:
    return [
        _Block(token.type.removesuffix("_open"), token.map[0], token.map[1])
        for token in tokens
        if token.level == 0 and token.map and token.nesting >= 0
    ]


# --- HTML blocks -------------------------------------------------------------


def _attributes_apart(body: str) -> str:
    """A space between an HTML tag's attributes where one follows another's quoted value with none,
    outside code: kramdown read ``<ins class="a"style="b">`` as HTML, CommonMark shows it as text."""
    if not _GLUED_ATTRIBUTE.search(body):
        return body
    lines = body.split("\n")
    code = verbatim_lines(BLOCK_PARSER.parse(body), kinds=("fence", "code_block"))
    for number, line in enumerate(lines):
        if number in code or not _GLUED_ATTRIBUTE.search(line):
            continue
        lines[number] = _tags_with_attributes_apart(line)
    return "\n".join(lines)


def _tags_with_attributes_apart(line: str) -> str:
    spans = code_spans(line)

    def apart(tag: re.Match[str]) -> str:
        return tag[0] if _inside(tag.start(), spans) else _GLUED_ATTRIBUTE.sub(r"\1 ", tag[0])

    return _TAG_WITH_GLUED_ATTRIBUTE.sub(apart, line)


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``position`` is in one of ``spans`` (code spans: start, end)."""
    return any(start <= position < end for start, end in spans)


def _html_blocks_ended_as_in_kramdown(body: str) -> str:
    """A blank line after the line that closes an HTML block's first element, where more of the
    block follows (CommonMark ends the block at a blank line, kramdown at that element's end).

    What follows may start another such block (``![a](1)⏎<p></p>⏎![b](2)⏎<p></p>⏎…``: an HTML
    line interrupts the paragraph before it), found when the text is read again."""
    if not _CLOSED_THEN_TEXT.search(body):
        return body
    lines = body.split("\n")
    while ends := _first_element_ends(lines):
        for end in reversed(ends):
            lines.insert(end + 1, "")
    return "\n".join(lines)


def _first_element_ends(lines: list[str]) -> list[int]:
    """The lines closing an HTML block's first element where more of the block follows."""
    return [
        end
        for token in BLOCK_PARSER.parse("\n".join(lines))
        if token.type == "html_block" and token.map and (end := _first_element_end(lines, *token.map)) is not None
    ]


def _first_element_end(lines: Sequence[str], start: int, end: int) -> int | None:
    """The line before ``end`` - 1 where the element opening line ``start`` is closed, if any
    (not before kramdown's own syntax: an attribute list or an extension's end is the block's)."""
    if _CLOSING_TAG_LINE.match(lines[start]) and end - start > 1:  # a stray end tag: kramdown's block is that line
        return None if lines[start + 1].lstrip().startswith("{:") else start
    opening = _OPENING_TAG.match(lines[start])
    if opening is None:
        return None
    closed = _closing_line(lines[: end - 1], start, opening[1])
    if closed is None or not re.search(rf"</{re.escape(opening[1])}\s*>[ \t]*$", lines[closed], re.I):
        return None
    return None if lines[closed + 1].lstrip().startswith("{:") else closed


def _markdown_in_html(body: str, every_block: bool = False) -> str:
    """The content of HTML elements marked ``markdown="1"`` (with ``every_block``, of each HTML block's
    first element too) read as Markdown, as kramdown reads it."""
    if "markdown=" not in body and not every_block:
        return body
    lines = body.split("\n")
    blocks = [token.map for token in BLOCK_PARSER.parse(body) if token.type == "html_block" and token.map]
    firsts = {start for start, _ in blocks} if every_block else set()
    blanks: list[int] = []  # lines a blank line goes before
    for index in sorted({line for start, end in blocks for line in range(start, end)}):
        match = _MARKDOWN_TAG.search(lines[index]) or (
            _PARSED_BLOCK_TAG.match(lines[index]) if index in firsts else None
        )
        if match is None:
            continue
        name, opening = match[1], f"<{match[1]}{match[2]}{match[3]}>"
        closing = re.search(rf"</{re.escape(name)}\s*>", lines[index][match.end() :], re.I)
        if closing is not None:  # on one line: its content as inline Markdown
            content = lines[index][match.end() : match.end() + closing.start()]
            rest = lines[index][match.end() + closing.start() :]
            lines[index] = lines[index][: match.start()] + opening + _SPAN_PARSER.renderInline(content) + rest
            continue
        lines[index] = lines[index][: match.start()] + opening + lines[index][match.end() :]
        end = _closing_line(lines, index, name)
        if end is not None and end > index:
            blanks += [line for line in (index + 1, end) if lines[line - 1].strip() and lines[line].strip()]
    for line in sorted(set(blanks), reverse=True):
        lines.insert(line, "")
    return "\n".join(lines)


def _closing_line(lines: Sequence[str], start: int, name: str) -> int | None:
    """The line holding the tag that closes the element ``name`` opened on line ``start`` (that line
    itself when the element ends there)."""
    opens, closes = re.compile(rf"<{re.escape(name)}(?=[\s/>])", re.I), re.compile(rf"</{re.escape(name)}\s*>", re.I)
    depth = 0
    for index in range(start, len(lines)):
        depth += len(opens.findall(lines[index])) - len(closes.findall(lines[index]))
        if depth <= 0:
            return index
    return None


# --- tables ----------------------------------------------------------------


def _has_table_gfm_misreads(text: str) -> bool:
    """Whether a table in ``text`` is one GFM reads otherwise than kramdown (a quick scan)."""
    if "|" not in text:
        return False
    lines = text.split("\n")
    return any(_misread(lines, start, end) for start, end in _kramdown_tables(lines, set()))


def _misread(lines: Sequence[str], start: int, end: int) -> bool:
    return _rows_to_rewrite(lines[start:end]) or _text_follows(lines, end)


def _text_follows(lines: Sequence[str], end: int) -> bool:
    """Whether a line GFM would read as one more row follows a table (an attribute list is the table's)."""
    return (
        end < len(lines) and bool(lines[end].strip()) and not (_BLOCK_IAL.match(lines[end]) or _ALD.match(lines[end]))
    )


def _kramdown_tables(lines: Sequence[str], protected: set[int]) -> Iterator[tuple[int, int]]:
    """Each table (lines ``start`` to ``end``, exclusive): a line starting with a pipe after a blank
    line, and the lines with a pipe after it."""
    index = 0
    while index < len(lines):
        starts = (
            index not in protected and _TABLE_START.match(lines[index]) and (index == 0 or not lines[index - 1].strip())
        )
        if not starts:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and end not in protected and _UNESCAPED_PIPE.search(lines[end]):
            end += 1
        yield index, end
        index = end


def _rows_to_rewrite(rows: Sequence[str]) -> bool:
    """Whether GFM reads these rows otherwise than kramdown: no delimiter row fit for the header,
    separator lines among the body rows, or a pipe in a code span (a cell's in kramdown)."""
    if not _has_header(rows):
        return True
    if any(_code_pipes_escaped(row) != row for row in rows):
        return True
    delimiter = _cells(rows[1], separator=True)
    widest = max(len(_cells(row)) for row in rows if not _TABLE_SEPARATOR.match(row))
    aligned = all(_TABLE_ALIGNMENT.match(cell) for cell in delimiter)
    return not aligned or len(delimiter) != widest or any(_TABLE_SEPARATOR.match(row) for row in rows[2:])


def _has_header(rows: Sequence[str]) -> bool:
    """Whether a table's first row is its header: a header or body separator line follows it."""
    return len(rows) > 1 and bool(_TABLE_SEPARATOR.match(rows[1])) and "=" not in rows[1]


def _cells(row: str, *, separator: bool = False) -> list[str]:
    """A row's cells, without the pipes at its ends (a separator line's cells are split at ``+`` too)."""
    text = row.strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    parts = re.split(r"[|+]", text) if separator else _UNESCAPED_PIPE.split(_code_pipes_escaped(text))
    return [part.strip() for part in parts]


def _code_pipes_escaped(row: str) -> str:
    r"""A row with the pipes inside its code spans escaped: kramdown reads code spans before it
    splits a row into cells, GFM splits first (``\|`` is a pipe in GFM's cells, code too)."""
    if "`" not in row:
        return row
    pieces, last = [], 0
    for start, end in code_spans(row):
        pieces += [row[last:start], _UNESCAPED_PIPE.sub(r"\\|", row[start:end])]
        last = end
    return "".join(pieces) + row[last:]


def _rewrite_tables(document: _Document) -> None:
    """Tables GFM reads otherwise than kramdown, as GFM tables (the last first: the lines move)."""
    lines = document.lines
    for start, end in reversed(list(_kramdown_tables(lines, document.protected))):
        if not _misread(lines, start, end):
            continue
        table = _gfm_table(lines[start:end]) if _rows_to_rewrite(lines[start:end]) else lines[start:end]
        if _text_follows(lines, end):
            table.append("")
        lines[start:end] = table
        added = len(table) - (end - start)
        document.protected = {line if line < end else line + added for line in document.protected}


def _gfm_table(rows: Sequence[str]) -> list[str]:
    """A kramdown table's rows as a GFM table shows them."""
    headed = _has_header(rows)
    widest = max(len(_cells(row)) for row in rows if not _TABLE_SEPARATOR.match(row))
    indent = rows[0][: len(rows[0]) - len(rows[0].lstrip())]
    empty_row = indent + "|" + "  |" * widest
    body = [
        empty_row if _TABLE_SEPARATOR.match(row) else _code_pipes_escaped(row) for row in rows[2 if headed else 0 :]
    ]
    if not headed:
        return [empty_row, indent + _delimiter_row([], widest), *body]
    header = _code_pipes_escaped(rows[0]) + " |" * (widest - len(_cells(rows[0])))
    return [header, indent + _delimiter_row(_cells(rows[1], separator=True), widest), *body]


def _delimiter_row(cells: Sequence[str], columns: int) -> str:
    """GFM's delimiter row for ``columns`` columns, with the alignments kramdown's separator gives."""
    kept = [cell if _TABLE_ALIGNMENT.match(cell) else "---" for cell in cells[:columns]]
    return "| " + " | ".join([*kept, *["---"] * (columns - len(kept))]) + " |"


# --- attribute lists ---------------------------------------------------------


def _parse_attributes(text: str) -> _Attributes:
    """kramdown's ``parse_attribute_list``: ``.class``, ``#id``, ``key="value"`` and ALD names."""
    attributes = _Attributes()
    for match in _ATTRIBUTE.finditer(text.strip()):
        if match["key"]:
            value = re.sub(r"\\(.)", r"\1", match["value"])
            if match["key"] == "class":
                attributes.classes = value.split()
            else:
                attributes.values[match["key"]] = value
        elif match["ref"]:
            attributes.refs.append(match["ref"])
        else:
            for identifier, class_name in _ID_OR_CLASS.findall(match["names"]):
                if identifier:
                    attributes.id = identifier
                else:
                    attributes.classes.append(class_name)
    return attributes


def _resolve(attributes: _Attributes, alds: Mapping[str, _Attributes], depth: int = 0) -> _Attributes:
    """The attributes with the ALDs they name applied first, as kramdown's ``update_attr_with_ial`` does."""
    resolved = _Attributes()
    for ref in attributes.refs:
        if ref in alds and depth < 10:
            resolved.update(_resolve(alds[ref], alds, depth + 1))
    resolved.update(_Attributes(attributes.id, list(attributes.classes), dict(attributes.values), attributes.refs))
    return resolved


def _myst_attributes(attributes: _Attributes, keys: Sequence[str], used_ids: set[str]) -> str:
    """``{#id .class key="value"}`` with what MyST reads, or ``""`` when nothing is left."""
    parts: list[str] = []
    if attributes.id and _MYST_NAME.match(attributes.id) and attributes.id not in used_ids:
        used_ids.add(attributes.id)
        parts.append(f"#{attributes.id}")
    parts += [f".{name}" for name in dict.fromkeys(attributes.classes) if _MYST_NAME.match(name)]
    for key in keys:
        value = attributes.values.get(key)
        if value is not None and _valid_value(key, value):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'{key}="{escaped}"')
    return "{" + " ".join(parts) + "}" if parts else ""


def _valid_value(key: str, value: str) -> bool:
    if key in ("width", "height"):
        return bool(_LENGTH.match(value))
    if key == "align":
        return value in ("left", "center", "right")
    if key == "start":
        return value.isdigit()
    return True


# --- block-level constructs --------------------------------------------------


def _rewrite_block_extensions(document: _Document) -> None:
    """``{::comment}``, ``{::nomarkdown}`` and ``{::options}`` on lines of their own."""
    lines = document.lines
    index = 0
    while index < len(lines):
        match = None if index in document.protected else _EXT_START.match(lines[index])
        if match is None or not _at_block_start(document, index):
            index += 1
            continue
        name, options, closed = match.groups()
        stop = None if closed else _stop_line(lines, index + 1, name)
        if name not in ("comment", "nomarkdown", "options") or (stop is None and not closed):
            index += 1
            continue
        end = index if stop is None else stop
        if name == "nomarkdown" and not closed and _is_html_output(options or ""):
            _raw_html_block(document, index, end)
        else:
            for line in range(index, end + 1):
                document.blank(line)
        index = end + 1


def _stop_line(lines: Sequence[str], start: int, name: str) -> int | None:
    stop = re.compile(rf"^[ \t]*\{{:/(?:{name})?\}}[ \t]*$")
    return next((index for index in range(start, len(lines)) if stop.match(lines[index])), None)


def _is_html_output(options: str) -> bool:
    output = _parse_attributes(options).values.get("type")
    return output is None or "html" in output.split()


def _raw_html_block(document: _Document, start: int, stop: int) -> None:
    body = document.lines[start + 1 : stop]
    longest = max((len(run) for line in body for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    indent = document.lines[start][: len(document.lines[start]) - len(document.lines[start].lstrip())]
    document.lines[start] = f"{indent}{fence}{{raw}} html"
    document.lines[stop] = f"{indent}{fence}"
    document.protected.update(range(start, stop + 1))


def _escape_myst_syntax(document: _Document) -> None:
    """A backslash before MyST's comment, break and target markers, so the line shows as kramdown showed it."""
    for index, line in enumerate(document.lines):
        if index not in document.protected and (match := _MYST_BLOCK_SYNTAX.match(line)):
            document.lines[index] = f"{match[1]}\\{line[match.end(1) :]}"


def _escape_liquid_tags(document: _Document, start: int, end: int) -> None:
    """A backslash before each ``{%`` of lines ``start`` to ``end`` that MyST would read as attributes."""
    if any(line in document.protected for line in range(start, end)):
        return
    text = "\n".join(document.lines[start:end])
    if "{%" in text:
        document.lines[start:end] = _escaped_liquid_tags(text).split("\n")


def _escaped_liquid_tags(text: str) -> str:
    """``text`` (a block's inline text) with ``\\{%`` where MyST's attributes would take a tag, not in code."""
    spans = code_spans(text)

    def escape(match: re.Match[str]) -> str:
        brace = match.end(1)
        inside_code = _inside(brace, spans)
        return match.group() if inside_code else f"{match[1]}\\{{%"

    return _TAG_AS_ATTRIBUTES.sub(escape, text)


def _collect_definitions(document: _Document) -> None:
    """ALDs and abbreviation definitions (removed), link labels and footnotes (kept)."""
    for index, line in enumerate(document.lines):
        if index in document.protected:
            continue
        if match := _ALD.match(line):
            document.alds[match[1]] = _parse_attributes(match[2])
            document.take_attribute_line(index, _STAND_IN)
        elif _ABBREVIATION.match(line) and _at_block_start(document, index):
            document.blank(index)
        elif match := _FOOTNOTE_DEFINITION.match(line):
            if _at_block_start(document, index):
                document.footnotes.setdefault(match[1], []).append(index)
            else:
                document.lines[index] = line.replace("]:", "]\\:", 1)
        elif match := _LINK_DEFINITION.match(line):
            document.link_labels.add(_label(match["label"]))


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class _BlockIal:
    """An attribute list found at ``line`` for the block holding line ``anchor``:
    the block's first line when the list comes ``before`` it, else a line of it."""

    line: int
    anchor: int
    attributes: _Attributes
    before: bool
    nested: bool = False
    #: the list's indentation (inside a list item), and whether it is inside a quote (``> {: .x}``)
    indent: int = 0
    quoted: bool = False


def _take_block_ials(document: _Document) -> list[_BlockIal]:
    """Block IAL lines, blanked, each with the block it belongs to (kramdown: the block
    it follows directly, else the block right after it)."""
    lines = document.lines
    found = {
        index: match
        for index, line in enumerate(lines)
        if index not in document.protected and (match := _BLOCK_IAL.match(line))
    }
    ials: list[_BlockIal] = []
    for index, match in found.items():
        previous = index - 1
        while previous in found:
            previous -= 1
        following = index + 1
        while following in found:
            following += 1
        before = previous < 0 or document.is_blank(previous)
        anchor = following if before else previous
        indent, quoted = len(match["indent"].expandtabs(4)), bool(match["quote"])
        if not (before and document.is_blank(anchor)) and anchor < len(lines):
            attributes = _parse_attributes(match["list"])
            ials.append(_BlockIal(index, anchor, attributes, before, quoted or indent >= 2, indent, quoted))
    for index, match in found.items():
        if match["quote"]:
            lines[index] = match["quote"].rstrip()
            document.protected.add(index)
        else:
            document.take_attribute_line(index, match["indent"] + _STAND_IN)
    return ials


def _take_heading_ids(document: _Document) -> list[_BlockIal]:
    """``## Title {#id}``: the ID is taken off the line and kept as an attribute list of the heading."""
    found: list[_BlockIal] = []
    lines = document.lines
    for index, line in enumerate(lines):
        if index in document.protected:
            continue
        setext = index + 1 < len(lines) and line.strip() and _SETEXT_UNDERLINE.match(lines[index + 1])
        if not (_ATX_HEADING.match(line) or setext) or not (match := _HEADING_ID.search(line)):
            continue
        lines[index] = line[: match.start()].rstrip()
        found.append(_BlockIal(index, index, _Attributes(id=match[1]), before=False))
    return found


def _rewrite_math_blocks(document: _Document) -> None:
    """Each kramdown math block, ``$$`` at a block's start to the next line ending in ``$$``, as a ``{math}``
    directive, whatever its lines hold: markdown-it read a line starting with ``-``, ``+`` or ``=`` in it as
    a list or a heading underline, and a blank line as its end (a real blog: 24 posts of broken equations)."""
    lines = document.lines
    index = 0
    while index < len(lines):
        end = _math_block_end(document, index) if _MATH_BLOCK_OPENING.match(lines[index]) else None
        if end is None:
            index += 1
            continue
        for line in range(index + 1, end):  # a blank line in it would split the equation in two
            if document.is_blank(line):
                lines[line] = "%"
        _math_directive(document, _Block("paragraph", index, end + 1))
        index = end + 1


def _math_block_end(document: _Document, start: int) -> int | None:
    """The line closing the math block opening at line ``start`` (``None`` when it is not one: not at a
    block's start, in code, never closed, or with ``$$`` again inside, which kramdown reads otherwise)."""
    lines = document.lines
    if start in document.protected or not _at_block_start(document, start):
        return None
    first = lines[start].strip()
    if len(first) >= 4 and first.endswith("$$"):  # on one line
        return start if "$$" not in first[2:-2] else None
    if "$$" in first[2:]:
        return None
    for end in range(start + 1, len(lines)):
        text = lines[end].rstrip()
        if end in document.protected and _CODE_FENCE_LINE.match(text):
            return None
        if text.endswith("$$"):
            return end if "$$" not in text[:-2] else None
        if "$$" in text:
            return None
    return None


def _math_directive(document: _Document, block: _Block) -> None:
    """The fences go on the ``$$`` lines, or on the blank lines around the block when ``$$`` shares a line."""
    lines = document.lines
    first, last = block.start, block.end - 1
    opening = first if lines[first].strip() == "$$" else first - 1
    closing = last if lines[last].strip() == "$$" and last != first else last + 1
    if opening < 0 or (opening < first and not document.is_blank(opening)):
        return
    if closing > last and closing < len(lines) and not document.is_blank(closing):
        return
    lines[first] = lines[first].strip()[2:]
    lines[last] = lines[last].rstrip()[:-2]
    if closing == len(lines):
        lines.append("")
    lines[opening] = "```{math}"
    lines[closing] = "```"
    document.protected.update(range(opening, closing + 1))


def _footnote_texts(document: _Document) -> list[tuple[int, int]]:
    """The lines of each footnote's text (``[^1]: text`` and its indented lines), which markdown-it, reading
    no footnotes here, took for a link definition: their math and attribute lists are rewritten too."""
    regions = []
    for start in sorted(line for lines in document.footnotes.values() for line in lines):
        end = start + 1
        while end < len(document.lines) and document.lines[end].startswith(("    ", "\t")):
            end += 1
        regions.append((start, end))
    return regions


def _rewrite_footnote_definitions(document: _Document) -> None:
    """Definitions of footnotes no text refers to are removed, with their indented lines."""
    referred = {
        match[1]
        for index, line in enumerate(document.lines)
        if index not in document.protected
        for match in _FOOTNOTE_REFERENCE.finditer(line)
    }
    for start in (line for name, lines in document.footnotes.items() if name not in referred for line in lines):
        end = start + 1
        while end < len(document.lines) and (
            document.lines[end].startswith(("    ", "\t"))
            or (document.is_blank(end) and end + 1 < len(document.lines) and document.lines[end + 1].startswith("    "))
        ):
            end += 1
        for line in range(start, end):
            document.blank(line)


def _rewrite_link_definitions(document: _Document) -> None:
    """Reference definitions that kramdown reads and CommonMark does not, or the other way round."""
    lines = document.lines
    for index, line in enumerate(lines):
        if index in document.protected or not _at_block_start(document, index):
            continue
        if _BARE_DEFINITION.match(line) and index + 1 < len(lines) and lines[index + 1].strip():
            lines[index] = line.replace("[", "\\[", 1)
        elif (match := _LINK_DEFINITION.match(line)) and match["url"] and _needs_angle_brackets(match["url"]):
            url = match["url"].replace("<", "\\<").replace(">", "\\>")
            title = f" {match['quote']}{match['title']}{match['quote']}" if match["quote"] else ""
            lines[index] = f"{match['indent']}[{match['label']}]: <{url}>{title}"


def _at_block_start(document: _Document, index: int) -> bool:
    """Whether line ``index`` starts a block, where definitions and extensions may stand: kramdown's
    (and CommonMark's) do not interrupt a paragraph.  A run of definitions starts where its first does."""
    previous = index - 1
    while previous >= 0:
        line = document.lines[previous]
        if _ends_block(line) or _BLOCK_IAL.match(line) or _ALD.match(line):
            return True
        if not (_LINK_DEFINITION.match(line) or _FOOTNOTE_DEFINITION.match(line) or _ABBREVIATION.match(line)):
            return False
        previous -= 1
    return True


def _needs_angle_brackets(url: str) -> bool:
    return any(char.isspace() for char in url) and not _PAREN_TITLE.match(url)


# --- placing block attributes ------------------------------------------------


def _place_block_attributes(
    document: _Document, blocks: Sequence[_Block], in_items: Sequence[_Block], ials: Sequence[_BlockIal]
) -> None:
    """Each block's attribute lists, as one MyST attribute line before it; the first list marked
    ``{:toc}`` becomes the table of contents.  ``in_items``: the blocks in list items, by position."""
    targets: dict[_Block, _Attributes] = {}
    for ial in ials:
        block = _target(blocks, ial) or _target_in_list_item(document, in_items, ial)
        if block is not None:
            targets.setdefault(block, _Attributes()).update(_resolve(ial.attributes, document.alds))
    placements: list[tuple[_Block, str | None]] = []
    for block, attributes in sorted(targets.items(), key=lambda item: item[0].start):
        is_toc = block.kind in ("bullet_list", "ordered_list") and "toc" in attributes.refs
        if is_toc and all(line is not None for _, line in placements):  # kramdown: the first one only
            placements.append((block, None))
        elif block.kind in _BLOCK_KEYS:
            attributes.classes = [name for name in attributes.classes if name != "no_toc"]
            placements.append((block, _myst_attributes(attributes, _BLOCK_KEYS[block.kind], document.used_ids)))
    added = 0
    for block, line in placements:
        moved = _Block(block.kind, block.start + added, block.end + added)
        if line is None:
            added += _table_of_contents(document, moved)
        elif line:
            _put_before(document, moved, line)


def _target(blocks: Sequence[_Block], ial: _BlockIal) -> _Block | None:
    block = next((block for block in blocks if block.start <= ial.anchor < block.end), None)
    if block is None or (ial.before and block.start != ial.anchor):
        return None
    if ial.nested and block.kind in ("bullet_list", "ordered_list", "blockquote"):
        return None
    return block


def _blocks_in_list_items(tokens: Sequence[Token]) -> list[_Block]:
    """The blocks inside list items, outer ones first, where an indented attribute list may belong."""
    return [
        _Block(kind, token.map[0], token.map[1])
        for token in tokens
        if token.level > 1 and token.map and token.nesting >= 0
        if (kind := token.type.removesuffix("_open")) in _BLOCK_KEYS
    ]


def _target_in_list_item(document: _Document, in_items: Sequence[_Block], ial: _BlockIal) -> _Block | None:
    """The block of a list item an indented attribute list belongs to: the outermost one at the list's
    indentation that it follows (or, coming before, that starts right after it): a quote, not its paragraph."""
    if not ial.nested or ial.quoted:
        return None
    for block in in_items:
        line = document.lines[block.start]
        at_its_indentation = len(line) - len(line.lstrip(" ")) == ial.indent
        if (
            block.start <= ial.anchor < block.end
            and at_its_indentation
            and (not ial.before or block.start == ial.anchor)
        ):
            return block
    return None


def _put_before(document: _Document, block: _Block, attributes: str) -> None:
    """The attribute line where the block starts: on the blank line above, or moving the block down one line."""
    lines = document.lines
    start, end = block.start, block.end
    indent = " " * (len(lines[start]) - len(lines[start].lstrip(" ")))
    if start >= 1 and document.is_blank(start - 1) and (start < 2 or _ends_block(lines[start - 2])):
        lines[start - 1] = indent + attributes
        return
    free_after = end < len(lines) and document.is_blank(end)
    separated = (
        end + 1 >= len(lines)
        or document.is_blank(end + 1)
        or block.kind in _SELF_ENDING
        or (block.kind == "paragraph" and bool(_INTERRUPTS_PARAGRAPH.match(lines[end + 1])))
    )
    if (start == 0 or _ends_block(lines[start - 1])) and free_after and separated:
        lines[start + 1 : end + 1] = lines[start:end]
        lines[start] = indent + attributes


def _ends_block(line: str) -> bool:
    """Whether a MyST attribute line may follow ``line``: it is blank, a heading or a closing fence."""
    return not line.strip() or bool(_ATX_HEADING.match(line) or _FENCE_ONLY.match(line))


def _table_of_contents(document: _Document, block: _Block) -> int:
    """kramdown's ``{:toc}`` list: a ``{contents}`` directive listing this page's sections.
    Returns the number of lines added (when no blank line was there to take)."""
    lines = document.lines
    start, end = block.start, block.end
    while end < len(lines) and document.is_blank(end) and end - start < 3:
        end += 1
    while end - start < 3 and start > 0 and document.is_blank(start - 1):
        start -= 1
    added = max(0, 3 - (end - start))
    lines[end:end] = [""] * added
    end += added
    lines[start:end] = ["```{contents}", ":local:", "```"] + [""] * (end - start - 3)
    document.protected.update(range(start, end))
    return added


# --- span-level constructs ---------------------------------------------------


def _rewrite_inline_region(document: _Document, start: int, end: int) -> None:
    """Span extensions, span IALs, inline math and footnote references in lines ``start`` to ``end``."""
    if any(line in document.protected for line in range(start, end)):
        return
    text = "\n".join(document.lines[start:end])
    markers = ("{:", "$", "[^") if document.dollar_math else ("{:", "$$", "[^")
    if not any(marker in text for marker in markers) and not _EMPTY_DESTINATION.search(text):
        return
    rewritten = _rewrite_spans(text, document)
    document.lines[start:end] = rewritten.split("\n")


def _outside_code(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    position = 0
    for start, end in spans:
        yield position, start
        position = end
    yield position, len(text)


def _rewrite_spans(text: str, document: _Document) -> str:
    spans = code_spans(text)
    code_ends = {end for _, end in spans}
    pieces: list[str] = []
    for start, end in _outside_code(text, spans):
        pieces.append(_rewrite_plain(text, start, end, code_ends, document))
        if end < len(text):
            span = next(span for span in spans if span[0] == end)
            pieces.append(text[span[0] : span[1]])
    return "".join(pieces)


def _rewrite_plain(text: str, start: int, end: int, code_ends: set[int], document: _Document) -> str:
    """Text outside code spans between ``start`` and ``end`` (``text`` gives what comes before):
    inline math becomes the ``{math}`` role, and outside it span IALs and footnote references are rewritten."""
    piece = _SPAN_EXTENSION.sub(_span_extension, text[start:end])
    result: list[str] = []
    position = 0
    for math in (_INLINE_MATH_AND_DOLLARS if document.dollar_math else _INLINE_MATH).finditer(piece):
        words = piece[position : math.start()]
        result.append(_rewrite_words(text[:start] + piece[:position], words, code_ends, document))
        result.append(_math_role(math[1] if math[1] is not None else math[2]))
        position = math.end()
    result.append(_rewrite_words(text[:start] + piece[:position], piece[position:], code_ends, document))
    return "".join(result)


def _rewrite_words(before: str, words: str, code_ends: set[int], document: _Document) -> str:
    """Empty links, span IALs and footnote references in ``words``, which follow ``before``."""
    words = _EMPTY_LINK.sub(r"\1", words)
    result: list[str] = []
    position = 0
    for match in _SPAN_IAL.finditer(words):
        result.append(words[position : match.start()])
        at_code_end = not before.endswith("$$") and match.start() == 0 and len(before) in code_ends
        preceding = before + words[: match.start()]
        result.append(_span_ial(preceding, match, "code" if at_code_end else None, document))
        position = match.end()
    result.append(words[position:])
    return _FOOTNOTE_REFERENCE.sub(lambda match: _footnote_reference(match, document), "".join(result))


def _span_extension(match: re.Match[str]) -> str:
    body = match["body"] or ""
    if match["name"] == "nomarkdown" and _is_html_output(match["options"] or ""):
        return body
    if match["name"] in ("comment", "nomarkdown", "options"):
        return "\n" * body.count("\n")
    return match.group()


def _span_ial(before: str, match: re.Match[str], element: str | None, document: _Document) -> str:
    """A span IAL as MyST inline attributes on the element it follows; dropped, or text after plain text."""
    element = element or _element_before(before[-2000:], document)
    if element is None:
        return match.group()
    if element not in _INLINE_KEYS:
        return ""
    attributes = _resolve(_parse_attributes(match[1]), document.alds)
    keys = _INLINE_KEYS[element]
    if element == "code":
        languages = [name for name in attributes.classes if name.startswith("language-")]
        if languages:
            attributes.values["language"] = languages[-1].removeprefix("language-")
            attributes.classes = [name for name in attributes.classes if name not in languages]
            keys = ("language",)
    return _myst_attributes(attributes, keys, document.used_ids)


def _element_before(before: str, document: _Document) -> str | None:
    """``link``, ``image``, ``other`` (emphasis, HTML, math, footnote marker) or ``None`` for plain text."""
    if match := _INLINE_LINK_BEFORE.search(before):
        return "image" if match[1] else "link"
    if _AUTOLINK_BEFORE.search(before):
        return "link"
    if match := _REFERENCE_BEFORE.search(before):
        if match[2].startswith("^"):
            return "other"
        label = match[3] or match[2]
        if _label(label) in document.link_labels:
            return "image" if match[1] else "link"
        return None
    if before.endswith(("*", "_", "$$", ">")) and not before.endswith(("\\*", "\\_")):
        return "other"
    return None


def _math_role(source: str) -> str:
    """``$$source$$`` in a paragraph as the ``{math}`` role, on as many lines as it took: each line
    of it stays in the role (MyST reads a role's line ends as spaces), so the paragraph goes on,
    as in kramdown (its lines are the paragraph's: none starts a block, and MyST's own block
    marks were escaped before).  Where one would end the paragraph (blank once a comment went),
    the math goes on one line and its line ends after it."""
    latex = source.strip()
    if not latex:
        return "\n" * source.count("\n")
    longest = max((len(run) for run in _BACKTICKS.findall(latex)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if latex.startswith("`") or latex.endswith("`") else ""
    lines = source.split("\n")
    stays_a_paragraph = all(line.strip() for line in [*lines[1:-1], lines[-1] + fence])
    if len(lines) > 1 and stays_a_paragraph and len(fence) < 3:  # ``` would open a code block
        on_its_lines = source.strip(" \t")
        return f"{{math}}{fence}{padding}{on_its_lines}{padding}{fence}"
    newlines = "\n" * (len(lines) - 1)
    return f"{{math}}{fence}{padding}{' '.join(latex.split())}{padding}{fence}{newlines}"


def _footnote_reference(match: re.Match[str], document: _Document) -> str:
    return match.group() if match[1] in document.footnotes else "\\" + match.group()
