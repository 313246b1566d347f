"""A visitor who meets no one named is the guest of the state where the meeting is told
("Nuland met the coup leaders in Niamey"); not where someone spoke of it, not a topic
("the Syria donors conference"), not a visit told by a pronoun."""

import datetime as dt

from tests.extract_helpers import parties_of


def meetings(text, published=dt.date(2024, 3, 6)):
    return parties_of("meeting", text, published)


def test_a_visitor_meeting_unnamed_officials_meets_the_host_state():
    found = meetings("Kenyan President William Ruto met senior officials in Accra on Monday.")
    assert found and found[0] == ["William Ruto", "Ghana"]


def test_an_arrival_in_a_state_is_a_visit_to_it():
    found = meetings("Indian Prime Minister Narendra Modi's arrival in Nepal has been delayed.")
    assert found and set(found[0]) == {"Narendra Modi", "Nepal"}


def test_a_named_counterpart_leaves_the_place_out():
    found = meetings("William Ruto met Bola Tinubu in Accra on Monday.")
    assert found and "Ghana" not in found[0]


def test_the_visitors_own_capital_is_no_host():
    found = meetings("Kenyan President William Ruto met senior officials in Nairobi on Monday.")
    assert all("Kenya" not in names for names in found)


def test_a_state_naming_a_topic_is_no_host():
    text = "Narendra Modi met delegates at the Ghana investment forum on Monday."
    assert all("Ghana" not in names for names in meetings(text))
