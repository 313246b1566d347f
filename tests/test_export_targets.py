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
