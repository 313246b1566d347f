"""The text the date finder's sentence-wide searches scan grows linearly with a sentence.

tests/extract/test_linear_time.py counts the Python lines the extractor runs; a regular
expression searched over the whole sentence once per time found runs in C and escapes that
count. This counts the characters those searches are given (deterministic, not timed): one
long sentence with a time every few words took 9 s at 24,000 words and minutes at 100,000
(`tracker extract` has no time budget, and `ingest`'s is checked between sentences only).
"""

from __future__ import annotations

import pytest

import tracker.extract.dates as dates
from tracker.extract import extract

GROWTH = 1.5  # characters scanned per KB may not grow more than this from 5 to 20 KB

UNITS = [
    '"Putin will meet Xi on Monday, ',  # a future cue, then a time every few words
    "the visit in November and ",  # months in a sentence that tells nothing past
]


class _Counting:
    """A compiled pattern that adds up the length of the text each search is given."""

    def __init__(self, pattern) -> None:
        self.pattern, self.scanned = pattern, 0

    def search(self, string, pos=0, endpos=None):
        end = len(string) if endpos is None else min(endpos, len(string))
        self.scanned += max(0, end - pos)
        return self.pattern.search(string, pos, end)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def scanned_per_kilobyte(unit: str, kilobytes: int, monkeypatch) -> float:
    counters = {name: _Counting(getattr(dates, name)) for name in ("_PAST_BETWEEN", "_PAST_TOLD")}
    for name, counter in counters.items():
        monkeypatch.setattr(dates, name, counter)
    body = (unit * (kilobytes * 1024 // len(unit) + 1)).rstrip(" ,and") + "."
    extract("A generated article\n\n" + body)
    return sum(c.scanned for c in counters.values()) / kilobytes


@pytest.mark.parametrize("unit", UNITS)
def test_the_date_finders_searches_scan_a_long_sentence_once(unit, monkeypatch):
    small = scanned_per_kilobyte(unit, 5, monkeypatch)
    large = scanned_per_kilobyte(unit, 20, monkeypatch)
    assert small > 0, "the searches counted are the ones the sentence needs"
    assert large <= GROWTH * small, (small, large)
