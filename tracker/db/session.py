"""Engines and sessions for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import DatabaseError

SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL + busy timeout: the TUI and a CLI can work on the same file at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``, checked by connecting once; DatabaseError if it cannot open."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"cannot parse database URL {url!r}") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(
            f"unsupported database {backend!r}: use sqlite:///PATH or postgresql+psycopg://..."
        )
    kwargs: dict = {}
    if backend == "sqlite":
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot open database {url!r}: {exc}") from None
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "checkin", _sqlite_checkin)
    try:
        with engine.connect():
            pass
    except (OperationalError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseError(
            f"cannot open database {parsed.render_as_string(hide_password=True)}: {reason}"
        ) from None
    return engine


def open_database(url: str, *, migrate: bool = True) -> Engine:
    """Open ``url`` and make sure its schema is the one this code speaks."""
    engine = make_engine(url)
    if migrate:
        from tracker.db.migrate import ensure_schema

        ensure_schema(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """One session, one transaction: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def read_snapshot(session: Session) -> bool:
    """Make every read of ``session`` from now on see the database as it was at the first one:
    a long read done page by page (an export, `list --json`) must not see another process's
    writes between two pages, or an event moved meanwhile comes out twice or not at all.
    PostgreSQL: a REPEATABLE READ, READ ONLY transaction; SQLite: a real (deferred)
    transaction, where pysqlite would read each statement on its own. Only a session that has
    not begun its transaction can take one; False (nothing changed) otherwise."""
    if session.in_transaction():
        return False
    if session.get_bind().dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    else:
        options = {"sqlite_begin": "DEFERRED"}
    session.connection(execution_options=options)
    return True


def _sqlite_begin(conn) -> None:
    # A writer's transaction takes SQLite's write lock when it begins (BEGIN IMMEDIATE): one
    # that read first and wrote later could otherwise fail at once with "database is locked"
    # when another process wrote in between, instead of waiting its turn.
    mode = conn.get_execution_options().get("sqlite_begin")
    if mode:
        conn.connection.dbapi_connection.isolation_level = None  # we say BEGIN ourselves
        conn.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_checkin(dbapi_connection, _record) -> None:
    # None: the connection was invalidated (Ctrl-C in the middle of a statement); an error
    # here would replace the KeyboardInterrupt, and a batch would take it for one article's
    # failure and go on
    if dbapi_connection is not None and dbapi_connection.isolation_level is None:
        dbapi_connection.isolation_level = ""  # back to the driver's own transactions


@contextmanager
def write_transaction(engine: Engine, *, sqlite_begin: str = "IMMEDIATE") -> Iterator[Connection]:
    """One connection, one transaction for a writer: commit on success, roll back on error.

    On SQLite the write lock is taken at BEGIN (waiting up to the busy timeout for other
    writers), so a transaction never fails half-way because another process wrote first.
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin=sqlite_begin)
        with conn.begin():
            yield conn


# Errors that say the database as a whole takes no writes now, whatever is written: SQLite's
# result codes (extended ones start with these) and PostgreSQL's SQLSTATEs
# (read_only_sql_transaction, disk_full, insufficient_privilege).
_SQLITE_UNWRITABLE = (
    "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_CORRUPT",
    "SQLITE_NOTADB", "SQLITE_PERM",
)
_POSTGRESQL_UNWRITABLE = frozenset({"25006", "53100", "42501"})


def unwritable_reason(exc: BaseException) -> str | None:
    """The driver's own words when ``exc`` (a SQLAlchemy or DB-API error) says the database
    cannot be written at all; None for an error of one write (a conflict, a busy file...)."""
    orig = getattr(exc, "orig", None) or exc
    name = getattr(orig, "sqlite_errorname", None)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if (name and name.startswith(_SQLITE_UNWRITABLE)) or state in _POSTGRESQL_UNWRITABLE:
        lines = str(orig).strip().splitlines()
        return lines[0] if lines else type(orig).__name__
    return None


def id_fits(session: Session, column, value: int) -> bool:
    """Whether ``value`` can be an id of ``column`` at all: PostgreSQL INTEGER ids are 32-bit,
    and asking for a larger one is a database error rather than "no such row"."""
    from sqlalchemy import BigInteger

    if value < 1:
        return False
    bits = 64
    if session.get_bind().dialect.name == "postgresql" and not isinstance(column.type, BigInteger):
        bits = 32
    return value < 2 ** (bits - 1)
