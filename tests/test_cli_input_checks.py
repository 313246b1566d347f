"""No silent surprises: all of `list --json`, empty database URLs, new files, integer ranges."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from tracker import cli as cli_module
from tracker.cli import cli
from tracker.db.session import open_database, unit_of_work
from tracker.domain import When
from tracker.services.events import ActorRole, add_event


def _invoke(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


FILLED = 123  # events: more than a table page and more than two JSON pages (made small here)


@pytest.fixture
def filled(db_url, monkeypatch):
    """A database with more events than a table page and a JSON page hold."""
    monkeypatch.setattr(cli_module, "LIST_TABLE_LIMIT", 20)
    monkeypatch.setattr(cli_module, "JSON_PAGE", 50)
    engine = open_database(db_url)
    with unit_of_work(engine) as session:
        for i in range(FILLED):
            start = dt.date(2020, 1, 1) + dt.timedelta(days=i)
            day = When(start, start, "day")
            add_event(session, type="talks", status="planned", actors=[ActorRole("Iran")], when=day)
    engine.dispose()
    return db_url


def test_list_json_returns_every_match_or_says_it_is_partial(filled):
    listed = _invoke("--db", filled, "list", "--json")
    assert listed.exit_code == 0
    events = json.loads(listed.stdout)
    assert len(events) == FILLED
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    assert listed.stderr == ""
    lines = _invoke("--db", filled, "list", "--jsonl").stdout.splitlines()
    assert len(lines) == FILLED
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in events]
    # the table stays short and says how to see the rest
    table = _invoke("--db", filled, "list").stdout
    assert f"… {FILLED - 20} more (use --limit, or --json for all)" in table
    # a limited JSON output says it is partial (one test: filling the database is its cost)
    limited = _invoke("--db", filled, "list", "--json", "--limit", "10")
    assert len(json.loads(limited.stdout)) == 10
    assert f"partial output, 10 of {FILLED} matching events" in limited.stderr
    exact = _invoke("--db", filled, "list", "--jsonl", "--limit", str(FILLED))
    assert len(exact.stdout.splitlines()) == FILLED and exact.stderr == ""
    empty = _invoke("--db", filled, "list", "--json", "--search", "nothingmatchesthis")
    assert json.loads(empty.stdout) == []


@pytest.mark.parametrize(
    "value", ["-1", "0", "99999999999999999999", "abc", "1e3", str(2**64), "9" * 200]
)
def test_integer_options_and_ids_are_range_checked(db_url, value):
    open_database(db_url).dispose()
    for args in (
        ["list", "--limit", value],
        # after "--": a leading minus would make click read an option
        ["show", "--", value],
        ["status", "--", value, "occurred"],
        ["edit", "--title", "x", "--", value],
        ["delete", "--yes", "--", value],
    ):
        result = _invoke("--db", db_url, *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("tracker: error: "), result.output
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999", "abc", str(2**64)])
def test_merge_checks_its_ids_like_every_other_command(db_url, value):
    open_database(db_url).dispose()
    for args in (["merge", "--yes", "--", value, "1"], ["merge", "--yes", "--", "1", value]):
        result = _invoke("--db", db_url, *args)
        assert result.exit_code == 2, (args, result.output)
        shown = _invoke("--db", db_url, "show", "--", value)
        assert result.stderr == shown.stderr  # the same one line as show's
        assert "the event id must be" in result.stderr


def test_merge_with_itself_and_an_empty_title_are_refused_before_anything_is_asked(db_url):
    engine = open_database(db_url)
    with unit_of_work(engine) as session:
        event_id = add_event(session, type="talks", status="planned", title="Gaza talks").id
    engine.dispose()
    # no --yes and no answer on stdin: the error comes before any question
    merged = _invoke("--db", db_url, "merge", str(event_id), str(event_id))
    assert merged.exit_code == 2
    assert merged.stderr == f"tracker: error: cannot merge event {event_id} with itself\n"
    edited = _invoke("--db", db_url, "edit", str(event_id), "--title", "  ")
    assert edited.exit_code == 2
    assert edited.stderr.strip().splitlines() == [
        "tracker: error: a title cannot be empty (leave --title out to keep it)"
    ]
    assert "Gaza talks" in _invoke("--db", db_url, "show", str(event_id)).stdout


@pytest.mark.parametrize("value", [str(2**31), str(2**63 - 1)])
def test_ids_beyond_the_column_range_are_simply_not_found(db_url, value):
    open_database(db_url).dispose()
    result = _invoke("--db", db_url, "show", value)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tracker: error: no event with id {value}"


def test_an_empty_database_url_is_an_error_not_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    for args, env in (
        (["--db", "", "list"], None),
        (["--db", "  ", "list"], None),
        (["list"], {"TRACKER_DATABASE_URL": ""}),
    ):
        result = _invoke(*args, env=env)
        assert result.exit_code == 2, result.output
        assert "empty" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "tracker").exists()  # the default database was not touched


def test_an_empty_url_error_names_where_the_url_came_from(tmp_path, monkeypatch):
    """TRACKER_DATABASE_URL="  " was reported as "the database URL given with --db is empty"
    (click read the variable as if --db had been given)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    from_env = _invoke("list", env={"TRACKER_DATABASE_URL": "  "})
    assert from_env.exit_code == 2
    assert from_env.stderr == (
        "tracker: error: TRACKER_DATABASE_URL is set but empty; give a database URL or unset "
        "it for the default\n"
    )
    url = f"sqlite:///{tmp_path / 'given.db'}"
    given = _invoke("--db", url, "list", env={"TRACKER_DATABASE_URL": "  "})
    assert given.exit_code == 0 and given.stdout == "no events yet\n"  # --db wins


