"""Several ingest processes on one database, and several processes opening a new one: none
aborts, every article is stored once, the schema is made whole or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from tracker.db import migrate
from tracker.db.models import Actor, Article, Mention
from tracker.db.session import make_engine, open_database

ROOT = Path(__file__).resolve().parents[1]


def dump_database(url: str) -> dict[str, list]:
    """Everything ingestion writes, without the times of writing, for comparisons."""
    engine = create_engine(url)
    queries = {
        "events": "SELECT id, type, status, title, when_start, when_end, precision, "
        "timeline_date, origin, confidence, notes, search_text FROM events ORDER BY id",
        "participations": "SELECT event_id, actor_id, role FROM participations "
        "ORDER BY event_id, actor_id, role",
        "mentions": "SELECT id, event_id, article_id, sentence, start_offset, end_offset, "
        "implied_status FROM mentions ORDER BY id",
        "status_changes": "SELECT id, event_id, from_status, to_status, effective_at, "
        "effective_precision, mention_id, note FROM status_changes ORDER BY id",
        "actors": "SELECT id, name, name_key, kind, country FROM actors ORDER BY id",
        "aliases": "SELECT actor_id, alias, alias_key FROM actor_aliases ORDER BY id",
        "articles": "SELECT id, source, title, published, content_hash FROM articles ORDER BY id",
    }
    with engine.connect() as conn:
        out = {name: [tuple(r) for r in conn.execute(text(sql))] for name, sql in queries.items()}
    engine.dispose()
    # sources differ by folder between runs; compare file names
    out["articles"] = [(i, Path(s).name, *rest) for i, s, *rest in out["articles"]]
    return out


def write_articles(folder: Path, names: list[str], shared_actor: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(names):
        (folder / f"{name}.txt").write_text(
            f"---\ntitle: {name}\npublished: 2025-02-{1 + n % 27:02d}\n---\n"
            f"Donald Trump said he would speak with Vladimir Putin by phone ({name}). "
            f"Secretary of State Marco Rubio met {shared_actor or 'Sergei Lavrov'} in Riyadh.\n"
        )


def run_tracker(url: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "--db", url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=240)
    return process.returncode, out, err


def test_two_processes_ingesting_one_folder_never_abort(db_url, tmp_path):
    names = [f"a{n:03d}" for n in range(40)]
    write_articles(tmp_path / "in", names)
    open_database(db_url).dispose()
    first = run_tracker(db_url, "ingest", str(tmp_path / "in"), "--jobs", "1")
    time.sleep(0.3)
    second = run_tracker(db_url, "ingest", str(tmp_path / "in"), "--jobs", "1")
    results = [finish(first), finish(second)]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    counts = []
    for _, out, _ in results:
        summary = next(line for line in out.splitlines() if "already known" in line)
        ingested, known = (int(summary.split()[i]) for i in (0, 2))
        assert ingested + known == len(names)
        counts.append(ingested)
    assert sum(counts) == len(names)  # each article stored by exactly one of them
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count(Article.id))) == len(names)
    engine.dispose()


def test_different_folders_creating_the_same_new_actor_never_abort(db_url, tmp_path):
    for k in range(3):
        write_articles(
            tmp_path / f"in{k}",
            [f"f{k}-{n}" for n in range(6)],
            "Spanish Foreign Minister Nadia Calvino",
        )
    open_database(db_url).dispose()
    processes = [
        run_tracker(db_url, "ingest", str(tmp_path / f"in{k}"), "--jobs", "1") for k in range(3)
    ]
    for code, _, err in map(finish, processes):
        assert code == 0, err
    engine = make_engine(db_url)
    with engine.connect() as conn:
        names = conn.scalars(select(Actor.name)).all()
        assert sorted(set(names)) == sorted(names)
        assert "Nadia Calvino" in names
        assert conn.scalar(select(func.count(Article.id))) == 18
    engine.dispose()


@pytest.mark.skipif(
    not os.environ.get("TRACKER_TEST_DATABASE_URL"), reason="TRACKER_TEST_DATABASE_URL is not set"
)
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_three_processes_on_postgresql_find_every_article_once(db_url, tmp_path):
    names = [f"p{n:03d}" for n in range(45)]
    write_articles(tmp_path / "in", names)
    open_database(db_url).dispose()
    processes = [run_tracker(db_url, "ingest", str(tmp_path / "in")) for _ in range(3)]
    ingested = 0
    for code, out, err in map(finish, processes):
        assert code == 0, err
        ingested += int(
            next(line for line in out.splitlines() if "already known" in line).split()[0]
        )
    assert ingested == len(names)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count(Article.id))) == len(names)
        mentions = conn.execute(
            select(Mention.article_id, func.count()).group_by(Mention.article_id)
        ).all()
        assert len(mentions) == len(names)
    engine.dispose()


def test_four_processes_opening_a_new_database_all_succeed(db_url):
    processes = [run_tracker(db_url, "list") for _ in range(4)]
    for code, out, err in map(finish, processes):
        assert code == 0, err
        assert "no events yet" in out


def test_creating_the_schema_is_all_or_nothing(db_url, monkeypatch):
    """A process that dies half-way through creating the schema leaves an empty database
    (killed or failing: the transaction is not committed), and the next command creates it."""
    real_upgrade = migrate.command.upgrade

    def upgrade_then_die(cfg, revision):
        real_upgrade(cfg, "0001")  # the first migration is in: tables exist in the transaction
        raise KeyboardInterrupt("killed")

    engine = make_engine(db_url)
    monkeypatch.setattr(migrate.command, "upgrade", upgrade_then_die)
    with pytest.raises(KeyboardInterrupt):
        migrate.ensure_schema(engine)
    assert inspect(engine).get_table_names() == []
    monkeypatch.setattr(migrate.command, "upgrade", real_upgrade)
    migrate.ensure_schema(engine)
    assert migrate.current_revision(engine) == migrate.head_revision(engine)
    engine.dispose()


def test_a_process_waits_while_another_creates_the_schema(tmp_path, monkeypatch):
    """A new SQLite database locked by another process creating its schema: the process tries
    again once the busy timeout is over, rather than failing (a loaded machine can take longer
    than one busy timeout to run every migration)."""
    from sqlalchemy.exc import OperationalError

    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    real_create = migrate._create_schema
    attempts = []

    def locked_twice(engine, head):
        attempts.append(head)
        if len(attempts) <= 2:
            raise OperationalError("BEGIN EXCLUSIVE", {}, Exception("database is locked"))
        real_create(engine, head)

    monkeypatch.setattr(migrate, "_create_schema", locked_twice)
    migrate.ensure_schema(engine)
    assert len(attempts) == 3
    assert migrate.current_revision(engine) == migrate.head_revision(engine)
    engine.dispose()
