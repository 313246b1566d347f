"""Persistence: models, engine/session set-up and the Alembic glue."""
