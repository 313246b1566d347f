"""The merge's candidate query tests the time overlap in SQL (migration 0010's indexes): it finds
exactly the events that testing every event of the type with ``_compatible`` finds."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Actor
from tracker.domain import UNDATED, When
from tracker.extract.types import ExtractedActor, ExtractedEvent
from tracker.services import ingest
from tracker.services.events import ActorRole, add_event

D = dt.date
TIMES = [
    When(D(2025, 3, 5), D(2025, 3, 5), "day"),
    When(D(2025, 3, 6), D(2025, 3, 6), "day"),
    When(D(2025, 3, 3), D(2025, 3, 9), "week"),
    When(D(2025, 3, 1), D(2025, 3, 31), "month"),
    When(D(2025, 3, 21), D(2025, 3, 31), "month"),
    When(D(2024, 3, 1), D(2024, 5, 31), "quarter"),
    When(D(2025, 1, 1), D(2025, 12, 31), "year"),
    When(D(2024, 4, 1), D(2024, 4, 1), "day"),
    When(D(2025, 7, 1), D(2025, 7, 1), "day"),
]
# events without a time: placed at their article's day, or undated (no dated article)
PLACED = [D(2025, 3, 1), D(2025, 4, 20), D(2025, 6, 30), D(2024, 1, 1), UNDATED]
REPORTED = [D(2025, 3, 4), D(2025, 5, 20), D(2024, 12, 31), None]


def ranked(session, extracted, actor_ids, reported) -> list[int]:
    """Every candidate in the order the merge prefers them (best first)."""
    found: list[int] = []
    while True:
        best = ingest.find_matching_event(
            session, extracted, actor_ids, None, reported, exclude=set(found)
        )
        if best is None:
            return found
        found.append(best.id)


def test_the_time_test_in_sql_keeps_every_compatible_event(engine, monkeypatch):
    with Session(engine) as session:
        pair = [ActorRole("Donald Trump"), ActorRole("Vladimir Putin")]
        for when in TIMES:
            add_event(session, type="call", status="planned", actors=pair, when=when)
        for day in PLACED:
            add_event(session, type="call", status="planned", actors=pair, timeline_fallback=day)
        add_event(session, type="meeting", status="planned", actors=pair, when=TIMES[0])
        session.commit()
        names = ["Donald Trump", "Vladimir Putin"]
        actor_ids = list(session.scalars(select(Actor.id).where(Actor.name.in_(names))))
        actors = [ExtractedActor(names[0], "initiator"), ExtractedActor(names[1], "target")]
        cases = [(when, reported) for when in [*TIMES, None] for reported in REPORTED]

        def mention(when):
            return ExtractedEvent("call", "planned", actors, when, "Trump will call Putin.", 0, 21)

        with_sql = {}
        for when, reported in cases:
            with_sql[when, reported] = ranked(session, mention(when), actor_ids, reported)

        # the same without the SQL time test: every event of the type, _compatible decides
        monkeypatch.setattr(ingest, "_compatible_in_sql", lambda case: [])
        ingest._statements_for.cache_clear()
        try:
            for when, reported in cases:
                expected = ranked(session, mention(when), actor_ids, reported)
                assert with_sql[when, reported] == expected, (when, reported)
        finally:
            monkeypatch.undo()
            ingest._statements_for.cache_clear()
        # the cases tell apart: some mentions fit several events, some none
        assert max(len(found) for found in with_sql.values()) >= 3
        assert any(len(found) < len(TIMES) + len(PLACED) for found in with_sql.values())


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_each_time_case_has_its_statement(dialect):
    statements = ingest._statements_for(dialect)
    assert set(statements.candidates) == set(statements.candidates_for_article)
    assert set(statements.candidates) == {"dated", "reported", "anywhere"}


def test_the_writers_copy_of_the_undated_events_gives_the_same_candidates(engine):
    """UndatedEvents (the SQLite writer's copy of the undated events) finds what the query
    finds, in every time case, with the "anywhere" limit cutting into the undated events."""
    with Session(engine) as session:
        pair = [ActorRole("Donald Trump"), ActorRole("Vladimir Putin")]
        for when in TIMES:
            add_event(session, type="call", status="planned", actors=pair, when=when)
        for day in PLACED + [UNDATED, UNDATED]:
            add_event(session, type="call", status="planned", actors=pair, timeline_fallback=day)
        for who in (pair[:1], []):
            add_event(session, type="call", status="planned", actors=who, timeline_fallback=UNDATED)
        session.commit()
        names = ["Donald Trump", "Vladimir Putin"]
        actor_ids = list(session.scalars(select(Actor.id).where(Actor.name.in_(names))))
        actors = [ExtractedActor(names[0], "initiator"), ExtractedActor(names[1], "target")]

        def mention(when, who):
            return ExtractedEvent("call", "planned", who, when, "Trump will call Putin.", 0, 21)

        def ranked_with(undated, when, reported, ids, who):
            found: list[int] = []
            while (
                best := ingest.find_matching_event(
                    session, mention(when, who), ids, None, reported, set(found), undated
                )
            ) is not None:
                found.append(best.id)
            return found

        for limit in (ingest.ANYWHERE_CANDIDATES, 3, 8):  # 3: fewer than the undated events
            ingest.ANYWHERE_CANDIDATES, saved = limit, ingest.ANYWHERE_CANDIDATES
            try:
                undated = ingest.UndatedEvents()
                for when in [*TIMES, None]:
                    for reported in REPORTED:
                        for ids, who in ((actor_ids, actors), (actor_ids[:1], actors[:1])):
                            expected = ranked_with(None, when, reported, ids, who)
                            got = ranked_with(undated, when, reported, ids, who)
                            assert got == expected, (limit, when, reported, ids)
            finally:
                ingest.ANYWHERE_CANDIDATES = saved


def test_the_writer_reads_the_undated_events_again_after_another_connection_wrote(db_url):
    from tracker.db.session import open_database
    from tracker.extract.types import Article, Extraction

    def article(title):
        text = "Trump will call Putin."
        pair = [ExtractedActor("Donald Trump", "initiator")]
        pair.append(ExtractedActor("Vladimir Putin", "target"))
        event = ExtractedEvent(
            "call",
            "planned",
            pair,
            None,
            text,
            0,
            len(text),
        )
        return Extraction(Article(title, None, text, 0, text), [event])

    engine = open_database(db_url)
    other = open_database(db_url)
    try:
        writer = ingest.Writer(engine)
        first = writer.store("a.txt", "h1", article("a"))
        assert first.new_events == 1
        # another connection adds a newer undated call of the same two: the writer's next
        # undated call is told again by it (the latest), not by the one it made itself
        with Session(other) as session:
            pair = [ActorRole("Donald Trump"), ActorRole("Vladimir Putin")]
            newer = add_event(
                session, type="call", status="planned", actors=pair, timeline_fallback=UNDATED
            ).id
            session.commit()
        second = writer.store("b.txt", "h2", article("b"))
        assert second.merged_mentions == 1
        with Session(other) as session:
            from tracker.db.models import Mention

            told = session.scalar(select(Mention.event_id).where(Mention.article_id == 2))
        assert told == newer
    finally:
        other.dispose()
        engine.dispose()
