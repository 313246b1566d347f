"""The actors generated from PETRARCH2's Phoenix dictionaries (scripts/build_dictionaries.py)."""

from __future__ import annotations

import json
from importlib import resources

from tracker.extract import extract
from tracker.extract.actors import ActorIndex
from tracker.extract.lexicon import load_gazetteer
from tracker.extract.types import ActorEntry

ARTICLE = """---
title: Leaders talk
published: 2010-03-10
---

French President Nicolas Sarkozy met Afghan President Hamid Karzai in Paris on Tuesday.
Sarkozy later spoke by phone with Brazilian President Dilma Rousseff.
"""


def _data(name: str) -> dict:
    return json.loads(resources.files("tracker.extract.data").joinpath(name).read_text("utf-8"))


def test_office_holders_the_hand_made_gazetteer_lacks_are_known_with_their_country():
    events = extract(ARTICLE).events
    actors = {a.name: a for e in events for a in e.actors}
    assert {"Nicolas Sarkozy", "Hamid Karzai"} <= set(actors)
    meeting = next(e for e in events if e.type == "meeting")
    assert {a.name for a in meeting.actors} == {"Nicolas Sarkozy", "Hamid Karzai"}
    assert any(e.type == "call" and "Dilma Rousseff" in {a.name for a in e.actors}
               for e in events)


def test_the_hand_made_gazetteer_keeps_the_last_word():
    entries = {e.name: e for e in load_gazetteer()}
    assert entries["Germany"].kind == "state" and entries["Germany"].country == "DE"
    # a small state only the Phoenix dictionary has
    assert entries["Liechtenstein"].country == "LI"
    generated = {p["name"] for p in _data("phoenix.json")["persons"]}
    curated = {a["name"] for a in _data("gazetteer.json")["actors"]}
    assert not generated & curated, "a curated actor is not generated again"


def test_generated_data_names_its_source_and_licence():
    assert "PETRARCH2" in _data("phoenix.json")["_comment"]
    licence = resources.files("tracker.extract.data").joinpath("PETRARCH2-LICENSE.txt")
    assert "MIT License" in licence.read_text("utf-8")


def test_database_actors_extend_the_index_without_taking_its_names():
    base = ActorIndex(load_gazetteer())
    extended = base.with_extra([
        ActorEntry("Ana Nova", "person", "PT", ("Minister Nova",)),
        ActorEntry("Impostor", "person", None, ("Kremlin",)),
    ])
    hit = extended.lookup(["Ana", "Nova", "said"], 0)
    assert hit and hit[1].name == "Ana Nova"
    assert extended.lookup(["Kremlin"], 0)[1].name == "Russia"
    assert base.lookup(["Ana", "Nova"], 0) is None, "the base index is not changed"


def test_cameo_verb_synonyms_are_triggers():
    text = """Leaders talk

PARIS, March 10, 2010 — French President Nicolas Sarkozy telephoned Brazilian President \
Dilma Rousseff on Monday. Hamid Karzai lambasted Nicolas Sarkozy over the troop plan.
"""
    found = {(e.type, tuple(a.name for a in e.actors)) for e in extract(text).events}
    assert ("call", ("Nicolas Sarkozy", "Dilma Rousseff")) in found
    assert ("criticism", ("Hamid Karzai", "Nicolas Sarkozy")) in found


def test_cameo_forms_are_real_inflections():
    forms = _data("cameo_verbs.json")["triggers"]
    every = {f for fs in forms.values() for f in fs}
    assert {"telephoned", "lambasted", "commended", "denounces"} <= every
    assert not [f for f in every if f.endswith(("eded", "esed", "ings"))]
    assert not {"charged", "values", "pressed", "ordered"} & every, "ambiguous verbs stay out"
