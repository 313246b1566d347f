"""The content layer (tracker/extract/content.py): an act named inside the act that heads its
clause. The head is read first, as the pipeline does, then the act inside it."""

import pytest

from tests.extract_helpers import sentence_context, trigger_at
from tracker.extract.admission import admit
from tracker.extract.content import read_as_content
from tracker.extract.parties import parties_for, type_by_parties


def read_inside(text: str, head_word: str, word: str):
    """The context with the head read, and what the content layer makes of ``word``."""
    ctx = sentence_context(text)
    head = trigger_at(ctx, head_word)
    lo, held = admit(ctx, head)
    head_parties = parties_for(ctx, head, lo, held)
    ctx.heads[lo] = (head, type_by_parties(ctx, head, head_parties), head_parties)
    trig = trigger_at(ctx, word)
    lo, held = admit(ctx, trig)
    parties = parties_for(ctx, trig, lo, held)
    return ctx, read_as_content(ctx, trig, lo, type_by_parties(ctx, trig, parties), parties)


def named(parties) -> list[tuple[str, str]]:
    return [(actor.name, role) for actor, role in parties]


@pytest.mark.parametrize(
    ("text", "head", "word", "status"),
    [
        ("Erdogan proposed a meeting with Putin.", "proposed", "meeting", "proposed"),
        ("Erdogan had requested a meeting with Putin.", "requested", "meeting", "proposed"),
        ("China and Japan agreed to hold talks in May.", "agreed", "hold", "planned"),
        # the verb between the agreement and the meeting says what became of it
        ("China and Japan agreed to postpone a summit planned for this fall.", "agreed",
         "summit", "postponed"),
        # one side agreeing to act: its decision, planned
        ("The EU has agreed to impose new sanctions on Russia.", "agreed", "impose", "planned"),
    ],
)
def test_the_head_gives_the_status(text, head, word, status):
    _, content = read_inside(text, head, word)
    assert content is not None and content[0] == status


def test_a_proposed_meeting_takes_the_proposals_parties():
    _, (status, parties) = read_inside("Erdogan proposed a meeting with Putin.", "proposed",
                                       "meeting")
    assert named(parties) == [("Recep Tayyip Erdogan", "initiator"), ("Vladimir Putin", "target")]


def test_a_way_of_dealing_with_each_other_is_the_agreement_itself():
    # "agreed to strengthen dialogue": no talks of their own
    ctx, content = read_inside("China and Japan agreed to strengthen dialogue.", "agreed",
                               "dialogue")
    assert content is None and ctx.out == []


def test_an_act_another_party_owns_is_told_too():
    # "rejected Uganda's proposal": Uganda's proposal is recorded, read as no content
    ctx, content = read_inside("Kenya rejected Uganda's proposal.", "rejected", "proposal")
    assert content is None
    assert [(e.type, e.status, [a.name for a in e.actors]) for e in ctx.out] == [
        ("proposal", "proposed", ["Uganda", "Kenya"])
    ]


def test_an_act_far_from_the_head_is_its_own():
    ctx, content = read_inside(
        "Erdogan proposed on Monday that the two countries, after years of bitter rivalry and "
        "a long dispute over their border, hold a meeting with Putin.", "proposed", "meeting",
    )
    assert content is not None and content[0] is None  # too far to be its content


def test_an_act_with_its_own_subject_after_a_comma_is_no_content_of_the_phrase_before():
    # "In protest of ..., Jordan recalled its ambassador": the recall is the main clause's act
    ctx, content = read_inside(
        "In protest of Israeli officials' refusal to release two citizens, Jordan recalled its "
        "ambassador for consultations.", "refusal", "recalled",
    )
    assert content is not None and content[0] is None
