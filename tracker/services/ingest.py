"""Ingestion: article files in, events merged into the store, one transaction per article."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, exists, func, select
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Actor, Article, Event, Mention, Participation
from tracker.db.session import unit_of_work
from tracker.domain import When
from tracker.errors import TrackerError
from tracker.extract.types import ActorEntry, ExtractedEvent, Extraction
from tracker.services.actors import get_or_create_actor, name_key
from tracker.services.events import (
    ActorRole,
    add_event,
    change_status,
    event_when,
    refresh_search_text,
    set_when,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")  # saved web pages: main text, title and date read from the HTML
MAX_ARTICLE_BYTES = 2_000_000

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
    state: str  # ingested, duplicate, skipped
    reason: str = ""
    title: str = ""
    new_events: int = 0
    merged_mentions: int = 0
    status_changes: int = 0


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
        return [o for o in self.outcomes if o.state == "skipped"]

    @property
    def new_events(self) -> int:
        return self._sum("new_events")

    @property
    def merged_mentions(self) -> int:
        return self._sum("merged_mentions")

    @property
    def status_changes(self) -> int:
        return self._sum("status_changes")

    def summary(self) -> str:
        lines = [
            f"articles read: {self.articles_read}, already known: {self.duplicates}, "
            f"skipped: {len(self.skipped)}",
            f"new events: {self.new_events}, merged mentions: {self.merged_mentions}, "
            f"status changes: {self.status_changes}",
        ]
        lines += [f"skipped {o.path}: {o.reason}" for o in self.skipped]
        return "\n".join(lines)


# ---------------------------------------------------------------- finding and reading files


def collect_paths(specs: Iterable[str]) -> tuple[list[Path], list[ArticleOutcome]]:
    """Files, folders (recursively) and globs → article files, plus what cannot be read."""
    found: list[Path] = []
    problems: list[ArticleOutcome] = []
    for spec in specs:
        path = Path(spec).expanduser()
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        elif path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(path)
            else:
                problems.append(ArticleOutcome(spec, "skipped", "not a .txt, .md or .html file"))
        elif glob.has_magic(spec):
            matches = sorted(Path(p) for p in glob.glob(spec, recursive=True))
            files = [p for p in matches if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
            if not files:
                problems.append(
                    ArticleOutcome(spec, "skipped", "no .txt, .md or .html file matches")
                )
            found += files
        else:
            problems.append(ArticleOutcome(spec, "skipped", "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, problems


def read_article_text(path: Path) -> str:
    """The article's text; TrackerError with the reason when it is not a readable article."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise TrackerError(f"too large ({size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TrackerError("no such file") from None
    except IsADirectoryError:
        raise TrackerError("is a folder, not a file") from None
    except PermissionError:
        raise TrackerError("permission denied") from None
    except OSError as exc:
        raise TrackerError(f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() in HTML_SUFFIXES:
        from tracker.sources.pages import article_from_html

        return article_from_html(data, fallback_title=path.stem)
    if b"\x00" in data[:8192]:
        raise TrackerError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TrackerError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise TrackerError("empty")
    return text


def content_hash(text: str) -> str:
    normalised = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- the store side


def known_actor_entries(session: Session) -> list[ActorEntry]:
    """Actors already in the database, for the extractor to recognise."""
    entries = []
    for actor in session.scalars(select(Actor).options(selectinload(Actor.aliases))):
        entries.append(
            ActorEntry(
                name=actor.name,
                kind=actor.kind,
                country=actor.country,
                aliases=tuple(a.alias for a in actor.aliases),
            )
        )
    return entries


@lru_cache(maxsize=1)
def _gazetteer_by_key() -> dict[str, ActorEntry]:
    from tracker.extract import load_gazetteer

    return {name_key(entry.name): entry for entry in load_gazetteer()}


def _ensure_actor(session: Session, name: str, kind: str, country: str | None) -> Actor:
    # an actor first met in an article brings its gazetteer aliases into the database,
    # so that "the Kremlin" finds Russia in filters too
    entry = _gazetteer_by_key().get(name_key(name))
    aliases = entry.aliases if entry else ()
    return get_or_create_actor(session, name, kind=kind, country=country, aliases=aliases)


# How far apart in time two tellings of one event may be when one of them gives no date:
# a Trump–Putin call "planned" in an undated line is not the one that took place years earlier.
MERGE_WINDOW = dt.timedelta(days=60)
_DAY = dt.timedelta(days=1)
_YEAR = dt.timedelta(days=366)


def _compatible(known: Event, new: When | None, reference: dt.date) -> bool:
    """Same time: overlapping ranges when both are dated, else close to each other."""
    known_when = event_when(known)
    if known_when is not None and new is not None:
        return known_when.start - _DAY <= new.end and new.start - _DAY <= known_when.end
    return abs(known.timeline_date - reference) <= MERGE_WINDOW


def find_matching_event(
    session: Session,
    extracted: ExtractedEvent,
    actor_ids: Sequence[int],
    article_id: int | None = None,
    reported: dt.date | None = None,
) -> Event | None:
    """A known event this mention tells again: same type, overlapping actors, compatible time.

    ``reported`` is the day of the article (today when it has none): an undated mention can
    only tell again an event placed near it.
    """
    ids = sorted(set(actor_ids))
    if not ids:
        return None
    reference = extracted.when.start if extracted.when else (reported or dt.date.today())
    low, high = reference - MERGE_WINDOW, reference + MERGE_WINDOW
    if extracted.when is not None:  # a dated event may have started up to a year before
        low = min(low, extracted.when.start - _YEAR)
        high = max(high, extracted.when.end + _DAY)
    needed = min(2, len(ids))
    shared = (
        select(Participation.event_id, func.count(func.distinct(Participation.actor_id)).label("n"))
        .join(Event, Event.id == Participation.event_id)
        .where(
            Participation.actor_id.in_(ids),
            Event.type == extracted.type,
            Event.timeline_date.between(low, high),
        )
        .group_by(Participation.event_id)
        .having(func.count(func.distinct(Participation.actor_id)) >= needed)
        .subquery()
    )
    query = select(Event, shared.c.n).join(shared, shared.c.event_id == Event.id)
    if article_id is not None:  # the extractor already merged repeats within one article
        query = query.where(
            ~exists().where(Mention.event_id == Event.id, Mention.article_id == article_id)
        )
    best: tuple | None = None
    chosen: Event | None = None
    for event, n in session.execute(query).all():
        if not _compatible(event, extracted.when, reference):
            continue
        same_time = extracted.when is not None and event_when(event) == extracted.when
        rank = (n, same_time, event.timeline_date, event.id)
        if best is None or rank > best:
            best, chosen = rank, event
    return chosen


def _moves_status(current: str, new: str) -> bool:
    return new != current and new not in _NOT_AFTER.get(current, set())


def apply_extraction(
    session: Session, extraction: Extraction, source: str, digest: str
) -> ArticleOutcome:
    """Store one article and merge its events; the caller owns the transaction."""
    art = extraction.article
    article = Article(
        source=source,
        title=(art.title or Path(source).stem)[:500],
        published=art.published,
        body=art.text,
        content_hash=digest,
    )
    session.add(article)
    session.flush()
    outcome = ArticleOutcome(source, "ingested", title=article.title)
    reported = When(art.published, art.published, "day") if art.published else None
    placed_at = art.published or dt.date.today()
    for extracted in extraction.events:
        roles = [
            ActorRole(a.name, a.role, kind=a.kind, country=a.country) for a in extracted.actors
        ]
        actors = [_ensure_actor(session, r.name, r.kind, r.country) for r in roles]
        known = find_matching_event(
            session, extracted, [a.id for a in actors], article.id, placed_at
        )
        # built only once its event is known: a Mention must not be flushed without one
        mention_fields = dict(
            article=article,
            sentence=extracted.evidence,
            start_offset=extracted.start,
            end_offset=extracted.end,
            implied_status=extracted.status,
        )
        if known is None:
            event = add_event(
                session,
                type=extracted.type,
                status=extracted.status,
                actors=[
                    ActorRole(actor.name, r.role) for actor, r in zip(actors, roles, strict=True)
                ],
                title=extracted.title or None,
                when=extracted.when,
                origin="extracted",
                confidence=extracted.confidence,
                status_effective=reported,
                timeline_fallback=placed_at,
            )
            mention = Mention(event=event, **mention_fields)
            session.add(mention)
            session.flush()
            event.status_changes[0].mention = mention
            refresh_search_text(event)
            outcome.new_events += 1
            continue
        mention = Mention(event=known, **mention_fields)
        session.add(mention)
        session.flush()
        outcome.merged_mentions += 1
        if known.when_start is None and extracted.when is not None:
            set_when(known, extracted.when)
        present = {(p.actor_id, p.role) for p in known.participations}
        present_actors = {p.actor_id for p in known.participations}
        for actor, role in zip(actors, roles, strict=True):
            if actor.id not in present_actors and (actor.id, role.role) not in present:
                known.participations.append(Participation(actor=actor, role=role.role))
                present_actors.add(actor.id)
        refresh_search_text(known)
        known.confidence = max(known.confidence, extracted.confidence)
        session.flush()
        if _moves_status(known.status, extracted.status):
            change_status(session, known.id, extracted.status, at=reported, mention=mention)
            outcome.status_changes += 1
    session.flush()
    return outcome


def ingest_text(
    session: Session,
    text: str,
    source: str,
    published: dt.date | None = None,
    known_actors: Sequence[ActorEntry] | None = None,
) -> ArticleOutcome:
    """Read one article's text into the store (no-op when the same text is already in)."""
    from tracker.extract import extract

    digest = content_hash(text)
    existing = session.scalar(select(Article).where(Article.content_hash == digest))
    if existing is not None:
        return ArticleOutcome(
            source, "duplicate", f"already ingested as article {existing.id}", existing.title
        )
    if known_actors is None:
        known_actors = known_actor_entries(session)
    extraction = extract(text, published=published, extra_actors=known_actors, source=source)
    return apply_extraction(session, extraction, source, digest)


def ingest_file(
    engine: Engine,
    path: Path,
    published: dt.date | None = None,
    known_actors: Sequence[ActorEntry] | None = None,
) -> ArticleOutcome:
    """One article, one transaction: all of it goes in, or nothing does."""
    try:
        text = read_article_text(path)
        with unit_of_work(engine) as session:
            return ingest_text(session, text, str(path), published, known_actors)
    except TrackerError as exc:
        return ArticleOutcome(str(path), "skipped", str(exc))


def ingest_files(
    engine: Engine,
    paths: Sequence[Path],
    published: dt.date | None = None,
    progress: Callable[[int, int, ArticleOutcome], None] | None = None,
    problems: Sequence[ArticleOutcome] = (),
) -> IngestReport:
    """Ingest article files already found (see collect_paths), one transaction each."""
    report = IngestReport(list(problems))
    with Session(engine) as session:
        known = known_actor_entries(session)
    for done, path in enumerate(paths, start=1):
        outcome = ingest_file(engine, path, published, known)
        report.outcomes.append(outcome)
        if progress is not None:
            progress(done, len(paths), outcome)
    return report


def ingest_paths(
    engine: Engine,
    specs: Sequence[str],
    published: dt.date | None = None,
    progress: Callable[[int, int, ArticleOutcome], None] | None = None,
) -> IngestReport:
    """Ingest files, folders (recursively) and globs."""
    paths, problems = collect_paths(specs)
    return ingest_files(engine, paths, published, progress, problems)
