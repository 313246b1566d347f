"""Ingesting web pages and RSS/Atom feeds: fetch, read, then the normal ingestion.

Each page becomes one article through tracker.services.ingest (one transaction per article,
duplicates found by content hash, events merged as for files). A page or feed that fails is
reported as one skipped outcome and the batch goes on. Feed entries that were read are
remembered (FeedEntry) so `tracker watch` fetches each page once, even across restarts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.db.models import Article, FeedEntry, utcnow
from tracker.db.session import unit_of_work
from tracker.errors import DatabaseUnwritable, TrackerError
from tracker.extract.types import ActorEntry
from tracker.services.ingest import (
    ArticleOutcome,
    IngestReport,
    _stop_if_unwritable,
    content_hash,
    ingest_text,
    known_actor_entries,
    usable_jobs,
)
from tracker.sources.feeds import Feed, looks_like_feed, parse_feed
from tracker.sources.feeds import FeedEntry as FeedItem
from tracker.sources.fetch import DEFAULT_LIMITS, Fetched, FetchError, FetchLimits, fetch
from tracker.sources.pages import Page, article_text, decode_html, looks_like_html, read_page

OnOutcome = Callable[[ArticleOutcome], None]


@dataclass
class FeedPoll:
    """One reading of one feed: what it held, what was new, what became of each new entry."""

    url: str
    error: str = ""  # the feed itself could not be read
    entries: int = 0
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    def summary(self) -> str:
        if self.error:
            return f"{self.url}: {self.error}"
        ingested = sum(o.state == "ingested" for o in self.outcomes)
        known = sum(o.state == "duplicate" for o in self.outcomes)
        skipped = sum(o.state == "skipped" for o in self.outcomes)
        return (
            f"{self.url}: {self.entries} entries, {len(self.outcomes)} new: "
            f"{ingested} ingested, {known} already known, {skipped} skipped"
        )


def _title_from_url(url: str) -> str:
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return last or parts.hostname or url


def read_web_page(fetched: Fetched) -> Page:
    """A fetched body as a page; TrackerError when it is not a readable HTML page."""
    if not looks_like_html(fetched.content_type, fetched.body):
        raise TrackerError(f"not an HTML page ({fetched.content_type or 'no content type'})")
    return read_page(decode_html(fetched.body, fetched.charset), fetched.url)


# ---------------------------------------------------------------- workers (--jobs)
#
# With jobs > 1 the pages are fetched, read and extracted in worker processes (as files are
# in ingest_files) while this process stores them one by one in the order given. What a
# worker hands back is plain data: a page's text and its extraction, or why it failed.


def _extracted_in_worker(text: str, source: str):
    """The extraction ingest_text would make of ``text`` (or the TrackerError's message)."""
    from tracker.services import ingest

    try:
        budget = ingest.DEFAULT_TIME_BUDGET
        return ingest._extract(text, source, None, ingest._worker_actors, budget)
    except TrackerError as exc:
        return str(exc)


def _prepare_url(job) -> tuple:
    """A URL fetched: ("feed", Feed, None, None), ("page", final URL, text, extracted), or
    ("error", message, None, None)."""
    url, published, limits = job
    try:
        fetched = fetch(url, limits)
        if looks_like_feed(fetched.content_type, fetched.body):
            return "feed", parse_feed(fetched.body, fetched.url), None, None
        page = read_web_page(fetched)
    except TrackerError as exc:
        return "error", str(exc), None, None
    text = _page_text(page, fetched.url, published)
    return "page", fetched.url, text, _extracted_in_worker(text, fetched.url)


def _prepare_entry(job) -> tuple:
    """An entry's page fetched and read (else its summary): ("page", URL, text, extracted),
    ("summary", problem, text, extracted) or ("skipped", reason, transient, None)."""
    feed_url, entry, published, limits = job
    source = entry.link or feed_url
    if entry.link is None:
        problem, transient = "the entry links to no http(s) page", False
    else:
        try:
            fetched = fetch(entry.link, limits)
            page = read_web_page(fetched)
        except TrackerError as exc:
            problem = str(exc)
            transient = isinstance(exc, FetchError) and exc.transient
        else:
            date = published or page.published or entry.published
            page = Page(page.title or entry.title, page.text, date)
            text = _page_text(page, fetched.url, None)
            return "page", fetched.url, text, _extracted_in_worker(text, fetched.url)
    if not entry.summary:
        return "skipped", f"{problem}; the feed gives no summary", transient, None
    page = Page(entry.title, entry.summary, published or entry.published)
    text = _page_text(page, source, None)
    return "summary", (problem, transient), text, _extracted_in_worker(text, source)


def _as_extracted(extracted):
    return TrackerError(extracted) if isinstance(extracted, str) else extracted


def _page_text(page: Page, source: str, published: dt.date | None) -> str:
    title = page.title or _title_from_url(source)
    return article_text(title, published or page.published, page.text)


def store_article(
    engine: Engine, text: str, source: str, known_actors: Sequence[ActorEntry] | None = None
) -> ArticleOutcome:
    """One article through the normal ingestion, in its own transaction."""
    return _store(engine, text, source, known_actors)[0]


def _store(
    engine: Engine,
    text: str,
    source: str,
    known_actors: Sequence[ActorEntry] | None,
    extracted=None,
) -> tuple[ArticleOutcome, bool]:
    """(outcome, worth retrying): a busy or racing database is worth another try later.
    ``extracted``: made by a worker (an Extraction, or the message of a TrackerError)."""
    try:
        with unit_of_work(engine) as session:
            outcome = ingest_text(
                session, text, source, None, known_actors, extracted=_as_extracted(extracted)
            )
            return outcome, False
    except TrackerError as exc:
        return ArticleOutcome(source, "skipped", str(exc)), False
    except IntegrityError:
        # another process stored the same text between our check and our commit
        with Session(engine) as session:
            existing = session.scalar(
                select(Article).where(Article.content_hash == content_hash(text))
            )
        if existing is not None:
            outcome = ArticleOutcome(
                source, "duplicate", f"already ingested as article {existing.id}", existing.title
            )
            return outcome, False
        reason = "another process stored the same actors or article at the same moment"
        return ArticleOutcome(source, "skipped", reason), True
    except SQLAlchemyError as exc:
        _stop_if_unwritable(exc)  # a read-only or full database: the batch stops here
        return ArticleOutcome(source, "skipped", _database_problem(exc)), True
    except (ValueError, OverflowError, ArithmeticError, RecursionError) as exc:
        # text the extractor could not cope with: this article is skipped, the run goes on
        return ArticleOutcome(source, "skipped", f"cannot be read: {exc}"), False


def _database_problem(exc: SQLAlchemyError) -> str:
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"database error: {detail[0] if detail else type(exc).__name__}"


def store_page(
    engine: Engine,
    page: Page,
    source: str,
    published: dt.date | None = None,
    known_actors: Sequence[ActorEntry] | None = None,
) -> ArticleOutcome:
    """A page as an article: ``published`` overrides the page's own date."""
    return _store_page(engine, page, source, published, known_actors)[0]


def _store_page(
    engine: Engine,
    page: Page,
    source: str,
    published: dt.date | None,
    known_actors: Sequence[ActorEntry] | None,
) -> tuple[ArticleOutcome, bool]:
    return _store(engine, _page_text(page, source, published), source, known_actors)


def _entry_outcome(
    engine: Engine,
    feed_url: str,
    entry: FeedItem,
    published: dt.date | None,
    limits: FetchLimits,
    known_actors: Sequence[ActorEntry] | None,
) -> tuple[ArticleOutcome, bool]:
    """Read one entry's page (else its summary) into the store; (outcome, worth retrying)."""
    source = entry.link or feed_url
    problem: TrackerError
    if entry.link is None:
        problem = TrackerError("the entry links to no http(s) page")
    else:
        try:
            fetched = fetch(entry.link, limits)
            page = read_web_page(fetched)
        except TrackerError as exc:
            problem = exc
        else:
            date = published or page.published or entry.published
            page = Page(page.title or entry.title, page.text, date)
            return _store_page(engine, page, fetched.url, None, known_actors)
    transient = isinstance(problem, FetchError) and problem.transient
    if not entry.summary:
        reason = f"{problem}; the feed gives no summary"
        return ArticleOutcome(source, "skipped", reason, entry.title), transient
    page = Page(entry.title, entry.summary, published or entry.published)
    outcome, retry = _store_page(engine, page, source, None, known_actors)
    if outcome.state == "ingested":
        outcome.reason = f"the page failed ({problem}): read the feed's summary instead"
    return outcome, retry


def _prepared_entry_outcome(
    engine: Engine, feed_url: str, entry: FeedItem, prepared: tuple, known_actors
) -> tuple[ArticleOutcome, bool]:
    """_entry_outcome for an entry a worker fetched and extracted (_prepare_entry)."""
    kind, detail, text, extracted = prepared
    source = entry.link or feed_url
    if kind == "skipped":  # text: whether it is worth another try
        return ArticleOutcome(source, "skipped", detail, entry.title), text
    if kind == "page":
        return _store(engine, text, detail, known_actors, extracted)
    problem, _transient = detail
    outcome, retry = _store(engine, text, source, known_actors, extracted)
    if outcome.state == "ingested":
        outcome.reason = f"the page failed ({problem}): read the feed's summary instead"
    return outcome, retry


def _oldest_first(entries: list[FeedItem]) -> list[FeedItem]:
    # feeds list the newest first; stored oldest first, later news moves an event's status
    return sorted(reversed(entries), key=lambda e: e.published or dt.date.max)


def _seen_keys(engine: Engine, feed_url: str, keys: list[str]) -> set[str]:
    seen: set[str] = set()
    with Session(engine) as session:
        for start in range(0, len(keys), 500):
            seen.update(
                session.scalars(
                    select(FeedEntry.entry_key).where(
                        FeedEntry.feed_url == feed_url,
                        FeedEntry.entry_key.in_(keys[start : start + 500]),
                    )
                )
            )
    return seen


def _mark_seen(engine: Engine, feed_url: str, entry: FeedItem) -> None:
    try:
        with unit_of_work(engine) as session:  # Core: no ORM object for a bookkeeping row
            session.execute(
                insert(FeedEntry).values(
                    feed_url=feed_url, entry_key=entry.key, link=entry.link, seen_at=utcnow()
                )
            )
    except IntegrityError:
        pass  # another watcher marked it first: it is seen all the same
    except SQLAlchemyError:
        pass  # not remembered: read again next time, where its content hash finds it known


def _read_feed_entries(
    engine: Engine,
    poll: FeedPoll,
    feed: Feed,
    *,
    only_new: bool,
    published: dt.date | None,
    limits: FetchLimits,
    known_actors: Sequence[ActorEntry] | None,
    on_outcome: OnOutcome | None,
    pool=None,
) -> None:
    poll.entries = len(feed.entries)
    entries = list({e.key: e for e in feed.entries}.values())  # a key listed twice is read once
    if only_new:
        seen = _seen_keys(engine, poll.url, [e.key for e in entries])
        entries = [e for e in entries if e.key not in seen]
    entries = _oldest_first(entries)
    prepared = None
    if pool is not None:  # the pages fetched and extracted ahead, stored here in order
        jobs = [(poll.url, entry, published, limits) for entry in entries]
        prepared = pool.imap(_prepare_entry, jobs, chunksize=1)
    for entry in entries:
        if prepared is None:
            outcome, retry = _entry_outcome(
                engine, poll.url, entry, published, limits, known_actors
            )
        else:
            outcome, retry = _prepared_entry_outcome(
                engine, poll.url, entry, next(prepared), known_actors
            )
        if not retry:
            _mark_seen(engine, poll.url, entry)
        poll.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)


