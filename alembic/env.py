"""Alembic environment for tracker: batch mode (SQLite ALTERs), models as the target."""

from __future__ import annotations

from sqlalchemy import create_engine, pool

from alembic import context
from tracker.db.models import Base

config = context.config
target_metadata = Base.metadata

# Search indexes are created by raw SQL per dialect (FTS5 on SQLite, GIN on PostgreSQL);
# the models do not describe them, so autogenerate must not see them as drift.
SEARCH_OBJECTS_PREFIX = ("events_fts", "ix_events_search")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (name and name.startswith(SEARCH_OBJECTS_PREFIX))


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.connect() as connection:
        run_migrations(connection)
        connection.commit()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
