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