def poll_feed(
    engine: Engine,
    url: str,
    *,
    published: dt.date | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
    known_actors: Sequence[ActorEntry] | None = None,
    on_outcome: OnOutcome | None = None,
) -> FeedPoll:
    """Read the entries of the feed at ``url`` not read before (what `tracker watch` does)."""
    poll = FeedPoll(url)
    try:
        fetched = fetch(url, limits)
        if not looks_like_feed(fetched.content_type, fetched.body):
            raise TrackerError(
                f"not an RSS or Atom feed ({fetched.content_type or 'no content type'})"
            )
        feed = parse_feed(fetched.body, fetched.url)
    except TrackerError as exc:
        poll.error = str(exc)
        return poll
    try:
        if known_actors is None:
            with Session(engine) as session:
                known_actors = known_actor_entries(session)
        _read_feed_entries(
            engine, poll, feed, only_new=True, published=published, limits=limits,
            known_actors=known_actors, on_outcome=on_outcome,
        )
    except SQLAlchemyError as exc:
        # the database went away (a restarting server): this feed waits for the next poll
        poll.error = _database_problem(exc)
    except DatabaseUnwritable as exc:
        # read-only for now (a failover, a full disk): the watch tries again at the next poll
        poll.error = str(exc)
    return poll


def ingest_url(
    engine: Engine,
    url: str,
    *,
    published: dt.date | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
    known_actors: Sequence[ActorEntry] | None = None,
    on_outcome: OnOutcome | None = None,
) -> list[ArticleOutcome]:
    """A page (one article) or a feed (every entry's page) at ``url``."""
    try:
        fetched = fetch(url, limits)
        if looks_like_feed(fetched.content_type, fetched.body):
            feed: Feed | None = parse_feed(fetched.body, fetched.url)
        else:
            feed, page = None, read_web_page(fetched)
    except TrackerError as exc:
        outcome = ArticleOutcome(url, "skipped", str(exc))
        if on_outcome is not None:
            on_outcome(outcome)
        return [outcome]
    if feed is None:
        outcome = store_page(engine, page, fetched.url, published, known_actors)
        if on_outcome is not None:
            on_outcome(outcome)
        return [outcome]
    poll = FeedPoll(url)
    _read_feed_entries(
        engine, poll, feed, only_new=False, published=published, limits=limits,
        known_actors=known_actors, on_outcome=on_outcome,
    )
    return poll.outcomes


