"""Gatherings told by their own predicate: a relative clause that holds, sets or calls off the
summit, and the body that convenes a gathering set with no party named."""

import datetime as dt

from tracker.extract import extract
from tracker.extract.status import holding_status
from tracker.extract.tokens import tokenize


def events(text, published=dt.date(2019, 6, 3)):
    return [
        (e.type, e.status, [a.name for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def held(text, noun):
    lows = tokenize(text).lows
    return holding_status(lows, lows.index(noun) + 1)


def test_a_relative_clause_to_be_held_plans_the_gathering():
    assert held("the OIC summit on science, which is to be held in Astana", "summit") == (
        "planned", True)


def test_a_relative_clause_in_the_past_tells_it_held():
    assert held("the meeting of the heads of state that was held in March", "meeting") == (
        "occurred", True)
    assert held("the summit, which took place in Kazan", "summit") == ("occurred", True)


def test_a_predicate_right_after_the_noun_is_not_a_relative_clause():
    assert held("the last summit took place in July", "summit") == ("occurred", False)


def test_another_verb_past_the_complement_tells_nothing_of_the_gathering():
    assert held("the summit in Osaka ended and talks were held", "summit") is None
    assert held("the summit, which Putin attended", "summit") is None


def test_a_summit_named_as_a_topic_with_its_own_schedule_is_an_act_of_its_body():
    text = (
        "Nazarbayev informed Trump about the OIC summit, which is to be held in Astana on June 20."
    )
    assert ("meeting", "planned", ["OIC"]) in events(text)


def test_a_summit_held_before_told_by_a_relative_clause_occurred():
    text = "Modi spoke about the BRICS summit, which was held in Kazan last month."
    assert ("meeting", "occurred", ["BRICS"]) in events(text)


def test_a_summit_named_as_a_setting_stays_a_setting():
    text = "Trump and Xi spoke at the G20 summit in Osaka on Saturday."
    assert not any(actors == ["G20"] for _, _, actors in events(text))


def test_a_summit_set_with_no_party_named_is_its_convening_body():
    text = "The ASEAN summit was originally slated for June 28 but postponed."
    assert ("meeting", "postponed", ["ASEAN"]) in events(text)


def test_a_leaders_retreat_with_a_word_between_is_their_meeting_and_its_venue_no_party():
    got = events("The Caribbean Community (CARICOM) leaders' two-day retreat scheduled for "
                 "Dominica next week has been cancelled.")
    assert got == [("meeting", "cancelled", ["CARICOM"])]
    assert events("The rebels retreat from the city.") == []


def test_the_state_a_visit_is_planned_for_is_its_host():
    got = events("The visit planned for Japan was put off by Modi.")
    assert got == [("meeting", "postponed", ["Narendra Modi", "Japan"])]


def test_a_gathering_of_theirs_concluded_or_resumed_is_told_anew():
    # "concluded their 118th meeting", like "held their first talks": the act itself, not one
    # told before
    assert events(
        "India and Pakistan concluded their 118th meeting of the Permanent Indus Commission on "
        "Tuesday."
    ) == [("meeting", "occurred", ["India", "Pakistan"])]
    assert events("Serbia and Kosovo resumed their talks in Brussels on Friday.") == [
        ("talks", "occurred", ["Serbia", "Kosovo"])
    ]
    # a gathering of theirs spoken of is still the one told before
    assert events("India and Pakistan described their meeting as useful.") == []
