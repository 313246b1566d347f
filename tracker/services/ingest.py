"""Ingestion: article files in, events merged into the store, one transaction per article.

How it stays up and fast (see README, "Ingesting"):

- every article is read, extracted and stored on its own: whatever goes wrong with one (a file
  that cannot be read, a date out of range, an extraction over its time budget, a database
  error) rolls that article back, is reported with its reason, and the run goes on;
- the writer stores with Core statements in one short transaction per article, holding no ORM
  objects: a long-lived session that loads thousands of events, mentions and actors, and lets
  them go again, once crashed CPython 3.11 in its cyclic GC (weakref callbacks on the identity
  map's objects during a dict resize); nothing of that kind lives here any more;
- articles and actors are insert-or-get (ON CONFLICT DO NOTHING), so several ingest processes
  on one database never abort each other: an article another process stored first is
  "already known";
- extraction runs in worker processes (``jobs``) while this process alone writes, in input
  order, so the result is the same as a serial run.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import itertools
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import (
    ARRAY,
    Connection,
    Engine,
    Integer,
    any_,
    bindparam,
    exists,
    func,
    insert,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy import case as case_
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from tracker.db.models import (
    Actor,
    ActorAlias,
    Article,
    Event,
    Mention,
    Participation,
    StatusChange,
    utcnow,
)
from tracker.domain import (
    UNDATED,
    ActorRole,
    When,
    check_kind,
    fold_for_search,
    is_undated,
    title_for,
    without_diacritics,
)
from tracker.errors import DatabaseUnwritable, TrackerError
from tracker.extract.types import ActorEntry, ExtractedEvent, Extraction
from tracker.services.actors import clean_name, name_key, name_variants
from tracker.text_safety import clean

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".eml")
MARKDOWN_SUFFIXES = (".md", ".markdown")  # a clipper's or notes app's: read without the marks
HTML_SUFFIXES = (".html", ".htm")  # saved web pages: main text, title and date read from the HTML
# Larger files are refused before they are read (a news article is some KB; /dev/zero is not).
MAX_ARTICLE_BYTES = 5_000_000
NOT_ENGLISH = "no events: the text does not read as English, the language the extractor reads"
DEFAULT_TIME_BUDGET = 20.0  # seconds of extraction per article

# A later mention does not walk an event back: once it occurred or was called off, a report
# that it is planned or proposed is old news, and a plan is not undone by an earlier proposal.
_NOT_AFTER = {
    "occurred": {"proposed", "planned", "threatened"},
    "cancelled": {"proposed", "planned", "threatened"},
    "planned": {"proposed", "threatened"},
}


@dataclass
class ArticleOutcome:
    path: str
    # ingested, duplicate, skipped (could not be read), failed (could not be stored), passed
    # (a folder's own document, such as its README: no article, and no failure)
    state: str
    reason: str = ""
    title: str = ""
    new_events: int = 0
    merged_mentions: int = 0
    status_changes: int = 0
    article_id: int | None = None
    published: dt.date | None = None  # the article's date; None when none was found


@dataclass
class IngestReport:
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    def _sum(self, attr: str) -> int:
        return sum(getattr(o, attr) for o in self.outcomes)

    @property
    def articles_read(self) -> int:
        return sum(o.state == "ingested" for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(o.state == "duplicate" for o in self.outcomes)

    @property
    def skipped(self) -> list[ArticleOutcome]:
        """Every item that did not go in: unreadable, not an article, or failed to store."""
        return [o for o in self.outcomes if o.state in ("skipped", "failed")]

    @property
    def new_events(self) -> int:
        return self._sum("new_events")

    @property
    def merged_mentions(self) -> int:
        return self._sum("merged_mentions")

    @property
    def status_changes(self) -> int:
        return self._sum("status_changes")

    def problem_lines(self) -> list[str]:
        return [f"{clean(o.path)}: {clean(o.reason)}" for o in self.skipped]

    def summary(self, *, with_problems: bool = True) -> str:
        passed = sum(o.state == "passed" for o in self.outcomes)
        lines = [
            f"{self.articles_read} ingested, {self.duplicates} already known, "
            f"{len(self.skipped)} failed" + (f", {passed} passed over" if passed else ""),
            f"new events: {self.new_events}, merged mentions: {self.merged_mentions}, "
            f"status changes: {self.status_changes}",
        ]
        if with_problems:
            lines += [f"failed {line}" for line in self.problem_lines()]
        undated = self.undated
        if undated:
            lines.append(
                f"no date found in {len(undated)} article(s); their events are undated "
                "(give one with `tracker article set-date ID DATE`):"
            )
            lines += [f"  article {o.article_id}: {clean(o.path)}" for o in undated]
        return "\n".join(lines)

    @property
    def undated(self) -> list[ArticleOutcome]:
        """Articles read now that have no publication date."""
        return [o for o in self.outcomes if o.state == "ingested" and o.published is None]


# ---------------------------------------------------------------- finding files


def _is_article_name(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


# A folder's own documents: read when named, passed over (and said) when a folder is walked.
_FOLDER_DOCUMENTS = frozenset({
    "readme", "license", "licence", "changelog", "changes", "contributing", "copying",
    "authors", "notice", "sources",
})


def _is_folder_document(name: str) -> bool:
    """ "README.md", "LICENSE.txt", "SOURCES-a.md"; not an article's slug that opens with such
    a word ("changes-to-eu-sanctions.txt", "sources-say-talks-stalled.txt")."""
    stem = name.rsplit(".", 1)[0]
    head = stem.split("-", 1)[0]
    return stem.lower() in _FOLDER_DOCUMENTS or (
        head.isupper() and head.lower() in _FOLDER_DOCUMENTS
    )


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return exc.strerror or str(exc)


def _walk(
    root: Path, problems: list[ArticleOutcome], visited: set[tuple[int, int]]
) -> Iterator[Path]:
    """Files under ``root`` in name order. Linked folders are followed once each, so a
    symlink loop ends; a folder that cannot be listed is reported, not skipped silently."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            key = (info.st_dev, info.st_ino)
            if key in visited:
                continue  # a link back to a folder already walked
            visited.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(ArticleOutcome(str(folder), "skipped", f"folder {_reason(exc)}"))
            continue
        subfolders = []
        for entry in entries:
            try:
                if entry.is_dir():
                    subfolders.append(Path(entry.path))
                elif _is_article_name(entry.name):
                    if _is_folder_document(entry.name):
                        problems.append(ArticleOutcome(
                            entry.path, "passed", "the folder's own document, not an article "
                            "(name the file to read it)",
                        ))
                    else:
                        yield Path(entry.path)
            except OSError as exc:
                problems.append(ArticleOutcome(entry.path, "skipped", _reason(exc)))
        stack.extend(reversed(subfolders))


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A glob (``*``, ``?``, ``[...]``, ``**`` for any number of folders) as a regex on the
    path relative to the pattern's fixed leading folders."""
    parts = []
    for component in pattern.split("/"):
        if component == "**":
            parts.append("(?:[^/]+/)*")
            continue
        text = fnmatch.translate(component)  # '(?s:...)\Z'
        body = text[4:-3].replace(".*", "[^/]*").replace("(?s:.)", "[^/]")
        parts.append(body + "/")
    return re.compile("".join(parts)[:-1] + r"\Z", re.S)


def _glob(spec: str, problems: list[ArticleOutcome], visited: set) -> list[Path]:
    parts = Path(spec).expanduser().parts
    fixed = 0
    while fixed < len(parts) - 1 and not _has_magic(parts[fixed]):
        fixed += 1
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = "/".join(parts[fixed:])
    regex = _pattern_regex(rest)
    found = []
    for path in _walk(root, problems, visited):
        relative = path.relative_to(root).as_posix()
        if regex.match(relative):
            found.append(path)
    return found


