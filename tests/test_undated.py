"""Undated means undated: articles with no date found, and their events, stay undated."""

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tracker.cli import cli
from tracker.db import migrate
from tracker.db.models import Article, Event
from tracker.db.session import make_engine, open_database
from tracker.domain import UNDATED, When
from tracker.extract.types import Article as ExtractedArticle
from tracker.extract.types import ExtractedActor, ExtractedEvent, Extraction
from tracker.services.events import ActorRole, add_event, edit_event, get_event
from tracker.services.ingest import apply_extraction, ingest_paths
from tracker.services.query import EventFilter, count_events, list_events

DATA = Path(__file__).parent / "data"
UNDATED_ARTICLE = DATA / "undated" / "call-undated.txt"
MARCH_1 = When(dt.date(2025, 3, 1), dt.date(2025, 3, 1), "day")
BEFORE = "0006"  # the revision before undated events
TRUMP = ExtractedActor("Donald Trump", "initiator", "person", "US")
PUTIN = ExtractedActor("Vladimir Putin", "target", "person", "RU")


def _extraction(published, status, evidence, when=None, type_="call"):
    event = ExtractedEvent(type_, status, [TRUMP, PUTIN], when, evidence, 0, len(evidence), 0.8)
    return Extraction(ExtractedArticle("A", published, evidence, 0, evidence), [event])


def test_an_article_without_a_date_stays_undated_and_the_summary_says_so(engine):
    report = ingest_paths(engine, [str(UNDATED_ARTICLE)])
    (outcome,) = report.outcomes
    assert outcome.state == "ingested" and outcome.published is None
    assert "no date found in 1 article(s)" in report.summary()
    assert f"article {outcome.article_id}: {UNDATED_ARTICLE}" in report.summary()
    with Session(engine) as session:
        article = session.get(Article, outcome.article_id)
        assert (article.published, article.date_source) == (None, "none")
        events = list_events(session)
        assert events and all(e.timeline_date == UNDATED for e in events)
        # time filters never match them unless asked; --undated alone keeps only them
        recent = EventFilter(since=dt.date.today() - dt.timedelta(days=40))
        assert count_events(session, recent) == 0
        assert count_events(session, recent.with_(undated=True)) == len(events)
        assert count_events(session, EventFilter(until=dt.date.today())) == 0
        assert count_events(session, EventFilter(undated=True)) == len(events)


def test_the_date_is_given_read_from_the_text_or_none(engine, tmp_path):
    given = tmp_path / "given.txt"
    given.write_text(UNDATED_ARTICLE.read_text().replace("plan to", "will"))
    ingest_paths(engine, [str(given)], published=dt.date(2025, 1, 24))
    ingest_paths(engine, [str(DATA / "call-planned.txt")])
    with Session(engine) as session:
        sources = {
            Path(a.source).name: (a.published, a.date_source)
            for a in session.scalars(select(Article))
        }
    assert sources == {
        "given.txt": (dt.date(2025, 1, 24), "given"),
        "call-planned.txt": (dt.date(2025, 2, 10), "text"),
    }


def test_a_later_dated_article_merges_with_an_undated_event_and_moves_it(session):
    first = apply_extraction(
        session, _extraction(None, "planned", "Trump and Putin plan a call."), "a.txt", "h1"
    )
    held = When(dt.date(2025, 2, 12), dt.date(2025, 2, 12), "day")
    second = apply_extraction(
        session,
        _extraction(dt.date(2025, 2, 13), "occurred", "They spoke on Wednesday.", held),
        "b.txt",
        "h2",
    )
    session.commit()
    assert (first.new_events, second.new_events, second.merged_mentions) == (1, 0, 1)
    assert second.status_changes == 1
    (event,) = list_events(session)
    assert (event.status, event.when_start) == ("occurred", held.start)
    assert event.timeline_date == held.start


def test_an_undated_telling_merges_with_a_dated_event_of_any_time(session):
    long_ago = When(dt.date(2019, 6, 30), dt.date(2019, 6, 30), "day")
    apply_extraction(
        session, _extraction(dt.date(2019, 7, 1), "planned", "A call.", long_ago), "a.txt", "h1"
    )
    later = apply_extraction(
        session, _extraction(None, "occurred", "Trump and Putin spoke."), "b.txt", "h2"
    )
    assert (later.new_events, later.merged_mentions) == (0, 1)
    # and a dated article without a time of its own places an undated event on its day
    apply_extraction(
        session, _extraction(None, "planned", "A meeting.", type_="meeting"), "c.txt", "h3"
    )
    session.flush()
    (undated,) = list_events(session, EventFilter(undated=True))
    apply_extraction(
        session,
        _extraction(dt.date(2025, 1, 24), "planned", "A meeting is planned.", type_="meeting"),
        "d.txt",
        "h4",
    )
    session.commit()
    session.expire_all()  # ingestion writes with Core statements
    assert get_event(session, undated.id).timeline_date == dt.date(2025, 1, 24)


