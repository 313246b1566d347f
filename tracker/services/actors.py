"""Actors: canonical names, aliases, resolution and merging."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Actor, ActorAlias, Event, Participation
from tracker.domain import check_kind, name_variants, without_diacritics
from tracker.domain import name_key as name_key
from tracker.errors import NotFoundError, TrackerError

if TYPE_CHECKING:
    from tracker.extract.types import ActorEntry

_SPACES = re.compile(r"\s+")


def clean_name(name: str) -> str:
    cleaned = _SPACES.sub(" ", name).strip()
    if not cleaned:
        raise TrackerError("an actor name cannot be empty")
    if len(cleaned) > 200:
        raise TrackerError("an actor name is at most 200 characters")
    return cleaned


def find_actor(session: Session, name: str) -> Actor | None:
    """The actor whose canonical name or alias is ``name`` (any case, with or without "the")."""
    keys = set(name_variants(name))
    actor = session.scalar(select(Actor).where(Actor.name_key.in_(keys)).limit(1))
    if actor is None:
        actor = session.scalar(
            select(Actor).join(ActorAlias).where(ActorAlias.alias_key.in_(keys)).limit(1)
        )
    return actor


@lru_cache(maxsize=1)
def _gazetteer_index() -> dict[str, ActorEntry]:
    """Every gazetteer name and alias (casefolded) -> its canonical entry."""
    from tracker.extract import load_gazetteer

    index: dict[str, ActorEntry] = {}
    for entry in load_gazetteer():
        for alias in entry.aliases:
            index.setdefault(name_key(alias), entry)
    for entry in load_gazetteer():  # a canonical name wins over another entry's alias
        index[name_key(entry.name)] = entry
    return index


def gazetteer_entry(name: str) -> ActorEntry | None:
    """The shipped gazetteer's actor for ``name`` ("the Kremlin" -> Russia), if any."""
    index = _gazetteer_index()
    for key in name_variants(name):
        if key in index:
            return index[key]
    return None


class UnknownActorError(TrackerError):
    """Names that are neither in the database nor in the gazetteer, with close known names."""

    def __init__(self, unknown: list[tuple[str, list[str]]]) -> None:
        self.unknown = unknown
        parts = []
        for name, close in unknown:
            hint = f" (did you mean {' or '.join(close)}?)" if close else ""
            parts.append(f"{name!r}{hint}")
        noun = "actor" if len(unknown) == 1 else "actors"
        super().__init__(f"unknown {noun} {', '.join(parts)}")


def close_names(session: Session, name: str, limit: int = 3) -> list[str]:
    """Known canonical names whose name or alias is close to ``name`` (typos, partial names)."""
    by_key: dict[str, str] = {}
    for key, entry in _gazetteer_index().items():
        by_key[key] = entry.name
    rows = session.execute(select(Actor.name_key, Actor.name)).all()
    by_key.update(dict(rows))
    alias_rows = session.execute(
        select(ActorAlias.alias_key, Actor.name).join(Actor, ActorAlias.actor_id == Actor.id)
    ).all()
    by_key.update(dict(alias_rows))
    found: list[str] = []
    key = name_key(name)
    matches = difflib.get_close_matches(key, list(by_key), n=limit * 3, cutoff=0.75)
    if matches:
        # only the names about as close as the closest: "Vladimir Putin" for "Vladmir Putn",
        # not every other Vladimir
        best = difflib.SequenceMatcher(None, key, matches[0]).ratio()
        for match in matches:
            canonical = by_key[match]
            close = difflib.SequenceMatcher(None, key, match).ratio() >= best - 0.05
            if close and canonical not in found:
                found.append(canonical)
    if not found:  # one word of a longer name: "Putin" for a database without that alias
        words = [k for k in by_key if key in k.split()]
        found = sorted({by_key[k] for k in words})
    return found[:limit]


def known_actor(session: Session, name: str) -> Actor | None:
    """The actor ``name`` names in the database or, failing that, in the gazetteer (created
    then, with its kind, country and aliases); None for a name neither knows."""
    actor = find_actor(session, name)
    if actor is not None:
        return actor
    entry = gazetteer_entry(name)
    if entry is None:
        return None
    actor = find_actor(session, entry.name)
    if actor is None:
        actor = add_actor(
            session, entry.name, kind=entry.kind, country=entry.country, aliases=entry.aliases
        )
    elif actor.country is None and entry.country:
        actor.country = entry.country
    if find_actor(session, name) is None:
        add_alias(session, actor, name, quiet=True)
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
    actor = Actor(
        name=name,
        name_key=name_key(name),
        kind=check_kind(kind),
        country=check_country(country) if country else None,
    )
    session.add(actor)
    session.flush()
    plain = without_diacritics(name)
    for alias in (*aliases, *((plain,) if plain != name else ())):
        add_alias(session, actor, alias, quiet=True)  # "Erdogan" finds "Erdoğan"
    return actor


def actor_by_ref(session: Session, ref: str) -> Actor:
    """An actor by id ("12") or by name or alias."""
    if ref.strip().isdigit():
        actor = session.get(Actor, int(ref)) if len(ref.strip()) <= 18 else None
        if actor is None:
            raise NotFoundError(f"no actor with id {ref.strip()}")
        return actor
    return resolve_actor(session, ref)


def check_country(country: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", country):
        raise TrackerError(f"country {country!r} is not a two-letter code (e.g. DE, US)")
    return country.upper()


def edit_actor(
    session: Session,
    ref: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
) -> Actor:
    """Fix an actor's name, kind or country (``country=""`` clears it). A new name keeps the
    old one as an alias, so filters and the extractor still find it by either."""
    from tracker.services.events import refresh_search_text

    actor = actor_by_ref(session, ref)
    if kind is not None:
        actor.kind = check_kind(kind)
    if country is not None:
        actor.country = check_country(country) if country.strip() else None
    if name is not None:
        new_name = clean_name(name)
        owner = find_actor(session, new_name)
        if owner is not None and owner.id != actor.id:
            raise TrackerError(
                f"{new_name!r} already names {owner.name!r}; use `tracker actors merge`"
            )
        old_name = actor.name
        new_key = name_key(new_name)
        if new_key != actor.name_key:
            # the new name may have been one of its aliases: it is the name now
            session.execute(delete(ActorAlias).where(ActorAlias.alias_key == new_key))
            actor.name_key = new_key
            actor.name = new_name
            session.flush()
            session.add(ActorAlias(actor_id=actor.id, alias=old_name, alias_key=name_key(old_name)))
        else:
            actor.name = new_name  # only its case or spacing changed
        session.flush()
        events = session.scalars(
            select(Event)
            .where(
                Event.id.in_(
                    select(Participation.event_id).where(Participation.actor_id == actor.id)
                )
            )
            .options(selectinload(Event.participations).selectinload(Participation.actor))
        )
        for event in events:
            refresh_search_text(event)
    session.flush()
    session.refresh(actor, ["aliases"])
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
    session: Session, prefix: str | None = None, limit: int | None = None
) -> list[ActorSummary]:
    """Actors by name (optionally those whose name or an alias starts with ``prefix``); all of
    them, or the first ``limit``."""
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
    )
    if limit is not None:
        query = query.limit(limit)
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
    session.expire(gone, ["aliases"])  # deleted above: the cascade must not delete them again
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
