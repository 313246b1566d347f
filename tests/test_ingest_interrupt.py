"""Ctrl-C in the middle of `tracker ingest --jobs 2`: one line, no traceback from the worker
processes, the articles stored so far are said and whole, and the same command again reads
the rest."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

REAL = Path(__file__).parent / "extract" / "real"

# the writer takes its time (as on a busy PostgreSQL server), so the workers have extracted
# their window and wait for work when Ctrl-C comes: the state that printed their tracebacks
SLOW_WRITER = """
import sys, time
from tracker.services import ingest
store = ingest.Writer.store
def slow_store(self, *args, **kwargs):
    time.sleep(0.1)
    return store(self, *args, **kwargs)
ingest.Writer.store = slow_store
from tracker.cli import main
sys.argv[0] = "tracker"
main()
"""


def _as_from_a_terminal() -> None:
    # a test runner (or a shell's background job) may start children with Ctrl-C ignored
    # or blocked; a terminal's Ctrl-C reaches a process that acts on it
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _articles(path: Path) -> int:
    try:
        with closing(sqlite3.connect(path, timeout=5)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_ctrl_c_stops_an_ingest_cleanly_and_the_same_command_finishes_it(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for source in sorted(REAL.glob("batch1*/*.txt"))[:60]:
        shutil.copy(source, inbox / source.name)
    database = tmp_path / "x.db"
    command = ["--db", f"sqlite:///{database}", "ingest", "--jobs", "2", str(inbox)]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, *command],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_as_from_a_terminal, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120  # a loaded machine is slow, not hung
        while _articles(database) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the ingest ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "Traceback" not in err, err
    assert proc.returncode == 130, err
    assert err.rstrip().endswith("run the same command again to read the rest")
    stored = _articles(database)
    assert 3 <= stored < 60
    said = re.search(r"^(\d+) ingested, 0 already known, 0 failed$", out, re.M)
    assert said and int(said.group(1)) == stored, out
    assert len(re.findall(r"^\S+\.txt: \d+ new events", out, re.M)) == stored

    again = subprocess.run([sys.executable, "-m", "tracker", *command],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{60 - stored} ingested, {stored} already known, 0 failed" in again.stdout
    assert _articles(database) == 60


# ---------------------------------------------------------------- Ctrl-C inside a statement

ARTICLE = (
    "---\ntitle: Talks {n}\npublished: 2025-02-10\n---\n"
    "Donald Trump said he would speak with Vladimir Putin by phone on Tuesday {n}.\n"
)


def _interrupt_statement(engine, after: int):
    """Ctrl-C arrives while the driver runs the ``after``-th statement from now."""
    from sqlalchemy import event

    count = [0]

    def interrupt(*_args, **_kwargs):
        count[0] += 1
        if count[0] == after:
            raise KeyboardInterrupt

    event.listen(engine, "before_cursor_execute", interrupt)
    return lambda: event.remove(engine, "before_cursor_execute", interrupt)


def test_ctrl_c_in_the_middle_of_a_statement_stops_a_batch(engine, tmp_path):
    """On SQLite the connection Ctrl-C invalidated reached the check-in hook as None, whose
    AttributeError replaced the KeyboardInterrupt: `tracker reextract --all` reported
    "article 228: skipped: AttributeError: 'NoneType' object has no attribute
    'isolation_level'" and went on with the other 1,000 articles (ingest the same)."""
    import pytest

    from tracker.services.articles import reextract_articles
    from tracker.services.ingest import ingest_files

    paths = []
    for n in range(4):
        path = tmp_path / f"a{n}.txt"
        path.write_text(ARTICLE.format(n=n), encoding="utf-8")
        paths.append(path)
    assert len(ingest_files(engine, paths[:2]).outcomes) == 2
    stop = _interrupt_statement(engine, after=12)
    with pytest.raises(KeyboardInterrupt):
        ingest_files(engine, paths[2:])
    stop()
    stop = _interrupt_statement(engine, after=12)
    with pytest.raises(KeyboardInterrupt):
        reextract_articles(engine)
    stop()
    # and the next run goes through: nothing was left half-written or locked (the article
    # stored before the interrupted one, if any, is whole and known)
    again = ingest_files(engine, paths)
    states = [o.state for o in again.outcomes]
    assert states[:2] == ["duplicate", "duplicate"]
    assert set(states[2:]) <= {"duplicate", "ingested"} and "ingested" in states, states
    assert all(o.error is None for o in reextract_articles(engine).outcomes)


def test_reextract_interrupted_says_what_was_done(db_url, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracker.cli import cli
    from tracker.services import articles

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", "-j", "1", str(tmp_path)]).exit_code == 0
    real = articles.reextract_article
    calls = []

    def second_is_interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(articles, "reextract_article", second_is_interrupted)
    result = runner.invoke(cli, ["--db", db_url, "reextract", "--all"])
    assert result.exit_code == 130, result.output
    assert "articles re-extracted: 1, skipped: 0" in result.stdout
    assert result.stderr == (
        "tracker: interrupted; the articles listed are re-extracted, the others are as they "
        "were: run it again for the rest\n"
    )
