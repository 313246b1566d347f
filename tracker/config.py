"""Where the database is: --db URL, then TRACKER_DATABASE_URL, then a file in the data dir."""

from __future__ import annotations

import os
from pathlib import Path

from tracker.errors import TrackerError

ENV_VAR = "TRACKER_DATABASE_URL"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("tracker", appauthor=False)) / "tracker.db"


def database_url(explicit: str | None = None) -> str:
    """The URL to open. An empty one (an unset shell variable) is an error, not the default:
    silently writing to another database than the one meant loses work. A SQLite file's path
    ("team.db", "~/data/tracker.db") stands for its URL."""
    if explicit is not None:
        if not explicit.strip():
            raise TrackerError("the database URL given with --db is empty")
        return _url_of(explicit)
    from_env = os.environ.get(ENV_VAR)
    if from_env is not None:
        if not from_env.strip():
            raise TrackerError(
                f"{ENV_VAR} is set but empty; give a database URL or unset it for the default"
            )
        return _url_of(from_env)
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def _url_of(value: str) -> str:
    """``value`` as a URL: one with a scheme as it is, a SQLite file's path as sqlite:///PATH."""
    if "://" in value or not (value.endswith(_SQLITE_SUFFIXES) or os.sep in value):
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def new_sqlite_file(url: str) -> Path | None:
    """The file a SQLite ``url`` names when it does not exist yet (opening it creates it)."""
    if not url.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        database = make_url(url).database
    except ArgumentError:
        return None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    return None if path.exists() else path.resolve()
