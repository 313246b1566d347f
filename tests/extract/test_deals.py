"""Agreements, meetings and talks as news tells them: deals made, sides that commit together."""

import datetime as dt

from tracker.extract import extract

PUBLISHED = dt.date(2024, 6, 12)


def found(body):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    return [(e.type, e.status, sorted(a.name for a in e.actors)) for e in events]


def test_a_pact_struck_or_a_deal_inked_is_an_agreement_not_an_attack():
    got = found("Kenya and Ethiopia struck a defence pact in 2021, officials said.")
    assert ("agreement", "occurred", ["Ethiopia", "Kenya"]) in got
    assert not any(t == "military" for t, _, _ in got)
    got = found("Brazil inked a new trade deal with Argentina on Monday.")
    assert got and got[0][:2] == ("agreement", "occurred")
    assert found("Israel struck targets in Lebanon on Monday.")[0][0] == "military"
