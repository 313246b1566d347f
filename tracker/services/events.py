"""Events: manual entry, edits, status changes (append-only history), deletion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.models import (
    Actor,
    DismissedReading,
    Event,
    EventMerge,
    Mention,
    Participation,
    StatusChange,
    utcnow,
)
from tracker.db.session import id_fits
from tracker.domain import SEARCH_TEXT_LIMIT as SEARCH_TEXT_LIMIT
from tracker.domain import (
    UNDATED,
    When,
    check_role,
    check_status,
    check_title,
    check_type,
    concurrent_change,
    current_status,
    future_occurrence,
    search_text,
    status_change_values,
    title_for,
    when_values,
)
from tracker.domain import ActorRole as ActorRole
from tracker.domain import StatusTime as StatusTime

# the views of an event live in tracker.domain (no SQLAlchemy); callers import them here too
from tracker.domain import event_when as event_when
from tracker.domain import history_order as history_order
from tracker.domain import moved_text as moved_text
from tracker.domain import parse_actor_role as parse_actor_role
from tracker.domain import plan_status_time as plan_status_time
from tracker.domain import previous_when as previous_when
from tracker.errors import ConflictError, NotFoundError, TrackerError
from tracker.services.actors import (
    UnknownActorError,
    add_actor,
    close_names,
    find_actor,
    get_or_create_actor,
    known_actor,
)


def refresh_search_text(event: Event) -> None:
    """What free-text search sees: title, actors, notes and the evidence sentences."""
    event.search_text = search_text(
        event.title,
        [p.actor.name for p in event.participations],
        event.notes,
        [m.sentence for m in event.mentions],
    )


def set_when(event: Event, when: When | None, fallback: dt.date | None = None) -> None:
    for column, value in when_values(when, fallback, event.timeline_date).items():
        setattr(event, column, value)


def reported_day(event: Event) -> dt.date:
    """Where an event without a time of its own goes: its first dated article's day; undated
    when its articles have no date; the day it was entered for an event entered by hand."""
    if not event.mentions:
        return event.created_at.date() if event.created_at else dt.date.today()
    dated = (m.article.published for m in event.mentions if m.article.published)
    return min(dated, default=UNDATED)


EDITABLE_FIELDS = ("actors", "title", "type", "when")


def edited_fields(event: Event) -> set[str]:
    """The fields of ``event`` a person changed (re-extraction leaves them as they are)."""
    return set(filter(None, (event.edited or "").split(",")))


def _editable_values(event: Event) -> dict[str, object]:
    return {
        "actors": sorted((p.actor_id or 0, p.role) for p in event.participations),
        "title": event.title,
        "type": event.type,
        "when": (event.when_start, event.when_end, event.precision),
    }


def mark_edited(event: Event, *fields: str) -> None:
    if fields:
        event.edited = ",".join(sorted(edited_fields(event) | set(fields)))


def resolve_typed_actors(session: Session, actors: Sequence[ActorRole]) -> list[Actor]:
    """Actors typed by a person: known names and aliases, then the gazetteer ("Germany" is the
    state, "the Kremlin" is Russia); a name neither knows is created only when marked ``new``,
    else UnknownActorError lists every such name with close known ones."""
    found: list[Actor | None] = []
    unknown: list[tuple[str, list[str]]] = []
    for spec in actors:
        actor = find_actor(session, spec.name) if spec.new else known_actor(session, spec.name)
        if actor is None and not spec.new:
            unknown.append((spec.name, close_names(session, spec.name)))
        found.append(actor)
    if unknown:
        raise UnknownActorError(unknown)
    return [
        actor or add_actor(session, spec.name, kind=spec.kind, country=spec.country)
        for actor, spec in zip(found, actors, strict=True)
    ]


def _canonical(session: Session, actors: Sequence[ActorRole]) -> list[ActorRole]:
    """Typed actors as the known actors they name (titles and lists show canonical names)."""
    resolved = resolve_typed_actors(session, actors)
    return [
        ActorRole(actor.name, spec.role, actor.kind, actor.country)
        for actor, spec in zip(resolved, actors, strict=True)
    ]


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
    typed_actors: bool = False,
    today: dt.date | None = None,
) -> Event:
    """Record a new event and its first status change. ``typed_actors``: the names were typed
    by a person and resolve as resolve_typed_actors says (extraction passes its own actors).
    ``today``: a person's entry, checked against it (nothing occurred after today)."""
    type_ = check_type(type)
    status_ = check_status(status)
    refused = future_occurrence(status_, when, today) if today is not None else None
    if refused:
        raise TrackerError(refused)
    if origin == "manual" and title:
        title = check_title(title)  # a person's title is refused when too long, never cut
    if typed_actors:
        actors = _canonical(session, actors)  # unknown names fail before anything is added
    title = (title or "").strip() or title_for(type_, actors)
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
    event.status_changes.append(
        StatusChange(**status_change_values(None, status_, status_effective, note))
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
        raise NotFoundError(_missing_event_message(session, event_id))
    return event


def merged_into(session: Session, event_id: int) -> int | None:
    """The event that ``event_id`` was merged into, following later merges; None if it was not
    merged away."""
    if not id_fits(session, EventMerge.merged_id, event_id):
        return None
    target = None
    seen = {event_id}
    current = event_id
    while into := session.scalar(select(EventMerge.into_id).where(EventMerge.merged_id == current)):
        target = current = into
        if current in seen:  # a cycle cannot be recorded, but never loop on a damaged table
            break
        seen.add(current)
    return target


def _missing_event_message(session: Session, event_id: int) -> str:
    target = merged_into(session, event_id)
    if target is None:
        return f"no event with id {event_id}"
    if session.get(Event, target) is None:
        return f"event {event_id} was merged into {target}, which has since been deleted"
    return f"event {event_id} was merged into {target}"


def _check_version(event: Event, expected_version: int | None) -> None:
    if expected_version is not None and event.version != expected_version:
        raise ConflictError(
            f"event {event.id} was changed by someone else (version {expected_version} → "
            f"{event.version}); reload it and try again"
        )


def change_status(
    session: Session,
    event_id: int,
    status: str,
    *,
    at: When | None = None,
    note: str | None = None,
    mention: Mention | None = None,
    expected_version: int | None = None,
    keep_time: bool = False,
    today: dt.date | None = None,
) -> StatusChange:
    """Append a status change; the current status is the latest change by effective time.

    A change typed by a person follows ``plan_status_time``: marking an event occurred at
    another time moves the event there and the change keeps the time it had. A change read
    from an article (``mention``) takes the time given, or none, and moves nothing.
    """
    status_ = check_status(status)
    event = get_event(session, event_id)
    _check_version(event, expected_version)
    moved_from: When | None = None
    if mention is None:
        plan = plan_status_time(
            status_, event_when(event), at, today or dt.date.today(), keep_time=keep_time
        )
        at = plan.effective
        if plan.moves:
            moved_from = plan.moved_from
            set_when(event, plan.effective)
    change = StatusChange(
        **status_change_values(event.status, status_, at, note, moved_from), mention=mention
    )
    event.status_changes.append(change)
    event.status = current_status(event.status_changes)
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
    typed_actors: bool = False,
    today: dt.date | None = None,
) -> Event:
    """Change what an event is; its status moves only through change_status. ``today``: a
    person's edit, checked against it (an occurred event is not moved after today)."""
    event = get_event(session, event_id)
    _check_version(event, expected_version)
    if today is not None and when is not None and not clear_when and when != event_when(event):
        refused = future_occurrence(event.status, when, today)
        if refused:
            raise TrackerError(refused)
    before = _editable_values(event)
    if type is not None:
        event.type = check_type(type)
    if title is not None:
        if not title.strip():
            raise TrackerError("a title cannot be empty")
        event.title = check_title(title)
    if when is not None or clear_when:
        set_when(event, None if clear_when else when, reported_day(event))
    if actors is not None:
        _set_actors(session, event, _canonical(session, actors) if typed_actors else actors)
        session.flush()
    if notes is not None:
        event.notes = notes.strip() or None
    after = _editable_values(event)
    # a form saves every field: only what really changed counts as a person's edit
    mark_edited(event, *(name for name in EDITABLE_FIELDS if before[name] != after[name]))
    refresh_search_text(event)
    event.updated_at = utcnow()
    _flush(session, event)
    return event


