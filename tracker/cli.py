"""The command line: a thin shell over tracker.services (heavy imports stay inside commands)."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tracker.errors import TrackerError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from tracker.db.models import Event
    from tracker.domain import When
    from tracker.services.filters import EventFilter
    from tracker.services.reading import Reader

EXIT_BAD_INPUT = 2
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EXIT_PARTLY = 1  # a batch where some items went in and some failed
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it


def echo(text: object = "", **kwargs) -> None:
    """Print text that may carry article or user data (titles, names, notes, paths, URLs,
    error messages): no escape sequence, control or bidi character reaches the terminal."""
    from tracker.text_safety import clean

    click.echo(clean(text, one_line=False), **kwargs)


echo_plain = echo  # the name other commands use


def to_json(data: object, **kwargs) -> str:
    """JSON for scripts: the same data, with every character a terminal would act on written
    as a \\uXXXX escape (json.dumps leaves C1 and bidi controls raw)."""
    from tracker.text_safety import escape_json

    return escape_json(json.dumps(data, ensure_ascii=False, **kwargs))


def fail(message: str) -> NoReturn:
    echo(f"tracker: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


class TrackerGroup(click.Group):
    """Turns every expected failure into one line on stderr and exit code 2."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Click's usage errors (a bad option value, a missing argument, an unknown command)
        as one line naming the help to read, not click's usage block of three or four."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            path = exc.ctx.command_path.split()[1:] if exc.ctx is not None else []
            where = " ".join(["tracker", *path])  # (whatever name the program was run by)
            message = exc.format_message().rstrip(".")
            echo(f"tracker: error: {message}; see '{where} --help'", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (click.Abort, EOFError, KeyboardInterrupt):
            echo("Aborted!", err=True)
            sys.exit(1)
        # standalone, click would end the process: with the code of an exit a command or an
        # option (--help, --version) asked for, else 0
        sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            super().invoke(ctx)
            return None  # (what a command returns is no exit code: see main)
        except TrackerError as exc:
            fail(str(exc))
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # the reader of the output went away (`| head`): click ends quietly
            fail(_system_failure(exc))
        except Exception as exc:
            driver = _driver_failure(exc)
            if driver is not None:
                fail(driver)
            # SQLAlchemy's errors, checked without importing it: a command that never loaded
            # it (the fast paths) cannot raise them
            if "sqlalchemy" not in sys.modules:
                raise
            from sqlalchemy.exc import OperationalError, SQLAlchemyError
            from sqlalchemy.orm.exc import StaleDataError

            if isinstance(exc, StaleDataError):
                fail(
                    "the event was changed by someone else at the same time; nothing was written"
                )
            if isinstance(exc, OperationalError):
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
                fail(_database_failure(reason, operational=True))
            if isinstance(exc, SQLAlchemyError):
                fail(f"database error: {str(exc).splitlines()[0]}")
            raise


def _system_failure(exc: OSError) -> str:
    """The line for an error of the system (a full disk, an I/O error on the output...)."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{reason}: {exc.filename}" if exc.filename else f"system error: {reason}"


def _database_failure(reason: str, operational: bool) -> str:
    """The line a database error becomes (on either path)."""
    if operational and ("locked" in reason or "could not serialize" in reason):
        return f"the database is busy ({reason}); nothing was written, try again"
    return f"database error: {reason}"


def _driver_failure(exc: Exception) -> str | None:
    """The line for an error of the DB-API drivers the fast paths use (tracker.services.reading
    and writing: sqlite3, psycopg2 or psycopg), as the services' errors read; None for any
    other error. Checked without importing a driver the command did not load."""
    for module in map(sys.modules.get, ("sqlite3", "psycopg2", "psycopg")):
        if module is not None and isinstance(exc, module.Error):
            lines = str(exc).strip().splitlines()
            return _database_failure(
                lines[0] if lines else type(exc).__name__,
                isinstance(exc, module.OperationalError),
            )
    return None


class BoundedInt(click.ParamType):
    """A whole number within [low, high]; anything else is one error line (exit 2), never a
    traceback from a database that cannot hold it."""

    name = "integer"

    def __init__(self, low: int, high: int, what: str | None = None) -> None:
        self.low, self.high, self.what = low, high, what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            try:
                number = int(text, 10)
            except ValueError:
                number = None
            if number is None or len(text) > 40:
                raise TrackerError(f"{self._name(param)} must be a whole number, not {value!r}")
        if not self.low <= number <= self.high:
            shown = str(number) if len(str(number)) <= 30 else str(number)[:27] + "…"
            raise TrackerError(
                f"{self._name(param)} must be between {self.low} and {self.high} (got {shown})"
            )
        return number

    def _name(self, param: click.Parameter | None) -> str:
        if self.what:
            return self.what
        if param is None:
            return "the value"
        if isinstance(param, click.Option):
            return param.opts[0]
        return (param.name or "value").upper()


# ids are 64-bit integers in both backends
MAX_ID = 2**63 - 1
MAX_LIMIT = 1_000_000_000
EVENT_ID = BoundedInt(1, MAX_ID, "the event id")
ARTICLE_ID = BoundedInt(1, MAX_ID, "the article id")
LIMIT = BoundedInt(1, MAX_LIMIT)


class Context:
    def __init__(self, db: str | None) -> None:
        self.db = db
        self._engine: Engine | None = None

    def url(self) -> str:
        from tracker.config import database_url

        return database_url(self.db)

    def engine(self) -> Engine:
        if self._engine is None:
            from tracker.db.session import open_database

            self._engine = self._opening(open_database)
        return self._engine

    def reader(self, filt: EventFilter | None = None) -> Reader | None:
        """The fast read path (no SQLAlchemy) when it can serve ``filt``; None: use engine()."""
        from tracker.services.reading import open_reader

        reader = open_reader(self.url())
        if reader is not None and filt is not None and not reader.serves(filt):
            reader.close()
            return None
        return reader

    def bare_engine(self) -> Engine:
        """The database without a schema check (for `tracker db`)."""
        from tracker.db.session import make_engine

        return self._opening(make_engine)

    def _opening(self, opener) -> Engine:
        from tracker.config import new_sqlite_file

        url = self.url()
        created = new_sqlite_file(url)
        engine = opener(url)
        if created is not None and created.exists():
            # a mistyped path would otherwise silently start an empty timeline
            echo(f"tracker: created a new database at {created}", err=True)
        return engine


pass_context = click.make_pass_decorator(Context)


def parse_when_option(text: str, what: str = "date", direction: str = "nearest") -> When:
    """A time typed on the command line; ``direction`` places one given without its year
    ("March", "Friday"): forward for planned events, backward for what happened."""
    if _ISO_DAY.fullmatch(text.strip()):
        # the form scripts give, read without loading the date parser (as it reads it)
        with suppress(ValueError):
            from tracker.domain import When

            day = dt.date.fromisoformat(text.strip())
            return When(day, day, "day")
    from tracker.extract.dates import parse_when

    when = parse_when(text, direction=direction)
    if when is None:
        raise TrackerError(
            f'cannot understand the {what} {text!r} (e.g. "next Friday", "4 Dec", '
            f'"early March 2027", "Q1 2027"; years 1-9999)'
        )
    return when


def parse_day_option(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    when = parse_when_option(text, what, "backward")
    if when.precision != "day":
        raise TrackerError(f"the {what} {text!r} is not a single day")
    return when.start


def describe_when(event: Event) -> str:
    from tracker.domain import event_when, when_label

    return when_label(event_when(event), event.timeline_date)


def actors_text(event: Event) -> str:
    return ", ".join(p.actor.name for p in event.participations)


def event_json(event: Event) -> dict:
    from tracker.domain import event_when, is_undated

    when = event_when(event)
    undated = is_undated(event.timeline_date)
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "title": event.title,
        "when": when.to_json() if when else None,
        # null for an undated event (the timeline shows it in its undated section)
        "timeline_date": None if undated else event.timeline_date.isoformat(),
        "actors": [{"name": p.actor.name, "role": p.role} for p in event.participations],
        "origin": event.origin,
        "confidence": round(event.confidence, 2),
        "version": event.version,
        "notes": event.notes,
    }


@click.group(cls=TrackerGroup, invoke_without_command=True)
@click.option(
    "--db",
    metavar="URL",
    # no envvar here: tracker.config reads TRACKER_DATABASE_URL, so an error names the one
    # the URL came from
    help="Database URL (sqlite:///PATH or postgresql+psycopg://...). "
    "Default: $TRACKER_DATABASE_URL, else a SQLite file in your data folder.",
)
@click.version_option(package_name="tracker")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Track diplomatic events: ingest articles, browse and edit the timeline.

    Run without a command to open the timeline.
    """
    ctx.obj = Context(db)
    if ctx.invoked_subcommand is None:
        ctx.invoke(ui)


@cli.command()
@pass_context
def ui(obj: Context) -> None:
    """Open the timeline (the terminal app)."""
    engine = obj.engine()
    from tracker.tui.app import run

    run(engine)


NEW_ACTOR_OPTION = click.option(
    "--new-actor",
    "new_actors",
    multiple=True,
    metavar="NAME[:ROLE]",
    help="Like --actor, but creates NAME as a new actor (a person; fix it with "
    "`tracker actors edit`) when no actor is known by it.",
)


def _actor_roles(actors: tuple[str, ...], new_actors: tuple[str, ...]) -> list:
    from dataclasses import replace

    from tracker.domain import parse_actor_role

    roles = [parse_actor_role(spec) for spec in actors]
    return roles + [replace(parse_actor_role(spec), new=True) for spec in new_actors]


@contextmanager
def _unknown_actor_hint() -> Iterator[None]:
    """Adds to an unknown-actor error how to create the name on purpose."""
    from tracker.services.actors import UnknownActorError

    try:
        yield
    except UnknownActorError as exc:
        first = exc.unknown[0][0]
        raise TrackerError(f"{exc}; to record a new actor, use --new-actor {first!r}") from None


@cli.command()
@click.option("--type", "type_", required=True, help="Event type, e.g. call, meeting, sanctions.")
@click.option("--status", default="planned", show_default=True, help="Initial status.")
@click.option(
    "--actor",
    "actors",
    multiple=True,
    metavar="NAME[:ROLE]",
    help="An actor and its role (initiator, target, participant); repeat for more.",
)
@NEW_ACTOR_OPTION
@click.option("--title", help="A short title (default: made from type and actors).")
@click.option(
    "--when", "when_text", metavar="WHEN", help='When, e.g. "next Tuesday", "March 2025".'
)
@click.option("--note", help="Why you record it (kept with the first status).")
@click.option("--json", "as_json", is_flag=True, help="Print the new event as JSON.")
@pass_context
def add(obj, type_, status, actors, new_actors, title, when_text, note, as_json) -> None:
    """Record an event by hand.

    An --actor is a known actor, an alias ("the Kremlin") or a gazetteer name ("Germany");
    a name nobody knows is refused with close names, unless given as --new-actor.
    """
    from tracker.domain import check_status, check_type, direction_for_status

    check_type(type_)
    status = check_status(status)
    roles = _actor_roles(actors, new_actors)
    direction = direction_for_status(status)  # "March", planned: the next March
    when = parse_when_option(when_text, "time", direction) if when_text else None
    today = dt.date.today()

    def show(event) -> None:
        if as_json:
            echo(to_json(event_json(event)))
        else:
            echo(
                f"added event {event.id}: {event.type}, {event.status}, {describe_when(event)}"
            )

    reader = obj.reader()
    if reader is not None:  # the fast path: no SQLAlchemy
        from tracker.services.writing import add_event as add_fast

        with reader:
            event_id = add_fast(
                reader, type=type_, status=status, actors=roles, title=title, when=when,
                note=note, today=today,
            )  # fmt: skip
            event = reader.get_event(event_id) if event_id is not None else None
        if event is not None:
            show(event)
            return
    from tracker.db.session import unit_of_work
    from tracker.services.events import add_event, get_event

    with _unknown_actor_hint(), unit_of_work(obj.engine()) as session:
        event = add_event(
            session,
            type=type_,
            status=status,
            actors=roles,
            title=title,
            when=when,
            note=note,
            typed_actors=True,
            today=today,
        )
        event_id = event.id
    with unit_of_work(obj.engine()) as session:
        show(get_event(session, event_id))


def _time_range(text: str, prefix: str, what: str) -> tuple[dt.date | None, dt.date | None]:
    """A --since/--until/--during option through the same parser as the timeline's filter:
    (since, until)."""
    phrase = " ".join(text.split())
    if _ISO_DAY.fullmatch(phrase):
        # the form scripts give, read without loading the date parser (as it reads it: "since
        # D" starts on D, "until D" ends on D, "D" is that day)
        with suppress(ValueError):
            day = dt.date.fromisoformat(phrase)
            return (day if prefix != "until" else None, day if prefix != "since" else None)
    from tracker.extract.dates import parse_range

    if prefix and not phrase.lower().startswith(prefix + " "):
        phrase = f"{prefix} {phrase}"
    found = parse_range(phrase, dt.date.today())
    if found is None:
        raise TrackerError(f"cannot understand the {what} {text!r}")
    return found.since, found.until


def _build_filter(actor, type_, status, since, until, during, search, undated=False):
    from tracker.domain import check_status, check_type
    from tracker.services.filters import EventFilter

    start = end = None
    if during:
        start, end = _time_range(during, "", "time range")
    if since:
        start = _time_range(since, "since", "start")[0]
    if until:
        end = _time_range(until, "until", "end")[1]
    return EventFilter(
        actors=tuple(actor),
        types=tuple(check_type(t) for t in type_),
        statuses=tuple(check_status(s) for s in status),
        since=start,
        until=end,
        text=search or "",
        undated=undated,
    )


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    widths[-1] = len(headers[-1])  # the last column is free text: never pad it
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


LIST_TABLE_LIMIT = 200
JSON_PAGE = 500


def filter_options(command):
    """The event filters `list` and `export` share."""
    options = [
        click.option("--actor", multiple=True,
                     help="Only events involving this actor (aliases work)."),
        click.option("--type", "type_", multiple=True,
                     help="Only this type; repeat for several."),
        click.option("--status", multiple=True, help="Only this status; repeat for several."),
        click.option("--since", metavar="WHEN",
                     help='From this time on, e.g. "last month", "2025-01-01".'),
        click.option("--until", metavar="WHEN", help="Up to this time."),
        click.option("--during", metavar="WHEN",
                     help='Within this period, e.g. "March 2025", "2024".'),
        click.option("--search", "-s", metavar="WORDS",
                     help="Free-text search in titles and actors."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command(name="list")
@filter_options
@click.option(
    "--undated",
    is_flag=True,
    help="Undated events (their articles have no date): only them, or with "
    "--since/--until/--during those and the range's events.",
)
@click.option(
    "--limit",
    type=LIMIT,
    help=f"At most this many events (default: {LIST_TABLE_LIMIT} in the table, "
    "all of them with --json/--jsonl).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of every match.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object a line.")
@pass_context
def list_(
    obj, actor, type_, status, since, until, during, search, undated, limit, as_json, as_jsonl
):
    """List events in time order, with filters."""
    if as_json and as_jsonl:
        raise TrackerError("--json and --jsonl cannot be used together")
    filt = _build_filter(actor, type_, status, since, until, during, search, undated)
    reader = obj.reader(filt)
    if reader is not None:
        with reader:
            _print_events(reader, filt, limit, as_json, as_jsonl)
        return
    from sqlalchemy.orm import Session

    with Session(obj.engine()) as session:
        _print_events(_ServiceEvents(session), filt, limit, as_json, as_jsonl)


class _ServiceEvents:
    """tracker.services.query on a session, with the fast reader's (services.reading) methods."""

    def __init__(self, session) -> None:
        self.session = session

    def list_events(self, filt, *, limit: int) -> list:
        from tracker.services.query import list_events

        return list_events(self.session, filt, limit=limit)

    def count_events(self, filt) -> int:
        from tracker.services.query import count_events

        return count_events(self.session, filt)

    def iter_events(self, filt, *, limit: int | None, page_size: int):
        from tracker.services.query import iter_events

        return iter_events(self.session, filt, limit=limit, page_size=page_size)


def _print_events(source, filt, limit: int | None, as_json: bool, as_jsonl: bool) -> None:
    """`tracker list`'s output from ``source`` (a fast reader or the services)."""
    if as_json or as_jsonl:
        _print_json_events(source, filt, limit, lines=as_jsonl)
        return
    limit = limit or LIST_TABLE_LIMIT
    events = source.list_events(filt, limit=limit)
    if not events:
        echo("no events match" if not filt.is_empty() else "no events yet")
        return
    rows = [
        [
            str(e.id),
            describe_when(e),
            e.type,
            e.status,
            _one_line(actors_text(e), 40),
            _one_line(e.title, 60),
        ]
        for e in events
    ]
    echo_plain(_table(rows, ["ID", "WHEN", "TYPE", "STATUS", "ACTORS", "TITLE"]))
    # fewer than the limit are all of them: count only when there may be more
    total = source.count_events(filt) if len(events) == limit else len(events)
    if total > len(events):
        echo(f"… {total - len(events)} more (use --limit, or --json for all)")


def _print_json_events(source, filt, limit: int | None, *, lines: bool) -> None:
    """Every match as JSON, written as it is read (an array, or JSON Lines); with --limit,
    a note on stderr says when the output is not all of them."""
    written = 0
    if not lines:
        echo("[", nl=False)
    for event in source.iter_events(filt, limit=limit, page_size=JSON_PAGE):
        text = to_json(event_json(event))
        if lines:
            echo(text)
        else:
            echo(("\n  " if written == 0 else ",\n  ") + text, nl=False)
        written += 1
    if not lines:
        echo("\n]" if written else "]")
    if limit is not None and written == limit:
        total = source.count_events(filt)
        if total > written:
            echo(
                f"tracker: note: partial output, {written} of {total} matching events "
                "(--limit); leave --limit out for all of them",
                err=True,
            )


@cli.command()
@click.argument("event_id", type=EVENT_ID)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def show(obj, event_id, as_json) -> None:
    """Everything about one event: actors, time, evidence, status history."""
    reader = obj.reader()
    if reader is not None:
        with reader:
            event = reader.get_event(event_id)
        if event is not None:
            _print_event_details(event, as_json)
            return
    # not found (perhaps merged away), or no fast path: the services say what became of it
    from sqlalchemy.orm import Session

    from tracker.db.models import Event
    from tracker.errors import NotFoundError
    from tracker.services.events import get_event, merged_into

    with Session(obj.engine()) as session:
        try:
            event = get_event(session, event_id)
        except NotFoundError:
            # an id kept from before a merge leads to the event it became
            target = merged_into(session, event_id)
            if target is None or session.get(Event, target) is None:
                raise
            click.echo(f"event {event_id} was merged into {target}", err=True)
            event = get_event(session, target)
        _print_event_details(event, as_json)


def _print_event_details(event, as_json: bool) -> None:
    """`tracker show`'s output for an event (an ORM object, or a services.reading record)."""
    from tracker.domain import day_label, effective_label, history_order, moved_text, previous_when

    history = sorted(event.status_changes, key=history_order)
    if as_json:
        data = event_json(event)
        data["mentions"] = [
            {
                "article": m.article.title,
                "source": m.article.source,
                "published": m.article.published.isoformat() if m.article.published else None,
                "sentence": m.sentence,
                "offsets": [m.start_offset, m.end_offset],
                "implied_status": m.implied_status,
            }
            for m in event.mentions
        ]
        data["history"] = [
            {
                "from": c.from_status,
                "to": c.to_status,
                "effective": c.effective_at.isoformat() if c.effective_at else None,
                "precision": c.effective_precision,
                "recorded_at": c.recorded_at.isoformat(timespec="seconds"),
                "note": c.note,
                "mention_id": c.mention_id,
                "previous_when": moved.to_json() if (moved := previous_when(c)) else None,
            }
            for c in history
        ]
        echo(to_json(data, indent=2))
        return
    out = [
        f"Event {event.id}: {event.title}",
        f"  type      {event.type}",
        f"  status    {event.status}",
        f"  when      {describe_when(event)}",
        f"  origin    {event.origin} "
        f"(confidence {event.confidence:.2f}, version {event.version})",
    ]
    if event.notes:
        out.append(f"  notes     {event.notes}")
    out.append("Actors:")
    out += [f"  {p.actor.name} ({p.role})" for p in event.participations] or ["  (none)"]
    out.append("Evidence:")
    for m in event.mentions:
        published = day_label(m.article.published) if m.article.published else "undated"
        out.append(f"  {m.article.title} ({published}) says it is {m.implied_status}:")
        out.append(f"    “{' '.join(m.sentence.split())}”")
        out.append(f"    source: {m.article.source}")
    if not event.mentions:
        out.append("  (entered by hand)")
    out.append("Status history:")
    for c in history:
        when = effective_label(c.effective_at, c.effective_precision)
        source = ""
        if c.mention is not None:
            source = f"  from “{_one_line(c.mention.article.title, 50)}”"
        if c.note:
            source += f"  note: {c.note}"
        if (moved := moved_text(c)) is not None:
            source += f"  {moved}"
        recorded = c.recorded_at.strftime("%Y-%m-%d %H:%M")
        out.append(
            f"  {when:<14}  {c.from_status or '—'} → {c.to_status}"
            f"  (recorded {recorded}){source}"
        )
    echo_plain("\n".join(out))


@cli.command()
@click.argument("event_id", type=EVENT_ID)
@click.argument("status")
@click.option(
    "--at",
    "at_text",
    metavar="WHEN",
    help="When it took effect (default: today; for occurred, the event's time if it has come).",
)
@click.option(
    "--keep-time",
    is_flag=True,
    help="Occurred at another time than planned: keep the event's time (default: move it).",
)
@click.option("--note", help="Why: your source or reasoning.")
@pass_context
def status(obj, event_id, status, at_text, keep_time, note) -> None:
    """Record a status change (the history keeps every change).

    Marking an event occurred at another time than its own moves the event there; the
    history keeps the time it was planned for. An occurred time after today is refused.
    """
    from tracker.domain import check_status, effective_label, previous_when

    status = check_status(status)
    at = parse_when_option(at_text, "time", "backward") if at_text else None

    def message(event, change) -> str:
        current = event.status
        effective = effective_label(change.effective_at, change.effective_precision)
        moved_from = previous_when(change)
        text = f"event {event_id}: {change.from_status} → {status} ({effective})"
        if moved_from is not None:
            text += (
                f"; moved from {moved_from.label()} to {describe_when(event)} "
                "(the history keeps the old time)"
            )
        if current != status:
            text += f" (recorded; the current status stays {current}: a later change exists)"
        return text

    reader = obj.reader()
    if reader is not None:  # the fast path: no SQLAlchemy
        from tracker.services.writing import change_status as change_fast

        with reader:
            done = change_fast(reader, event_id, status, at=at, note=note, keep_time=keep_time)
        if done is not None:
            echo(message(done.event, done.change))
            return
    # not there (perhaps merged away), or no fast path: the services say what became of it
    from tracker.db.session import unit_of_work
    from tracker.services.events import change_status

    with unit_of_work(obj.engine()) as session:
        change = change_status(session, event_id, status, at=at, note=note, keep_time=keep_time)
        text = message(change.event, change)
    echo(text)


@cli.command()
@click.argument("event_id", type=EVENT_ID)
@click.option("--type", "type_", help="New type.")
@click.option("--title", help="New title.")
@click.option("--when", "when_text", metavar="WHEN", help="New time, in plain language.")
@click.option("--no-when", is_flag=True, help="Forget the time (date unknown).")
@click.option("--actor", "actors", multiple=True, metavar="NAME[:ROLE]", help="Replace the actors.")
@NEW_ACTOR_OPTION
@click.option("--notes", help="Your own remarks on the event (empty text clears them).")
@pass_context
def edit(obj, event_id, type_, title, when_text, no_when, actors, new_actors, notes) -> None:
    """Change an event's type, title, time or actors."""
    from tracker.db.session import unit_of_work
    from tracker.domain import direction_for_status
    from tracker.services.events import edit_event, event_when, get_event

    if when_text and no_when:
        raise TrackerError("--when and --no-when cannot be used together")
    if title is not None and not title.strip():
        raise TrackerError("a title cannot be empty (leave --title out to keep it)")
    if not any([type_, title, when_text, no_when, actors, new_actors, notes is not None]):
        raise TrackerError(
            "nothing to change: give --type, --title, --when, --no-when, --actor or --notes"
        )
    roles = _actor_roles(actors, new_actors) if actors or new_actors else None
    with _unknown_actor_hint(), unit_of_work(obj.engine()) as session:
        when = None
        if when_text:  # "March" for a planned event is the next March
            direction = direction_for_status(get_event(session, event_id).status)
            when = parse_when_option(when_text, "time", direction)
        event = edit_event(
            session,
            event_id,
            type=type_,
            title=title,
            when=when,
            clear_when=no_when,
            actors=roles,
            notes=notes,
            typed_actors=True,
            today=dt.date.today(),
        )
        message = f"event {event_id} updated"
        if when is not None or no_when:
            from tracker.domain import when_label

            message += f": {when_label(event_when(event), event.timeline_date)}"
    echo(message)


@cli.command()
@click.argument("event_id", type=EVENT_ID)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def delete(obj, event_id, yes) -> None:
    """Delete an event with its evidence and history."""
    from tracker.db.session import unit_of_work
    from tracker.domain import clean
    from tracker.services.events import delete_event, get_event

    with unit_of_work(obj.engine()) as session:
        event = get_event(session, event_id)
        label = f"event {event.id} ({event.type}, {event.status}: {clean(event.title)})"
        if not yes and not click.confirm(f"Delete {label}?", default=False, err=True):
            echo("nothing deleted", err=True)
            sys.exit(1)
        delete_event(session, event_id)
    echo_plain(f"deleted {label}")


@cli.command()
@click.argument("first_id", type=EVENT_ID)
@click.argument("second_id", type=EVENT_ID)
@click.option("--note", help="Why they are the same event (kept in the history).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def merge(obj, first_id, second_id, note, yes) -> None:
    """Merge two events that are one (e.g. told by two articles).

    The older id stays; the other's evidence, actors and status history move to it, and its
    id keeps leading there ("event N was merged into M").
    """
    from tracker.db.session import unit_of_work
    from tracker.domain import clean
    from tracker.services.events import get_event, merge_events

    if first_id == second_id:  # refused before the question, as merge_events would
        raise TrackerError(f"cannot merge event {first_id} with itself")
    with unit_of_work(obj.engine()) as session:
        kept = get_event(session, min(first_id, second_id))
        gone = get_event(session, max(first_id, second_id))
        question = (
            f"Merge event {gone.id} ({gone.type}, {gone.status}: {clean(gone.title)}) into "
            f"event {kept.id} ({kept.type}, {kept.status}: {clean(kept.title)})?"
        )
        if not yes and not click.confirm(question, default=False, err=True):
            click.echo("nothing merged", err=True)
            sys.exit(1)
        result = merge_events(session, first_id, second_id, note=note)
        status_now = get_event(session, result.kept_id).status
    click.echo(
        f"merged event {result.merged_id} into {result.kept_id}: "
        f"{result.mentions_moved} mentions and {result.changes_moved} status changes moved; "
        f"status {status_now}"
    )


@cli.group(cls=TrackerGroup, invoke_without_command=True)
@click.pass_context
def actors(ctx: click.Context) -> None:
    """List actors, add one, fix one, give one an alias, merge two."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(actors_list)


@actors.command(name="list")
@click.argument("prefix", required=False)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def actors_list(obj, prefix=None, limit=None, as_json=False) -> None:
    """Actors with their aliases and event counts (optionally by name prefix)."""
    from sqlalchemy.orm import Session

    from tracker.services.actors import list_actors

    with Session(obj.engine()) as session:
        # one more than asked, to say that more are left
        found = list_actors(session, prefix, None if limit is None else limit + 1)
    more = limit is not None and len(found) > limit
    found = found[:limit] if more else found
    if as_json:
        echo(to_json([a.__dict__ for a in found], indent=2))
        return
    if not found:
        echo("no actors" + (f" matching {prefix!r}" if prefix else " yet"))
        return
    rows = [
        [str(a.id), a.name, a.kind, a.country or "", str(a.events), ", ".join(a.aliases)]
        for a in found
    ]
    echo_plain(_table(rows, ["ID", "NAME", "KIND", "COUNTRY", "EVENTS", "ALIASES"]))
    if more:
        echo(f"… more actors after these {limit} (a larger --limit shows them)")


@actors.command(name="add")
@click.argument("name")
@click.option(
    "--kind", default="person", show_default=True, help="person, state, organisation or group."
)
@click.option("--country", help="Two-letter country code.")
@click.option("--alias", "aliases", multiple=True, help="Another name for it; repeat for more.")
@pass_context
def actors_add(obj, name, kind, country, aliases) -> None:
    """Add an actor."""
    from tracker.db.session import unit_of_work
    from tracker.services.actors import add_actor

    with unit_of_work(obj.engine()) as session:
        actor = add_actor(session, name, kind=kind, country=country, aliases=list(aliases))
        echo(f"added actor {actor.id}: {actor.name} ({actor.kind})")


@actors.command(name="edit")
@click.argument("actor", metavar="ID|NAME")
@click.option("--name", help="The actor's name from now on (the old one stays as an alias).")
@click.option("--kind", help="person, state, organisation or group.")
@click.option("--country", help='Two-letter country code ("" clears it).')
@pass_context
def actors_edit(obj, actor, name, kind, country) -> None:
    """Fix an actor's name, kind or country."""
    from tracker.db.session import unit_of_work
    from tracker.services.actors import edit_actor

    if name is None and kind is None and country is None:
        raise TrackerError("nothing to change: give --name, --kind or --country")
    with unit_of_work(obj.engine()) as session:
        edited = edit_actor(session, actor, name=name, kind=kind, country=country)
        aliases = ", ".join(sorted(a.alias for a in edited.aliases))
        line = f"actor {edited.id}: {edited.name} ({edited.kind}, {edited.country or 'no country'})"
    echo_plain(line + (f"; also known as {aliases}" if aliases else ""))


@actors.command(name="alias")
@click.argument("name")
@click.argument("alias")
@pass_context
def actors_alias(obj, name, alias) -> None:
    """Make ALIAS another name of the actor NAME."""
    from tracker.db.session import unit_of_work
    from tracker.services.actors import add_alias

    with unit_of_work(obj.engine()) as session:
        actor = add_alias(session, name, alias)
        echo(f"{alias!r} now names {actor.name}")


@actors.command(name="merge")
@click.argument("keep")
@click.argument("absorb")
@pass_context
def actors_merge(obj, keep, absorb) -> None:
    """Merge ABSORB into KEEP: its events and names all go to KEEP."""
    from tracker.db.session import unit_of_work
    from tracker.services.actors import merge_actors

    with unit_of_work(obj.engine()) as session:
        kept = merge_actors(session, keep, absorb)
        echo(f"merged {absorb!r} into {kept.name}")


@cli.group(cls=TrackerGroup)
def db() -> None:
    """The database schema (Alembic migrations)."""


@db.command(name="upgrade")
@click.argument("revision", default="head")
@pass_context
def db_upgrade(obj, revision) -> None:
    """Migrate the database to REVISION (default: the latest)."""
    from tracker.db import migrate

    engine = obj.bare_engine()
    before = migrate.current_revision(engine)
    if before is not None and before not in migrate.known_revisions(engine):
        raise TrackerError(f"the database schema ({before}) is newer than this tracker")
    migrate.upgrade(engine, revision)
    after = migrate.current_revision(engine)
    echo(
        f"schema {before or 'empty'} → {after}"
        if before != after
        else f"schema {after}: up to date"
    )


@db.command(name="current")
@pass_context
def db_current(obj) -> None:
    """Show the database's schema revision and the code's."""
    from tracker.db import migrate

    engine = obj.bare_engine()
    current = migrate.current_revision(engine)
    head = migrate.head_revision(engine)
    state = "up to date" if current == head else f"code expects {head}"
    echo(f"{engine.url.render_as_string(hide_password=True)}: {current or 'empty'} ({state})")


def _short_source(source: str, width: int = 40) -> str:
    """The end of a long path or URL: where it is from shows in its last part."""
    source = " ".join(source.split())
    return source if len(source) <= width else "…" + source[-(width - 1) :]


@cli.command(name="articles")
@click.option("--undated", is_flag=True, help="Only articles where no date was found.")
@click.option("--limit", type=LIMIT, help="At most this many articles (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def articles_list(obj, undated, limit, as_json) -> None:
    """Articles read so far: date (or "no date found"), source and event count."""
    from sqlalchemy.orm import Session

    from tracker.services.articles import count_articles, list_articles

    with Session(obj.engine()) as session:
        found = list_articles(session, undated=undated, limit=limit)
        if as_json:
            click.echo(json.dumps([a.to_json() for a in found], ensure_ascii=False, indent=2))
            total = count_articles(session, undated=undated)
            if total > len(found):
                click.echo(
                    f"tracker: note: partial output, {len(found)} of {total} articles (--limit)",
                    err=True,
                )
            return
        if not found:
            click.echo("no articles without a date" if undated else "no articles yet")
            return
        rows = [
            [
                str(a.id),
                a.date_text,
                a.date_source or "?",
                str(a.events),
                _short_source(a.source),
                _one_line(a.title, 70),
            ]
            for a in found
        ]
        echo_plain(_table(rows, ["ID", "DATE", "FROM", "EVENTS", "SOURCE", "TITLE"]))
        total = count_articles(session, undated=undated)
        if total > len(found):
            click.echo(f"… {total - len(found)} more (use --limit)")


@cli.group(cls=TrackerGroup)
def article() -> None:
    """One article: show it, correct its date."""


@article.command(name="show")
@click.argument("article_id", type=ARTICLE_ID)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def article_show(obj, article_id, as_json) -> None:
    """An article's source, date and where it came from, and its events with their sentences."""
    from sqlalchemy.orm import Session

    from tracker.services.articles import article_details

    with Session(obj.engine()) as session:
        details = article_details(session, article_id)
    summary = details.summary
    if as_json:
        data = summary.to_json()
        data["events_found"] = [
            {
                "event_id": m.event_id,
                "type": m.type,
                "status": m.status,
                "title": m.title,
                "when": m.when_text,
                "sentence": m.sentence,
                "implied_status": m.implied_status,
                "offsets": [m.start, m.end],
            }
            for m in details.mentions
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out = [
        f"Article {summary.id}: {summary.title}",
        f"  source    {summary.source}",
        f"  date      {summary.date_text} ({details.date_source_text})",
        f"  ingested  {summary.ingested_at:%Y-%m-%d %H:%M}",
        f"Events ({summary.events}):",
    ]
    for m in details.mentions:
        out.append(f"  #{m.event_id} {m.type}, {m.status}, {m.when_text}: {m.title}")
        out.append(f"    says it is {m.implied_status}: “{' '.join(m.sentence.split())}”")
    if not details.mentions:
        out.append("  (none found)")
    if summary.published is None:
        out.append(f"Give it a date with: tracker article set-date {summary.id} DATE")
    echo_plain("\n".join(out))


@article.command(name="set-date")
@click.argument("article_id", type=ARTICLE_ID)
@click.argument("date")
@pass_context
def article_set_date(obj, article_id, date) -> None:
    """Correct an article's publication date; its events are read again against it."""
    from tracker.db.session import unit_of_work
    from tracker.services.articles import get_article, set_article_date

    day = parse_day_option(date, "publication date")
    with unit_of_work(obj.engine()) as session:
        before = get_article(session, article_id).published
        outcome = set_article_date(session, article_id, day, today=dt.date.today())
    was = before.isoformat() if before else "no date found"
    click.echo(f"article {article_id}: date {was} → {day.isoformat()}")
    echo_plain(outcome.summary())


@cli.command()
@click.argument("article_ids", nargs=-1, type=ARTICLE_ID, metavar="[ID...]")
@click.option("--all", "all_", is_flag=True, help="Every article.")
@pass_context
def reextract(obj, article_ids, all_) -> None:
    """Run the current extractor over articles again and reconcile their events.

    New events and mentions are added (merged as ingestion merges them), mentions that no
    longer hold are removed, and an event left with no mention goes, unless a person
    entered or changed it (edits, notes, status changes by hand are never lost).
    """
    from tracker.services.articles import ReextractReport, reextract_articles

    if all_ and article_ids:
        raise TrackerError("give article ids or --all, not both")
    if not all_ and not article_ids:
        raise TrackerError("give article ids (see `tracker articles`) or --all")
    engine = obj.engine()
    ids = None if all_ else list(dict.fromkeys(article_ids))
    done = ReextractReport()

    def progress(_done, _total, outcome) -> None:
        done.outcomes.append(outcome)
        echo_plain(outcome.summary())  # one line per article as it is done: progress shows

    try:
        report = reextract_articles(engine, ids, progress=progress)
    except KeyboardInterrupt:
        # one transaction per article: the one being read again was rolled back
        click.echo(done.summary())
        echo(
            "tracker: interrupted; the articles listed are re-extracted, the others are as "
            "they were: run it again for the rest",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    click.echo(report.summary())
    # as ingest: 1 when some articles failed and some went through, 2 when none went through
    if report.failed:
        sys.exit(EXIT_PARTLY if len(report.failed) < len(report.outcomes) else EXIT_BAD_INPUT)


def _read_article_file(path: str) -> str:
    from pathlib import Path

    from tracker.services.ingest import read_article_text
    from tracker.sources import is_url

    if not path.strip():
        raise TrackerError("an empty path names no file")  # Path("") is the current folder
    try:
        if path == "-":  # pasted or piped in
            from tracker.services.ingest import read_article_stream

            return read_article_stream(sys.stdin.buffer)
        if is_url(path):
            from tracker.services.web import read_web_page
            from tracker.sources.fetch import fetch
            from tracker.sources.pages import article_text

            page = read_web_page(fetch(path))
            return article_text(page.title, page.published, page.text)
        return read_article_text(Path(path))
    except TrackerError as exc:
        raise TrackerError(f"{'standard input' if path == '-' else path}: {exc}") from None


@cli.command()
@click.argument("article", metavar="ARTICLE")
@click.option("--published", metavar="DATE", help="Publication date (fills or overrides).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of docs/events.md.")
def extract(article, published, as_json) -> None:
    """Show the events found in one article: a file, an http(s) URL, or - for standard input
    (writes nothing)."""
    from tracker.extract import extract as run_extract
    from tracker.extract.articles import reads_as_english

    day = parse_day_option(published, "publication date") if published else None
    text = _read_article_file(article)
    result = run_extract(text, published=day, source=article)
    if as_json:
        echo(to_json(result.to_json(), indent=2))
        return
    art = result.article
    echo_plain(art.title)
    echo(f"published: {art.published.isoformat() if art.published else 'unknown'}")
    echo(f"{len(result.events)} events")
    if not result.events and not reads_as_english(art.body):
        echo("note: the text does not read as English, the language the extractor reads")
    for e in result.events:
        when = e.when.label() if e.when else "no date"
        names = ", ".join(f"{a.name} ({a.role})" for a in e.actors)
        echo_plain(f"\n- {e.type}, {e.status}, {when}: {names}")
        echo_plain(f"  “{_one_line(e.evidence, 200)}”")


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--published", metavar="DATE", help="Publication date for all of them.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    help="Extract in N worker processes (default: one per core); one writer stores in order.",
)
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0, min_open=True, max=86_400),
    callback=lambda _ctx, _param, value: _finite(value),
    default=20.0,
    show_default=True,
    metavar="SECONDS",
    help="Most time one article's extraction may take; a longer one is skipped.",
)
@pass_context
def ingest(obj, paths, published, jobs, time_budget) -> None:
    """Read articles into the timeline: files, folders and globs of .txt/.md/.html/.eml,
    http(s) URLs of web pages or RSS/Atom feeds (a feed: each entry's page), and - for an
    article pasted or piped in on standard input.

    Each article goes in whole or not at all; one that cannot be read or stored is reported
    on stderr and the others go on. A folder's README, LICENSE and such are passed over
    unless named. Exit code 0 when every article went in (or was already
    known), 1 when some did and some failed, 2 when none could be read.
    """
    from tracker.errors import DatabaseUnwritable
    from tracker.services.ingest import (
        WORKERS_PER_CORE,
        collect_paths,
        default_jobs,
        ingest_files,
        usable_jobs,
    )
    from tracker.sources import split_sources

    day = parse_day_option(published, "publication date") if published else None
    if jobs is not None and usable_jobs(jobs) < jobs:
        echo(
            f"tracker: note: --jobs {jobs} is more than {WORKERS_PER_CORE} worker processes per "
            f"core ({default_jobs()} here): using {usable_jobs(jobs)}",
            err=True,
        )
    engine = obj.engine()
    from_stdin = "-" in paths  # an article pasted or piped in
    paths, urls = split_sources(tuple(p for p in paths if p != "-"))
    files, problems = collect_paths(paths) if paths else ([], [])
    for problem in problems:  # reported as found, before the long part
        said = "passed over" if problem.state == "passed" else "skipped"
        echo(f"tracker: {said} {problem.path}: {problem.reason}", err=True)
    show_bar = len(files) > 1 and sys.stderr.isatty()
    options = dict(jobs=jobs or default_jobs(), time_budget=time_budget)

    # every outcome as it comes, so that Ctrl-C can still say what went in
    done: list = []

    def report_failure(outcome) -> None:
        done.append(outcome)
        if outcome.state in ("skipped", "failed"):
            echo(f"tracker: {outcome.state} {outcome.path}: {outcome.reason}", err=True)

    try:
        if show_bar:
            with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:

                def progress(_done, _total, outcome) -> None:
                    bar.update(1)
                    report_failure(outcome)

                ingest_files(engine, files, day, progress=progress, **options)
        else:
            ingest_files(engine, files, day, progress=lambda *a: report_failure(a[2]), **options)
        if urls:
            from tracker.services.web import ingest_urls

            ingest_urls(engine, urls, day, jobs=options["jobs"], on_outcome=report_failure)
        if from_stdin:
            report_failure(_ingest_stdin(engine, day, time_budget))
    except KeyboardInterrupt:
        # each article is stored whole or not at all: the one being stored was rolled back
        _ingest_report(problems, done)
        echo(
            "tracker: interrupted; the articles listed are stored, the others are not: "
            "run the same command again to read the rest",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    except DatabaseUnwritable as exc:
        # stopped at the first article: the others would have failed the same way
        report = _ingest_report(problems, done)
        echo(f"tracker: error: {exc}; stopped, nothing half-written", err=True)
        went_in = report.articles_read + report.duplicates
        sys.exit(EXIT_PARTLY if went_in else EXIT_BAD_INPUT)
    report = _ingest_report(problems, done)
    if report.skipped:
        went_in = report.articles_read + report.duplicates
        sys.exit(EXIT_PARTLY if went_in else EXIT_BAD_INPUT)


def _finite(value: float) -> float:
    """A number that is one: "nan" passes a range check (every comparison with it is false)
    and turned the time budget off."""
    if value != value:  # NaN
        raise click.BadParameter("nan is not a number of seconds")
    return value


def _events(count: int) -> str:
    return f"{count:,} event" if count == 1 else f"{count:,} events"


def _ingest_stdin(engine, day, time_budget):
    """The article on standard input, stored as any other (its source: "standard input")."""
    from tracker.services.ingest import ArticleOutcome, ingest_one, read_article_stream

    source = "standard input"
    try:
        text = read_article_stream(sys.stdin.buffer)
    except TrackerError as exc:
        return ArticleOutcome(source, "skipped", str(exc))
    return ingest_one(
        engine, text, source, published=day, time_budget=time_budget, date_given=day is not None
    )


def _ingest_report(problems: list, outcomes: list):
    """Print one line per article that went in (or was known) and the summary."""
    from tracker.services.ingest import IngestReport

    for outcome in outcomes:
        if outcome.state == "ingested":
            echo(_ingested_line(outcome))
        elif outcome.state == "duplicate":
            echo(f"{outcome.path}: {outcome.reason}, nothing to do")
    report = IngestReport([*problems, *outcomes])
    echo(report.summary(with_problems=False))
    return report


def _ingested_line(outcome) -> str:
    line = (
        f"{outcome.path}: {outcome.new_events} new events, "
        f"{outcome.merged_mentions} merged mentions, {outcome.status_changes} status changes"
    )
    return f"{line} ({outcome.reason})" if outcome.reason else line


@cli.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option(
    "--every",
    default="15m",
    show_default=True,
    metavar="INTERVAL",
    help="Time between polls: 30s, 15m, 1h, 1h30m.",
)
@click.option("--once", is_flag=True, help="Poll each feed once and exit (for cron and tests).")
@pass_context
def watch(obj, feeds, every, once) -> None:
    """Poll RSS/Atom feeds and ingest the entries not read before (each entry's page).

    What was read is remembered in the database, so a restart fetches nothing twice. A feed or
    page that fails is reported on stderr and the watch goes on; Ctrl-C stops it. With --once,
    the exit code is 0 when every feed and new entry was read, 1 when some failed, 2 when no
    feed could be read.
    """
    import signal
    import time

    from tracker.services.web import poll_feed
    from tracker.sources import parse_interval
    from tracker.sources.fetch import check_url

    try:
        interval = parse_interval(every)
    except ValueError:
        raise TrackerError(
            f"cannot understand the interval {every!r} (e.g. 30s, 15m, 1h)"
        ) from None
    for url in feeds:
        try:
            check_url(url)
        except TrackerError as exc:
            raise TrackerError(f"{url}: {exc}") from None
    engine = obj.engine()

    def report(outcome) -> None:
        if outcome.state == "ingested":
            echo_plain(_ingested_line(outcome))
        elif outcome.state == "duplicate":
            echo_plain(f"{outcome.path}: {outcome.reason}, nothing to do")
        else:
            echo_plain(f"tracker: {outcome.state} {outcome.path}: {outcome.reason}", err=True)

    def stop(_signum, _frame) -> None:
        raise KeyboardInterrupt

    # Ctrl-C and a kill stop the watch even when it was started with SIGINT ignored (from a
    # script or a background job, whose children inherit that)
    previous = signal.signal(signal.SIGTERM, stop)
    previous_int = signal.signal(signal.SIGINT, stop)
    try:
        while True:
            feeds_read = problems = 0
            for url in feeds:
                poll = poll_feed(engine, url, on_outcome=report)
                stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
                if poll.error:
                    problems += 1
                    echo_plain(f"tracker: {stamp} failed {poll.summary()}", err=True)
                else:
                    feeds_read += 1
                    problems += sum(o.state not in ("ingested", "duplicate") for o in poll.outcomes)
                    echo_plain(f"{stamp} {poll.summary()}")
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        echo("watch stopped", err=True)
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    # as for ingest: 2 when no feed could be read, 1 when some feed or entry failed
    if not feeds_read:
        sys.exit(EXIT_BAD_INPUT)
    if problems:
        sys.exit(1)


@cli.command()
@click.option("--days", type=click.IntRange(1, 3660), default=14, show_default=True,
              help="How far ahead to look.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_context
def agenda(obj, days, as_json) -> None:
    """What is coming up, due today, and overdue (planned, its time passed, no news since)."""
    from tracker.domain import day_label
    from tracker.services.agenda import agenda as build_agenda

    today = dt.date.today()

    def show(result) -> None:
        def item_json(item) -> dict:
            return {**event_json(item.event), "approximate": item.approximate,
                    "status_source": item.source}

        if as_json:
            click.echo(json.dumps({
                "today": today.isoformat(), "days": days,
                "overdue": [item_json(i) for i in result.overdue],
                "overdue_total": result.overdue_total,
                "due": [item_json(i) for i in result.due],
                "upcoming": [{"day": day.isoformat(), "events": [item_json(i) for i in items]}
                             for day, items in result.upcoming],
                "no_known_time": [item_json(i) for i in result.untimed],
            }, ensure_ascii=False, indent=2))
            return

        def line(item) -> str:
            e = item.event
            label = describe_when(e) if item.when is None else item.when.label()
            label += " (approximate)" if item.approximate else ""
            return (f"  {e.id:>6}  {label}  {e.type} {e.status}  "
                    f"{_one_line(actors_text(e), 40)}  {_one_line(e.title, 50)}\n"
                    f"          source: {_one_line(item.source, 90)}")

        out = [f"Agenda for {day_label(today)}, next {days} days"]
        more = result.overdue_total - len(result.overdue)
        out.append(f"\nOVERDUE ({result.overdue_total}): planned, its time passed, no news since")
        out += [line(i) for i in result.overdue] or ["  nothing overdue"]
        if more > 0:
            out.append(f"  … {more} more, the oldest (tracker list --status planned)")
        out.append("\nDUE (its time holds today)")
        out += [line(i) for i in result.due] or ["  nothing due today"]
        out.append("\nUPCOMING")
        for day, items in result.upcoming:
            out.append(f" {day_label(day)}")
            out += [line(i) for i in items]
        if not result.upcoming:
            out.append(f"  nothing planned, proposed or threatened in the next {days} days")
        out.append("\nNO KNOWN TIME (pending, reported in the last 90 days or undated)")
        out += [line(i) for i in result.untimed] or ["  none"]
        echo_plain("\n".join(out))

    reader = obj.reader()
    if reader is not None:  # the fast path: no SQLAlchemy
        with reader:
            show(build_agenda(reader, today, days))
        return
    from sqlalchemy.orm import Session

    with Session(obj.engine()) as session:
        show(build_agenda(session, today, days))


@cli.command()
@click.option("--since", metavar="WHEN",
              help='Changes recorded after this time ("yesterday", "2026-12-01").')
@click.option("--since-last", is_flag=True,
              help="Changes since you last looked (the default); moves your mark to now.")
@click.option("--keep-mark", is_flag=True, help="Show the changes without moving your mark.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_context
def changes(obj, since, since_last, keep_mark, as_json) -> None:
    """What changed since you last looked: new events and status moves, with their source.

    Your mark is kept per database user; the TUI's changes view moves the same mark.
    """
    from tracker.domain import utcnow
    from tracker.services.agenda import status_source
    from tracker.services.changes import changes_since, database_user, last_seen, mark_seen

    if since and since_last:
        raise TrackerError("--since and --since-last cannot be used together")
    start = None
    if since:
        start = dt.datetime.combine(_time_range(since, "since", "start")[0], dt.time())

    def show(session) -> None:
        user = database_user(session)
        now = utcnow()
        if start is not None:
            begin = start
            described = f"since {start.date().isoformat()}"
        else:
            mark = last_seen(session, user)
            begin = mark or (now - dt.timedelta(days=7))
            described = (f"since you last looked ({mark.isoformat(sep=' ', timespec='minutes')}"
                         " UTC)" if mark else "in the last 7 days (first look)")
        found = changes_since(session, begin)
        if as_json:
            click.echo(json.dumps({
                "since": begin.isoformat(), "user": user, "truncated": found.truncated,
                "new_events": [event_json(e) for e in found.new_events],
                "status_changes": [
                    {"event_id": c.event_id, "title": c.event.title, "from": c.from_status,
                     "to": c.to_status, "recorded_at": c.recorded_at.isoformat(),
                     "source": status_source(c)}
                    for c in found.moves
                ],
            }, ensure_ascii=False, indent=2))
        else:
            out = [f"Changes {described}: {len(found.new_events)} new events, "
                   f"{len(found.moves)} status changes"]
            for e in found.new_events:
                out.append(f"  new   {e.id:>6}  {describe_when(e)}  {e.type} {e.status}  "
                           f"{_one_line(e.title, 60)}")
            for c in found.moves:
                out.append(f"  moved {c.event_id:>6}  {c.from_status or '—'} → {c.to_status}  "
                           f"{_one_line(c.event.title, 50)}  ({_one_line(status_source(c), 60)})")
            if found.truncated:
                out.append("  … more; narrow with --since")
            echo_plain("\n".join(out))
        if not since and not keep_mark:
            try:
                mark_seen(session, user, now)
            except Exception as exc:
                from tracker.db.session import unwritable_reason

                reason = unwritable_reason(exc)
                if reason is None:
                    raise
                # the changes were shown: only the mark stays where it was
                echo(f"tracker: your mark was not moved: the database takes no writes ({reason})",
                     err=True)

    reader = obj.reader()
    if reader is not None:  # the fast path: no SQLAlchemy
        with reader:
            show(reader)
        return
    from sqlalchemy.orm import Session

    with Session(obj.engine()) as session:
        show(session)


@cli.command()
@filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "ics", "plover"]),
              required=True, help="jsonl, csv, ics (iCalendar) or plover (PLOVER-style JSON).")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE (default: stdout).")
@pass_context
def export(obj, actor, type_, status, since, until, during, search, fmt, output) -> None:
    """Export the events that match the filters, for other tools (streamed, any size).

    iCalendar holds planned, proposed, postponed and cancelled events with a time, with
    stable UIDs so a calendar subscribed to the file updates instead of duplicating.
    """
    from sqlalchemy.orm import Session

    from tracker.services.export import export_events
    from tracker.services.export_file import calendar_id, export_to_file

    with Session(obj.engine()) as session:
        filt = _build_filter(actor, type_, status, since, until, during, search)
        if not output:
            try:
                count = export_events(
                    session, fmt, sys.stdout, filt, calendar_id=calendar_id(session)
                )
            except OSError as exc:
                if exc.errno == errno.EPIPE:
                    raise
                raise TrackerError(
                    f"cannot write the output: {exc.strerror or exc}; it is incomplete"
                ) from None
            click.echo(f"exported {_events(count)}", err=True)
            return
        # written beside the target and renamed into place: a failed export never leaves a
        # half-written file where a calendar or a script reads the last good one
        count = export_to_file(session, fmt, output, filt)
    from tracker.domain import clean

    click.echo(f"exported {_events(count)} to {clean(output)}", err=True)


def main() -> None:
    cli(prog_name="tracker")
