"""agenda: the status/time index carries each event's period, so the agenda reads no rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The agenda (tracker/services/agenda.py) asks, per status, which events' periods have ended
before today (overdue: about 120,000 of a million synthetic events, all counted) or still hold
it (due). The status/time index gave the range, but each candidate's when_end/when_start had to
be read from its row: the overdue count alone took 0.45 s of CPU (3.6-8 s on a loaded machine)
at a million events. The index now ends with when_end and when_start, so those conditions are
tested in the index (SQLite: a covering index; PostgreSQL: an index-only scan) and only the
events shown are read. It replaces ix_events_status_timeline, whose columns are its first
three: every plan that used that one can use this one in the same order.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_events_status_period",
        "events",
        ["status", "timeline_date", "id", "when_end", "when_start"],
    )
    op.drop_index("ix_events_status_timeline", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_status_timeline", "events", ["status", "timeline_date", "id"])
    op.drop_index("ix_events_status_period", table_name="events")
