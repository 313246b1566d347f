"""search prefix index: two- and three-letter prefixes indexed for search-as-you-type

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

The timeline searches as you type ("ta" → talks, Taiwan ...). Without prefix indexes, FTS5
expands a short prefix over the whole vocabulary on every keystroke; with them a prefix costs
about what a whole word does. SQLite only: PostgreSQL's GIN index answers `word:*` itself.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TRIGGERS = [
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN "
    "INSERT INTO events_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF search_text ON events BEGIN "
    "INSERT INTO events_fts(events_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO events_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


def _rebuild(prefix_option: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("events_fts_insert", "events_fts_delete", "events_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS events_fts")
    op.execute(
        "CREATE VIRTUAL TABLE events_fts USING fts5(search_text, content='events', "
        f"content_rowid='id', tokenize='unicode61 remove_diacritics 2'{prefix_option})"
    )
    for statement in _TRIGGERS:
        op.execute(statement)
    op.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _rebuild(", prefix='2 3'")


def downgrade() -> None:
    _rebuild("")
