"""Queries a reader might type, cut from pages' own text, and the pages that hold them."""

from __future__ import annotations

import random
import re

from ..core.japanese import ITERATION_MARKS, KANJI
from ..core.search import normalize, runs

_KANJI_KATAKANA_RUN = re.compile(rf"[{ITERATION_MARKS[0]}\u30a0-\u30ff{KANJI}]{{2,}}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def sample_queries(texts: list[str], count: int, seed: int) -> list[str]:
    """Queries a reader might type, cut from the texts themselves: random 2-8
    character cuts of kanji/katakana runs, and one Latin word in five."""
    rng = random.Random(seed)
    queries: list[str] = []
    while len(queries) < count:
        text = rng.choice(texts)
        if rng.random() < 0.2 and (words := _LATIN_WORD.findall(text)):
            queries.append(rng.choice(words))
            continue
        found = _KANJI_KATAKANA_RUN.findall(text)
        if not found:
            continue
        run = rng.choice(found)
        length = rng.randint(2, min(8, len(run)))
        start = rng.randint(0, len(run) - length)
        queries.append(run[start : start + length])
    return queries


def pages_containing(query: str, normalized_texts: list[str]) -> set[int]:
    """The numbers of the (already normalised) texts in which every space-separated
    part of ``query`` appears literally: Latin words as whole words."""
    parts = normalize(query).split()
    found = set()
    for number, text in enumerate(normalized_texts):
        if all(part in text for part in parts):
            words = set(runs(text)) if any(part.isascii() for part in parts) else set()
            if all(part in words if part.isascii() else True for part in parts):
                found.add(number)
    return found
