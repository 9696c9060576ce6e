"""Fingerprints of plain data: what decides whether a page is written again."""

from __future__ import annotations

import hashlib


def fingerprint(value: object) -> str:
    """A short digest of ``value``'s ``repr``: equal for equal plain data."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()
