"""Articles as first-class records: listing, details, correcting the date, re-extraction.

Re-extraction runs the current extractor over an article's stored text again and reconciles
what it finds with what is stored:

- a mention whose sentence (same character span) still gives an event of the same type is
  kept and updated: its implied status, and, unless a person edited them, the event's time
  (re-resolved against the article's date), title and actors;
- events found now but not before are merged as ingestion merges them (another mention of a
  known event, or a new event);
- a mention that no longer holds is removed with the status changes it was the source of;
  an event left with no mention goes, unless a person touched it.

A person touched an event when it was entered by hand (origin manual), has fields a person
edited (``Event.edited``), notes, or a status change made by hand (no mention as source).
What a person entered or changed is never removed or overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload

from tracker.db.models import Actor as StoredActor
from tracker.db.models import Article, Event, Mention, Participation, StatusChange
from tracker.db.session import id_fits, unit_of_work, unwritable_reason
from tracker.domain import When, future_publication, when_label
from tracker.errors import DatabaseUnwritable, NotFoundError, TrackerError
from tracker.extract.types import ActorEntry, ExtractedEvent
from tracker.services.events import (
    dismissed_readings,
    edited_fields,
    event_when,
    history_order,
    refresh_search_text,
    reported_day,
    set_when,
)
from tracker.services.ingest import (
    ActorCache,
    ArticleOutcome,
    _actor,
    _moves_status,
    _reason_for,
    article_date_source,
    known_actor_entries,
    merge_events,
    placement,
)

DATE_SOURCE_LABELS = {
    "given": "given (--published or set-date)",
    "text": "read from the text",
    "none": "none given, none in the text",
    None: "source not recorded (ingested before it was)",
}


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    published: dt.date | None
    date_source: str | None
    events: int
    ingested_at: dt.datetime

    @property
    def date_text(self) -> str:
        return self.published.isoformat() if self.published else "no date found"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "date_source": self.date_source,
            "events": self.events,
            "ingested_at": self.ingested_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class ArticleMention:
    event_id: int
    type: str
    status: str
    title: str
    when_text: str
    sentence: str
    implied_status: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleDetails:
    summary: ArticleSummary
    mentions: tuple[ArticleMention, ...]

    @property
    def date_source_text(self) -> str:
        return DATE_SOURCE_LABELS.get(self.summary.date_source, str(self.summary.date_source))


def _event_count():
    return (
        select(func.count(func.distinct(Mention.event_id)))
        .where(Mention.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )


_SUMMARY_COLUMNS = (
    Article.id,
    Article.title,
    Article.source,
    Article.published,
    Article.date_source,
    Article.ingested_at,
)


def _summary(row) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        title=row.title,
        source=row.source,
        published=row.published,
        date_source=row.date_source,
        events=row.events or 0,
        ingested_at=row.ingested_at,
    )


def list_articles(
    session: Session,
    *,
    undated: bool = False,
    limit: int | None = None,
    after_id: int | None = None,
) -> list[ArticleSummary]:
    """Articles in the order they were ingested (keyset by id), with their event counts."""
    query = select(*_SUMMARY_COLUMNS, _event_count().label("events")).order_by(Article.id)
    if undated:
        query = query.where(Article.published.is_(None))
    if after_id is not None:
        query = query.where(Article.id > after_id)
    if limit is not None:
        query = query.limit(limit)
    return [_summary(row) for row in session.execute(query)]


def count_articles(session: Session, *, undated: bool = False) -> int:
    query = select(func.count(Article.id))
    if undated:
        query = query.where(Article.published.is_(None))
    return session.scalar(query) or 0


def get_article(session: Session, article_id: int) -> Article:
    if not id_fits(session, Article.id, article_id):
        raise NotFoundError(f"no article with id {article_id}")
    article = session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(
            selectinload(Article.mentions)
            .selectinload(Mention.event)
            .options(
                selectinload(Event.mentions).selectinload(Mention.article),
                selectinload(Event.participations).selectinload(Participation.actor),
                selectinload(Event.status_changes),
            )
        )
    )
    if article is None:
        raise NotFoundError(f"no article with id {article_id}")
    return article


def article_details(session: Session, article_id: int) -> ArticleDetails:
    """An article's metadata and its events with the sentences they were read from."""
    article = get_article(session, article_id)
    row = session.execute(
        select(*_SUMMARY_COLUMNS, _event_count().label("events")).where(Article.id == article_id)
    ).one()
    mentions = tuple(
        ArticleMention(
            event_id=m.event.id,
            type=m.event.type,
            status=m.event.status,
            title=m.event.title,
            when_text=when_label(event_when(m.event), m.event.timeline_date),
            sentence=m.sentence,
            implied_status=m.implied_status,
            start=m.start_offset,
            end=m.end_offset,
        )
        for m in sorted(article.mentions, key=lambda m: (m.start_offset, m.id))
    )
    return ArticleDetails(_summary(row), mentions)


