"""Values the way Jekyll's Ruby shows them: as text, inspected, as integers, as times.

Liquid templates written for Jekyll expect Ruby's answers: ``true`` not
``True``, ``2026-01-01 02:40:14 +0900`` for a time, ``{"a" => 1}`` for an
inspected hash, ``"12abc".to_i == 12``.  Month and day names are always
English, as Ruby's ``strftime`` writes them, whatever the process locale
(Sphinx sets the user's locale, where Python's ``%b`` would give ``1月``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser
from liquid import is_undefined

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_LEADING_INTEGER = re.compile(r"\s*[-+]?\d+")
_COMPOSITES = re.compile(r"%%|%([cxXrDFTR])")
_COMPOSITE_FORMATS = {
    "c": "%a %b %e %H:%M:%S %Y",
    "x": "%m/%d/%y",
    "D": "%m/%d/%y",
    "X": "%H:%M:%S",
    "T": "%H:%M:%S",
    "r": "%I:%M:%S %p",
    "F": "%Y-%m-%d",
    "R": "%H:%M",
}
_DIRECTIVE = re.compile(r"%([-_0^#]*)(\d*)(:z|[a-zA-Z%])")
#: Numeric directives: the value, its width and its padding.
_NUMBERS: dict[str, tuple[Callable[[datetime], int], int, str]] = {
    "Y": (lambda m: m.year, 4, "0"),
    "y": (lambda m: m.year % 100, 2, "0"),
    "m": (lambda m: m.month, 2, "0"),
    "d": (lambda m: m.day, 2, "0"),
    "e": (lambda m: m.day, 2, " "),
    "j": (lambda m: m.timetuple().tm_yday, 3, "0"),
    "H": (lambda m: m.hour, 2, "0"),
    "k": (lambda m: m.hour, 2, " "),
    "I": (lambda m: (m.hour - 1) % 12 + 1, 2, "0"),
    "l": (lambda m: (m.hour - 1) % 12 + 1, 2, " "),
    "M": (lambda m: m.minute, 2, "0"),
    "S": (lambda m: m.second, 2, "0"),
    "L": (lambda m: m.microsecond // 1000, 3, "0"),
    "N": (lambda m: m.microsecond * 1000, 9, "0"),
    "u": (lambda m: m.isoweekday(), 1, "0"),
    "w": (lambda m: m.isoweekday() % 7, 1, "0"),
}
_WORDS: dict[str, Callable[[datetime], str]] = {
    "A": lambda m: DAYS[m.weekday()],
    "a": lambda m: DAYS[m.weekday()][:3],
    "B": lambda m: MONTHS[m.month - 1],
    "b": lambda m: MONTHS[m.month - 1][:3],
    "h": lambda m: MONTHS[m.month - 1][:3],
    "p": lambda m: "AM" if m.hour < 12 else "PM",
    "P": lambda m: "am" if m.hour < 12 else "pm",
    "z": lambda m: m.strftime("%z"),
    ":z": lambda m: _colon_offset(m),
    "Z": lambda m: m.tzname() or "",
    "s": lambda m: str(int(m.timestamp())),
    "n": lambda _: "\n",
    "t": lambda _: "\t",
    "%": lambda _: "%",
}
#: Directives Python writes the same way in every locale (week numbers, century).
_PLAIN = frozenset("UWVGgC")


def plain(value: object) -> object:
    """An undefined Liquid variable stands for Ruby's ``nil``."""
    return None if is_undefined(value) else value


def to_s(value: object) -> str:
    """Ruby's ``to_s`` as Liquid prints it: nil is empty, arrays are joined, times have offsets."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "".join(to_s(item) for item in value)
    if isinstance(value, Mapping):
        return inspect(value)
    if isinstance(value, datetime):
        return ruby_time(value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    return str(value)


def inspect(value: object) -> str:
    """Ruby's ``inspect``: quoted strings, ``nil``, ``[1, "a"]``, ``{"a" => 1}``."""
    value = plain(value)
    if value is None:
        return "nil"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{inspect(key)} => {inspect(item)}" for key, item in value.items()) + "}"
    return to_s(value)


def to_i(value: object) -> int:
    """Ruby's ``to_i``: the leading integer of a text (``"12abc"`` is 12, ``"abc"`` is 0)."""
    value = plain(value)
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, (int, float, Decimal)):
        return int(value)
    match = _LEADING_INTEGER.match(str(value))
    return int(match.group()) if match else 0


def ruby_time(moment: datetime) -> str:
    """``2026-01-01 02:40:14 +0900``: how Ruby prints a time."""
    return strftime(moment, "%Y-%m-%d %H:%M:%S %z").rstrip()


def to_datetime(value: object, zone: ZoneInfo | None) -> datetime | None:
    """Liquid's ``to_date``: a time from a time, a date, a timestamp or a text; ``None`` when it is none.

    A time without an offset is read in the site's zone, as Ruby reads it in
    the local zone (which Jekyll sets from ``timezone``).
    """
    value = plain(value)
    moment = _moment(value, zone)
    if moment is not None and moment.tzinfo is None and zone is not None:
        return moment.replace(tzinfo=zone)
    return moment


def _moment(value: object, zone: ZoneInfo | None) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, int) and not isinstance(value, bool):
        return _from_timestamp(value, zone)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text in ("now", "today"):
        return datetime.now(zone)
    if text.isdigit():
        return _from_timestamp(int(text), zone)
    try:
        return dateutil_parser.parse(text)
    except (ValueError, OverflowError):
        return None


def _from_timestamp(seconds: int, zone: ZoneInfo | None) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, zone or UTC)
    except (ValueError, OverflowError, OSError):
        return None


def strftime(moment: datetime, fmt: str) -> str:
    """Ruby's ``strftime``, with its ``-``, ``_``, ``0``, ``^`` and ``#`` flags and English names.

    A directive Ruby does not know is left as written, as Ruby leaves it.
    """
    fmt = _COMPOSITES.sub(lambda match: _COMPOSITE_FORMATS.get(match.group(1) or "", "%%"), fmt)

    def replace(match: re.Match[str]) -> str:
        text = _directive(moment, *match.groups())
        return match.group() if text is None else text

    return _DIRECTIVE.sub(replace, fmt)


def _directive(moment: datetime, flags: str, width: str, conversion: str) -> str | None:
    if conversion in _NUMBERS:
        number, size, pad = _NUMBERS[conversion]
        return _padded(str(number(moment)), flags, int(width or size), pad)
    if conversion in _WORDS:
        text = _WORDS[conversion](moment)
        if "^" in flags:
            text = text.upper()
        elif "#" in flags:
            text = text.swapcase()
        return text.rjust(int(width or 0), "0" if "0" in flags else " ")
    if conversion in _PLAIN:
        return moment.strftime(f"%{conversion}")
    return None


def _padded(digits: str, flags: str, width: int, pad: str) -> str:
    if "-" in flags:
        return digits
    if "_" in flags:
        pad = " "
    elif "0" in flags:
        pad = "0"
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    return sign + digits.rjust(width - len(sign), pad)


def _colon_offset(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