def delete_event(session: Session, event_id: int) -> None:
    """Delete an event with its evidence and history. What the extractor had read of it in each
    article is remembered, so that reading the article again does not make it anew."""
    event = get_event(session, event_id)
    readings = {
        (m.article_id, event.type, m.start_offset, m.end_offset) for m in event.mentions
    }
    for article_id, event_type, start, end in readings:
        key = (article_id, event_type, start, end)
        if session.get(DismissedReading, key) is None:
            session.add(DismissedReading(
                article_id=article_id, event_type=event_type, start_offset=start, end_offset=end
            ))
    session.delete(event)
    session.flush()


def dismissed_readings(session: Session, article_id: int) -> set[tuple[str, int, int]]:
    """The (type, start, end) readings of an article whose events a person deleted."""
    rows = session.execute(
        select(
            DismissedReading.event_type, DismissedReading.start_offset, DismissedReading.end_offset
        ).where(DismissedReading.article_id == article_id)
    )
    return {(t, start, end) for t, start, end in rows}


def forget_dismissals(session: Session, mentions: Iterable[tuple[int, str, int, int]]) -> None:
    """A deleted event put back: its readings are no longer dismissed."""
    for article_id, event_type, start, end in mentions:
        found = session.get(DismissedReading, (article_id, event_type, start, end))
        if found is not None:
            session.delete(found)


