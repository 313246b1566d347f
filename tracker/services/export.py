"""Exports other tools load: JSON Lines, CSV, iCalendar and PLOVER-style JSON.

Every format streams: events are read a keyset page at a time and written as they come, so
a million events export in constant memory. The filters are the timeline's (EventFilter).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import TextIO

from sqlalchemy.orm import Session

from tracker.db.models import Event, Mention, StatusChange
from tracker.db.session import read_snapshot
from tracker.domain import is_undated
from tracker.errors import TrackerError
from tracker.services.events import event_when, history_order
from tracker.services.query import EventFilter, iter_events

FORMATS = ("jsonl", "csv", "ics", "plover")
# iCalendar holds what may still be on a calendar: what is planned, proposed or moved, and
# what was called off (STATUS:CANCELLED, so a subscribed calendar drops it).
CALENDAR_STATUSES = ("planned", "proposed", "postponed", "cancelled")


# --- one event as plain data -------------------------------------------------------------


def _evidence(mention: Mention) -> dict:
    article = mention.article
    return {
        "sentence": mention.sentence,
        "article_title": article.title if article else None,
        "source": article.source if article else None,
        "published": article.published.isoformat() if article and article.published else None,
    }


def _history(change: StatusChange) -> dict:
    return {
        "from": change.from_status,
        "to": change.to_status,
        "effective_at": change.effective_at.isoformat() if change.effective_at else None,
        "precision": change.effective_precision,
        "recorded_at": change.recorded_at.isoformat(timespec="seconds"),
        "note": change.note,
        "source": _evidence(change.mention)["source"] if change.mention else "manual",
    }


def event_record(event: Event) -> dict:
    """The full record of an event: time with precision, actors with roles, status history
    and evidence. What JSON Lines writes, and what CSV flattens."""
    when = event_when(event)
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "title": event.title,
        "when": when.to_json() if when else None,
        # null for an undated event (no time, no dated article), as in `list --json`
        "timeline_date": None
        if is_undated(event.timeline_date)
        else event.timeline_date.isoformat(),
        "actors": [
            {"name": p.actor.name, "role": p.role, "kind": p.actor.kind,
             "country": p.actor.country}
            for p in event.participations
        ],
        "origin": event.origin,
        "confidence": round(event.confidence, 2),
        "notes": event.notes,
        "history": [_history(c) for c in sorted(event.status_changes, key=history_order)],
        "evidence": [_evidence(m) for m in event.mentions],
    }


# --- writers ------------------------------------------------------------------------------


def _write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


CSV_COLUMNS = (
    "id", "type", "status", "title", "when_start", "when_end", "precision", "actors",
    "initiators", "targets", "participants", "history", "evidence_sentence",
    "evidence_article", "evidence_source", "evidence_published", "mentions", "origin", "notes",
)


# A cell a spreadsheet would run as a formula: text from articles or people that opens with
# one of these ("=HYPERLINK(...)", "+1...", "@SUM(...)") is written after a "'" (OWASP's CSV
# injection advice), which spreadsheets show as text and do not display.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for event in events:
        record = event_record(event)
        when = record["when"] or {}

        def names(role: str, record: dict = record) -> str:
            return "; ".join(a["name"] for a in record["actors"] if a["role"] == role)

        history = "; ".join(
            f"{h['from'] or '—'} → {h['to']}"
            + (f" ({h['effective_at']}, {h['precision']})" if h["effective_at"] else "")
            + (f" [{h['source']}]" if h["source"] else "")
            for h in record["history"]
        )
        evidence = record["evidence"]
        first = evidence[0] if evidence else {}
        writer.writerow(map(_cell, [
            record["id"], record["type"], record["status"], record["title"],
            when.get("start", ""), when.get("end", ""), when.get("precision", ""),
            "; ".join(f"{a['name']} ({a['role']})" for a in record["actors"]),
            names("initiator"), names("target"), names("participant"), history,
            first.get("sentence", ""), first.get("article_title", ""), first.get("source", ""),
            first.get("published", "") or "", len(evidence), record["origin"],
            record["notes"] or "",
        ]))
        count += 1
    return count


_ICS_STATUS = {
    "planned": "CONFIRMED", "proposed": "TENTATIVE", "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def _write_ics(events: Iterable[Event], out: TextIO, calendar_id: str) -> int:
    from icalendar import Calendar
    from icalendar import Event as VEvent

    calendar = Calendar()
    calendar.add("prodid", "-//tracker//diplomatic events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "tracker: diplomatic events")
    out.write(calendar.to_ical().decode("utf-8").replace("END:VCALENDAR\r\n", ""))
    count = 0
    stamp = dt.datetime.now(dt.UTC)
    for event in events:
        when = event_when(event)
        if event.status not in CALENDAR_STATUSES or when is None:
            continue
        item = VEvent()
        # stable across exports, so a subscribed calendar updates instead of duplicating
        item.add("uid", f"event-{event.id}@{calendar_id}")
        item.add("sequence", event.version)
        item.add("dtstamp", stamp)
        item.add("last-modified", event.updated_at.replace(tzinfo=dt.UTC))
        item.add("summary", f"{event.title} ({event.status})")
        item.add("status", _ICS_STATUS[event.status])
        item.add("categories", [event.type])
        # an approximate time is a note on the first day of its period, saying so
        last = when.end if when.precision == "day" else when.start
        item.add("dtstart", when.start)
        if last < dt.date.max:  # DTEND is exclusive; a one-day event may go without it
            item.add("dtend", last + dt.timedelta(days=1))
        actors = ", ".join(f"{p.actor.name} ({p.role})" for p in event.participations)
        lines = [
            f"Status: {event.status}",
            f"Time: {when.label()} (precision: {when.precision})",
            f"Actors: {actors}",
        ]
        for mention in event.mentions[:3]:
            ev = _evidence(mention)
            lines.append(f"Evidence: \"{ev['sentence']}\" — {ev['article_title']} ({ev['source']})")
        item.add("description", "\n".join(lines))
        out.write(item.to_ical().decode("utf-8"))
        count += 1
    out.write("END:VCALENDAR\r\n")
    return count


# PLOVER and CAMEO by type when the event occurred (docs/events.md)
_PLOVER = {
    "call": ("CONSULT", "phone", "041"),
    "meeting": ("CONSULT", "visit", "043"),
    "talks": ("CONSULT", "", "046"),
    "agreement": ("AGREE", "", "057"),
    "proposal": ("COOPERATE", "", "030"),
    "demand": ("REQUEST", "", "100"),
    "criticism": ("ACCUSE", "", "111"),
    "support": ("SUPPORT", "", "051"),
    "rejection": ("REJECT", "", "120"),
    "sanctions": ("SANCTION", "discontinue", "163"),
    "aid": ("AID", "", "070"),
    "military": ("ASSAULT", "", "190"),
}
_CONTEXT = {
    "sanctions": ["economic"], "aid": ["humanitarian"], "military": ["military"],
}
_CONSULT = ("call", "meeting", "talks")


def plover_codes(event_type: str, status: str, parties: int = 2,
                 text: str = "") -> tuple[str, str, str]:
    """(PLOVER event type, mode, CAMEO code) from an event's type and status, as
    docs/events.md maps them: the codes follow from type *and* status."""
    plover, mode, cameo = _PLOVER[event_type]
    if event_type == "meeting" and parties > 2:
        mode, cameo = "multilateral", "044"
    if event_type == "agreement" and ("ceasefire" in text or "truce" in text):
        plover, mode, cameo = "RETREAT", "ceasefire", "0871"
    if status in ("planned", "proposed", "postponed") and event_type in _CONSULT:
        return "AGREE", mode, "036"  # intent to meet or negotiate
    if status == "cancelled" and event_type in _CONSULT:
        return "REJECT", mode, "125"
    if status == "threatened":
        if event_type == "sanctions":
            return "THREATEN", "sanction", "1312"
        if event_type == "military":
            return "THREATEN", "force", "138"
        return "THREATEN", mode, "130"
    return plover, mode, cameo


def plover_record(event: Event) -> dict:
    when = event_when(event)
    initiators = [p.actor for p in event.participations if p.role == "initiator"]
    targets = [p.actor for p in event.participations if p.role == "target"]
    participants = [p.actor for p in event.participations if p.role == "participant"]
    actor = (initiators or participants[:1] or [None])[0]
    recipient = (targets or participants[1:2] or [None])[0]
    text = event.mentions[0].sentence if event.mentions else ""
    plover, mode, cameo = plover_codes(
        event.type, event.status, len(event.participations), f"{event.title} {text}".lower()
    )
    context = list(_CONTEXT.get(event.type, ["diplomatic"]))
    if event.status in ("planned", "proposed", "postponed", "cancelled", "threatened"):
        context.append(f"status:{event.status}")
    article = event.mentions[0].article if event.mentions else None
    return {
        "id": f"tracker-{event.id}",
        "event_date": when.start.isoformat() if when else None,
        "date_precision": when.precision if when else None,
        "event_type": plover,
        "mode": mode,
        "context": context,
        "actor": actor.name if actor else None,
        "actor_country": actor.country if actor else None,
        "recipient": recipient.name if recipient else None,
        "recipient_country": recipient.country if recipient else None,
        "cameo": cameo,
        "tracker_type": event.type,
        "tracker_status": event.status,
        "text": text,
        "source": article.source if article else None,
        "publication_date": (
            article.published.isoformat() if article and article.published else None
        ),
    }


def _write_plover(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def export_events(
    session: Session,
    fmt: str,
    out: TextIO,
    filt: EventFilter | None = None,
    *,
    calendar_id: str = "tracker",
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write every event matching ``filt`` to ``out`` in ``fmt``; the number written."""
    if fmt not in FORMATS:
        raise TrackerError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    read_snapshot(session)  # pages read while others write: each event once
    filt_ = filt = filt or EventFilter()
    if fmt == "ics" and not filt.statuses:
        filt_ = filt.with_(statuses=CALENDAR_STATUSES)
    events = iter_events(session, filt_, with_evidence=True)
    if progress is not None:
        events = _counting(events, progress)
    if fmt == "jsonl":
        return _write_jsonl(events, out)
    if fmt == "csv":
        return _write_csv(events, out)
    if fmt == "ics":
        return _write_ics(events, out, calendar_id)
    return _write_plover(events, out)


def _counting(events: Iterable[Event], progress: Callable[[int], None]) -> Iterable[Event]:
    for n, event in enumerate(events, 1):
        yield event
        if n % 1000 == 0:
            progress(n)
