"""Jekyll's filters on arrays: ``where``, ``find``, ``group_by``, ``sort`` and friends.

They follow Jekyll 4 rather than python-liquid's own ``where``, ``find`` and
``sort``: a property may be a dotted path (``author.name``), numbers written
as text compare as numbers, ``where`` compares as text (``where: "year",
2016`` finds ``year: "2016"``) and looks inside list properties
(``where: "tags", "AI"``), ``sort`` puts items without the property first or
last as asked.  A mapping given where an array is expected stands for its
values.  ``sample`` picks the same items for the same body on every build,
so an unchanged post renders the same.  Unlike Ruby's Liquid, python-liquid
takes ``empty`` and ``blank`` in conditions only: ``where: "tags", empty`` is
a syntax error (``where_exp: "p", "p.tags == empty"`` works).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from liquid import Environment, RenderContext, Token, TokenStream
from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.exceptions import FilterArgumentError, LiquidError
from liquid.expression import Expression
from liquid.filter import with_context
from liquid.token import TOKEN_EXPRESSION

from .ruby import inspect, plain, to_i, to_s
from .state import current

_INTEGER_LIKE = re.compile(r"\s*-?\d+\s*", re.ASCII)
_FLOAT_LIKE = re.compile(r"\s*-?(?:\d+\.?\d*|\.\d+)\s*", re.ASCII)


def where(value: object, name: object, target: object) -> object:
    """Items whose property equals ``target`` as text, or holds it when the property is a list."""
    items = _searchable(value, name, target)
    if items is None:
        return value
    return [item for item in items if _matches(_property(item, name), target)]


def find(value: object, name: object, target: object) -> object:
    """The first item ``where`` would give, or nil."""
    items = _searchable(value, name, target)
    if items is None:
        return value
    return next((item for item in items if _matches(_property(item, name), target)), None)


def _searchable(value: object, name: object, target: object) -> list[Any] | None:
    """The items to search; ``None`` (the input is given back) without a property or for a list or mapping target."""
    if plain(name) is None or isinstance(plain(target), (list, tuple, Mapping)):
        return None
    return _array(value)


@with_context
def where_exp(value: object, variable: object, expression: object, *, context: RenderContext) -> object:
    """Items for which a Liquid condition holds: ``where_exp: "post", "post.year > 2016"``."""
    items = _array(value)
    if items is None:
        return value
    condition = _condition(context.env, to_s(expression), "where_exp")
    return [item for item in items if _holds(context, to_s(variable), condition, item)]


@with_context
def find_exp(value: object, variable: object, expression: object, *, context: RenderContext) -> object:
    """The first item ``where_exp`` would give, or nil."""
    items = _array(value)
    if items is None:
        return value
    condition = _condition(context.env, to_s(expression), "find_exp")
    return next((item for item in items if _holds(context, to_s(variable), condition, item)), None)


def group_by(value: object, name: object) -> object:
    """``[{"name": ..., "items": [...], "size": n}]``, one group per value of the property as text."""
    items = _array(value)
    if items is None:
        return value
    return _groups((to_s(_property(item, name)), item) for item in items)


@with_context
def group_by_exp(value: object, variable: object, expression: object, *, context: RenderContext) -> object:
    """Groups named by a Liquid expression: ``group_by_exp: "post", "post.date | date: '%Y'"``."""
    items = _array(value)
    if items is None:
        return value
    parsed = _expression(context.env, to_s(expression), "group_by_exp")
    pairs = []
    for item in items:
        with context.extend({to_s(variable): item}):
            pairs.append((plain(parsed.evaluate(context)), item))
    return _groups(pairs)


def sort(value: object, name: object = None, nils: object = "first") -> list[object]:
    """Sorted; by a property, items without it first (``nils: "first"``) or last (``"last"``)."""
    if plain(value) is None:
        raise FilterArgumentError("sort: cannot sort a null object", token=None)
    items = _array(value)
    if items is None:
        items = [value]
    if plain(name) is None:
        try:
            return sorted(items)
        except TypeError as error:
            raise FilterArgumentError(f"sort: {error}", token=None) from error
    if to_s(nils) not in ("first", "last"):
        raise FilterArgumentError(f"sort: nils must be 'first' or 'last', not {to_s(nils)!r}", token=None)
    order = -1 if to_s(nils) == "first" else 1

    def by_property(a: tuple[object, object], b: tuple[object, object]) -> int:
        return _compare_properties(a[0], b[0], order)

    keyed = sorted(((_property(item, name), item) for item in items), key=functools.cmp_to_key(by_property))
    return [item for _, item in keyed]


def push(value: object, item: object) -> object:
    return [*value, item] if isinstance(value, list) else value


def unshift(value: object, item: object) -> object:
    return [item, *value] if isinstance(value, list) else value


def pop(value: object, count: object = 1) -> object:
    return value[: max(len(value) - to_i(count), 0)] if isinstance(value, list) else value


def shift(value: object, count: object = 1) -> object:
    return value[max(to_i(count), 0) :] if isinstance(value, list) else value


def sample(value: object, count: object = 1) -> object:
    """One item, or a list of ``count``, chosen by the render's seeded generator."""
    items = _array(value)
    if not items:
        return value if items is None else None
    chooser = current().random
    number = to_i(count)
    if number == 1:
        return chooser.choice(items)
    return chooser.sample(items, min(max(number, 0), len(items)))


