"""Section ids that keep Japanese and stay put when other sections come and go.

docutils makes a section's id from its title's ASCII letters, so a Japanese
heading gets a numbered id (``id1``, ``id2``...) and ``post.html#id3``
points at another section as soon as one is added above it.
:func:`section_ids` gives every heading of a page an id made from its text,
in the way of GitHub and Docusaurus::

    section_ids(["量子化", "バッチ処理", "まとめ", "まとめ"])
    # ["量子化", "バッチ処理", "まとめ", "まとめ-1"]

- Text is NFKC-normalised (``ＡＩ`` is ``ai``, ``ｶﾀｶﾅ`` is ``カタカナ``) and
  lower-cased; letters and digits of every script are kept as they are.
- ``+``, ``#`` and ``&`` right after a letter or digit become words
  (``C++`` is ``c-plus-plus``, ``C#`` ``c-sharp``, ``Q&A`` ``q-and-a``), as
  in tag URLs; any other run of spaces, punctuation and symbols (emoji
  included) is one ``-``, none at either end.
- A heading with no letter or digit (``🎉``, ``***``) is ``section-`` and a
  short hash of its text: never empty, and two such headings differ.
- The n-th repeat of an id gets ``-n`` (``まとめ-1``, ``まとめ-2``), counted
  in the order of the page.  Headings that differ only in case, width,
  spacing or punctuation (``まとめ``, ``まとめ！``) make the same id, so
  count as repeats of each other.

An id depends only on its heading's text and the earlier headings with the
same id: a section added, removed or moved elsewhere on the page changes no
other section's id.  The only exceptions are collisions with an id made
another way, resolved by counting on: a heading ``A-1`` after two ``A``
headings, or an id in ``taken``.

The ids are valid HTML ids (never empty, no white space) and safe in a URL
fragment: their ASCII characters are ``a-z``, ``0-9``, ``-`` and ``_``;
the rest is letters and digits, which a URL percent-encodes as UTF-8 and a
browser decodes back.

**For the Sphinx glue.**  Pass the page's section titles as text, in
document order, and as ``taken`` every id the page has for other reasons:
ids of explicit targets and footnotes, and the ids of the theme's own
elements (``main-content`` and the like).  Ids docutils numbers itself
(``id1``, ``id2``...) are never returned, so an id made here cannot collide
with one docutils gives a footnote later.  Write in-page links with the id
as it is (``href="#量子化"``), not percent-encoded: pydata-sphinx-theme
0.20 looks a table-of-contents link's fragment up with ``getElementById``
without decoding it.  Keeping a section's old numbered id as a second id
keeps old links working, but those still move when sections are added.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence

_SYMBOL_WORDS = {"+": "plus", "#": "sharp", "&": "and"}
#: ``+``, ``#`` and ``&`` right after a letter or digit: C++, C#, Q&A
_SYMBOLS_AFTER_WORD = re.compile(r"(?<=[^\W_])[+#&]+")
_SEPARATORS = re.compile(r"-+")
#: what docutils numbers ids with (Sphinx sets its ``auto_id_prefix`` to ``id``)
_DOCUTILS_ID = re.compile(r"id\d+")


def section_ids(headings: Sequence[str], taken: Collection[str] = ()) -> list[str]:
    """One id per heading, unique on the page and not in ``taken``."""
    used = set(taken)
    repeats: Counter[str] = Counter()
    ids = []
    for heading in headings:
        base = heading_slug(heading)
        count = repeats[base]
        candidate = base if count == 0 else f"{base}-{count}"
        while candidate in used or _DOCUTILS_ID.fullmatch(candidate):
            count += 1
            candidate = f"{base}-{count}"
        repeats[base] = count + 1
        used.add(candidate)
        ids.append(candidate)
    return ids


def kramdown_heading_ids(headings: Sequence[str]) -> list[str | None]:
    """The ids Jekyll's kramdown gave a page's ``headings`` (the ones without an id of their own),
    so that links written on the Jekyll site still arrive: its GFM parser, Jekyll's default input
    (``generate_gfm_header_id`` of kramdown-parser-gfm 1.1).  Lower case; every character but
    letters, marks, decimal digits, connector punctuation (``_``), ``-``, spaces and tabs dropped;
    each space or tab a ``-``; the n-th repeat ``-n``.  ``None`` where nothing is left: kramdown
    wrote that heading with no id::

        kramdown_heading_ids(["Add robots.txt", "2. Inside .git/index", "まとめ", "まとめ", "🎉"])
        # ["add-robotstxt", "2-inside-gitindex", "まとめ", "まとめ-1", None]
    """
    repeats: Counter[str] = Counter()
    ids: list[str | None] = []
    for heading in headings:
        base = "".join(_kept_by_kramdown(char) for char in heading.lower())
        count = repeats[base]
        repeats[base] += 1
        candidate = base if count == 0 else f"{base}-{count}"
        ids.append(candidate or None)
    return ids


def _kept_by_kramdown(char: str) -> str:
    """Ruby's ``\\p{Word}`` (letter, mark, decimal digit, connector punctuation) and ``-`` are
    kept, a space or tab is a ``-``, the rest goes."""
    if char in " \t":
        return "-"
    category = unicodedata.category(char)
    return char if char == "-" or category[0] in "LM" or category in ("Nd", "Pc") else ""


def heading_slug(heading: str) -> str:
    """The id of a heading's text before repeats are counted."""
    text = unicodedata.normalize("NFKC", heading).lower()
    text = _SYMBOLS_AFTER_WORD.sub(_symbol_words, text)
    kept = "".join(char if _is_word_character(char) else "-" for char in text)
    slug = _SEPARATORS.sub("-", kept).strip("-")
    return slug or f"section-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def _symbol_words(match: re.Match[str]) -> str:
    return "".join(f"-{_SYMBOL_WORDS[symbol]}-" for symbol in match.group())


def _is_word_character(char: str) -> bool:
    """Letters, digits and ``_`` of any script, and the marks that combine with them."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")
