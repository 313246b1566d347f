import datetime as dt

import pytest

from tracker.extract import extract

PUBLISHED = dt.date(2024, 6, 12)


def events(body):
    return extract(f"Test\n\n{body}\n", published=PUBLISHED).events


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        ("Kenyan President William Ruto met Nigerian President Bola Tinubu on Monday.",
         "meeting", "occurred"),
        ("Kenyan President William Ruto is expected to visit Nigeria next week.",
         "meeting", "planned"),
        ("Kenyan President William Ruto is supposed to visit Nigeria next week.",
         "meeting", "planned"),
        ("Li was supposed to hold talks with Japanese lawmakers on Monday.", "talks", "planned"),
        ("Trump campaigned on the promise to slap a tariff on all imports from China.",
         "sanctions", "planned"),
        ("Kenyan President William Ruto offered to negotiate with Ethiopia.",
         "talks", "proposed"),
        ("Brazil threatened to impose tariffs on Argentina if no deal is reached.",
         "sanctions", "threatened"),
        ("Kenyan President William Ruto called off his planned visit to Ethiopia.",
         "meeting", "cancelled"),
        ("Kenyan President William Ruto postponed his visit to Ethiopia.",
         "meeting", "postponed"),
        ("Egypt condemned the strikes by Israel.", "criticism", "occurred"),
        # a vow is a commitment to a future act, as "pledged" is
        ("Kenya vowed on Tuesday to deploy troops to Somalia.", "military", "planned"),
    ],
)
def test_status_from_modality(body, event_type, status):
    found = events(body)
    assert [(e.type, e.status) for e in found][:1] == [(event_type, status)]


@pytest.mark.parametrize(
    "body",
    [
        "The Kremlin denied that any meeting with Ukraine was planned.",
        "No call between Brazil and Argentina is scheduled.",
        "Analysts asked whether Brazil would meet Argentina?",
        "Brazil could meet Argentina at some point.",
        "Bolivia cannot expect a sincere dialogue with Chile.",
        "\"We cannot be bought by aid from Australia,\" Tong said.",
    ],
)
def test_denials_negations_questions_and_hypotheticals_yield_nothing(body):
    assert events(body) == []


def test_a_verb_of_its_own_after_a_denial_or_negation_is_told():
    # "and" with an object between: the subject's next act, not one denied or negated
    found = events("Moscow denies supporting the rebels and accuses the West of blocking a "
                   "political settlement.")
    assert [e.type for e in found] == ["criticism"]
    assert [e.type for e in events("Kenya did not attend the summit and criticised its host "
                                   "Ethiopia.")] == ["criticism"]
    # what is denied or negated together stays denied
    assert events("Peskov denied that Russia had attacked Ukraine and threatened Kyiv.") == []
    assert events("Moscow denies supporting the rebels and arming them.") == []


def test_evidence_offsets_point_into_the_original_text():
    text = "Title\n\nBrazil condemned the strikes by Israel. Chile welcomed the accord.\n"
    for event in extract(text).events:
        assert text[event.start : event.end] == event.evidence


def test_a_passive_cue_after_the_trigger_sets_the_status():
    found = events("Kenya's talks with Ethiopia were postponed.")
    assert [(e.type, e.status) for e in found] == [("talks", "postponed")]


def test_a_reaction_to_a_measure_targets_whoever_took_it():
    found = events(
        "Brazil imposed sanctions on Argentina on Monday. Argentina condemned the measures."
    )
    criticism = next(e for e in found if e.type == "criticism")
    assert [a.name for a in criticism.actors] == ["Argentina", "Brazil"]


def test_a_meeting_that_will_take_place_is_planned():
    from tracker.extract import extract

    for text in (
        "The meeting between Putin and Erdogan will take place in Sochi.",
        "The summit between Biden and Xi will go ahead as planned.",
    ):
        events = extract(f"Test\n\n{text}\n").events
        assert [(e.type, e.status) for e in events] == [("meeting", "planned")], text


def test_an_act_an_effort_is_aimed_at_is_proposed():
    from tracker.extract import extract

    text = "The talks have been aimed at brokering a ceasefire agreement between Israel and Hamas."
    events = extract(f"Test\n\n{text}\n").events
    assert [(e.type, e.status) for e in events] == [("agreement", "proposed")]


def test_a_potential_invasion_hinted_at_is_threatened():
    from tracker.extract import extract

    text = "Netanyahu hinted at a potential invasion of Rafah."
    events = extract(f"Test\n\n{text}\n").events
    assert [(e.type, e.status) for e in events] == [("military", "threatened")]


def test_a_second_predicate_after_a_comma_and_shares_the_first_ones_future():
    from tracker.extract import extract

    text = "Imran Khan will also address a business forum, and hold several meetings with Erdogan."
    events = extract(f"Test\n\n{text}\n").events
    assert [(e.type, e.status) for e in events] == [("meeting", "planned")]


def test_sides_that_failed_to_agree_made_no_agreement():
    from tracker.extract import extract

    events = extract("Test\n\nIndia and Pakistan failed to agree on an agenda.\n").events
    assert events == []


def test_a_meeting_threatened_with_cancellation_is_still_planned():
    from tracker.extract import extract

    events = extract("Test\n\nPyongyang threatened to cancel the summit with Washington.\n").events
    assert [(e.type, e.status) for e in events] == [("meeting", "planned")]


def test_mediating_between_two_sides_is_talks_and_ruling_out_talks_rejects_them():
    from tracker.extract import extract

    def found(text):
        return [(e.type, [a.name for a in e.actors]) for e in extract(f"Test\n\n{text}\n").events]

    assert found("Egypt and Qatar are mediating between Israel and Hamas.") == [
        ("talks", ["Egypt", "Qatar", "Israel", "Hamas"])
    ]
    assert found("The Kremlin ruled out talks with Zelenskiy.") == [
        ("rejection", ["Russia", "Volodymyr Zelenskyy"])
    ]


def test_a_negation_before_a_comma_does_not_reach_the_subjects_clause_after_it():
    found = events("In protest of Israel's refusal to release two citizens held without "
                   "charges, Jordan recalled its ambassador from Israel on Tuesday.")
    assert ("sanctions", "occurred") in [(e.type, e.status) for e in found], found


def test_no_before_a_noun_does_not_reach_a_clause_after_a_subordinator():
    found = events("The summit ended with no agreement after the US refused North Korean "
                   "demands for sanctions relief, Trump said.")
    assert [(e.type, e.status, e.actors[-1].name) for e in found] == [
        ("rejection", "occurred", "North Korea")]
