"""The event store (SQLAlchemy 2 typed models). Alembic owns the schema: see alembic/."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.domain import utcnow as utcnow  # the time every row records (naive UTC)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# An id kept in a script or a note must never come to name another row: SQLite AUTOINCREMENT
# (never hands out a deleted id again) and PostgreSQL identity columns.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    source: Mapped[str] = mapped_column(String(1000))  # path or URL
    title: Mapped[str] = mapped_column(String(500))
    published: Mapped[dt.date | None] = mapped_column(Date)  # None: no date found
    # where ``published`` came from: given, text, none (domain.DATE_SOURCES); None for
    # articles ingested before it was recorded
    date_source: Mapped[str | None] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    # sha256 of the text: re-ingesting the same text is a no-op
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    mentions: Mapped[list[Mention]] = relationship(back_populates="article")


class Actor(Base):
    __tablename__ = "actors"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # casefolded name: canonical names are unique whatever their case
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # person, state, organisation, group
    country: Mapped[str | None] = mapped_column(String(2))

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan"
    )
    participations: Mapped[list[Participation]] = relationship(back_populates="actor")


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    alias_key: Mapped[str] = mapped_column(String(200), unique=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


_PERIOD = ("timeline_date", "id", "when_end", "when_start", "precision")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        # the timeline's order and its keyset pagination
        Index("ix_events_timeline", "timeline_date", "id"),
        # a filter's pages by status or type, with each event's period: the agenda and the
        # merge's time test read it from the index, not the rows (migration 0010)
        Index("ix_events_status_period", "status", *_PERIOD),
        Index("ix_events_type_period", "type", *_PERIOD),
        Index("ix_events_created_at", "created_at"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))  # latest status change by effective time
    title: Mapped[str] = mapped_column(String(500))
    when_start: Mapped[dt.date | None] = mapped_column(Date)
    when_end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(10))  # None: no time known
    # where the timeline places the event: its start, else its first dated article's date,
    # else domain.UNDATED (its articles have no date: the timeline's "undated" section)
    timeline_date: Mapped[dt.date] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(20))  # extracted, manual
    # what a person changed on an extracted event ("actors,title,type,when"): re-extraction
    # keeps those as they are
    edited: Mapped[str | None] = mapped_column(String(100))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    notes: Mapped[str | None] = mapped_column(Text)  # the analyst's own remarks
    # title and actor names, for free-text search
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    participations: Mapped[list[Participation]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Participation.id"
    )
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Mention.id"
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="StatusChange.id"
    )


class Participation(Base):
    __tablename__ = "participations"
    __table_args__ = (
        UniqueConstraint("event_id", "actor_id", "role"),
        Index("ix_participations_actor_event", "actor_id", "event_id"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))  # initiator, target, participant

    event: Mapped[Event] = relationship(back_populates="participations")
    actor: Mapped[Actor] = relationship(back_populates="participations")


class Mention(Base):
    """Evidence: the sentence of an article that an event was read from."""

    __tablename__ = "mentions"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    implied_status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="mentions")
    article: Mapped[Article] = relationship(back_populates="mentions")


class StatusChange(Base):
    """Append-only history of an event's status; never updated, never deleted alone."""

    __tablename__ = "status_changes"
    __table_args__ = (
        Index("ix_status_changes_event_effective", "event_id", "effective_at"),
        Index("ix_status_changes_recorded_at", "recorded_at"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    # when it happened in the world (None: unknown, ordered by recorded_at)
    effective_at: Mapped[dt.date | None] = mapped_column(Date)
    effective_precision: Mapped[str | None] = mapped_column(String(10))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    # the event's time before this change moved it (an event planned for 8 Dec that occurred
    # on 2 Dec); None when the change left the time alone
    previous_when_start: Mapped[dt.date | None] = mapped_column(Date)
    previous_when_end: Mapped[dt.date | None] = mapped_column(Date)
    previous_precision: Mapped[str | None] = mapped_column(String(10))

    event: Mapped[Event] = relationship(back_populates="status_changes")
    mention: Mapped[Mention | None] = relationship()


class EventMerge(Base):
    """Where a merged-away event went: its id keeps leading somewhere (no foreign key, so the
    record outlives later deletions and says what happened)."""

    __tablename__ = "event_merges"

    merged_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    into_id: Mapped[int] = mapped_column(Integer, index=True)
    merged_title: Mapped[str] = mapped_column(String(500))
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DismissedReading(Base):
    """An event a person deleted, as the extractor read it from one article (its type and the
    span of its evidence): re-extracting the article does not make it again."""

    __tablename__ = "dismissed_readings"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    event_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    start_offset: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    end_offset: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    dismissed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class FeedEntry(Base):
    """A feed entry already read by `tracker watch`/`ingest`: a restart does not fetch it again."""

    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("feed_url", "entry_key"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    feed_url: Mapped[str] = mapped_column(String(1000))
    entry_key: Mapped[str] = mapped_column(String(1000))  # the entry's id, else its link
    link: Mapped[str | None] = mapped_column(String(1000))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class UserMark(Base):
    """Where each database user last looked: `tracker changes` and the TUI show what is new
    since then. Keyed by the database user, so a team sharing a server keep their own."""

    __tablename__ = "user_marks"

    user_name: Mapped[str] = mapped_column(String(200), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime)
