"""What changed since a time, and where each database user last looked."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Event, Mention, Participation, StatusChange, UserMark, utcnow

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


def database_user(session: Session) -> str:
    """Who is looking: the database role on a server, the login on a local SQLite file."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.scalar(select(func.current_user())))
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "local"


def last_seen(session: Session, user: str) -> dt.datetime | None:
    mark = session.get(UserMark, user)
    return mark.seen_at if mark else None


def mark_seen(session: Session, user: str, at: dt.datetime | None = None) -> dt.datetime:
    """Move the user's mark (to now by default) and commit."""
    at = at or utcnow()
    mark = session.get(UserMark, user)
    if mark is None:
        session.add(UserMark(user_name=user, seen_at=at))
    else:
        mark.seen_at = at
    session.commit()
    return at


def changes_since(session: Session, since: dt.datetime, limit: int = CHANGES_LIMIT) -> Changes:
    """Events recorded after ``since`` and status moves of other events recorded after it,
    newest last. Both read a time index; at most ``limit`` of each."""
    new_events = list(
        session.scalars(
            select(Event)
            .where(Event.created_at > since)
            .order_by(Event.created_at, Event.id)
            .limit(limit + 1)
            .options(selectinload(Event.participations).selectinload(Participation.actor))
        )
    )
    new_ids = {e.id for e in new_events}
    moves = [
        change
        for change in session.scalars(
            select(StatusChange)
            .where(StatusChange.recorded_at > since)
            .order_by(StatusChange.recorded_at, StatusChange.id)
            .limit(limit + 1)
            .options(
                selectinload(StatusChange.event)
                .selectinload(Event.participations)
                .selectinload(Participation.actor),
                selectinload(StatusChange.mention).selectinload(Mention.article),
            )
        )
        if change.event_id not in new_ids  # a new event's first status is the event itself
    ]
    truncated = len(new_events) > limit or len(moves) > limit
    return Changes(since, new_events[:limit], moves[:limit], truncated)
