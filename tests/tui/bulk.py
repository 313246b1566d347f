"""Many synthetic events, inserted in bulk (the services would take minutes)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, text

from tracker.db.models import Actor, Event, Participation, StatusChange
from tracker.db.session import unit_of_work
from tracker.domain import EVENT_TYPES, STATUSES

ACTORS = ["United States", "Russia", "Ukraine", "China", "European Union", "NATO", "OPEC"]


def bulk_events(engine, n: int, start: dt.date = dt.date(2000, 1, 1)) -> None:
    now = dt.datetime(2025, 1, 1)
    with unit_of_work(engine) as s:
        s.execute(
            insert(Actor),
            [
                {"name": a, "name_key": a.casefold(), "kind": "state", "country": None}
                for a in ACTORS
            ],
        )
        events, parts, changes = [], [], []
        for i in range(1, n + 1):
            day = start + dt.timedelta(days=(i * 7919) % 9000)
            dated = i % 10 != 0
            actors = (ACTORS[i % 7], ACTORS[(i * 3 + 1) % 7])
            title = f"Synthetic event {i} between {actors[0]} and {actors[1]}"
            events.append(
                {
                    "id": i,
                    "type": EVENT_TYPES[i % len(EVENT_TYPES)],
                    "status": STATUSES[i % len(STATUSES)],
                    "title": title,
                    "when_start": day if dated else None,
                    "when_end": day if dated else None,
                    "precision": "day" if dated else None,
                    "timeline_date": day,
                    "origin": "extracted",
                    "confidence": 0.9,
                    "search_text": f"{title} {actors[0]} {actors[1]}",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
            parts.append({"event_id": i, "actor_id": 1 + i % 7, "role": "initiator"})
            if actors[0] != actors[1]:
                parts.append({"event_id": i, "actor_id": 1 + (i * 3 + 1) % 7, "role": "target"})
            changes.append(
                {
                    "event_id": i,
                    "from_status": None,
                    "to_status": events[-1]["status"],
                    "recorded_at": now,
                }
            )
        s.execute(insert(Event), events)
        s.execute(insert(Participation), parts)
        s.execute(insert(StatusChange), changes)
        if engine.dialect.name == "postgresql":
            s.execute(text("SELECT setval('events_id_seq', (SELECT max(id) FROM events))"))
