"""user marks: where each database user last looked, for "what changed since"

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_marks",
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_name", name=op.f("pk_user_marks")),
    )
    # "what changed since": new events and status moves by the time they were recorded
    op.create_index("ix_events_created_at", "events", ["created_at"])
    op.create_index("ix_status_changes_recorded_at", "status_changes", ["recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_status_changes_recorded_at", table_name="status_changes")
    op.drop_index("ix_events_created_at", table_name="events")
    op.drop_table("user_marks")
