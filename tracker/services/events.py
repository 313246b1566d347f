"""Events: manual entry, edits, status changes (append-only history), deletion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.models import Event, Mention, Participation, StatusChange, utcnow
from tracker.db.session import id_fits
from tracker.domain import When, check_role, check_status, check_type
from tracker.errors import ConflictError, NotFoundError, TrackerError
from tracker.services.actors import get_or_create_actor, resolve_actor


@dataclass(frozen=True)
class ActorRole:
    name: str
    role: str = "participant"
    kind: str = "person"
    country: str | None = None


def parse_actor_role(spec: str) -> ActorRole:
    """'Donald Trump:initiator' -> ActorRole; the role defaults to participant."""
    name, _, role = spec.rpartition(":") if ":" in spec else (spec, "", "")
    role = role.strip() or "participant"
    if not name.strip():
        raise TrackerError(f"actor {spec!r} has no name")
    return ActorRole(name.strip(), check_role(role))


def _title_for(type_: str, actors: Sequence[ActorRole]) -> str:
    """The same kind of title extraction gives: "Trump–Putin phone call"."""
    from tracker.extract import event_title
    from tracker.extract.types import ExtractedActor

    return event_title(type_, [ExtractedActor(a.name, a.role, a.kind, a.country) for a in actors])


SEARCH_TEXT_LIMIT = 4000


def refresh_search_text(event: Event) -> None:
    """What free-text search sees: title, actors, notes and the evidence sentences."""
    parts = [event.title, *(p.actor.name for p in event.participations), event.notes or ""]
    parts += [m.sentence for m in event.mentions]
    event.search_text = " ".join(p for p in parts if p)[:SEARCH_TEXT_LIMIT]


def set_when(event: Event, when: When | None, fallback: dt.date | None = None) -> None:
    event.when_start = when.start if when else None
    event.when_end = when.end if when else None
    event.precision = when.precision if when else None
    if when:
        event.timeline_date = when.start
    elif fallback is not None:
        event.timeline_date = fallback
    elif event.timeline_date is None:
        event.timeline_date = dt.date.today()


def event_when(event: Event) -> When | None:
    if event.when_start is None or event.precision is None:
        return None
    return When(event.when_start, event.when_end or event.when_start, event.precision)


def _set_actors(session: Session, event: Event, actors: Sequence[ActorRole]) -> None:
    seen: set[tuple[int, str]] = set()
    event.participations.clear()
    session.flush()
    for spec in actors:
        actor = get_or_create_actor(session, spec.name, kind=spec.kind, country=spec.country)
        key = (actor.id, check_role(spec.role))
        if key in seen:
            continue
        seen.add(key)
        event.participations.append(Participation(actor=actor, role=key[1]))


def add_event(
    session: Session,
    *,
    type: str,
    status: str,
    actors: Sequence[ActorRole] = (),
    title: str | None = None,
    when: When | None = None,
    note: str | None = None,
    origin: str = "manual",
    confidence: float = 1.0,
    status_effective: When | None = None,
    timeline_fallback: dt.date | None = None,
    create_actors: bool = True,
) -> Event:
    """Record a new event and its first status change."""
    type_ = check_type(type)
    status_ = check_status(status)
    if not create_actors:
        for spec in actors:
            resolve_actor(session, spec.name)
    title = (title or "").strip() or _title_for(type_, actors)
    event = Event(
        type=type_,
        status=status_,
        title=title[:500],
        origin=origin,
        confidence=confidence,
    )
    set_when(event, when, timeline_fallback)
    session.add(event)
    _set_actors(session, event, actors)
    refresh_search_text(event)
    # without a known effective time the first status sorts before every dated change
    effective = status_effective
    event.status_changes.append(
        StatusChange(
            from_status=None,
            to_status=status_,
            effective_at=effective.start if effective else None,
            effective_precision=effective.precision if effective else None,
            note=note,
        )
    )
    session.flush()
    return event


def get_event(session: Session, event_id: int) -> Event:
    """An event with everything the details view shows, loaded up front."""
    if not id_fits(session, Event.id, event_id):
        raise NotFoundError(f"no event with id {event_id}")
    event = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(
            selectinload(Event.participations).selectinload(Participation.actor),
            selectinload(Event.mentions).selectinload(Mention.article),
            selectinload(Event.status_changes).selectinload(StatusChange.mention),
        )
    )
    if event is None:
        raise NotFoundError(f"no event with id {event_id}")
    return event


def _check_version(event: Event, expected_version: int | None) -> None:
    if expected_version is not None and event.version != expected_version:
        raise ConflictError(
            f"event {event.id} was changed by someone else (version {expected_version} → "
            f"{event.version}); reload it and try again"
        )


def history_order(change: StatusChange) -> tuple:
    """Changes in world order: undated first, then by effective time, then as recorded."""
    effective = change.effective_at
    return (effective is not None, effective or dt.date.min, change.recorded_at, change.id or 0)


def change_status(
    session: Session,
    event_id: int,
    status: str,
    *,
    at: When | None = None,
    note: str | None = None,
    mention: Mention | None = None,
    expected_version: int | None = None,
) -> StatusChange:
    """Append a status change; the current status is the latest change by effective time."""
    status_ = check_status(status)
    event = get_event(session, event_id)
    _check_version(event, expected_version)
    if at is None and mention is None:
        today = dt.date.today()
        at = When(today, today, "day")
    change = StatusChange(
        from_status=event.status,
        to_status=status_,
        effective_at=at.start if at else None,
        effective_precision=at.precision if at else None,
        note=note,
        mention=mention,
        recorded_at=utcnow(),
    )
    event.status_changes.append(change)
    event.status = max(event.status_changes, key=history_order).to_status
    event.updated_at = utcnow()  # always dirties the row, so the version check runs
    _flush(session, event)
    return change


def edit_event(
    session: Session,
    event_id: int,
    *,
    type: str | None = None,
    title: str | None = None,
    when: When | None = None,
    clear_when: bool = False,
    actors: Sequence[ActorRole] | None = None,
    notes: str | None = None,
    expected_version: int | None = None,
) -> Event:
    """Change what an event is; its status moves only through change_status."""
    event = get_event(session, event_id)
    _check_version(event, expected_version)
    if type is not None:
        event.type = check_type(type)
    if title is not None:
        if not title.strip():
            raise TrackerError("a title cannot be empty")
        event.title = title.strip()[:500]
    if when is not None or clear_when:
        first_article = min(
            (m.article.published or m.article.ingested_at.date() for m in event.mentions),
            default=event.created_at.date(),
        )
        set_when(event, None if clear_when else when, first_article)
    if actors is not None:
        _set_actors(session, event, actors)
    if notes is not None:
        event.notes = notes.strip() or None
    refresh_search_text(event)
    event.updated_at = utcnow()
    _flush(session, event)
    return event


def delete_event(session: Session, event_id: int) -> None:
    event = get_event(session, event_id)
    session.delete(event)
    session.flush()


def _flush(session: Session, event: Event) -> None:
    event_id = event.id  # read before flushing: a failed flush leaves the object unusable
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError(
            f"event {event_id} was changed by someone else at the same time; "
            "nothing was written, reload it and try again"
        ) from None
