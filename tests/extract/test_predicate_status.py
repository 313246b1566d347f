"""Status from the predicate of an event noun in subject position (tracker/extract/predicate.py)."""

import datetime as dt

import pytest

from tracker.extract import extract
from tracker.extract.predicate import predicate_status
from tracker.extract.tokens import tokenize

PUBLISHED = dt.date(2024, 6, 12)


def first_event(body):
    found = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert found, body
    return found[0]


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # the verb group comes long after the noun
        ("Talks between the European Commission and Russia over the supply of gas to "
         "Ukraine have been postponed until next week, the ministry said.", "talks", "postponed"),
        ("The summit between Kenyan President William Ruto and the leaders of Ethiopia, "
         "Somalia and Sudan had been scrapped after the attack.", "meeting", "cancelled"),
        ("A visit of Kenyan President William Ruto to Nigeria scheduled for Friday has been "
         "rescheduled.", "meeting", "postponed"),
        ("Talks between Armenia and Azerbaijan got postponed.", "talks", "postponed"),
        # a passive future: the act is ahead
        ("The peace agreement between Armenia and Azerbaijan will be formally signed on "
         "June 26 in Geneva.", "agreement", "planned"),
        # a bare past tense tells the act itself
        ("Talks between Armenia and Azerbaijan ended without a result.", "talks", "occurred"),
        ("Talks between Armenia and Azerbaijan were held in Geneva on Monday.", "talks",
         "occurred"),
    ],
)
def test_predicate_sets_status(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


def test_pledged_aid_is_planned():
    event = first_event("Kuwait pledged $500 million in aid to Syria.")
    assert (event.type, event.status) == ("aid", "planned")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks have not been postponed", None),  # a negation tells no change
        ("talks , the minister said , were postponed", None),  # another clause's verb
        ("talks between Jordan , Egypt and Israel were cancelled", "cancelled"),
        ("talks are due next week", "planned"),
        ("talks began on Monday", None),
    ],
)
def test_predicate_status_words(text, expected):
    lows = [t.low for t in tokenize(text)]
    assert predicate_status(lows, 1) == expected


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        ("Japanese Prime Minister Shinzo Abe said he is arranging a meeting with South Korean "
         "President Moon Jae-in.", "meeting", "planned"),
        ("Kerry's visit to Pakistan is now likely in the first half of July.", "meeting",
         "planned"),
        ("The Syria crisis forced John Kerry to reschedule his visit to Pakistan.", "meeting",
         "postponed"),
    ],
)
def test_status_cues_from_news(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # a deal offered on a condition is a proposal, not a plan
        ("Putin said he would agree to a 30-day truce with Ukraine only if Kyiv stopped "
         "receiving weapons.", "agreement", "proposed"),
        ("Erdogan is trying to bring Russia and Ukraine into peace talks.", "talks",
         "proposed"),
        ("Ri said that North Korea now had the right to shoot down U.S. warplanes.",
         "military", "threatened"),
    ],
)
def test_offers_and_threats(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)