def article_ids_of_event(session: Session, event_id: int) -> list[int]:
    """The articles an event was read from (for re-extracting them from its details)."""
    return list(
        session.scalars(
            select(Mention.article_id)
            .where(Mention.event_id == event_id)
            .distinct()
            .order_by(Mention.article_id)
        )
    )


# ---------------------------------------------------------------------------------------------
# re-extraction


@dataclass
class ReextractOutcome:
    article_id: int
    title: str = ""
    published: dt.date | None = None
    date_source: str | None = None
    kept_mentions: int = 0
    removed_mentions: int = 0
    new_events: int = 0
    merged_mentions: int = 0
    status_changes: int = 0
    removed_events: int = 0
    kept_touched: int = 0  # events left without a mention, kept because a person touched them
    dismissed: int = 0  # readings of events a person deleted, not made again
    error: str | None = None

    @property
    def changed(self) -> bool:
        return bool(
            self.removed_mentions
            or self.new_events
            or self.merged_mentions
            or self.status_changes
            or self.removed_events
        )

    def summary(self) -> str:
        if self.error is not None:
            return f"article {self.article_id}: skipped: {self.error}"
        date = self.published.isoformat() if self.published else "no date found"
        parts = [
            f"{self.kept_mentions} mentions kept",
            f"{self.removed_mentions} removed",
            f"{self.new_events} new events",
            f"{self.merged_mentions} merged mentions",
            f"{self.status_changes} status changes",
            f"{self.removed_events} events removed",
        ]
        if self.kept_touched:
            parts.append(f"{self.kept_touched} kept for your edits though no article tells them")
        if self.dismissed:
            parts.append(f"{self.dismissed} you deleted stay deleted")
        return f"article {self.article_id} ({date}): " + ", ".join(parts)


def touched_by_a_person(event: Event) -> bool:
    """Whether a person entered or changed ``event`` (re-extraction never removes it then)."""
    return (
        event.origin == "manual"
        or bool(edited_fields(event))
        or bool(event.notes)
        or any(c.mention_id is None and c.from_status is not None for c in event.status_changes)
    )


def _article_date(article: Article) -> tuple[dt.date | None, str]:
    """The date to extract against, and where it comes from.

    A date given by a person stays; otherwise what the (current) extractor reads from the
    text. An article from before sources were recorded keeps its date: it counts as read from
    the text when the text says so, else as given.
    """
    from tracker.extract.articles import read_article

    if article.date_source == "given":
        return article.published, "given"
    from_text = read_article(article.body, source=article.source).published
    if article.date_source is None and article.published is not None:
        return article.published, "text" if from_text == article.published else "given"
    return from_text, article_date_source(from_text, False)


def _remove_mention(session: Session, event: Event, mention: Mention) -> None:
    """Drop ``mention`` and the status changes it was the source of (the first status of the
    event stays, without a source: the event may live on through other mentions)."""
    for change in list(event.status_changes):
        if change.mention_id == mention.id:
            if change.from_status is None:
                change.mention = None
            else:
                event.status_changes.remove(change)
    event.mentions.remove(mention)
    mention.article.mentions.remove(mention)
    session.flush()


