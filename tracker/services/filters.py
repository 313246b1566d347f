"""Event filters and the SQL conditions they stand for, with no SQLAlchemy import.

The one place a filter becomes SQL: the ORM queries (tracker.services.query, the timeline)
wrap these conditions in ``text()``, and the fast read path (tracker.services.reading) runs
them on the DB-API driver, so ``tracker list`` can start without loading SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from tracker.domain import UNDATED, fold_for_search

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


def search_words(text_: str) -> list[str]:
    return _WORD.findall(fold_for_search(text_))


def ts_query(words: list[str]) -> str:
    """PostgreSQL's form of the words: each a prefix, all required."""
    return " & ".join(f"{w}:*" for w in words)


def fts_query(words: list[str]) -> str:
    """SQLite FTS5's form of the words: each a quoted prefix, all required."""
    return " ".join(f'"{w}"*' for w in words)


@dataclass(frozen=True)
class Condition:
    """One SQL condition on the ``events`` table with its named (``:name``) parameters."""

    sql: str
    params: dict[str, object]


def sql_date(day: dt.date, dialect: str) -> object:
    """A date as the backend stores it: SQLite keeps ISO text (as SQLAlchemy's Date does)."""
    return day.isoformat() if dialect == "sqlite" else day


def sql_time(moment: dt.datetime, dialect: str) -> object:
    """A time as the backend stores it: SQLite keeps text with microseconds (as SQLAlchemy's
    DateTime does), so that comparing the text compares the times."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite" else moment


def as_date(value: Any) -> dt.date | None:
    """A date column's value as read through SQL text (SQLite gives its ISO text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def as_datetime(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def filter_conditions(filt: EventFilter, dialect: str, actor_ids: list[int]) -> list[Condition]:
    """``filt`` as conditions on ``events`` (all required); ``actor_ids`` are its actors,
    already resolved. Parameter names start with ``flt_`` so that callers' own do not clash."""
    conditions: list[Condition] = []
    for i, actor_id in enumerate(actor_ids):
        conditions.append(
            Condition(
                "events.id IN (SELECT participations.event_id FROM participations "
                f"WHERE participations.actor_id = :flt_actor_{i})",
                {f"flt_actor_{i}": actor_id},
            )
        )
    for column, values in (("type", filt.types), ("status", filt.statuses)):
        if values:
            names = [f"flt_{column}_{i}" for i in range(len(values))]
            conditions.append(
                Condition(
                    f"events.{column} IN ({', '.join(':' + n for n in names)})",
                    dict(zip(names, values, strict=True)),
                )
            )
    undated = sql_date(UNDATED, dialect)
    if filt.since or filt.until:
        in_range = ["events.timeline_date < :flt_undated"]
        params: dict[str, object] = {"flt_undated": undated}
        if filt.since:
            in_range.append("events.timeline_date >= :flt_since")
            params["flt_since"] = sql_date(filt.since, dialect)
        if filt.until:
            in_range.append("events.timeline_date <= :flt_until")
            params["flt_until"] = sql_date(filt.until, dialect)
        sql = " AND ".join(in_range)
        if filt.undated:
            sql = f"({sql}) OR events.timeline_date = :flt_undated"
        conditions.append(Condition(f"({sql})", params))
    elif filt.undated:
        conditions.append(
            Condition("events.timeline_date = :flt_undated", {"flt_undated": undated})
        )
    words = search_words(filt.text)
    if words:
        conditions.append(text_condition(words, dialect))
    return conditions


def text_condition(words: list[str], dialect: str) -> Condition:
    """Every word (a prefix) in the event's search text, through the backend's search index."""
    if dialect == "sqlite":
        return Condition(
            "events.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :flt_words)",
            {"flt_words": fts_query(words)},
        )
    # the stored tsvector of migration 0009, which has a GIN index and statistics
    return Condition(
        "events.search_vector @@ to_tsquery('simple', :flt_words)", {"flt_words": ts_query(words)}
    )


Row = TypeVar("Row")


def keyset_pages(
    read_page: Callable[[int, tuple[dt.date, int] | None], list[Row]],
    *,
    limit: int | None,
    page_size: int,
    key: Callable[[Row], tuple[dt.date, int]] = lambda row: (row.timeline_date, row.id),
    after_page: Callable[[], Any] | None = None,
) -> Iterator[Row]:
    """Every match (or the first ``limit``) in timeline order, read ``page_size`` at a time by
    keyset: ``read_page(size, after)`` reads the rows after the key ``after`` (None: from the
    start). ``after_page`` runs once each page is out (the ORM lets its objects go)."""
    after = None
    left = limit
    while left is None or left > 0:
        size = page_size if left is None else min(page_size, left)
        page = read_page(size, after)
        yield from page
        if len(page) < size:
            return
        after = key(page[-1])
        if left is not None:
            left -= len(page)
        if after_page is not None:
            after_page()


