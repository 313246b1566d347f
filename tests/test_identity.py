"""Identity: ids are never reused, and the migration that made it so keeps existing data."""

import datetime as dt

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.db import migrate
from tracker.db.models import Actor, Article, Event, Mention, StatusChange
from tracker.db.session import open_database
from tracker.domain import When
from tracker.services.actors import add_actor
from tracker.services.events import ActorRole, add_event, change_status, delete_event
from tracker.services.query import EventFilter, count_events

FEB_12 = When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day")


def _call(session: Session, title: str) -> Event:
    return add_event(
        session,
        type="call",
        status="planned",
        actors=[ActorRole("Donald Trump"), ActorRole("Vladimir Putin")],
        title=title,
        when=FEB_12,
    )


def test_a_deleted_id_is_never_given_again(session):
    ids = [_call(session, f"call {n}").id for n in range(3)]
    session.commit()
    delete_event(session, ids[-1])
    session.commit()
    new = _call(session, "call after the delete")
    session.commit()
    assert new.id > ids[-1]
    # the same holds for actors (any table with an integer id)
    kept = add_actor(session, "Kept Envoy")
    last = add_actor(session, "Passing Envoy")
    session.commit()
    session.delete(last)
    session.commit()
    assert add_actor(session, "New Envoy").id > last.id > kept.id


def _populate(session: Session) -> dict:
    article = Article(
        source="wire.txt",
        title="Trump and Putin spoke",
        published=dt.date(2025, 2, 12),
        body="Trump and Putin spoke by phone on Wednesday.",
        content_hash="0" * 64,
    )
    session.add(article)
    events = [_call(session, f"Kremlin call number {n}") for n in range(4)]
    session.flush()
    session.add(
        Mention(
            event=events[0],
            article=article,
            sentence="Trump and Putin spoke by phone on Wednesday.",
            start_offset=0,
            end_offset=44,
            implied_status="occurred",
        )
    )
    session.commit()
    change_status(session, events[0].id, "occurred", at=FEB_12, note="readout")
    session.commit()
    delete_event(session, events[-1].id)
    session.commit()
    return {
        "events": sorted(e.id for e in events[:-1]),
        "deleted": events[-1].id,
        "changes": sorted(
            (c.id, c.event_id, c.to_status) for c in session.scalars(select(StatusChange))
        ),
        "actors": sorted((a.id, a.name) for a in session.scalars(select(Actor))),
    }


def test_the_migration_keeps_ids_history_and_search(db_url):
    engine = open_database(db_url)
    migrate.downgrade(engine, "0003")  # a database from before ids were kept
    with Session(engine, expire_on_commit=False) as session:
        before = _populate(session)
    migrate.upgrade(engine)
    with Session(engine, expire_on_commit=False) as session:
        assert sorted(session.scalars(select(Event.id))) == before["events"]
        changes = sorted(
            (c.id, c.event_id, c.to_status) for c in session.scalars(select(StatusChange))
        )
        assert changes == before["changes"]
        assert sorted((a.id, a.name) for a in session.scalars(select(Actor))) == before["actors"]
        assert session.scalar(select(func.count(Mention.id))) == 1
        assert session.scalar(select(Event.status).where(Event.id == before["events"][0])) == (
            "occurred"
        )
        # search still finds them, and keeps finding what is added after the migration
        assert count_events(session, EventFilter(text="kremlin")) == 3
        newest = _call(session, "Kremlin call after the migration")
        session.commit()
        assert newest.id > max(before["events"])
        assert count_events(session, EventFilter(text="kremlin")) == 4
        delete_event(session, newest.id)
        session.commit()
        assert _call(session, "one more").id > newest.id
        session.commit()
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
