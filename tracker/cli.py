"""The command line: a thin shell over tracker.services (heavy imports stay inside commands)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tracker.errors import TrackerError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from tracker.db.models import Event
    from tracker.domain import When

EXIT_BAD_INPUT = 2


def echo_plain(text: str, **kwargs) -> None:
    """Print text that carries article or user data: control characters (ANSI escapes) never
    reach the terminal."""
    from tracker.domain import clean

    click.echo(clean(text, one_line=False), **kwargs)


def fail(message: str) -> NoReturn:
    click.echo(f"tracker: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


class TrackerGroup(click.Group):
    """Turns every expected failure into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from sqlalchemy.exc import OperationalError, SQLAlchemyError
        from sqlalchemy.orm.exc import StaleDataError

        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            fail(str(exc))
        except StaleDataError:
            fail("the event was changed by someone else at the same time; nothing was written")
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            if "locked" in reason or "could not serialize" in reason:
                fail(f"the database is busy ({reason}); nothing was written, try again")
            fail(f"database error: {reason}")
        except SQLAlchemyError as exc:
            fail(f"database error: {str(exc).splitlines()[0]}")


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
            click.echo(f"tracker: created a new database at {created}", err=True)
        return engine


pass_context = click.make_pass_decorator(Context)


def parse_when_option(text: str, what: str = "date", direction: str = "nearest") -> When:
    """A time typed on the command line; ``direction`` places one given without its year
    ("March", "Friday"): forward for planned events, backward for what happened."""
    from tracker.extract.dates import parse_when

    when = parse_when(text, direction=direction)
    if when is None:
        raise TrackerError(
            f"cannot understand the {what} {text!r} (e.g. \"next Friday\", \"4 Dec\", "
            f"\"early March 2027\", \"Q1 2027\"; years 1-9999)"
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
    from tracker.domain import when_label
    from tracker.services.events import event_when

    return when_label(event_when(event), event.timeline_date)


def actors_text(event: Event) -> str:
    return ", ".join(p.actor.name for p in event.participations)


def event_json(event: Event) -> dict:
    from tracker.services.events import event_when

    when = event_when(event)
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "title": event.title,
        "when": when.to_json() if when else None,
        "timeline_date": event.timeline_date.isoformat(),
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
    envvar="TRACKER_DATABASE_URL",
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
@click.option("--title", help="A short title (default: made from type and actors).")
@click.option(
    "--when", "when_text", metavar="WHEN", help='When, e.g. "next Tuesday", "March 2025".'
)
@click.option("--note", help="Why you record it (kept with the first status).")
@click.option("--json", "as_json", is_flag=True, help="Print the new event as JSON.")
@pass_context
def add(obj, type_, status, actors, title, when_text, note, as_json) -> None:
    """Record an event by hand."""
    from tracker.db.session import unit_of_work
    from tracker.domain import check_status, check_type, direction_for_status
    from tracker.services.events import add_event, get_event, parse_actor_role

    check_type(type_)
    status = check_status(status)
    roles = [parse_actor_role(spec) for spec in actors]
    direction = direction_for_status(status)  # "March", planned: the next March
    when = parse_when_option(when_text, "time", direction) if when_text else None
    with unit_of_work(obj.engine()) as session:
        event = add_event(
            session, type=type_, status=status, actors=roles, title=title, when=when, note=note
        )
        event_id = event.id
    with unit_of_work(obj.engine()) as session:
        event = get_event(session, event_id)
        if as_json:
            click.echo(json.dumps(event_json(event), ensure_ascii=False))
        else:
            click.echo(
                f"added event {event.id}: {event.type}, {event.status}, {describe_when(event)}"
            )


def _time_range(text: str, prefix: str, what: str):
    """A --since/--until/--during option through the same parser as the timeline's filter."""
    from tracker.extract.dates import parse_range

    phrase = " ".join(text.split())
    if prefix and not phrase.lower().startswith(prefix + " "):
        phrase = f"{prefix} {phrase}"
    found = parse_range(phrase, dt.date.today())
    if found is None:
        raise TrackerError(f"cannot understand the {what} {text!r}")
    return found


def _build_filter(actor, type_, status, since, until, during, search):
    from tracker.domain import check_status, check_type
    from tracker.services.query import EventFilter

    start = end = None
    if during:
        found = _time_range(during, "", "time range")
        start, end = found.since, found.until
    if since:
        start = _time_range(since, "since", "start").since
    if until:
        end = _time_range(until, "until", "end").until
    return EventFilter(
        actors=tuple(actor),
        types=tuple(check_type(t) for t in type_),
        statuses=tuple(check_status(s) for s in status),
        since=start,
        until=end,
        text=search or "",
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


def _events_in_pages(session, filt, limit: int | None):
    """All matching events (or the first ``limit``), read by keyset a page at a time so that
    memory stays flat whatever their number."""
    from tracker.services.query import list_events

    after = None
    left = limit
    while left is None or left > 0:
        size = JSON_PAGE if left is None else min(JSON_PAGE, left)
        page = list_events(session, filt, limit=size, after=after)
        yield from page
        if len(page) < size:
            return
        after = (page[-1].timeline_date, page[-1].id)
        if left is not None:
            left -= len(page)
        session.expunge_all()


@cli.command(name="list")
@click.option("--actor", multiple=True, help="Only events involving this actor (aliases work).")
@click.option("--type", "type_", multiple=True, help="Only this type; repeat for several.")
@click.option("--status", multiple=True, help="Only this status; repeat for several.")
@click.option("--since", metavar="WHEN", help='From this time on, e.g. "last month", "2025-01-01".')
@click.option("--until", metavar="WHEN", help="Up to this time.")
@click.option("--during", metavar="WHEN", help='Within this period, e.g. "March 2025", "2024".')
@click.option("--search", "-s", metavar="WORDS", help="Free-text search in titles and actors.")
@click.option(
    "--limit",
    type=LIMIT,
    help=f"At most this many events (default: {LIST_TABLE_LIMIT} in the table, "
    "all of them with --json/--jsonl).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of every match.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object a line.")
@pass_context
def list_(obj, actor, type_, status, since, until, during, search, limit, as_json, as_jsonl):
    """List events in time order, with filters."""
    from sqlalchemy.orm import Session

    from tracker.services.query import count_events, list_events

    if as_json and as_jsonl:
        raise TrackerError("--json and --jsonl cannot be used together")
    with Session(obj.engine()) as session:
        filt = _build_filter(actor, type_, status, since, until, during, search)
        if as_json or as_jsonl:
            _print_json_events(session, filt, limit, lines=as_jsonl)
            return
        limit = limit or LIST_TABLE_LIMIT
        events = list_events(session, filt, limit=limit)
        if not events:
            click.echo("no events match" if not filt.is_empty() else "no events yet")
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
        total = count_events(session, filt)
        if total > len(events):
            click.echo(f"… {total - len(events)} more (use --limit, or --json for all)")


def _print_json_events(session, filt, limit: int | None, *, lines: bool) -> None:
    """Every match as JSON, written as it is read (an array, or JSON Lines); with --limit,
    a note on stderr says when the output is not all of them."""
    from tracker.services.query import count_events

    written = 0
    if not lines:
        click.echo("[", nl=False)
    for event in _events_in_pages(session, filt, limit):
        text = json.dumps(event_json(event), ensure_ascii=False)
        if lines:
            click.echo(text)
        else:
            click.echo(("\n  " if written == 0 else ",\n  ") + text, nl=False)
        written += 1
    if not lines:
        click.echo("\n]" if written else "]")
    if limit is not None and written == limit:
        total = count_events(session, filt)
        if total > written:
            click.echo(
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
    from sqlalchemy.orm import Session

    from tracker.domain import day_label, effective_label
    from tracker.services.events import get_event, history_order

    with Session(obj.engine()) as session:
        event = get_event(session, event_id)
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
                }
                for c in history
            ]
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
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
            recorded = c.recorded_at.strftime("%Y-%m-%d %H:%M")
            out.append(
                f"  {when:<14}  {c.from_status or '—'} → {c.to_status}"
                f"  (recorded {recorded}){source}"
            )
        echo_plain("\n".join(out))


@cli.command()
@click.argument("event_id", type=EVENT_ID)
@click.argument("status")
@click.option("--at", "at_text", metavar="WHEN", help="When it happened (default: today).")
@click.option("--note", help="Why: your source or reasoning.")
@pass_context
def status(obj, event_id, status, at_text, note) -> None:
    """Record a status change (the history keeps every change)."""
    from tracker.db.session import unit_of_work
    from tracker.domain import check_status
    from tracker.services.events import change_status

    status = check_status(status)
    at = parse_when_option(at_text, "time", "backward") if at_text else None
    with unit_of_work(obj.engine()) as session:
        change = change_status(session, event_id, status, at=at, note=note)
        current = change.event.status
    message = f"event {event_id}: {change.from_status} → {status}"
    if current != status:
        message += f" (recorded; the current status stays {current}: a later change exists)"
    click.echo(message)


@cli.command()
@click.argument("event_id", type=EVENT_ID)
@click.option("--type", "type_", help="New type.")
@click.option("--title", help="New title.")
@click.option("--when", "when_text", metavar="WHEN", help="New time, in plain language.")
@click.option("--no-when", is_flag=True, help="Forget the time (date unknown).")
@click.option("--actor", "actors", multiple=True, metavar="NAME[:ROLE]", help="Replace the actors.")
@click.option("--notes", help="Your own remarks on the event (empty text clears them).")
@pass_context
def edit(obj, event_id, type_, title, when_text, no_when, actors, notes) -> None:
    """Change an event's type, title, time or actors."""
    from tracker.db.session import unit_of_work
    from tracker.domain import direction_for_status
    from tracker.services.events import edit_event, event_when, get_event, parse_actor_role

    if when_text and no_when:
        raise TrackerError("--when and --no-when cannot be used together")
    if not any([type_, title, when_text, no_when, actors, notes is not None]):
        raise TrackerError(
            "nothing to change: give --type, --title, --when, --no-when, --actor or --notes"
        )
    roles = [parse_actor_role(a) for a in actors] if actors else None
    with unit_of_work(obj.engine()) as session:
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
        )
        message = f"event {event_id} updated"
        if when is not None or no_when:
            from tracker.domain import when_label

            message += f": {when_label(event_when(event), event.timeline_date)}"
    click.echo(message)


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
            click.echo("nothing deleted", err=True)
            sys.exit(1)
        delete_event(session, event_id)
    echo_plain(f"deleted {label}")


