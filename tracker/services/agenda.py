"""The analyst's agenda: what is overdue, due and coming up, with the source of each status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.domain import When, event_when, history_order
from tracker.services.filters import as_date, sql_date
from tracker.services.sources import source_of

if TYPE_CHECKING:
    from tracker.db.models import Event, StatusChange

# What may still happen: the agenda's statuses.
PENDING = ("planned", "proposed", "threatened")
# The longest period an approximate time spans (a year): how far back a period may start
# and still contain today.
LONGEST_PERIOD = dt.timedelta(days=366)
SECTION_LIMIT = 500
# The follow-up lists show the most recent: nobody reads the 500th overdue plan, and each
# one shown is an event loaded with its actors and history (the view opens in one keystroke).
OVERDUE_LIMIT = 100
# Plans told without a time are followed up while fresh: those reported in the last 90 days,
# and those whose articles have no date at all (the undated section sorts after every day).
UNTIMED_WINDOW = dt.timedelta(days=90)
UNTIMED_LIMIT = 50


@dataclass
class AgendaItem:
    event: Event
    when: When | None  # None: the articles tell no time (the "no known time" section)
    source: str  # where the current status came from: an article, or a person's note

    @property
    def approximate(self) -> bool:
        return self.when is not None and self.when.precision != "day"


@dataclass
class Agenda:
    today: dt.date
    days: int
    overdue: list[AgendaItem] = field(default_factory=list)
    overdue_total: int = 0
    due: list[AgendaItem] = field(default_factory=list)
    upcoming: list[tuple[dt.date, list[AgendaItem]]] = field(default_factory=list)
    untimed: list[AgendaItem] = field(default_factory=list)  # pending, no time known yet


def status_source(change: StatusChange | None) -> str:
    """Where a status came from, in a few words: the article (title, source) or a person."""
    if change is None:
        return "no recorded source"
    mention = change.mention
    if mention is not None and mention.article is not None:
        article = mention.article
        date = f", {article.published.isoformat()}" if article.published else ""
        return f"{article.title} ({article.source}{date})"
    return f"entered by hand{': ' + change.note if change.note else ''}"


# an event's period ends at its end, or its start for one day
_PERIOD_END = "coalesce(events.when_end, events.when_start)"


def _load(
    source,
    statuses: tuple[str, ...],
    condition: str,
    params: dict[str, object],
    limit: int,
    *,
    latest: bool = False,
    timed: bool = True,
) -> list[Event]:
    """The first ``limit`` events with one of ``statuses``, a time (``timed``; else none),
    and ``condition``, in timeline order (``latest``: newest first), with what the agenda
    shows of them.

    The keys are read one status at a time: an equality on the status lets both backends read
    one range of ix_events_status_period in order and test ``condition`` on its period columns
    without reading a row (with ``status IN (...)`` SQLite walked the timeline index instead
    and read a year of rows); then only the events shown are loaded.
    """
    order = "events.timeline_date, events.id"
    if latest:
        order = "events.timeline_date DESC, events.id DESC"
    has_time = "IS NOT NULL" if timed else "IS NULL"
    keys: list[tuple[dt.date, int]] = []
    for status in statuses:
        rows = source.rows(
            "SELECT events.timeline_date, events.id FROM events "
            f"WHERE events.status = :status AND {condition} AND events.when_start {has_time} "
            f"ORDER BY {order} LIMIT :limit",
            {**params, "status": status, "limit": limit},
        )
        keys += [(as_date(day), event_id) for day, event_id in rows]
    keys = sorted(keys, reverse=latest)[:limit]
    return source.events([event_id for _, event_id in keys], history=True)


def _item(event: Event) -> AgendaItem:
    history = sorted(event.status_changes, key=history_order)
    return AgendaItem(event, event_when(event), status_source(history[-1] if history else None))


def agenda(session: Any, today: dt.date, days: int = 14) -> Agenda:
    """Overdue (planned, its time passed, nothing since), due (its time holds today) and
    upcoming (starting within ``days``) events, and the pending ones told without a time
    (reported in the last 90 days, or in undated articles), newest first. Reads index ranges
    of the status/time index, so it costs the same on a million events as on a hundred (but
    the overdue count, which counts index entries).

    ``session``: an ORM session, or the fast reader (tracker.services.sources)."""
    source = source_of(session)
    result = Agenda(today=today, days=days)

    def day(value: dt.date) -> object:
        return sql_date(value, source.dialect)

    params = {
        "today": day(today),
        "horizon": day(today + dt.timedelta(days=days)),
        "period_start": day(today - LONGEST_PERIOD),
        "untimed_start": day(today - UNTIMED_WINDOW),
    }
    overdue_condition = f"events.timeline_date < :today AND {_PERIOD_END} < :today"
    overdue = _load(source, ("planned",), overdue_condition, params, OVERDUE_LIMIT, latest=True)
    result.overdue = [_item(e) for e in overdue]
    result.overdue_total = (
        source.rows(
            "SELECT count(*) FROM events WHERE events.status = :status AND "
            f"{overdue_condition} AND events.when_start IS NOT NULL",
            {**params, "status": "planned"},
        )[0][0]
        or 0
    )
    due_condition = (
        "events.timeline_date <= :today AND events.timeline_date >= :period_start "
        f"AND {_PERIOD_END} >= :today"
    )
    result.due = [_item(e) for e in _load(source, PENDING, due_condition, params, SECTION_LIMIT)]
    upcoming_condition = "events.timeline_date > :today AND events.timeline_date <= :horizon"
    by_day: dict[dt.date, list[AgendaItem]] = {}
    for event in _load(source, PENDING, upcoming_condition, params, SECTION_LIMIT):
        item = _item(event)
        by_day.setdefault(item.when.start, []).append(item)  # a period: at its start
    result.upcoming = sorted(by_day.items())
    untimed = _load(
        source,
        PENDING,
        "events.timeline_date >= :untimed_start",
        params,
        UNTIMED_LIMIT,
        latest=True,
        timed=False,
    )
    result.untimed = [_item(e) for e in untimed]
    return result