def _array(value: object) -> list[Any] | None:
    """The items of an array, or the values of a mapping; ``None`` for anything else."""
    value = plain(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return list(value.values())
    return None


def _property(item: object, name: object) -> object:
    """Jekyll's ``item_property``: a dotted path into the item, numbers-as-text read as numbers."""
    value = item
    for key in to_s(name).split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return _sortable(plain(value))


def _sortable(value: object) -> object:
    text = to_s(value)
    if _INTEGER_LIKE.fullmatch(text):
        return int(text)
    if _FLOAT_LIKE.fullmatch(text):
        return float(text)
    return value


def _matches(value: object, target: object) -> bool:
    """Jekyll's ``compare_property_vs_target``: equal as text, or holding the target when a list."""
    target = plain(target)
    if target is None:
        return value is None
    text = to_s(target)
    if isinstance(value, str):
        return value == text
    return any(to_s(item) == text for item in _ruby_array(value))


def _ruby_array(value: object) -> list[object]:
    """Ruby's ``Array()``: nil is empty, a list itself, a mapping its pairs, anything else one item."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[key, item] for key, item in value.items()]
    return [value]


def _compare_properties(a: Any, b: Any, order: int) -> int:
    """Ruby's ``<=>`` on two properties, falling back to their text; a missing one goes by ``order``."""
    if a is None or b is None:
        return 0 if a is b else (order if a is None else -order)
    try:
        return int(a > b) - int(a < b)
    except TypeError:
        return int(to_s(a) > to_s(b)) - int(to_s(a) < to_s(b))


def _groups(pairs: Iterable[tuple[object, object]]) -> list[dict[str, object]]:
    """Items grouped by name in the order names first appear, as Ruby's ``group_by`` keeps them."""
    groups: dict[object, tuple[object, list[object]]] = {}
    for name, item in pairs:
        key = name if isinstance(name, Hashable) else inspect(name)
        groups.setdefault(key, (name, []))[1].append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.values()]


def _holds(context: RenderContext, variable: str, condition: BooleanExpression, item: object) -> bool:
    with context.extend({variable: item}):
        return condition.evaluate(context)


@functools.lru_cache(maxsize=256)
def _condition(env: Environment, expression: str, name: str) -> BooleanExpression:
    """A ``where_exp`` condition, parsed once; a syntax error names the filter."""
    try:
        return BooleanExpression.parse(env, _tokens(expression))
    except LiquidError as error:
        raise FilterArgumentError(f"{name}: {error.message}", token=None) from error


@functools.lru_cache(maxsize=256)
def _expression(env: Environment, expression: str, name: str) -> Expression:
    try:
        return FilteredExpression.parse(env, _tokens(expression))
    except LiquidError as error:
        raise FilterArgumentError(f"{name}: {error.message}", token=None) from error


def _tokens(expression: str) -> TokenStream:
    return TokenStream(tokenize(expression, Token(TOKEN_EXPRESSION, expression, 0, expression)))


ARRAY_FILTERS: dict[str, Callable[..., object]] = {
    "where": where,
    "where_exp": where_exp,
    "find": find,
    "find_exp": find_exp,
    "group_by": group_by,
    "group_by_exp": group_by_exp,
    "sort": sort,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "sample": sample,
}
