"""Articles as first-class records: list, details, set-date and re-extraction that keeps
everything a person entered or changed."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import tracker.extract
from tracker.cli import cli
from tracker.db.models import Article, Event, Mention, StatusChange
from tracker.db.session import make_engine, unit_of_work
from tracker.domain import UNDATED, When
from tracker.services.articles import (
    article_details,
    list_articles,
    reextract_article,
    reextract_articles,
    set_article_date,
)
from tracker.services.events import (
    ActorRole,
    add_event,
    change_status,
    edit_event,
    get_event,
)
from tracker.services.ingest import ingest_paths

DATA = Path(__file__).parent / "data"
PLANNED = DATA / "call-planned.txt"  # published 2025-02-10: a call "on Wednesday" (12 Feb)
UNDATED_ARTICLE = DATA / "undated" / "call-undated.txt"


def _ingest(engine, path, published=None) -> int:
    (outcome,) = ingest_paths(engine, [str(path)], published=published).outcomes
    return outcome.article_id


def _only_event(session, article_id) -> Event:
    (event_id,) = session.scalars(
        select(Mention.event_id).where(Mention.article_id == article_id)
    ).all()
    return get_event(session, event_id)


def _ghost(session, article_id, *, type_="meeting", sentence="An old reading.", **extra):
    """An event an older extractor read from the article, which the current one does not."""
    event = add_event(
        session,
        type=type_,
        status="planned",
        actors=[ActorRole("Iran"), ActorRole("Oman")],
        origin="extracted",
        timeline_fallback=dt.date(2025, 2, 10),
    )
    mention = Mention(
        event=event,
        article_id=article_id,
        sentence=sentence,
        start_offset=9000,
        end_offset=9000 + len(sentence),
        implied_status="planned",
    )
    session.add(mention)
    session.flush()
    event.status_changes[0].mention = mention
    for name, value in extra.items():
        setattr(event, name, value)
    session.flush()
    return event.id


def test_list_and_details_say_where_the_date_came_from(engine):
    dated = _ingest(engine, PLANNED)
    undated = _ingest(engine, UNDATED_ARTICLE)
    with Session(engine) as session:
        found = {a.id: a for a in list_articles(session)}
        assert (found[dated].published, found[dated].date_source) == (dt.date(2025, 2, 10), "text")
        assert found[undated].date_text == "no date found" and found[undated].events == 1
        assert [a.id for a in list_articles(session, undated=True)] == [undated]
        details = article_details(session, dated)
        assert details.date_source_text == "read from the text"
        (mention,) = details.mentions
        assert mention.type == "call" and "expected to hold a phone call" in mention.sentence
        assert mention.when_text == "Wed 12 Feb 2025"


def test_set_date_reads_the_article_again_against_the_new_date(engine):
    article_id = _ingest(engine, PLANNED)
    with Session(engine) as session:
        event_id = _only_event(session, article_id).id
    with unit_of_work(engine) as session:
        outcome = set_article_date(session, article_id, dt.date(2025, 3, 3))
    assert (outcome.kept_mentions, outcome.new_events, outcome.removed_events) == (1, 0, 0)
    with Session(engine) as session:
        event = _only_event(session, article_id)
        assert event.id == event_id  # the same event, moved: ids in notes stay valid
        assert (event.when_start, event.timeline_date) == (dt.date(2025, 3, 5),) * 2
        (first,) = event.status_changes
        assert first.effective_at == dt.date(2025, 3, 3)
        article = session.get(Article, article_id)
        assert (article.published, article.date_source) == (dt.date(2025, 3, 3), "given")


def test_an_undated_article_given_a_date_moves_its_events_out_of_undated(engine):
    article_id = _ingest(engine, UNDATED_ARTICLE)
    with unit_of_work(engine) as session:
        assert _only_event(session, article_id).timeline_date == UNDATED
        set_article_date(session, article_id, dt.date(2025, 1, 24))
    with Session(engine) as session:
        assert _only_event(session, article_id).timeline_date == dt.date(2025, 1, 24)


def test_reextraction_removes_what_no_longer_holds_and_keeps_what_people_did(engine):
    article_id = _ingest(engine, PLANNED)
    with Session(engine) as session:
        real = _only_event(session, article_id).id
    with unit_of_work(engine) as session:
        plain = _ghost(session, article_id, sentence="An old reading.")
        noted = _ghost(session, article_id, sentence="Another.", type_="talks", notes="mine")
        statused = _ghost(session, article_id, sentence="A third.", type_="aid")
        manual = add_event(
            session, type="talks", status="planned", actors=[ActorRole("Iran")], note="by hand"
        ).id
    with unit_of_work(engine) as session:
        change_status(session, statused, "occurred", note="I checked")
        # a person's edits of the real event: its time and title
        edit_event(
            session,
            real,
            title="The first Trump–Putin call",
            when=When(dt.date(2025, 2, 14), dt.date(2025, 2, 14), "day"),
        )
    with unit_of_work(engine) as session:
        outcome = set_article_date(session, article_id, dt.date(2025, 3, 3))
    assert (outcome.removed_mentions, outcome.removed_events, outcome.kept_touched) == (3, 1, 2)
    with Session(engine) as session:
        remaining = set(session.scalars(select(Event.id)))
        assert plain not in remaining
        assert {noted, statused, manual, real} <= remaining
        assert get_event(session, noted).notes == "mine"
        kept = get_event(session, statused)
        assert kept.status == "occurred" and not kept.mentions
        edited = get_event(session, real)
        assert edited.title == "The first Trump–Putin call"
        assert edited.when_start == dt.date(2025, 2, 14)  # not re-resolved: a person set it
        assert edited.edited == "title,when"
        assert [m.article_id for m in edited.mentions] == [article_id]


def test_an_event_found_now_is_added_and_a_lost_mention_comes_back(engine):
    article_id = _ingest(engine, PLANNED)
    with unit_of_work(engine) as session:
        # as if an older extractor had missed the sentence
        session.delete(_only_event(session, article_id))
    with unit_of_work(engine) as session:
        outcome = reextract_article(session, article_id)
    assert (outcome.new_events, outcome.kept_mentions) == (1, 0)
    with Session(engine) as session:
        event = _only_event(session, article_id)
        assert event.type == "call" and event.when_start == dt.date(2025, 2, 12)
        assert session.scalar(select(func.count(StatusChange.id))) == 1


def test_an_actor_the_current_extractor_adds_joins_the_kept_event(engine):
    # as after an upgrade that names one more party: the kept event gains it (this crashed
    # when the new participation was read for the search text before it was stored)
    article_id = _ingest(engine, PLANNED)
    with unit_of_work(engine) as session:
        event = _only_event(session, article_id)
        names = sorted(p.actor.name for p in event.participations)
        dropped = event.participations[-1]
        event.participations.remove(dropped)
        session.delete(dropped)
    with unit_of_work(engine) as session:
        outcome = reextract_article(session, article_id)
    assert (outcome.kept_mentions, outcome.new_events) == (1, 0)
    with Session(engine) as session:
        event = _only_event(session, article_id)
        assert sorted(p.actor.name for p in event.participations) == names
        assert all(name.lower() in event.search_text for name in names)


def test_reextracting_twice_changes_nothing(engine):
    _ingest(engine, PLANNED)
    _ingest(engine, DATA / "call-held.txt")
    with Session(engine) as session:
        before = session.execute(select(Event.id, Event.status, Event.when_start)).all()
    for _ in range(2):
        report = reextract_articles(engine)
        assert not any(o.changed for o in report.outcomes)
    with Session(engine) as session:
        assert session.execute(select(Event.id, Event.status, Event.when_start)).all() == before


def test_one_failing_article_is_reported_and_skipped(engine, monkeypatch):
    bad = _ingest(engine, PLANNED)
    good = _ingest(engine, UNDATED_ARTICLE)
    real_extract = tracker.extract.extract

    def extract(text, *args, **kwargs):
        if kwargs.get("source") == str(PLANNED.resolve()):
            raise RuntimeError("extractor bug")
        return real_extract(text, *args, **kwargs)

    monkeypatch.setattr(tracker.extract, "extract", extract)
    report = reextract_articles(engine, [bad, good, 999])
    assert [o.article_id for o in report.failed] == [bad, 999]
    assert report.failed[0].error == "RuntimeError: extractor bug"
    assert report.failed[1].error == "no article with id 999"
    assert "articles re-extracted: 1, skipped: 2" in report.summary()


def _run(db_url, *args):
    return CliRunner().invoke(cli, ["--db", db_url, *args], catch_exceptions=False)


def test_cli_articles_article_show_set_date_and_reextract(db_url):
    make_engine(db_url).dispose()
    assert _run(db_url, "articles").stdout == "no articles yet\n"
    _run(db_url, "ingest", str(PLANNED), str(UNDATED_ARTICLE))
    table = _run(db_url, "articles").stdout.splitlines()
    assert table[0].split() == ["ID", "DATE", "FROM", "EVENTS", "SOURCE", "TITLE"]
    assert "2025-02-10" in table[1] and "no date found" in table[2]
    undated = _run(db_url, "articles", "--undated", "--json").stdout
    (only,) = json.loads(undated)
    assert only["published"] is None and only["date_source"] == "none"
    shown = _run(db_url, "article", "show", str(only["id"])).stdout
    assert "no date found (none given, none in the text)" in shown
    assert "plan to hold a phone call" in shown
    assert f"tracker article set-date {only['id']} DATE" in shown
    dated = _run(db_url, "article", "set-date", str(only["id"]), "2025-01-24")
    assert f"article {only['id']}: date no date found → 2025-01-24" in dated.stdout
    assert "given (--published or set-date)" in _run(db_url, "article", "show", "2").stdout
    listed = _run(db_url, "reextract", "--all").stdout
    assert "articles re-extracted: 2, skipped: 0" in listed
    missing = _run(db_url, "reextract", "1", "77")
    assert "article 77: skipped: no article with id 77" in missing.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["article", "show", "--", "-1"],
        ["article", "show", "99999999999999999999"],
        ["article", "set-date", "1", "not a date"],
        ["article", "show", "5"],
        ["reextract"],
        ["reextract", "1", "--all"],
        ["reextract", "0"],
    ],
)
def test_cli_article_commands_reject_bad_input_in_one_line(db_url, args):
    make_engine(db_url).dispose()
    result = _run(db_url, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("tracker: error: ") and len(result.stderr.splitlines()) == 1


def test_an_event_a_person_deleted_stays_deleted_when_its_article_is_read_again(engine):
    from tracker.db.models import DismissedReading
    from tracker.services.events import delete_event
    from tracker.services.undo import restore_event, snapshot_event

    article_id = _ingest(engine, PLANNED)
    with unit_of_work(engine) as session:
        event = _only_event(session, article_id)
        event_id, event_type = event.id, event.type
        snapshot = snapshot_event(session, event_id)
        delete_event(session, event_id)
    # re-extraction (reextract, r) and a date correction (D, set-date) read it again
    with unit_of_work(engine) as session:
        outcome = reextract_article(session, article_id)
        assert (outcome.new_events, outcome.dismissed) == (0, 1)
        assert "1 you deleted stay deleted" in outcome.summary()
    with unit_of_work(engine) as session:
        set_article_date(session, article_id, dt.date(2025, 2, 11))
    report = reextract_articles(engine)
    assert not any(o.changed for o in report.outcomes)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0
        (reading,) = session.scalars(select(DismissedReading)).all()
        assert (reading.article_id, reading.event_type) == (article_id, event_type)
    # undone, the event is back and reading the article again keeps it
    with unit_of_work(engine) as session:
        restore_event(session, snapshot)
    with unit_of_work(engine) as session:
        outcome = reextract_article(session, article_id)
        assert (outcome.kept_mentions, outcome.dismissed, outcome.new_events) == (1, 0, 0)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(DismissedReading)) == 0
        assert [e.id for e in session.scalars(select(Event))] == [event_id]
