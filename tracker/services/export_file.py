"""An export written to a file: beside the target, then renamed into place, so a failed
export never leaves a half-written file where a calendar or a script reads the last good one."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable

from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.services.export import export_events
from tracker.services.query import EventFilter

EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "ics": "ics", "plover": "plover.jsonl"}


def calendar_id(session: Session) -> str:
    """Stable per database, so calendar UIDs stay the same from one export to the next."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def _file_mode(target: str) -> int:
    """The permissions the export gets: those of the file it replaces, else a new file's
    (0666 less the umask), not the private 0600 of the temporary file it is written in."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        pass
    # the umask can only be read by setting it: set a stricter one for that instant, so a file
    # another thread creates meanwhile is never more open than it should be
    umask = os.umask(0o077)
    os.umask(umask)
    return 0o666 & ~umask


def export_to_file(
    session: Session,
    fmt: str,
    path: str,
    filt: EventFilter | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Export the events of ``filt`` to ``path`` in ``fmt``; the number written."""
    target = os.path.abspath(os.path.expanduser(path.strip()))
    if not path.strip():
        raise TrackerError("say which file to write")
    if os.path.isdir(target):
        raise TrackerError(f"{path!r} is a folder: give a file name")
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise TrackerError(f"no folder {folder!r} to write {os.path.basename(target)!r} into")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".tracker-export-")
    except OSError as exc:
        raise TrackerError(f"cannot write into {folder!r}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = export_events(
                session, fmt, out, filt, calendar_id=calendar_id(session), progress=progress
            )
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return count
