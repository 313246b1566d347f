"""The parties layer (tracker/extract/parties.py): who takes part in an admitted act, the acts
with no one (or one side only) to take part, and the types the parties settle."""

import pytest

from tests.extract_helpers import sentence_context, trigger_at
from tracker.extract.admission import admit
from tracker.extract.parties import mutual_sides, parties_for, type_by_parties


def read(text: str, word: str):
    ctx = sentence_context(text)
    trig = trigger_at(ctx, word)
    lo, held = admit(ctx, trig)
    return ctx, trig, parties_for(ctx, trig, lo, held)


def named(parties) -> list[tuple[str, str]]:
    return [(actor.name, role) for actor, role in parties]


@pytest.mark.parametrize(
    ("text", "word", "parties"),
    [
        # the body that convenes a summit its host holds
        ("Kishida hosts a G7 summit in Hiroshima.", "summit",
         [("Fumio Kishida", "participant"), ("G7", "participant")]),
        # a fronted participle's subject is the main clause's
        ("After speaking with Putin by phone, Macron said the war must end.", "speaking",
         [("Emmanuel Macron", "participant"), ("Vladimir Putin", "participant")]),
        # whoever faces sanctions is their target
        ("Thirteen Russian companies will face new EU sanctions.", "sanctions",
         [("European Union", "initiator"), ("Russia", "target")]),
        ("Kuwait pledged $100 million in aid to Pakistan.", "aid",
         [("Kuwait", "initiator"), ("Pakistan", "target")]),
        # a pledge to work together is made by sides acting together ...
        ("Kenya and Ethiopia pledged to work closely together.", "pledged",
         [("Kenya", "participant"), ("Ethiopia", "participant")]),
        # ... not by one side alone
        ("Kenya pledged to work closely with Ethiopia.", "pledged", None),
        # a state and its own spokesman: no one to talk with
        ("Peskov told a conference call that Russia would respond.", "call", None),
        ("Putin told a conference call with Biden that Russia would respond.", "call",
         [("Vladimir Putin", "participant"), ("Joe Biden", "participant")]),
    ],
)
def test_parties_for(text, word, parties):
    _, _, found = read(text, word)
    assert (named(found) if found is not None else None) == parties


@pytest.mark.parametrize(
    ("text", "word", "event_type"),
    [
        ("Xi and Biden held talks in Bali.", "held", "meeting"),  # leaders meet
        ("Iran and the United States held talks in Oman.", "held", "talks"),  # states talk
        ("Putin sat down with Biden in Geneva.", "sat", "meeting"),
    ],
)
def test_consultations_are_typed_by_their_parties(text, word, event_type):
    ctx, trig, parties = read(text, word)
    assert trig.type == "consult"
    assert type_by_parties(ctx, trig, parties) == event_type


def test_talks_within_a_meeting_told_are_part_of_it():
    ctx, met, parties = read("Obama and Merkel met for talks in Berlin.", "met")
    talks = trigger_at(ctx, "talks")
    lo, held = admit(ctx, talks)
    talks_parties = parties_for(ctx, talks, lo, held)
    assert type_by_parties(ctx, talks, talks_parties) == "talks"  # no meeting told yet
    ctx.out.append(ctx.event("meeting", met, "occurred", parties, None))
    assert type_by_parties(ctx, talks, talks_parties) is None


def test_measures_two_sides_take_against_each_other():
    text = "The United States and China are imposing tariffs and counter-tariffs on each other."
    ctx, trig, parties = read(text, "tariffs")
    lo, _ = admit(ctx, trig)
    each_way = mutual_sides(parties, ctx.lows, lo, ctx.clause.end_of(trig.tok))
    assert [named(side) for side in each_way] == [
        [("United States", "initiator"), ("China", "target")],
        [("China", "initiator"), ("United States", "target")],
    ]
    text = "The United States and China are imposing tariffs on Iran."
    ctx, trig, parties = read(text, "tariffs")
    lo, _ = admit(ctx, trig)
    assert mutual_sides(parties, ctx.lows, lo, ctx.clause.end_of(trig.tok)) == []
