"""The command line, feature by feature, through click's runner and as a real process."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.db.session import make_engine


@pytest.fixture
def run(db_url):
    # the database exists before the first command, so no "created a new database" line
    # mixes into the output the tests read
    make_engine(db_url).dispose()
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, ["--db", db_url, *args], input=input, catch_exceptions=False)

    return invoke


def add_call(run, *extra):
    result = run(
        "add",
        "--type",
        "call",
        "--status",
        "planned",
        "--actor",
        "Donald Trump:initiator",
        "--actor",
        "Vladimir Putin:target",
        "--when",
        "12 Feb 2025",
        "--title",
        "First phone call",
        "--json",
        *extra,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_add_status_show_round_trip(run):
    event = add_call(run, "--note", "from the seed")
    assert event["status"] == "planned"
    assert event["when"] == {"start": "2025-02-12", "end": "2025-02-12", "precision": "day"}
    result = run("status", str(event["id"]), "occurred", "--at", "12 Feb 2025", "--note", "held")
    assert result.exit_code == 0
    assert "planned → occurred" in result.output
    shown = run("show", str(event["id"]))
    assert "status    occurred" in shown.output
    assert "— → planned" in shown.output and "planned → occurred" in shown.output
    assert "Wed 12 Feb 2025  planned → occurred" in shown.output and "note: held" in shown.output
    data = json.loads(run("show", str(event["id"]), "--json").output)
    assert [(h["from"], h["to"]) for h in data["history"]] == [
        (None, "planned"),
        ("planned", "occurred"),
    ]


def test_list_filters_and_json(run):
    add_call(run)
    run("actors", "add", "Russia", "--kind", "state", "--country", "RU", "--alias", "the Kremlin")
    result = run(
        "add",
        "--type",
        "sanctions",
        "--status",
        "threatened",
        "--actor",
        "Donald Trump:initiator",
        "--actor",
        "Kremlin:target",
        "--when",
        "March 2025",
    )
    assert result.exit_code == 0, result.output
    table = run("list").output
    assert "12 Feb 2025" in table and "Mar 2025" in table
    assert [e["type"] for e in json.loads(run("list", "--actor", "kremlin", "--json").output)] == [
        "sanctions"
    ]
    only_calls = json.loads(run("list", "--type", "call", "--json").output)
    assert [e["title"] for e in only_calls] == ["First phone call"]
    assert json.loads(run("list", "--status", "threatened", "--json").output)[0]["type"] == (
        "sanctions"
    )
    since = json.loads(run("list", "--since", "1 March 2025", "--json").output)
    assert [e["type"] for e in since] == ["sanctions"]
    assert json.loads(run("list", "--search", "phone", "--json").output)[0]["type"] == "call"
    assert "no events match" in run("list", "--type", "aid").output


def test_edit_and_delete(run):
    event = add_call(run)
    assert (
        run("edit", str(event["id"]), "--title", "Renamed", "--when", "March 2025").exit_code == 0
    )
    data = json.loads(run("show", str(event["id"]), "--json").output)
    assert data["title"] == "Renamed" and data["when"]["precision"] == "month"
    declined = run("delete", str(event["id"]), input="n\n")
    assert declined.exit_code == 1
    assert run("show", str(event["id"])).exit_code == 0
    assert run("delete", str(event["id"]), "--yes").exit_code == 0
    assert run("show", str(event["id"])).exit_code == 2


def test_actors_alias_and_merge(run):
    add_call(run)
    result = run(
        "add", "--type", "meeting", "--new-actor", "The Donald", "--actor", "Vladimir Putin"
    )
    assert result.exit_code == 0
    assert run("actors", "merge", "Donald Trump", "The Donald").exit_code == 0
    listed = json.loads(run("actors", "list", "--json").output)
    trump = next(a for a in listed if a["name"] == "Donald Trump")
    assert trump["events"] == 2 and "The Donald" in trump["aliases"]
    assert run("actors", "alias", "Donald Trump", "POTUS").exit_code == 0
    assert len(json.loads(run("list", "--actor", "potus", "--json").output)) == 2


def test_actors_list_shows_every_actor_unless_limited(run, db_url):
    # it stopped at 1,000 without a word: a timeline of real news soon holds more
    from sqlalchemy.orm import Session

    from tracker.db.models import Actor
    from tracker.domain import name_key

    assert run("actors", "list").output.startswith("no actors")  # (makes the schema)
    with Session(make_engine(db_url)) as session:
        session.add_all(
            Actor(name=f"Person {n:04d}", name_key=name_key(f"Person {n:04d}"), kind="person")
            for n in range(1005)
        )
        session.commit()
    assert len(json.loads(run("actors", "list", "--json").output)) == 1005
    limited = run("actors", "list", "--limit", "2")
    assert "Person 0001" in limited.output and "Person 0002" not in limited.output
    assert "more actors after these 2" in limited.output
    assert "more actors" not in run("actors", "list", "--limit", "1005").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "1", "maybe"], "unknown status 'maybe'"),
        (["add", "--type", "picnic"], "unknown event type 'picnic'"),
        (["add", "--type", "call", "--when", "the twelfth of never"], "cannot understand"),
        (["show", "42"], "no event with id 42"),
        (["list", "--actor", "Atlantis"], "no actor named 'Atlantis'"),
        (["add", "--type", "call", "--actor", "X:boss"], "unknown role 'boss'"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(run, args, message):
    add_call(run)
    before = run("list", "--json").output
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert run("list", "--json").output == before


def test_unopenable_database_url(tmp_path):
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("garbage, not SQLite")
    runner = CliRunner()
    for url in [
        "postgresql+psycopg://nobody@127.0.0.1:1/none",
        "nonsense://",
        "::::",
        f"sqlite:///{not_a_database}",
        f"sqlite:///{tmp_path / 'missing-folder' / 'x.db'}",
    ]:
        result = runner.invoke(cli, ["--db", url, "list"])
        assert result.exit_code == 2, url
        assert result.output.startswith("tracker: error:"), result.output
        assert len(result.output.strip().splitlines()) == 1


def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from tracker.db.migrate import script_location

    config = Config()
    config.set_main_option("script_location", script_location())
    return ScriptDirectory.from_config(config).get_current_head()


def test_db_current_and_upgrade(run):
    head = _head_revision()
    assert "empty" in run("db", "current").output
    assert f"schema empty → {head}" in run("db", "upgrade").output
    assert "up to date" in run("db", "upgrade").output
    assert f"{head} (up to date)" in run("db", "current").output


@pytest.mark.parametrize("revision", ["9999", "base", "heads", "+1", "", "abc"])
def test_db_upgrade_to_a_revision_that_is_not_one_is_one_line(db_url, revision):
    """`tracker db upgrade 9999` ended in Alembic's traceback (CommandError)."""
    make_engine(db_url).dispose()
    result = CliRunner().invoke(cli, ["--db", db_url, "db", "upgrade", "--", revision])
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"tracker: error: no schema revision {revision!r}: give one of "
        f"{', '.join(f'{n:04d}' for n in range(1, int(_head_revision()) + 1))}, or head\n"
    )


