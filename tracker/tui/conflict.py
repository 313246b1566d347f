"""A save that lost a race: the message and the fresh data the user must see."""

from __future__ import annotations

from textual.content import Content

from tracker.domain import clean
from tracker.errors import ConflictError
from tracker.services.timeline import EventDetails
from tracker.tui.styled import Line


class StaleEventError(ConflictError):
    """ConflictError with the event as it is now in the database (None if it was deleted)."""

    def __init__(self, message: str, fresh: EventDetails | None) -> None:
        super().__init__(message)
        self.fresh = fresh


def conflict_text(error: StaleEventError, retry_hint: str) -> Content:
    text = Line()
    text.append("Changed by someone else — nothing was saved.\n", style="bold $error")
    text.append(clean(str(error)) + "\n")
    fresh = error.fresh
    if fresh is None:
        text.append("The event has been deleted.", style="italic")
        return text.content()
    text.append("Now in the database: ", style="$text-muted")
    text.append(f"{fresh.type} · {fresh.status} · {fresh.when_text} · ")
    text.append(clean(fresh.title), style="bold")
    actors = ", ".join(f"{clean(n)} ({r})" for n, r in fresh.actors) or "no actors"
    text.append(f" · {actors} · version {fresh.version}\n")
    text.append(retry_hint, style="italic")
    return text.content()
