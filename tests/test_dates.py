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


# ------------------------------------------------------------------ reading forward or back

DEC_2 = dt.date(2026, 12, 2)  # a Wednesday


def _read(text, direction, base=DEC_2):
    when = parse_when(text, base, direction)
    assert when is not None, text
    return when.start.isoformat(), when.end.isoformat(), when.precision


@pytest.mark.parametrize(
    ("text", "forward", "backward"),
    [
        ("early March", ("2027-03-01", "2027-03-10"), ("2026-03-01", "2026-03-10")),
        ("mid-January", ("2027-01-11", "2027-01-20"), ("2026-01-11", "2026-01-20")),
        ("late November", ("2027-11-21", "2027-11-30"), ("2026-11-21", "2026-11-30")),
        ("March", ("2027-03-01", "2027-03-31"), ("2026-03-01", "2026-03-31")),
        ("December", ("2026-12-01", "2026-12-31"), ("2026-12-01", "2026-12-31")),
        ("4 Dec", ("2026-12-04", "2026-12-04"), ("2025-12-04", "2025-12-04")),
        ("1 December", ("2027-12-01", "2027-12-01"), ("2026-12-01", "2026-12-01")),
        ("Jan 5th", ("2027-01-05", "2027-01-05"), ("2026-01-05", "2026-01-05")),
        ("Friday", ("2026-12-04", "2026-12-04"), ("2026-11-27", "2026-11-27")),
        ("Wednesday", ("2026-12-02", "2026-12-02"), ("2026-12-02", "2026-12-02")),
        ("Q1", ("2027-01-01", "2027-03-31"), ("2026-01-01", "2026-03-31")),
        ("spring", ("2027-03-01", "2027-05-31"), ("2026-03-01", "2026-05-31")),
        ("29 Feb", ("2028-02-29", "2028-02-29"), ("2024-02-29", "2024-02-29")),
        ("the week of 7 Dec", ("2026-12-07", "2026-12-13"), ("2025-12-01", "2025-12-07")),
    ],
)
def test_a_time_without_its_year_reads_forward_or_backward(text, forward, backward):
    assert _read(text, "forward")[:2] == forward
    assert _read(text, "backward")[:2] == backward


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "label"),
    [
        ("early January 2027", "2027-01-01", "2027-01-10", "month", "early Jan 2027"),
        ("mid-March 2027", "2027-03-11", "2027-03-20", "month", "mid Mar 2027"),
        ("late February 2028", "2028-02-21", "2028-02-29", "month", "late Feb 2028"),
        ("end of the month", "2026-12-21", "2026-12-31", "month", "late Dec 2026"),
        ("by the end of next month", "2027-01-21", "2027-01-31", "month", "late Jan 2027"),
        ("beginning of next month", "2027-01-01", "2027-01-10", "month", "early Jan 2027"),
        ("end of March", "2027-03-21", "2027-03-31", "month", "late Mar 2027"),
        ("next spring", "2027-03-01", "2027-05-31", "quarter", "spring 2027"),
        ("this summer", "2026-06-01", "2026-08-31", "quarter", "summer 2026"),
        ("this winter", "2026-12-01", "2027-02-28", "quarter", "winter 2026/27"),
        ("next autumn", "2027-09-01", "2027-11-30", "quarter", "autumn 2027"),
        ("last fall", "2026-09-01", "2026-11-30", "quarter", "autumn 2026"),
        ("winter 2027", "2026-12-01", "2027-02-28", "quarter", "winter 2026/27"),
        ("Q1 2027", "2027-01-01", "2027-03-31", "quarter", "Q1 2027"),
        ("first quarter of 2027", "2027-01-01", "2027-03-31", "quarter", "Q1 2027"),
        ("the fourth quarter of 2026", "2026-10-01", "2026-12-31", "quarter", "Q4 2026"),
        ("2027-Q3", "2027-07-01", "2027-09-30", "quarter", "Q3 2027"),
        ("next quarter", "2027-01-01", "2027-03-31", "quarter", "Q1 2027"),
        ("the week of 7 Dec", "2026-12-07", "2026-12-13", "week", "week of Mon 7 Dec 2026"),
        ("week of 9 December 2026", "2026-12-07", "2026-12-13", "week", "week of Mon 7 Dec 2026"),
        ("next Friday", "2026-12-04", "2026-12-04", "day", "Fri 4 Dec 2026"),
        ("early 2027", "2027-01-01", "2027-04-30", "year", "early 2027"),
        ("end of 2027", "2027-12-01", "2027-12-31", "month", "Dec 2027"),
        ("in 2027", "2027-01-01", "2027-12-31", "year", "~2027"),
    ],
)
def test_the_language_of_planned_times(text, start, end, precision, label):
    assert _read(text, "forward") == (start, end, precision)
    assert parse_when(text, DEC_2, "forward").label() == label


@pytest.mark.parametrize(
    "text",
    ["Fri 4 Dec 2026", "week of Mon 7 Dec 2026", "early Mar 2027", "mid Jan 2027",
     "late Feb 2028", "Mar 2027", "Q1 2027", "spring 2027", "winter 2026/27", "~2027",
     "early 2027", "late 2027"],
)
def test_every_label_reads_back_as_itself(text):
    for direction in ("forward", "backward", "nearest"):
        assert parse_when(text, DEC_2, direction).label() == text


@pytest.mark.parametrize(
    "text", ["Thu 4 Dec 2026", "31 June 2026", "winter 2026/29", "Q5 2027", "0000", "30 Feb"]
)
def test_a_time_that_does_not_exist_is_not_understood(text):
    assert parse_when(text, DEC_2, "forward") is None


