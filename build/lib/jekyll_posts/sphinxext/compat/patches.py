"""What a workaround of an upstream's internals relies on, so an upgrade fails one clear test."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Check = Callable[[], None]


@dataclass(frozen=True)
class Patch:
    """One workaround: what it relies on, the version it was checked against, and a check of it."""

    name: str
    version_checked: str
    check: Check


def has_attributes(target: object, *names: str) -> Check:
    def check() -> None:
        missing = [name for name in names if not hasattr(target, name)]
        assert not missing, f"{target!r} has no {', '.join(missing)}"

    return check


def has_parameters(function: Callable[..., object], *names: str) -> Check:
    def check() -> None:
        parameters = inspect.signature(function).parameters
        missing = [name for name in names if name not in parameters]
        assert not missing, f"{function.__qualname__} takes no {', '.join(missing)}"

    return check


def file_contains(path: Path, *texts: str) -> Check:
    def check() -> None:
        content = path.read_text(encoding="utf-8")
        missing = [text for text in texts if text not in content]
        assert not missing, f"{path} no longer holds {missing}"

    return check
