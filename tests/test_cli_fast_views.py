"""`tracker agenda` and `changes` read through the DB-API driver (tracker.services.reading) and
print exactly what the service path prints, on every backend; `changes` moves the same mark."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker.services.reading as reading
from tests.cli_imports import commands_import_sqlalchemy
from tests.conftest import set_up_once
from tracker.cli import cli
from tracker.db.session import open_database

SEED = Path(__file__).resolve().parents[1] / "seeds"


def run(url, *args):
    result = CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _set_up(db_url):
    """Extracted events (with their articles) and hand-made ones around today: overdue, due,
    upcoming (a day and a month), without a time, with status moves and notes."""
    open_database(db_url).dispose()
    run(db_url, "ingest", str(SEED))
    today = dt.date.today()

    def add(when, *extra):
        args = ["add", "--type", "call", "--actor", "Russia:initiator", "--actor", "China:target"]
        if when is not None:
            args += ["--when", when]
        return json.loads(run(db_url, *args, *extra, "--json"))["id"]

    overdue = add((today - dt.timedelta(days=3)).isoformat(), "--note", "said on TV")
    add(today.isoformat())
    run(db_url, "changes")  # a mark to look from
    soon = add((today + dt.timedelta(days=4)).isoformat(), "--status", "proposed")
    add((today + dt.timedelta(days=9)).isoformat(), "--title", "A planned visit")
    add(None)
    add(None, "--status", "threatened")
    moved = add((today - dt.timedelta(days=1)).isoformat())
    run(db_url, "status", str(moved), "occurred", "--note", "it happened")
    run(db_url, "status", str(soon), "postponed")
    run(db_url, "status", "3", "cancelled", "--note", "called off")
    run(db_url, "status", str(overdue), "postponed")
    return db_url


set_up, url = set_up_once(_set_up)


def both_paths(url, monkeypatch, *args):
    """(output of the fast path, output of the service path, whether the fast one served)."""
    runner = CliRunner()
    served = []
    original = reading.open_reader

    def counting(*a, **k):
        reader = original(*a, **k)
        served.append(reader is not None)
        return reader

    monkeypatch.setattr(reading, "open_reader", counting)
    fast = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
    monkeypatch.setattr(reading, "open_reader", lambda _url: None)
    slow = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
    monkeypatch.undo()
    assert fast.exit_code == slow.exit_code == 0, fast.output + slow.output
    return fast.output, slow.output, any(served)


@pytest.mark.parametrize(
    "args",
    [
        ("agenda",),
        ("agenda", "--json"),
        ("agenda", "--days", "3"),
        ("agenda", "--days", "3660", "--json"),
        ("changes", "--keep-mark"),
        ("changes", "--keep-mark", "--json"),
        ("changes", "--since", "2000-01-01"),
        ("changes", "--since", "2000-01-01", "--json"),
    ],
)
def test_views_print_what_the_services_print(url, monkeypatch, args):
    fast, slow, served = both_paths(url, monkeypatch, *args)
    assert served and fast == slow
    assert "Russia" in fast and "China" in fast
    if "--keep-mark" in args:
        assert "called off" in fast and "postponed" in fast


def test_the_views_show_what_happened_since_the_mark(url):
    run(url, "changes")
    run(url, "add", "--type", "meeting", "--actor", "Germany", "--title", "Talks in Berlin")
    run(url, "status", "2", "occurred", "--at", "2024-01-01")
    shown = run(url, "changes", "--keep-mark")
    assert "1 new events, 1 status changes" in shown and "Talks in Berlin" in shown
    assert "moved      2" in shown


def test_changes_moves_the_same_mark_on_both_paths(url, monkeypatch):
    from sqlalchemy.orm import Session

    from tracker.services.changes import database_user, last_seen

    engine = open_database(url)
    try:
        with Session(engine) as session:
            before = last_seen(session, database_user(session))
        assert before is not None
        run(url, "changes")  # the fast path
        with Session(engine) as session:
            fast_mark = last_seen(session, database_user(session))
        assert fast_mark > before
        monkeypatch.setattr(reading, "open_reader", lambda _url: None)
        run(url, "changes")
        with Session(engine) as session:
            assert last_seen(session, database_user(session)) > fast_mark
    finally:
        engine.dispose()
    monkeypatch.undo()
    assert "0 new events, 0 status changes" in run(url, "changes")


def test_agenda_and_changes_never_import_sqlalchemy(url):
    commands = [["agenda"], ["agenda", "--json"], ["changes"], ["changes", "--json"]]
    assert not commands_import_sqlalchemy(url, commands)


@pytest.mark.parametrize("driver", ["psycopg2", "psycopg"])
def test_either_postgresql_driver_serves_the_fast_paths(url, monkeypatch, driver):
    # the fast paths take psycopg2 when it is installed (it starts faster), else psycopg
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL's drivers")
    pytest.importorskip(driver)
    monkeypatch.setattr(reading, "PG_DRIVERS", (driver,))
    with reading.open_reader(url) as reader:
        assert type(reader.connection).__module__.startswith(driver)
    for args in (("agenda", "--json"), ("changes", "--keep-mark"), ("list", "--search", "putin"),
                 ("show", "3", "--json"), ("list", "--json")):  # fmt: skip
        fast, slow, served = both_paths(url, monkeypatch, *args)
        monkeypatch.setattr(reading, "PG_DRIVERS", (driver,))
        assert served and fast == slow
    # a write, and an error of the driver, read the same
    out = run(url, "status", "3", "postponed", "--note", f"through {driver}")
    assert out.startswith("event 3: ")
    added = json.loads(run(url, "add", "--type", "call", "--actor", "Russia", "--json"))
    assert added["title"] == "Russia phone call" and added["version"] == 2
