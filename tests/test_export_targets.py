"""`tracker export -o` onto what an ops person points it at: a pipe, a link, a folder, a file
that others read; and an output that fails (a full disk). One error line, never a traceback,
and never a device, link or permission broken."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from tracker.cli import cli
from tracker.services import export_file


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    added = CliRunner().invoke(cli, ["--db", url, "add", "--type", "call", "--actor", "Germany",
                                     "--actor", "France", "--when", "2027-03-04"])
    assert added.exit_code == 0, added.output
    return url


def export(db, *args):
    return CliRunner().invoke(cli, ["--db", db, "export", *args])


def test_an_export_into_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(db, tmp_path):
    fifo = tmp_path / "calendar.pipe"
    os.mkfifo(fifo)
    # a reader is there (non-blocking, so no thread): the export fits in the pipe's buffer
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = export(db, "--format", "ics", "-o", str(fifo))
        assert result.exit_code == 0, result.output
        data = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a regular file"
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_link_stays_a_link_and_a_replaced_file_keeps_its_permissions(db, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "diplomacy.ics"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "mine.ics"
    link.symlink_to(real)
    result = export(db, "--format", "ics", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert "BEGIN:VCALENDAR" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o644, "a calendar others read stays readable"
    assert sorted(p.name for p in shared.iterdir()) == ["diplomacy.ics"]


def test_a_new_export_file_gets_the_mode_of_any_new_file(db, tmp_path):
    target = tmp_path / "new.csv"
    old_umask = os.umask(0o022)
    try:
        result = export(db, "--format", "csv", "-o", str(target))
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not 0600


def test_a_folder_as_the_target_is_one_error_line(db, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = export(db, "--format", "csv", "-o", str(folder))
    assert result.exit_code == 2
    assert result.output.strip() == f"tracker: error: '{folder}' is a folder: give a file name"
    assert list(folder.iterdir()) == []


def test_a_write_that_fails_half_way_keeps_the_last_good_file(db, tmp_path, monkeypatch):
    target = tmp_path / "events.jsonl"
    target.write_text("last good export\n")
    real_export = export_file.export_events

    def disk_full(session, fmt, out, *args, **kwargs):
        real_export(session, fmt, out, *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_file, "export_events", disk_full)
    result = export(db, "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"tracker: error: cannot write '{target}': No space left on device"
    )
    assert target.read_text() == "last good export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tracker")] == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["export", "--format", "jsonl"], ["list", "--json"]])
def test_a_full_disk_under_the_output_is_one_error_line(db, command):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tracker", "--db", db, *command],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("tracker: error: ") and len(done.stderr.splitlines()) == 1
    assert "No space left on device" in done.stderr


# ---------------------------------------------------------------- read while others write


def _events(engine, n: int = 6) -> None:
    import datetime as dt

    from sqlalchemy.orm import Session

    from tracker.domain import When
    from tracker.services.events import ActorRole, add_event

    with Session(engine) as session:
        for k in range(n):
            day = dt.date(2026, 1, 1 + k)
            add_event(session, type="call", status="occurred", when=When(day, day, "day"),
                      actors=[ActorRole("Germany"), ActorRole("France")])
        session.commit()


def _move_first_to_the_end(engine, first_id: int) -> None:
    """Another process dates the event again (a later article, an edit), committed."""
    import datetime as dt

    from sqlalchemy import text

    with engine.begin() as conn:
        conn.execute(text("UPDATE events SET timeline_date = :d WHERE id = :i"),
                     {"d": dt.date(2099, 1, 1), "i": first_id})


def test_an_export_read_while_another_process_writes_has_each_event_once(engine, monkeypatch):
    """Pages were read each in its own transaction: an event moved by another process between
    two pages came out twice (a calendar with the same UID twice) or not at all."""
    import io
    import json
    from functools import partial

    from sqlalchemy.orm import Session

    from tracker.db.session import make_engine
    from tracker.services import export, query

    _events(engine)
    other = make_engine(engine.url.render_as_string(hide_password=False))
    real_list = query.list_events
    pages = []

    def list_then_move(session, filt, **kwargs):
        page = real_list(session, filt, **kwargs)
        pages.append(page)
        if len(pages) == 1:
            _move_first_to_the_end(other, page[0].id)
        return page

    monkeypatch.setattr(query, "list_events", list_then_move)
    monkeypatch.setattr(export, "iter_events", partial(query.iter_events, page_size=2))
    out = io.StringIO()
    with Session(engine) as session:
        assert export.export_events(session, "jsonl", out) == 6
    ids = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
    assert len(pages) > 1 and sorted(ids) == sorted(set(ids)) and len(ids) == 6
    other.dispose()


def test_list_json_read_while_another_process_writes_has_each_event_once(
    engine, db_url, monkeypatch
):
    import json

    import tracker.cli
    from tracker.db.session import make_engine
    from tracker.services.reading import Reader

    _events(engine)
    other = make_engine(db_url)
    real_list = Reader.list_events
    pages = []

    def list_then_move(self, filt, **kwargs):
        page = real_list(self, filt, **kwargs)
        pages.append(page)
        if len(pages) == 1:
            _move_first_to_the_end(other, page[0].id)
        return page

    monkeypatch.setattr(Reader, "list_events", list_then_move)
    monkeypatch.setattr(tracker.cli, "JSON_PAGE", 2)
    result = CliRunner().invoke(cli, ["--db", db_url, "list", "--jsonl"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert len(pages) > 1, "the fast path read it"
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 6
    other.dispose()
