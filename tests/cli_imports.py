"""Running CLI commands in a new process and telling whether they loaded SQLAlchemy."""

from __future__ import annotations

import os
import subprocess
import sys


def commands_import_sqlalchemy(url: str, commands: list[list[str]]) -> bool:
    """Run each command (its arguments after ``--db URL``) in one new process, each expected
    to succeed, and say whether SQLAlchemy was imported by the end."""
    script = (
        "import sys\n"
        "from tracker.cli import cli\n"
        f"for args in {commands!r}:\n"
        "    try:\n"
        f"        cli(['--db', {url!r}, *args])\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, done.code\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy()
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1] == "True"