def test_db_upgrade_never_goes_back(run, db_url):
    head = _head_revision()
    assert "schema empty → 0004" in run("db", "upgrade", "0004").output
    assert "schema 0004 → 0006" in run("db", "upgrade", "0006").output
    back = CliRunner().invoke(cli, ["--db", db_url, "db", "upgrade", "0005"])
    assert back.exit_code == 2
    assert back.output == (
        "tracker: error: the database schema is at 0006, past 0005: "
        "tracker upgrades only, it never downgrades\n"
    )
    assert f"schema 0006 → {head}" in run("db", "upgrade").output


def _tracker(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args], capture_output=True, text=True, env=env
    )


def test_entry_point_runs_as_a_process(tmp_path):
    env = {"TRACKER_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    added = _tracker("add", "--type", "talks", "--actor", "Iran", "--when", "2024", env_extra=env)
    assert added.returncode == 0, added.stderr
    listed = _tracker("list", env_extra=env)
    assert "~2024" in listed.stdout and "talks" in listed.stdout
    bad = _tracker("status", "1", "nope", env_extra=env)
    assert bad.returncode == 2
    assert bad.stderr.startswith("tracker: error: unknown status")
    assert "Traceback" not in bad.stderr


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from tracker.cli import main; sys.argv=['tracker','--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('textual','dateparser','sqlalchemy') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "HEAVY []" in out


def test_control_characters_from_stored_text_never_reach_the_terminal(run, tmp_path):
    hostile = "Talks \x1b[2J\x1b]0;owned\x07 resume"
    event = json.loads(
        run("add", "--type", "talks", "--actor", "Iran", "--title", hostile, "--json").output
    )
    assert event["title"] == hostile  # stored as given; JSON escapes it
    for args in (["list"], ["show", str(event["id"])], ["delete", str(event["id"]), "--yes"]):
        output = run(*args).output
        assert "\x1b" not in output and "\x07" not in output
        # whole sequences go: no "[2J" or "]0;owned" remnant either
        assert "Talks" in output and "resume" in output
        assert "[2J" not in output and "owned" not in output
    article = tmp_path / "a.txt"
    article.write_text("Title \x1b[31mred\n\nIran and Oman held talks on Monday.\x1b[0m\n")
    preview = CliRunner().invoke(cli, ["extract", str(article)]).output
    assert "\x1b" not in preview


def test_a_sqlite_files_path_stands_for_its_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", "team.db", "list"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "team.db").exists()
    result = runner.invoke(cli, ["--db", str(tmp_path / "sub" / "x.db"), "list"])
    assert result.exit_code == 2 and result.output.startswith("tracker: error:")
    assert len(result.output.strip().splitlines()) == 1
