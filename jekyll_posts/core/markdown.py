"""The little Markdown this package reads and writes itself.

It finds a body's headings (outside fenced code) and writes the Markdown
handed to MyST in place of the front matter: blank lines, so every body line
keeps its number, and the title as a ``#`` heading when the body has none.
The title is escaped, so it is shown as the literal text it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .problems import Problem

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
            yield len(match.group(1)), match.group(2)
        elif previous.strip() and _SETEXT_UNDERLINE.match(line):
            yield 1, previous.strip()
        previous = line


def escape_inline(text: str) -> str:
    """``text`` as Markdown that renders to exactly ``text`` (CommonMark escapes)."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def decode_source(data: bytes) -> tuple[str, list[Problem]]:
    """The text of a source file's bytes: UTF-8 (with or without BOM), bad bytes replaced and reported."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not UTF-8 (byte 0x{data[error.start]:02X}): undecodable bytes are shown as \ufffd"
        return data.decode("utf-8-sig", "replace"), [Problem(line, "encoding", message)]


def remove_control_characters(text: str) -> tuple[str, list[Problem]]:
    """``text`` without control characters (NUL and the like), and where the first one was."""
    found = _CONTROL.search(text)
    if found is None:
        return text, []
    line = text.count("\n", 0, found.start()) + 1
    message = f"control characters (U+{ord(found.group()):04X} and {len(_CONTROL.findall(text))} in all) removed"
    return _CONTROL.sub("", text), [Problem(line, "encoding", message)]


def replace_front_matter(text: str, body_line: int, title: str | None) -> str:
    """``text`` with its first ``body_line - 1`` lines blanked, the last one
    holding ``# title`` when a title is given.  A file without front matter
    gets the title as a line of its own before its first line."""
    if body_line <= 1:
        return f"# {escape_inline(title)}\n{text}" if title else text
    body = text.split("\n", body_line - 1)[-1]
    heading = f"# {escape_inline(title)}\n" if title else "\n"
    return "\n" * (body_line - 2) + heading + body
