"""Completion of actor names (canonical names and aliases) from the database."""

from __future__ import annotations

import asyncio

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from tracker.services.query import actor_names_matching
from tracker.text_safety import clean


class ActorSuggester(Suggester):
    """Suggests an actor name for what is typed; with ``multi``, for the last of a list.

    In a list ("Donald Trump:initiator, Vlad") only the last item is completed, and a
    ":role" suffix being typed is left alone.
    """

    def __init__(self, engine: Engine, *, multi: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.engine = engine
        self.multi = multi

    def _names(self, prefix: str) -> list[str]:
        # names come from articles and other users: a suggestion is drawn on the terminal
        with Session(self.engine) as session:
            return [clean(n) for n in actor_names_matching(session, prefix, limit=5)]

    async def get_suggestion(self, value: str) -> str | None:
        head, item = "", value
        if self.multi:
            cut = value.rfind(",")
            head, item = value[: cut + 1], value[cut + 1 :]
        if ":" in item:
            return None
        stripped = item.lstrip()
        if not stripped:
            return None
        lead = item[: len(item) - len(stripped)]
        names = await asyncio.to_thread(self._names, stripped)
        for name in names:
            if name.casefold().startswith(stripped.casefold()) and len(name) > len(stripped):
                return head + lead + stripped + name[len(stripped) :]
        return None


class CompletingInput(Input):
    """An Input where Tab accepts the suggestion shown (and moves on when there is none)."""

    BINDINGS = [Binding("tab", "complete", "Complete", show=False)]

    def action_complete(self) -> None:
        suggestion = self._suggestion
        if suggestion and self.cursor_at_end and suggestion != self.value:
            self.value = suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()
