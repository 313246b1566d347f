"""Change an event's status: a new entry in its history, never an overwrite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from tracker.domain import STATUSES, When, clean
from tracker.errors import TrackerError
from tracker.extract.dates import parse_when
from tracker.services.events import StatusTime, plan_status_time
from tracker.services.timeline import EventDetails
from tracker.tui.conflict import StaleEventError
from tracker.tui.screens.form import FormScreen, Saved
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
# before its time has come an event cannot have occurred: what news of it usually says then
LIKELY_BEFORE_ITS_TIME: dict[str, str] = {
    "proposed": "planned",  # accepted
    "planned": "postponed",
    "threatened": "cancelled",  # withdrawn
}


def likely_next(status: str, when: When | None = None, today: dt.date | None = None) -> str:
    """The default new status for an event now in ``status`` (never ``status`` itself).

    "occurred" is offered only once the event's time has come (or when it has none).
    """
    if when is not None and today is not None and when.start > today:
        guess = LIKELY_BEFORE_ITS_TIME.get(status) or LIKELY_NEXT.get(status)
    else:
        guess = LIKELY_NEXT.get(status)
    if guess and guess != status:
        return guess
    return next(s for s in STATUSES if s != status)


@dataclass(frozen=True)
class StatusFormValues:
    status: str
    at: When | None  # when the change takes effect, as previewed
    note: str
    keep_time: bool = False
    given: bool = True  # False: the proposed time, untouched (no time given, as without --at)


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
        self._effective_default = ""  # the Effective field's default, while untouched

    def compose(self) -> ComposeResult:
        e = self.event
        others = [s for s in STATUSES if s != e.status]
        with VerticalScroll(id="status-form", classes="dialog"):
            yield Label(f"Change status of #{e.id}", classes="dialog-title")
            yield Static(
                Line(clean(e.title), "bold").append(f"  — now {e.status}, {e.when_text}").content(),
                classes="hint",
            )
            with Horizontal(classes="row"):
                yield Label("Status", classes="field-label")
                yield Select(
                    [(s, s) for s in others],
                    value=likely_next(e.status, e.when, self._today()),
                    allow_blank=False,
                    compact=True,
                    id="new-status",
                )
                yield Label(f"now {e.status}", id="current-status")
            with Horizontal(classes="row"):
                yield Label("Effective", classes="field-label")
                yield Input(
                    value=self._default_effective(likely_next(e.status, e.when, self._today())),
                    placeholder="today, yesterday, 3 March 2025…",
                    id="effective",
                )
            yield Static("", id="effective-preview", classes="preview", markup=False)
            with Horizontal(classes="row"):
                yield Label("", classes="field-label")
                yield Checkbox("keep the event's time", id="keep-time", compact=True)
            yield Static("", id="time-preview", classes="preview", markup=False)
            with Horizontal(classes="row"):
                yield Label("Note", classes="field-label")
                yield Input(placeholder="source or reason (optional)", id="status-note")
            yield Static("", id="status-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self._effective_default = self.query_one("#effective", Input).value
        self._preview()
        self.query_one("#new-status", Select).focus()

    def _default_effective(self, status: str) -> str:
        """An event marked occurred once its time has come occurred then; else today."""
        when = self.event.when
        if status == "occurred" and when is not None and when.start <= self._today():
            return when.label()
        return "today"

    def _status(self) -> str:
        return str(self.query_one("#new-status", Select).value)

    def _given(self) -> bool:
        """Whether a time was typed: the proposed one, untouched, is no time given, as
        `tracker status` without --at (an undated event stays undated; an event whose time has
        come occurred at that time)."""
        return self.query_one("#effective", Input).value.strip() != self._effective_default

    def _parsed(self) -> tuple[StatusTime | None, str | None]:
        text = self.query_one("#effective", Input).value.strip()
        if not text:
            return None, "say when it took effect (e.g. today, 3 March 2025)"
        when = parse_when(text, self._today(), "backward")  # a change takes effect now or before
        if when is None:
            return None, f"“{text}” is not a date I understand"
        given = self._given()
        try:
            plan = plan_status_time(
                self._status(),
                self.event.when,
                when if given else None,
                self._today(),
                keep_time=self.query_one("#keep-time", Checkbox).value,
            )
        except TrackerError as exc:
            return None, str(exc)
        return plan, None

    def _preview(self) -> None:
        plan, error = self._parsed()
        preview = self.query_one("#effective-preview", Static)
        moves = self.query_one("#time-preview", Static)
        if error or plan is None:
            preview.update(styled("✗ " + (error or ""), "bold $error"))
            moves.update("")
            return
        when = plan.effective
        preview.update(styled(f"→ {when.label()} · precision {when.precision}", "$success"))
        if plan.moves:
            before = plan.moved_from.label() if plan.moved_from else "time unknown"
            moves.update(
                styled(
                    f"moves the event from {before} to {when.label()} "
                    "(the history keeps the old time)",
                    "$warning",
                )
            )
        elif self._status() == "occurred" and self.event.when is not None:
            moves.update(styled(f"the event keeps its time, {self.event.when_text}", "$text-muted"))
        elif self._status() == "occurred":
            moves.update(
                styled("the event stays undated (type a time to date it)", "$text-muted")
            )
        else:
            moves.update("")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "new-status":
            return
        effective = self.query_one("#effective", Input)
        if effective.value == self._effective_default:  # untouched: follow the status
            self._effective_default = self._default_effective(self._status())
            effective.value = self._effective_default
        self._preview()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "effective":
            self._preview()
        self.query_one("#status-error", Static).update("")

    def action_save(self) -> None:
        if self._saving:
            return
        plan, error = self._parsed()
        if error or plan is None:
            self.show_error(styled("Not saved: " + (error or ""), "bold $error"))
            return
        values = StatusFormValues(
            status=self._status(),
            at=plan.effective,
            note=self.query_one("#status-note", Input).value.strip(),
            keep_time=self.query_one("#keep-time", Checkbox).value,
            given=self._given(),
        )
        self._saving = True
        self._save(values, self.version)

    @work(thread=True, exclusive=True, group="save")
    def _save(self, values: StatusFormValues, version: int) -> Saved[bool] | None:
        try:
            self.submit(self.event.id, values, version)
        except StaleEventError as exc:
            self.app.call_from_thread(self._conflict, exc)
        except TrackerError as exc:
            self.app.call_from_thread(self._failed, str(exc))
        else:
            return Saved(True)
        return None

    @property
    def dirty(self) -> bool:
        return bool(self.query_one("#status-note", Input).value.strip())

    def cancelled_result(self) -> bool:
        return False
