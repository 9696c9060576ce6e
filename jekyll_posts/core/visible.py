"""What a reader sees of raw HTML in a page: its text (no tags, comments, scripts or styles),
and the places a link can lead to in it (``html_anchors``).

A post's raw HTML (``これは<span style="color:red">赤い</span>文字``, an
excerpt separator ``<!-- more -->``) reaches the doctree as markup; where a
page's text is taken as text (search, the excerpt in lists, feeds and
``og:description``) it is this text instead.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

LINE_BREAK = "\n"


#: elements whose text a reader never sees
HIDDEN_ELEMENTS = frozenset({"script", "style", "template"})
_HIDDEN_TAG = re.compile(rf"<(/?)(?:{'|'.join(HIDDEN_ELEMENTS)})\b", re.IGNORECASE)


def hidden_elements_opened(markup: str) -> int:
    """How many elements whose text is not seen a piece of raw HTML opens (``<script>``: 1), less those
    it closes (``</script>``: -1): Markdown splits ``<script>x()</script>`` in a paragraph into a start
    tag, text and an end tag, and the text between is no reader's."""
    return sum(-1 if match[1] else 1 for match in _HIDDEN_TAG.finditer(markup))


class _TextOfHtml(HTMLParser):
    """The text a reader sees in an HTML fragment: no tags, comments, scripts or styles."""

    HIDDEN = HIDDEN_ELEMENTS

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br" and not self.hidden:
            self.pieces.append(LINE_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


def html_text(markup: str) -> str:
    """The text of a raw HTML fragment (``<!-- more -->`` has none): its pieces of text apart,
    and a ``<br>`` a line break (alone, it is one: ``word<br>word`` is two words)."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = ""
    for piece in parser.pieces:
        if piece == LINE_BREAK:
            text += LINE_BREAK
        elif piece.strip():
            text += (" " if text and not text.endswith(LINE_BREAK) else "") + piece.strip()
    return text


class _AnchorsOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.anchors.add(value)


def html_anchors(markup: str) -> set[str]:
    """The fragment names a link can lead to in a raw HTML fragment: every element's ``id``,
    and the ``name`` of an ``<a>`` (``<a name="top"></a>``, as old posts marked a place)."""
    parser = _AnchorsOfHtml()
    parser.feed(markup)
    parser.close()
    return parser.anchors
