"""The filter bar: actor, type, status, time range and free text, always in view."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static

from tracker.domain import EVENT_TYPES, STATUSES, clean
from tracker.extract.dates import parse_range
from tracker.services.actors import find_actor
from tracker.services.query import EventFilter
from tracker.tui.styled import Line
from tracker.tui.suggest import ActorSuggester, CompletingInput

UNDATED_WORDS = frozenset({"undated", "no date", "no date found"})


class FilterBar(Vertical):
    """Edits an EventFilter; posts FilterBar.Changed on every change that parses."""

    class Changed(Message):
        def __init__(self, filter: EventFilter) -> None:
            super().__init__()
            self.filter = filter

    def __init__(
        self, engine: Engine, today: Callable[[], dt.date], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.engine = engine
        self._today = today
        self.filter = EventFilter()
        self.total: int | None = None
        self.problems: dict[str, str] = {}
        self._range_label = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="filter-inputs"):
            yield CompletingInput(
                placeholder="actor (Tab)",
                id="filter-actor",
                suggester=ActorSuggester(self.engine),
            )
            yield Select(
                [(t, t) for t in EVENT_TYPES], prompt="any type", id="filter-type", compact=True
            )
            yield Select(
                [(s, s) for s in STATUSES], prompt="any status", id="filter-status", compact=True
            )
            yield Input(placeholder="when: 2025…", id="filter-when")
            yield Input(placeholder="/ search", id="filter-text")
        yield Static(id="filter-summary", markup=False)

    def on_mount(self) -> None:
        self._show_summary()

    # -------------------------------------------------------------- reading the inputs

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        value = event.value
        if event.input.id == "filter-actor":
            self._set_actor(value)
        elif event.input.id == "filter-when":
            self._set_range(value)
        elif event.input.id == "filter-text":
            self._apply(self.filter.with_(text=value.strip()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.app.action_focus_timeline()

    def on_completing_input_completed(self, event: CompletingInput.Completed) -> None:
        """A completed actor name is a finished filter: back to the timeline to read it."""
        event.stop()
        self.app.action_focus_timeline()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = () if event.value == Select.NULL else (str(event.value),)
        if event.select.id == "filter-type":
            self._apply(self.filter.with_(types=value))
        elif event.select.id == "filter-status":
            self._apply(self.filter.with_(statuses=value))
        focused = self.screen.focused
        if focused is not None and event.select in focused.ancestors_with_self:
            # a choice made with the keys (t or S, arrows, Enter) is a finished filter, as
            # Enter in a text field is: back to the timeline, so j and k move again
            self.app.action_focus_timeline()

    @work(exclusive=True, group="actor-filter")
    async def _set_actor(self, value: str) -> None:
        name = value.strip()
        if not name:
            self.problems.pop("actor", None)
            self._apply(self.filter.with_(actors=()))
            return

        def lookup() -> str | None:
            with Session(self.engine) as session:
                actor = find_actor(session, name)
                return actor.name if actor else None

        canonical = await asyncio.to_thread(lookup)
        if canonical is None:
            self.problems["actor"] = f"no actor named {name!r} yet"
            self._show_summary()
            return
        self.problems.pop("actor", None)
        self._apply(self.filter.with_(actors=(canonical,)))

    def _set_range(self, value: str) -> None:
        if " ".join(value.lower().split()) in UNDATED_WORDS:
            # the events no time range ever matches: no date of their own or their articles'
            self.problems.pop("when", None)
            self._range_label = "undated"
            self._apply(self.filter.with_(since=None, until=None, undated=True))
            return
        found = parse_range(value, self._today())
        if found is None:
            self.problems["when"] = f"time not understood: {value.strip()!r}"
            self._show_summary()
            return
        self.problems.pop("when", None)
        self._range_label = found.label() if (found.since or found.until) else ""
        self._apply(self.filter.with_(since=found.since, until=found.until, undated=False))

    def _apply(self, filt: EventFilter) -> None:
        changed = filt != self.filter
        self.filter = filt
        self._show_summary()
        if changed:
            self.post_message(self.Changed(filt))

    # -------------------------------------------------------------- public API

    def set_actor(self, name: str) -> None:
        self.query_one("#filter-actor", Input).value = clean(name)

    def set_total(self, total: int | None) -> None:
        self.total = total
        self._show_summary()

    def clear(self) -> None:
        self.problems.clear()
        for input_ in self.query(Input):
            input_.value = ""
        for select in self.query(Select):
            select.clear()
        self._range_label = ""
        self._apply(EventFilter())

    def _show_summary(self) -> None:
        filt = self.filter
        text = Line()
        if self.total is None:
            text.append("counting…", style="$text-muted")
        else:
            text.append(f"{self.total:,} event{'s' if self.total != 1 else ''}", style="bold")
        parts: list[tuple[str, str]] = []
        if filt.actors:
            parts.append(("actor", ", ".join(filt.actors)))
        if filt.types:
            parts.append(("type", ", ".join(filt.types)))
        if filt.statuses:
            parts.append(("status", ", ".join(filt.statuses)))
        if filt.since or filt.until:
            parts.append(("when", self._range_label))
        if filt.text:
            parts.append(("search", f'"{filt.text}"'))
        if parts:
            for label, value in parts:
                text.append("  ·  ")
                text.append(f"{label}: ", style="$text-muted")
                text.append(clean(value), style="bold")
        else:
            text.append("  ·  no filters", style="$text-muted")
        for problem in self.problems.values():
            text.append("  ·  ")
            text.append(clean(problem), style="italic $warning")
        self.query_one("#filter-summary", Static).update(text.content())
