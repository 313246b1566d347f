"""Alembic glue: the migrations own the schema; every command opens the database through here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

# Alembic is imported only to migrate or to explain a mismatch: everyday commands check the
# schema with one plain query (stored_revision).


def __getattr__(name: str):
    # `migrate.command` (alembic.command), loaded on first use rather than with this module
    if name == "command":
        from alembic import command

        return command
    raise AttributeError(name)

# The newest migration in alembic/versions. Opening a database compares its alembic_version
# with this constant, so everyday commands never load Alembic; a test keeps the two in step.
HEAD_REVISION = "0011"

# Search indexes are created by raw SQL per dialect (FTS5 on SQLite, GIN on PostgreSQL);
# the models do not describe them, so autogenerate must not see them as drift.
SEARCH_OBJECTS_PREFIX = ("events_fts", "ix_events_search", "search_vector")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (name and name.startswith(SEARCH_OBJECTS_PREFIX))


def script_location() -> str:
    # In a source checkout the migrations are the top-level alembic/ folder; an installed
    # package carries the same files as tracker.db.migrations.
    source_tree = Path(__file__).resolve().parents[2] / "alembic"
    if (source_tree / "env.py").is_file():
        return str(source_tree)
    spec = importlib.util.find_spec("tracker.db.migrations")
    if spec is None or not spec.submodule_search_locations:
        raise DatabaseError("the tracker installation has no migrations (tracker.db.migrations)")
    return str(next(iter(spec.submodule_search_locations)))


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", script_location())
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions(engine: Engine) -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return {rev.revision for rev in script.walk_revisions()}


def revisions_in_order(engine: Engine) -> list[str]:
    """The migrations' ids, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return [rev.revision for rev in script.walk_revisions()][::-1]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` ("head" or a migration's id); DatabaseError for anything else,
    and for a revision older than the database's (migrations only go forward here)."""
    from alembic import command

    order = revisions_in_order(engine)
    if revision != "head":
        if revision not in order:
            raise DatabaseError(
                f"no schema revision {revision!r}: give one of {', '.join(order)}, or head"
            )
        current = current_revision(engine)
        if current in order and order.index(revision) < order.index(current):
            raise DatabaseError(
                f"the database schema is at {current}, past {revision}: "
                "tracker upgrades only, it never downgrades"
            )
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def stored_revision(engine: Engine) -> str | None:
    """The database's alembic_version, read with a plain query (None: no version table)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            exists = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).scalar()
        else:
            exists = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
        if not exists:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine) -> None:
    """Create the schema on an empty database; refuse one the code cannot read.

    Creating it is atomic and one process at a time: the whole schema is made in one
    transaction holding a lock (SQLite: BEGIN EXCLUSIVE; PostgreSQL: an advisory lock), so a
    process killed half-way leaves an empty database, not half a schema, and processes that
    start together on a new database wait for the first instead of failing.
    """
    if stored_revision(engine) == HEAD_REVISION:
        return
    current = current_revision(engine)
    head = head_revision(engine)
    if current == head:
        return
    if current is None:
        _create_schema_waiting(engine, head)
        return
    _refuse(engine, current, head)


# How long a process that finds a new SQLite database being created by another waits for it:
# the busy timeout covers one wait for the lock, and a loaded machine can take longer than that
# to run every migration in the first process.
_SCHEMA_WAIT_SECONDS = 120.0


def _create_schema_waiting(engine: Engine, head: str | None) -> None:
    """``_create_schema``, tried again while another process holds the lock creating it."""
    import time

    from sqlalchemy.exc import OperationalError

    deadline = time.monotonic() + _SCHEMA_WAIT_SECONDS
    while True:
        try:
            _create_schema(engine, head)
            return
        except OperationalError as exc:
            locked = engine.dialect.name == "sqlite" and "locked" in str(exc.orig).lower()
            if not locked or time.monotonic() > deadline:
                raise


def _refuse(engine: Engine, current: str, head: str | None) -> None:
    if current not in known_revisions(engine):
        raise DatabaseError(
            f"the database schema ({current}) is newer than this tracker ({head}); "
            "upgrade tracker to use it"
        )
    raise DatabaseError(
        f"the database schema ({current}) is older than this tracker ({head}); "
        "run `tracker db upgrade`"
    )


_SCHEMA_LOCK_ID = 0x7472616B  # "trak": the advisory lock creating a schema on PostgreSQL


def _create_schema(engine: Engine, head: str | None) -> None:
    from sqlalchemy import inspect, text

    from tracker.db.session import write_transaction

    with write_transaction(engine, sqlite_begin="EXCLUSIVE") as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _SCHEMA_LOCK_ID})
        # another process may have made it while we waited for the lock
        from alembic.runtime.migration import MigrationContext

        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if current is not None:
            _refuse(engine, current, head)
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        if tables:
            raise DatabaseError(
                "the database has tables but no tracker schema version; "
                "it is not a tracker database"
            )
        from alembic import command

        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
