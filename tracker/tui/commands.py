"""Command palette providers: jump to an actor's events or straight to an event.

Names and titles come from articles, so hits are built as plain Content (Textual's
``Matcher.highlight`` would read them as markup).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from sqlalchemy.orm import Session
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tracker.domain import clean
from tracker.errors import NotFoundError
from tracker.services.actors import list_actors
from tracker.services.events import merged_into
from tracker.services.query import EventFilter
from tracker.services.timeline import rows_after

if TYPE_CHECKING:
    from tracker.tui.app import TrackerApp


def plain_highlight(matcher: Matcher, prefix: str, candidate: str) -> Content:
    """``prefix`` + ``candidate`` as plain text, with the fuzzy match highlighted."""
    content = Content(prefix + candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                at = len(prefix) + offset
                content = content.stylize(matcher.match_style, at, at + 1)
    return content


class ActorCommands(Provider):
    """ "Actor: Vladimir Putin" shows that actor's events on the timeline."""

    @property
    def tracker(self) -> TrackerApp:
        return cast("TrackerApp", self.app)

    def _actors(self, prefix: str | None) -> list[str]:
        with Session(self.tracker.engine) as session:
            return [a.name for a in list_actors(session, prefix=prefix or None, limit=30)]

    async def discover(self) -> Hits:
        for name in await asyncio.to_thread(self._actors, None):
            safe = clean(name)
            yield DiscoveryHit(
                Content("Actor: " + safe),
                partial(self.tracker.filter_by_actor, name),
                text=f"Actor: {safe}",
                help="Show this actor's events",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        words = query.split()
        names = await asyncio.to_thread(self._actors, words[-1] if words else None)
        for name in names:
            safe = clean(name)
            score = matcher.match(safe) or matcher.match(f"actor {safe}")
            if score > 0:
                yield Hit(
                    score,
                    plain_highlight(matcher, "Actor: ", safe),
                    partial(self.tracker.filter_by_actor, name),
                    text=f"Actor: {safe}",
                    help="Show this actor's events",
                )


class EventCommands(Provider):
    """Events whose title or actors match the words typed; choosing one opens it."""

    @property
    def tracker(self) -> TrackerApp:
        return cast("TrackerApp", self.app)

    def _events(self, text: str) -> list[tuple[int, str]]:
        with Session(self.tracker.engine) as session:
            rows = rows_after(session, EventFilter(text=text), None, 20)
        return [(r.id, f"{r.when_text} · {r.type} · {r.title}") for r in rows]

    def _event_numbered(self, number: int) -> tuple[int, str, str] | None:
        """The event of id ``number`` (or the one it was merged into): (id, label, help)."""
        from tracker.services.timeline import event_details

        with Session(self.tracker.engine) as session:
            target = merged_into(session, number) or number
            try:
                details = event_details(session, target)
            except NotFoundError:
                return None
        label = f"#{details.id} · {details.when_text} · {details.type} · {details.title}"
        if target != number:
            return details.id, label, f"Event #{number} was merged into #{target}: open it"
        return details.id, label, f"Open event #{details.id}"

    async def search(self, query: str) -> Hits:
        number = query.strip().removeprefix("#")
        if number.isdigit() and len(number) <= 18:  # an id, as the CLI and messages give it
            found = await asyncio.to_thread(self._event_numbered, int(number))
            if found is not None:
                event_id, label, help_text = found
                safe = clean(label)
                yield Hit(
                    1.0,
                    Content("Event: " + safe),
                    partial(self.tracker.open_event, event_id),
                    text=f"Event: {safe}",
                    help=help_text,
                )
        if len(query.strip()) < 2:
            return
        matcher = self.matcher(query)
        try:
            events = await asyncio.to_thread(self._events, query)
        except Exception:  # noqa: BLE001 - a half-typed query is not an error to show
            return
        for event_id, label in events:
            safe = clean(label)
            yield Hit(
                max(matcher.match(safe), 0.3) * 0.8,  # actors first
                plain_highlight(matcher, "Event: ", safe),
                partial(self.tracker.open_event, event_id),
                text=f"Event: {safe}",
                help=f"Open event #{event_id}",
            )
