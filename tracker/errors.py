"""Errors that reach the user as one clear line (the CLI maps them to exit code 2)."""


class TrackerError(Exception):
    """Bad input or a state the user can fix; its message is shown as is."""


class NotFoundError(TrackerError):
    pass


class ConflictError(TrackerError):
    """The event changed underneath (optimistic locking): nothing was written."""


class DatabaseError(TrackerError):
    pass


class DatabaseUnwritable(DatabaseError):
    """The database takes no writes at all (read-only, full, broken): a batch stops at the
    first article instead of failing every one of them the same way."""


class ExtractionTimeout(TrackerError):
    """An article took longer than its time budget to extract: it is skipped, not half-read."""
