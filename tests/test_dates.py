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


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("March 2025", "2025-03-01", "2025-03-31"),
        ("since 2024", "2024-01-01", None),
        ("until next Friday", None, "2025-01-31"),
        ("Jan 2025 to March 2025", "2025-01-01", "2025-03-31"),
        ("upcoming", "2025-01-24", None),
    ],
)
def test_parse_range_reads_time_ranges(text, since, until):
    from tracker.extract.dates import parse_range

    found = parse_range(text, BASE)
    assert found is not None
    assert (found.since and found.since.isoformat(), found.until and found.until.isoformat()) == (
        since,
        until,
    )


def test_parse_range_rejects_nonsense():
    from tracker.extract.dates import parse_range

    assert parse_range("since the dawn of nothing", BASE) is None
