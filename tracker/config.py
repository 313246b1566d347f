"""Where the database is: --db URL, then TRACKER_DATABASE_URL, then a file in the data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "TRACKER_DATABASE_URL"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("tracker", appauthor=False)) / "tracker.db"


def database_url(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return from_env
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
