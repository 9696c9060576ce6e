from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jekyll_posts.core.dates import DateError, date_from_file_name, format_date_ja, parse_date

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-01 02:40:14 +0000", datetime(2026, 1, 1, 11, 40, 14, tzinfo=TOKYO)),
        ("2026-01-01 02:40:14 +09:00", datetime(2026, 1, 1, 2, 40, 14, tzinfo=TOKYO)),
        ("2026-01-01 02:40:14 +0900", datetime(2026, 1, 1, 2, 40, 14, tzinfo=TOKYO)),
        ("2026-01-01T02:40:14-05:00", datetime(2026, 1, 1, 16, 40, 14, tzinfo=TOKYO)),
        ("2016-10-23T21:57", datetime(2016, 10, 23, 21, 57, tzinfo=TOKYO)),
        ("2026-01-01", datetime(2026, 1, 1, tzinfo=TOKYO)),
        ("  2026-1-5 ", datetime(2026, 1, 5, tzinfo=TOKYO)),
        ("2021/08/04 21:00:00", datetime(2021, 8, 4, 21, tzinfo=TOKYO)),  # Ruby's Time.parse reads it (a real blog)
        ("2021/8/4", datetime(2021, 8, 4, tzinfo=TOKYO)),
        (date(2026, 3, 1), datetime(2026, 3, 1, tzinfo=TOKYO)),
        (datetime(2026, 3, 1, 12, 0), datetime(2026, 3, 1, 12, 0, tzinfo=TOKYO)),
    ],
)
def test_jekyll_date_forms_become_aware_times_in_the_site_zone(value: object, expected: datetime) -> None:
    parsed = parse_date(value, TOKYO)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(hours=9)


def test_dates_with_and_without_offsets_compare() -> None:
    dates = [parse_date(text, TOKYO) for text in ("2026-01-01", "2026-01-01 00:30:00 +0000", "2025-12-31T23:00")]
    assert sorted(dates) == [dates[2], dates[0], dates[1]]


@pytest.mark.parametrize(
    "value", ["2026-02-30", "yesterday", "", "01/02/2026", "2026/01-02", 2026, None, ["2026-01-01"]]
)
def test_values_that_are_not_dates_are_refused(value: object) -> None:
    with pytest.raises(DateError):
        parse_date(value, TOKYO)


def test_date_from_jekyll_file_name() -> None:
    assert date_from_file_name("2024-06-01-welcome.md", TOKYO) == datetime(2024, 6, 1, tzinfo=TOKYO)
    assert date_from_file_name("welcome.md", TOKYO) is None
    assert date_from_file_name("2024-13-01-impossible.md", TOKYO) is None


def test_japanese_date_format() -> None:
    assert format_date_ja(datetime(2026, 1, 1, 11, 40, tzinfo=TOKYO)) == "2026年1月1日"
    assert format_date_ja(datetime(2025, 12, 25, tzinfo=TOKYO)) == "2025年12月25日"