def test_nearest_takes_the_closest_occurrence():
    assert _read("March", "nearest")[:2] == ("2027-03-01", "2027-03-31")
    assert _read("October", "nearest")[:2] == ("2026-10-01", "2026-10-31")
    assert _read("Monday", "nearest")[:2] == ("2026-11-30", "2026-11-30")
    assert _read("Saturday", "nearest")[:2] == ("2026-12-05", "2026-12-05")


def test_an_unknown_direction_is_a_programming_error():
    with pytest.raises(ValueError, match="direction"):
        parse_when("March", DEC_2, "sideways")


def test_time_ranges_read_since_backward_and_until_forward():
    from tracker.extract.dates import parse_range

    since = parse_range("since March", DEC_2)
    until = parse_range("until March", DEC_2)
    assert since.since == dt.date(2026, 3, 1) and until.until == dt.date(2027, 3, 31)
    winter = parse_range("November to February", DEC_2)
    assert (winter.since, winter.until) == (dt.date(2026, 11, 1), dt.date(2027, 2, 28))


def test_the_extractor_reads_with_its_own_direction():
    from tracker.extract.dates import find_dates

    [past] = find_dates("They met in early March.", DEC_2)
    [ahead] = find_dates("They will meet in early March.", DEC_2, future_from=5)
    assert past.when.start == dt.date(2026, 3, 1)
    assert ahead.when.start == dt.date(2027, 3, 1)


# ------------------------------------------------------------------ labels


@pytest.mark.parametrize(
    ("when", "label"),
    [
        (("2026-12-04", "2026-12-04", "day"), "Fri 4 Dec 2026"),
        (("2026-12-07", "2026-12-13", "week"), "week of Mon 7 Dec 2026"),
        (("2027-03-01", "2027-03-31", "month"), "Mar 2027"),
        (("2027-01-01", "2027-03-31", "quarter"), "Q1 2027"),
        (("2027-01-01", "2027-12-31", "year"), "~2027"),
        (("0001-01-01", "0001-01-01", "day"), "Mon 1 Jan 1"),
        (("9999-12-31", "9999-12-31", "day"), "Fri 31 Dec 9999"),
    ],
)
def test_labels_show_the_weekday_of_a_day(when, label):
    from tracker.domain import When

    start, end, precision = when
    value = When(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision)
    assert value.label() == label


# ------------------------------------------------------------------ the edges of time

EDGE_BASES = [
    dt.date.min, dt.date(1, 1, 3), dt.date(1, 1, 7), dt.date(1, 2, 1),
    dt.date.max, dt.date(9999, 12, 27), dt.date(9999, 12, 1), dt.date(9999, 11, 30),
]
EXPRESSIONS = [
    "next month", "next year", "last year", "yesterday", "tomorrow", "last week", "next week",
    "this week", "in 3 days", "3 days ago", "in 10 years", "December", "January", "Friday",
    "next Friday", "last Monday", "Q4", "Q1", "next quarter", "last quarter", "winter",
    "next spring", "last spring", "end of next month", "early January", "late December",
    "the week of 31 Dec", "the week of 1 Jan", "31 Dec 9999", "1 Jan 0001", "9999", "0000",
    "early 9999", "winter 9999", "winter 0001", "29 Feb", "in December 9999", "next winter",
]


def test_no_expression_and_no_base_raises():
    """Every expression, from every base at the edges of the calendar, in every direction:
    a When within years 1-9999, or None; never an exception."""
    import random

    from tracker.extract.dates import parse_range

    rng = random.Random(9999)
    bases = EDGE_BASES + [
        dt.date.fromordinal(rng.randint(1, dt.date.max.toordinal())) for _ in range(12)
    ]
    for base in bases:
        for text in EXPRESSIONS:
            for direction in ("forward", "backward", "nearest"):
                when = parse_when(text, base, direction)
                if when is not None:
                    assert when.start <= when.end
            for prefix in ("", "since ", "until ", "after ", "before "):
                parse_range(prefix + text, base)


def test_out_of_range_results_are_no_time():
    assert parse_when("next month", dt.date.max, "forward") is None
    assert parse_when("next year", dt.date(9999, 6, 1), "forward") is None
    assert parse_when("yesterday", dt.date.min) is None
    assert parse_when("last week", dt.date.min) is None
    assert parse_when("January", dt.date(9999, 12, 31), "forward") is None
    # what still exists is kept
    assert parse_when("in December 9999", dt.date.max, "forward").start == dt.date(9999, 12, 1)
    assert parse_when("this week", dt.date.max).end == dt.date.max


def test_articles_at_the_edges_of_time_extract_without_error():
    from tracker.extract import extract
    from tracker.extract.dates import find_dates, resolve_expression

    sentences = [
        "Putin will meet Trump next month.", "They will meet in December 9999.",
        "Putin will visit Beijing next year.", "Trump spoke to Putin yesterday.",
        "Trump met Putin last week.", "They met over the weekend.", "They will talk on Friday.",
        "They met on Dec. 31 and will meet again on Jan. 2.",
    ]
    resolve_expression.cache_clear()
    for published in (dt.date.max, dt.date.min, dt.date(9999, 12, 27), dt.date(1, 1, 3)):
        for sentence in sentences:
            for future_from in (None, 0):
                for found in find_dates(sentence, published, future_from):
                    assert found.when is None or found.when.start <= found.when.end
            extract(f"Talks\n\n{sentence}", published=published)
        text = f"---\ntitle: Edge\npublished: {published.isoformat()}\n---\n\n" + " ".join(
            sentences
        )
        assert extract(text).article.published == published
