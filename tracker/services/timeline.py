"""Paging helpers for the timeline: plain rows, counts and keyset/offset pages.

Everything here returns plain data (no ORM objects), so a worker thread can hand the results
to the UI thread without touching a session again.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import re
import threading
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, Select, exists, func, select, text, tuple_
from sqlalchemy.orm import Session

from tracker.db.models import Actor, Event, Participation
from tracker.domain import UNDATED, When, day_label, effective_label, is_undated, when_label
from tracker.services import filters
from tracker.services.events import event_when, get_event, history_order, moved_text
from tracker.services.query import (
    EventFilter,
    filtered,
    resolve_actor_ids,
    search_words,
)


@dataclass(frozen=True)
class TimelineRow:
    id: int
    timeline_date: dt.date
    when: When | None
    type: str
    status: str
    title: str
    actors: tuple[str, ...] = ()
    version: int = 0
    roles: tuple[str, ...] = ()  # the role of each actor, in the same order

    @property
    def actors_text(self) -> str:
        """Who did what to whom: "Trump → Putin", "Russia, Ukraine", "EU → Ukraine · UN"."""
        by_role: dict[str, list[str]] = {"initiator": [], "target": [], "participant": []}
        roles = self.roles or ("participant",) * len(self.actors)
        for name, role in zip(self.actors, roles, strict=False):
            by_role.setdefault(role, []).append(name)
        initiators, targets, others = (
            by_role["initiator"],
            by_role["target"],
            by_role["participant"],
        )
        if not (initiators or targets):
            return ", ".join(others)
        text = ", ".join(initiators)
        text = f"{text} → {', '.join(targets)}" if targets else f"{text} →"
        return f"{text} · {', '.join(others)}" if others else text.strip()

    @property
    def key(self) -> tuple[dt.date, int]:
        return (self.timeline_date, self.id)

    @property
    def dated(self) -> bool:
        return self.when is not None

    @property
    def undated(self) -> bool:
        """In the undated section: no time of its own and no dated article."""
        return self.when is None and is_undated(self.timeline_date)

    @property
    def when_text(self) -> str:
        return when_label(self.when, self.timeline_date)

    @property
    def short_when_text(self) -> str:
        """Without the weekday, for a column too narrow for it."""
        return when_label(self.when, self.timeline_date, weekday=False)


_ROW_COLUMNS = (
    Event.id,
    Event.timeline_date,
    Event.when_start,
    Event.when_end,
    Event.precision,
    Event.type,
    Event.status,
    Event.title,
    Event.version,
)


def _rows(session: Session, query: Select) -> list[TimelineRow]:
    records = session.execute(query).all()
    if not records:
        return []
    ids = [r.id for r in records]
    actors: dict[int, dict[str, str]] = {}  # event -> name -> role (the first one given)
    parts = session.execute(
        select(Participation.event_id, Actor.name, Participation.role)
        .join(Actor, Actor.id == Participation.actor_id)
        .where(Participation.event_id.in_(ids))
        .order_by(Participation.event_id, Participation.id)
    )
    for event_id, name, role in parts:
        actors.setdefault(event_id, {}).setdefault(name, role)
    rows = []
    for r in records:
        when = (
            When(r.when_start, r.when_end or r.when_start, r.precision)
            if r.when_start is not None and r.precision is not None
            else None
        )
        rows.append(
            TimelineRow(
                id=r.id,
                timeline_date=r.timeline_date,
                when=when,
                type=r.type,
                status=r.status,
                title=r.title,
                actors=tuple(actors.get(r.id, {})),
                version=r.version,
                roles=tuple(actors.get(r.id, {}).values()),
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# query plans: chosen by how many events a word or an actor matches (SQLite)

# a filter that keeps more than this share of the events is read by walking the timeline index
# and testing each row; a rarer one by collecting its matches first and sorting them
WALK_SHARE = 0.02
WALK_MIN = filters.WALK_MIN  # and never for fewer matches than this


@dataclass(frozen=True)
class Planned:
    """An EventFilter with the plan for its free text and actors (SQLite only)."""

    filt: EventFilter
    walk_text: bool = False
    walk_actors: bool = False
    text_matches: int | None = None  # how many events the words match, when counted
    fts: str | None = None  # the words as a full-text query, when walk_text
    # PostgreSQL: the (timeline_date, id) keys of every event the filter keeps, in timeline
    # order, when the words match few events; pages are then slices of it, read by id
    keys: tuple[tuple[dt.date, int], ...] | None = None
    walk_vector: bool = False  # PostgreSQL: a common word, tested row by row along time


AnyFilter = EventFilter | Planned
Stale = Callable[[], bool]


def _fts_query(words: list[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)


class Interrupted(Exception):
    """A read was stopped because its result is no longer wanted."""


@contextlib.contextmanager
def interruptible(connection, stale: Stale | None) -> Iterator[None]:
    """Stop SQLite statements on ``connection`` (a DBAPI one) as soon as ``stale()`` says so."""
    if stale is None or not hasattr(connection, "set_progress_handler"):
        yield
        return
    connection.set_progress_handler(lambda: 1 if stale() else 0, 2000)
    try:
        yield
    except Exception as exc:
        if stale():
            raise Interrupted() from exc
        raise
    finally:
        connection.set_progress_handler(None, 0)


class MatchTables:
    """The events a full-text query matches, kept in temporary tables (SQLite).

    A common word matches a large share of the events: reading its pages by walking the
    timeline index and testing each row against the search index (``id IN (SELECT rowid FROM
    events_fts ...)``) makes SQLite collect every match again for every page (20-60 ms at a
    million events), and a per-row FTS probe re-expands a prefix query each time (ms a row).
    So the matches are collected once per query string into an indexed temporary table on one
    dedicated connection; pages then probe it (a few µs a row). The tables are dropped when
    the database changes (``PRAGMA data_version``) and the least recently used go first.
    """

    KEEP = 6

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.lock = threading.Lock()
        self._conn: Connection | None = None
        self._tables: OrderedDict[str, tuple[str, int]] = OrderedDict()  # fts -> (table, n)
        self._version: int | None = None
        self._serial = itertools.count(1)

    def _connection(self) -> Connection:
        if self._conn is None or self._conn.closed:
            self._conn = self.engine.connect()
            self._tables.clear()
            self._version = None
        return self._conn

    def _drop(self, conn: Connection, table: str) -> None:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table}")

    def _fresh(self, conn: Connection) -> None:
        version = conn.exec_driver_sql("PRAGMA data_version").scalar()
        if version != self._version:
            for table, _ in self._tables.values():
                self._drop(conn, table)
            self._tables.clear()
            self._version = version

    def _table(self, conn: Connection, fts: str, stale: Stale | None) -> tuple[str, int]:
        found = self._tables.get(fts)
        if found is not None:
            self._tables.move_to_end(fts)
            return found
        table = f"fts_matches_{next(self._serial)}"
        conn.exec_driver_sql(f"CREATE TEMP TABLE {table} (id INTEGER PRIMARY KEY)")
        try:
            with interruptible(conn.connection.dbapi_connection, stale):
                count = conn.execute(
                    text(
                        f"INSERT INTO temp.{table} (id) "
                        "SELECT rowid FROM events_fts WHERE events_fts MATCH :q"
                    ),
                    {"q": fts},
                ).rowcount
        except BaseException:
            conn.rollback()
            self._drop(conn, table)
            conn.commit()
            raise
        self._tables[fts] = (table, count)
        while len(self._tables) > self.KEEP:
            _, (old, _) = self._tables.popitem(last=False)
            self._drop(conn, old)
        return table, count

    @contextlib.contextmanager
    def use(self, fts: str, stale: Stale | None = None) -> Iterator[tuple[Connection, str, int]]:
        """(the connection, the table of ``fts``'s matches, their count), held by this thread."""
        with self.lock:
            conn = self._connection()
            try:
                self._fresh(conn)
                table, count = self._table(conn, fts, stale)
                yield conn, table, count
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.rollback()
                raise
            else:
                conn.commit()  # no read transaction stays open between uses

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._tables.clear()


_MATCH_TABLES: weakref.WeakKeyDictionary[Engine, MatchTables] = weakref.WeakKeyDictionary()
_MATCH_TABLES_LOCK = threading.Lock()


def match_tables(engine: Engine) -> MatchTables:
    with _MATCH_TABLES_LOCK:
        found = _MATCH_TABLES.get(engine)
        if found is None:
            found = _MATCH_TABLES[engine] = MatchTables(engine)
        return found


def close_match_tables(engine: Engine) -> None:
    """Close ``engine``'s match tables connection (when the timeline closes)."""
    with _MATCH_TABLES_LOCK:
        found = _MATCH_TABLES.pop(engine, None)
    if found is not None:
        found.close()


# PostgreSQL: see tracker.services.filters.plan_postgresql_search (these copies are this
# module's, which tests change)
PG_FEW_SHARE = filters.PG_FEW_SHARE
PG_SAMPLE_FROM = filters.PG_SAMPLE_FROM
PG_SAMPLE_PERCENT = filters.PG_SAMPLE_PERCENT


def _plan_postgresql(session: Session, filt: EventFilter) -> Planned:
    """Count first, as on SQLite (tracker.services.filters.plan_postgresql_search, which the
    fast read path runs too)."""
    planned = filters.plan_postgresql_search(
        lambda sql, params: [tuple(row) for row in session.execute(text(sql), params)],
        filt,
        resolve_actor_ids(session, filt.actors),
        walk_min=WALK_MIN,
        few_share=PG_FEW_SHARE,
        sample_from=PG_SAMPLE_FROM,
        sample_percent=PG_SAMPLE_PERCENT,
    )
    if planned is None:
        return Planned(filt)
    if planned.keys is not None:
        return Planned(filt, text_matches=len(planned.keys), keys=planned.keys)
    return Planned(filt, walk_vector=True)


def unindexed_match(words: list[str]):
    """The words tested on each row's stored vector, in a form the GIN index cannot answer
    (so PostgreSQL reads rows in the order another index gives them)."""
    condition = filters.unindexed_condition(words)
    return text(condition.sql).bindparams(**condition.params)


def _keyed(f: AnyFilter) -> tuple[tuple[dt.date, int], ...] | None:
    return f.keys if isinstance(f, Planned) else None


def _rows_by_keys(session: Session, keys: tuple[tuple[dt.date, int], ...]) -> list[TimelineRow]:
    if not keys:
        return []
    ids = [event_id for _, event_id in keys]
    return _rows(session, select(*_ROW_COLUMNS).where(Event.id.in_(ids)).order_by(*_ASC))


def plan(session: Session, filt: EventFilter, stale: Stale | None = None) -> Planned:
    """Choose how to read ``filt``'s pages: a dense word or actor walks the timeline index."""
    if session.get_bind().dialect.name == "postgresql":
        return _plan_postgresql(session, filt)
    if session.get_bind().dialect.name != "sqlite" or not (filt.text or filt.actors):
        return Planned(filt)
    total = session.scalar(select(func.max(Event.id))) or 0
    threshold = max(WALK_MIN, int(total * WALK_SHARE))
    walk_text = walk_actors = False
    matches = None
    fts = None
    words = search_words(filt.text)
    if words:
        fts = _fts_query(words)
        # collecting the matches counts them, and a common word's pages need them
        with match_tables(session.get_bind()).use(fts, stale) as (_, _, matches):
            pass
        walk_text = matches > threshold
    if filt.actors:
        ids = resolve_actor_ids(session, filt.actors)
        smallest = min(
            session.scalar(select(func.count()).where(Participation.actor_id == actor_id))
            for actor_id in ids
        )
        walk_actors = smallest > threshold
    return Planned(filt, walk_text, walk_actors, matches, fts if walk_text else None)


# ---------------------------------------------------------------------------------------------
# the first screen of a search without the search index (SQLite)

_SEPARATOR = r"(?:^|[\W_])"  # before a token: unicode61 splits on all but letters and digits


def _fold(text_: str) -> str:
    """What the search index's tokenizer (unicode61, remove_diacritics 2) compares."""
    if text_.isascii():
        return text_.lower()  # most titles: no accents to strip (and 30x faster)
    decomposed = unicodedata.normalize("NFKD", text_.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def text_matcher(text_: str) -> Callable[[str], bool]:
    """True for a search_text in which every word of ``text_`` starts a token, as the
    search index's prefix query ``"word"*`` finds it."""
    patterns = [re.compile(_SEPARATOR + re.escape(_fold(word))) for word in search_words(text_)]

    def matches(search_text: str) -> bool:
        folded = _fold(search_text)
        return all(p.search(folded) for p in patterns)

    return matches


QUICK_SCAN = 1500  # rows of the time index a first screen may test before giving up (a word
# in fewer than one event of 25 goes to the search index, quick for so few matches)
_QUICK_BATCH = 400
# Matches counted in the search index (at most this many) before walking the time index: too
# few for the density a walk needs, and the walk would test QUICK_SCAN rows in vain.
QUICK_PROBE = 1000


def _too_rare_to_walk(session: Session, words: list[str], wanted: int) -> bool:
    """True when the search index has too few matches for a walk of QUICK_SCAN rows to fill
    ``wanted`` rows (counting stops at QUICK_PROBE: a few ms for a common word)."""
    total = session.scalar(select(func.max(Event.id))) or 0
    found = session.execute(
        text(
            "SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH :q "
            "LIMIT :cap)"
        ),
        {"q": _fts_query(words), "cap": QUICK_PROBE},
    ).scalar_one()
    return found < QUICK_PROBE and found * QUICK_SCAN < total * wanted


def quick_text_rows(
    session: Session,
    filt: EventFilter,
    key: tuple[dt.date, int],
    before: int,
    after: int,
    stale: Stale | None = None,
) -> tuple[list[TimelineRow], list[TimelineRow]] | None:
    """The screen around ``key`` for a search, read by walking the time index and testing
    each row's text, without the search index: the first search of a common word or a
    short prefix no longer waits for all its matches to be collected (100-400 ms at a
    million events). None when the words are too rare to fill the screen within
    ``QUICK_SCAN`` rows: the search index is the fast way then.

    The rows are the same as the index gives (same tokens, same prefix rule); the timeline
    reads them again through the index in the background, with the counts.
    """
    words = search_words(filt.text) if filt.text else []
    if not words or filt.actors or _too_rare_to_walk(session, words, before + after):
        return None
    matches = text_matcher(filt.text)
    base = filtered(session, filt.with_(text=""), select(Event.id, Event.search_text))
    found_ids: dict[str, list[int]] = {}
    for side, wanted in (("after", after), ("before", before)):
        ids: list[int] = []
        cursor = key
        scanned = 0
        while len(ids) < wanted:
            if stale is not None and stale():
                raise Interrupted()
            if side == "after":
                query = (
                    base.where(tuple_(*cursor) <= _KEY)
                    if scanned == 0
                    else base.where(tuple_(*cursor) < _KEY)
                )
                query = query.add_columns(Event.timeline_date).order_by(*_ASC)
            else:
                query = base.where(tuple_(*cursor) > _KEY).add_columns(Event.timeline_date)
                query = query.order_by(*_DESC)
            batch = session.execute(query.limit(_QUICK_BATCH)).all()
            scanned += len(batch)
            ids.extend(r.id for r in batch if matches(r.search_text))
            if len(batch) < _QUICK_BATCH:
                break  # the end of the timeline: what was found is all there is
            cursor = (batch[-1].timeline_date, batch[-1].id)
            if len(ids) < wanted and scanned >= QUICK_SCAN:
                return None
        found_ids[side] = ids[:wanted]
    rows_of = {
        r.id: r
        for r in _rows(
            session,
            select(*_ROW_COLUMNS).where(Event.id.in_(found_ids["after"] + found_ids["before"])),
        )
    }
    return (
        [rows_of[i] for i in reversed(found_ids["before"])],
        [rows_of[i] for i in found_ids["after"]],
    )


def _plain(f: AnyFilter) -> EventFilter:
    return f.filt if isinstance(f, Planned) else f


def _filtered(session: Session, f: AnyFilter, base: Select, table: str | None = None) -> Select:
    if isinstance(f, Planned) and f.walk_vector:
        # a common word: test each row met along the time index against its stored vector
        words = search_words(f.filt.text)
        return filtered(session, f.filt.with_(text=""), base).where(unindexed_match(words))
    if not isinstance(f, Planned) or not (f.walk_text or f.walk_actors):
        return filtered(session, _plain(f), base)
    filt = f.filt
    query = filtered(
        session,
        filt.with_(
            actors=() if f.walk_actors else filt.actors,
            text="" if f.walk_text else filt.text,
        ),
        base,
    )
    if f.walk_actors:
        for actor_id in resolve_actor_ids(session, filt.actors):
            query = query.where(
                exists()
                .where(Participation.actor_id == actor_id)
                .where(Participation.event_id == Event.id)
            )
    if f.walk_text:
        if table is None:
            raise ValueError("a walked text filter reads through match_tables()")
        # SQLite walks the timeline index and probes the table of matches for each row
        query = query.where(
            text(f"EXISTS (SELECT 1 FROM temp.{table} AS m WHERE m.id = events.id)")
        )
    return query


def _reading(reader: Callable) -> Callable:
    """Run ``reader`` on the match tables' connection when its filter walks a common word."""

    def read(session: Session, f: AnyFilter, *args, stale: Stale | None = None):
        if isinstance(f, Planned) and f.walk_text and f.fts is not None:
            tables = match_tables(session.get_bind())
            with tables.use(f.fts, stale) as (conn, table, _), Session(bind=conn) as inner:
                return reader(inner, f, *args, table=table)
        return reader(session, f, *args)

    read.__name__ = reader.__name__
    read.__doc__ = reader.__doc__
    return read


def _base(session: Session, f: AnyFilter, table: str | None = None) -> Select:
    return _filtered(session, f, select(*_ROW_COLUMNS), table)


_KEY = tuple_(Event.timeline_date, Event.id)
_ASC = (Event.timeline_date, Event.id)
_DESC = (Event.timeline_date.desc(), Event.id.desc())


def count_rows(session: Session, f: AnyFilter) -> int:
    if (keys := _keyed(f)) is not None:
        return len(keys)
    filt = _plain(f)
    if (
        isinstance(f, Planned)
        and f.text_matches is not None
        and filt == EventFilter(text=filt.text)
    ):
        return f.text_matches  # only words: the search index counts them
    if len(filt.actors) == 1 and filt == EventFilter(actors=filt.actors):
        (actor_id,) = resolve_actor_ids(session, filt.actors)
        return (
            session.scalar(
                select(func.count(func.distinct(Participation.event_id))).where(
                    Participation.actor_id == actor_id
                )
            )
            or 0
        )
    return session.scalar(filtered(session, filt, select(func.count(Event.id)))) or 0


def count_undated(session: Session, f: AnyFilter) -> int:
    """How many filtered events are in the undated section (at the end of the timeline)."""
    query = filtered(session, _plain(f), select(func.count(Event.id)))
    return session.scalar(query.where(Event.timeline_date == UNDATED)) or 0


def count_before(session: Session, f: AnyFilter, day: dt.date) -> int:
    """How many filtered events the timeline places strictly before ``day``."""
    if (keys := _keyed(f)) is not None:
        return bisect.bisect_left(keys, (day, 0))
    query = filtered(session, _plain(f), select(func.count(Event.id)))
    return session.scalar(query.where(Event.timeline_date < day)) or 0


@_reading
def rows_after(
    session: Session,
    filt: AnyFilter,
    key: tuple[dt.date, int] | None,
    limit: int,
    *,
    table: str | None = None,
) -> list[TimelineRow]:
    """The ``limit`` rows after ``key`` (from the start when None), in timeline order."""
    if (keys := _keyed(filt)) is not None:
        start = bisect.bisect_right(keys, tuple(key)) if key is not None else 0
        return _rows_by_keys(session, keys[start : start + limit])
    query = _base(session, filt, table)
    if key is not None:
        query = query.where(tuple_(*key) < _KEY)
    return _rows(session, query.order_by(*_ASC).limit(limit))


@_reading
def rows_before(
    session: Session,
    filt: AnyFilter,
    key: tuple[dt.date, int] | None,
    limit: int,
    *,
    table: str | None = None,
) -> list[TimelineRow]:
    """The ``limit`` rows before ``key`` (from the end when None), in timeline order."""
    if (keys := _keyed(filt)) is not None:
        end = bisect.bisect_left(keys, tuple(key)) if key is not None else len(keys)
        return _rows_by_keys(session, keys[max(0, end - limit) : end])
    query = _base(session, filt, table)
    if key is not None:
        query = query.where(tuple_(*key) > _KEY)
    rows = _rows(session, query.order_by(*_DESC).limit(limit))
    rows.reverse()
    return rows


@_reading
def rows_from(
    session: Session,
    filt: AnyFilter,
    key: tuple[dt.date, int],
    limit: int,
    *,
    table: str | None = None,
) -> list[TimelineRow]:
    """The ``limit`` rows at or after ``key``, in timeline order."""
    if (keys := _keyed(filt)) is not None:
        start = bisect.bisect_left(keys, tuple(key))
        return _rows_by_keys(session, keys[start : start + limit])
    query = _base(session, filt, table).where(tuple_(*key) <= _KEY)
    return _rows(session, query.order_by(*_ASC).limit(limit))


def count_before_key(session: Session, f: AnyFilter, key: tuple[dt.date, int]) -> int:
    """The position ``key`` has (or would have) in the filtered timeline."""
    if (keys := _keyed(f)) is not None:
        return bisect.bisect_left(keys, tuple(key))
    query = filtered(session, _plain(f), select(func.count(Event.id)))
    return session.scalar(query.where(tuple_(*key) > _KEY)) or 0


@_reading
def rows_at(
    session: Session,
    filt: AnyFilter,
    start: int,
    limit: int,
    total: int,
    *,
    table: str | None = None,
) -> list[TimelineRow]:
    """Rows ``start`` .. ``start + limit`` by position, counted from the nearer end."""
    end = min(total, start + limit)
    if end <= start:
        return []
    if (keys := _keyed(filt)) is not None:
        return _rows_by_keys(session, keys[start:end])
    from_end = total - end
    if from_end < start:
        query = _base(session, filt, table).order_by(*_DESC).offset(from_end).limit(end - start)
        rows = _rows(session, query)
        rows.reverse()
        return rows
    return _rows(
        session, _base(session, filt, table).order_by(*_ASC).offset(start).limit(end - start)
    )


# ---------------------------------------------------------------------------------------------
# details


@dataclass(frozen=True)
class MentionInfo:
    article_title: str
    article_date: dt.date | None
    article_source: str
    sentence: str
    article_id: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    from_status: str | None
    to_status: str
    effective: str  # label with its precision, or "time unknown"
    recorded_at: dt.datetime
    source: str  # "note: ..." / "article: ..." / ""
    moved: str | None = None  # "planned for Tue 8 Dec 2026, occurred Wed 2 Dec 2026"


@dataclass(frozen=True)
class EventDetails:
    id: int
    type: str
    status: str
    title: str
    when: When | None
    when_text: str
    timeline_date: dt.date
    origin: str
    confidence: float
    version: int
    actors: tuple[tuple[str, str], ...]  # (name, role)
    mentions: tuple[MentionInfo, ...] = ()
    history: tuple[HistoryEntry, ...] = field(default=())
    note: str | None = None  # the note of the first status change, if any
    notes: str | None = None  # the analyst's own remarks on the event


def _effective_label(change) -> str:
    return effective_label(change.effective_at, change.effective_precision)


def event_details(session: Session, event_id: int) -> EventDetails:
    """Everything the details view shows, as plain data (NotFoundError if it is gone)."""
    event = get_event(session, event_id)
    when = event_when(event)
    mentions = tuple(
        MentionInfo(
            article_title=m.article.title,
            article_date=m.article.published,
            article_source=m.article.source,
            sentence=m.sentence,
            article_id=m.article_id,
        )
        for m in event.mentions
    )
    history = []
    for change in sorted(event.status_changes, key=history_order):
        if change.mention is not None:
            article = change.mention.article
            published = f", {day_label(article.published)}" if article.published else ""
            source = f"article: {article.title}{published}"
            if change.note:
                source += f" — {change.note}"
        elif change.note:
            source = f"note: {change.note}"
        else:
            source = ""
        history.append(
            HistoryEntry(
                from_status=change.from_status,
                to_status=change.to_status,
                effective=_effective_label(change),
                recorded_at=change.recorded_at,
                source=source,
                moved=moved_text(change),
            )
        )
    first_note = event.status_changes[0].note if event.status_changes else None
    return EventDetails(
        id=event.id,
        type=event.type,
        status=event.status,
        title=event.title,
        when=when,
        when_text=when_label(when, event.timeline_date),
        timeline_date=event.timeline_date,
        origin=event.origin,
        confidence=event.confidence,
        version=event.version,
        actors=tuple((p.actor.name, p.role) for p in event.participations),
        mentions=mentions,
        history=tuple(history),
        note=first_note,
        notes=getattr(event, "notes", None),
    )
