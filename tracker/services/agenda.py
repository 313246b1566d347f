"""The analyst's agenda: what is overdue, due and coming up, with the source of each status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Event, Mention, Participation, StatusChange
from tracker.domain import When
from tracker.services.events import event_when, history_order

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


def _load(
    session: Session,
    statuses: tuple[str, ...],
    condition,
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
    order = (Event.timeline_date, Event.id)
    if latest:
        order = (Event.timeline_date.desc(), Event.id.desc())
    keys: list[tuple[dt.date, int]] = []
    for status in statuses:
        rows = session.execute(
            select(Event.timeline_date, Event.id)
            .where(Event.status == status, condition, _has_time(timed))
            .order_by(*order)
            .limit(limit)
        )
        keys += [(day, event_id) for day, event_id in rows]
    keys = sorted(keys, reverse=latest)[:limit]
    if not keys:
        return []
    query = (
        select(Event)
        .where(Event.id.in_([event_id for _, event_id in keys]))
        .options(
            selectinload(Event.participations).selectinload(Participation.actor),
            selectinload(Event.status_changes)
            .selectinload(StatusChange.mention)
            .selectinload(Mention.article),
        )
    )
    by_id = {event.id: event for event in session.scalars(query)}
    return [by_id[event_id] for _, event_id in keys if event_id in by_id]


def _has_time(timed: bool):
    return Event.when_start.is_not(None) if timed else Event.when_start.is_(None)


def _item(event: Event) -> AgendaItem:
    history = sorted(event.status_changes, key=history_order)
    return AgendaItem(event, event_when(event), status_source(history[-1] if history else None))


def agenda(session: Session, today: dt.date, days: int = 14) -> Agenda:
    """Overdue (planned, its time passed, nothing since), due (its time holds today) and
    upcoming (starting within ``days``) events, and the pending ones told without a time
    (reported in the last 90 days, or in undated articles), newest first. Reads index ranges
    of the status/time index, so it costs the same on a million events as on a hundred (but
    the overdue count, which counts index entries)."""
    result = Agenda(today=today, days=days)
    horizon = today + dt.timedelta(days=days)
    period_end = func.coalesce(Event.when_end, Event.when_start)
    overdue_condition = and_(Event.timeline_date < today, period_end < today)
    overdue = _load(session, ("planned",), overdue_condition, OVERDUE_LIMIT, latest=True)
    result.overdue = [_item(e) for e in overdue]
    result.overdue_total = (
        session.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.status == "planned", overdue_condition, Event.when_start.is_not(None))
        )
        or 0
    )
    due_condition = and_(
        Event.timeline_date <= today,
        Event.timeline_date >= today - LONGEST_PERIOD,
        period_end >= today,
    )
    result.due = [_item(e) for e in _load(session, PENDING, due_condition, SECTION_LIMIT)]
    upcoming_condition = and_(Event.timeline_date > today, Event.timeline_date <= horizon)
    by_day: dict[dt.date, list[AgendaItem]] = {}
    for event in _load(session, PENDING, upcoming_condition, SECTION_LIMIT):
        item = _item(event)
        by_day.setdefault(item.when.start, []).append(item)  # a period: at its start
    result.upcoming = sorted(by_day.items())
    untimed = _load(
        session,
        PENDING,
        Event.timeline_date >= today - UNTIMED_WINDOW,
        UNTIMED_LIMIT,
        latest=True,
        timed=False,
    )
    result.untimed = [_item(e) for e in untimed]
    return result
