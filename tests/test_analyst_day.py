"""The analyst's day: agenda, what changed since I last looked, exports other tools load."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from tracker.cli import cli
from tracker.db.models import utcnow
from tracker.domain import When
from tracker.services.agenda import agenda
from tracker.services.changes import changes_since, database_user, last_seen, mark_seen
from tracker.services.events import ActorRole, add_event, change_status
from tracker.services.export import export_events, plover_codes
from tracker.services.ingest import ingest_text
from tracker.services.query import EventFilter, iter_events

TODAY = dt.date(2026, 12, 2)


def day(offset: int) -> When:
    d = TODAY + dt.timedelta(days=offset)
    return When(d, d, "day")


def event(session, type_="meeting", status="planned", when=None, actors=("Donald Trump",
          "Xi Jinping"), **kw):
    roles = ["initiator", "target"] if type_ in ("sanctions", "criticism") else [None, None]
    states = {"United States": "US", "Russia": "RU"}
    return add_event(session, type=type_, status=status, when=when,
                     actors=[ActorRole(a, r or "participant",
                                       "state" if a in states else "person", states.get(a))
                             for a, r in zip(actors, roles, strict=True)], **kw)


ARTICLE = """---
title: Trump and Putin to speak next week
published: 2026-11-30
source: Wire, https://example.org/call
---

