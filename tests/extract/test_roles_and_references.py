"""Rules for roles and references: reversed criticism, ranks, juntas, meetings between parties."""

import datetime as dt

from tracker.extract import extract


def events(text, published=dt.date(2024, 3, 6)):
    return [
        (e.type, e.status, [(a.name, a.role) for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def test_drew_criticism_from_reverses_the_roles():
    text = "The plan drew sharp criticism from Beijing, which accused Manila of provocation."
    assert events(text) == [
        ("criticism", "occurred", [("China", "initiator"), ("Philippines", "target")])
    ]


def test_at_a_meeting_between_names_its_parties():
    text = "The breakthrough came at a meeting between Erdogan and Olaf Scholz in Berlin."
    found = events(text)
    assert found[0][0] == "meeting"
    assert {n for n, _ in found[0][2]} == {"Recep Tayyip Erdogan", "Olaf Scholz"}
    assert events("Erdogan spoke at a summit in Berlin on Friday.") == []


def test_the_general_is_the_general_named_last():
    text = (
        "Soldiers loyal to General Amadou Diallo seized power in Mali on Monday. "
        "The general has since accused ECOWAS of preparing an invasion."
    )
    crit = [e for e in events(text) if e[0] == "criticism"]
    assert crit == [
        ("criticism", "occurred", [("Amadou Diallo", "initiator"), ("ECOWAS", "target")])
    ]


def test_the_junta_is_the_state_the_story_is_about():
    text = (
        "Mali's army seized power on Monday. Mali's borders were closed. "
        "ECOWAS demanded that the junta release the president."
    )
    demand = [e for e in events(text) if e[0] == "demand"]
    assert demand == [("demand", "occurred", [("ECOWAS", "initiator"), ("Mali", "target")])]


def test_a_conjunction_ends_a_referring_noun_phrase():
    text = "Matthew Miller said Washington was concerned by the summit and urged Iran to stop."
    assert ("demand", "occurred") in [e[:2] for e in events(text)]


def test_what_someone_is_criticised_for_is_no_party():
    text = "Protesters in Sweden criticised ASEAN for inviting Min Aung Hlaing."
    found = events(text)
    assert found and all("Min Aung Hlaing" not in [n for n, _ in e[2]] for e in found)