def ingest_urls(
    engine: Engine,
    urls: Sequence[str],
    published: dt.date | None = None,
    *,
    limits: FetchLimits = DEFAULT_LIMITS,
    on_outcome: OnOutcome | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Pages and feeds, in the order given; failures are skipped outcomes. With ``jobs`` > 1
    pages are fetched, read and extracted in that many worker processes while this process
    stores them in the order given (feed entries too): the same outcomes as one by one."""
    report = IngestReport()
    with Session(engine) as session:
        known = known_actor_entries(session)
    jobs = usable_jobs(jobs)
    if jobs <= 1:
        for url in urls:
            report.outcomes += ingest_url(
                engine, url, published=published, limits=limits, known_actors=known,
                on_outcome=on_outcome,
            )
        return report
    import multiprocessing

    from tracker.services import ingest

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(
        jobs, initializer=ingest.start_worker, initargs=(known,)
    )
    try:
        prepared = pool.imap(_prepare_url, [(url, published, limits) for url in urls], 1)
        for url in urls:
            report.outcomes += _prepared_url_outcomes(
                engine, url, next(prepared), published, limits, known, on_outcome, pool
            )
    finally:
        pool.terminate()
        pool.join()
    return report


def _prepared_url_outcomes(
    engine, url, prepared, published, limits, known, on_outcome, pool
) -> list[ArticleOutcome]:
    """ingest_url for a URL a worker fetched (_prepare_url)."""
    kind, detail, text, extracted = prepared
    if kind == "feed":
        poll = FeedPoll(url)
        _read_feed_entries(
            engine, poll, detail, only_new=False, published=published, limits=limits,
            known_actors=known, on_outcome=on_outcome, pool=pool,
        )
        return poll.outcomes
    if kind == "error":
        outcome = ArticleOutcome(url, "skipped", detail)
    else:
        outcome = _store(engine, text, detail, known, extracted)[0]
    if on_outcome is not None:
        on_outcome(outcome)
    return [outcome]
