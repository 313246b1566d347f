"""The hand-written date resolver gives what the dateparser path gives, without dateparser."""

import datetime as dt

import pytest

from tracker.extract import dates
from tracker.extract.dates import (
    _parse_absolute,
    _parse_absolute_dateparser,
    find_dates,
    parse_when,
    resolve_expression,
)

BASES = [
    dt.date(2024, 6, 12), dt.date(2025, 1, 1), dt.date(2023, 12, 31), dt.date(2025, 3, 3),
    dt.date(2022, 2, 27), dt.date(2024, 2, 29),
]
MONTHS = [
    "January", "February", "March", "May", "June", "September", "December",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
]


@pytest.mark.parametrize("month", MONTHS)
def test_absolute_dates_match_dateparser(month):
    for day in (0, 1, 9, 12, 28, 29, 30, 31, 32):
        for year in (1999, 2020, 2023, 2024):
            for expression in (
                f"{day} {month} {year}", f"{day} {month}, {year}",
                f"{month} {day}, {year}", f"{month} {day} {year}",
            ):
                fast = _parse_absolute.__wrapped__(expression)
                assert fast == _parse_absolute_dateparser(expression), expression


SENTENCES = [
    "They met on 3 June 2022.", "They met on June 12.", "They met on June 12, 2021.",
    "They met on Feb. 12, 2025.", "They met on Sept. 5.", "They met on 12 Mar.",
    "They met on June 12th, 2021.", "They met on 31 June.", "They met on Feb. 29.",
    "They met on 4 February 2023.", "They met on Dec. 31, 2024.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentences_resolve_as_through_dateparser(sentence, monkeypatch):
    def run():
        resolve_expression.cache_clear()
        return [
            [(d.text, d.when) for d in find_dates(sentence, base)] for base in (*BASES, None)
        ]

    fast = run()
    monkeypatch.setattr(dates, "_parse_absolute", _parse_absolute_dateparser)
    slow = run()
    resolve_expression.cache_clear()
    assert fast == slow


# Forms that read the same in an article (past context) as typed in the CLI for something that
# happened (direction "backward"). "this Tuesday", a bare "in March" and a bare "June 12" more
# than a month ahead differ on purpose: an article in the past tense reads them backwards from
# its date.
RELATIVE = [
    "last Tuesday", "next Tuesday", "on Tuesday", "Tuesday", "last Sunday", "next Monday",
    "last week", "next week", "this week", "yesterday", "today", "tomorrow", "last month",
    "next month", "this month", "last year", "next year", "this year", "March 2023", "in 2019",
    "2024-02-03", "June 12, 2021", "3 June 2022", "Feb. 12, 2025",
]


@pytest.mark.parametrize("expression", RELATIVE)
def test_relative_forms_agree_with_dateparser(expression):
    for base in BASES:
        found = [d.when for d in find_dates(expression, base) if d.when]
        assert found, expression
        assert found[0] == parse_when(expression, base, "backward"), (expression, base)


def test_no_dateparser_call_for_common_forms(monkeypatch):
    def fail(expression):
        raise AssertionError(f"dateparser called for {expression!r}")

    monkeypatch.setattr(dates, "_parse_absolute_dateparser", fail)
    _parse_absolute.cache_clear()
    resolve_expression.cache_clear()
    text = (
        "On 3 June 2022 and on June 12, 2021, and on Feb. 12, 2025, they met; last Tuesday, "
        "last week, in March, in 2019, yesterday and on 2024-05-01 too."
    )
    assert all(d.when for d in find_dates(text, dt.date(2024, 6, 12)))
    _parse_absolute.cache_clear()
    resolve_expression.cache_clear()
