"""Readings of real news found in session 25 (each general, each failing before its change)."""

import datetime as dt

from tracker.extract import extract


def events(text, published=dt.date(2024, 3, 6)):
    return [
        (e.type, e.status, [a.name for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def test_criticism_in_other_words_is_another_statement():
    told = events(
        "China has criticised the joint military exercise of the United States and the "
        "Philippines. In response, China accused the Philippines of insensitivity to the "
        "region's solidarity."
    )
    assert [t for t, _, _ in told].count("criticism") == 2
    assert ("criticism", "occurred", ["China", "Philippines"]) in told
    # the same words again are the statement retold
    told = events(
        "China criticised the Philippines on Monday. China criticised the Philippines for "
        "the drills, a spokesman said on Monday."
    )
    assert [t for t, _, _ in told].count("criticism") == 1
