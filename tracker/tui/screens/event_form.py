"""Add or edit an event in a modal form, validated inline; nothing is saved until it is valid."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain import (
    EVENT_TYPES,
    STATUSES,
    When,
    clean,
    day_label,
    direction_for_status,
    future_occurrence,
)
from tracker.errors import TrackerError
from tracker.extract.dates import parse_when
from tracker.services.actors import UnknownActorError, find_actor, gazetteer_entry, name_key
from tracker.services.events import ActorRole, parse_actor_role
from tracker.services.timeline import EventDetails
from tracker.tui.conflict import StaleEventError
from tracker.tui.screens.confirm import ConfirmScreen
from tracker.tui.screens.form import FormScreen, Saved
from tracker.tui.styled import Line, styled
from tracker.tui.suggest import ActorSuggester, CompletingInput


@dataclass(frozen=True)
class EventFormValues:
    type: str
    status: str
    actors: tuple[ActorRole, ...]
    actors_changed: bool
    title: str
    title_changed: bool
    when: When | None
    when_changed: bool
    note: str
    notes: str | None = None  # edit only: the analyst's remarks (None: unchanged)


# (values, expected version or None when adding) -> event id; runs in a worker thread
Submit = Callable[[EventFormValues, int | None], int]


def actors_text(actors: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{clean(name)}:{role}" for name, role in actors)


def when_text(when: When | None) -> str:
    """``when`` as the form shows it: its label, which parse_when reads back."""
    return when.label() if when is not None else ""


def parse_actors(text: str) -> list[ActorRole]:
    """'Donald Trump:initiator, Russia' -> ActorRoles; TrackerError names the bad item."""
    return [parse_actor_role(item.strip()) for item in text.split(",") if item.strip()]


class EventForm(FormScreen[int | None]):
    """`a` adds, `e` edits. Ctrl+S saves, Escape cancels (asking first if anything changed)."""

    CONFLICT_HINT = (
        "Your values are kept: press Save again to overwrite with them, or Esc to drop them."
    )

    def __init__(
        self,
        engine: Engine,
        today: Callable[[], dt.date],
        submit: Submit,
        initial: EventDetails | None = None,
    ) -> None:
        super().__init__()
        self.engine = engine
        self._today = today
        self.submit = submit
        self.initial = initial
        self.version = initial.version if initial else None
        self._initial_values: dict[str, object] = {}
        self._saving = False

    @property
    def editing(self) -> bool:
        return self.initial is not None

    def compose(self) -> ComposeResult:
        init = self.initial
        with VerticalScroll(id="event-form", classes="dialog"):
            yield Label(f"Edit event #{init.id}" if init else "New event", classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label("Type", classes="field-label")
                yield Select(
                    [(t, t) for t in EVENT_TYPES],
                    value=init.type if init else "meeting",
                    allow_blank=False,
                    compact=True,
                    id="type",
                )
            with Horizontal(classes="row"):
                yield Label("Status", classes="field-label")
                yield Select(
                    [(s, s) for s in STATUSES],
                    value=init.status if init else "planned",
                    allow_blank=False,
                    compact=True,
                    id="status",
                    disabled=self.editing,
                )
            if self.editing:
                yield Static(
                    "status changes go through s (they are kept in history)",
                    classes="hint",
                    markup=False,
                )
            with Horizontal(classes="row"):
                yield Label("Actors", classes="field-label")
                yield CompletingInput(
                    value=actors_text(init.actors) if init else "",
                    placeholder="Donald Trump:initiator, Russia:target (role optional)",
                    suggester=ActorSuggester(self.engine, multi=True),
                    id="actors",
                )
            yield Static("", id="actors-preview", classes="preview", markup=False)
            with Horizontal(classes="row"):
                yield Label("When", classes="field-label")
                yield Input(
                    value=when_text(init.when) if init else "",
                    placeholder="next Tuesday, 12 Feb 2025, March 2025, 2026 (empty: unknown)",
                    id="when",
                )
            yield Static("", id="when-preview", classes="preview", markup=False)
            with Horizontal(classes="row"):
                yield Label("Title", classes="field-label")
                yield Input(
                    value=clean(init.title) if init else "",
                    placeholder="empty: made from the type and actors",
                    max_length=500,
                    id="title",
                )
            yield Static("", id="title-preview", classes="preview", markup=False)
            if not self.editing:
                with Horizontal(classes="row"):
                    yield Label("Note", classes="field-label")
                    yield Input(placeholder="where this comes from (optional)", id="note")
            else:
                with Horizontal(classes="row"):
                    yield Label("Notes", classes="field-label")
                    yield Input(
                        value=clean(init.notes) if init and init.notes else "",
                        placeholder="your remarks on this event (optional)",
                        id="notes",
                    )
            yield Static("", id="form-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self._initial_values = self._raw()
        self._update_when_preview()
        self._check_actors()
        self.query_one("#actors" if not self.editing else "#title", Input).focus()
        if not self.editing:
            self.query_one("#type", Select).focus()

    # -------------------------------------------------------------- reading

    def _raw(self) -> dict[str, object]:
        values: dict[str, object] = {
            "type": self.query_one("#type", Select).value,
            "status": self.query_one("#status", Select).value,
        }
        for input_ in self.query(Input):
            values[input_.id or ""] = input_.value
        return values

    @property
    def dirty(self) -> bool:
        return self._raw() != self._initial_values

    def _value(self, id_: str) -> str:
        return self.query_one(f"#{id_}", Input).value

    def _parsed_when(self) -> tuple[When | None, str | None]:
        text = self._value("when").strip()
        if not text:
            return None, None
        # "March" for a planned event is the next March, for one that occurred the last one
        status = str(self.query_one("#status", Select).value)
        when = parse_when(text, self._today(), direction_for_status(status))
        if when is None:
            return None, f"“{text}” is not a date I understand"
        return when, future_occurrence(status, when, self._today())

    def _update_when_preview(self) -> None:
        preview = self.query_one("#when-preview", Static)
        text = self._value("when").strip()
        if self.editing and text == when_text(self.initial.when) and self.initial.when:
            when = self.initial.when
            error = None
        else:
            when, error = self._parsed_when()
        if error:
            preview.update(styled("✗ " + error, "bold $error"))
        elif when is None:
            preview.update(
                styled(
                    "→ time unknown: placed at the first article's date (or today)", "$text-muted"
                )
            )
        else:
            span = ""
            if when.start != when.end:
                span = f"  ({day_label(when.start)} – {day_label(when.end)})"
            preview.update(
                styled(f"→ {when.label()} · precision {when.precision}{span}", "$success")
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "status":
            self._update_when_preview()  # the status decides which way "March" is read

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "when":
            self._update_when_preview()
        elif event.input.id == "actors":
            self._check_actors()
        elif event.input.id == "title":
            self.query_one("#title-preview", Static).update(
                styled("✗ a title cannot be empty", "bold $error")
                if self.editing and not event.value.strip()
                else ""
            )
        self.query_one("#form-error", Static).update("")

    @work(exclusive=True, group="actor-check")
    async def _check_actors(self) -> None:
        preview = self.query_one("#actors-preview", Static)
        try:
            actors = parse_actors(self._value("actors"))
        except TrackerError as exc:
            preview.update(styled("✗ " + clean(str(exc)), "bold $error"))
            return
        if not actors:
            preview.update(styled("no actors (optional)", "$text-muted"))
            return

        def lookup() -> list[str | None]:
            with Session(self.engine) as session:
                names = []
                for spec in actors:
                    found = find_actor(session, spec.name)
                    entry = None if found else gazetteer_entry(spec.name)
                    names.append(found.name if found else entry.name if entry else None)
                return names

        known = await asyncio.to_thread(lookup)
        text = Line("→ ")
        for i, (spec, name) in enumerate(zip(actors, known, strict=True)):
            if i:
                text.append(", ")
            text.append(clean(name or spec.name), style="bold")
            text.append(f" ({spec.role})", style="$text-muted")
            if name is None:
                text.append(" unknown: new actor?", style="italic $warning")
        preview.update(text.content())

    def _validate(self) -> tuple[EventFormValues | None, list[str]]:
        errors: list[str] = []
        try:
            actors = tuple(parse_actors(self._value("actors")))
        except TrackerError as exc:
            actors = ()
            errors.append(str(exc))
        text = self._value("when").strip()
        init = self.initial
        unchanged_when = init is not None and text == when_text(init.when)
        if unchanged_when:
            when, when_error = init.when, None
        else:
            when, when_error = self._parsed_when()
        if when_error:
            errors.append(when_error)
        title = self._value("title").strip()
        if init is not None and not title:
            errors.append("a title cannot be empty")
        if errors:
            return None, errors
        values = EventFormValues(
            type=str(self.query_one("#type", Select).value),
            status=str(self.query_one("#status", Select).value),
            actors=actors,
            actors_changed=init is None
            or self._value("actors") != self._initial_values.get("actors"),
            title=title,
            title_changed=init is None or title != clean(init.title),
            when=when,
            when_changed=init is None or not unchanged_when,
            note=self._value("note").strip() if not self.editing else "",
            notes=self._value("notes")
            if self.editing and self._value("notes") != self._initial_values.get("notes")
            else None,
        )
        return values, []

    # -------------------------------------------------------------- actions

    def action_save(self) -> None:
        if self._saving:
            return
        values, errors = self._validate()
        if values is None:
            message = "Not saved: " + "; ".join(clean(e) for e in errors)
            self.show_error(styled(message, "bold $error"))
            return
        self._saving = True
        self.query_one("#form-error", Static).update(styled("saving…", "$text-muted"))
        self._save(values, self.version)

    @work(thread=True, exclusive=True, group="save")
    def _save(self, values: EventFormValues, version: int | None) -> Saved[int | None] | None:
        try:
            event_id = self.submit(values, version)
        except StaleEventError as exc:
            self.app.call_from_thread(self._conflict, exc)
        except UnknownActorError as exc:
            self.app.call_from_thread(self._confirm_new_actors, values, version, exc)
        except TrackerError as exc:
            self.app.call_from_thread(self._failed, str(exc))
        else:
            return Saved(event_id)
        return None

    def _confirm_new_actors(
        self, values: EventFormValues, version: int | None, exc: UnknownActorError
    ) -> None:
        """Names nobody knows are created only once the analyst says so."""
        names = [name for name, _ in exc.unknown]
        lines = []
        for name, close in exc.unknown:
            hint = f" (did you mean {' or '.join(close)}?)" if close else ""
            lines.append(f"{name}{hint}")

        def answered(create: bool | None) -> None:
            if not create:
                self._failed(f"{exc}; correct the name, or save again and confirm")
                return
            keys = {name_key(n) for n in names}
            actors = tuple(
                replace(a, new=True) if name_key(a.name) in keys else a for a in values.actors
            )
            self._save(replace(values, actors=actors), version)

        noun = "this new actor" if len(names) == 1 else f"these {len(names)} new actors"
        self.app.push_screen(
            ConfirmScreen(
                f"Create {noun}?",
                "\n".join(lines) + "\nNo actor or gazetteer entry has this name.",
                yes="Create",
                no="Go back",
            ),
            answered,
        )
