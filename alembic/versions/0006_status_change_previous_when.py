"""status changes keep the event's time they moved: "planned for Tue 8 Dec, occurred Wed 2 Dec"

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = ("previous_when_start", "previous_when_end", "previous_precision")


def upgrade() -> None:
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_when_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("previous_when_end", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("previous_precision", sa.String(length=10), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for column in COLUMNS:  # native DROP COLUMN (SQLite >= 3.35), as in 0002
            op.execute(f"ALTER TABLE status_changes DROP COLUMN {column}")
        return
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.drop_column(column)
