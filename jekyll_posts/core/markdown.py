"""The little Markdown this package reads and writes itself.

It finds a body's headings (outside fenced code) and writes the Markdown
handed to MyST in place of the front matter: blank lines, so every body line
keeps its number, and the title as a ``#`` heading when the body has none.
The title is escaped, so it is shown as the literal text it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .japanese import collapse_white_space
from .problems import Problem
from .taxonomy import unique_terms

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
#: a heading's text that is only its closing sequence (``#   #`` is an empty heading)
_ONLY_CLOSING_HASHES = re.compile(r"^#+$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_BACKTICKS = re.compile(r"`+")

#: The longest file name a file system takes, in bytes, and the longest path.
NAME_MAX = 255
PATH_MAX = 4096
# a run that may be a file name over NAME_MAX bytes (a character is at most 4 bytes in UTF-8)
_LONG_RUN = re.compile(r"[^\s/]{64,}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# a footnote's definition (``[^1]: text``) holds its text, not a link target; ``[text]()`` has none
_LINK_TARGET = re.compile(
    r"(?:\]\(\s*<?|^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*<?)([^\s<>)][^\s<>]*?)>?(?=[\s)]|$)", re.MULTILINE
)


#: GitHub's alert marker, alone on a quote's first line: ``> [!NOTE]`` (any case)
_GITHUB_ALERT = re.compile(r"\A[ \t]*\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|\Z)", re.IGNORECASE)
#: the kinds of GitHub's alerts, which are also the names of docutils' admonitions
ALERT_KINDS = ("note", "tip", "important", "warning", "caution")
_TAGS_DIRECTIVE = re.compile(r"^ {0,3}(`{3,}|~{3,}|:{3,})\{tags\}[ \t]*(.*)$")
#: What a ``{tags}`` directive without tags is told.
EMPTY_TAGS = "the tags directive lists no tags"


def headings(body: str) -> Iterator[tuple[int, str]]:
    """``(level, text)`` of each Markdown heading outside fenced code."""
    fence: str | None = None
    previous = ""
    for line in body.splitlines():
        opening = _CODE_FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            previous = ""
            continue
        if opening:
            fence = opening.group(1)
        elif match := _ATX_HEADING.match(line):
            yield len(match.group(1)), _ONLY_CLOSING_HASHES.sub("", match.group(2))
        elif previous.strip() and _SETEXT_UNDERLINE.match(line):
            yield 1, previous.strip()
        previous = line


def github_alert(text: str) -> tuple[str, int] | None:
    """The kind of GitHub alert a quote opening with ``text`` is (``note``, ``tip``, ``important``,
    ``warning``, ``caution``) and how many characters of ``text`` its marker line takes; ``None``
    for any other quote (the marker must be alone on the first line, as GitHub reads it)."""
    match = _GITHUB_ALERT.match(text)
    return (match[1].lower(), match.end()) if match else None


#: how many lines after its paragraph's first a link is looked for
LINK_LINE_REACH = 50


def line_of_link(lines: Sequence[str], first: int, target: str) -> int:
    """The line (1-based) of ``lines`` where a link to ``target`` in the paragraph starting at line
    ``first`` is: the first line from there that names it (MyST places every link of a paragraph at
    the paragraph's first line); ``first`` when none does."""
    for number in range(first, min(first + LINK_LINE_REACH, len(lines) + 1)):
        if target in lines[number - 1]:
            return number
    return first


def escape_inline(text: str) -> str:
    """``text`` as Markdown that renders to exactly ``text`` (CommonMark escapes)."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", collapse_white_space(text))


def replace_front_matter(text: str, body_line: int, title: str | None) -> str:
    """``text`` with its first ``body_line - 1`` lines blanked, the last one
    holding ``# title`` when a title is given.  A file without front matter
    gets the title as a line of its own before its first line."""
    if body_line <= 1:
        return f"# {escape_inline(title)}\n{text}" if title else text
    body = text.split("\n", body_line - 1)[-1]
    heading = f"# {escape_inline(title)}\n" if title else "\n"
    return "\n" * (body_line - 2) + heading + body


def unusable_link_targets(text: str, first_line: int = 1) -> list[tuple[str, Problem]]:
    """Link targets no file system can hold (a name over ``NAME_MAX`` bytes, a path over
    ``PATH_MAX``), from line ``first_line`` on: the Markdown parser looks each local
    target up as a file and stops on them.  Cheap when there is none."""
    if not _LONG_RUN.search(text):
        return []
    found = []
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1)
        line = text.count("\n", 0, match.start()) + 1
        if line >= first_line and not _SCHEME.match(target) and _too_long_for_a_file_system(target):
            message = f"a link target of {len(target)} characters is longer than a file name may be: shown as its text"
            found.append((target, Problem(line, "link", message)))
    return found


def _too_long_for_a_file_system(target: str) -> bool:
    path = target.split("#")[0].split("?")[0]
    encoded = path.encode("utf-8", "replace")
    return len(encoded) > PATH_MAX or any(len(part) > NAME_MAX for part in encoded.split(b"/"))


def drop_link_targets(markdown: str, targets: list[str]) -> str:
    """``markdown`` with each link to one of ``targets`` shown as its text, and their
    reference definitions removed (their lines left blank)."""
    for target in dict.fromkeys(targets):
        escaped = re.escape(target)
        inline = re.compile(rf"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?{escaped}>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
        markdown = inline.sub(lambda match: match.group(1), markdown)
        definition = re.compile(rf"^ {{0,3}}\[(?!\^)[^\]]+\]:[ \t]*<?{escaped}>?.*$", re.MULTILINE)
        markdown = definition.sub("", markdown)
    return markdown


def literal_page(title: str | None, text: str, body_line: int) -> str:
    """Markdown showing the body of ``text`` (from line ``body_line`` on) as literal text,
    under ``title`` (on the line before the body); the lines before it are blank."""
    body = text.split("\n", body_line - 1)[-1] if body_line > 1 else text
    fence = "`" * max(3, *(len(run) + 1 for run in _BACKTICKS.findall(body)))
    heading = f"# {escape_inline(title)}" if title else ""
    literal = f"{fence}text\n{body}\n{fence}\n"
    if body_line <= 1:
        return f"{heading}\n\n{literal}" if heading else literal
    return "\n" * (body_line - 2) + heading + "\n" + literal


def directive_tags(text: str) -> list[str]:
    """The tags a ``{tags}`` directive gives in ``text`` (its argument and content):
    comma-separated, white space folded, quotes around a tag dropped (as sphinx-tags reads them)."""
    tags = (" ".join(tag.replace("\\n", "\n").strip('"').split()) for tag in text.split(","))
    return unique_terms(tags)


def tags_directives(body: str, first_line: int = 1) -> Iterator[tuple[int, list[str]]]:
    """The line and tags of each ``{tags}`` directive in ``body`` outside other code,
    counting lines from ``first_line``."""
    lines = body.split("\n")
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = _CODE_FENCE.match(line)
        directive = _TAGS_DIRECTIVE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif directive:
            marker = directive.group(1)
            content = [directive.group(2)]
            end = index + 1
            while end < len(lines) and lines[end].strip() != marker:
                content.append(lines[end])
                end += 1
            yield first_line + index, directive_tags(",".join(part for part in content if not part.startswith(":")))
            index = end
        elif opening:
            fence = opening.group(1)
        index += 1
