"""Finding events: the filters the timeline, `tracker list` and search share."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import Select, and_, func, literal_column, or_, select, text, tuple_
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Actor, ActorAlias, Event, Mention, Participation, StatusChange
from tracker.domain import UNDATED, fold_for_search
from tracker.errors import NotFoundError
from tracker.services.actors import find_actor, name_key

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class EventFilter:
    actors: tuple[str, ...] = ()  # names or aliases; an event must involve all of them
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: dt.date | None = None  # on the timeline: timeline_date >= since
    until: dt.date | None = None  # timeline_date <= until
    text: str = ""  # free-text words, each a prefix
    # undated events (no time, no dated article): a time range never matches them; with
    # ``undated`` they are added to its matches, or without a range they are all it keeps
    undated: bool = False

    def with_(self, **changes) -> EventFilter:
        return replace(self, **changes)

    def is_empty(self) -> bool:
        return self == EventFilter()


@dataclass
class EventPage:
    events: list[Event]
    total: int = field(default=0)


def search_words(text_: str) -> list[str]:
    return _WORD.findall(fold_for_search(text_))


def ts_query(words: list[str]) -> str:
    """PostgreSQL's form of the words: each a prefix, all required."""
    return " & ".join(f"{w}:*" for w in words)


# PostgreSQL: the stored tsvector of migration 0006, which has a GIN index and statistics
SEARCH_VECTOR = literal_column("events.search_vector")


def _text_condition(session: Session, words: list[str]):
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        return Event.id.in_(
            select(text("rowid"))
            .select_from(text("events_fts"))
            .where(text("events_fts MATCH :fts_query").bindparams(fts_query=match))
        )
    if dialect == "postgresql":
        return SEARCH_VECTOR.op("@@")(func.to_tsquery("simple", ts_query(words)))
    # any other backend: a plain scan
    return and_(*(Event.search_text.ilike(f"%{w}%") for w in words))


def resolve_actor_ids(session: Session, names: tuple[str, ...]) -> list[int]:
    ids = []
    for name in names:
        actor = find_actor(session, name)
        if actor is None:
            raise NotFoundError(f"no actor named {name!r}")
        ids.append(actor.id)
    return ids


def filtered(session: Session, filt: EventFilter, base: Select | None = None) -> Select:
    """``base`` (select(Event) by default) restricted by ``filt``."""
    query = base if base is not None else select(Event)
    for actor_id in resolve_actor_ids(session, filt.actors):
        query = query.where(
            Event.id.in_(select(Participation.event_id).where(Participation.actor_id == actor_id))
        )
    if filt.types:
        query = query.where(Event.type.in_(filt.types))
    if filt.statuses:
        query = query.where(Event.status.in_(filt.statuses))
    if filt.since or filt.until:
        in_range = [Event.timeline_date < UNDATED]
        if filt.since:
            in_range.append(Event.timeline_date >= filt.since)
        if filt.until:
            in_range.append(Event.timeline_date <= filt.until)
        condition = and_(*in_range)
        if filt.undated:
            condition = or_(condition, Event.timeline_date == UNDATED)
        query = query.where(condition)
    elif filt.undated:
        query = query.where(Event.timeline_date == UNDATED)
    words = search_words(filt.text)
    if words:
        query = query.where(_text_condition(session, words))
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
    return session.scalar(filtered(session, filt, select(func.count(Event.id)))) or 0


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
    after = None
    left = limit
    while left is None or left > 0:
        size = page_size if left is None else min(page_size, left)
        page = list_events(session, filt, limit=size, after=after, with_evidence=with_evidence)
        yield from page
        if len(page) < size:
            return
        after = (page[-1].timeline_date, page[-1].id)
        if left is not None:
            left -= len(page)
        session.expunge_all()


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
