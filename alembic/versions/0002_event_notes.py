"""event notes: an analyst's own remarks on an event

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # native DROP COLUMN (SQLite >= 3.35): a batch rebuild of events would drop the
        # triggers that keep the search index in step
        op.execute("ALTER TABLE events DROP COLUMN notes")
        return
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("notes")
