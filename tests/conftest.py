"""Every database test runs on SQLite and, with TRACKER_TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from contextlib import closing

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from tracker.db.session import open_database

PG_URL = os.environ.get("TRACKER_TEST_DATABASE_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="TRACKER_TEST_DATABASE_URL is not set"),
    ),
]


def fresh_pg_database(template: str | None = None) -> tuple[str, callable]:
    """A new database on the test server, so every test starts empty (or as ``template``)."""
    base = make_url(PG_URL)
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        copy = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


# Making the schema runs every migration (a quarter of a second on SQLite, more on
# PostgreSQL). A test that asks for ``engine`` only needs a current, empty database: its
# ``db_url`` is a copy of one made once per test process. A test that asks for ``db_url``
# alone (first use, migrations, the CLI's "created a new database") gets nothing there.
@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def pg_template():
    url, drop = fresh_pg_database()
    open_database(url).dispose()
    yield make_url(url).database
    drop()


def empty_database(backend: str, tmp_path) -> tuple[str, callable | None]:
    """A URL with nothing there yet on ``backend``, and how to drop it (None for a file)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}", None
    return fresh_pg_database()


def copy_database(url: str, tmp_path) -> tuple[str, callable | None]:
    """A copy of the database at ``url`` (no one may be connected to it), and how to drop it:
    a module's tests that each change their data start from one set-up made once."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = tmp_path / "tracker.db"
        # through SQLite's backup: what is still in the write-ahead log is copied too
        with (
            closing(sqlite3.connect(parsed.database)) as source,
            closing(sqlite3.connect(path)) as target,
        ):
            source.backup(target)
        return f"sqlite:///{path}", None
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as admin:
        # a database is copied only when no one is connected to it: the set-up's pools may be
        admin.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": parsed.database},
        )
    server.dispose()
    return fresh_pg_database(parsed.database)


def set_up_once(build):
    """Fixtures for a module whose tests all start from the data ``build(url)`` writes into an
    empty database: ``set_up``, that database, made once per backend, and ``url``, a copy of it
    for each test (which may change its own). Assign both: ``set_up, url = set_up_once(f)``."""

    @pytest.fixture(scope="module", params=BACKENDS, name="set_up")
    def set_up_fixture(request, tmp_path_factory):
        url, drop = empty_database(request.param, tmp_path_factory.mktemp("set_up"))
        yield build(url)
        if drop is not None:
            drop()

    @pytest.fixture(name="url")
    def url_fixture(set_up, tmp_path):
        copy, drop = copy_database(set_up, tmp_path)
        yield copy
        if drop is not None:
            drop()

    return set_up_fixture, url_fixture


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    with_schema = "engine" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "tracker.db"
        if with_schema:
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        template = request.getfixturevalue("pg_template") if with_schema else None
        url, drop = fresh_pg_database(template)
        yield url
        drop()


@pytest.fixture
def engine(db_url):
    engine = open_database(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine, expire_on_commit=False) as session:
        yield session
