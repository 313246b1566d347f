"""Finding events: the filters the timeline, `tracker list` and search share."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Select, func, literal_column, or_, select, text, tuple_
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Actor, ActorAlias, Event, Mention, Participation, StatusChange
from tracker.errors import NotFoundError
from tracker.services.actors import find_actor, name_key
from tracker.services.filters import (
    EventFilter,
    filter_conditions,
    keyset_pages,
    search_words,
    ts_query,
)

__all__ = ["EventFilter", "EventPage", "search_words", "ts_query"]


@dataclass
class EventPage:
    events: list[Event]
    total: int = field(default=0)


# PostgreSQL: the stored tsvector of migration 0009, which has a GIN index and statistics
SEARCH_VECTOR = literal_column("events.search_vector")


def resolve_actor_ids(session: Session, names: tuple[str, ...]) -> list[int]:
    ids = []
    for name in names:
        actor = find_actor(session, name)
        if actor is None:
            raise NotFoundError(f"no actor named {name!r}")
        ids.append(actor.id)
    return ids


def filtered(session: Session, filt: EventFilter, base: Select | None = None) -> Select:
    """``base`` (select(Event) by default) restricted by ``filt``: the conditions of
    tracker.services.filters, which the fast read path runs too."""
    query = base if base is not None else select(Event)
    dialect = session.get_bind().dialect.name
    for condition in filter_conditions(filt, dialect, resolve_actor_ids(session, filt.actors)):
        query = query.where(text(condition.sql).bindparams(**condition.params))
    return query


def _postgresql_words(session: Session, filt: EventFilter) -> list[str]:
    """The search words when PostgreSQL must plan them itself (see timeline.plan)."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    return search_words(filt.text)


def count_events(session: Session, filt: EventFilter) -> int:
    if _postgresql_words(session, filt):
        from tracker.services.timeline import plan

        planned = plan(session, filt)
        if planned.keys is not None:
            return len(planned.keys)
    # count(*): SQLite counts a whole table from its smallest index, 4x faster than count(id)
    counted = select(func.count()).select_from(Event)
    return session.scalar(filtered(session, filt, counted)) or 0


def list_events(
    session: Session,
    filt: EventFilter = EventFilter(),
    *,
    limit: int = 100,
    after: tuple[dt.date, int] | None = None,
    before: tuple[dt.date, int] | None = None,
    with_actors: bool = True,
    with_evidence: bool = False,
) -> list[Event]:
    """Events in timeline order, one keyset page: after/before a (timeline_date, id) key."""
    query = filtered(session, filt)
    if words := _postgresql_words(session, filt):
        # PostgreSQL guesses 20,000 matches for any prefix and walked the time index for
        # seconds in search of a rare word's: count first, as the timeline does
        from tracker.services.timeline import plan, unindexed_match

        planned = plan(session, filt)
        if planned.keys is not None:
            keys = list(planned.keys)
            if after is not None:
                keys = keys[bisect.bisect_right(keys, tuple(after)) :]
            if before is not None:
                keys = keys[: bisect.bisect_left(keys, tuple(before))][-limit:]
            else:
                keys = keys[:limit]
            query = select(Event).where(Event.id.in_([event_id for _, event_id in keys]))
        elif planned.walk_vector:
            query = filtered(session, filt.with_(text=""), select(Event))
            query = query.where(unindexed_match(words))
    key = tuple_(Event.timeline_date, Event.id)
    if after is not None:
        query = query.where(key > tuple_(*after))
    if before is not None:
        query = query.where(key < tuple_(*before)).order_by(
            Event.timeline_date.desc(), Event.id.desc()
        )
    else:
        query = query.order_by(Event.timeline_date, Event.id)
    if with_actors:
        query = query.options(selectinload(Event.participations).selectinload(Participation.actor))
    if with_evidence:
        query = query.options(
            selectinload(Event.mentions).selectinload(Mention.article),
            selectinload(Event.status_changes)
            .selectinload(StatusChange.mention)
            .selectinload(Mention.article),
        )
    events = list(session.scalars(query.limit(limit)))
    if before is not None:
        events.reverse()
    return events


def iter_events(
    session: Session,
    filt: EventFilter = EventFilter(),
    *,
    limit: int | None = None,
    page_size: int = 500,
    with_evidence: bool = False,
) -> Iterator[Event]:
    """Every matching event (or the first ``limit``) in timeline order, read by keyset a page
    at a time and let go after it, so memory stays flat whatever their number."""
    return keyset_pages(
        lambda size, after: list_events(
            session, filt, limit=size, after=after, with_evidence=with_evidence
        ),
        limit=limit,
        page_size=page_size,
        after_page=session.expunge_all,
    )


def actor_names_matching(session: Session, prefix: str, limit: int = 20) -> list[str]:
    """Canonical names and aliases that start with ``prefix``, for completion.

    An alias kept with its article ("the Kremlin") is offered without it ("Kremlin") when
    that is what is being typed.
    """
    key = name_key(prefix).replace("%", "").replace("_", "")
    if not key:
        return []
    names = session.scalars(
        select(Actor.name).where(Actor.name_key.like(f"{key}%")).order_by(Actor.name).limit(limit)
    ).all()
    aliases = session.scalars(
        select(ActorAlias.alias)
        .where(or_(ActorAlias.alias_key.like(f"{key}%"), ActorAlias.alias_key.like(f"the {key}%")))
        .order_by(ActorAlias.alias)
        .limit(limit)
    ).all()
    offered = [
        alias[4:] if alias.lower().startswith("the ") and not key.startswith("the") else alias
        for alias in aliases
    ]
    return list(dict.fromkeys([*names, *offered]))[:limit]
