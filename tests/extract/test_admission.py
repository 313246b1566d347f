"""The admission layer (tracker/extract/admission.py): does a trigger tell an act here? Each
check is shown with a sentence it drops and a near one it keeps."""

import pytest

from tests.extract_helpers import sentence_context, trigger_at
from tracker.extract.admission import admit, force_by_lone_person, talks_as_means, tells_no_act


@pytest.mark.parametrize(
    ("text", "no_act"),
    [
        ("Will Trump meet Putin?", True),  # a question asserts nothing
        ("Trump will meet Putin.", False),
        ("Analysts said Russia would impose sanctions.", True),  # commentary
        ("Officials said Russia would impose sanctions.", False),
        ("It was the first time the council had demanded a ceasefire.", True),  # told before
        ("The council demanded a ceasefire.", False),
    ],
)
def test_sentences_that_tell_no_act(text, no_act):
    ctx = sentence_context(text)
    assert tells_no_act(text, ctx.lows) is no_act


@pytest.mark.parametrize(
    ("text", "word", "admitted"),
    [
        ("Putin talked with Biden on Monday.", "talked", True),
        # a view agreed on, not a deal; a commitment is one
        ("The leaders agreed that security should be driven by the region.", "agreed", False),
        ("The leaders of Kenya and Ethiopia agreed that Kenya would send troops.", "agreed", True),
        # a passive with no one named as its agent
        ("Blair's role was criticised.", "criticised", False),
        ("Blair's role was criticised by France.", "criticised", True),
        # who mediated a deal, not talks of their own
        ("Egypt hailed a deal mediated by the UAE between Ethiopia and Eritrea.", "mediated",
         False),
        # a word inside a name
        ("Trump spoke to reporters about the Black Sea Grain Initiative.", "initiative", False),
        # nothing was offered: the verb's object is "no" or "nothing"
        ("Japan offered no concessions to South Korea.", "offered", False),
        ("Tokyo had offered nothing in return.", "offered", False),
        ("Japan offered aid to Turkey.", "offered", True),
    ],
)
def test_admit(text, word, admitted):
    ctx = sentence_context(text)
    assert (admit(ctx, trigger_at(ctx, word)) is not None) is admitted


def test_a_text_voted_down_says_nothing():
    # "Russia vetoed a resolution condemning ...": once the veto is read, no one condemned
    ctx = sentence_context("Russia vetoed a resolution condemning the annexation of Crimea.")
    condemning = trigger_at(ctx, "condemning")
    assert admit(ctx, condemning) is not None  # nothing rejected yet
    veto = trigger_at(ctx, "vetoed")
    lo, _ = admit(ctx, veto)
    russia = ctx.mentions[0].actor
    ctx.out.append(ctx.event("rejection", veto, "occurred", [(russia, "initiator")], None))
    assert admit(ctx, condemning) is None


def test_a_text_voted_down_says_nothing_past_a_time_told_between():
    ctx = sentence_context(
        "Russia vetoed a resolution in late October calling for pauses in the fighting."
    )
    calling = trigger_at(ctx, "calling")
    veto = trigger_at(ctx, "vetoed")
    admit(ctx, veto)
    russia = ctx.mentions[0].actor
    ctx.out.append(ctx.event("rejection", veto, "occurred", [(russia, "initiator")], None))
    assert admit(ctx, calling) is None


def test_what_is_admitted_comes_with_its_clause_and_a_relative_clause_status():
    ctx = sentence_context("Putin arrived in Ankara, and Erdogan hosted talks with him.")
    lo, held = admit(ctx, trigger_at(ctx, "talks"))
    assert ctx.lows[lo:lo + 2] == ["and", "erdogan"] and held is None  # the second clause
    # a gathering told anew by a relative clause of its own: its status comes with it
    ctx = sentence_context(
        "Tokayev informed Trump about the OIC summit, which is to be held in Astana."
    )
    _, held = admit(ctx, trigger_at(ctx, "summit"))
    assert held is not None and held[0] == "planned"


def test_talks_as_a_means_and_force_by_a_lone_person():
    ctx = sentence_context("The two sides agreed to resolve issues through dialogue.")
    assert talks_as_means(ctx.lows, trigger_at(ctx, "dialogue"))
    ctx = sentence_context("The two sides held a dialogue with Iran.")
    assert not talks_as_means(ctx.lows, trigger_at(ctx, "dialogue"))
    ctx = sentence_context("Trump announced the precision strikes on Iran.")
    strikes = trigger_at(ctx, "strikes")
    trump = next(m.actor for m in ctx.mentions if m.actor.kind == "person")
    iran = next(m.actor for m in ctx.mentions if m.actor.kind == "state")
    assert force_by_lone_person(ctx.lows, strikes, [(trump, "initiator")])
    assert not force_by_lone_person(ctx.lows, strikes, [(iran, "initiator")])