The White House said on Monday that Donald Trump will hold a phone call with Vladimir Putin \
on December 9.
"""


# --- agenda ----------------------------------------------------------------------------------


def test_agenda_sorts_overdue_due_and_upcoming(session):
    overdue = event(session, when=day(-3), note="said on TV")
    happened = event(session, when=day(-4))
    change_status(session, happened.id, "occurred", at=day(-4))
    due = event(session, type_="call", when=day(0))
    next_week = event(session, status="proposed", when=day(6))
    threat = event(session, type_="sanctions", status="threatened", when=day(6),
                   actors=("United States", "Russia"))
    far = event(session, when=day(40))
    january = event(session, when=When(dt.date(2027, 1, 1), dt.date(2027, 1, 31), "month"))
    this_month = event(session, when=When(dt.date(2026, 12, 1), dt.date(2026, 12, 31), "month"))
    undated = event(session, when=None, timeline_fallback=TODAY + dt.timedelta(days=1))
    session.commit()

    result = agenda(session, TODAY, days=30)
    assert [i.event.id for i in result.overdue] == [overdue.id]
    assert result.overdue_total == 1
    assert result.overdue[0].source == "entered by hand: said on TV"
    assert {i.event.id for i in result.due} == {due.id, this_month.id}
    upcoming = {d: [i.event.id for i in items] for d, items in result.upcoming}
    assert upcoming[TODAY + dt.timedelta(days=6)] == [next_week.id, threat.id]
    # an approximate time is grouped at the start of its period, and says it is approximate
    assert upcoming[dt.date(2027, 1, 1)] == [january.id]
    jan_item = dict(result.upcoming)[dt.date(2027, 1, 1)][0]
    assert jan_item.approximate and jan_item.when.label().startswith("Jan 2027")
    all_ids = {i.event.id for _, items in result.upcoming for i in items}
    assert far.id not in all_ids and undated.id not in all_ids and happened.id not in all_ids


def test_agenda_lists_fresh_plans_with_no_known_time_for_follow_up(session):
    from tracker.domain import UNDATED

    fresh = event(session, type_="call", when=None, timeline_fallback=TODAY - dt.timedelta(days=5))
    stale = event(session, when=None, timeline_fallback=TODAY - dt.timedelta(days=200))
    undated = event(session, status="proposed", when=None, timeline_fallback=UNDATED)
    done = event(session, status="occurred", when=None, timeline_fallback=TODAY)
    timed = event(session, when=day(3))
    session.commit()

    result = agenda(session, TODAY, days=14)
    # newest first: an undated article's plan sorts after every day
    assert [i.event.id for i in result.untimed] == [undated.id, fresh.id]
    assert all(i.when is None and not i.approximate for i in result.untimed)
    listed = {i.event.id for _, items in result.upcoming for i in items}
    assert timed.id in listed and not {stale.id, done.id} & {i.event.id for i in result.untimed}


def test_agenda_names_the_article_behind_a_status(session):
    ingest_text(session, ARTICLE, "call.txt")
    session.commit()
    result = agenda(session, dt.date(2026, 12, 2), days=14)
    items = [i for _, items in result.upcoming for i in items]
    assert items and items[0].event.type == "call"
    assert "Trump and Putin to speak next week" in items[0].source


def test_agenda_command(db_url):
    runner = CliRunner()
    runner.invoke(cli, ["--db", db_url, "add", "--type", "meeting", "--status", "planned",
                        "--actor", "Donald Trump:initiator", "--actor", "Xi Jinping:target",
                        "--when", (dt.date.today() + dt.timedelta(days=3)).isoformat()])
    result = runner.invoke(cli, ["--db", db_url, "agenda", "--days", "7"])
    assert result.exit_code == 0, result.output
    assert "UPCOMING" in result.output and "Trump–Xi meeting" in result.output
    assert "NO KNOWN TIME" in result.output
    data = json.loads(runner.invoke(cli, ["--db", db_url, "agenda", "--json"]).output)
    assert data["upcoming"][0]["events"][0]["status_source"].startswith("entered by hand")
    bad = runner.invoke(cli, ["--db", db_url, "agenda", "--days", "-1"])
    assert bad.exit_code == 2


# --- changes ---------------------------------------------------------------------------------


def test_changes_since_a_time_lists_new_events_and_status_moves(session):
    old = event(session, when=day(5))
    session.commit()
    mark = utcnow()
    new = event(session, type_="call", when=day(7))
    change_status(session, old.id, "postponed", note="trip put off")
    session.commit()
    found = changes_since(session, mark)
    assert [e.id for e in found.new_events] == [new.id]
    assert [(c.event_id, c.from_status, c.to_status) for c in found.moves] == [
        (old.id, "planned", "postponed")
    ]
    assert found.changed_event_ids == {old.id, new.id}


def test_the_mark_is_kept_per_database_user(session):
    user = database_user(session)
    assert user
    assert last_seen(session, user) is None
    first = mark_seen(session, user, dt.datetime(2026, 12, 1, 8, 0))
    mark_seen(session, "colleague", dt.datetime(2026, 11, 1, 8, 0))
    assert last_seen(session, user) == first
    later = mark_seen(session, user)
    assert last_seen(session, user) == later > first
    assert last_seen(session, "colleague") == dt.datetime(2026, 11, 1, 8, 0)


def test_changes_command_moves_the_mark_unless_asked_not_to(db_url):
    runner = CliRunner()

    def changes(*args):
        result = runner.invoke(cli, ["--db", db_url, "changes", *args])
        assert result.exit_code == 0, result.output
        return result.output

    runner.invoke(cli, ["--db", db_url, "add", "--type", "call", "--status", "planned",
                        "--actor", "Donald Trump", "--actor", "Vladimir Putin",
                        "--when", "next Tuesday"])
    assert "1 new events" in changes("--keep-mark")
    assert "1 new events" in changes()  # first look: the last 7 days; moves the mark
    assert "0 new events, 0 status changes" in changes()
    runner.invoke(cli, ["--db", db_url, "status", "1", "cancelled", "--note", "called off"])
    out = changes("--json")
    data = json.loads(out)
    assert [(c["from"], c["to"]) for c in data["status_changes"]] == [("planned", "cancelled")]
    assert "0 new events, 0 status changes" in changes()
    assert "1 new events" in changes("--since", "yesterday")


# --- exports ---------------------------------------------------------------------------------


@pytest.fixture
def filled(session):
    ingest_text(session, ARTICLE, "call.txt")
    event(session, when=day(10))
    cancelled = event(session, type_="talks", when=When(dt.date(2027, 3, 1),
                                                      dt.date(2027, 3, 31), "month"))
    change_status(session, cancelled.id, "cancelled", note="called off")
    event(session, type_="sanctions", status="threatened", actors=("United States", "Russia"),
          when=day(3))
    event(session, type_="criticism", status="occurred", actors=("Russia", "NATO"),
          when=day(-1))
    session.commit()
    return session


def _export(session, fmt, filt=None) -> str:
    out = io.StringIO()
    export_events(session, fmt, out, filt)
    return out.getvalue()


def test_jsonl_has_actors_roles_time_history_and_evidence(filled):
    rows = [json.loads(line) for line in _export(filled, "jsonl").splitlines()]
    assert len(rows) == 5
    call = next(r for r in rows if r["type"] == "call")
    assert call["when"] == {"start": "2026-12-09", "end": "2026-12-09", "precision": "day"}
    assert {a["name"] for a in call["actors"]} == {"Donald Trump", "Vladimir Putin"}
    assert all(a["role"] for a in call["actors"])
    assert call["history"][0]["to"] == "planned" and call["history"][0]["source"] == "call.txt"
    assert call["evidence"][0]["article_title"] == "Trump and Putin to speak next week"
    assert call["evidence"][0]["published"] == "2026-11-30"
    assert "phone call" in call["evidence"][0]["sentence"]
    talks = next(r for r in rows if r["type"] == "talks")
    assert [h["to"] for h in talks["history"]] == ["planned", "cancelled"]


def test_exports_take_the_list_filters(filled):
    rows = _export(filled, "jsonl", EventFilter(types=("sanctions",))).splitlines()
    assert [json.loads(r)["type"] for r in rows] == ["sanctions"]


def test_csv_loads_with_the_csv_reader(filled):
    rows = list(csv.DictReader(io.StringIO(_export(filled, "csv"))))
    assert len(rows) == 5
    threat = next(r for r in rows if r["type"] == "sanctions")
    assert threat["initiators"] == "United States" and threat["targets"] == "Russia"
    assert threat["precision"] == "day"
    call = next(r for r in rows if r["type"] == "call")
    assert call["evidence_source"] == "call.txt" and call["mentions"] == "1"
    assert "→ planned" in call["history"]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text(session):
    """Titles, names, sentences and notes come from articles and people: one opening with
    "=" (or +, -, @) would run as a formula where the file is opened (CSV injection)."""
    add_event(
        session, type="call", status="planned", actors=[ActorRole("Donald Trump")],
        title='=HYPERLINK("http://evil.example","click")', when=day(1),
    )  # fmt: skip
    quiet = add_event(session, type="talks", status="planned", title="Gaza talks", when=day(2))
    quiet.notes = "+1 (202) 555 0100, @the embassy"
    session.commit()
    rows = list(csv.DictReader(io.StringIO(_export(session, "csv"))))
    evil = next(r for r in rows if r["type"] == "call")
    assert evil["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    plain = next(r for r in rows if r["type"] == "talks")
    assert plain["notes"] == "'+1 (202) 555 0100, @the embassy"
    assert plain["title"] == "Gaza talks" and plain["id"] == str(quiet.id)
    assert plain["history"].startswith("— → planned")  # an em dash is text: left as it is
    # the JSON formats keep the text exactly
    titles = {json.loads(line)["title"] for line in _export(session, "jsonl").splitlines()}
    assert '=HYPERLINK("http://evil.example","click")' in titles


def test_icalendar_parses_with_stable_uids_all_day_events_and_cancellations(filled):
    text = _export(filled, "ics")
    calendar = Calendar.from_ical(text)
    items = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    # planned, proposed, postponed and cancelled events with a time; not threats or the past
    assert len(items) == 3
    call = next(e for s, e in items.items() if "phone call" in s)
    assert call.decoded("DTSTART") == dt.date(2026, 12, 9)  # a day: an all-day event
    assert call.decoded("DTEND") == dt.date(2026, 12, 10)
    assert str(call["STATUS"]) == "CONFIRMED"
    talks = next(e for s, e in items.items() if "talks" in s)
    assert str(talks["STATUS"]) == "CANCELLED"
    assert talks.decoded("DTSTART") == dt.date(2027, 3, 1)  # a month: its first day ...
    assert "precision: month" in str(talks["DESCRIPTION"])  # ... saying so
    again = Calendar.from_ical(_export(filled, "ics"))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {
        str(e["UID"]) for e in calendar.walk("VEVENT")
    }


def test_plover_codes_follow_type_and_status():
    assert plover_codes("call", "occurred") == ("CONSULT", "phone", "041")
    assert plover_codes("meeting", "planned")[::2] == ("AGREE", "036")
    assert plover_codes("meeting", "cancelled")[::2] == ("REJECT", "125")
    assert plover_codes("sanctions", "threatened")[::2] == ("THREATEN", "1312")
    assert plover_codes("military", "threatened")[::2] == ("THREATEN", "138")
    assert plover_codes("agreement", "occurred", text="a ceasefire")[::2] == ("RETREAT", "0871")
    assert plover_codes("meeting", "occurred", parties=4)[1:] == ("multilateral", "044")


def test_plover_records_load_as_json(filled):
    rows = [json.loads(line) for line in _export(filled, "plover").splitlines()]
    threat = next(r for r in rows if r["tracker_type"] == "sanctions")
    assert (threat["event_type"], threat["cameo"]) == ("THREATEN", "1312")
    assert (threat["actor"], threat["recipient"]) == ("United States", "Russia")
    assert threat["actor_country"] == "US"


def test_iter_events_reads_page_by_page_and_finds_everything(session):
    for offset in range(7):
        event(session, when=day(offset))
    session.commit()
    assert len(list(iter_events(session, page_size=2))) == 7
    assert len(list(iter_events(session, page_size=2, limit=5))) == 5


def test_export_command_writes_a_file_atomically_and_reports(db_url, tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["--db", db_url, "add", "--type", "call", "--status", "planned",
                        "--actor", "Donald Trump", "--actor", "Vladimir Putin",
                        "--when", "next Tuesday"])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "events.ics"
    result = runner.invoke(cli, ["--db", db_url, "export", "--format", "ics", "-o", str(target),
                                 "--type", "call"])
    assert result.exit_code == 0, result.output
    assert f"exported 1 event to {target}" in result.output
    assert len(Calendar.from_ical(target.read_text()).walk("VEVENT")) == 1
    assert [p.name for p in out_dir.iterdir()] == ["events.ics"], "no temporary file left"
    missing = runner.invoke(cli, ["--db", db_url, "export", "--format", "csv", "-o",
                                  str(tmp_path / "nope" / "x.csv")])
    assert missing.exit_code == 2 and "no folder" in missing.output
    stdout = runner.invoke(cli, ["--db", db_url, "export", "--format", "jsonl"])
    assert json.loads(stdout.stdout.splitlines()[0])["type"] == "call"


def test_an_exported_file_is_readable_like_any_new_file_and_keeps_the_mode_it_had(
    db_url, tmp_path
):
    """The export is written in a private temporary file and renamed: it must not stay 0600
    (a calendar server reading the .ics as another user would lose it)."""
    import os
    import stat

    runner = CliRunner()
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "events.ics"
        result = runner.invoke(cli, ["--db", db_url, "export", "--format", "ics", "-o", str(fresh)])
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "shared.csv"
        kept.write_text("old\n")
        kept.chmod(0o664)
        result = runner.invoke(cli, ["--db", db_url, "export", "--format", "csv", "-o", str(kept)])
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(kept.stat().st_mode) == 0o664 and kept.read_text() != "old\n"
    finally:
        os.umask(old)
    # a folder named as the file is one line, not a traceback, and nothing is left behind
    before = sorted(p.name for p in tmp_path.iterdir())
    folder = runner.invoke(cli, ["--db", db_url, "export", "--format", "csv", "-o", str(tmp_path)])
    assert folder.exit_code == 2
    assert folder.stderr == f"tracker: error: {str(tmp_path)!r} is a folder: give a file name\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_icalendar_export_of_the_calendars_last_day(session):
    event(session, when=When(dt.date.max, dt.date.max, "day"))
    session.commit()
    items = Calendar.from_ical(_export(session, "ics")).walk("VEVENT")
    assert [e.decoded("DTSTART") for e in items] == [dt.date.max]
