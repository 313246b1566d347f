"""Stored terminal injection through the command line: escape sequences and bidi controls
planted in every field (article title and body, actor name and alias, note, file name) reach
no command's output; JSON keeps the data exactly, escaped."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.db.session import make_engine
from tracker.text_safety import UNSAFE

HOSTILE = "\x1b[2J\x1b]0;owned\x07\x1b]52;c;aGVsbG8=\x07\u202e\u2066\x9b31m\r"


@pytest.fixture
def run(db_url):
    make_engine(db_url).dispose()
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True):
        result = runner.invoke(cli, ["--db", db_url, *args], catch_exceptions=False)
        for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            found = UNSAFE.search(text)
            assert found is None, f"{args[0]} {stream}: {found.group()!r} in {text!r}"
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return invoke


def test_no_command_prints_what_a_terminal_would_act_on(run, tmp_path):
    article = tmp_path / f"wire{HOSTILE}.txt"
    article.write_text(
        f"---\ntitle: Talks {HOSTILE} today\npublished: 2025-02-10\n---\n"
        f"Donald Trump said he would speak with Vladimir Putin{HOSTILE} by phone on Tuesday.\n"
    )
    assert "Talks" in run("extract", str(article)).stdout
    run("extract", str(article), "--json")
    ingested = run("ingest", str(article), "--jobs", "1")
    assert "wire" in ingested.stdout and "1 ingested" in ingested.stdout
    run("ingest", str(article))  # already known: the name printed again
    evil = f"Evil{HOSTILE} Actor"
    added = run("actors", "add", evil, "--alias", f"Alias{HOSTILE} One")
    assert "Evil" in added.stdout
    run("actors", "alias", evil, f"Second{HOSTILE} alias")
    run("actors", "add", f"Other{HOSTILE} Actor")
    merged = run("actors", "merge", evil, f"Other{HOSTILE} Actor")
    assert "merged" in merged.stdout
    event = json.loads(
        run(
            "add", "--type", "talks", "--actor", f"{evil}:initiator", "--title",
            f"Title {HOSTILE}", "--note", f"note {HOSTILE}", "--json",
        ).stdout
    )  # fmt: skip
    assert event["title"] == f"Title {HOSTILE}".strip()  # JSON keeps the data, escaped
    event_id = str(event["id"])
    run("status", event_id, "occurred", "--note", f"readout {HOSTILE}")
    run("edit", event_id, "--notes", f"notes {HOSTILE}")
    for args in (
        ["list"],
        ["list", "--json"],
        ["list", "--jsonl"],
        ["list", "--search", "Title"],
        ["show", event_id],
        ["show", event_id, "--json"],
        ["actors"],
        ["actors", "list", "--json"],
        ["actors", "list", "Evil"],
        ["db", "current"],
    ):
        out = run(*args).stdout
        assert out.strip(), args
    shown = run("show", event_id).stdout
    assert "Title" in shown and "readout" in shown and "notes" in shown
    # errors quoting the input are cleaned too
    run("show", "999999", ok=False)
    run("actors", "alias", f"Nobody{HOSTILE}", "x", ok=False)
    run("actors", "add", evil, ok=False)
    run("ingest", str(tmp_path / f"missing{HOSTILE}.txt"), ok=False)
    run("delete", event_id, "--yes")
