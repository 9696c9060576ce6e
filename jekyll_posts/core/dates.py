"""Post dates, read the way Jekyll reads them and shown the Japanese way.

Every date this module returns is timezone-aware and expressed in the site's
time zone, so any two post dates compare without a naive/aware mix:

- ``2026-01-01 02:40:14 +0000``, ``2026-01-01T11:40:14+09:00``, ``... +0900``:
  the offset is honoured, then the time is converted to the site's zone;
- ``2016-10-23T21:57`` or ``2026-01-01 02:40``: a wall-clock time in the site's zone;
- ``2026-01-01``: midnight in the site's zone;
- no ``date`` key: the ``YYYY-MM-DD-`` prefix of the file name, if any.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

#: a date's text starts with its year, month and day, by ``-`` or ``/`` (Ruby's ``Time.parse``, which
#: Jekyll reads a date with, takes ``2021/08/04 21:00:00`` too)
_DATE_PREFIX = re.compile(r"^\d{4}([-/])\d{1,2}\1\d{1,2}(?=$|[-_ T])")
#: A Jekyll post's file name (4.3's ``Document::DATE_FILENAME_MATCHER``): a date, one-digit months and days
#: and two-digit years allowed, ``-``, the rest
_DATED_NAME = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$", re.DOTALL)


class DateError(ValueError):
    """A value that is not a date a reader would accept."""


def parse_date(value: object, zone: ZoneInfo) -> datetime:
    """Read a front matter ``date`` value into an aware datetime in ``zone``."""
    if isinstance(value, datetime):
        return _in_zone(value, zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=zone)
    if not isinstance(value, str):
        raise DateError(f"expected a date such as 2026-01-01 or 2026-01-01 09:30:00 +0900, got {value!r}")
    text = value.strip()
    if not _DATE_PREFIX.match(text):
        raise DateError(f"{value!r} does not start with a YYYY-MM-DD date")
    try:
        parsed = _parsed(text)
    except (ValueError, OverflowError) as error:
        raise DateError(f"{value!r} is not a real calendar date") from error
    return _in_zone(parsed, zone)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> datetime:
    """dateutil's reading of a date's text, once for the post's record, its old URL in each zone
    and its Liquid ``page.date`` (dateutil took 185 µs a date)."""
    return dateutil_parser.parse(text)


def written_day(value: object) -> date:
    """The day a date value names as written, in its own offset: ``2026-03-03 21:00 +0000`` is the
    3rd, whichever zone the site shows it in (the file name beside it was written the same way)."""
    if isinstance(value, datetime | date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return dateutil_parser.parse(str(value).strip()).date()
    except (ValueError, OverflowError) as error:
        raise DateError(f"{value!r} is not a real calendar date") from error


def split_dated_name(name: str) -> tuple[date, str] | None:
    """``(date, rest)`` of a name that starts with a date as Jekyll reads post file names
    (``2026-01-05-title.md``, ``2017-2-5-title.md``, ``17-2-5-title.md``); ``None`` otherwise."""
    match = _DATED_NAME.match(name)
    if match is None:
        return None
    digits, month, day, rest = match.groups()
    year = int(digits) + (0 if len(digits) != 2 else 2000 if int(digits) < 69 else 1900)  # Ruby's Time.parse
    try:
        return date(year, int(month), int(day)), rest
    except ValueError:
        return None


def date_from_file_name(name: str, zone: ZoneInfo) -> datetime | None:
    """The date of a Jekyll post file name ``YYYY-MM-DD-title.md``, if it has one."""
    split = split_dated_name(name)
    return datetime.combine(split[0], time(), tzinfo=zone) if split else None


def format_date_ja(moment: datetime) -> str:
    """``2026年1月1日``: the date as a Japanese reader writes it."""
    return f"{moment.year}年{moment.month}月{moment.day}日"


def _in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)
