"""status and type indexes carry each event's period: the agenda and the merge read no rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The agenda (tracker/services/agenda.py) asks, per status, which events' periods have ended
before today (overdue: about 120,000 of a million synthetic events, all counted) or still hold
it (due). The status/time index gave the range, but each candidate's when_end/when_start had to
be read from its row: the overdue count alone took 0.45 s of CPU (3.6-8 s on a loaded machine)
at a million events.

Ingestion's merge (tracker/services/ingest.py, find_matching_event) reads the events of one
type within a window of about 14 months around a mention's time, then keeps those whose time
overlaps it: at a million events that read some 4,000 rows and probed their actors for every
mention (1.7 articles/s).

Both indexes now end with the period columns, so those conditions are tested in the index
(SQLite: a covering index; PostgreSQL: an index-only scan) and only matching events are read.
They replace ix_events_status_timeline and ix_events_type_timeline, whose columns are their
first three: every plan that used those can use these in the same order.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PERIOD = ["timeline_date", "id", "when_end", "when_start", "precision"]


def upgrade() -> None:
    op.create_index("ix_events_status_period", "events", ["status", *PERIOD])
    op.drop_index("ix_events_status_timeline", table_name="events")
    op.create_index("ix_events_type_period", "events", ["type", *PERIOD])
    op.drop_index("ix_events_type_timeline", table_name="events")
    # statistics for the new indexes: without them SQLite read all of a type's events for
    # the merge's OR of two ranges instead of both ranges (a database analysed before knew
    # the old indexes only)
    op.execute("ANALYZE events")


def downgrade() -> None:
    op.create_index("ix_events_status_timeline", "events", ["status", "timeline_date", "id"])
    op.drop_index("ix_events_status_period", table_name="events")
    op.create_index("ix_events_type_timeline", "events", ["type", "timeline_date", "id"])
    op.drop_index("ix_events_type_period", table_name="events")
