"""Tags, categories and authors: reading them from front matter, and their URLs.

Two spellings name the same term when they differ only in case, width, or
spaces against hyphens (``AI``, ``ai`` and ``ＡＩ`` are one tag, and so are
``machine learning`` and ``Machine-Learning``).  :func:`slugify` turns a
term into the readable, stable last part of its page's URL; it is also the
term's identity, so two distinct terms never share a page:

- letters of any script are kept as they are (``マルチモーダル``, ``ガイド``);
- common symbols become words (``C++`` -> ``c-plus-plus``, ``C#`` -> ``c-sharp``);
- any other symbol makes the slug end in a short hash of the term, so
  ``CI/CD`` and ``CI-CD`` stay apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_SYMBOL_WORDS = {"+": "plus", "#": "sharp", "&": "and", "@": "at", ".": "dot", "%": "percent"}
_SEPARATORS = re.compile(r"[\s\-]+")
_COMMA = re.compile(r"[,、，]")


def normalize_term(term: str) -> str:
    """The display form of a term: trimmed, inner white space folded to one space."""
    return " ".join(term.split())


def slugify(term: str) -> str:
    """The URL slug of ``term``, equal for spellings of the same term."""
    folded = normalize_term(unicodedata.normalize("NFKC", term)).casefold()
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
    slug = _SEPARATORS.sub("-", "".join(pieces)).strip("-")
    if lossy or not slug:
        digest = hashlib.sha1(folded.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else digest
    return slug


def terms_from_value(value: object, *, split_text: bool) -> tuple[list[str], list[str]]:
    """The terms of one front matter value, and what was wrong with it.

    A YAML list gives one term per item (items that are not text or numbers
    are skipped and reported).  A string gives one term, or, when
    ``split_text`` is set (the plural keys ``tags`` and ``categories``), one
    term per comma-separated part, or per space-separated word when it has no
    comma, as Jekyll reads ``tags: jekyll ruby``.  Terms come in order, each
    once.
    """
    if value is None:
        return [], []
    if isinstance(value, str):
        return unique_terms(_split_text(value) if split_text else [value]), []
    if _is_number(value):
        return [str(value)], []
    if not isinstance(value, list):
        return [], [f"expected text or a list of text, got {_type_name(value)}"]
    terms = [str(item) if _is_number(item) else item for item in value]
    wrong = [_type_name(item) for item in terms if not isinstance(item, str)]
    complaints = [f"list items must be text, skipped {kind}" for kind in wrong]
    return unique_terms(item for item in terms if isinstance(item, str)), complaints


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
    if _COMMA.search(value):
        return _COMMA.split(value)
    return value.split()


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)