def test_an_undated_telling_reads_only_the_latest_events_of_its_type(session, monkeypatch):
    """Bounded work per mention in a large database: the latest events of the type (here 3)."""
    from tracker.services import ingest

    monkeypatch.setattr(ingest, "ANYWHERE_CANDIDATES", 3)
    ingest._statements_for.cache_clear()
    try:
        long_ago = When(dt.date(2019, 6, 30), dt.date(2019, 6, 30), "day")
        apply_extraction(
            session, _extraction(dt.date(2019, 7, 1), "planned", "A call.", long_ago), "a", "h1"
        )
        for n in range(3):  # three later calls between other people
            add_event(session, type="call", status="occurred", actors=[ActorRole("Xi Jinping")],
                      when=When(dt.date(2024, 1, n + 1), dt.date(2024, 1, n + 1), "day"))
        later = apply_extraction(
            session, _extraction(None, "occurred", "Trump and Putin spoke."), "b.txt", "h2"
        )
        assert (later.new_events, later.merged_mentions) == (1, 0)  # 2019 is out of reach
    finally:
        ingest._statements_for.cache_clear()


def test_forgetting_the_time_of_an_event_of_undated_articles_makes_it_undated(session):
    apply_extraction(
        session,
        _extraction(None, "planned", "A call.", MARCH_1),
        "a.txt",
        "h1",
    )
    (event,) = list_events(session)
    edited = edit_event(session, event.id, clear_when=True)
    assert edited.timeline_date == UNDATED and edited.edited == "when"
    manual = add_event(session, type="talks", status="planned", actors=[ActorRole("Iran")])
    assert manual.timeline_date == dt.date.today()  # entered by hand: placed where entered


def _run(db_url, *args):
    return CliRunner().invoke(cli, ["--db", db_url, *args], catch_exceptions=False)


def test_cli_lists_undated_events_as_such_and_filters_them(db_url):
    make_engine(db_url).dispose()
    ingested = _run(db_url, "ingest", str(UNDATED_ARTICLE))
    assert "no date found in 1 article(s)" in ingested.stdout
    table = _run(db_url, "list").stdout
    assert "undated: no date found" in table and "reported" not in table
    assert _run(db_url, "list", "--since", "last month").stdout == "no events match\n"
    assert "undated" in _run(db_url, "list", "--since", "last month", "--undated").stdout
    events = json.loads(_run(db_url, "list", "--undated", "--json").stdout)
    assert events and all(e["timeline_date"] is None and e["when"] is None for e in events)
    # re-ingesting with a date says how to correct it
    again = _run(db_url, "ingest", str(UNDATED_ARTICLE), "--published", "2025-01-24")
    assert "tracker article set-date 1 2025-01-24" in again.stdout


def test_the_migration_moves_events_of_undated_articles_to_undated(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine, BEFORE)
    ingest_day = dt.date(2026, 11, 30)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, source, title, published, body, content_hash, "
                "ingested_at) VALUES (1, 'u.txt', 'U', NULL, 'b', 'h1', :t), "
                "(2, 'd.txt', 'D', :d, 'b', 'h2', :t)"
            ),
            {"t": dt.datetime(2026, 11, 30, 9), "d": dt.date(2025, 1, 24)},
        )
        for event_id, when in ((1, None), (2, None), (3, dt.date(2025, 3, 1))):
            conn.execute(
                text(
                    "INSERT INTO events (id, type, status, title, when_start, when_end, "
                    "precision, timeline_date, origin, confidence, search_text, created_at, "
                    "updated_at, version) VALUES (:id, 'call', 'planned', 't', :w, :w, :p, "
                    ":td, 'extracted', 1, 't', :t, :t, 1)"
                ),
                {
                    "id": event_id,
                    "w": when,
                    "p": "day" if when else None,
                    "td": when or ingest_day,
                    "t": dt.datetime(2026, 11, 30, 9),
                },
            )
        # event 1: only the undated article; 2: both; 3: undated article but a time of its own
        conn.execute(
            text(
                "INSERT INTO mentions (event_id, article_id, sentence, start_offset, "
                "end_offset, implied_status, created_at) VALUES "
                "(1, 1, 's', 0, 1, 'planned', :t), (2, 1, 's', 0, 1, 'planned', :t), "
                "(2, 2, 's', 0, 1, 'planned', :t), (3, 1, 's', 0, 1, 'planned', :t)"
            ),
            {"t": dt.datetime(2026, 11, 30, 9)},
        )
    migrate.upgrade(engine)
    with Session(engine) as session:
        placed = dict(session.execute(select(Event.id, Event.timeline_date)).all())
        assert placed == {1: UNDATED, 2: ingest_day, 3: dt.date(2025, 3, 1)}
        sources = dict(session.execute(select(Article.id, Article.date_source)).all())
        assert sources == {1: "none", 2: None}
    migrate.downgrade(engine, BEFORE)
    with engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT id, timeline_date FROM events")).all())
    assert str(rows[1]).startswith("2026-11-30")
    migrate.upgrade(engine)  # and up again
    engine.dispose()
    open_database(db_url).dispose()
