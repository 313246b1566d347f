"""Status changes and the event's time: occurred elsewhere than planned moves the event, the
history keeps the planned time, an occurred time in the future is refused."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.db.session import make_engine
from tracker.domain import When, day_label
from tracker.errors import TrackerError
from tracker.services.events import (
    ActorRole,
    add_event,
    change_status,
    event_when,
    get_event,
    moved_text,
    plan_status_time,
    previous_when,
)

TODAY = dt.date(2026, 12, 2)  # a Wednesday


def day(d: dt.date) -> When:
    return When(d, d, "day")


DEC_1, DEC_8 = day(dt.date(2026, 12, 1)), day(dt.date(2026, 12, 8))


def planned_call(session, when=DEC_8, status="planned"):
    event = add_event(
        session,
        type="call",
        status=status,
        actors=[ActorRole("Donald Trump"), ActorRole("Vladimir Putin")],
        when=when,
    )
    session.commit()
    return event.id


def test_occurred_at_another_time_moves_the_event_and_keeps_the_planned_time(session):
    event_id = planned_call(session)
    change = change_status(session, event_id, "occurred", at=DEC_1, today=TODAY)
    session.commit()
    session.expire_all()
    event = get_event(session, event_id)
    assert event_when(event) == DEC_1 and event.timeline_date == DEC_1.start
    assert event.status == "occurred"
    last = event.status_changes[-1]
    assert last.id == change.id and previous_when(last) == DEC_8
    assert moved_text(last) == "planned for Tue 8 Dec 2026, occurred Tue 1 Dec 2026"


def test_keep_time_leaves_the_event_where_it_was(session):
    event_id = planned_call(session)
    change_status(session, event_id, "occurred", at=DEC_1, today=TODAY, keep_time=True)
    session.commit()
    event = get_event(session, event_id)
    assert event_when(event) == DEC_8
    assert previous_when(event.status_changes[-1]) is None
    assert event.status_changes[-1].effective_at == DEC_1.start


def test_an_occurred_time_in_the_future_is_refused_and_nothing_is_written(session):
    event_id = planned_call(session)
    with pytest.raises(TrackerError, match="cannot have occurred in the future"):
        change_status(session, event_id, "occurred", at=DEC_8, today=TODAY)
    session.rollback()
    event = get_event(session, event_id)
    assert event.status == "planned" and len(event.status_changes) == 1
    # other statuses may take effect at any time; they never move the event
    change_status(session, event_id, "postponed", at=DEC_1, today=TODAY)
    assert event_when(get_event(session, event_id)) == DEC_8


def test_without_a_time_occurred_means_at_the_planned_time_once_it_has_come(session):
    past = planned_call(session, when=DEC_1)
    change = change_status(session, past, "occurred", today=TODAY)
    assert change.effective_at == DEC_1.start and previous_when(change) is None
    ahead = planned_call(session)  # planned for the 8th, marked occurred on the 2nd
    change = change_status(session, ahead, "occurred", today=TODAY)
    assert change.effective_at == TODAY and previous_when(change) == DEC_8
    assert event_when(get_event(session, ahead)) == day(TODAY)
    undated = planned_call(session, when=None)
    change = change_status(session, undated, "occurred", today=TODAY)
    assert change.effective_at == TODAY and event_when(get_event(session, undated)) is None


def test_a_wider_time_confirms_the_planned_one_and_a_narrower_one_refines_it():
    december = When(dt.date(2026, 12, 1), dt.date(2026, 12, 31), "month")
    early_december = When(dt.date(2026, 12, 1), dt.date(2026, 12, 10), "month")
    assert not plan_status_time("occurred", DEC_1, december, dt.date(2027, 1, 5)).moves
    refined = plan_status_time("occurred", early_december, DEC_1, TODAY)
    assert refined.moves and refined.moved_from == early_december


def test_changes_read_from_articles_move_nothing(session):
    from tracker.db.models import Article, Mention

    event_id = planned_call(session)
    article = Article(source="a.txt", title="A", body="b", content_hash="x" * 64)
    mention = Mention(
        event_id=event_id, article=article, sentence="s", start_offset=0, end_offset=1,
        implied_status="occurred",
    )
    session.add(mention)
    session.flush()
    change_status(session, event_id, "occurred", at=DEC_1, mention=mention, today=TODAY)
    assert event_when(get_event(session, event_id)) == DEC_8


# ------------------------------------------------------------------ the command line


@pytest.fixture
def run(db_url):
    make_engine(db_url).dispose()
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", db_url, *args], catch_exceptions=False)

    return invoke


def _add(run, *args):
    result = run("add", "--type", "call", "--actor", "Donald Trump", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_status_occurred_yesterday_moves_the_event_and_says_so(run):
    today = dt.date.today()
    planned = today + dt.timedelta(days=6)
    yesterday = today - dt.timedelta(days=1)
    event = _add(run, "--when", planned.isoformat())
    result = run("status", str(event["id"]), "occurred", "--at", "yesterday")
    assert result.exit_code == 0, result.output
    assert f"moved from {day_label(planned)} to {day_label(yesterday)}" in result.output
    shown = run("show", str(event["id"]))
    assert f"planned for {day_label(planned)}, occurred {day_label(yesterday)}" in shown.output
    assert f"when      {day_label(yesterday)}" in shown.output
    data = json.loads(run("show", str(event["id"]), "--json").output)
    assert data["when"]["start"] == yesterday.isoformat()
    assert data["history"][-1]["previous_when"]["start"] == planned.isoformat()


def test_cli_keep_time_and_the_future_refused(run):
    today = dt.date.today()
    planned = today + dt.timedelta(days=6)
    event = _add(run, "--when", planned.isoformat())
    refused = run("status", str(event["id"]), "occurred", "--at", "tomorrow")
    assert refused.exit_code == 2
    assert refused.output.count("\n") == 1 and "cannot have occurred in the future" in (
        refused.output
    )
    kept = run("status", str(event["id"]), "occurred", "--at", "yesterday", "--keep-time")
    assert kept.exit_code == 0 and "moved" not in kept.output
    shown = json.loads(run("show", str(event["id"]), "--json").output)
    assert shown["when"]["start"] == planned.isoformat() and shown["status"] == "occurred"


def test_cli_add_reads_a_month_forward_for_a_planned_event_and_back_for_an_occurred_one(run):
    today = dt.date.today()
    last_month = today.month - 1 or 12  # the month before this one
    name = dt.date(2000, last_month, 1).strftime("%B")
    ahead_year = today.year if last_month >= today.month else today.year + 1
    back_year = today.year if last_month <= today.month else today.year - 1
    planned = _add(run, "--when", f"early {name}")
    assert planned["when"]["start"] == f"{ahead_year}-{last_month:02d}-01"
    assert planned["when"]["end"] == f"{ahead_year}-{last_month:02d}-10"
    occurred = _add(run, "--status", "occurred", "--when", name)
    assert occurred["when"]["start"] == f"{back_year}-{last_month:02d}-01"


def test_cli_outputs_carry_the_weekday(run):
    event = _add(run, "--when", "2026-12-04")
    added = run("add", "--type", "call", "--actor", "Donald Trump", "--when", "2026-12-04")
    assert "Fri 4 Dec 2026" in added.output
    edited = run("edit", str(event["id"]), "--when", "the week of 7 Dec 2026")
    assert edited.output.strip() == f"event {event['id']} updated: week of Mon 7 Dec 2026"


def test_cli_unparseable_or_out_of_range_dates_are_one_line(run):
    for text in ("the day after never", "31 June 2026", "Q5"):
        result = run("add", "--type", "call", "--when", text)
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and "cannot understand the time" in result.output
    published = run("extract", "--published", "0000-01-01", __file__)
    assert published.exit_code == 2 and published.output.count("\n") == 1


def test_cli_add_refuses_an_occurred_event_in_the_future_and_writes_nothing(run):
    refused = run(
        "add", "--type", "call", "--actor", "Donald Trump", "--status", "occurred",
        "--when", "next Friday",
    )
    assert refused.exit_code == 2
    assert refused.output.count("\n") == 1
    assert "cannot have occurred in the future" in refused.output
    assert json.loads(run("list", "--json").output) == []
    # the same time is fine for a plan, and a past time for an act
    assert run("add", "--type", "call", "--actor", "Donald Trump", "--when", "next Friday")\
        .exit_code == 0
    assert run(
        "add", "--type", "call", "--actor", "Donald Trump", "--status", "occurred",
        "--when", "yesterday",
    ).exit_code == 0


def test_cli_edit_refuses_to_move_an_occurred_event_after_today(run):
    event = _add(run, "--status", "occurred", "--when", "yesterday")
    refused = run("edit", str(event["id"]), "--when", "next Friday")
    assert refused.exit_code == 2
    assert refused.output.count("\n") == 1
    assert "cannot have occurred in the future" in refused.output
    shown = json.loads(run("show", str(event["id"]), "--json").output)
    assert shown["when"] == event["when"] and shown["version"] == event["version"]
    # a past time is fine for an act, a future one for a plan
    assert run("edit", str(event["id"]), "--when", "last Monday").exit_code == 0
    plan = _add(run, "--when", "tomorrow")
    assert run("edit", str(plan["id"]), "--when", "next Friday").exit_code == 0


def test_add_event_checks_the_future_only_for_a_persons_entry(session):
    today = dt.date(2026, 12, 2)
    friday = When(dt.date(2026, 12, 4), dt.date(2026, 12, 4), "day")
    with pytest.raises(TrackerError, match="cannot have occurred in the future"):
        add_event(session, type="call", status="occurred", when=friday, today=today)
    # an article's claim is kept as told (extraction passes no today)
    event = add_event(session, type="call", status="occurred", when=friday, origin="extracted")
    assert event.when_start == friday.start


def test_occurred_at_the_events_own_time_as_shown_moves_nothing(session):
    """An article can give a day-precision event a span (a visit "from 17 to 19 February"),
    shown as its first day: typing that day back (the status form's default) is its own time,
    not a move "from Tue 17 Feb 2026 to Tue 17 Feb 2026"."""
    visit = When(dt.date(2026, 2, 17), dt.date(2026, 2, 19), "day")
    shown = When(dt.date(2026, 2, 17), dt.date(2026, 2, 17), "day")
    assert visit.label() == shown.label() == "Tue 17 Feb 2026"
    plan = plan_status_time("occurred", visit, shown, TODAY)
    assert not plan.moves and plan.effective == visit
    event_id = planned_call(session, when=visit)
    change = change_status(session, event_id, "occurred", at=shown, today=TODAY)
    assert previous_when(change) is None and moved_text(change) is None
    assert event_when(get_event(session, event_id)) == visit
    # another day is still a move
    assert plan_status_time("occurred", visit, day(dt.date(2026, 2, 16)), TODAY).moves
