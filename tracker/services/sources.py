"""One way for a view to read SQL on either path: an ORM session, or the fast DB-API reader.

The agenda and the changes view are written once, over a *source*: ``rows(sql, params)`` runs
SQL text with ``:name`` parameters, ``events(ids)`` and ``status_changes(ids)`` load what the
views show of those rows. tracker.services.reading.Reader is one (no SQLAlchemy: the CLI
starts fast); ``SessionSource`` is the other, over an ORM session (the TUI, and the CLI when
the fast path cannot serve), and hands out the ORM's objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class SessionSource:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    def rows(self, sql: str, params: dict[str, object] | None = None) -> list[tuple]:
        from sqlalchemy import text

        return [tuple(row) for row in self.session.execute(text(sql), params or {})]

    def execute(self, sql: str, params: dict[str, object] | None = None) -> int:
        """Run a statement that writes; the number of rows it touched."""
        from sqlalchemy import text

        return self.session.execute(text(sql), params or {}).rowcount

    def commit(self) -> None:
        self.session.commit()

    def events(self, ids: list[int], *, history: bool = False) -> list[Any]:
        """The events ``ids`` (in that order) with their actors and, with ``history``, their
        status changes with the article each came from."""
        from sqlalchemy import select
        from sqlalchemy.orm import selectinload

        from tracker.db.models import Event, Mention, Participation, StatusChange

        if not ids:
            return []
        options = [selectinload(Event.participations).selectinload(Participation.actor)]
        if history:
            options.append(
                selectinload(Event.status_changes)
                .selectinload(StatusChange.mention)
                .selectinload(Mention.article)
            )
        query = select(Event).where(Event.id.in_(ids)).options(*options)
        by_id = {event.id: event for event in self.session.scalars(query)}
        return [by_id[i] for i in ids if i in by_id]

    def status_changes(self, ids: list[int]) -> list[Any]:
        """The status changes ``ids`` (in that order) with their event (and its actors) and
        the article each came from."""
        from sqlalchemy import select
        from sqlalchemy.orm import selectinload

        from tracker.db.models import Event, Mention, Participation, StatusChange

        if not ids:
            return []
        query = (
            select(StatusChange)
            .where(StatusChange.id.in_(ids))
            .options(
                selectinload(StatusChange.event)
                .selectinload(Event.participations)
                .selectinload(Participation.actor),
                selectinload(StatusChange.mention).selectinload(Mention.article),
            )
        )
        by_id = {change.id: change for change in self.session.scalars(query)}
        return [by_id[i] for i in ids if i in by_id]


def source_of(session_or_source: Any) -> Any:
    """A source for ``session_or_source``: an ORM session is wrapped, a reader is one."""
    if hasattr(session_or_source, "rows"):
        return session_or_source
    return SessionSource(session_or_source)