def _reported(article: Article) -> When | None:
    day = article.published
    return When(day, day, "day") if day else None


def _keep_mention(
    session: Session,
    article: Article,
    mention: Mention,
    extracted: ExtractedEvent,
    outcome: ReextractOutcome,
) -> None:
    """The sentence still tells the event: bring the mention and the event up to date."""
    event = mention.event
    edited = edited_fields(event)
    reported = _reported(article)
    mention.sentence = extracted.evidence
    single_source = all(m.article_id == article.id for m in event.mentions)
    if "when" not in edited:
        if single_source:
            set_when(event, extracted.when, placement(article.published))
        elif event.when_start is None and extracted.when is not None:
            set_when(event, extracted.when)
    if "title" not in edited and single_source and extracted.title:
        event.title = extracted.title[:500]
    if "actors" not in edited:
        present = {p.actor_id for p in event.participations}
        for actor in extracted.actors:
            known = _actor(session, ActorCache(), actor.name, actor.kind, actor.country)
            if known.id not in present:
                # the stored actor itself, not its id: the search text below reads its name
                stored = session.get(StoredActor, known.id)
                event.participations.append(Participation(actor=stored, role=actor.role))
                present.add(known.id)
    # the status changes this mention is the source of say what it says, when it says it
    sourced = [c for c in event.status_changes if c.mention_id == mention.id]
    for change in sourced:
        change.effective_at = reported.start if reported else None
        change.effective_precision = reported.precision if reported else None
    if mention.implied_status != extracted.status:
        mention.implied_status = extracted.status
        for change in sourced:
            if change.from_status is None:
                change.to_status = extracted.status
            else:
                event.status_changes.remove(change)
        _settle_status(event)
        if _moves_status(event.status, extracted.status):
            event.status_changes.append(
                StatusChange(
                    from_status=event.status,
                    to_status=extracted.status,
                    effective_at=reported.start if reported else None,
                    effective_precision=reported.precision if reported else None,
                    mention=mention,
                )
            )
            outcome.status_changes += 1
    _settle_status(event)
    event.confidence = max(event.confidence, extracted.confidence)
    refresh_search_text(event)
    outcome.kept_mentions += 1


def _settle_status(event: Event) -> None:
    if event.status_changes:
        event.status = max(event.status_changes, key=history_order).to_status


def _pick(candidates: list[Mention], extracted: ExtractedEvent) -> Mention | None:
    for mention in candidates:
        if mention.event.type == extracted.type:
            return mention
    for mention in candidates:  # a person changed the type: the sentence still tells it
        if "type" in edited_fields(mention.event):
            return mention
    return None


def reextract_article(
    session: Session,
    article_id: int,
    *,
    known_actors: Sequence[ActorEntry] | None = None,
    new_date: dt.date | None = None,
) -> ReextractOutcome:
    """Run the current extractor over one article again and reconcile (see the module doc).

    ``new_date``: the article's corrected publication date (given by a person). The caller
    owns the transaction.
    """
    from tracker.extract import extract

    article = get_article(session, article_id)
    if new_date is not None:
        article.published, article.date_source = new_date, "given"
    published, source = _article_date(article)
    if known_actors is None:
        known_actors = known_actor_entries(session)
    extraction = extract(
        article.body, published=published, extra_actors=known_actors, source=article.source
    )
    article.published = extraction.article.published
    article.date_source = source if article.published else "none"
    outcome = ReextractOutcome(
        article.id, article.title, article.published, article.date_source
    )

    spans: dict[tuple[int, int], list[Mention]] = {}
    for mention in sorted(article.mentions, key=lambda m: m.id):
        spans.setdefault((mention.start_offset, mention.end_offset), []).append(mention)
    kept: list[tuple[Mention, ExtractedEvent]] = []
    fresh: list[ExtractedEvent] = []
    dismissed = dismissed_readings(session, article.id)  # events a person deleted
    for extracted in extraction.events:
        candidates = spans.get((extracted.start, extracted.end), [])
        mention = _pick(candidates, extracted)
        if mention is None:
            if (extracted.type, extracted.start, extracted.end) in dismissed:
                outcome.dismissed += 1
                continue
            fresh.append(extracted)
        else:
            candidates.remove(mention)
            kept.append((mention, extracted))
    affected: dict[int, Event] = {}
    for candidates in spans.values():
        for mention in candidates:
            event = mention.event
            affected[event.id] = event
            _remove_mention(session, event, mention)
            outcome.removed_mentions += 1
    for mention, extracted in kept:
        affected[mention.event.id] = mention.event
        _keep_mention(session, article, mention, extracted, outcome)
    session.flush()
    for event in affected.values():
        _after_removal(session, event, outcome)
    session.flush()
    merged = ArticleOutcome(article.source, "reextracted", article_id=article.id)
    told = {mention.event_id for mention, _ in kept}
    merge_events(session, article.id, article.published, fresh, merged, told=told)
    outcome.new_events += merged.new_events
    outcome.merged_mentions += merged.merged_mentions
    outcome.status_changes += merged.status_changes
    session.flush()
    return outcome


