"""dismissed readings: an event a person deleted stays deleted when its article is read again

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

Deleting an extracted event removed it with its evidence, but `tracker reextract`, `r` and an
article's date correction (`D`, `article set-date`) read the article again and made the event
anew. Each deletion now records what the extractor had read (article, event type, span of the
evidence), and re-extraction passes over those readings. Undoing the deletion removes them.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dismissed_readings",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=20), nullable=False),
        sa.Column("start_offset", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("end_offset", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_dismissed_readings_article_id_articles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "article_id", "event_type", "start_offset", "end_offset",
            name=op.f("pk_dismissed_readings"),
        ),
    )


def downgrade() -> None:
    op.drop_table("dismissed_readings")
