"""Reading events straight through the DB-API driver, for commands that must start fast.

Importing SQLAlchemy and declaring the models costs more CPU than the whole budget of a
command like ``tracker list`` (0.3 s), so the read-only commands first try this path: the
same filter conditions as the ORM queries (tracker.services.filters), the same order and
paging, and records with the ORM objects' attribute names, so the command line renders them
with the same code. It serves only what it can answer exactly as the services would; for
anything else (a database to create or migrate, a filter by actor, a missing event)
``open_reader`` or the reader returns None and the caller takes the service path.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tracker.db.migrate import HEAD_REVISION
from tracker.services.filters import (
    EventFilter,
    SearchPlan,
    as_date,
    as_datetime,
    filter_conditions,
    keyset_pages,
    plan_postgresql_search,
    search_words,
    unindexed_condition,
)

SQLITE_BUSY_TIMEOUT_S = 10.0  # as tracker.db.session
# PostgreSQL ids are 32-bit INTEGER columns: a larger one is an error there, not "no such row"
PG_MAX_ID = 2**31 - 1


@dataclass
class ActorRecord:
    name: str


@dataclass
class ParticipationRecord:
    role: str
    actor: ActorRecord


@dataclass
class ArticleRecord:
    title: str
    source: str
    published: dt.date | None


@dataclass
class MentionRecord:
    id: int
    sentence: str
    start_offset: int
    end_offset: int
    implied_status: str
    article: ArticleRecord


@dataclass
class StatusChangeRecord:
    id: int
    from_status: str | None
    to_status: str
    effective_at: dt.date | None
    effective_precision: str | None
    recorded_at: dt.datetime
    mention_id: int | None
    note: str | None
    previous_when_start: dt.date | None
    previous_when_end: dt.date | None
    previous_precision: str | None
    mention: MentionRecord | None = None
    event_id: int | None = None
    event: EventRecord | None = None


@dataclass
class EventRecord:
    id: int
    type: str
    status: str
    title: str
    when_start: dt.date | None
    when_end: dt.date | None
    precision: str | None
    timeline_date: dt.date
    origin: str
    confidence: float
    version: int
    notes: str | None
    participations: list[ParticipationRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    status_changes: list[StatusChangeRecord] = field(default_factory=list)


_EVENT_COLUMNS = (
    "events.id, events.type, events.status, events.title, events.when_start, events.when_end, "
    "events.precision, events.timeline_date, events.origin, events.confidence, events.version, "
    "events.notes"
)
_DATE_FIELDS = (4, 5, 7)  # when_start, when_end, timeline_date in _EVENT_COLUMNS
_NAMED_PARAM = re.compile(r"(?<![:\w]):(\w+)")


class Reader:
    """One DB-API connection to a database whose schema is this code's."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self._plans: dict[EventFilter, SearchPlan | None] = {}

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- queries

    def _sql(self, sql: str) -> str:
        if self.dialect == "postgresql":
            # psycopg's placeholders are %(name)s; a literal % must be doubled
            sql = _NAMED_PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))
        return sql

    def _rows(self, sql: str, params: dict[str, object] | None = None) -> list[tuple]:
        cursor = self.connection.cursor()
        try:
            cursor.execute(self._sql(sql), params or {})
            return cursor.fetchall()
        finally:
            cursor.close()

    def execute(self, sql: str, params: dict[str, object] | None = None) -> int:
        """Run a statement that writes (committed by ``commit``); the rows it touched."""
        cursor = self.connection.cursor()
        try:
            cursor.execute(self._sql(sql), params or {})
            return cursor.rowcount
        finally:
            cursor.close()

    def commit(self) -> None:
        self.connection.commit()

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction: committed at the end, rolled back on an error. On SQLite it
        takes the write lock when it begins (as tracker.db.session.write_transaction), so
        what it reads first stays true until it commits."""
        sqlite = self.dialect == "sqlite"
        if sqlite:
            self.connection.isolation_level = None  # we say BEGIN ourselves
            self.connection.execute("BEGIN IMMEDIATE")
        else:
            self.connection.commit()  # a fresh transaction, not the one reading opened
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        else:
            self.connection.commit()
        finally:
            if sqlite:
                self.connection.isolation_level = ""

    def rows(self, sql: str, params: dict[str, object] | None = None) -> list[tuple]:
        """The rows of ``sql`` (named ``:name`` parameters, as SQLAlchemy's text())."""
        return self._rows(sql, params)

    _date = staticmethod(as_date)
    _datetime = staticmethod(as_datetime)

    def serves(self, filt: EventFilter) -> bool:
        """Whether this path answers ``filt`` exactly as tracker.services.query would: actor
        names need the services' resolution."""
        return not filt.actors

    def _search_plan(self, filt: EventFilter) -> SearchPlan | None:
        """How PostgreSQL reads ``filt``'s words (None: no words, or SQLite), planned once a
        filter as tracker.services.query plans it (tracker.services.filters)."""
        if self.dialect != "postgresql":
            return None
        if filt not in self._plans:
            self._plans[filt] = plan_postgresql_search(self._rows, filt, [])
        return self._plans[filt]

    def _where(self, filt: EventFilter) -> tuple[str, dict[str, object]]:
        plan = self._search_plan(filt)
        if plan is not None and plan.walk_vector:
            # a common word: tested row by row along the time index
            words = search_words(filt.text)
            conditions = filter_conditions(filt.with_(text=""), self.dialect, [])
            conditions.append(unindexed_condition(words))
        else:
            conditions = filter_conditions(filt, self.dialect, [])
        params: dict[str, object] = {}
        for condition in conditions:
            params.update(condition.params)
        where = " AND ".join(f"({c.sql})" for c in conditions)
        return (f" WHERE {where}" if where else ""), params

    def count_events(self, filt: EventFilter) -> int:
        plan = self._search_plan(filt)
        if plan is not None and plan.keys is not None:
            return len(plan.keys)
        # a common word is counted through the search index, as the services count it
        conditions = filter_conditions(filt, self.dialect, [])
        params: dict[str, object] = {}
        for condition in conditions:
            params.update(condition.params)
        where = " AND ".join(f"({c.sql})" for c in conditions)
        where = f" WHERE {where}" if where else ""
        return self._rows(f"SELECT count(*) FROM events{where}", params)[0][0]

    def list_events(
        self,
        filt: EventFilter,
        *,
        limit: int,
        after: tuple[dt.date, int] | None = None,
    ) -> list[EventRecord]:
        """One page in timeline order after the (timeline_date, id) key ``after``, with each
        event's actors (as query.list_events with its defaults)."""
        plan = self._search_plan(filt)
        if plan is not None and plan.keys is not None:
            # a rare word's matches, all known: the page is a slice of them
            keys = list(plan.keys)
            if after is not None:
                keys = keys[bisect.bisect_right(keys, tuple(after)) :]
            return self.events([event_id for _, event_id in keys[:limit]])
        where, params = self._where(filt)
        if after is not None:
            where += " AND " if where else " WHERE "
            where += (
                "(events.timeline_date > :after_date OR "
                "(events.timeline_date = :after_date AND events.id > :after_id))"
            )
            day = after[0]
            params["after_date"] = day.isoformat() if self.dialect == "sqlite" else day
            params["after_id"] = after[1]
        rows = self._rows(
            f"SELECT {_EVENT_COLUMNS} FROM events{where} "
            "ORDER BY events.timeline_date, events.id LIMIT :page_limit",
            {**params, "page_limit": limit},
        )
        events = [self._event(row) for row in rows]
        self._load_actors(events)
        return events

    def iter_events(self, filt: EventFilter, *, limit: int | None, page_size: int):
        """Every match (or the first ``limit``) in timeline order, a keyset page at a time,
        all pages read in one snapshot (as tracker.db.session.read_snapshot)."""
        with self._snapshot():
            yield from keyset_pages(
                lambda size, after: self.list_events(filt, limit=size, after=after),
                limit=limit,
                page_size=page_size,
            )

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        if self.dialect == "sqlite":
            if self.connection.in_transaction:
                yield
                return
            self.connection.isolation_level = None  # we say BEGIN ourselves
            self.connection.execute("BEGIN DEFERRED")
            try:
                yield
            finally:
                self.connection.rollback()  # read only: nothing to keep
                self.connection.isolation_level = ""
            return
        self.connection.rollback()  # a fresh transaction, not the one opening it read in
        cursor = self.connection.cursor()
        try:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        finally:
            cursor.close()
        try:
            yield
        finally:
            self.connection.rollback()

    def get_event(self, event_id: int) -> EventRecord | None:
        """The event with its actors, evidence and history (None: not here, or an id the
        backend cannot hold; the services explain which)."""
        if self.dialect == "postgresql" and event_id > PG_MAX_ID:
            return None
        rows = self._rows(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE events.id = :id", {"id": event_id}
        )
        if not rows:
            return None
        event = self._event(rows[0])
        self._load_actors([event])
        mentions = {}
        for row in self._rows(
            "SELECT m.id, m.sentence, m.start_offset, m.end_offset, m.implied_status, "
            "a.title, a.source, a.published FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.event_id = :id ORDER BY m.id",
            {"id": event_id},
        ):
            mention = MentionRecord(
                *row[:5], article=ArticleRecord(row[5], row[6], self._date(row[7]))
            )
            mentions[mention.id] = mention
            event.mentions.append(mention)
        event.status_changes = self._changes("s.event_id = :id", {"id": event_id}, mentions)
        return event

    def events(self, ids: list[int], *, history: bool = False) -> list[EventRecord]:
        """The events ``ids`` (in that order; missing ones left out) with their actors and,
        with ``history``, their status changes with the article each came from."""
        if not ids:
            return []
        where, params = _in_list("events.id", ids)
        rows = self._rows(f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where}", params)
        by_id = {row[0]: self._event(row) for row in rows}
        found = [by_id[i] for i in ids if i in by_id]
        self._load_actors(found)
        if history:
            where, params = _in_list("s.event_id", list(by_id))
            for change in self._changes(where, params, {}):
                by_id[change.event_id].status_changes.append(change)
        return found

    def status_changes(self, ids: list[int]) -> list[StatusChangeRecord]:
        """The status changes ``ids`` (in that order) with the article each came from and
        their event (with its actors)."""
        if not ids:
            return []
        where, params = _in_list("s.id", ids)
        by_id = {change.id: change for change in self._changes(where, params, {})}
        found = [by_id[i] for i in ids if i in by_id]
        events = {e.id: e for e in self.events(list(dict.fromkeys(c.event_id for c in found)))}
        for change in found:
            change.event = events.get(change.event_id)
        return found

    def _changes(
        self, where: str, params: dict[str, object], mentions: dict[int, MentionRecord]
    ) -> list[StatusChangeRecord]:
        changes = []
        for row in self._rows(
            "SELECT s.id, s.from_status, s.to_status, s.effective_at, s.effective_precision, "
            "s.recorded_at, s.mention_id, s.note, s.previous_when_start, s.previous_when_end, "
            "s.previous_precision, m.sentence, m.start_offset, m.end_offset, m.implied_status, "
            "a.title, a.source, a.published, s.event_id FROM status_changes s "
            "LEFT JOIN mentions m ON m.id = s.mention_id "
            "LEFT JOIN articles a ON a.id = m.article_id "
            f"WHERE {where} ORDER BY s.id",
            params,
        ):
            mention = None
            if row[6] is not None:
                # the mention may be another event's (a merge keeps the history's sources)
                article = ArticleRecord(row[15], row[16], self._date(row[17]))
                mention = mentions.get(row[6]) or MentionRecord(row[6], *row[11:15], article)
            changes.append(
                StatusChangeRecord(
                    row[0],
                    row[1],
                    row[2],
                    self._date(row[3]),
                    row[4],
                    self._datetime(row[5]),
                    row[6],
                    row[7],
                    self._date(row[8]),
                    self._date(row[9]),
                    row[10],
                    mention,
                    row[18],
                )
            )
        return changes

    def _event(self, row: tuple) -> EventRecord:
        values = list(row)
        for i in _DATE_FIELDS:
            values[i] = self._date(values[i])
        return EventRecord(*values)

    def _load_actors(self, events: list[EventRecord]) -> None:
        if not events:
            return
        by_id = {e.id: e for e in events}
        where, params = _in_list("p.event_id", list(by_id))
        rows = self._rows(
            "SELECT p.event_id, p.role, a.name FROM participations p "
            f"JOIN actors a ON a.id = p.actor_id WHERE {where} ORDER BY p.event_id, p.id",
            params,
        )
        for event_id, role, name in rows:
            by_id[event_id].participations.append(ParticipationRecord(role, ActorRecord(name)))


def _in_list(column: str, values: list) -> tuple[str, dict[str, object]]:
    """``column IN (...)`` with one named parameter a value."""
    names = [f"in_{i}" for i in range(len(values))]
    sql = f"{column} IN ({', '.join(':' + n for n in names)})"
    return sql, dict(zip(names, values, strict=True))


def open_reader(url: str) -> Reader | None:
    """A reader on ``url``, or None when the service path must handle it: an URL form this
    path does not parse, a SQLite file that does not exist yet, a schema other than this
    code's (to create, migrate or refuse), or any failure to connect (explained there)."""
    try:
        reader = _connect(url)
    except Exception:  # noqa: BLE001 - the service path reports what went wrong
        return None
    if reader is None:
        return None
    try:
        revision = reader._rows("SELECT version_num FROM alembic_version")
    except Exception:  # noqa: BLE001 - no version table: the service path creates the schema
        reader.close()
        return None
    if revision != [(HEAD_REVISION,)]:
        reader.close()
        return None
    return reader


# PostgreSQL's DB-API drivers, the first one installed is used: importing psycopg2 costs a
# fifth of psycopg's CPU (0.05 s against 0.2-0.25 s on a loaded machine), most of a command's
# budget; both take the same %(name)s parameters and give the same Python values. SQLAlchemy
# (the service path) keeps psycopg.
PG_DRIVERS = ("psycopg2", "psycopg")


def _pg_driver() -> Any:
    import importlib

    for name in PG_DRIVERS[:-1]:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return importlib.import_module(PG_DRIVERS[-1])


def _connect(url: str) -> Reader | None:
    scheme, _, rest = url.partition("://")
    if scheme in ("sqlite", "sqlite+pysqlite"):
        if not rest.startswith("/") or "?" in rest or "%" in rest or len(rest) < 2:
            return None  # sqlite:// (memory) or query options: the service path's
        path = Path(rest[1:])
        if not path.is_file():
            return None  # the service path creates it and says so
        import sqlite3

        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=SQLITE_BUSY_TIMEOUT_S
        )
        # as tracker.db.session's connections, for the fast path's writes
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=NORMAL")
        return Reader(connection, "sqlite")
    if scheme in ("postgresql", "postgresql+psycopg"):
        parts = urlsplit(url)
        if parts.query or parts.fragment:
            return None
        connection = _pg_driver().connect(
            host=parts.hostname or None,
            port=parts.port,
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            dbname=unquote(parts.path.lstrip("/")) or None,
        )
        return Reader(connection, "postgresql")
    return None