def _after_removal(session: Session, event: Event, outcome: ReextractOutcome) -> None:
    """An event that lost mentions: gone when nothing tells it any more and no person touched
    it; otherwise its status and place follow what is left."""
    if not event.mentions:
        if touched_by_a_person(event):
            outcome.kept_touched += 1
        else:
            session.delete(event)
            outcome.removed_events += 1
            return
    _settle_status(event)
    if event.when_start is None and event.mentions:
        # no time of its own: placed by its first dated article, else undated
        event.timeline_date = reported_day(event)
    refresh_search_text(event)


def set_article_date(
    session: Session, article_id: int, day: dt.date, *, today: dt.date | None = None
) -> ReextractOutcome:
    """Correct an article's publication date: its events are read again against it.
    ``today``: a person's correction, checked against it (no date after today)."""
    refused = future_publication(day, today) if today is not None else None
    if refused:
        raise TrackerError(refused)
    return reextract_article(session, article_id, new_date=day)


@dataclass
class ReextractReport:
    outcomes: list[ReextractOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[ReextractOutcome]:
        return [o for o in self.outcomes if o.error is not None]

    def total(self, attr: str) -> int:
        return sum(getattr(o, attr) for o in self.outcomes if o.error is None)

    def summary(self) -> str:
        done = len(self.outcomes) - len(self.failed)
        return (
            f"articles re-extracted: {done}, skipped: {len(self.failed)}\n"
            f"new events: {self.total('new_events')}, "
            f"merged mentions: {self.total('merged_mentions')}, "
            f"mentions removed: {self.total('removed_mentions')}, "
            f"events removed: {self.total('removed_events')}, "
            f"status changes: {self.total('status_changes')}"
        )


def all_article_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Article.id).order_by(Article.id)))


def reextract_articles(
    engine: Engine,
    article_ids: Iterable[int] | None = None,
    progress: Callable[[int, int, ReextractOutcome], None] | None = None,
) -> ReextractReport:
    """Re-extract articles (all when ``article_ids`` is None), one transaction each: an
    article that fails is reported and skipped, the others go on."""
    with Session(engine) as session:
        ids = all_article_ids(session) if article_ids is None else list(article_ids)
        known = known_actor_entries(session)
    report = ReextractReport()
    for done, article_id in enumerate(ids, start=1):
        try:
            with unit_of_work(engine) as session:
                outcome = reextract_article(session, article_id, known_actors=known)
        except TrackerError as exc:
            outcome = ReextractOutcome(article_id, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            unwritable = unwritable_reason(exc)
            if unwritable is not None:  # every article would fail the same: stop here
                raise DatabaseUnwritable(
                    f"the database cannot be written: {unwritable}"
                ) from None
            outcome = ReextractOutcome(article_id, error=_reason_for(exc))
        report.outcomes.append(outcome)
        if progress is not None:
            progress(done, len(ids), outcome)
    return report
