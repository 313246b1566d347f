"""feed entries: what `tracker watch` has already read from each feed

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_url", sa.String(length=1000), nullable=False),
        sa.Column("entry_key", sa.String(length=1000), nullable=False),
        sa.Column("link", sa.String(length=1000), nullable=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_entries")),
        sa.UniqueConstraint("feed_url", "entry_key", name=op.f("uq_feed_entries_feed_url")),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
