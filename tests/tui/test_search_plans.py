"""Search reads the same events on SQLite and PostgreSQL, whichever plan the match count picks,
and folds accents alike on both."""

from __future__ import annotations

import datetime as dt

import pytest
from bulk import bulk_events

from tracker.db.session import unit_of_work
from tracker.domain import When
from tracker.services import timeline as tl
from tracker.services.events import ActorRole, add_event
from tracker.services.query import EventFilter, count_events, list_events


def pages(engine, planned):
    key = (dt.date(2010, 6, 1), 0)
    with unit_of_work(engine) as s:
        total = tl.count_rows(s, planned)
        return (
            total,
            tl.count_before(s, planned, dt.date(2010, 6, 1)),
            tl.count_before_key(s, planned, key),
            [r.id for r in tl.rows_from(s, planned, key, 40)],
            [r.id for r in tl.rows_before(s, planned, key, 40)],
            [r.id for r in tl.rows_after(s, planned, key, 40)],
            [r.id for r in tl.rows_after(s, planned, None, 25)],
            [r.id for r in tl.rows_before(s, planned, None, 25)],
            [r.id for r in tl.rows_at(s, planned, 5, 30, total)],
            [r.id for r in tl.rows_at(s, planned, max(0, total - 40), 30, total)],
        )


@pytest.mark.parametrize(
    "filt",
    [
        EventFilter(text="synthetic russ"),  # common: most events
        EventFilter(text="synthetic 17"),  # rare: one event
        EventFilter(text="synth", statuses=("planned",)),
        EventFilter(text="synthetic", actors=("Ukraine",), since=dt.date(2005, 1, 1)),
        EventFilter(text="nowhere"),
    ],
)
def test_every_plan_reads_the_same_pages(engine, monkeypatch, filt):
    bulk_events(engine, 300)
    plain = pages(engine, filt)

    def listed():  # what `tracker list` and exports read, through the same plans
        with unit_of_work(engine) as s:
            first = [e.id for e in list_events(s, filt, limit=500)]
            page = list_events(s, filt, limit=7, after=(dt.date(2010, 6, 1), 0))
            back = list_events(s, filt, limit=7, before=(dt.date(2010, 6, 1), 0))
            return first, [e.id for e in page], [e.id for e in back], count_events(s, filt)

    every = listed()
    assert every[3] == plain[0] == len(every[0])
    with unit_of_work(engine) as s:
        counted = tl.plan(s, filt)  # few matches: on PostgreSQL, their keys are fetched once
    if engine.dialect.name == "postgresql":
        assert counted.keys is not None and counted.text_matches == plain[0]
    assert pages(engine, counted) == plain
    # a sample of the whole table (PostgreSQL): common words are told apart from rare ones
    # first, and the rarest word is the one looked up in the index
    monkeypatch.setattr(tl, "PG_SAMPLE_FROM", 0)
    monkeypatch.setattr(tl, "PG_SAMPLE_PERCENT", 100)
    with unit_of_work(engine) as s:
        sampled = tl.plan(s, filt)
    assert pages(engine, sampled) == plain
    monkeypatch.setattr(tl, "WALK_MIN", 0)
    monkeypatch.setattr(tl, "WALK_SHARE", 0.0)
    monkeypatch.setattr(tl, "PG_FEW_SHARE", 0.0)
    with unit_of_work(engine) as s:
        walked = tl.plan(s, filt)  # as if every word were common: walk the time index
    if engine.dialect.name == "postgresql":
        assert walked.walk_vector == (plain[0] > 0)
    assert pages(engine, walked) == plain
    assert listed() == every
    if filt.text == "synthetic russ":
        assert plain[0] > 60 and all(plain[3:])


def test_accents_fold_alike_on_both_backends(engine):
    day = When(dt.date(2025, 3, 3), dt.date(2025, 3, 3), "day")
    with unit_of_work(engine) as s:
        add_event(
            s,
            type="meeting",
            status="planned",
            actors=[ActorRole("António Guterres"), ActorRole("Volodymyr Zelenskyy")],
            when=day,
            title="Guterres meets Zelenskyy in Kyiv",
        )
        add_event(
            s, type="call", status="occurred", when=day, title="Antonio Costa calls Brussels"
        )
        add_event(s, type="talks", status="planned", when=day, title="Talks in São Paulo")
    expected = {
        "antonio": 2,
        "António": 2,
        "ANTÓNIO guterres": 1,
        "sao paulo": 1,
        "São": 1,
        "zelensk": 1,
    }
    for words, count in expected.items():
        filt = EventFilter(text=words)
        with unit_of_work(engine) as s:
            assert count_events(s, filt) == count, words
            assert len(list_events(s, filt)) == count, words
            planned = tl.plan(s, filt)
            assert len(tl.rows_after(s, planned, None, 10)) == count, words
