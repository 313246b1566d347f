"""PostgreSQL search plans by the number of matches; accents fold alike on both backends

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

PostgreSQL searched an expression index over to_tsvector(search_text): with no statistics for
it the planner guessed 20,000 matches for any word, walked the time index and recomputed the
tsvector of every row it passed (3.9-6.8 s for a rare word at a million events). The tsvector
is now a stored generated column with its own GIN index and statistics, and the timeline counts
a word's matches first (tracker/services/timeline.py), as it does on SQLite.

SQLite's FTS folds accents itself; PostgreSQL's 'simple' configuration does not, so the search
text is now stored folded ("António" -> "antonio") and queries are folded the same way. Rows
written before are folded here.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _fold(text: str) -> str:
    # the same folding as tracker.domain.fold_for_search, frozen here as this migration ran it
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    rows = bind.execute(
        sa.text("SELECT id, search_text FROM events WHERE search_text ~ '[^\\x01-\\x7f]'")
    ).all()
    for event_id, search_text in rows:
        bind.execute(
            sa.text("UPDATE events SET search_text = :folded WHERE id = :id"),
            {"folded": _fold(search_text), "id": event_id},
        )
    op.execute("DROP INDEX IF EXISTS ix_events_search")
    op.execute(
        "ALTER TABLE events ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
    )
    op.execute("CREATE INDEX ix_events_search ON events USING gin (search_vector)")
    op.execute("ANALYZE events")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_events_search")
    op.execute("ALTER TABLE events DROP COLUMN search_vector")
    op.execute(
        "CREATE INDEX ix_events_search ON events USING gin (to_tsvector('simple', search_text))"
    )