def _flush(session: Session, event: Event) -> None:
    event_id = event.id  # read before flushing: a failed flush leaves the object unusable
    try:
        session.flush()
    except StaleDataError:
        raise concurrent_change(event_id) from None


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def _finer_when(kept: When | None, other: When | None) -> When | None:
    """The time the merged event keeps: the kept one's, unless the other is finer and within it
    (a "March" call and a "12 March" call are the 12 March call)."""
    if kept is None:
        return other
    if other is None:
        return kept
    finer = _PRECISION_RANK.get(other.precision, 9) < _PRECISION_RANK.get(kept.precision, 9)
    if finer and kept.start <= other.start and other.end <= kept.end:
        return other
    return kept


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    merged_id: int
    mentions_moved: int
    changes_moved: int


def merge_events(
    session: Session,
    first_id: int,
    second_id: int,
    *,
    note: str | None = None,
    expected_versions: dict[int, int] | None = None,
) -> MergeResult:
    """Merge two tellings of one event: the older id stays, the other's mentions, actors and
    status history move to it, and its id is recorded as merged so it still leads somewhere."""
    if first_id == second_id:
        raise TrackerError(f"cannot merge event {first_id} with itself")
    kept = get_event(session, min(first_id, second_id))
    gone = get_event(session, max(first_id, second_id))
    for event in (kept, gone):
        if expected_versions and event.id in expected_versions:
            _check_version(event, expected_versions[event.id])
    kept_id, gone_id = kept.id, gone.id
    previous_status = kept.status

    # actors: one participation per (actor, role); an actor already in the kept event with a
    # precise role does not come back as a mere participant
    roles: dict[int, set[str]] = {}
    for part in kept.participations:
        roles.setdefault(part.actor_id, set()).add(part.role)
    for part in list(gone.participations):
        have = roles.setdefault(part.actor_id, set())
        if part.role in have or (part.role == "participant" and have):
            continue
        have.add(part.role)
        kept.participations.append(Participation(actor_id=part.actor_id, role=part.role))

    mentions = list(gone.mentions)
    changes = list(gone.status_changes)
    for mention in mentions:
        gone.mentions.remove(mention)
        kept.mentions.append(mention)
    for change in changes:
        gone.status_changes.remove(change)
        kept.status_changes.append(change)

    when = _finer_when(event_when(kept), event_when(gone))
    if when != event_when(kept):
        set_when(kept, when)
    elif when is None:
        kept.timeline_date = min(kept.timeline_date, gone.timeline_date)
    kept.confidence = max(kept.confidence, gone.confidence)
    if gone.notes:
        kept.notes = f"{kept.notes}\n{gone.notes}" if kept.notes else gone.notes

    latest = max(kept.status_changes, key=history_order)
    current = latest.to_status
    summary = f"merged event {gone_id} ({gone.title}) into this event"
    # the history stays append-only: the merge is one more entry, placed right after the latest
    # change and carrying the current status, so it never changes which status is current
    kept.status_changes.append(
        StatusChange(
            from_status=previous_status,
            to_status=current,
            effective_at=latest.effective_at,
            effective_precision=latest.effective_precision,
            note=f"{summary}; {note}" if note else summary,
            recorded_at=utcnow(),
        )
    )
    kept.status = current
    kept.updated_at = utcnow()
    session.add(EventMerge(merged_id=gone_id, into_id=kept_id, merged_title=gone.title[:500]))
    # ids that had been merged into the gone event now lead straight to the kept one
    for earlier in session.scalars(select(EventMerge).where(EventMerge.into_id == gone_id)):
        earlier.into_id = kept_id
    _flush(session, kept)
    session.delete(gone)
    session.flush()
    refresh_search_text(kept)
    _flush(session, kept)
    return MergeResult(kept_id, gone_id, len(mentions), len(changes))
