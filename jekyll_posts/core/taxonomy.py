"""Tags, categories and authors: reading them from front matter, and their URLs.

Two spellings name the same term when they differ only in case, width, or
spaces against hyphens (``AI``, ``ai`` and ``ＡＩ`` are one tag, and so are
``machine learning`` and ``Machine-Learning``).  :func:`slugify` turns a
term into the readable, stable last part of its page's URL; it is also the
term's identity, so two distinct terms never share a page:

- letters of any script are kept as they are (``マルチモーダル``, ``ガイド``);
- common symbols become words (``C++`` -> ``c-plus-plus``, ``C#`` -> ``c-sharp``);
- any other symbol makes the slug end in a short hash of the term, so
  ``CI/CD`` and ``CI-CD`` stay apart; so does a slug cut because it is long.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from .japanese import collapse_white_space

_SYMBOL_WORDS = {"+": "plus", "#": "sharp", "&": "and", "@": "at", ".": "dot", "%": "percent"}
_SEPARATORS = re.compile(r"[\s\-]+")
#: the white space Ruby's ``String#split`` splits words at, as Jekyll splits ``tags: jekyll ruby``:
#: ASCII's, not the ideographic space
_RUBY_WHITE_SPACE = re.compile(r"[ \t\n\v\f\r]+")
#: The commas that separate terms written in one string: ASCII, Japanese and full-width.
COMMAS = re.compile(r"[,、，]")

#: Longer terms are reported; their slugs are cut to ``MAX_SLUG_LENGTH`` plus a hash.
MAX_TERM_LENGTH = 50
MAX_SLUG_LENGTH = 60


def normalize_term(term: str) -> str:
    """The display form of a term: trimmed, inner white space folded to one space as a browser
    shows it (an ideographic space is a character the writer chose, and stays)."""
    return collapse_white_space(term).strip()


@functools.lru_cache(maxsize=4096)  # a site has a few hundred terms, slugged on every page
def slugify(term: str) -> str:
    """The URL slug of ``term``, equal for spellings of the same term."""
    folded = _folded(term)
    slug, lossy = _readable(folded)
    if len(slug) > MAX_SLUG_LENGTH:
        slug, lossy = slug[:MAX_SLUG_LENGTH].rstrip("-"), True
    if lossy or not slug:
        digest = hashlib.sha1(folded.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else digest
    return slug


def readable_slug(text: str) -> str:
    """The readable words of :func:`slugify`, without its cut and hash; possibly empty.

    The hash keeps apart terms whose slugs nobody chooses; a name chosen once by
    a person, such as a new post's file name, needs none: a clash is seen then.
    """
    return _readable(_folded(text))[0]


def _folded(term: str) -> str:
    return normalize_term(unicodedata.normalize("NFKC", term)).casefold()


def _readable(folded: str) -> tuple[str, bool]:
    """Letters kept, common symbols as words, the rest as hyphens; and whether any symbol was lost."""
    pieces: list[str] = []
    lossy = False
    for char in folded:
        if char.isalnum() or char == "_" or unicodedata.category(char).startswith("M"):
            pieces.append(char)
        elif char in _SYMBOL_WORDS:
            pieces.append(f"-{_SYMBOL_WORDS[char]}-")
        else:
            lossy = lossy or not (char.isspace() or char == "-")
            pieces.append("-")
    return _SEPARATORS.sub("-", "".join(pieces)).strip("-"), lossy


def terms_from_value(value: object, *, split_text: bool) -> tuple[list[str], list[str]]:
    """The terms of one front matter value, and what was wrong with it.

    A YAML list gives one term per item.  A string gives one term, or, when
    ``split_text`` is set (the plural keys ``tags`` and ``categories``), one
    term per comma-separated part, or per space-separated word when it has no
    comma, as Jekyll reads ``tags: jekyll ruby``.  Terms come in order, each
    once.  A key with no value (``tags:``) or an empty list has no terms, as
    in Jekyll, without a word.  Numbers are kept as text; empty, repeated and
    very long terms, and items that are not text, are reported (and the
    latter two skipped).
    """
    if value is None:
        return [], []
    if isinstance(value, str):
        return _checked(_split_text(value) if split_text else [value], [])
    if _is_number(value):
        return _checked([str(value)], [f"{value!r} is a number: quote it to make it text"])
    if not isinstance(value, list):
        return [], [f"expected text or a list of text, got {_type_name(value)}"]
    complaints = [f"{item!r} is a number: quote it to make it text" for item in value if _is_number(item)]
    items = [str(item) if _is_number(item) else item for item in value]
    complaints += [
        f"list items must be text, skipped {_type_name(item)}" for item in items if not isinstance(item, str)
    ]
    return _checked([item for item in items if isinstance(item, str)], complaints)


def _checked(parts: list[str], complaints: list[str]) -> tuple[list[str], list[str]]:
    terms = unique_terms(parts)
    if any(not normalize_term(part) for part in parts):
        complaints.append("empty term skipped")
    kept = {slugify(term) for term in terms}
    repeated = [normalize_term(part) for part in parts if normalize_term(part) and normalize_term(part) not in terms]
    complaints += [f"{part!r} repeats {_same_as(part, terms)!r}" for part in repeated if slugify(part) in kept]
    complaints += [f"{term[:20]!r}... is {len(term)} characters long" for term in terms if len(term) > MAX_TERM_LENGTH]
    return terms, complaints


def _same_as(part: str, terms: list[str]) -> str:
    return next(term for term in terms if slugify(term) == slugify(part))


def unique_terms(terms: Iterable[str]) -> list[str]:
    """Non-empty display forms of ``terms``, first spelling of each term kept."""
    seen: set[str] = set()
    result: list[str] = []
    for term in terms:
        display = normalize_term(term)
        key = slugify(display) if display else ""
        if key and key not in seen:
            seen.add(key)
            result.append(display)
    return result


def _split_text(value: str) -> list[str]:
    if COMMAS.search(value):
        return COMMAS.split(value)
    return [word for word in _RUBY_WHITE_SPACE.split(value) if word]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)
