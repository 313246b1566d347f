"""Change an event's status: a new entry in its history, never an overwrite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain import STATUSES, When, clean
from tracker.errors import TrackerError
from tracker.extract.dates import parse_when
from tracker.services.timeline import EventDetails
from tracker.tui.conflict import StaleEventError
from tracker.tui.screens.form import FormScreen
from tracker.tui.styled import Line, styled

# the status an event most likely moves to next, offered first in the form
LIKELY_NEXT: dict[str, str] = {
    "proposed": "occurred",
    "planned": "occurred",
    "threatened": "occurred",
    "postponed": "planned",
    "occurred": "cancelled",  # a report that did not hold
    "cancelled": "planned",  # revived
}


def likely_next(status: str) -> str:
    """The default new status for an event now in ``status`` (never ``status`` itself)."""
    guess = LIKELY_NEXT.get(status)
    if guess and guess != status:
        return guess
    return next(s for s in STATUSES if s != status)


@dataclass(frozen=True)
class StatusFormValues:
    status: str
    at: When | None
    note: str


# (event id, values, expected version) -> None; runs in a worker thread
SubmitStatus = Callable[[int, StatusFormValues, int], None]


class StatusForm(FormScreen[bool]):
    """`s`: new status, when it took effect (plain language), a note."""

    ERROR_ID = "status-error"
    DISCARD_QUESTION = "Discard this status change?"
    CONFLICT_HINT = (
        "Press Save again to append your change to the fresh history, or Esc to drop it."
    )

    def __init__(
        self, event: EventDetails, today: Callable[[], dt.date], submit: SubmitStatus
    ) -> None:
        super().__init__()
        self.event = event
        self.version = event.version
        self._today = today
        self.submit = submit
        self._saving = False

    def compose(self) -> ComposeResult:
        e = self.event
        others = [s for s in STATUSES if s != e.status]
        with Vertical(id="status-form", classes="dialog"):
            yield Label(f"Change status of #{e.id}", classes="dialog-title")
            yield Static(
                Line(clean(e.title), "bold").append(f"  — now {e.status}, {e.when_text}").content(),
                classes="hint",
            )
            with Horizontal(classes="row"):
                yield Label("Status", classes="field-label")
                yield Select(
                    [(s, s) for s in others],
                    value=likely_next(e.status),
                    allow_blank=False,
                    compact=True,
                    id="new-status",
                )
                yield Label(f"now {e.status}", id="current-status")
            with Horizontal(classes="row"):
                yield Label("Effective", classes="field-label")
                yield Input(
                    value="today", placeholder="today, yesterday, 3 March 2025…", id="effective"
                )
            yield Static("", id="effective-preview", classes="preview", markup=False)
            with Horizontal(classes="row"):
                yield Label("Note", classes="field-label")
                yield Input(placeholder="source or reason (optional)", id="status-note")
            yield Static("", id="status-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self._preview()
        self.query_one("#new-status", Select).focus()

    def _parsed(self) -> tuple[When | None, str | None]:
        text = self.query_one("#effective", Input).value.strip()
        if not text:
            return None, "say when it took effect (e.g. today, 3 March 2025)"
        when = parse_when(text, self._today(), "backward")  # a change takes effect now or before
        if when is None:
            return None, f"“{text}” is not a date I understand"
        return when, None

    def _preview(self) -> None:
        when, error = self._parsed()
        preview = self.query_one("#effective-preview", Static)
        if error:
            preview.update(styled("✗ " + error, "bold $error"))
        elif when:
            preview.update(styled(f"→ {when.label()} · precision {when.precision}", "$success"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "effective":
            self._preview()
        self.query_one("#status-error", Static).update("")

    def action_save(self) -> None:
        if self._saving:
            return
        when, error = self._parsed()
        if error:
            self.query_one("#status-error", Static).update(
                styled("Not saved: " + error, "bold $error")
            )
            return
        values = StatusFormValues(
            status=str(self.query_one("#new-status", Select).value),
            at=when,
            note=self.query_one("#status-note", Input).value.strip(),
        )
        self._saving = True
        self._save(values, self.version)

    @work(thread=True, exclusive=True, group="save")
    def _save(self, values: StatusFormValues, version: int) -> None:
        try:
            self.submit(self.event.id, values, version)
        except StaleEventError as exc:
            self.app.call_from_thread(self._conflict, exc)
        except TrackerError as exc:
            self.app.call_from_thread(self._failed, str(exc))
        else:
            self.app.call_from_thread(self.dismiss, True)

    @property
    def dirty(self) -> bool:
        return bool(self.query_one("#status-note", Input).value.strip())

    def cancelled_result(self) -> bool:
        return False
