"""An export written to a file: beside the target, then renamed into place, so a failed
export never leaves a half-written file where a calendar or a script reads the last good one."""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
from collections.abc import Callable
from contextlib import suppress

from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.services.export import export_events
from tracker.services.query import EventFilter

EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "ics": "ics", "plover": "plover.jsonl"}


def calendar_id(session: Session) -> str:
    """Stable per database, so calendar UIDs stay the same from one export to the next."""
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    return hashlib.sha256(url.encode()).hexdigest()[:12]


def _cannot_write(path: str, exc: OSError) -> TrackerError:
    return TrackerError(f"cannot write {path!r}: {exc.strerror or exc}")


def _temporary_beside(target: str) -> tuple[int, str]:
    """A new file in the target's folder, created as any new file is (mode 0666 less the
    umask: a calendar served from the folder stays readable), never an existing one."""
    folder = os.path.dirname(target)
    for _ in range(100):
        temp = os.path.join(folder, f".tracker-export-{secrets.token_hex(6)}")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


def export_to_file(
    session: Session,
    fmt: str,
    path: str,
    filt: EventFilter | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Export the events of ``filt`` to ``path`` in ``fmt``; the number written.

    A regular file (new or replaced) is written beside the target and renamed into place; a
    replaced file keeps its permissions, and a symbolic link stays a link (the file it points
    to is replaced). A device or pipe (``/dev/stdout``, a FIFO) is written into as it is.
    Raises TrackerError with the reason when the file cannot be written; nothing is left
    half-written.
    """
    if not path.strip():
        raise TrackerError("say which file to write")
    given = path.strip()
    target = os.path.abspath(os.path.expanduser(given))
    try:
        info = os.stat(target)  # through a symbolic link: what it points to
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(given, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise TrackerError(f"{given!r} is a folder: give a file name")
    if info is not None and stat.S_ISREG(info.st_mode):
        target = os.path.realpath(target)  # a link stays a link: its file is replaced
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise TrackerError(f"no folder {folder!r} to write {os.path.basename(target)!r} into")
    cal = calendar_id(session)
    if info is not None and not stat.S_ISREG(info.st_mode):
        # a device or a pipe: there is nothing to rename into place, and replacing it with a
        # regular file would break it
        try:
            with open(target, "w", encoding="utf-8", newline="") as out:
                return export_events(session, fmt, out, filt, calendar_id=cal, progress=progress)
        except OSError as exc:
            raise _cannot_write(given, exc) from None
    try:
        handle, temp = _temporary_beside(target)
    except OSError as exc:
        raise TrackerError(f"cannot write into {folder!r}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = export_events(session, fmt, out, filt, calendar_id=cal, progress=progress)
        if info is not None:
            os.chmod(temp, stat.S_IMODE(info.st_mode))
        os.replace(temp, target)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _cannot_write(given, exc) from None
        raise
    return count
