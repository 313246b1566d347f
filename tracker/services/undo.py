"""Taking back this session's last write: an event kept whole before its deletion, and put
back as it was (same id, actors, evidence and status history); a status change taken back by a
new change back, with the event's time put back where the change had moved it from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Actor, Article, Event, Mention, Participation, StatusChange
from tracker.domain import When
from tracker.errors import ConflictError
from tracker.services.actors import get_or_create_actor
from tracker.services.events import (
    change_status,
    event_when,
    forget_dismissals,
    get_event,
    set_when,
)

Row = dict[str, object]


def _columns(obj: object, exclude: tuple[str, ...] = ()) -> Row:
    table = type(obj).__table__  # type: ignore[attr-defined]
    return {c.key: getattr(obj, c.key) for c in table.columns if c.key not in exclude}


@dataclass(frozen=True)
class EventSnapshot:
    """Every row that makes up one event, as plain values (all columns, so nothing is lost
    when the schema grows)."""

    event: Row
    participations: tuple[tuple[str, Row], ...]  # (actor name, row)
    mentions: tuple[Row, ...]
    status_changes: tuple[Row, ...]

    @property
    def id(self) -> int:
        return int(self.event["id"])  # type: ignore[arg-type]

    @property
    def title(self) -> str:
        return str(self.event["title"])


def snapshot_event(session: Session, event_id: int) -> EventSnapshot:
    """The event ``event_id`` as it is now (NotFoundError when it is gone)."""
    event = get_event(session, event_id)
    return EventSnapshot(
        event=_columns(event),
        participations=tuple(
            (p.actor.name, _columns(p, ("id", "event_id"))) for p in event.participations
        ),
        mentions=tuple(_columns(m, ("event_id",)) for m in event.mentions),
        status_changes=tuple(_columns(c, ("id", "event_id")) for c in event.status_changes),
    )


def restore_event(session: Session, snapshot: EventSnapshot) -> Event:
    """Put a deleted event back as it was; ConflictError if its id has been taken since.

    An actor merged or removed meanwhile is found (or made again) by name; evidence from an
    article deleted meanwhile cannot come back and is left out.
    """
    if session.get(Event, snapshot.id) is not None:
        raise ConflictError(f"event {snapshot.id} exists again; nothing was restored")
    event = Event(**snapshot.event)
    session.add(event)
    for name, row in snapshot.participations:
        actor_id = row["actor_id"]
        if session.get(Actor, actor_id) is None:
            actor_id = get_or_create_actor(session, name).id
        event.participations.append(Participation(**{**row, "actor_id": actor_id}))
    articles = set(
        session.scalars(
            select(Article.id).where(Article.id.in_([m["article_id"] for m in snapshot.mentions]))
        )
    )
    mentions: dict[object, Mention] = {}
    for row in snapshot.mentions:
        if row["article_id"] in articles:
            mentions[row["id"]] = mention = Mention(**{k: v for k, v in row.items() if k != "id"})
            event.mentions.append(mention)
    for row in snapshot.status_changes:
        values = {k: v for k, v in row.items() if k != "mention_id"}
        event.status_changes.append(
            StatusChange(**values, mention=mentions.get(row.get("mention_id")))
        )
    # back with its evidence: re-reading its articles keeps it again
    forget_dismissals(session, {
        (m.article_id, event.type, m.start_offset, m.end_offset) for m in mentions.values()
    })
    session.flush()
    return event


def undo_status_change(
    session: Session,
    event_id: int,
    status: str,
    *,
    at: When | None,
    moved_from: When | None,
    expected_version: int | None,
    today: dt.date | None = None,
) -> StatusChange:
    """Take back a status change typed by a person: a new change back to ``status`` at the same
    effective time ``at`` (recorded later, so it wins, and the history stays complete).

    The change back moves nothing by itself (back to occurred, the event stays where it is);
    a change that had moved the event (marked occurred at another time) is taken back with
    the move: the event returns to ``moved_from``, and the note says so.
    """
    note = f"undo: back to {status}"
    if moved_from is not None:
        note += f", {moved_from.label()}"
    change = change_status(
        session,
        event_id,
        status,
        at=at,
        note=note,
        expected_version=expected_version,
        keep_time=True,
        today=today,
    )
    event = change.event
    if moved_from is not None and event_when(event) != moved_from:
        set_when(event, moved_from)
        session.flush()
    return change