def _has_magic(text: str) -> bool:
    return any(c in text for c in "*?[")


def collect_paths(specs: Iterable[str]) -> tuple[list[Path], list[ArticleOutcome]]:
    """Files, folders (recursively) and globs → article files, plus what cannot be read.

    Only what is named explicitly may be a non-regular file: it is then refused when read.
    """
    found: list[Path] = []
    problems: list[ArticleOutcome] = []
    for spec in specs:
        # each spec walks on its own (the folders it has seen end a symlink loop): two globs
        # in one folder ("news/2024-*", "news/2025-*") must both read it; the paths found
        # twice are dropped below
        visited: set[tuple[int, int]] = set()
        if not spec.strip():
            # Path("") is the current folder: `tracker ingest "$INBOX"` with INBOX unset
            # must not read everything under it
            problems.append(ArticleOutcome(repr(spec), "skipped", "an empty path names nothing"))
            continue
        path = Path(spec).expanduser()
        try:
            info = os.stat(path)
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) and _has_magic(spec):
                matches = _glob(spec, problems, visited)
                if not matches:
                    problems.append(
                        ArticleOutcome(spec, "skipped", "no .txt, .md or .html file matches")
                    )
                found += matches
            else:
                problems.append(ArticleOutcome(spec, "skipped", _reason(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            said = len(problems)
            walked = list(_walk(path, problems, visited))
            if not walked:
                # a mistyped or unmounted folder, or one of PDFs: said, as for a glob
                passed = any(p.state == "passed" for p in problems[said:])
                problems.append(ArticleOutcome(spec, "skipped", (
                    "no article in the folder, only its own documents" if passed
                    else "no .txt, .md or .html file in the folder"
                )))
            found += walked
        elif _is_article_name(path.name) or not stat.S_ISREG(info.st_mode):
            found.append(path)  # a FIFO or device is refused with its reason when read
        else:
            problems.append(ArticleOutcome(spec, "skipped", "not a .txt, .md or .html file"))
    unique: dict[str, Path] = {}
    for p in found:
        try:
            key = str(p.resolve())
        except (OSError, RuntimeError):
            key = str(p)
        unique.setdefault(key, p)
    return list(unique.values()), problems


# ---------------------------------------------------------------- reading text

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_article_bytes(data: bytes) -> str:
    """Text by its byte order mark (UTF-8, UTF-16 LE/BE), else UTF-8; checked whole."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    if encoding == "utf-8":
        nul = data.find(b"\x00")
        if nul >= 0:  # checked whole: a NUL far into the text is as bad as one at the start
            raise TrackerError(f"binary file, not text (NUL byte at offset {nul})")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            raise TrackerError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
        raise TrackerError(f"not {encoding.upper()} text despite its byte order mark") from None
    return check_article_text(text)


def check_article_text(text: str) -> str:
    """The text, or TrackerError when it cannot be an article (NUL anywhere, or nothing)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise TrackerError(f"binary file, not text (NUL character at offset {nul})")
    if not text.strip():
        raise TrackerError("empty")
    return text


def read_article_text(path: Path) -> str:
    """The article's text; TrackerError with the reason when it is not a readable article.

    Only regular files are read (a FIFO would block, /dev/zero never ends), and at most
    MAX_ARTICLE_BYTES of them.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise TrackerError("is a folder, not a file") from None
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError)
        raise TrackerError("no such file" if missing else _reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise TrackerError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise TrackerError("not a regular file (a pipe, device or socket); nothing read")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise TrackerError(
                f"too large ({info.st_size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})"
            )
        chunks = []
        size = 0
        while size <= MAX_ARTICLE_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_ARTICLE_BYTES:
            raise TrackerError(f"too large (over {MAX_ARTICLE_BYTES:,} bytes)")
    except OSError as exc:
        raise TrackerError(f"cannot read: {_reason(exc)}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if path.suffix.lower() in HTML_SUFFIXES:
        from tracker.sources.pages import article_from_html

        return check_article_text(article_from_html(data, fallback_title=path.stem))
    if path.suffix.lower() == ".eml":  # an e-mail: subject, date and text part
        from tracker.sources.mail import article_from_email

        return check_article_text(article_from_email(data))
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from tracker.sources.markdown import plain_markdown

        return check_article_text(plain_markdown(decode_article_bytes(data)))
    return decode_article_bytes(data)


def read_article_stream(stream: BinaryIO) -> str:
    """An article from a stream (standard input: text pasted or piped in), read as a file is:
    at most MAX_ARTICLE_BYTES, decoded by its byte order mark, else as UTF-8."""
    try:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise TrackerError(f"cannot read: {_reason(exc)}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise TrackerError(f"too large (over {MAX_ARTICLE_BYTES:,} bytes)")
    return decode_article_bytes(data)


def compose_article(body: str, title: str | None, published: dt.date | None = None) -> str:
    """Text whose title (and date) came apart from it, a web page's say, as an article with
    front matter: the extractor then reads the first line of ``body`` as text, not as title."""
    if not title:
        return body
    header = ["---", f"title: {' '.join(title.split())}"]
    if published is not None:
        header.append(f"published: {published.isoformat()}")
    return "\n".join([*header, "---", body])


def content_hash(text: str) -> str:
    normalised = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- actors


def known_actor_entries(session: Session | Connection) -> list[ActorEntry]:
    """Actors already in the database, for the extractor to recognise."""
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in session.execute(
        select(ActorAlias.actor_id, ActorAlias.alias).order_by(ActorAlias.id)
    ):
        aliases.setdefault(actor_id, []).append(alias)
    return [
        ActorEntry(name=name, kind=kind, country=country, aliases=tuple(aliases.get(id_, ())))
        for id_, name, kind, country in session.execute(
            select(Actor.id, Actor.name, Actor.kind, Actor.country).order_by(Actor.id)
        )
    ]


@lru_cache(maxsize=1)
def _gazetteer_by_key() -> dict[str, ActorEntry]:
    from tracker.extract import load_gazetteer

    return {name_key(entry.name): entry for entry in load_gazetteer()}


def _dialect(conn: Session | Connection) -> str:
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    return bind.dialect.name


def _driver(conn: Session | Connection) -> tuple[str, str]:
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    return bind.dialect.name, bind.dialect.driver


# The time of a new mention: its own (dated), only its article's day (reported), or none.
_TIME_CASES = ("dated", "reported", "anywhere")
# How many of the latest events of its type a mention with no time and no article date is
# compared with (undated events first, then the most recent).
ANYWHERE_CANDIDATES = 5000


def _time_case(extracted: ExtractedEvent, reported: dt.date | None) -> str:
    if extracted.when is not None:
        return "dated"
    return "reported" if reported is not None else "anywhere"


def _compatible_in_sql(case: str) -> list:
    """_compatible's test as SQL conditions, so that the candidate query reads the period
    columns from ix_events_type_period and probes the actors of compatible events only (at a
    million events the window held some 4,000 events of a type, of which a handful overlap).
    _compatible still decides: these conditions only leave out what it would refuse."""
    known_dated = Event.when_start.is_not(None) & Event.precision.is_not(None)
    near = Event.timeline_date.between(bindparam("near_low"), bindparam("near_high"))
    undated = Event.timeline_date == UNDATED
    if case == "dated":
        overlaps = (
            known_dated
            & (Event.when_start <= bindparam("overlap_high"))
            & (func.coalesce(Event.when_end, Event.when_start) >= bindparam("overlap_low"))
        )
        return [overlaps | (~known_dated & (undated | near))]
    if case == "reported":
        return [(~known_dated & undated) | near]
    return []


_MENTION_COLUMNS = (
    "event_id",
    "article_id",
    "sentence",
    "start_offset",
    "end_offset",
    "implied_status",
    "created_at",
)


class _Statements:
    """The writer's statements, built once per dialect: building and hashing a statement
    costs more than running it on a small table, and the writer runs tens per article."""

    def __init__(self, dialect: str) -> None:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert
        keys = bindparam("keys", expanding=True)
        actor_cols = (Actor.id, Actor.name, Actor.country)
        self.actor_by_name = select(*actor_cols).where(Actor.name_key.in_(keys)).limit(1)
        self.actor_by_alias = (
            select(*actor_cols)
            .join(ActorAlias, ActorAlias.actor_id == Actor.id)
            .where(ActorAlias.alias_key.in_(bindparam("keys", expanding=True)))
            .limit(1)
        )
        self.insert_actor = (
            upsert(Actor).on_conflict_do_nothing(index_elements=["name_key"]).returning(Actor.id)
        )
        self.insert_alias = upsert(ActorAlias).on_conflict_do_nothing(index_elements=["alias_key"])
        self.set_country = (
            update(Actor)
            .where(Actor.id == bindparam("actor_id"), Actor.country.is_(None))
            .values(country=bindparam("new_country"))
        )
        self.insert_article = (
            upsert(Article)
            .on_conflict_do_nothing(index_elements=["content_hash"])
            .returning(Article.id)
        )
        self.article_by_hash = select(Article.id, Article.title).where(
            Article.content_hash == bindparam("digest")
        )
        # The events of the type within the time window come first (index-only ranges of
        # ix_events_type_period: every column the time test reads is in it), then each one's
        # actors among ours (an index probe per event): starting from the actors instead would
        # read every event of, say, "United States" in a large database. The window and the
        # undated events are two ranges of the index, read as a UNION ALL: an OR of them was
        # read on PostgreSQL as a bitmap scan that visited every row of the window.
        period = (Event.id, Event.when_start, Event.when_end, Event.precision, Event.timeline_date)
        of_type = Event.type == bindparam("type")
        undated = bindparam("undated", UNDATED)
        # per time case of the new mention (see _time_case): the statement, the same without
        # the events this article tells already, and (for a writer that keeps the undated
        # events itself, see UndatedEvents) the same without the undated events
        self.candidates: dict[str, object] = {}
        self.candidates_for_article: dict[str, object] = {}
        self.candidates_dated_only: dict[str, object] = {}
        self.candidates_any: dict[str, object] = {}
        for case in _TIME_CASES:
            if case == "anywhere":
                # a mention with neither a time nor an article date could tell again any
                # event of its type: the latest ones are read (the index backwards, undated
                # events first), so an undated article costs the same in a database of a
                # million events as in one of a thousand, where it read every event of the type
                latest = select(*period).where(of_type)
                with_undated = latest.order_by(
                    Event.timeline_date.desc(), Event.id.desc()
                ).limit(bindparam("limit"))
                dated_only = (
                    latest.where(Event.timeline_date < undated)
                    .order_by(Event.timeline_date.desc(), Event.id.desc())
                    .limit(bindparam("limit"))
                )
            else:
                in_time = _compatible_in_sql(case)
                dated_only = select(*period).where(
                    of_type,
                    *in_time,
                    Event.timeline_date.between(bindparam("low"), bindparam("high")),
                    Event.timeline_date < undated,
                )
                # undated events are compatible with any time: always candidates
                with_undated = union_all(
                    dated_only,
                    select(*period).where(of_type, *in_time, Event.timeline_date == undated),
                )
            ours = Participation.actor_id.in_(bindparam("ids", expanding=True))
            # (psycopg's pipeline, see _prefetch_candidates: the ids as one array)
            ours_array = Participation.actor_id == any_(bindparam("ids", type_=ARRAY(Integer)))
            for statements, window, of_ours in (
                (self.candidates, with_undated, ours),
                (self.candidates_dated_only, dated_only, ours),
                (self.candidates_any, with_undated, ours_array),
            ):
                window = window.subquery("w")
                shared_actors = (
                    select(func.count(func.distinct(Participation.actor_id)))
                    .where(Participation.event_id == window.c.id, of_ours)
                    .scalar_subquery()
                    .label("n")
                )
                counted = select(window, shared_actors).subquery("c")
                # best first, in find_matching_event's order: most shared actors, the same
                # time as the mention's, dated before undated, the latest, the newest
                end = func.coalesce(counted.c.when_end, counted.c.when_start)
                same_time = (
                    (counted.c.when_start == bindparam("same_start"))
                    & (end == bindparam("same_end"))
                    & (counted.c.precision == bindparam("same_precision"))
                )
                statements[case] = (
                    select(counted)
                    .where(counted.c.n >= bindparam("needed"))
                    .order_by(
                        counted.c.n.desc(),
                        *([case_((same_time, 1), else_=0).desc()] if case == "dated" else []),
                        case_((counted.c.timeline_date < undated, 1), else_=0).desc(),
                        counted.c.timeline_date.desc(),
                        counted.c.id.desc(),
                    )
                )
            # the extractor already merged repeats within one article
            candidates = self.candidates[case]
            self.candidates_for_article[case] = candidates.where(
                ~exists().where(
                    Mention.event_id == candidates.selected_columns.id,
                    Mention.article_id == bindparam("article_id"),
                )
            )
        merge_state = (
            Event.status,
            Event.confidence,
            func.length(Event.search_text).label("search_length"),
        )
        # what a merge reads of the event it adds a mention to (PostgreSQL: in the locking
        # statement below)
        self.merge_state = select(*merge_state).where(Event.id == bindparam("event_id"))
        # the undated events of a type with their actors (UndatedEvents)
        self.undated_of_type = (
            select(*period[:4], Participation.actor_id)
            .outerjoin(Participation, Participation.event_id == Event.id)
            .where(of_type, Event.timeline_date == undated)
        )
        self.insert_event = insert(Event).returning(Event.id)
        self.insert_participation = insert(Participation)
        self.insert_mention = insert(Mention).returning(Mention.id)
        self.insert_status_change = insert(StatusChange)
        # PostgreSQL: the row is locked and read again, so two writers merging into one
        # event take turns (SQLite writers are one at a time already)
        self.lock_needed = dialect != "sqlite"
        # ... in the statement that adds the mention: one round trip instead of two per merge
        locked = (
            select(*merge_state)
            .where(Event.id == bindparam("event_id"))
            .with_for_update()
            .cte("locked")
        )
        added = (
            insert(Mention)
            .values({column: bindparam(column) for column in _MENTION_COLUMNS})
            .returning(Mention.id)
            .cte("added")
        )
        self.lock_event_adding_mention = select(
            locked.c.status, locked.c.confidence, locked.c.search_length, added.c.id
        ).select_from(locked.join(added, true()))  # one row each
        # the new mention is the last: its sentence is appended as a refresh would write it
        self.append_search_text = func.substr(
            Event.search_text + " " + bindparam("new_sentence"), 1, SEARCH_TEXT_LIMIT
        )
        self.event_actors = select(Participation.actor_id).where(
            Participation.event_id == bindparam("event_id")
        )
        self.history = select(
            StatusChange.effective_at,
            StatusChange.recorded_at,
            StatusChange.id,
            StatusChange.to_status,
        ).where(StatusChange.event_id == bindparam("event_id"))
        self._updates: dict[tuple[str, ...], object] = {}
        self._pg_texts: dict[str, tuple[str, dict]] = {}

    def pg_candidates(self, case: str, conn) -> tuple[str, dict]:
        """PostgreSQL: the candidate statement as psycopg runs it (SQL text, the values of
        its fixed parameters), the actor ids as one array, for _prefetch_candidates."""
        if case not in self._pg_texts:
            statement = self.candidates_any[case]
            compiled = statement.compile(dialect=conn.dialect)
            defaults = {k: v for k, v in compiled.params.items() if v is not None}
            self._pg_texts[case] = (compiled.string, defaults)
        return self._pg_texts[case]

    def update_event(self, columns: Sequence[str]):
        """UPDATE of these columns (bound as new_<column>), the version bumped."""
        key = tuple(sorted(columns))
        if key not in self._updates:
            self._updates[key] = (
                update(Event)
                .where(Event.id == bindparam("event_id"))
                .values(
                    {
                        **{c: bindparam(f"new_{c}") for c in key if c != "append_search_text"},
                        **(
                            {"search_text": self.append_search_text}
                            if "append_search_text" in key
                            else {}
                        ),
                        "updated_at": bindparam("new_updated_at"),
                        "version": Event.version + 1,
                    }
                )
            )
        return self._updates[key]


@lru_cache(maxsize=4)
def _statements_for(dialect: str) -> _Statements:
    return _Statements(dialect)


def _sql(conn: Session | Connection) -> _Statements:
    return _statements_for(_dialect(conn))


@dataclass
class _ActorRow:
    id: int
    name: str
    country: str | None


class ActorCache:
    """Actor ids by name key for one writer. What an uncommitted transaction created is kept
    apart until it commits: a rolled-back article must not leave ids that do not exist."""

    def __init__(self) -> None:
        self.known: dict[str, _ActorRow] = {}
        self.pending: dict[str, _ActorRow] = {}

    def get(self, key: str) -> _ActorRow | None:
        return self.pending.get(key) or self.known.get(key)

    def put(self, key: str, row: _ActorRow) -> None:
        self.pending[key] = row

    def commit(self) -> None:
        self.known.update(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()

    def forget(self) -> None:
        self.known.clear()
        self.pending.clear()


def _name_keys(name: str) -> list[str]:
    return sorted(name_variants(name))


def _find_actor(conn, name: str) -> _ActorRow | None:
    sql = _sql(conn)
    keys = {"keys": _name_keys(name)}
    row = conn.execute(sql.actor_by_name, keys).first()
    if row is None:
        row = conn.execute(sql.actor_by_alias, keys).first()
    return _ActorRow(*row) if row else None


def _actor(conn, cache: ActorCache, name: str, kind: str, country: str | None) -> _ActorRow:
    """The actor called ``name`` (a name or alias, any case), created when there is none yet.

    Insert-or-get: another process creating the same actor at the same moment is no error.
    An actor first met in an article brings its gazetteer aliases, so that "the Kremlin"
    finds Russia in filters too.
    """
    key = name_key(name)
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        country = None
    country = country.upper() if country else None
    row = cache.get(key) or _find_actor(conn, name)
    if row is None:
        sql = _sql(conn)
        cleaned = clean_name(name)
        new_id = conn.execute(
            sql.insert_actor,
            {
                "name": cleaned,
                "name_key": name_key(cleaned),
                "kind": check_kind(kind),
                "country": country,
            },
        ).scalar()
        if new_id is None:  # made by another process in the meantime
            row = _find_actor(conn, cleaned)
            if row is None:
                raise TrackerError(f"actor {cleaned!r} could not be created")
        else:
            row = _ActorRow(new_id, cleaned, country)
            gazetteer = _gazetteer_by_key()
            entry = gazetteer.get(key) or gazetteer.get(fold_for_search(key))
            aliases = [*(entry.aliases if entry else ()), entry.name if entry else cleaned]
            # "Recep Tayyip Erdoğan" is found again as "Recep Tayyip Erdogan"
            aliases.append(without_diacritics(cleaned))
            for alias in aliases:
                alias = " ".join(alias.split())
                if not alias or len(alias) > 200 or _find_actor(conn, alias) is not None:
                    continue
                conn.execute(
                    sql.insert_alias,
                    {"actor_id": new_id, "alias": alias, "alias_key": name_key(alias)},
                )
    if row.country is None and country:
        conn.execute(_sql(conn).set_country, {"actor_id": row.id, "new_country": country})
        row = _ActorRow(row.id, row.name, country)
    cache.put(key, row)
    return row


# ---------------------------------------------------------------- merging events

# How far apart in time two tellings of one event may be when one of them gives no date:
# a Trump–Putin call "planned" in an undated line is not the one that took place years earlier.
MERGE_WINDOW = dt.timedelta(days=60)
_DAY = dt.timedelta(days=1)
_YEAR = dt.timedelta(days=366)


def _shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    """``day + delta`` held within the calendar (years 1-9999)."""
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


@dataclass
class Candidate:
    """A known event that a new mention may tell again (the columns the merge needs)."""

    id: int
    when: When | None
    timeline_date: dt.date
    shared_actors: int
    # the event's merge state, read when a mention is added to it (see _merge)
    status: str = ""
    confidence: float = 0.0
    search_length: int = 0


def _compatible(known: Candidate, new: When | None, reference: dt.date | None) -> bool:
    """Same time: overlapping ranges when both are dated, else close to each other; an
    undated telling (no time, no article date) fits any time."""
    if known.when is not None and new is not None:
        return (
            _shift(known.when.start, -_DAY) <= new.end
            and _shift(new.start, -_DAY) <= known.when.end
        )
    if reference is None or (known.when is None and is_undated(known.timeline_date)):
        return True
    return abs(known.timeline_date - reference) <= MERGE_WINDOW


def find_matching_event(
    session: Session | Connection,
    extracted: ExtractedEvent,
    actor_ids: Sequence[int],
    article_id: int | None = None,
    reported: dt.date | None = None,
    exclude: set[int] | frozenset[int] = frozenset(),
    undated: UndatedEvents | None = None,
    prefetched: Sequence[tuple] | None = None,
) -> Candidate | None:
    """A known event this mention tells again: same type, overlapping actors, compatible time.

    ``reported`` is the day of the article: a mention without a time of its own can only
    tell again an event placed near it. With neither (an undated article), it may tell again
    an event of any time; and an undated event may be told again by any mention. The events
    of the type within the time window are found first (an index range), then their actors.
    ``prefetched``: what the query gives, read before (see _prefetch_candidates).
    """
    ids = sorted(set(actor_ids))
    if not ids:
        return None
    case, params, reference = _candidate_params(extracted, ids, reported)
    sql = _sql(session)
    rows: Iterable[tuple] = ()
    query = None
    if prefetched is not None:
        rows = prefetched
    elif undated is not None and article_id is None:
        # the undated events from the writer's own copy, the rest from the database
        rows = undated.candidates(session, extracted.type, case, ids, params, exclude)
        query = sql.candidates_dated_only[case]
        if case == "anywhere":
            params["limit"] = ANYWHERE_CANDIDATES - undated.count(session, extracted.type)
            if params["limit"] <= 0:
                query = None
    else:
        query = sql.candidates[case]
        if case == "anywhere":
            params["limit"] = ANYWHERE_CANDIDATES
        if article_id is not None:
            query = sql.candidates_for_article[case]
            params["article_id"] = article_id
    best: tuple | None = None
    chosen: Candidate | None = None
    for found, in_order in ((rows, prefetched is not None), (query, True)):
        if found is None:
            continue
        if found is query:  # the query gives the best first: the first one that fits is the one
            found = session.execute(query, params)
        for id_, start, end, precision, timeline_date, n in found:
            when = When(start, end or start, precision) if start and precision else None
            if id_ in exclude:
                continue
            candidate = Candidate(id_, when, timeline_date, n)
            if not _compatible(candidate, extracted.when, reference):
                continue
            same_time = extracted.when is not None and when == extracted.when
            rank = (n, same_time, not is_undated(timeline_date), timeline_date, id_)
            if best is None or rank > best:
                best, chosen = rank, candidate
            if in_order:
                if found is not rows:
                    found.close()
                break
    return chosen


def _candidate_params(
    extracted: ExtractedEvent, ids: list[int], reported: dt.date | None
) -> tuple[str, dict, dt.date | None]:
    """The time case of a mention, the candidate query's parameters, the reference day."""
    reference = extracted.when.start if extracted.when else reported
    if reference is None:
        low, high = dt.date.min, dt.date.max
    else:
        low, high = _shift(reference, -MERGE_WINDOW), _shift(reference, MERGE_WINDOW)
    if extracted.when is not None:  # a dated event may have started up to a year before
        low = min(low, _shift(extracted.when.start, -_YEAR))
        high = max(high, _shift(extracted.when.end, _DAY))
    params = {
        "type": extracted.type,
        "low": low,
        "high": high,
        "ids": ids,
        "needed": min(2, len(ids)),
    }
    case = _time_case(extracted, reported)
    if reference is not None:
        params["near_low"] = _shift(reference, -MERGE_WINDOW)
        params["near_high"] = _shift(reference, MERGE_WINDOW)
    if extracted.when is not None:
        params["overlap_low"] = _shift(extracted.when.start, -_DAY)
        params["overlap_high"] = _shift(extracted.when.end, _DAY)
    if extracted.when is not None:
        params["same_start"] = extracted.when.start
        params["same_end"] = extracted.when.end
        params["same_precision"] = extracted.when.precision
    return case, params, reference


def _prefetch_candidates(conn, mentions: Sequence[tuple[ExtractedEvent, list[int]]], reported):
    """PostgreSQL: the candidate rows of an article's mentions, read in one round trip
    (psycopg's pipeline) before any is merged, best first; None for a mention whose
    candidates must be read when its turn comes (the "anywhere" case, whose latest events
    the article's own new events change).

    The same as reading them one by one: what the article writes meanwhile only concerns
    the events it tells, which find_matching_event leaves out of its later mentions anyway.
    """
    from psycopg import Pipeline

    sql = _sql(conn)
    bind = conn.connection() if isinstance(conn, Session) else conn
    raw = bind.connection.dbapi_connection
    jobs = []
    for k, (extracted, actor_ids) in enumerate(mentions):
        ids = sorted(set(actor_ids))
        if not ids:
            continue
        case, params, _reference = _candidate_params(extracted, ids, reported)
        if case == "anywhere":
            continue
        text, defaults = sql.pg_candidates(case, bind)
        jobs.append((k, text, {**defaults, **params}))
    found: list[list | None] = [None] * len(mentions)
    cursors = []
    if Pipeline.is_supported():
        with raw.pipeline():
            for k, text, params in jobs:
                cursor = raw.cursor()
                cursor.execute(text, params)
                cursors.append((k, cursor))
    else:
        for k, text, params in jobs:
            cursor = raw.cursor()
            cursor.execute(text, params)
            cursors.append((k, cursor))
    for k, cursor in cursors:
        found[k] = cursor.fetchall()
        cursor.close()
    return found


class _UndatedOfType:
    """The undated events of one type: their time columns and their actors."""

    def __init__(self) -> None:
        self.times: dict[int, tuple] = {}  # id -> (when_start, when_end, precision)
        self.actors: dict[int, set[int]] = {}  # id -> actor ids
        self.by_actor: dict[int, set[int]] = {}  # actor id -> ids

    def add(self, id_: int, times: tuple, actor_ids: Iterable[int]) -> None:
        self.times[id_] = times
        self.actors.setdefault(id_, set())
        for actor_id in actor_ids:
            self.add_actor(id_, actor_id)

    def add_actor(self, id_: int, actor_id: int) -> None:
        self.actors[id_].add(actor_id)
        self.by_actor.setdefault(actor_id, set()).add(id_)

    def remove(self, id_: int) -> None:
        del self.times[id_]
        for actor_id in self.actors.pop(id_):
            self.by_actor[actor_id].discard(id_)


class UndatedEvents:
    """The undated events of each type and their actors, kept by one SQLite writer from one
    article to the next instead of probing every one of them for each mention.

    An undated event may be a retelling of any mention of its type: the candidate query reads
    them all, and a database of a million events can hold thousands of a type (1,600 in the
    synthetic one: two thirds of the writer's time went to probing their actors). Read once
    per type, they are kept up to date with what this writer does (``added``, ``merged``)
    and forgotten whenever that cannot be vouched for: when another connection committed
    since (SQLite's ``PRAGMA data_version``, read in each write transaction, which holds the
    write lock), when the connection is another one, when a transaction failed. The
    candidates are the ones the database gives (merge_check compares whole runs).
    """

    def __init__(self) -> None:
        self.types: dict[str, _UndatedOfType] = {}
        self._connection: object | None = None
        self._version: int | None = None

    def check(self, conn: Connection) -> None:
        """At the start of a write transaction: forget everything another connection may have
        changed since the last one."""
        raw = conn.connection.dbapi_connection
        version = conn.exec_driver_sql("PRAGMA data_version").scalar()
        if raw is not self._connection or version != self._version:
            self.types.clear()
            self._connection, self._version = raw, version

    def forget(self) -> None:
        self.types.clear()
        self._connection = self._version = None

    def _of_type(self, conn, type_: str) -> _UndatedOfType:
        known = self.types.get(type_)
        if known is None:
            known = self.types[type_] = _UndatedOfType()
            for id_, start, end, precision, actor_id in conn.execute(
                _sql(conn).undated_of_type, {"type": type_}
            ):
                if id_ not in known.times:
                    known.add(id_, (start, end, precision), ())
                if actor_id is not None:
                    known.add_actor(id_, actor_id)
        return known

    def count(self, conn, type_: str) -> int:
        return len(self._of_type(conn, type_).times)

    def candidates(
        self, conn, type_: str, case: str, ids: Sequence[int], params: dict, exclude
    ) -> list:
        """The undated events of the type the candidate query would give, as its rows:
        (id, when_start, when_end, precision, timeline_date, shared actors), those in
        ``exclude`` left out. Of the ones without a time (nearly all), whose rank in
        find_matching_event is only their shared actors and id, only the best is given."""
        known = self._of_type(conn, type_)
        shared = Counter(  # ids are distinct already
            itertools.chain.from_iterable(known.by_actor.get(a, ()) for a in ids)
        )
        if case == "anywhere":  # the latest first: by id among undated events
            kept = set(sorted(known.times, reverse=True)[:ANYWHERE_CANDIDATES])
        rows = []
        timeless: tuple[int, int] | None = None  # the best (shared actors, id) without a time
        for id_, n in shared.items():
            if n < params["needed"] or id_ in exclude:
                continue
            start, end, precision = known.times[id_]
            if case == "anywhere":
                if id_ not in kept:
                    continue
            elif not _undated_in_time(case, start, end, precision, params):
                continue
            if start and precision:
                rows.append((id_, start, end, precision, UNDATED, n))
            elif timeless is None or (n, id_) > timeless:
                timeless = (n, id_)
        if timeless is not None:
            n, id_ = timeless
            start, end, precision = known.times[id_]
            rows.append((id_, start, end, precision, UNDATED, n))
        return rows

    def added(self, type_: str, id_: int, when: When | None, timeline_date, actor_ids) -> None:
        """This writer made an event."""
        known = self.types.get(type_)
        if known is not None and timeline_date == UNDATED:
            times = (when.start, when.end, when.precision) if when else (None, None, None)
            known.add(id_, times, actor_ids)

    def merged(self, type_: str, id_: int, changes: dict, actor_ids: Iterable[int]) -> None:
        """This writer changed an event: ``changes`` as _merge writes them, new actors."""
        known = self.types.get(type_)
        if known is None:
            return
        if id_ not in known.times:
            if changes.get("timeline_date") == UNDATED:
                del self.types[type_]  # an event becomes undated: read the type again
            return
        if changes.get("timeline_date", UNDATED) != UNDATED:
            known.remove(id_)
            return
        if "when_start" in changes:
            known.times[id_] = (changes["when_start"], changes["when_end"], changes["precision"])
        for actor_id in actor_ids:
            known.add_actor(id_, actor_id)


def _undated_in_time(case: str, start, end, precision, params: dict) -> bool:
    """_compatible_in_sql's conditions for an event whose timeline_date is UNDATED."""
    known_dated = start is not None and precision is not None
    if case == "dated":
        if not known_dated:
            return True
        return start <= params["overlap_high"] and (end or start) >= params["overlap_low"]
    # reported: not known dated, or the reported day's window reaches the calendar's end
    return not known_dated or params["near_low"] <= UNDATED <= params["near_high"]


def _moves_status(current: str, new: str) -> bool:
    return new != current and new not in _NOT_AFTER.get(current, set())


SEARCH_TEXT_LIMIT = 4000  # as tracker.services.events.refresh_search_text


def _retitled(conn, event_id: int) -> str | None:
    """The title an extracted event's actors make now that some were added, unless a person
    gave or edited it; None when it stays as it is."""
    event_type, title, edited, origin = conn.execute(
        select(Event.type, Event.title, Event.edited, Event.origin).where(Event.id == event_id)
    ).one()
    if origin != "extracted" or "title" in (edited or "").split(","):
        return None
    actors = [
        ActorRole(name, role, kind, country)
        for name, kind, country, role in conn.execute(
            select(Actor.name, Actor.kind, Actor.country, Participation.role)
            .join(Participation, Participation.actor_id == Actor.id)
            .where(Participation.event_id == event_id)
            .order_by(Participation.id)
        )
    ]
    made = title_for(event_type, actors)[:500]
    return made if made != title else None


def _search_text(conn, event_id: int, title: str | None = None) -> str:
    """What free-text search sees (as refresh_search_text): title, actors, notes, evidence;
    ``title``: the one about to be stored."""
    stored, notes = conn.execute(select(Event.title, Event.notes).where(Event.id == event_id)).one()
    parts = [title or stored]
    parts += conn.execute(
        select(Actor.name)
        .join(Participation, Participation.actor_id == Actor.id)
        .where(Participation.event_id == event_id)
        .order_by(Participation.id)
    ).scalars()
    parts.append(notes or "")
    text = " ".join(p for p in parts if p)
    # the evidence in mention order, only as far as the limit reaches
    for (sentence,) in conn.execute(
        select(Mention.sentence).where(Mention.event_id == event_id).order_by(Mention.id).limit(500)
    ):
        if len(text) >= SEARCH_TEXT_LIMIT:
            break
        text = f"{text} {sentence}" if text and sentence else text or sentence
    return text[:SEARCH_TEXT_LIMIT]


def _history_key(effective: dt.date | None, recorded: dt.datetime, id_: int) -> tuple:
    # as tracker.services.events.history_order
    return (effective is not None, effective or dt.date.min, recorded, id_)


def apply_extraction(
    session: Session | Connection,
    extraction: Extraction,
    source: str,
    digest: str,
    *,
    title: str | None = None,
    actors: ActorCache | None = None,
    date_given: bool = False,
    undated: UndatedEvents | None = None,
) -> ArticleOutcome:
    """Store one article and merge its events; the caller owns the transaction.

    Core statements only (no ORM objects are loaded or kept). When another process stored
    the same text first, nothing is written and the outcome is "duplicate".
    ``date_given``: the publication date was given by the user, not read from the text.
    """
    if actors is None:
        actors = ActorCache()
    art = extraction.article
    sql = _sql(session)
    article_title = " ".join((title or art.title or Path(source).stem or source).split())[:500]
    article_id = session.execute(
        sql.insert_article,
        {
            "source": source[:1000],
            "title": article_title,
            "published": art.published,
            "date_source": article_date_source(art.published, date_given),
            "body": art.text,
            "content_hash": digest,
            "ingested_at": utcnow(),
        },
    ).scalar()
    if article_id is None:
        return _already_known(session, source, digest)
    outcome = ArticleOutcome(
        source, "ingested", title=article_title, article_id=article_id, published=art.published
    )
    merge_events(
        session, article_id, art.published, extraction.events, outcome, actors, undated=undated
    )
    if not extraction.events:
        # (read here only: the reader's word lists and patterns stay out of this module's import)
        from tracker.extract.articles import reads_as_english

        if not reads_as_english(art.body):
            outcome.reason = NOT_ENGLISH
    return outcome


def article_date_source(published: dt.date | None, given: bool) -> str:
    if published is None:
        return "none"
    return "given" if given else "text"


def placement(published: dt.date | None) -> dt.date:
    """The timeline day of an event with no time of its own reported on ``published``
    (an article dated the calendar's last day must not pass for an undated one)."""
    if published is None:
        return UNDATED
    return min(published, UNDATED - _DAY)


def merge_events(
    session: Session | Connection,
    article_id: int,
    published: dt.date | None,
    events: Sequence[ExtractedEvent],
    outcome: ArticleOutcome,
    actors: ActorCache | None = None,
    told: Iterable[int] = (),
    undated: UndatedEvents | None = None,
) -> None:
    """Merge the events read from an article into the store: new events, or new mentions of
    known ones (moving their status). ``told``: events this article already tells (left out
    of the matches, as the extractor merged repeats within one article)."""
    if actors is None:
        actors = ActorCache()
    reported = When(published, published, "day") if published else None
    placed_at = placement(published)
    touched: set[int] = set(told)
    actor_rows = [
        [_actor(session, actors, a.name, a.kind, a.country) for a in extracted.actors]
        for extracted in events
    ]
    prefetched: list = [None] * len(events)
    if len(events) > 1 and _driver(session) == ("postgresql", "psycopg"):
        prefetched = _prefetch_candidates(
            session,
            [(e, [r.id for r in rows]) for e, rows in zip(events, actor_rows, strict=True)],
            published,
        )
    for extracted, rows, candidates in zip(events, actor_rows, prefetched, strict=True):
        # the extractor already merged repeats within one article: the events this article
        # told already are left out (kept here: asking the database costs a scan of every
        # mention of a much-told event)
        known = find_matching_event(
            session,
            extracted,
            [r.id for r in rows],
            None,
            published,
            exclude=touched,
            undated=undated,
            prefetched=candidates,
        )
        mention = {
            "article_id": article_id,
            "sentence": extracted.evidence,
            "start_offset": extracted.start,
            "end_offset": extracted.end,
            "implied_status": extracted.status,
            "created_at": utcnow(),
        }
        if known is None:
            touched.add(
                _new_event(session, extracted, rows, mention, reported, placed_at, undated)
            )
            outcome.new_events += 1
            continue
        touched.add(known.id)
        outcome.merged_mentions += 1
        if _merge(session, known, extracted, rows, mention, reported, placed_at, undated):
            outcome.status_changes += 1


def _already_known(
    session, source: str, digest: str, published: dt.date | None = None
) -> ArticleOutcome:
    id_, title = session.execute(_sql(session).article_by_hash, {"digest": digest}).one()
    known = session.execute(select(Article.published).where(Article.id == id_)).scalar()
    reason = f"already ingested as article {id_}"
    if published is not None and published != known:
        dated = known.isoformat() if known else "no date"
        reason += (
            f" ({dated}); to correct its date run "
            f"`tracker article set-date {id_} {published.isoformat()}`"
        )
    return ArticleOutcome(source, "duplicate", reason, title, article_id=id_, published=known)


def _new_event(
    session,
    extracted: ExtractedEvent,
    rows,
    mention: dict,
    reported,
    placed_at,
    undated: UndatedEvents | None = None,
) -> int:
    sql = _sql(session)
    pairs: list[tuple[_ActorRow, str]] = []
    for row, actor in zip(rows, extracted.actors, strict=True):
        if (row.id, actor.role) not in {(r.id, role) for r, role in pairs}:
            pairs.append((row, actor.role))
    title = (extracted.title or "").strip() or title_for(
        extracted.type, [ActorRole(r.name, role) for r, role in pairs]
    )
    title = title[:500]
    when = extracted.when
    parts = [title, *(r.name for r, _ in pairs), extracted.evidence]
    now = utcnow()
    event_id = session.execute(
        sql.insert_event,
        {
            "type": extracted.type,
            "status": extracted.status,
            "title": title,
            "when_start": when.start if when else None,
            "when_end": when.end if when else None,
            "precision": when.precision if when else None,
            "timeline_date": when.start if when else placed_at,
            "origin": "extracted",
            "confidence": extracted.confidence,
            "notes": None,
            "search_text": " ".join(p for p in parts if p)[:SEARCH_TEXT_LIMIT],
            "created_at": now,
            "updated_at": now,
            "version": 1,
        },
    ).scalar_one()
    if pairs:
        session.execute(
            sql.insert_participation,
            [{"event_id": event_id, "actor_id": r.id, "role": role} for r, role in pairs],
        )
    mention_id = session.execute(sql.insert_mention, {"event_id": event_id, **mention}).scalar_one()
    session.execute(
        sql.insert_status_change,
        {
            "event_id": event_id,
            "from_status": None,
            "to_status": extracted.status,
            "effective_at": reported.start if reported else None,
            "effective_precision": reported.precision if reported else None,
            "recorded_at": now,
            "mention_id": mention_id,
            "note": None,
        },
    )
    if undated is not None:
        timeline_date = when.start if when else placed_at
        undated.added(extracted.type, event_id, when, timeline_date, [r.id for r, _ in pairs])
    return event_id


def _merge(
    session,
    known: Candidate,
    extracted: ExtractedEvent,
    rows,
    mention,
    reported,
    placed_at,
    undated: UndatedEvents | None = None,
) -> bool:
    """Add a mention to a known event; True when it moved the event's status."""
    sql = _sql(session)
    event_id = known.id
    key = {"event_id": event_id}
    if sql.lock_needed:
        status, confidence, search_length, mention_id = session.execute(
            sql.lock_event_adding_mention, {**key, **mention}
        ).one()
    else:
        status, confidence, search_length = session.execute(sql.merge_state, key).one()
        mention_id = session.execute(sql.insert_mention, {**key, **mention}).scalar_one()
    current = Candidate(known.id, known.when, known.timeline_date, known.shared_actors,
                        status, confidence, search_length)  # fmt: skip
    changes: dict = {}
    if current.when is None and extracted.when is not None:
        changes.update(
            when_start=extracted.when.start,
            when_end=extracted.when.end,
            precision=extracted.when.precision,
            timeline_date=extracted.when.start,
        )
    elif current.when is None and placed_at < known.timeline_date:
        changes["timeline_date"] = placed_at  # an undated event is now reported on a day
    added = []
    if known.shared_actors < len({r.id for r in rows}):  # some actor may be new to it
        seen = set(session.execute(sql.event_actors, key).scalars())
        for row, actor in zip(rows, extracted.actors, strict=True):
            if row.id not in seen:
                added.append({"event_id": event_id, "actor_id": row.id, "role": actor.role})
                seen.add(row.id)
    if added:
        session.execute(sql.insert_participation, added)
        # "Iran criticism" told again with its target: "Iran criticism of European Union"
        if (title := _retitled(session, event_id)) is not None:
            changes["title"] = title
        changes["search_text"] = _search_text(session, event_id, title)
    elif current.search_length < SEARCH_TEXT_LIMIT:
        changes["append_search_text"] = extracted.evidence
    if extracted.confidence > current.confidence:
        changes["confidence"] = extracted.confidence
    moved = _moves_status(current.status, extracted.status)
    if moved:
        session.execute(
            sql.insert_status_change,
            {
                "event_id": event_id,
                "from_status": current.status,
                "to_status": extracted.status,
                "effective_at": reported.start if reported else None,
                "effective_precision": reported.precision if reported else None,
                "recorded_at": utcnow(),
                "mention_id": mention_id,
                "note": None,
            },
        )
        history = session.execute(sql.history, key).all()
        latest = max(history, key=lambda h: _history_key(h[0], h[1], h[2]))
        changes["status"] = latest.to_status
    if undated is not None:
        undated.merged(extracted.type, event_id, changes, [a["actor_id"] for a in added])
    if changes:
        session.execute(
            sql.update_event(list(changes)),
            {
                **key,
                **{f"new_{c}": v for c, v in changes.items() if c != "append_search_text"},
                **(
                    {"new_sentence": changes["append_search_text"]}
                    if "append_search_text" in changes
                    else {}
                ),
                "new_updated_at": utcnow(),
            },
        )
    return moved


# ---------------------------------------------------------------- one article, many articles


def _extract(
    text: str,
    source: str,
    published: dt.date | None,
    known_actors: Sequence[ActorEntry],
    time_budget: float | None,
) -> Extraction:
    from tracker.extract import extract

    deadline = time.monotonic() + time_budget if time_budget else None
    try:
        return extract(
            text, published=published, extra_actors=known_actors, source=source, deadline=deadline
        )
    except TrackerError:
        raise
    except (ValueError, OverflowError, ArithmeticError) as exc:
        raise TrackerError(f"cannot be read: {exc}") from None
    except RecursionError:
        raise TrackerError("cannot be read: too deeply nested") from None


def ingest_text(
    session: Session | Connection,
    text: str,
    source: str,
    published: dt.date | None = None,
    known_actors: Sequence[ActorEntry] | None = None,
    *,
    title: str | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    actors: ActorCache | None = None,
    extracted: Extraction | TrackerError | None = None,
) -> ArticleOutcome:
    """Read one article's text into the store (no-op when the same text is already in).

    For text from anywhere (a file, a web page, a feed): ``source`` is its path or URL,
    ``title`` and ``published`` override what the text's own header says. Raises
    TrackerError when the text cannot be an article or takes over ``time_budget`` seconds.
    ``extracted``: the text's extraction (or why it failed), made beforehand by a worker.
    The caller owns the transaction.
    """
    text = check_article_text(compose_article(text, title, published))
    digest = content_hash(text)
    if session.execute(_sql(session).article_by_hash, {"digest": digest}).first():
        return _already_known(session, source, digest, published)
    if isinstance(extracted, TrackerError):
        raise extracted
    if extracted is not None:
        extraction = extracted
    else:
        if known_actors is None:
            known_actors = known_actor_entries(session)
        extraction = _extract(text, source, published, known_actors, time_budget)
    return apply_extraction(
        session,
        extraction,
        source,
        digest,
        title=title,
        actors=actors,
        date_given=published is not None,
    )


# Errors worth another try: a lock or deadlock on PostgreSQL, a busy SQLite file, an actor
# merged away by someone else while our cache still had it.
_RETRIES = 3


def _reason_for(exc: Exception) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        text = str(exc.orig).strip().splitlines()
        return f"database error: {text[0] if text else type(exc.orig).__name__}"
    if isinstance(exc, TrackerError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _stop_if_unwritable(exc: Exception) -> None:
    """A database that takes no writes ends the batch: every article would fail the same."""
    from tracker.db.session import unwritable_reason

    reason = unwritable_reason(exc)
    if reason is not None:
        raise DatabaseUnwritable(f"the database cannot be written: {reason}") from None


class Writer:
    """Stores extractions one article per short transaction (the only writer of a run)."""

    def __init__(self, engine: Engine) -> None:
        from tracker.db.session import write_transaction

        self.engine = engine
        self._transaction = write_transaction
        self.actors = ActorCache()
        # SQLite: the undated events are kept between articles (PostgreSQL has no cheap way
        # to tell that another writer changed nothing meanwhile)
        self.undated = UndatedEvents() if engine.dialect.name == "sqlite" else None

    def known_hashes(self, digests: Sequence[str]) -> set[str]:
        if not digests:
            return set()
        with self.engine.connect() as conn:
            return set(
                conn.execute(
                    select(Article.content_hash).where(
                        Article.content_hash.in_(bindparam("d", expanding=True))
                    ),
                    {"d": list(digests)},
                ).scalars()
            )

    def store(
        self,
        source: str,
        digest: str,
        extraction: Extraction,
        title: str | None = None,
        date_given: bool = False,
    ) -> ArticleOutcome:
        for attempt in range(_RETRIES):
            try:
                with self._transaction(self.engine) as conn:
                    if self.undated is not None:
                        self.undated.check(conn)
                    outcome = apply_extraction(
                        conn,
                        extraction,
                        source,
                        digest,
                        title=title,
                        actors=self.actors,
                        date_given=date_given,
                        undated=self.undated,
                    )
                self.actors.commit()
                return outcome
            except (IntegrityError, OperationalError) as exc:
                self.actors.rollback()
                _stop_if_unwritable(exc)
                self.actors.forget()  # an actor may be gone: look them up again
                if self.undated is not None:
                    self.undated.forget()
                if attempt == _RETRIES - 1:
                    return ArticleOutcome(source, "failed", _reason_for(exc))
                time.sleep(0.05 * (attempt + 1))
            except Exception as exc:  # noqa: BLE001 - one article's failure ends only that article
                self.actors.rollback()
                _stop_if_unwritable(exc)
                if self.undated is not None:
                    self.undated.forget()  # it may hold what was rolled back
                return ArticleOutcome(source, "failed", _reason_for(exc))
        raise AssertionError("unreachable")


def _read(path: Path) -> tuple[str | None, str | None]:
    try:
        return read_article_text(path), None
    except TrackerError as exc:
        return None, str(exc)


# Worker processes: the actors known at the start of the run, set once per worker.
_worker_actors: Sequence[ActorEntry] = ()


def _init_worker(known: Sequence[ActorEntry]) -> None:
    global _worker_actors
    _worker_actors = known


def start_worker(known: Sequence[ActorEntry]) -> None:
    """A worker process's start: Ctrl-C reaches the whole process group, and only the parent
    acts on it (it stops the workers and keeps what was stored); a worker that took it too
    would print a traceback for each of them."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(known)


def _extract_job(job: tuple) -> tuple[Extraction | None, str | None]:
    text, source, published, time_budget = job
    try:
        return _extract(text, source, published, _worker_actors, time_budget), None
    except TrackerError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - reported as this article's failure
        return None, f"{type(exc).__name__}: {exc}"


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# More worker processes than a few per core add memory (some 90 MB each), not speed:
# extracting is CPU-bound, and fetching pages waits on the network only a while. `--jobs 500`
# on a small machine would start 500 of them and run it out of memory.
WORKERS_PER_CORE = 4


def usable_jobs(jobs: int) -> int:
    """The worker processes a run asking for ``jobs`` starts: at most WORKERS_PER_CORE per
    core this process may use."""
    return max(1, min(jobs, WORKERS_PER_CORE * default_jobs()))


def ingest_files(
    engine: Engine,
    paths: Sequence[Path],
    published: dt.date | None = None,
    progress: Callable[[int, int, ArticleOutcome], None] | None = None,
    problems: Sequence[ArticleOutcome] = (),
    *,
    jobs: int = 1,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> IngestReport:
    """Ingest article files already found (see collect_paths), one transaction each.

    With ``jobs`` > 1, extraction runs in that many worker processes while this process
    stores, in input order: the result is the one a serial run gives.
    """
    report = IngestReport(list(problems))
    jobs = usable_jobs(jobs)
    writer = Writer(engine)
    with engine.connect() as conn:
        known = known_actor_entries(conn)
    total = len(paths)
    done = 0
    pool = None
    if jobs > 1 and total > 1:
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        pool = multiprocessing.get_context(method).Pool(
            min(jobs, total), initializer=start_worker, initargs=(known,)
        )
    window = max(8, 8 * jobs)

    def prepare(batch: Sequence[Path]):
        """Read a window of files and hand what is new to the extractors (not waited for)."""
        read = [(str(p), *_read(p)) for p in batch]
        digests = {src: content_hash(text) for src, text, _ in read if text is not None}
        already = writer.known_hashes(sorted(set(digests.values())))
        todo = [
            (text, src, published, time_budget)
            for src, text, _ in read
            if text is not None and digests[src] not in already
        ]
        if pool is not None:
            results = pool.imap(_extract_job, todo, chunksize=1)
        else:
            results = (_extract_job(job) for job in todo)
        return read, digests, already, results

    try:
        _init_worker(known)
        windows = [paths[i : i + window] for i in range(0, total, window)]
        pending = prepare(windows[0]) if windows else None
        for k in range(len(windows)):
            read, digests, already, results = pending
            # the next window is extracted while this one is stored
            pending = prepare(windows[k + 1]) if k + 1 < len(windows) else None
            for src, text, error in read:
                if text is None:
                    outcome = ArticleOutcome(src, "skipped", error or "cannot be read")
                elif digests[src] in already:
                    with engine.connect() as conn:
                        outcome = _already_known(conn, src, digests[src], published)
                else:
                    extraction, error = next(results)
                    if extraction is None:
                        outcome = ArticleOutcome(src, "failed", error or "cannot be read")
                    else:
                        outcome = writer.store(
                            src, digests[src], extraction, date_given=published is not None
                        )
                report.outcomes.append(outcome)
                done += 1
                if progress is not None:
                    progress(done, total, outcome)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    return report


def ingest_paths(
    engine: Engine,
    specs: Sequence[str],
    published: dt.date | None = None,
    progress: Callable[[int, int, ArticleOutcome], None] | None = None,
    *,
    jobs: int = 1,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> IngestReport:
    """Ingest files, folders (recursively) and globs."""
    paths, problems = collect_paths(specs)
    return ingest_files(
        engine, paths, published, progress, problems, jobs=jobs, time_budget=time_budget
    )


def ingest_one(
    engine: Engine,
    text: str,
    source: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    date_given: bool = False,
) -> ArticleOutcome:
    """One article's text (from a web page, a feed, standard input ...) in its own
    transaction; never raises for a bad article: the outcome says "skipped"/"failed" with the
    reason. ``date_given``: ``published`` is a person's (``--published``), not read."""
    try:
        text = check_article_text(compose_article(text, title, published))
    except TrackerError as exc:
        return ArticleOutcome(source, "skipped", str(exc))
    digest = content_hash(text)
    writer = Writer(engine)
    if writer.known_hashes([digest]):
        with engine.connect() as conn:
            return _already_known(conn, source, digest, published)
    with engine.connect() as conn:
        known = known_actor_entries(conn)
    try:
        extraction = _extract(text, source, published, known, time_budget)
    except TrackerError as exc:
        return ArticleOutcome(source, "failed", str(exc))
    except Exception as exc:  # noqa: BLE001
        return ArticleOutcome(source, "failed", _reason_for(exc))
    # a web page's date comes from the page itself: read, not given by a person
    return writer.store(source, digest, extraction, title=title, date_given=date_given)
