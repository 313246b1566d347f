"""What changed since a time, and where each database user last looked.

Each function takes an ORM session or the fast reader (tracker.services.sources).
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.domain import utcnow
from tracker.services.filters import as_datetime, sql_time
from tracker.services.sources import source_of

if TYPE_CHECKING:
    from tracker.db.models import Event, StatusChange

CHANGES_LIMIT = 1000


@dataclass
class Changes:
    since: dt.datetime
    new_events: list[Event] = field(default_factory=list)
    moves: list[StatusChange] = field(default_factory=list)  # status changes of known events
    truncated: bool = False

    @property
    def changed_event_ids(self) -> set[int]:
        return {e.id for e in self.new_events} | {c.event_id for c in self.moves}


def database_user(session: Any) -> str:
    """Who is looking: the database role on a server, the login on a local SQLite file."""
    source = source_of(session)
    if source.dialect == "postgresql":
        return str(source.rows("SELECT CURRENT_USER")[0][0])
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "local"


def last_seen(session: Any, user: str) -> dt.datetime | None:
    rows = source_of(session).rows(
        "SELECT seen_at FROM user_marks WHERE user_name = :user", {"user": user}
    )
    return as_datetime(rows[0][0]) if rows else None


def mark_seen(session: Any, user: str, at: dt.datetime | None = None) -> dt.datetime:
    """Move the user's mark (to now by default) and commit."""
    at = at or utcnow()
    source = source_of(session)
    params = {"user": user, "at": sql_time(at, source.dialect)}
    if not source.execute("UPDATE user_marks SET seen_at = :at WHERE user_name = :user", params):
        source.execute("INSERT INTO user_marks (user_name, seen_at) VALUES (:user, :at)", params)
    source.commit()
    return at


def changes_since(session: Any, since: dt.datetime, limit: int = CHANGES_LIMIT) -> Changes:
    """Events recorded after ``since`` and status moves of other events recorded after it,
    newest last. Both read a time index; at most ``limit`` of each."""
    source = source_of(session)
    params = {"since": sql_time(since, source.dialect), "limit": limit + 1}
    new_ids = [
        event_id
        for (event_id,) in source.rows(
            "SELECT events.id FROM events WHERE events.created_at > :since "
            "ORDER BY events.created_at, events.id LIMIT :limit",
            params,
        )
    ]
    new_events = source.events(new_ids)
    moved = source.rows(
        "SELECT status_changes.id, status_changes.event_id FROM status_changes "
        "WHERE status_changes.recorded_at > :since "
        "ORDER BY status_changes.recorded_at, status_changes.id LIMIT :limit",
        params,
    )
    known = set(new_ids)
    # a new event's first status is the event itself
    moves = source.status_changes([change for change, event in moved if event not in known])
    truncated = len(new_events) > limit or len(moves) > limit
    return Changes(since, new_events[:limit], moves[:limit], truncated)