def test_a_new_sqlite_file_is_created_and_said_so(tmp_path):
    path = tmp_path / "new.db"
    url = f"sqlite:///{path}"
    first = _invoke("--db", url, "list")
    assert first.exit_code == 0
    assert first.stderr == f"tracker: created a new database at {path}\n"
    assert first.stdout == "no events yet\n"
    again = _invoke("--db", url, "list")
    assert again.stderr == ""


def test_a_title_too_long_for_the_column_is_refused_not_cut(db_url):
    open_database(db_url).dispose()
    long_title = "Talks on the " + "very " * 100 + "long road to peace"  # 531 characters
    added = _invoke("--db", db_url, "add", "--type", "talks", "--title", long_title)
    assert added.exit_code == 2
    assert added.stderr == (
        f"tracker: error: a title is at most 500 characters (this one has {len(long_title)})\n"
    )
    assert json.loads(_invoke("--db", db_url, "list", "--json").stdout) == []
    kept = _invoke("--db", db_url, "add", "--type", "talks", "--title", "x" * 500, "--json")
    assert kept.exit_code == 0, kept.output
    event = json.loads(kept.stdout)
    assert len(event["title"]) == 500
    edited = _invoke("--db", db_url, "edit", str(event["id"]), "--title", long_title)
    assert edited.exit_code == 2 and "at most 500 characters" in edited.stderr
    shown = json.loads(_invoke("--db", db_url, "show", str(event["id"]), "--json").stdout)
    assert shown["title"] == "x" * 500 and shown["version"] == event["version"]


@pytest.mark.parametrize(
    "args, line",
    [
        (
            ["agenda", "--days", "0"],
            "tracker: error: Invalid value for '--days': 0 is not in the range 1<=x<=3660; "
            "see 'tracker agenda --help'",
        ),
        (
            ["export", "--format", "xml"],
            "tracker: error: Invalid value for '--format': 'xml' is not one of 'jsonl', 'csv', "
            "'ics', 'plover'; see 'tracker export --help'",
        ),
        (
            ["status"],
            "tracker: error: Missing argument 'EVENT_ID'; see 'tracker status --help'",
        ),
        (["nosuch"], "tracker: error: No such command 'nosuch'; see 'tracker --help'"),
        (  # a NaN passed the range check and turned the budget off
            ["ingest", "--time-budget", "nan", "seeds"],
            "tracker: error: Invalid value for '--time-budget': nan is not a number of seconds; "
            "see 'tracker ingest --help'",
        ),
        (
            ["ingest", "--time-budget", "inf", "seeds"],
            "tracker: error: Invalid value for '--time-budget': inf is not in the range "
            "0<x<=86400; see 'tracker ingest --help'",
        ),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(tmp_path, args, line):
    """Click's own errors printed its usage block: 'Usage: ...', 'Try ... for help.', a blank
    line and 'Error: ...'."""
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", *args])
    assert result.exit_code == 2
    assert result.output == line + "\n"


def test_help_and_version_still_exit_zero():
    assert _invoke("--help").output.startswith("Usage: cli [OPTIONS]")  # (the runner names it)
    assert _invoke("--version").output.startswith("cli, version ")
    assert _invoke("agenda", "--help").exit_code == 0
