"""Who receives aid: a state the aid is told to go to as a place ("relief efforts in Nepal",
"ships arrived in Havana with aid"), and in a story of a disaster, aid told without any
recipient goes to the state the story is about."""

import datetime as dt

import pytest

from tests.extract_helpers import parties_of
from tracker.extract import extract


def aid(text, published=dt.date(2024, 3, 6)):
    return parties_of("aid", text, published)


def test_a_state_where_the_aid_goes_is_its_recipient():
    found = aid("Norway pledged $5 million to support relief efforts in Nepal on Monday.")
    assert found and set(found[0]) == {"Norway", "Nepal"}


def test_an_organisation_named_as_a_place_is_no_recipient():
    text = "Norway pledged $5 million in aid at the NATO summit on Monday."
    assert all("NATO" not in names for names in aid(text))


def test_aid_in_a_disaster_story_goes_to_the_stricken_state():
    text = (
        "A powerful earthquake struck Nepal on Saturday, and Nepal asked for help.\n"
        "Rescue teams were still searching in Nepal on Sunday.\n"
        "Norway pledged $5 million to help the victims."
    )
    found = aid(text)
    assert any(set(names) == {"Norway", "Nepal"} for names in found)


def test_aid_outside_a_disaster_story_gets_no_guessed_recipient():
    text = (
        "Nepal and India held talks on trade in Kathmandu on Monday.\n"
        "Nepal wants more investment from India.\n"
        "Norway pledged $5 million in aid."
    )
    assert all(names == ["Norway"] for names in aid(text))


@pytest.mark.parametrize(
    "sentence, status, parties",
    [
        ("Japan will provide Ukraine with $4.5 billion in financial support.", "planned",
         ["Japan", "Ukraine"]),
        ("The IMF agreed to lend Egypt $3 billion.", "planned",
         ["IMF", "Egypt"]),
        ("China granted Cambodia $200 million in aid.", "occurred", ["China", "Cambodia"]),
        ("The US supplied Kyiv with weapons.", "occurred", ["United States", "Ukraine"]),
        ("India gifted two helicopters to the Maldives.", "occurred", ["India", "Maldives"]),
    ],
)
def test_the_party_provided_lent_or_granted_money_or_goods_receives_aid(
    sentence, status, parties
):
    got = extract(f"Test\n\n{sentence}\n", published=dt.date(2020, 5, 5)).events
    assert [(e.type, e.status, [a.name for a in e.actors]) for e in got] == [
        ("aid", status, parties)
    ]
    assert [a.role for a in got[0].actors] == ["initiator", "target"]


def test_a_measure_named_by_a_definite_noun_is_recorded_unless_one_of_its_kind_was_told():
    def kinds(body):
        events = extract(f"Test\n\n{body}\n", published=dt.date(2024, 3, 6)).events
        return [(e.type, [a.name for a in e.actors]) for e in events]

    # no aid told before: the aid the reader is taken to know is an act all the same
    assert kinds("Washington restored part of the assistance to Egypt the following year.") == [
        ("aid", ["United States", "Egypt"])
    ]
    # told before: the definite noun names it again, no second act
    got = kinds("The United States sent aid to Egypt on Monday. Washington said the aid would "
                "help Egypt.")
    assert [k for k, _ in got].count("aid") == 1
