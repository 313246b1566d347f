"""Identity: ids are never reused, and the migration that made it so keeps existing data."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.cli import cli
from tracker.db import migrate
from tracker.db.models import Actor, Article, Event, Mention, StatusChange
from tracker.db.session import open_database
from tracker.domain import When
from tracker.errors import NotFoundError, TrackerError
from tracker.services.actors import add_actor
from tracker.services.events import (
    ActorRole,
    add_event,
    change_status,
    delete_event,
    get_event,
    history_order,
    merge_events,
    merged_into,
)
from tracker.services.query import EventFilter, count_events, list_events

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
    migrate.downgrade(engine, "0007")  # a database from before ids were kept
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


def _article(session: Session, title: str, sentence: str) -> Article:
    article = Article(
        source=f"{title}.txt",
        title=title,
        published=dt.date(2025, 2, 10),
        body=sentence,
        content_hash=title.ljust(64, "x")[:64],
    )
    session.add(article)
    return article


def _mention(event: Event, article: Article, status: str) -> Mention:
    return Mention(
        event=event,
        article=article,
        sentence=article.body,
        start_offset=0,
        end_offset=len(article.body),
        implied_status=status,
    )


def test_merge_keeps_the_older_id_with_all_evidence_and_history(session):
    first = add_event(
        session,
        type="call",
        status="planned",
        actors=[ActorRole("Donald Trump", "initiator"), ActorRole("Vladimir Putin", "target")],
        title="Trump–Putin call",
        when=When(dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month"),
    )
    second = add_event(
        session,
        type="call",
        status="planned",
        actors=[
            ActorRole("Vladimir Putin", "participant"),
            ActorRole("Donald Trump", "initiator"),
            ActorRole("Dmitry Peskov", "participant"),
        ],
        title="Call with the Kremlin",
        when=FEB_12,
    )
    session.add(_mention(first, _article(session, "one", "Trump plans a call."), "planned"))
    session.add(_mention(second, _article(session, "two", "Peskov on the call."), "planned"))
    session.commit()
    change_status(session, second.id, "occurred", at=FEB_12, note="Kremlin readout")
    session.commit()
    first_id, second_id = first.id, second.id

    result = merge_events(session, second_id, first_id, note="same call")  # order does not matter
    session.commit()
    session.expire_all()

    assert (result.kept_id, result.merged_id) == (first_id, second_id)
    kept = get_event(session, first_id)
    assert sorted(m.article.title for m in kept.mentions) == ["one", "two"]
    # participations deduplicated: Putin stays the target, not also a participant
    assert sorted((p.actor.name, p.role) for p in kept.participations) == [
        ("Dmitry Peskov", "participant"),
        ("Donald Trump", "initiator"),
        ("Vladimir Putin", "target"),
    ]
    history = sorted(kept.status_changes, key=history_order)
    assert [c.to_status for c in history] == ["planned", "planned", "occurred", "occurred"]
    assert "merged event" in history[-1].note and "same call" in history[-1].note
    assert kept.status == "occurred"
    assert (kept.when_start, kept.precision) == (dt.date(2025, 2, 12), "day")
    assert count_events(session, EventFilter(text="peskov")) == 1
    assert list_events(session, EventFilter(text="peskov"))[0].id == first_id
    assert session.get(Event, second_id) is None
    with pytest.raises(NotFoundError, match=f"event {second_id} was merged into {first_id}"):
        get_event(session, second_id)
    assert merged_into(session, second_id) == first_id


def test_merged_ids_follow_later_merges_and_deletions(session):
    a, b, c = (_call(session, f"call {n}").id for n in range(3))
    session.commit()
    merge_events(session, b, c)
    merge_events(session, a, b)
    session.commit()
    assert merged_into(session, c) == a
    delete_event(session, a)
    session.commit()
    with pytest.raises(NotFoundError, match=f"merged into {a}, which has since been deleted"):
        get_event(session, c)
    with pytest.raises(TrackerError, match="itself"):
        merge_events(session, a, a)


def test_merge_command(db_url):
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(cli, ["--db", db_url, *args], input=input, catch_exceptions=False)

    ids = []
    for when in ("Feb 2025", "12 Feb 2025"):
        result = run(
            "add", "--type", "call", "--actor", "Donald Trump", "--actor", "Russia", "--when", when
        )
        assert result.exit_code == 0, result.output
        ids.append(int(result.stdout.split()[2].rstrip(":")))
    refused = run("merge", str(ids[0]), str(ids[1]), input="n\n")
    assert refused.exit_code == 1 and "nothing merged" in refused.output
    merged = run("merge", str(ids[1]), str(ids[0]), "--note", "one call")
    assert merged.exit_code == 1  # no answer on stdin: nothing merged
    merged = run("merge", str(ids[1]), str(ids[0]), "--yes")
    assert merged.exit_code == 0, merged.output
    assert f"merged event {ids[1]} into {ids[0]}" in merged.output
    shown = run("show", str(ids[1]))
    assert shown.exit_code == 0
    assert f"event {ids[1]} was merged into {ids[0]}" in shown.stderr
    assert f"Event {ids[0]}:" in shown.stdout and "12 Feb 2025" in shown.stdout
    assert "merged event" in shown.stdout
    status = run("status", str(ids[1]), "occurred")
    assert status.exit_code == 2
    assert f"event {ids[1]} was merged into {ids[0]}" in status.stderr
    again = run("merge", str(ids[0]), str(ids[1]), "--yes")
    assert again.exit_code == 2 and "was merged into" in again.stderr


def _cli(db_url):
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(cli, ["--db", db_url, *args], input=input, catch_exceptions=False)

    return run


def test_typed_actors_resolve_through_the_gazetteer_and_aliases(db_url):
    run = _cli(db_url)
    added = run("add", "--type", "call", "--actor", "Germany:initiator", "--actor", "the Kremlin")
    assert added.exit_code == 0, added.output
    actors = {a["name"]: a for a in json.loads(run("actors", "list", "--json").output)}
    assert (actors["Germany"]["kind"], actors["Germany"]["country"]) == ("state", "DE")
    assert (actors["Russia"]["kind"], actors["Russia"]["country"]) == ("state", "RU")
    assert "the Kremlin" in actors["Russia"]["aliases"]
    assert "the Kremlin" not in actors
    shown = json.loads(run("list", "--json").output)[0]
    assert shown["actors"] == [
        {"name": "Germany", "role": "initiator"},
        {"name": "Russia", "role": "participant"},
    ]
    assert "Germany" in shown["title"] and "Russia" in shown["title"]


def test_an_unknown_actor_is_refused_with_close_names_unless_asked_for(db_url):
    run = _cli(db_url)
    typo = run("add", "--type", "call", "--actor", "Vladmir Putn:target")
    assert typo.exit_code == 2
    assert [line for line in typo.stderr.splitlines() if "error" in line] == [
        typo.stderr.splitlines()[-1]
    ]
    assert "unknown actor 'Vladmir Putn' (did you mean Vladimir Putin?)" in typo.stderr
    assert "--new-actor 'Vladmir Putn'" in typo.stderr
    assert json.loads(run("list", "--json").output) == []
    assert json.loads(run("actors", "list", "--json").output) == []
    made = run("add", "--type", "talks", "--new-actor", "Atlantis Front:initiator", "--json")
    assert made.exit_code == 0, made.output
    assert json.loads(made.output)["actors"] == [{"name": "Atlantis Front", "role": "initiator"}]
    # a new actor is known from then on
    assert run("add", "--type", "talks", "--actor", "atlantis front").exit_code == 0
    edited = run("edit", "1", "--actor", "Atlantis Frnt")
    assert edited.exit_code == 2 and "did you mean Atlantis Front?" in edited.stderr


def test_actors_edit_fixes_kind_country_and_name(db_url):
    run = _cli(db_url)
    assert (
        run("add", "--type", "talks", "--new-actor", "Wagner PMC", "--actor", "Russia").exit_code
        == 0
    )
    actor_id = next(
        a["id"]
        for a in json.loads(run("actors", "list", "--json").output)
        if a["name"] == "Wagner PMC"
    )
    fixed = run("actors", "edit", "Wagner PMC", "--kind", "group", "--country", "ru")
    assert fixed.exit_code == 0, fixed.output
    assert "Wagner PMC (group, RU)" in fixed.output
    renamed = run("actors", "edit", str(actor_id), "--name", "Africa Corps")
    assert renamed.exit_code == 0 and "also known as Wagner PMC" in renamed.output
    # the old name still finds the events, and search sees the new name
    assert len(json.loads(run("list", "--actor", "Wagner PMC", "--json").output)) == 1
    assert len(json.loads(run("list", "--search", "africa", "--json").output)) == 1
    for args, message in [
        (["--kind", "alien"], "unknown actor kind 'alien'"),
        (["--country", "RUS"], "not a two-letter code"),
        (["--name", "Russia"], "already names 'Russia'"),
        ([], "nothing to change"),
    ]:
        bad = run("actors", "edit", "Africa Corps", *args)
        assert bad.exit_code == 2 and message in bad.stderr, (args, bad.stderr)
    assert run("actors", "edit", "999", "--kind", "group").exit_code == 2
    cleared = run("actors", "edit", "Africa Corps", "--country", "")
    assert "(group, no country)" in cleared.output
