"""`tracker status` and `tracker add` write through the DB-API driver (tracker.services.writing)
and leave the database as the services (tracker.services.events) leave it, on every backend:
the same rows (but ids and the times of writing), the same output; what the fast path cannot
do exactly it hands to the services."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

import tracker.services.reading as reading
import tracker.services.writing as writing
from tests.cli_imports import commands_import_sqlalchemy
from tests.conftest import set_up_once
from tracker.cli import cli
from tracker.db.session import open_database

SEED = Path(__file__).resolve().parents[1] / "seeds"
TODAY = dt.date.today()
# what differs between two rows written the same way at two moments
WRITTEN = {"id", "event_id", "created_at", "updated_at", "recorded_at"}


def invoke(url, *args):
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


def run(url, *args):
    result = invoke(url, *args)
    assert result.exit_code == 0, result.output
    return result.output


def _set_up(db_url):
    open_database(db_url).dispose()
    run(db_url, "ingest", str(SEED))
    run(db_url, "merge", "1", "2", "--yes")
    # the gazetteer's actors the tests name, created once through the services
    run(db_url, "add", "--type", "call", "--actor", "the Kremlin", "--actor", "China",
        "--actor", "Germany", "--actor", "Xi Jinping", "--actor", "Vladimir Putin")  # fmt: skip
    return db_url


set_up, url = set_up_once(_set_up)


@pytest.fixture
def engine(url):
    engine = open_database(url)
    yield engine
    engine.dispose()


def rows(engine, event_id):
    """Everything stored about an event, without ids and times of writing."""

    def read(sql):
        with engine.connect() as conn:
            found = conn.execute(text(sql), {"id": event_id}).mappings().all()
        return [{k: v for k, v in row.items() if k not in WRITTEN} for row in found]

    return {
        "event": read("SELECT * FROM events WHERE id = :id"),
        "actors": read(
            "SELECT p.role, a.name FROM participations p JOIN actors a ON a.id = p.actor_id "
            "WHERE p.event_id = :id ORDER BY p.id"
        ),
        "history": read("SELECT * FROM status_changes WHERE event_id = :id ORDER BY id"),
    }


def found_by_search(url, event_id, words):
    found = json.loads(run(url, "list", "--search", words, "--json"))
    return event_id in [e["id"] for e in found]


def counting(monkeypatch, name):
    """Records whether writing.``name`` served (returned a value)."""
    served = []
    original = getattr(writing, name)

    def wrapper(*a, **k):
        result = original(*a, **k)
        served.append(result is not None)
        return result

    monkeypatch.setattr(writing, name, wrapper)
    return served


def service_path(monkeypatch):
    monkeypatch.setattr(reading, "open_reader", lambda _url: None)


def same_output(fast, fast_id, slow, slow_id):
    def without_id(out, event_id):
        for form in (f"event {event_id}:", f'"id": {event_id},'):
            out = out.replace(form, "ID")
        return out

    return without_id(fast, fast_id) == without_id(slow, slow_id)


def add(url, *args):
    return json.loads(run(url, "add", *args, "--json"))["id"]


def twins(url, *args):
    """Two events made the same way (through the services)."""
    return add(url, *args), add(url, *args)


STATUS_CASES = {
    "postponed": (("--when", "2025-03-12"), ("postponed", "--note", "bad weather")),
    "occurred earlier": (("--when", "2025-03-12"), ("occurred", "--at", "2025-03-10")),
    "occurred on time": (("--when", "2025-03-12"), ("occurred",)),
    "occurred kept": (("--when", "2025-03-12"), ("occurred", "--at", "9 March 2025",
                                                 "--keep-time")),
    "occurred widening": (("--when", "2025-03-12"), ("occurred", "--at", "March 2025")),
    "undated occurred": ((), ("occurred",)),
    "undated occurred at": ((), ("occurred", "--at", "2024-05-01")),
    "earlier than the last": (("--when", "2025-03-12"), ("proposed", "--at", "2020-01-01")),
    "week": (("--when", "week of 2025-03-10"), ("occurred", "--at", "2025-03-11")),
}  # fmt: skip


@pytest.mark.parametrize("case", list(STATUS_CASES))
def test_status_writes_what_the_services_write(url, engine, monkeypatch, case):
    made, args = STATUS_CASES[case]
    base = ("--type", "meeting", "--actor", "Russia", "--actor", "China", *made)
    fast_id, slow_id = twins(url, *base)
    run(url, "status", str(fast_id), "postponed", "--at", "2020-01-01")  # some history
    run(url, "status", str(slow_id), "postponed", "--at", "2020-01-01")
    served = counting(monkeypatch, "change_status")
    fast = invoke(url, "status", str(fast_id), *args)
    assert served == [True]
    service_path(monkeypatch)
    slow = invoke(url, "status", str(slow_id), *args)
    monkeypatch.undo()
    assert fast.exit_code == slow.exit_code == 0, fast.output + slow.output
    assert same_output(fast.output, fast_id, slow.output, slow_id)
    assert rows(engine, fast_id) == rows(engine, slow_id)
    shown = [json.loads(run(url, "show", str(i), "--json")) for i in (fast_id, slow_id)]
    for data in shown:
        data.pop("id")
        for change in data["history"]:
            change.pop("recorded_at")
    assert shown[0] == shown[1]


def test_status_of_an_extracted_event(url, engine, monkeypatch):
    served = counting(monkeypatch, "change_status")
    out = run(url, "status", "3", "cancelled", "--note", "called off")
    assert served == [True] and "→ cancelled" in out
    history = rows(engine, 3)["history"]
    assert history[-1]["to_status"] == "cancelled" and history[-1]["note"] == "called off"
    assert history[-1]["mention_id"] is None and history[0]["mention_id"] is not None


def test_refusals_and_missing_events_read_as_on_the_service_path(url, engine, monkeypatch):
    event_id = add(url, "--type", "call", "--actor", "Russia", "--when", "2025-03-12")
    before = rows(engine, event_id)
    future = (TODAY + dt.timedelta(days=30)).isoformat()
    cases = [
        ("status", str(event_id), "occurred", "--at", future),
        ("status", "2", "occurred"),  # merged into 1
        ("status", "99999", "occurred"),
        ("status", "99999999999", "occurred"),
        ("add", "--type", "call", "--status", "occurred", "--actor", "Russia", "--when", future),
        ("add", "--type", "call", "--actor", "Vladmir Putn"),
        ("add", "--type", "call", "--actor", "Nobody Known", "--actor", "Russia"),
    ]
    for args in cases:
        fast = invoke(url, *args)
        service_path(monkeypatch)
        slow = invoke(url, *args)
        monkeypatch.undo()
        assert fast.exit_code == slow.exit_code == 2, args
        assert fast.output == slow.output and "error" in fast.output
    assert rows(engine, event_id) == before
    assert "merged into 1" in invoke(url, "status", "2", "occurred").output


ADD_CASES = {
    "states": ("--type", "call", "--actor", "Russia:initiator", "--actor", "China:target",
               "--when", "12 March 2025", "--note", "hand-made"),
    "people": ("--type", "meeting", "--actor", "Xi Jinping", "--actor", "Putin",
               "--when", "2025-03-12"),
    "alias": ("--type", "sanctions", "--actor", "the kremlin:initiator", "--actor",
              "germany:target", "--status", "threatened"),
    "title": ("--type", "talks", "--title", "  Grain talks in Istanbul ", "--actor", "Russia",
              "--status", "occurred", "--when", "2024-07-01"),
    "no actors": ("--type", "aid",),
    "twice the same": ("--type", "call", "--actor", "Russia", "--actor", "Russia",
                       "--actor", "Russia:initiator"),
    "new actor known": ("--type", "call", "--new-actor", "China", "--when", "Q1 2025"),
    "undated": ("--type", "demand", "--actor", "China", "--status", "proposed"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(ADD_CASES))
@pytest.mark.parametrize("as_json", [False, True])
def test_add_writes_what_the_services_write(url, engine, monkeypatch, case, as_json):
    args = ("add", *ADD_CASES[case], *(["--json"] if as_json else []))
    served = counting(monkeypatch, "add_event")
    fast = invoke(url, *args)
    assert served == [True]
    service_path(monkeypatch)
    slow = invoke(url, *args)
    monkeypatch.undo()
    assert fast.exit_code == slow.exit_code == 0, fast.output + slow.output
    if as_json:
        fast_id, slow_id = json.loads(fast.output)["id"], json.loads(slow.output)["id"]
    else:
        fast_id, slow_id = (int(o.split()[2].rstrip(":")) for o in (fast.output, slow.output))
    assert same_output(fast.output, fast_id, slow.output, slow_id)
    stored = rows(engine, fast_id)
    assert stored == rows(engine, slow_id)
    words = " ".join(stored["event"][0]["title"].split()[:2])
    assert found_by_search(url, fast_id, words) and found_by_search(url, slow_id, words)


def test_actors_the_database_does_not_know_take_the_service_path(url, monkeypatch):
    served = counting(monkeypatch, "add_event")
    out = run(url, "add", "--type", "call", "--actor", "France", "--json")  # gazetteer
    assert served == [False] and json.loads(out)["actors"][0]["name"] == "France"
    out = run(url, "add", "--type", "call", "--new-actor", "Jane Analyst", "--json")
    assert served == [False, False] and "Jane Analyst" in out
    out = run(url, "add", "--type", "call", "--actor", "Jane Analyst", "--actor", "France",
              "--json")  # fmt: skip
    assert served == [False, False, True]
    assert json.loads(out)["title"] == "Analyst–France phone call"


def test_status_and_add_never_import_sqlalchemy(url):
    commands = [
        ["status", "3", "postponed", "--note", "x"],
        ["add", "--type", "call", "--actor", "Russia", "--actor", "China", "--when", "2025-03-12",
         "--json"],
    ]  # fmt: skip
    assert not commands_import_sqlalchemy(url, commands)


def test_a_busy_sqlite_database_is_one_line_and_nothing_written(url, engine, monkeypatch):
    if not url.startswith("sqlite"):
        pytest.skip("SQLite's write lock")
    import sqlite3

    before = rows(engine, 3)
    monkeypatch.setattr(reading, "SQLITE_BUSY_TIMEOUT_S", 0.05)
    holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        for args in (("status", "3", "postponed"), ("add", "--type", "call", "--actor", "Russia")):
            result = invoke(url, *args)
            assert result.exit_code == 2, result.output
            assert result.output.startswith("tracker: error: the database is busy (database is")
            assert "nothing was written, try again" in result.output
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert rows(engine, 3) == before
