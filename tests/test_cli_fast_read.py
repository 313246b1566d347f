"""`tracker list` and `show` read through the DB-API driver (tracker.services.reading) and print
exactly what the service path prints, on every backend."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker.services.reading as reading
from tests.cli_imports import commands_import_sqlalchemy
from tests.conftest import BACKENDS, fresh_pg_database
from tracker.cli import _time_range, cli, parse_when_option
from tracker.db.session import open_database
from tracker.extract.dates import parse_range, parse_when
from tracker.services.filters import EventFilter

SEED = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module", params=BACKENDS)
def made(request, tmp_path_factory):
    """A database with extracted events (evidence, undated ones), hand-made ones on several
    days, a status change that moved an event's time, a note, and a merge (2 into 1); returns
    the URL and the ids of the events show is tried on. Made once per backend for the module:
    every test here only reads it."""
    drop = None
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp_path_factory.mktemp('made') / 'tracker.db'}"
    else:
        db_url, drop = fresh_pg_database()
    open_database(db_url).dispose()
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(cli, ["--db", db_url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("ingest", str(SEED))
    times = (("2025-02-12", "planned"), ("March 2025", "proposed"), ("2024", "occurred"))
    added = [
        json.loads(
            run("add", "--type", "call", "--status", status, "--actor", "Russia:initiator",
                "--actor", "China:target", "--when", when, "--note", "hand-made", "--json")
        )["id"]
        for when, status in times
    ]  # fmt: skip
    meeting = run("add", "--type", "meeting", "--actor", "Germany", "--title",
                  "Talks on ZANZIBAR grain", "--json")  # fmt: skip
    run("status", str(added[0]), "occurred", "--at", "2025-02-10", "--note", "came early")
    run("edit", str(added[1]), "--notes", "an analyst's remark")
    run("merge", "1", "2", "--yes")
    ids = {"extracted": 1, "moved": added[0], "noted": added[1]}
    ids["manual"] = json.loads(meeting)["id"]
    yield db_url, ids
    if drop is not None:
        drop()


@pytest.fixture
def url(made):
    return made[0]


def both_paths(url, monkeypatch, *args):
    """(output of the fast path, output of the service path, whether the fast one served)."""
    runner = CliRunner()
    served = []
    for name in ("list_events", "get_event"):
        original = getattr(reading.Reader, name)

        def counting(self, *a, _original=original, **k):
            served.append(True)
            return _original(self, *a, **k)

        monkeypatch.setattr(reading.Reader, name, counting)
    fast = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
    monkeypatch.setattr(reading, "open_reader", lambda _url: None)
    slow = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
    monkeypatch.undo()
    assert fast.exit_code == slow.exit_code
    return fast.output, slow.output, bool(served)


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--limit", "3"),
        ("list", "--json"),
        ("list", "--jsonl", "--limit", "4"),
        ("list", "--status", "planned", "--since", "2025-01-01"),
        ("list", "--type", "call", "--type", "meeting", "--until", "2025-02-28"),
        ("list", "--during", "2024"),
        ("list", "--undated"),
        ("list", "--undated", "--since", "2025-03-01"),
        ("list", "--search", "zanzi"),
        ("list", "--search", "putin talks", "--json"),
        ("list", "--status", "cancelled"),
    ],
)
def test_list_prints_what_the_services_print(url, monkeypatch, args):
    fast, slow, served = both_paths(url, monkeypatch, *args)
    assert fast == slow
    assert served


@pytest.mark.parametrize("plan", ["keys", "sampled", "walk"])
@pytest.mark.parametrize(
    "args",
    [
        ("list", "--search", "putin"),
        ("list", "--search", "putin talks", "--json"),
        ("list", "--search", "russia", "--limit", "2"),
        ("list", "--search", "russ", "--jsonl", "--limit", "3"),
        ("list", "--search", "china", "--status", "planned", "--since", "2025-01-01"),
        ("list", "--search", "zanzi"),
        ("list", "--search", "nothingsuch"),
    ],
)
def test_a_postgresql_search_is_planned_as_the_services_plan_it(url, monkeypatch, plan, args):
    # on PostgreSQL the words are counted first (tracker.services.filters): a rare word's
    # matches are fetched once, a common one walks the time index; SQLite ignores the plan
    import tracker.services.filters as filters
    import tracker.services.timeline as tl

    def both(name, value):
        monkeypatch.setattr(filters, name, value)
        monkeypatch.setattr(tl, name, value)

    if plan == "sampled":
        both("PG_SAMPLE_FROM", 0)
        both("PG_SAMPLE_PERCENT", 100)
    if plan == "walk":
        both("WALK_MIN", 0)
        both("PG_FEW_SHARE", 0.0)
    runner = CliRunner()
    served = []
    original = reading.Reader.list_events

    def counting(self, *a, **k):
        served.append(True)
        return original(self, *a, **k)

    monkeypatch.setattr(reading.Reader, "list_events", counting)
    fast = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
    monkeypatch.setattr(reading, "open_reader", lambda _url: None)
    slow = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
    assert fast.exit_code == slow.exit_code == 0
    assert fast.output == slow.output and served


@pytest.mark.parametrize("which", ["extracted", "moved", "noted", "manual"])
@pytest.mark.parametrize("as_json", [False, True])
def test_show_prints_what_the_services_print(made, monkeypatch, which, as_json):
    url, ids = made
    event_id = str(ids[which])
    args = ("show", event_id, *(["--json"] if as_json else []))
    fast, slow, served = both_paths(url, monkeypatch, *args)
    assert served and fast == slow
    assert f"{event_id}" in fast


def test_missing_and_merged_events_take_the_service_path(url, monkeypatch):
    fast, slow, _ = both_paths(url, monkeypatch, "show", "2")  # merged into 1
    assert fast == slow and "Event 1:" in fast
    runner = CliRunner()
    missing = runner.invoke(cli, ["--db", url, "show", "999"])
    assert missing.exit_code == 2 and "no event with id 999" in missing.output


def test_filters_by_actor_take_the_service_path(url):
    with reading.open_reader(url) as reader:
        assert not reader.serves(EventFilter(actors=("Russia",)))
        assert reader.serves(EventFilter(statuses=("planned",)))


def test_an_old_or_missing_schema_takes_the_service_path(tmp_path, db_url):
    assert reading.open_reader(f"sqlite:///{tmp_path / 'none.db'}") is None
    assert not (tmp_path / "none.db").exists()  # never created here
    engine = open_database(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    engine.dispose()
    assert reading.open_reader(db_url) is None


def test_list_and_show_never_import_sqlalchemy(url):
    commands = [["list"], ["show", "1"], ["list", "--status", "planned", "--json"]]
    assert not commands_import_sqlalchemy(url, commands)


@pytest.mark.parametrize("day", ["2025-03-12", "2024-02-29", "0001-01-01", "9999-12-31"])
def test_iso_days_read_as_the_date_parser_reads_them(day):
    # list and add read an ISO day without loading the date parser: the same result
    today = dt.date(2026, 12, 2)
    for prefix in ("since", "until", ""):
        expected = parse_range(f"{prefix} {day}".strip(), today)
        assert _time_range(day, prefix, "time") == (expected.since, expected.until)
    for direction in ("nearest", "forward", "backward"):
        assert parse_when_option(day, "time", direction) == parse_when(day, direction=direction)