# PostgreSQL's text search plan (the timeline, `tracker list` on either path). A word matching
# at most this share of the events (and at least WALK_MIN) has its matches fetched through the
# GIN index and sorted; a commoner one walks the time index. tracker.services.timeline keeps
# its own copies of these (its tests change them), and passes them in.
WALK_MIN = 2000
PG_FEW_SHARE = 0.005
PG_SAMPLE_FROM = 100_000  # events: below this, counting a word's matches is cheap anyway
PG_SAMPLE_PERCENT = 0.5  # of the table's pages, read to tell a common word from a rare one


@dataclass(frozen=True)
class SearchPlan:
    """How to read a PostgreSQL text search: the (timeline_date, id) keys of every event the
    filter keeps, in timeline order, when the words match few events (pages are slices of
    them, read by id); else ``walk_vector``: a common word, tested row by row along time."""

    keys: tuple[tuple[dt.date, int], ...] | None = None
    walk_vector: bool = False


def unindexed_condition(words: list[str]) -> Condition:
    """The words tested on each row's stored vector, in a form the GIN index cannot answer
    (so PostgreSQL reads rows in the order another index gives them)."""
    return Condition(
        "(events.search_vector || ''::tsvector) @@ to_tsquery('simple', :all_words)",
        {"all_words": ts_query(words)},
    )


def plan_postgresql_search(
    rows: Callable[[str, dict[str, object]], list[tuple]],
    filt: EventFilter,
    actor_ids: list[int],
    *,
    walk_min: int | None = None,
    few_share: float | None = None,
    sample_from: int | None = None,
    sample_percent: float | None = None,
) -> SearchPlan | None:
    """Count first: PostgreSQL's own estimate for a word is a guess (it walked the time index
    for a word found in 30 events of a million, for seconds). ``rows(sql, params)`` runs SQL
    text; ``actor_ids`` are the filter's actors, resolved. None: no words to plan."""
    words = search_words(filt.text)
    if not words:
        return None
    walk_min = WALK_MIN if walk_min is None else walk_min
    few_share = PG_FEW_SHARE if few_share is None else few_share
    sample_from = PG_SAMPLE_FROM if sample_from is None else sample_from
    sample_percent = PG_SAMPLE_PERCENT if sample_percent is None else sample_percent
    total = rows("SELECT max(events.id) FROM events", {})[0][0] or 0
    few = max(walk_min, int(total * few_share))
    rarest = words
    if total > sample_from:
        # a common word's matches are costly to gather even through the GIN index (a prefix's
        # bitmap holds every one of them): a sample of the table tells which words are common
        sampled = rows(
            "SELECT "
            + ", ".join(
                f"count(*) FILTER (WHERE search_vector @@ to_tsquery('simple', :w{i}))"
                for i in range(len(words) + 1)
            )
            + f" FROM events TABLESAMPLE SYSTEM ({sample_percent}) REPEATABLE (7)",
            {f"w{i}": ts_query(w) for i, w in enumerate([words, *([w] for w in words)])},
        )[0]
        scale = 100 / sample_percent
        if sampled[0] * scale > 2 * few:
            return SearchPlan(walk_vector=True)
        # look the rarest word up in the index, test the others on the rows it finds
        rarest = [min(words, key=lambda w: sampled[1 + words.index(w)])]
    conditions = filter_conditions(filt.with_(text=""), "postgresql", actor_ids)
    conditions.append(
        Condition(
            "events.search_vector @@ to_tsquery('simple', :rare_words)",
            {"rare_words": ts_query(rarest)},
        )
    )
    if rarest != words:
        conditions.append(unindexed_condition(words))
    params: dict[str, object] = {"few": few + 1}
    for condition in conditions:
        params.update(condition.params)
    where = " AND ".join(f"({c.sql})" for c in conditions)
    # up to one more than "few" of the filter's matches
    found = rows(
        f"SELECT events.timeline_date, events.id FROM events WHERE {where} LIMIT :few", params
    )
    if len(found) <= few:
        return SearchPlan(keys=tuple(sorted((as_date(day), event_id) for day, event_id in found)))
    return SearchPlan(walk_vector=True)