@cli.group(cls=TrackerGroup, invoke_without_command=True)
@click.pass_context
def actors(ctx: click.Context) -> None:
    """List actors, add one, give one an alias, merge two."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(actors_list)


@actors.command(name="list")
@click.argument("prefix", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def actors_list(obj, prefix=None, as_json=False) -> None:
    """Actors with their aliases and event counts (optionally by name prefix)."""
    from sqlalchemy.orm import Session

    from tracker.services.actors import list_actors

    with Session(obj.engine()) as session:
        found = list_actors(session, prefix)
    if as_json:
        click.echo(json.dumps([a.__dict__ for a in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no actors" + (f" matching {prefix!r}" if prefix else " yet"))
        return
    rows = [
        [str(a.id), a.name, a.kind, a.country or "", str(a.events), ", ".join(a.aliases)]
        for a in found
    ]
    echo_plain(_table(rows, ["ID", "NAME", "KIND", "COUNTRY", "EVENTS", "ALIASES"]))


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
        click.echo(f"added actor {actor.id}: {actor.name} ({actor.kind})")


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
        click.echo(f"{alias!r} now names {actor.name}")


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
        click.echo(f"merged {absorb!r} into {kept.name}")


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
    click.echo(
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
    click.echo(f"{engine.url.render_as_string(hide_password=True)}: {current or 'empty'} ({state})")


def _read_article_file(path: str) -> str:
    from pathlib import Path

    from tracker.services.ingest import read_article_text
    from tracker.sources import is_url

    try:
        if is_url(path):
            from tracker.services.web import read_web_page
            from tracker.sources.fetch import fetch
            from tracker.sources.pages import article_text

            page = read_web_page(fetch(path))
            return article_text(page.title, page.published, page.text)
        return read_article_text(Path(path))
    except TrackerError as exc:
        raise TrackerError(f"{path}: {exc}") from None


@cli.command()
@click.argument("article", metavar="ARTICLE")
@click.option("--published", metavar="DATE", help="Publication date (fills or overrides).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of docs/events.md.")
def extract(article, published, as_json) -> None:
    """Show the events found in one article: a file or an http(s) URL (writes nothing)."""
    from tracker.extract import extract as run_extract

    day = parse_day_option(published, "publication date") if published else None
    text = _read_article_file(article)
    result = run_extract(text, published=day, source=article)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    art = result.article
    echo_plain(art.title)
    click.echo(f"published: {art.published.isoformat() if art.published else 'unknown'}")
    click.echo(f"{len(result.events)} events")
    for e in result.events:
        when = e.when.label() if e.when else "no date"
        names = ", ".join(f"{a.name} ({a.role})" for a in e.actors)
        echo_plain(f"\n- {e.type}, {e.status}, {when}: {names}")
        echo_plain(f"  “{_one_line(e.evidence, 200)}”")


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--published", metavar="DATE", help="Publication date for all of them.")
@pass_context
def ingest(obj, paths, published) -> None:
    """Read articles into the timeline: files, folders and globs of .txt/.md/.html, and
    http(s) URLs of web pages or RSS/Atom feeds (a feed: each entry's page)."""
    from tracker.services.ingest import collect_paths, ingest_files
    from tracker.sources import split_sources

    day = parse_day_option(published, "publication date") if published else None
    engine = obj.engine()
    paths, urls = split_sources(paths)
    files, problems = collect_paths(paths) if paths else ([], [])
    show_bar = len(files) > 1 and sys.stderr.isatty()
    if show_bar:
        with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:
            report = ingest_files(
                engine, files, day, progress=lambda *_: bar.update(1), problems=problems
            )
    else:
        report = ingest_files(engine, files, day, problems=problems)
    if urls:
        from tracker.services.web import ingest_urls

        report.outcomes += ingest_urls(engine, urls, day).outcomes
    for outcome in report.outcomes:
        if outcome.state == "ingested":
            echo_plain(_ingested_line(outcome))
        elif outcome.state == "duplicate":
            click.echo(f"{outcome.path}: {outcome.reason}, nothing to do")
    click.echo(report.summary())
    if not report.articles_read and not report.duplicates:
        sys.exit(1)


def _ingested_line(outcome) -> str:
    line = (
        f"{outcome.path}: {outcome.new_events} new events, "
        f"{outcome.merged_mentions} merged mentions, {outcome.status_changes} status changes"
    )
    return f"{line} ({outcome.reason})" if outcome.reason else line


@cli.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option(
    "--every", default="15m", show_default=True, metavar="INTERVAL",
    help="Time between polls: 30s, 15m, 1h, 1h30m.",
)
@click.option("--once", is_flag=True, help="Poll each feed once and exit (for cron and tests).")
@pass_context
def watch(obj, feeds, every, once) -> None:
    """Poll RSS/Atom feeds and ingest the entries not read before (each entry's page).

    What was read is remembered in the database, so a restart fetches nothing twice. A feed or
    page that fails is reported on stderr and the watch goes on; Ctrl-C stops it.
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
            echo_plain(f"skipped {outcome.path}: {outcome.reason}", err=True)

    def stop(_signum, _frame) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    failed_feeds = 0
    try:
        while True:
            failed_feeds = 0
            for url in feeds:
                poll = poll_feed(engine, url, on_outcome=report)
                failed_feeds += bool(poll.error)
                echo_plain(poll.summary(), err=bool(poll.error))
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("watch stopped", err=True)
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    if failed_feeds == len(feeds):
        sys.exit(1)


def main() -> None:
    cli(prog_name="tracker")
