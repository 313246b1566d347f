"""Alembic owns the schema: the models and the migrations must agree, and migrations keep data."""

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.db import migrate
from tracker.db.models import Base, Event, StatusChange
from tracker.db.session import make_engine, open_database
from tracker.domain import When
from tracker.errors import DatabaseError
from tracker.services.events import ActorRole, add_event, change_status
from tracker.services.query import EventFilter, count_events


def test_models_and_migrations_agree(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": migrate.include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_downgrade_upgrade_keeps_data(db_url):
    engine = open_database(db_url)
    with Session(engine) as session:
        event = add_event(
            session,
            type="call",
            status="planned",
            actors=[ActorRole("Donald Trump"), ActorRole("Vladimir Putin")],
            title="First phone call",
            when=When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day"),
        )
        session.commit()
        change_status(session, event.id, "occurred", note="it happened")
        session.commit()
    migrate.downgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 1
    with pytest.raises(DatabaseError, match="older than this tracker"):
        migrate.ensure_schema(engine)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision(engine)
    with Session(engine) as session:
        assert session.scalar(select(Event.title)) == "First phone call"
        assert session.scalar(select(func.count(StatusChange.id))) == 2
        assert count_events(session, EventFilter(text="phone putin")) == 1
    engine.dispose()


def test_head_revision_constant_matches_the_migrations(engine):
    assert migrate.head_revision(engine) == migrate.HEAD_REVISION


def test_an_empty_database_gets_the_schema(db_url):
    engine = open_database(db_url)
    assert migrate.current_revision(engine) == migrate.head_revision(engine)
    engine.dispose()


def test_a_newer_database_is_refused(db_url):
    engine = open_database(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseError, match="newer than this tracker"):
        open_database(db_url)
    engine.dispose()


def test_a_foreign_database_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'other.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseError, match="not a tracker database"):
        open_database(url)
