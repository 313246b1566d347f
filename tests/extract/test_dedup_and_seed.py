import datetime as dt
from pathlib import Path

import pytest

from tracker.extract import extract, load_gazetteer
from tracker.extract.types import ActorEntry

SEED = Path("/work/shared/corpus/dev/00-seed-trump-putin-dialogue.txt")


def test_the_same_act_told_twice_is_one_event():
    text = (
        "Title\n\nChilean President Tomas Arriagada met Peruvian President Ana Quispe on Monday. "
        "Officials said Arriagada and Quispe met for two hours.\n"
    )
    found = [e for e in extract(text, published=dt.date(2024, 6, 12)).events if e.type == "meeting"]
    assert len(found) == 1
    assert found[0].evidence.startswith("Chilean President")
    assert {a.name for a in found[0].actors} == {"Tomas Arriagada", "Ana Quispe"}
    assert found[0].when is not None and found[0].when.start == dt.date(2024, 6, 10)


def test_extra_actors_from_the_database_are_recognised():
    text = "Title\n\nThe Northern League condemned Chile.\n"
    extra = [ActorEntry("Northern League", "group", None, ("the Northern League",))]
    found = extract(text, extra_actors=extra).events
    assert [a.name for a in found[0].actors] == ["Northern League", "Chile"]


def test_gazetteer_is_broad_and_cached():
    entries = load_gazetteer()
    assert load_gazetteer() is entries
    names = {e.name for e in entries}
    assert {"NATO", "OPEC", "ASEAN", "Hamas", "Taliban", "Russia", "Donald Trump"} <= names


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article_yields_the_expected_events():
    events = extract(SEED.read_text()).events

    def has(event_type, status, *names):
        return any(
            e.type == event_type and e.status == status
            and set(names) <= {a.name for a in e.actors}
            for e in events
        )

    assert has("call", "planned", "Donald Trump", "Vladimir Putin")
    assert has("meeting", "proposed", "Donald Trump", "Vladimir Putin")
    assert has("sanctions", "threatened", "Donald Trump", "Russia")
    assert has("proposal", "proposed", "Donald Trump", "OPEC")
    assert has("criticism", "occurred", "Donald Trump", "Volodymyr Zelenskyy")
