import datetime as dt

import pytest

from tracker.extract.dates import parse_when

BASE = dt.date(2025, 1, 24)  # a Friday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("12 Feb 2025", "2025-02-12", "2025-02-12", "day"),
        ("next Tuesday", "2025-01-28", "2025-01-28", "day"),
        ("March 2025", "2025-03-01", "2025-03-31", "month"),
        ("last week", "2025-01-13", "2025-01-19", "week"),
        ("2024", "2024-01-01", "2024-12-31", "year"),
    ],
)
def test_parse_when_keeps_precision(text, start, end, precision):
    when = parse_when(text, BASE)
    assert when is not None
    assert (when.start.isoformat(), when.end.isoformat(), when.precision) == (start, end, precision)


def test_parse_when_rejects_nonsense():
    assert parse_when("the day after never", BASE) is None
    assert parse_when("", BASE) is None
