"""`g`: jump the timeline to a day typed in plain language ("3 March 2025", "next Friday")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tracker.domain import When, day_label
from tracker.extract.dates import parse_when
from tracker.tui.styled import styled


class GoToDateScreen(ModalScreen[dt.date | None]):
    """Dismisses with the first day of what was typed; Escape with None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="goto", classes="dialog"):
            yield Label("Go to a date", classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label("Date", classes="field-label")
                yield Input(placeholder="3 March 2025, next Friday, June 2024…", id="goto-date")
            yield Static("", id="goto-preview", classes="preview", markup=False)
            yield Static(
                "Enter jumps to the first event on or after that day · Esc cancels · "
                "Home and End go to the first and last event",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#goto-date", Input).focus()

    def _parsed(self) -> When | None:
        text = self.query_one("#goto-date", Input).value.strip()
        return parse_when(text, self._today()) if text else None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        preview = self.query_one("#goto-preview", Static)
        when = self._parsed()
        if not event.value.strip():
            preview.update("")
        elif when is None:
            preview.update(
                styled(f"✗ “{event.value.strip()}” is not a date I understand", "$error")
            )
        else:
            label = day_label(when.start)
            if when.label() != label:
                label += f" (the start of {when.label()})"
            preview.update(styled(f"→ {label}", "$success"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        when = self._parsed()
        if when is not None:
            self.dismiss(when.start)

    def action_cancel(self) -> None:
        self.dismiss(None)
