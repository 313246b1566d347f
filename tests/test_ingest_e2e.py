"""Articles in through the real extractor and the CLI, events and history out."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.cli import cli
from tracker.db.models import Article, Event
from tracker.services.events import get_event, history_order
from tracker.services.ingest import ingest_paths
from tracker.services.query import EventFilter, count_events

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"


def test_a_second_article_reports_the_planned_call_happened(engine):
    first = ingest_paths(engine, [str(DATA / "call-planned.txt")])
    second = ingest_paths(engine, [str(DATA / "call-held.txt")])
    assert (first.new_events, second.new_events) == (1, 0)
    assert (second.merged_mentions, second.status_changes) == (1, 1)
    with Session(engine) as session:
        (event_id,) = session.scalars(select(Event.id)).all()
        event = get_event(session, event_id)
        assert event.status == "occurred"
        assert event.when_start.isoformat() == "2025-02-12"
        history = sorted(event.status_changes, key=history_order)
        assert [(c.from_status, c.to_status) for c in history] == [
            (None, "planned"),
            ("planned", "occurred"),
        ]
        assert [c.effective_at.isoformat() for c in history] == ["2025-02-10", "2025-02-13"]
        assert history[1].mention.article.title == "Trump and Putin hold first call"
        assert "held a phone call" in history[1].mention.sentence
    with Session(engine) as session:
        # the evidence is searchable, not only the title and the actors
        assert count_events(session, EventFilter(text="kremlin said")) == 1


def test_reingesting_the_same_text_is_a_no_op(engine, tmp_path):
    copy = tmp_path / "again.txt"
    shutil.copy(DATA / "call-planned.txt", copy)
    ingest_paths(engine, [str(DATA / "call-planned.txt")])
    report = ingest_paths(engine, [str(copy)])
    assert (report.articles_read, report.duplicates, report.new_events) == (0, 1, 0)
    with Session(engine) as session:
        assert session.scalar(select(func.count(Article.id))) == 1


def test_a_bad_file_is_skipped_and_the_others_go_in(engine, tmp_path):
    shutil.copy(DATA / "call-planned.txt", tmp_path / "good.txt")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 diplomacy".encode("latin-1"))
    (tmp_path / "empty.md").write_text("")
    report = ingest_paths(engine, [str(tmp_path)])
    assert report.articles_read == 1
    assert sorted(Path(o.path).name for o in report.skipped) == ["empty.md", "latin1.txt"]
    assert "not UTF-8" in report.summary()


@pytest.mark.parametrize("name", ["missing.txt"])
def test_cli_ingest_reports_problems_and_exits_nonzero_when_nothing_was_read(db_url, name):
    result = CliRunner().invoke(cli, ["--db", db_url, "ingest", name])
    assert result.exit_code == 2
    assert "skipped missing.txt: no such file or folder" in result.stderr
    assert "0 ingested, 0 already known, 1 failed" in result.stdout


def test_cli_extract_prints_the_contract_json(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(DATA / "call-held.txt"), "--json"])
    data = json.loads(result.output)
    assert data["article"] == {
        "title": "Trump and Putin hold first call",
        "published": "2025-02-13",
    }
    (event,) = data["events"]
    assert (event["type"], event["status"]) == ("call", "occurred")
    overridden = CliRunner().invoke(
        cli, ["extract", str(DATA / "call-held.txt"), "--published", "2025-03-01", "--json"]
    )
    assert json.loads(overridden.output)["article"]["published"] == "2025-03-01"
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    bad = CliRunner().invoke(cli, ["extract", str(binary)])
    assert bad.exit_code == 2 and "binary file" in bad.output
