"""undated events and article date sources; what a person edited on an event

Events of articles with no date were placed at the day they were ingested; they move to the
timeline's undated section (timeline_date = domain.UNDATED). Articles record where their date
came from; events record which of their fields a person changed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

UNDATED = dt.date.max  # domain.UNDATED, frozen here as migrations must be


def upgrade() -> None:
    # plain ADD COLUMN: a batch rebuild of events would drop the search index triggers
    op.add_column("articles", sa.Column("date_source", sa.String(10), nullable=True))
    op.add_column("events", sa.Column("edited", sa.String(100), nullable=True))
    op.execute("UPDATE articles SET date_source = 'none' WHERE published IS NULL")
    op.get_bind().execute(
        sa.text(
            "UPDATE events SET timeline_date = :undated "
            "WHERE when_start IS NULL "
            "AND EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id) "
            "AND NOT EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.event_id = events.id AND a.published IS NOT NULL)"
        ),
        {"undated": UNDATED},
    )


def downgrade() -> None:
    bind = op.get_bind()
    ingested_day = "date(created_at)" if bind.dialect.name == "sqlite" else "created_at::date"
    bind.execute(
        sa.text(f"UPDATE events SET timeline_date = {ingested_day} WHERE timeline_date = :undated"),
        {"undated": UNDATED},
    )
    if bind.dialect.name == "sqlite":
        op.execute("ALTER TABLE events DROP COLUMN edited")
        op.execute("ALTER TABLE articles DROP COLUMN date_source")
        return
    op.drop_column("events", "edited")
    op.drop_column("articles", "date_source")
