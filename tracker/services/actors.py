"""Actors: canonical names, aliases, resolution and merging."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Actor, ActorAlias, Event, Participation
from tracker.domain import check_kind
from tracker.errors import NotFoundError, TrackerError

_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The case-insensitive key under which a name or alias is unique."""
    return _SPACES.sub(" ", name.replace("\u2019", "'")).strip().casefold()


def clean_name(name: str) -> str:
    cleaned = _SPACES.sub(" ", name).strip()
    if not cleaned:
        raise TrackerError("an actor name cannot be empty")
    if len(cleaned) > 200:
        raise TrackerError("an actor name is at most 200 characters")
    return cleaned


def find_actor(session: Session, name: str) -> Actor | None:
    """The actor whose canonical name or alias is ``name`` (any case, with or without "the")."""
    key = name_key(name)
    bare = key.removeprefix("the ")
    keys = {key, bare, f"the {bare}"}
    actor = session.scalar(select(Actor).where(Actor.name_key.in_(keys)).limit(1))
    if actor is None:
        actor = session.scalar(
            select(Actor).join(ActorAlias).where(ActorAlias.alias_key.in_(keys)).limit(1)
        )
    return actor


def resolve_actor(session: Session, name: str) -> Actor:
    actor = find_actor(session, name)
    if actor is None:
        raise NotFoundError(f"no actor named {name!r}")
    return actor


def get_or_create_actor(
    session: Session,
    name: str,
    kind: str = "person",
    country: str | None = None,
    aliases: tuple[str, ...] | list[str] = (),
) -> Actor:
    """The actor named ``name``; created (with ``aliases``) when there is none yet."""
    actor = find_actor(session, name)
    if actor is not None:
        if actor.country is None and country:
            actor.country = country.upper()
        return actor
    return add_actor(session, name, kind=kind, country=country, aliases=aliases)


def add_actor(
    session: Session,
    name: str,
    kind: str = "person",
    country: str | None = None,
    aliases: tuple[str, ...] | list[str] = (),
) -> Actor:
    name = clean_name(name)
    if find_actor(session, name) is not None:
        raise TrackerError(f"an actor named {name!r} already exists")
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise TrackerError(f"country {country!r} is not a two-letter code")
    actor = Actor(
        name=name,
        name_key=name_key(name),
        kind=check_kind(kind),
        country=country.upper() if country else None,
    )
    session.add(actor)
    session.flush()
    for alias in aliases:
        add_alias(session, actor, alias, quiet=True)
    return actor


def add_alias(session: Session, actor: Actor | str, alias: str, *, quiet: bool = False) -> Actor:
    """Make ``alias`` resolve to ``actor``; with ``quiet``, an alias already taken is skipped."""
    if isinstance(actor, str):
        actor = resolve_actor(session, actor)
    alias = clean_name(alias)
    owner = find_actor(session, alias)
    if owner is not None:
        if quiet or owner.id == actor.id:
            return actor
        raise TrackerError(f"{alias!r} already names {owner.name!r}")
    session.add(ActorAlias(actor=actor, alias=alias, alias_key=name_key(alias)))
    session.flush()
    return actor


@dataclass
class ActorSummary:
    id: int
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    events: int


def list_actors(
    session: Session, prefix: str | None = None, limit: int = 1000
) -> list[ActorSummary]:
    """Actors by name (optionally those whose name or an alias starts with ``prefix``)."""
    counts = (
        select(Participation.actor_id, func.count(func.distinct(Participation.event_id)).label("n"))
        .group_by(Participation.actor_id)
        .subquery()
    )
    query = (
        select(Actor, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.actor_id == Actor.id)
        .options(selectinload(Actor.aliases))
        .order_by(Actor.name_key)
        .limit(limit)
    )
    if prefix:
        key = name_key(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(
            or_(
                Actor.name_key.like(f"{key}%", escape="\\"),
                Actor.name_key.like(f"% {key}%", escape="\\"),
                Actor.id.in_(
                    select(ActorAlias.actor_id).where(
                        ActorAlias.alias_key.like(f"{key}%", escape="\\")
                    )
                ),
            )
        )
    rows = session.execute(query).all()
    return [
        ActorSummary(
            id=a.id,
            name=a.name,
            kind=a.kind,
            country=a.country,
            aliases=sorted(al.alias for al in a.aliases),
            events=n,
        )
        for a, n in rows
    ]


def merge_actors(session: Session, keep: str, absorb: str) -> Actor:
    """Fold ``absorb`` into ``keep``: its events, aliases and name all resolve to ``keep``."""
    from tracker.services.events import refresh_search_text

    kept = resolve_actor(session, keep)
    gone = resolve_actor(session, absorb)
    if kept.id == gone.id:
        raise TrackerError(f"{keep!r} and {absorb!r} are already the same actor")
    existing = {
        (p.event_id, p.role)
        for p in session.scalars(select(Participation).where(Participation.actor_id == kept.id))
    }
    touched: set[int] = set()
    for part in session.scalars(select(Participation).where(Participation.actor_id == gone.id)):
        touched.add(part.event_id)
        if (part.event_id, part.role) in existing:
            session.delete(part)
        else:
            part.actor = kept
            existing.add((part.event_id, part.role))
    moved_aliases = [(a.alias, a.alias_key) for a in gone.aliases]
    gone_name = gone.name
    session.execute(delete(ActorAlias).where(ActorAlias.actor_id == gone.id))
    session.flush()
    session.delete(gone)
    session.flush()
    session.expire_all()
    for alias, key in [(gone_name, name_key(gone_name)), *moved_aliases]:
        session.add(ActorAlias(actor_id=kept.id, alias=alias, alias_key=key))
    session.flush()
    for event in session.scalars(select(Event).where(Event.id.in_(touched))):
        refresh_search_text(event)
    session.flush()
    return kept
