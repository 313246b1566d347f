"""The CLI's everyday edits (`tracker status`, `tracker add`) through the DB-API driver.

Importing SQLAlchemy and declaring the models costs more than a command's whole budget
(0.3 s), so these two commands first try this path, on the fast reader's connection
(tracker.services.reading). The rules are not written here: the status time rules, the
history row, the current status, the time columns, the search text and the refusal of a
future occurrence are tracker.domain's functions, which the services (tracker.services.events)
apply to the ORM's objects and this module to rows. What this path cannot do exactly as the
services do it returns None for, before writing anything, and the caller takes the service
path: an event that is not there (perhaps merged away), an actor name the database does not
know yet (the services create it from the gazetteer, or as --new-actor, or explain).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain import (
    ActorRole,
    When,
    check_status,
    check_title,
    check_type,
    concurrent_change,
    current_status,
    event_when,
    future_occurrence,
    name_variants,
    plan_status_time,
    search_text,
    status_change_values,
    title_for,
    utcnow,
    when_values,
)
from tracker.errors import TrackerError
from tracker.services.filters import sql_date, sql_time
from tracker.services.reading import EventRecord, Reader, StatusChangeRecord

_DATE_COLUMNS = {"when_start", "when_end", "timeline_date", "effective_at"}
_DATE_COLUMNS |= {"previous_when_start", "previous_when_end"}
_TIME_COLUMNS = {"recorded_at", "created_at", "updated_at"}


def _values(reader: Reader, row: dict[str, object]) -> dict[str, object]:
    """Column values as the backend stores them (SQLite: dates and times as text)."""
    out = {}
    for column, value in row.items():
        if value is not None and column in _DATE_COLUMNS:
            value = sql_date(value, reader.dialect)
        elif value is not None and column in _TIME_COLUMNS:
            value = sql_time(value, reader.dialect)
        out[column] = value
    return out


def _insert(reader: Reader, table: str, row: dict[str, object]) -> int:
    """Insert ``row`` into ``table``; its new id."""
    columns = ", ".join(row)
    names = ", ".join(f":{c}" for c in row)
    found = reader.rows(
        f"INSERT INTO {table} ({columns}) VALUES ({names}) RETURNING id", _values(reader, row)
    )
    return found[0][0]


@dataclass
class StatusChanged:
    event: EventRecord  # as it is now
    change: StatusChangeRecord  # the change recorded


def change_status(
    reader: Reader,
    event_id: int,
    status: str,
    *,
    at: When | None = None,
    note: str | None = None,
    keep_time: bool = False,
    today: dt.date | None = None,
) -> StatusChanged | None:
    """tracker.services.events.change_status for a change typed by a person, committed; None
    (nothing written) for an event that is not there."""
    status_ = check_status(status)
    with reader.write():
        event = reader.get_event(event_id)
        if event is None:
            return None
        plan = plan_status_time(
            status_, event_when(event), at, today or dt.date.today(), keep_time=keep_time
        )
        moved_from = plan.moved_from if plan.moves else None
        values = status_change_values(event.status, status_, plan.effective, note, moved_from)
        change = StatusChangeRecord(id=None, mention_id=None, event_id=event_id, **values)
        updates: dict[str, object] = {"status": current_status([*event.status_changes, change])}
        if plan.moves:
            updates.update(when_values(plan.effective, None, event.timeline_date))
        # the version check of the ORM's optimistic locking: a writer in between wins
        touched = reader.execute(
            f"UPDATE events SET {', '.join(f'{c} = :{c}' for c in updates)}, "
            "updated_at = :updated_at, version = :version + 1 "
            "WHERE id = :event_id AND version = :version",
            _values(
                reader,
                {**updates, "updated_at": utcnow(), "version": event.version,
                 "event_id": event_id},
            ),
        )  # fmt: skip
        if touched != 1:
            raise concurrent_change(event_id)
        change.id = _insert(reader, "status_changes", {"event_id": event_id, **values})
    for column, value in updates.items():
        setattr(event, column, value)
    event.version += 1
    event.status_changes.append(change)
    return StatusChanged(event, change)


def _find_actor(reader: Reader, name: str) -> tuple[int, str, str, str | None] | None:
    """(id, name, kind, country) of the actor whose name or alias ``name`` is, as
    tracker.services.actors.find_actor finds it."""
    keys = name_variants(name)
    params = {f"key_{i}": key for i, key in enumerate(keys)}
    listed = ", ".join(f":{p}" for p in params)
    columns = "actors.id, actors.name, actors.kind, actors.country"
    for sql in (
        f"SELECT {columns} FROM actors WHERE actors.name_key IN ({listed}) LIMIT 1",
        f"SELECT {columns} FROM actors JOIN actor_aliases ON actors.id = actor_aliases.actor_id "
        f"WHERE actor_aliases.alias_key IN ({listed}) LIMIT 1",
    ):
        rows = reader.rows(sql, params)
        if rows:
            return rows[0]
    return None


def add_event(
    reader: Reader,
    *,
    type: str,
    status: str,
    actors: Sequence[ActorRole] = (),
    title: str | None = None,
    when: When | None = None,
    note: str | None = None,
    today: dt.date,
) -> int | None:
    """tracker.services.events.add_event for an event typed by a person (``typed_actors``),
    committed: its id. None (nothing written) when an actor is not in the database yet (the
    services take it from the gazetteer, create a --new-actor, or say it is unknown)."""
    type_ = check_type(type)
    status_ = check_status(status)
    refused = future_occurrence(status_, when, today)
    if refused:
        raise TrackerError(refused)
    if title:
        title = check_title(title)
    with reader.write():
        canonical = []
        for spec in actors:
            found = _find_actor(reader, spec.name)
            if found is None:
                return None
            canonical.append(ActorRole(found[1], spec.role, found[2], found[3]))
        # the participations: one per (actor, role), each actor found again by its own name
        parts: list[tuple[int, str, str]] = []
        for spec in canonical:
            found = _find_actor(reader, spec.name)
            if found is None or (found[3] is None and spec.country):
                return None  # the services would fix the actor's country first
            if (found[0], spec.role) not in {(p[0], p[1]) for p in parts}:
                parts.append((found[0], spec.role, found[1]))
        title = (title or "").strip() or title_for(type_, canonical)[:500]
        created = utcnow()
        event_id = _insert(
            reader,
            "events",
            {
                "type": type_,
                "status": status_,
                "title": title,
                **when_values(when, None, None),
                "origin": "manual",
                "edited": None,
                "confidence": 1.0,
                "notes": None,
                "search_text": search_text(title, [p[2] for p in parts], None, []),
                "created_at": created,
                "updated_at": utcnow(),
                # the services write the event, then its actors and search text: version 2
                "version": 2,
            },
        )
        for actor_id, role, _ in parts:
            _insert(
                reader, "participations", {"event_id": event_id, "actor_id": actor_id, "role": role}
            )
        first = status_change_values(None, status_, None, note)
        _insert(reader, "status_changes", {"event_id": event_id, **first})
    return event_id
